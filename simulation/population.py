"""Populations: distributions over caregiving and temperament, not one caregiver.

In a realistic population caregiving explains only part of security (De Wolff & van IJzendoorn
1997): caregivers differ, infants differ in temperament, and chance plays its part. A
:class:`Population` draws each infant's caregiver and temperament from bounded bell-shaped
distributions (keyed draws, so infant k of a population is the same in any cohort), with a shared
"sensitivity" factor correlating responsiveness, consistency and warmth, a share of caregivers
whose care is at times frightening and a share with unresolved loss or trauma. A population can
also carry cultural mechanisms as model-parameter changes (how unfamiliar separation is; how
much early independence is encouraged).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import rng
from .home_year import CareArrays, CaregiverArrays
from .inputs import check_number, check_unit
from .params import ModelParams
from .temperament import TemperamentDistribution


@dataclass(frozen=True)
class Spread:
    """A bounded bell-shaped distribution on [0, 1]: ``clip(mean + sd * z)``."""

    mean: float
    sd: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "mean", check_unit("mean", self.mean))
        object.__setattr__(self, "sd", check_number("sd", self.sd, 0.0, 0.5))


@dataclass(frozen=True)
class Population:
    """A distribution of caregiving and temperament, with optional cultural mechanisms."""

    name: str
    description: str
    responsiveness: Spread
    consistency: Spread
    warmth: Spread
    #: share of caregivers whose care is at times frightening, and how frightening it is then
    frightening_share: float = 0.0
    frightening: Spread = Spread(0.5, 0.15)
    #: share of caregivers with unresolved loss or trauma (Main & Hesse 1990; Schuengel et al.
    #: 1999), and how unresolved they are then
    unresolved_share: float = 0.0
    unresolved: Spread = Spread(0.5, 0.15)
    #: correlation of responsiveness, consistency and warmth through a shared factor
    correlation: float = 0.4
    temperament: TemperamentDistribution = TemperamentDistribution()
    #: model-parameter changes that carry a cultural mechanism (see the preset's description)
    params: dict[str, float] = field(default_factory=dict)
    #: the published distribution this population is meant to reproduce, if any
    source: str = ""

    def __post_init__(self) -> None:
        check_unit("frightening_share", self.frightening_share)
        check_unit("unresolved_share", self.unresolved_share)
        check_unit("correlation", self.correlation)
        ModelParams().with_changes(**self.params)  # validates names and ranges

    def model_params(self, base: ModelParams | None = None) -> ModelParams:
        """The model parameters with this population's cultural mechanisms applied."""
        return (base or ModelParams()).with_changes(**self.params)

    def draw(self, keys: np.ndarray) -> CareArrays:
        """Each infant's caregiver, drawn from the population (keyed by infant)."""
        u = rng.uniforms(keys, rng.Purpose.CAREGIVING, 0, 16)

        def z(i: int) -> np.ndarray:
            return (rng.bell(u[i], u[i + 1], u[i + 2]) - 0.5) * 6.0

        shared = z(0)
        rho = self.correlation
        own_weight = np.sqrt(1.0 - rho * rho)

        def trait(spread: Spread, i: int) -> np.ndarray:
            mixed = rho * shared + own_weight * z(i)
            return np.clip(spread.mean + spread.sd * mixed, 0.0, 1.0)

        responsiveness = trait(self.responsiveness, 3)
        consistency = trait(self.consistency, 6)
        warmth = trait(self.warmth, 9)
        level = np.clip(self.frightening.mean + self.frightening.sd * z(12), 0.0, 1.0)
        frightening = np.where(u[15] < self.frightening_share, level, 0.0)
        # unresolved loss on a new step of the caregiving stream, so that no earlier draw shifts
        v = rng.uniforms(keys, rng.Purpose.CAREGIVING, 1, 4)
        unresolved_level = np.clip(
            self.unresolved.mean + self.unresolved.sd * (rng.bell(v[0], v[1], v[2]) - 0.5) * 6.0,
            0.0, 1.0)
        unresolved = np.where(v[3] < self.unresolved_share, unresolved_level, 0.0)
        return CareArrays(CaregiverArrays.from_arrays(responsiveness, consistency, warmth,
                                                      frightening, unresolved))
