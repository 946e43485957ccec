"""State of dyads in the Strange Situation: one structured record per infant.

The cohort engine holds an array of shape (N,) of :data:`STATE` records; the Mesa model holds one
of shape (1,) whose parts its ``Infant``, ``Caregiver`` and ``Stranger`` agents own. Both drive it
with the same compiled rules (:mod:`simulation.rules`), which read and write one record at a time.
A field reads as an array of the whole cohort: ``state["x"]``.
"""

from __future__ import annotations

import numpy as np

from . import room
from .codes import Action, AdultAct, Held, Motive

#: dtypes of the state: small integers for codes, 16-bit clocks, 32-bit floats (float32 is ample
#: for metres and arousal; the rules compute in float32 throughout).
CODE = np.int8
COUNT = np.int16
REAL = np.float32

STATE = np.dtype([
    # the procedure
    ("episode", CODE),  # 1..8 while running, 9 when finished
    ("t_ep", COUNT),  # seconds already run in the current episode
    ("hard_cry_net", COUNT),  # +2 per second of hard crying, -1 otherwise (curtailment)
    ("calm_run", COUNT),  # seconds in a row without crying
    # the infant
    ("x", REAL),
    ("y", REAL),
    ("arousal", REAL),  # internal
    ("cry_drive", REAL),  # internal: crying builds toward arousal x gain, and settles
    ("frustration", REAL),  # internal: distress unmet (she is gone, out of reach, putting it down)
    ("motive", CODE),  # internal: the chosen slot (Motive), what it is trying to do
    ("action", CODE),  # the act it shows (Action), in the record
    ("target", CODE),
    ("cry", CODE),
    ("gaze", CODE),
    ("held", CODE),
    ("toy_x", REAL),  # the spot among the toys this infant plays at
    ("toy_y", REAL),
    ("propensity", REAL, (len(Motive),)),  # of each motive this second
    ("choice_sums", REAL, (len(Motive),)),  # running sums of the motive weights (the choice)
    # the caregiver
    ("cg_present", np.bool_),
    ("cg_x", REAL),
    ("cg_y", REAL),
    ("cg_act", CODE),
    ("cg_timer", COUNT),  # seconds in the current act
    ("cg_hold", COUNT),  # seconds holding the infant in this pick-up
    ("cg_bid_run", COUNT),  # seconds in a row the infant has been bidding for her
    ("cg_push_run", COUNT),  # seconds in a row the infant pushed or squirmed while held
    ("cg_avoid_run", COUNT),  # seconds in a row the infant avoided her
    ("cg_gone", np.bool_),  # she walked out at the end of episode 5
    ("cg_unresolved", REAL),  # her unresolved loss (the caregiving parameter), for the reunions
    ("cg_stilled", COUNT),  # seconds left of a dissociated moment (rules/unresolved.py)
    # the stranger
    ("st_present", np.bool_),
    ("st_x", REAL),
    ("st_y", REAL),
    ("st_act", CODE),
    ("st_timer", COUNT),
    ("st_hold", COUNT),
    ("st_bid_run", COUNT),
    ("st_push_run", COUNT),
    ("st_avoid_run", COUNT),
])


def start(toy_x: np.ndarray, toy_y: np.ndarray,
          unresolved: np.ndarray | None = None) -> np.ndarray:
    """Episode 1, second 0: the caregiver carries the infant in through the door
    (``unresolved``: her unresolved loss, per dyad; none: 0)."""
    s = np.zeros(np.shape(toy_x), dtype=STATE)
    if unresolved is not None:
        s["cg_unresolved"] = unresolved
    s["episode"] = 1
    s["x"], s["y"] = room.DOOR
    s["arousal"] = 0.1
    s["motive"] = int(Motive.CONTACT_PASSIVE)
    s["action"] = int(Action.CONTACT_PASSIVE)
    s["target"] = 1
    s["gaze"] = 1
    s["held"] = int(Held.CAREGIVER)
    s["toy_x"], s["toy_y"] = toy_x, toy_y
    s["cg_present"] = True
    s["cg_x"], s["cg_y"] = room.DOOR
    s["cg_act"] = int(AdultAct.HOLDING)
    s["st_x"], s["st_y"] = room.DOOR
    s["st_act"] = int(AdultAct.ABSENT)
    return s

