"""Hand-built state for the rule tests: one infant's dispositions, state and perception, and the
parameter records the compiled rules read. Every rule is called as it is in the engine: compiled,
or as plain Python under ``NUMBA_DISABLE_JIT=1``. Records are views of ``numpy.recarray`` so
that a test sets a field as the rules do (``per.cg_in = True``)."""

from __future__ import annotations

import os

import numpy as np

from simulation.dyad_state import STATE
from simulation.params import ModelParams
from simulation.rules.catalogue import home_params, ssp_params
from simulation.rules.dispositions import dispositions
from simulation.rules.perception import PERCEPTION
from simulation.working_model import WorkingModel


def records(a: np.ndarray) -> np.recarray:
    return a.view(np.recarray)


#: The plain-Python tier runs the rules without compiling them.
PLAIN = os.environ.get("NUMBA_DISABLE_JIT", "0") not in ("", "0")


def infants(default_plain: int, default_compiled: int) -> int:
    """Cohort size for the small-cohort tests: ``SSP_TEST_INFANTS`` if set, else a small
    default (smaller still as plain Python, about 2 s of CPU an infant)."""
    value = os.environ.get("SSP_TEST_INFANTS", "").strip()
    if value:
        return max(int(value), 1)
    return default_plain if PLAIN else default_compiled


def working_model(trust=0.85, rebuff=0.1, gain=0.35, volatility=0.0, fear=0.0, paid=0.0,
                  helpless=0.0) -> WorkingModel:
    """One infant's working model (arrays of one), volatility on [0, 1]; ``paid`` is escalation
    paid, ``helpless`` helplessness."""
    p = ModelParams()
    return WorkingModel(*(np.array([v]) for v in (
        trust, trust, trust, volatility * p.volatility_scale, rebuff, gain, fear, paid,
        helpless)))


def disposed(p: ModelParams | None = None, reactivity=0.5, soothability=0.5, **wm):
    """One infant's dispositions record for a hand-made working model."""
    p = p or ModelParams()
    d = dispositions(working_model(**wm), np.array([reactivity]), np.array([soothability]), p)
    return records(d)[0]


def dyad(p: ModelParams | None = None, **wm):
    """(state, perception, dispositions, per-second params) of one infant: a zeroed state,
    nobody in the room, at the start of episode 1."""
    p = p or ModelParams()
    s = records(np.zeros(1, dtype=STATE))[0]
    s.episode = 1
    per = records(np.zeros(1, dtype=PERCEPTION))[0]
    per.d_cg = per.d_st = 3.0
    return s, per, disposed(p, **wm), second(p)


def second(p: ModelParams | None = None):
    """The per-second parameter record the compiled rules read."""
    return records(ssp_params(p or ModelParams()))[()]


def home(p: ModelParams | None = None):
    """The home year's parameter record."""
    return records(home_params(p or ModelParams()))[()]


def present(per, d_cg=2.0, overture=False, held=False):
    """She is in the room, ``d_cg`` metres away (in contact if held or close)."""
    per.cg_in = True
    per.d_cg = 0.0 if held else d_cg
    per.held_cg = held
    per.contact_cg = held or d_cg <= 0.35
    per.near_cg = held or d_cg <= 1.0
    per.cg_overture = overture
    return per


def propensities(s, per, d, p, arousal) -> dict[str, float]:
    """Propensity of every action at this arousal, by action name."""
    from simulation.codes import Motive
    from simulation.rules import infant

    infant.propensities(s, per, d, np.float32(arousal), p)
    return dict(zip([a.name for a in Motive], [float(v) for v in s.propensity], strict=True))
