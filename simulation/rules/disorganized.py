"""Fear and disorganized lapses (D): the haven that is also the source of alarm.

A feared caregiver is at once haven and threat (Main & Hesse 1990): in her presence, aroused, the
infant's strategy lapses now and then: it freezes, breaks off an approach, or shows
apprehension at her overtures, graded in learned fear (more fear, more lapses; so that
frightening care makes D probable, not certain). Where the pull to approach and the expectation
of rebuff balance, approaches are broken off too (approach-avoidance conflict, a route to D
without frightening care; Main & Solomon 1990). The fear's stress is in
:func:`simulation.rules.arousal.stress`.

"Lapse" means only this: a lapse of the infant's strategy in her presence (as the observer codes
it, :mod:`simulation.observer.disorganization`). The caregiver's periods of unavailability at
home are "preoccupation" (:mod:`simulation.rules.availability`).
"""

from __future__ import annotations

import numpy as np

from ..codes import ACTION
from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits

PARAMS = (
    Param("lapse_weight", 0.5, 0.0, 5.0, "disorganized lapses per unit of arousal x fear in "
          "the caregiver's presence (graded: more fear, more lapses; Main & Hesse 1990)",
          "Main & Hesse 1990", INFANT),
    Param("conflict_weight", 0.8, 0.0, 5.0, "approaches broken off per unit of arousal where the "
          "pull to approach and the expectation of rebuff are balanced (approach-avoidance "
          "conflict, a route to D without frightening care; Main & Solomon 1990)",
          "Main & Solomon 1990", INFANT),
    Param("freeze_share", 0.5, 0.0, 2.0, "freezing, relative to the weight of lapses",
          "Main & Solomon 1990", SECOND),
    Param("apprehension_share", 0.5, 0.0, 2.0, "apprehension at her overtures, relative to the "
          "weight of lapses", "Main & Solomon 1990", SECOND),
    Param("broken_share", 0.2, 0.0, 2.0, "approaches broken off while not approaching, relative "
          "to the weight of lapses", "Main & Solomon 1990", SECOND),
    Param("broken_approaching", 1.8, 0.0, 5.0, "the extra weight of breaking off an approach "
          "while approaching", "Main & Solomon 1990", SECOND),
)

DISPOSITIONS = (
    ("lapse", "disorganized lapses per unit arousal in her presence (graded in F)"),
    ("conflict", "approaches broken off where approach and avoidance balance"),
)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(
        lapse=p.lapse_weight * t.F,
        # inh x deact peaks at 1/4 where the two balance: x 4 scales the conflict to 1 there
        conflict=p.conflict_weight * 4.0 * t.inh * t.deact,
    )


@kernel
def weight(f_cg, a, d):
    """The weight of lapses this second: aroused, in her presence."""
    return f_cg * a * d.lapse


@kernel
def freeze(lapse, p):
    """Freezing, stilling."""
    return p.freeze_share * lapse


@kernel
def approach_broken(f_free_cg, lapse, a, s, d, p):
    """Approaches broken off: from fear (more while approaching) and from approach-avoidance
    conflict (only while approaching)."""
    approaching = f(s.action == ACTION.APPROACH)
    return f_free_cg * (lapse * (p.broken_share + p.broken_approaching * approaching)
                        + a * d.conflict * approaching)


@kernel
def apprehension(lapse, per, p):
    """Apprehension at her overtures."""
    return p.apprehension_share * lapse * f(per.cg_overture)
