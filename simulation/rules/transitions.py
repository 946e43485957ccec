"""The procedure's own rules: when an episode ends and who enters or leaves.

Timing rules from Ainsworth et al. (1978, ch. 2) and Waters (2002): nominal 3-minute episodes
(episode 1: 30 s); a separation (4, 6, 7) is cut short once the infant has cried hard for about a
minute and will not calm; the first reunion ends when the caregiver, having resettled the infant,
walks out (lengthened while the infant is not comforted, bounded); the second reunion is
lengthened until the infant is reasonably comforted, bounded.

Each rule takes one dyad's state record ``s`` (:data:`simulation.dyad_state.STATE`).
"""

from __future__ import annotations

import numpy as np

from .. import room
from ..codes import ADULT, CRY, HELD
from ..episodes import (
    COMFORTED_SECONDS,
    CURTAIL_HARD_CRY_SECONDS,
    MAX_REUNION_EXTENSION,
    NOMINAL,
    NOMINAL_REUNION,
    WALK_OUT_ALLOWANCE,
)
from .jit import f, kernel

#: Per-episode nominal lengths indexed by episode number (index 0 and 9 unused).
_NOMINAL_BY_EP = np.concatenate([[0], NOMINAL, [0]]).astype(np.int64)
_DOOR_X, _DOOR_Y = f(room.DOOR[0]), f(room.DOOR[1])


@kernel
def episode_ends(s) -> bool:
    """Whether the current episode is over (judged at the start of a second)."""
    ep, t = s.episode, s.t_ep
    if ep > 8:
        return False
    if ep == 4 or ep == 6 or ep == 7:  # a separation: timed, or cut short
        return t >= _NOMINAL_BY_EP[ep] or s.hard_cry_net >= 2 * CURTAIL_HARD_CRY_SECONDS
    if ep <= 3:
        return t >= _NOMINAL_BY_EP[ep]
    if ep == 5:  # she walked out, or the bound
        return s.cg_gone or t >= NOMINAL_REUNION + MAX_REUNION_EXTENSION + WALK_OUT_ALLOWANCE
    # episode 8: comforted after the nominal three minutes, or the bound
    return ((t >= NOMINAL_REUNION and s.calm_run >= COMFORTED_SECONDS)
            or t >= NOMINAL_REUNION + MAX_REUNION_EXTENSION)


@kernel
def advance(s) -> None:
    """Start the next episode where the current one ended: entries, exits, counters."""
    if not episode_ends(s):
        return
    ep = s.episode + 1
    s.episode = ep
    s.t_ep = 0
    s.hard_cry_net = 0
    stranger_enters = ep == 3 or ep == 7
    caregiver_enters = ep == 5 or ep == 8
    caregiver_out = ep == 4 or ep == 6 or ep >= 9
    stranger_out = ep == 6 or ep >= 9
    stranger_leaves = ep == 5 or ep == 8

    # anyone who still holds the infant when an episode changes hands puts it down
    release = ((s.held == HELD.CAREGIVER and caregiver_out)
               or (s.held == HELD.STRANGER and (stranger_leaves or stranger_out)))
    if release:
        s.held = HELD.NONE
        s.st_hold = 0
        s.cg_hold = 0

    if stranger_enters:
        s.st_present = True
        s.st_x, s.st_y = _DOOR_X, _DOOR_Y
        s.st_act = ADULT.ENTERING
    elif stranger_leaves and s.st_present:
        s.st_act = ADULT.LEAVING
    elif stranger_out:
        s.st_present = False
        s.st_act = ADULT.ABSENT
    if stranger_enters or stranger_leaves or stranger_out:
        s.st_timer = 0

    if caregiver_enters:
        s.cg_present = True
        s.cg_x, s.cg_y = _DOOR_X, _DOOR_Y
        s.cg_act = ADULT.ENTERING
        s.cg_timer = 0
    elif caregiver_out:
        s.cg_present = False
        s.cg_act = ADULT.ABSENT
        s.cg_timer = 0
    s.cg_gone = False


@kernel
def count(s) -> None:
    """End-of-second bookkeeping: the clocks and the crying counters of the timing rules."""
    if s.episode <= 8:
        step = 2 if s.cry == CRY.HARD else -1
        s.hard_cry_net = max(s.hard_cry_net + step, 0)
        s.t_ep += 1
    s.calm_run = s.calm_run + 1 if s.cry == CRY.NONE else 0
