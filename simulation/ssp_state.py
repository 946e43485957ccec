"""State of N dyads in the Strange Situation: plain arrays, one entry per infant.

The cohort engine holds one :class:`SSPState` of shape (N,); the Mesa model holds one of shape
(1,) whose parts its ``Infant``, ``Caregiver`` and ``Stranger`` agents own. Both drive it with the
same kernels (:mod:`simulation.rules`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from . import room
from .record import AdultAct, Held


@dataclass
class SSPState:
    # the procedure
    episode: np.ndarray  # 1..8 while running, 9 when finished
    t_ep: np.ndarray  # seconds already run in the current episode
    hard_cry_net: np.ndarray  # +2 per second of hard crying, -1 otherwise (curtailment)
    calm_run: np.ndarray  # seconds in a row without crying
    # the infant
    x: np.ndarray
    y: np.ndarray
    arousal: np.ndarray  # internal
    action: np.ndarray
    target: np.ndarray
    cry: np.ndarray
    gaze: np.ndarray
    held: np.ndarray
    toy_x: np.ndarray  # the spot among the toys this infant plays at
    toy_y: np.ndarray
    # the caregiver
    cg_present: np.ndarray
    cg_x: np.ndarray
    cg_y: np.ndarray
    cg_act: np.ndarray
    cg_timer: np.ndarray  # seconds in the current act
    cg_hold: np.ndarray  # seconds holding the infant in this pick-up
    cg_bid_run: np.ndarray  # seconds in a row the infant has been bidding for her
    cg_push_run: np.ndarray  # seconds in a row the infant pushed or squirmed while held
    cg_avoid_run: np.ndarray  # seconds in a row the infant avoided her
    cg_gone: np.ndarray  # she walked out at the end of episode 5
    # the stranger
    st_present: np.ndarray
    st_x: np.ndarray
    st_y: np.ndarray
    st_act: np.ndarray
    st_timer: np.ndarray
    st_hold: np.ndarray
    st_bid_run: np.ndarray
    st_push_run: np.ndarray
    st_avoid_run: np.ndarray

    @classmethod
    def start(cls, toy_x: np.ndarray, toy_y: np.ndarray) -> SSPState:
        """Episode 1, second 0: the caregiver carries the infant in through the door."""
        n = toy_x.shape[0]

        def full(v, dtype=np.int64):
            return np.full(n, v, dtype=dtype)

        return cls(
            episode=full(1), t_ep=full(0), hard_cry_net=full(0), calm_run=full(0),
            x=full(room.DOOR[0], np.float64), y=full(room.DOOR[1], np.float64),
            arousal=full(0.1, np.float64), action=full(4), target=full(1), cry=full(0),
            gaze=full(1), held=full(int(Held.CAREGIVER)), toy_x=toy_x, toy_y=toy_y,
            cg_present=full(True, bool), cg_x=full(room.DOOR[0], np.float64),
            cg_y=full(room.DOOR[1], np.float64), cg_act=full(int(AdultAct.HOLDING)),
            cg_timer=full(0), cg_hold=full(0), cg_bid_run=full(0), cg_push_run=full(0),
            cg_avoid_run=full(0), cg_gone=full(False, bool),
            st_present=full(False, bool), st_x=full(room.DOOR[0], np.float64),
            st_y=full(room.DOOR[1], np.float64), st_act=full(int(AdultAct.ABSENT)),
            st_timer=full(0), st_hold=full(0), st_bid_run=full(0), st_push_run=full(0),
            st_avoid_run=full(0),
        )

    @property
    def running(self) -> np.ndarray:
        return self.episode <= 8

    def take(self, index) -> SSPState:
        return SSPState(**{f.name: getattr(self, f.name)[index] for f in fields(self)})
