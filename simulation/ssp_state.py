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

#: dtypes of the state: small integers for codes, 16-bit clocks, 32-bit floats (speed: the
#: cohort engine's per-second work is memory-bound; float32 is ample for metres and arousal).
CODE = np.int8
COUNT = np.int16
REAL = np.float32


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

        def code(v):  # behaviour and act codes
            return np.full(n, v, dtype=CODE)

        def count(v=0):  # clocks and counters
            return np.full(n, v, dtype=COUNT)

        def real(v):  # positions and arousal
            return np.full(n, v, dtype=REAL)

        def flag(v):
            return np.full(n, v, dtype=bool)

        return cls(
            episode=code(1), t_ep=count(), hard_cry_net=count(), calm_run=count(),
            x=real(room.DOOR[0]), y=real(room.DOOR[1]), arousal=real(0.1),
            action=code(4), target=code(1), cry=code(0), gaze=code(1),
            held=code(int(Held.CAREGIVER)),
            toy_x=toy_x.astype(REAL), toy_y=toy_y.astype(REAL),
            cg_present=flag(True), cg_x=real(room.DOOR[0]), cg_y=real(room.DOOR[1]),
            cg_act=code(int(AdultAct.HOLDING)), cg_timer=count(), cg_hold=count(),
            cg_bid_run=count(), cg_push_run=count(), cg_avoid_run=count(), cg_gone=flag(False),
            st_present=flag(False), st_x=real(room.DOOR[0]), st_y=real(room.DOOR[1]),
            st_act=code(int(AdultAct.ABSENT)), st_timer=count(), st_hold=count(),
            st_bid_run=count(), st_push_run=count(), st_avoid_run=count(),
        )

    @property
    def running(self) -> np.ndarray:
        return self.episode <= 8

    def take(self, index) -> SSPState:
        return SSPState(**{f.name: getattr(self, f.name)[index] for f in fields(self)})
