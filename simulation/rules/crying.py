"""Crying, and the learned signal gain behind it.

Crying has its own course: a drive that builds toward arousal times the learned signal gain over
seconds (crying starts as fussing and escalates) and settles when that falls, so that an avoidant
infant can be highly aroused and cry little (Sroufe & Waters 1977). Signal gain above the level a
promptly answered infant settles to is hyperactivation, learned where escalation was rewarded
intermittently (Cassidy & Berlin 1994; :mod:`simulation.rules.learning`); it also drives
ambivalent clinging, angry protest and helplessness.
"""

from __future__ import annotations

import numpy as np

from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits

PARAMS = (
    Param("hyper_onset", 0.05, 0.0, 0.5, "signal gain must exceed rest_gain by this much before "
          "it counts as hyperactivation (a little escalation now and then is ordinary)",
          "Cassidy & Berlin 1994", INFANT),
    Param("hyper_span", 0.25, 0.05, 1.0, "signal gain this far beyond the onset counts as full "
          "hyperactivation (the scale of protest, helplessness and ambivalent clinging)",
          "Cassidy & Berlin 1994", INFANT),
    Param("cry_floor", 0.05, 0.0, 1.0, "crying drive per unit arousal at zero signal gain",
          "Sroufe & Waters 1977", INFANT),
    Param("cry_gain", 1.35, 0.0, 3.0, "extra crying drive per unit arousal and unit signal gain: "
          "overt distress is not arousal (Sroufe & Waters 1977)", "Sroufe & Waters 1977",
          INFANT),
    Param("cry_onset", 0.08, 0.001, 1.0, "per-second build-up of crying toward its drive (crying "
          "starts with fussing and builds over seconds)", "modelling choice", SECOND),
    Param("cry_settle", 0.05, 0.001, 1.0, "per-second settling of crying below its drive",
          "modelling choice", SECOND),
    Param("cry_fuss", 0.4, 0.0, 2.0, "crying level at which a coder hears fussing",
          "modelling choice", SECOND),
    Param("cry_hard", 0.56, 0.0, 2.0, "crying level at which a coder hears hard crying",
          "modelling choice", SECOND),
    Param("cry_noise", 0.08, 0.0, 1.0, "second-to-second noise in what a coder hears",
          "modelling choice", SECOND),
)

DISPOSITIONS = (
    ("cry", "crying drive per unit arousal: cry_floor + cry_gain x G (Sroufe & Waters)"),
)


def hyperactivation(G: np.ndarray, p) -> np.ndarray:
    """Signal gain above the level a promptly and warmly answered infant settles to
    (``rest_gain`` + ``hyper_onset``), scaled by ``hyper_span`` to [0, 1]."""
    return np.clip((G - p.rest_gain - p.hyper_onset) / p.hyper_span, 0.0, 1.0)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(cry=p.cry_floor + p.cry_gain * t.G)


@kernel
def cry_drive(a, d, previous, p):
    """Next second's crying drive: it builds toward arousal times the learned signal gain over
    seconds (crying starts as fussing and escalates) and settles when that falls."""
    target = a * d.cry
    rate = p.cry_settle + f(target > previous) * (p.cry_onset - p.cry_settle)
    return previous + rate * (target - previous)


@kernel
def cry_level(drive, u, p) -> int:
    """Crying a coder hears: none, fussing or hard crying, from the drive with some noise."""
    heard = drive + p.cry_noise * (u - f(0.5))
    return int(heard > p.cry_fuss) + int(heard > p.cry_hard)
