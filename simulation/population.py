"""Populations: distributions over caregiving and temperament, not one caregiver.

In a realistic population caregiving explains only part of security (De Wolff & van IJzendoorn
1997): caregivers differ, infants differ in temperament, and chance plays its part. A
:class:`Population` draws each infant's caregiver and temperament from bounded bell-shaped
distributions (keyed draws, so infant k of a population is the same in any cohort), with a shared
"sensitivity" factor correlating responsiveness, consistency and warmth, a share of caregivers
whose care is at times frightening and a share with unresolved loss or trauma.

How the three go together is the population's covariance structure: each trait loads on the
shared factor (``loadings``; by default all equal to ``correlation``), so two traits correlate
by the product of their loadings. Ainsworth's four maternal care scales (sensitivity,
acceptance, cooperation, accessibility) intercorrelated highly in the Baltimore sample
(Ainsworth et al. 1978, ch. 7): the sensitive mother was also the accessible, consistently
available one. Acceptance (warmth) was the one most distinct from the rest where the groups
differed: mothers of avoidant infants were rejecting, those of ambivalent infants inconsistently
available but not rejecting, and those of secure infants the most accepting. A population whose
responsiveness and consistency load highly on the shared factor and warmth less puts the
unresponsive caregiver with the inconsistent one, where ambivalence arises (Cassidy & Berlin
1994). A population can also carry cultural mechanisms as
model-parameter changes (how unfamiliar separation is; how much early independence is
encouraged).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field, replace

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
    #: per-trait loadings (responsiveness, consistency, warmth) on the shared factor; two
    #: traits correlate by the product of their loadings. Empty: each is ``correlation``.
    loadings: tuple[float, ...] = ()
    temperament: TemperamentDistribution = TemperamentDistribution()
    #: model-parameter changes that carry a cultural mechanism (see the preset's description)
    params: dict[str, float] = field(default_factory=dict)
    #: the published distribution this population is meant to reproduce, if any
    source: str = ""
    #: sd of one study's sample around the population's caregiving means (:meth:`sample`):
    #: studies within a country recruit by social class, risk and sub-culture. Assumed: 0.12
    #: on the 0-1 scale (about 0.6 of the caregivers' own sd, 0.18-0.2), about 1.5 times the
    #: spread of the country presets' mean responsiveness (sd about 0.08, 0.44 to 0.72), so
    #: that samples of one country differ more than countries do, as van IJzendoorn &
    #: Kroonenberg (1988) found. No published figure gives the spread of sensitivity across
    #: samples; the value was chosen with the within/between check in view (0.04, 0.06, 0.08
    #: and 0.10 fell short of it at the validation seed).
    study_sd: float = 0.12

    def __post_init__(self) -> None:
        check_unit("frightening_share", self.frightening_share)
        check_unit("unresolved_share", self.unresolved_share)
        check_unit("correlation", self.correlation)
        object.__setattr__(self, "study_sd", check_number("study_sd", self.study_sd, 0.0, 0.3))
        if self.loadings:
            if len(self.loadings) != 3:
                raise ValueError("loadings: one each for responsiveness, consistency, warmth")
            object.__setattr__(self, "loadings", tuple(
                check_unit(f"loadings[{i}]", v) for i, v in enumerate(self.loadings)))

    @property
    def trait_loadings(self) -> tuple[float, float, float]:
        """The loadings of responsiveness, consistency and warmth on the shared factor."""
        if self.loadings:
            return (self.loadings[0], self.loadings[1], self.loadings[2])
        return (self.correlation,) * 3

    def trait_correlations(self) -> dict[str, float]:
        """The correlations of the three traits implied by the loadings (before clipping)."""
        r, c, w = self.trait_loadings
        return {"responsiveness-consistency": r * c, "responsiveness-warmth": r * w,
                "consistency-warmth": c * w}
        ModelParams().with_changes(**self.params)  # validates names and ranges

    def model_params(self, base: ModelParams | None = None) -> ModelParams:
        """The model parameters with this population's cultural mechanisms applied."""
        return (base or ModelParams()).with_changes(**self.params)

    def sample(self, study: int, seed: int = 0, study_sd: float | None = None) -> Population:
        """The population as one study's sample sees it: the means of responsiveness,
        consistency and warmth moved together by ``study_sd`` (this population's by default)
        times one bell variate of unit variance, drawn for (``seed``, the population's name,
        ``study``) on its own stream (:attr:`simulation.rng.Purpose.STUDY`), so that no
        infant's draw moves. A published study is a sample of a class, a risk level or a
        sub-culture, not of the whole country: within-country differences between studies
        are larger than sampling error (van IJzendoorn & Kroonenberg 1988), and middle-class
        and low-income samples differ in maternal sensitivity and security (e.g. the
        Minnesota poverty sample, Egeland & Farber 1984; Bakermans-Kranenburg et al. 2004).
        The spreads of individual caregivers stay the population's."""
        sd = self.study_sd if study_sd is None else check_number("study_sd", study_sd, 0.0, 0.3)
        name_key = zlib.crc32(self.name.encode()) & 0xFFFFFFFF
        key = rng.infant_keys(int(seed), np.array([name_key * 4096 + int(study)]))
        u = rng.uniforms(key, rng.Purpose.STUDY, 0, 3)
        shift = float((rng.bell(u[0], u[1], u[2])[0] - 0.5) * 6.0) * sd

        def moved(spread: Spread) -> Spread:
            return Spread(float(np.clip(spread.mean + shift, 0.0, 1.0)), spread.sd)

        return replace(self, name=f"{self.name} (study {int(study)})",
                       responsiveness=moved(self.responsiveness),
                       consistency=moved(self.consistency), warmth=moved(self.warmth))

    def draw(self, keys: np.ndarray) -> CareArrays:
        """Each infant's caregiver, drawn from the population (keyed by infant)."""
        u = rng.uniforms(keys, rng.Purpose.CAREGIVING, 0, 16)

        def z(i: int) -> np.ndarray:
            return (rng.bell(u[i], u[i + 1], u[i + 2]) - 0.5) * 6.0

        shared = z(0)
        lr, lc, lw = self.trait_loadings

        def trait(spread: Spread, i: int, loading: float) -> np.ndarray:
            mixed = loading * shared + np.sqrt(1.0 - loading * loading) * z(i)
            return np.clip(spread.mean + spread.sd * mixed, 0.0, 1.0)

        responsiveness = trait(self.responsiveness, 3, lr)
        consistency = trait(self.consistency, 6, lc)
        warmth = trait(self.warmth, 9, lw)
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
