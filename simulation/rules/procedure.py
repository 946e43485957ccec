"""The procedure's own rules: when an episode ends and who enters or leaves.

Timing rules from Ainsworth et al. (1978, ch. 2) and Waters (2002): nominal 3-minute episodes
(episode 1: 30 s); a separation (4, 6, 7) is cut short once the infant has cried hard for about a
minute and will not calm; the first reunion ends when the caregiver, having resettled the infant,
walks out (lengthened while the infant is not comforted, bounded); the second reunion is
lengthened until the infant is reasonably comforted, bounded.
"""

from __future__ import annotations

import numpy as np

from .. import room
from ..procedure import (
    COMFORTED_SECONDS,
    CURTAIL_HARD_CRY_SECONDS,
    MAX_REUNION_EXTENSION,
    NOMINAL,
)
from ..ssp_state import COUNT, SSPState
from .codes import ADULT, CRY, HELD

#: Per-episode nominal lengths indexed by episode number (index 0 and 9 unused).
_NOMINAL_BY_EP = np.concatenate([[0], NOMINAL, [0]])


def episode_ends(s: SSPState) -> np.ndarray:
    """Which infants' current episode is over (judged at the start of a second)."""
    ep, t = s.episode, s.t_ep
    nominal = _NOMINAL_BY_EP[np.minimum(ep, 9)]
    separation = (ep == 4) | (ep == 6) | (ep == 7)
    curtailed = separation & (s.hard_cry_net >= 2 * CURTAIL_HARD_CRY_SECONDS)
    timed = ((ep <= 4) | (ep == 6) | (ep == 7)) & (t >= nominal)
    first_reunion_over = (ep == 5) & (s.cg_gone | (t >= 180 + MAX_REUNION_EXTENSION + 30))
    comforted = s.calm_run >= COMFORTED_SECONDS
    second_reunion_over = (ep == 8) & (((t >= 180) & comforted)
                                       | (t >= 180 + MAX_REUNION_EXTENSION))
    return (ep <= 8) & (timed | curtailed | first_reunion_over | second_reunion_over)


def advance(s: SSPState) -> None:
    """Start the next episode where the current one ended: entries, exits, counters."""
    ends = episode_ends(s)
    if not ends.any():
        return
    ep = np.where(ends, s.episode + 1, s.episode)
    s.episode = ep
    s.t_ep = np.where(ends, 0, s.t_ep)
    s.hard_cry_net = np.where(ends, 0, s.hard_cry_net)

    stranger_enters = ends & ((ep == 3) | (ep == 7))
    caregiver_enters = ends & ((ep == 5) | (ep == 8))
    caregiver_out = ends & ((ep == 4) | (ep == 6) | (ep >= 9))
    stranger_out = ends & ((ep == 6) | (ep >= 9))
    stranger_leaves = ends & ((ep == 5) | (ep == 8))

    # anyone who still holds the infant when an episode changes hands puts it down
    release = ((s.held == HELD.CAREGIVER) & caregiver_out) | (
        (s.held == HELD.STRANGER) & (stranger_leaves | stranger_out))
    s.held = np.where(release, int(HELD.NONE), s.held)

    door_x, door_y = room.DOOR
    s.st_present = np.where(stranger_enters, True, np.where(stranger_out, False, s.st_present))
    s.st_x = np.where(stranger_enters, door_x, s.st_x)
    s.st_y = np.where(stranger_enters, door_y, s.st_y)
    s.st_act = np.where(stranger_enters, int(ADULT.ENTERING),
                        np.where(stranger_leaves & s.st_present, int(ADULT.LEAVING),
                                 np.where(stranger_out, int(ADULT.ABSENT), s.st_act)))
    s.st_timer = np.where(stranger_enters | stranger_leaves | stranger_out, 0, s.st_timer)
    s.st_hold = np.where(release, 0, s.st_hold)

    s.cg_present = np.where(caregiver_enters, True, np.where(caregiver_out, False, s.cg_present))
    s.cg_x = np.where(caregiver_enters, door_x, s.cg_x)
    s.cg_y = np.where(caregiver_enters, door_y, s.cg_y)
    s.cg_act = np.where(caregiver_enters, int(ADULT.ENTERING),
                        np.where(caregiver_out, int(ADULT.ABSENT), s.cg_act))
    s.cg_timer = np.where(caregiver_enters | caregiver_out, 0, s.cg_timer)
    s.cg_gone = np.where(ends, False, s.cg_gone)
    s.cg_hold = np.where(release, 0, s.cg_hold)


def count(s: SSPState) -> None:
    """End-of-second bookkeeping: the clocks and the crying counters of the timing rules."""
    running = s.episode <= 8
    hard = s.cry == CRY.HARD
    step = np.where(hard, COUNT(2), COUNT(-1))
    s.hard_cry_net = np.where(running, np.maximum(s.hard_cry_net + step, COUNT(0)),
                              s.hard_cry_net)
    s.calm_run = np.where(s.cry == CRY.NONE, s.calm_run + 1, 0)
    s.t_ep = np.where(running, s.t_ep + 1, s.t_ep)
