"""One second of the Strange Situation in fixed phases, shared by both drivers.

Phases: the procedure (episode changes, entries and exits), perception, the infant's decision,
the adults' decisions, the adults' act (move, walk out), the hand-over (pick up, put down) and the
infant's movement, the clocks. The Mesa model calls the same functions phase by phase from its
agents.
"""

from __future__ import annotations

import numpy as np

from .. import rng
from ..params import ModelParams
from ..ssp_state import SSPState
from . import adults, infant, procedure, situation
from .dispositions import Dispositions


def run_second(s: SSPState, d: Dispositions, keys: np.ndarray, purpose: int, tick: int,
               p: ModelParams) -> None:
    """Advance every dyad by one second (in place)."""
    procedure.advance(s)
    per = situation.perceive(s)
    draws = rng.uniform_quad(keys, purpose, tick)
    infant.decide(s, per, d, draws, p)
    adults.caregiver_decide(s, per)
    adults.stranger_decide(s, per)
    adults.caregiver_act(s)
    adults.stranger_act(s)
    adults.hand_over(s)
    infant.move(s)
    procedure.count(s)
