"""Every mechanism of the rules, and the parameter records generated from their declarations.

Each mechanism module declares its parameters (``PARAMS``, :class:`~.declaration.Param`) and
its fixed constants (``CONSTANTS``, :class:`~.declaration.Constant`) beside its formulas; this
module collects them in reading order: :class:`simulation.params.ModelParams` is generated from
:data:`PARAMS`, and the two records the compiled loops read from the parameters each declares
``read_by``: :data:`HOME_PARAMS` (the home year, float64) and :data:`SSP_PARAMS` (the seconds of
the Strange Situation, float32, as the rules compute).
"""

from __future__ import annotations

from types import ModuleType

import numpy as np

from . import (
    adults,
    answers,
    arousal,
    availability,
    crying,
    deactivation,
    disorganized,
    enacted,
    helplessness,
    infant,
    learning,
    per_occasion,
    perception,
    protest,
    proximity,
    search,
    secure_base,
    transitions,
    unresolved,
)
from .declaration import HOME, SECOND, Constant, Param
from .traits import FLOAT

#: The mechanisms, in reading order: the home year, then the seconds of the Strange Situation.
MECHANISMS: tuple[ModuleType, ...] = (
    per_occasion, enacted, availability, answers, learning,
    perception, arousal, crying, secure_base, proximity, deactivation, protest, helplessness,
    disorganized, search, infant, unresolved, adults, transitions,
)
#: Every model parameter, in the order of the mechanisms.
PARAMS: tuple[Param, ...] = tuple(p for m in MECHANISMS for p in getattr(m, "PARAMS", ()))
#: Every fixed constant, with the module that holds it.
CONSTANTS: tuple[tuple[ModuleType, Constant], ...] = tuple(
    (m, c) for m in MECHANISMS for c in getattr(m, "CONSTANTS", ()))

#: The model constants the home year reads (float64).
HOME_PARAMS = np.dtype([(p.name, np.float64) for p in PARAMS if p.read_by == HOME])
#: The model constants the per-second rules read (float32, as the rules compute), and two
#: flags derived from ``decisiveness`` (:func:`ssp_params`).
SSP_PARAMS = np.dtype([(p.name, FLOAT) for p in PARAMS if p.read_by == SECOND]
                      + [("squared", np.bool_), ("powered", np.bool_)])


def mechanism_of(name: str) -> ModuleType:
    """The module that declares parameter ``name``."""
    for m in MECHANISMS:
        if any(p.name == name for p in getattr(m, "PARAMS", ())):
            return m
    raise KeyError(name)


def home_params(p) -> np.ndarray:
    """The home year's constants of ``p`` (``ModelParams``) as one :data:`HOME_PARAMS` record
    (a 0-d array)."""
    out = np.zeros((), dtype=HOME_PARAMS)
    for name in HOME_PARAMS.names:
        out[name] = getattr(p, name)
    return out


def ssp_params(p) -> np.ndarray:
    """The per-second constants of ``p`` (``ModelParams``) as one :data:`SSP_PARAMS` record
    (a 0-d array)."""
    out = np.zeros((), dtype=SSP_PARAMS)
    for name in SSP_PARAMS.names:
        if name in ("squared", "powered"):
            continue
        out[name] = getattr(p, name)
    out["squared"] = p.decisiveness == 2.0  # the default: x * x, exactly
    out["powered"] = p.decisiveness != 1.0
    return out
