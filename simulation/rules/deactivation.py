"""Deactivation and avoidance: the strategy of infants who learned to expect rebuff.

Expected rebuff switches the strategy: above a threshold, the pull to approach gives way to
deactivation (Main 1990; Cassidy & Kobak 1988). A deactivating infant turns its attention to the
toys when aroused, more in her presence (displacement), and turns or moves away from her
overtures (avoidance). Deactivation peaks at middling arousal, ``a * (peak - a)``: it holds under
moderate distress and gives way when distress overwhelms it (Main 1990).
"""

from __future__ import annotations

import numpy as np

from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits

PARAMS = (
    Param("rebuff_threshold", 0.35, 0.0, 1.0, "expected rebuff at which approach gives way to "
          "deactivation: the pull to approach is a logistic switch, 1 / (1 + exp((rebuff - "
          "threshold) / steepness))", "Main 1990; Cassidy & Kobak 1988", INFANT),
    Param("rebuff_steepness", 0.05, 0.01, 1.0, "how sharp that switch is (small: a strategy, "
          "large: a gradient)", "Main 1990", INFANT),
    Param("deactivation_peak", 1.25, 1.0, 3.0, "deactivation's weight is arousal x (this - "
          "arousal): it peaks at middling arousal and gives way when distress overwhelms it",
          "Main 1990", SECOND),
    Param("displacement", 1.2, 0.0, 5.0, "deactivating infants' turning of attention to the toys "
          "when aroused in her presence (Main 1990)", "Main 1990", INFANT),
    Param("alone_displacement", 0.3, 0.0, 1.0, "the same when she is gone, relative to her "
          "presence: displacement turns attention away from her, so it needs her there; alone, "
          "the avoidant infant's play falls too (Ainsworth et al. 1978, ch. 6: A infants "
          "explore less in the separations, though more than B)", "Main 1990; Ainsworth et al. "
          "1978, ch. 6", SECOND),
    Param("avoid_weight", 1.5, 0.0, 5.0, "turning or moving away from an adult who makes an "
          "overture", "Ainsworth et al. 1978, A infants", INFANT),
    Param("avoid_unprompted", 0.2, 0.0, 1.0, "avoidance of the caregiver when she makes no "
          "overture, relative to when she does", "Ainsworth et al. 1978, ch. 6", SECOND),
    Param("avoid_stranger_share", 0.3, 0.0, 1.0, "wariness of the stranger's overtures, relative "
          "to avoidance of the caregiver", "Ainsworth et al. 1978, ch. 5", INFANT),
    Param("wariness_familiar", 0.3, 0.0, 1.0, "wariness of the stranger's overtures once she "
          "has been in the room (episodes 4 and 7: the infant met her with the caregiver there), "
          "relative to her first approach in episode 3; a distressed infant alone with her "
          "mostly accepts her comfort (Ainsworth et al. 1978, ch. 4-5)",
          "Ainsworth et al. 1978, ch. 4-5", SECOND),
)

DISPOSITIONS = (
    ("displace", "attention to the toys when aroused: deactivation (the switch on R)"),
    ("avoid", "avoidance of the caregiver's overtures when aroused (deactivation: A)"),
    ("avoid_stranger", "wariness of the stranger's overtures"),
)


def pull_to_approach(R: np.ndarray, p) -> np.ndarray:
    """The pull to approach ``inh``: a logistic switch on expected rebuff (high ``R``: the
    deactivating strategy; its complement ``1 - inh`` is deactivation)."""
    return 1.0 / (1.0 + np.exp((R - p.rebuff_threshold) / p.rebuff_steepness))


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(
        displace=p.displacement * t.deact,
        avoid=p.avoid_weight * t.deact,
        avoid_stranger=p.avoid_stranger_share * p.avoid_weight * t.ones,
    )


@kernel
def deactivating(a, p):
    """The weight of deactivation at arousal ``a``: ``a * (deactivation_peak - a)``."""
    return a * (p.deactivation_peak - a)


@kernel
def displaced(deact, f_cg, without_base, d, p):
    """Attention turned to the toys while aroused: in her presence (``f_cg``), and less when
    she is gone (``without_base``, scaled by ``alone_displacement``)."""
    return d.displace * deact * (f_cg + without_base * p.alone_displacement)


@kernel
def avoid_caregiver(f_cg, deact, per, d, p):
    """Turning or moving away from the caregiver: most when she makes an overture."""
    overture = p.avoid_unprompted + (f(1.0) - p.avoid_unprompted) * f(per.cg_overture)
    return f_cg * deact * d.avoid * overture


@kernel
def avoid_stranger(st_pressing, per, a, episode, d, p):
    """Wariness of the stranger's overtures (not while the caregiver holds the infant): full at
    her first approach (episode 3), ``wariness_familiar`` of that once she has been in the
    room."""
    familiar = f(episode > 3)
    wary = f(1.0) - familiar * (f(1.0) - p.wariness_familiar)
    return f(st_pressing and not per.held_cg) * a * wary * d.avoid_stranger
