"""Fear and disorganized lapses (D): the haven that is also the source of alarm.

A feared caregiver is at once haven and threat (Main & Hesse 1990): in her presence, aroused, the
infant's strategy lapses now and then: it freezes, breaks off an approach, or shows
apprehension at her overtures, graded in learned fear (more fear, more lapses; so that
frightening care makes D probable, not certain). Where the pull to approach and the expectation
of rebuff balance, approaches are broken off too (approach-avoidance conflict, a route to D
without frightening care; Main & Solomon 1990). Disrupted affective communication is a third
route (Lyons-Ruth, Bronfman & Parsons 1999): a caregiver whose answers both come and push away on
the same occasion (contradictory signals: come here, go away) teaches the expectation that a bid
brings her *and* a rebuff, trust x expected rebuff; above what ordinary care teaches, that
expectation adds to the conflict that breaks approaches off (:func:`contradiction`). Fear may
come from frightening care or from her frightened, dissociated answers (unresolved loss;
:mod:`simulation.rules.learning`). The fear's stress is in
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
    Param("contradiction_weight", 2.0, 0.0, 5.0, "approaches broken off per unit of arousal per "
          "unit of learned contradiction (she comes and rebuffs on one occasion: disrupted "
          "affective communication, a route to D without frightening care)",
          "Lyons-Ruth, Bronfman & Parsons 1999", INFANT),
    Param("contradiction_onset", 0.2, 0.0, 0.9, "learned contradiction (trust x expected "
          "rebuff) below which it adds no conflict: the come-and-rebuff that ordinary middling "
          "care teaches (0.5/0.5/0.5 care: about 0.17) is not disrupted communication",
          "modelling choice", INFANT),
    Param("dissociated_alarm", 0.5, 0.0, 5.0, "disorganized lapses per unit of arousal while "
          "the infant sees her stilled and frightened in a dissociated moment (unresolved loss, "
          "at the reunions), beside those from learned fear", "Main & Hesse 1990", SECOND),
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
    ("conflict", "approaches broken off where approach and avoidance balance, or where she "
     "comes and rebuffs (contradictory signals)"),
)


def contradiction(T: np.ndarray, R: np.ndarray, onset: float) -> np.ndarray:
    """Learned contradiction beyond its onset, on [0, 1]: the expectation that a bid brings her
    (trust ``T``) and that her answer rebuffs (``R``), so that one occasion carries both her
    coming and her pushing away (contradictory signals; Lyons-Ruth, Bronfman & Parsons 1999).
    Zero up to ``onset`` (``contradiction_onset``); 1 where T x R reaches its ceiling (T = R =
    1)."""
    return np.clip((T * R - onset) / (1.0 - onset), 0.0, 1.0)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(
        lapse=p.lapse_weight * t.F,
        # inh x deact peaks at 1/4 where the two balance: x 4 scales the conflict to 1 there;
        # disrupted communication adds its own conflict (Lyons-Ruth et al. 1999)
        conflict=p.conflict_weight * 4.0 * t.inh * t.deact
        + p.contradiction_weight * contradiction(t.T, t.R, p.contradiction_onset),
    )


@kernel
def weight(f_cg, a, d, stilled, p):
    """The weight of lapses this second: aroused, in her presence; more while she is stilled in
    a dissociated moment (``stilled`` 1; :mod:`simulation.rules.unresolved`): her frightened,
    absent look alarms whatever the infant learned (Main & Hesse 1990)."""
    return f_cg * a * (d.lapse + p.dissociated_alarm * stilled)


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
