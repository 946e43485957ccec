"""Infant temperament: reactivity and soothability (docs/design.md, the model).

Temperament changes how much an infant cries and how fast it calms, and so which subgroup it
lands in (more reactive infants toward B3/B4 and C, less reactive toward B1/B2 and A: Belsky &
Rovine 1987); it never sets the working model, which is learned.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import rng
from .inputs import check_number, check_unit


@dataclass(frozen=True)
class Temperament:
    """A fixed temperament, both on [0, 1]."""

    reactivity: float = 0.5
    soothability: float = 0.5

    def __post_init__(self) -> None:
        object.__setattr__(self, "reactivity", check_unit("reactivity", self.reactivity))
        object.__setattr__(self, "soothability", check_unit("soothability", self.soothability))

    def draw(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n = keys.shape
        return np.full(n, self.reactivity), np.full(n, self.soothability)


@dataclass(frozen=True)
class TemperamentDistribution:
    """A population distribution of temperament: bounded bell shapes on [0, 1].

    Each trait is ``mean + sd * z`` clipped to [0, 1], with ``z`` a bounded bell variate of
    unit variance (the mean of three uniforms, rescaled), drawn per infant from keyed draws.
    """

    reactivity_mean: float = 0.5
    reactivity_sd: float = 0.15
    soothability_mean: float = 0.5
    soothability_sd: float = 0.15

    def __post_init__(self) -> None:
        for name in ("reactivity_mean", "soothability_mean"):
            object.__setattr__(self, name, check_unit(name, getattr(self, name)))
        for name in ("reactivity_sd", "soothability_sd"):
            object.__setattr__(self, name, check_number(name, getattr(self, name), 0.0, 0.5))

    def draw(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        u = rng.uniforms(keys, rng.Purpose.TEMPERAMENT, 0, 6)
        z1 = (rng.bell(u[0], u[1], u[2]) - 0.5) * 6.0
        z2 = (rng.bell(u[3], u[4], u[5]) - 0.5) * 6.0
        reactivity = np.clip(self.reactivity_mean + self.reactivity_sd * z1, 0.0, 1.0)
        soothability = np.clip(self.soothability_mean + self.soothability_sd * z2, 0.0, 1.0)
        return reactivity, soothability


def as_temperament(value: Temperament | TemperamentDistribution | None):
    """``None`` means the default population distribution."""
    if value is None:
        return TemperamentDistribution()
    if isinstance(value, Temperament | TemperamentDistribution):
        return value
    raise TypeError("temperament must be a Temperament, a TemperamentDistribution or None")
