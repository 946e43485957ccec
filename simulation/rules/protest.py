"""Protest and angry resistance (C1): contact sought and resisted.

The anger of hope: a hyperactivated infant protests at a figure it has learned to reach by
escalating, who may leave again (Bowlby 1973; Cassidy & Berlin 1994). The disposition is learned
from a history of intermittency: when its first bid went unanswered, how often escalating got
her in the end (escalation paid, :func:`simulation.rules.learning.learn_protest_outcomes`), and
how much her availability came and went (learned volatility), with hyperactivation; not from
trust. The moment decides when it shows: frustration builds
while the infant is distressed and its need unmet (she is gone, out of reach, or putting it down
while it is still upset) and fades in her soothing contact; angry resistance is
``arousal x frustration x protest`` while she presses contact (picks it up, holds it, comes
close with an overture).
"""

from __future__ import annotations

import numpy as np

from ..codes import ADULT, MOTIVE
from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits

PARAMS = (
    Param("resist_weight", 3.0, 0.0, 5.0, "angry resistance per unit of arousal x frustration x "
          "protest (the hyperactivated infant's anger at a figure it expects to reach)",
          "Ainsworth et al. 1978, C1 infants; Cassidy & Berlin 1994", INFANT),
    Param("paid_full", 1.0, 0.05, 1.0, "learned escalation paid (how often an answer came only "
          "after escalating) at which the anger of hope is full: protest that pays "
          "intermittently teaches hard signalling and anger at a figure who may leave again",
          "Cassidy & Berlin 1994; Ainsworth et al. 1978, C1 infants", INFANT),
    Param("protest_volatility", 1.0, 0.0, 3.0, "weight of learned volatility (her availability "
          "comes and goes) in the anger of hope, beside escalation paid",
          "Cassidy & Berlin 1994", INFANT),
    Param("protest_stranger", 0.15, 0.0, 1.0, "angry protest at the stranger when the caregiver "
          "is away, relative to at the caregiver: the C infant's anger is aimed at the "
          "attachment figure, and resistance to the stranger stays below resistance to the "
          "caregiver in the reunions (Ainsworth et al. 1978, ch. 5-6)",
          "Ainsworth et al. 1978, ch. 5-6", SECOND),
    Param("frustration_rise", 0.02, 0.0, 1.0, "per-second build-up of frustration while "
          "distressed and unmet (she is gone, out of reach, or putting the infant down)",
          "Ainsworth et al. 1978, C1 infants", SECOND),
    Param("frustration_fall", 0.03, 0.0, 1.0, "per-second fading of frustration in her soothing "
          "contact", "modelling choice", SECOND),
)

DISPOSITIONS = (
    ("protest", "angry protest: hyperactivated, escalation has paid intermittently (C1)"),
)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    # anger of hope: protest at a figure it has learned to reach by escalating, who may leave
    # again (Bowlby 1973; Cassidy & Berlin 1994); the moment (frustration) decides when it shows
    return dict(protest=p.resist_weight * t.hyper
                * np.minimum(p.protest_volatility * t.V + t.P / p.paid_full, 1.0))


@kernel
def resist_angry(a, frustration, f_cg_pressing, st_pressing, cg_in, d, p):
    """Angry resistance: at her while she presses contact, and at the stranger pressing contact
    while she is away."""
    anger = a * frustration * d.protest
    return anger * (f_cg_pressing + p.protest_stranger * f(st_pressing and not cg_in))


@kernel
def update_frustration(s, per, a, p):
    """Next second's frustration: the moment's part of angry protest.

    It builds while the infant is distressed and its need unmet: she is gone, or it wants her and
    she is out of reach, or she is putting it down while it is still upset (the protest at
    release Ainsworth et al. 1978 describe in C1 infants); it fades in her soothing contact.
    """
    bidding = (s.motive == MOTIVE.APPROACH or s.motive == MOTIVE.SIGNAL) and not per.contact_cg
    unmet = (not per.cg_in) or bidding or (per.held_cg and s.cg_act == ADULT.RELEASING)
    fr = s.frustration + p.frustration_rise * a * f(unmet) * (f(1.0) - s.frustration)
    fr = fr - p.frustration_fall * f(per.contact_cg and not unmet) * fr
    return min(max(fr, f(0.0)), f(1.0))
