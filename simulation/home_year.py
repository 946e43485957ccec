"""The home year: hundreds of occasions of need for every infant of a cohort.

The caregiving arrangement becomes arrays here; the compiled rules of
:mod:`simulation.rules.per_occasion` run each infant's occasions. Draws are keyed by (seed,
infant, purpose, occasion), so infant k's year is the same in any cohort and alone in the Mesa
model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .caregiving import Caregiving, CaregivingHistory
from .params import ModelParams
from .rules import catalogue, enacted, learning, per_occasion
from .threads import over_ranges
from .working_model import INITIAL, WM_VARIABLES, WorkingModel


@dataclass
class CaregiverArrays:
    """One caregiver's spells as arrays: ``starts`` (S,) months, parameters (S, N)."""

    starts: np.ndarray
    responsiveness: np.ndarray
    consistency: np.ndarray
    warmth: np.ndarray
    frightening: np.ndarray
    unresolved: np.ndarray

    @classmethod
    def from_history(cls, history: CaregivingHistory, n: int) -> CaregiverArrays:
        starts = np.array([s for s, _ in history.spells], dtype=np.float64)

        def column(name: str) -> np.ndarray:
            values = np.array([getattr(p, name) for _, p in history.spells], dtype=np.float64)
            return np.repeat(values[:, None], n, axis=1)

        return cls(starts, column("responsiveness"), column("consistency"), column("warmth"),
                   column("frightening"), column("unresolved"))

    @classmethod
    def from_arrays(cls, responsiveness, consistency, warmth, frightening,
                    unresolved=None) -> CaregiverArrays:
        """One spell from month 0 with per-infant parameters (a drawn population); no
        ``unresolved`` means 0 for every infant."""
        if unresolved is None:
            unresolved = np.zeros(np.shape(responsiveness))
        return cls(np.zeros(1), *(np.asarray(a, dtype=np.float64)[None, :] for a in (
            responsiveness, consistency, warmth, frightening, unresolved)))

    def spell_index(self, month: float) -> int:
        return int(np.searchsorted(self.starts, month, side="right") - 1)

    def enacted(self, deviation: np.ndarray) -> CaregiverArrays:
        """The care as this dyad enacts it: responsiveness, consistency and warmth of every
        spell shifted by the dyad's deviation (3, N) (:mod:`simulation.rules.enacted`)."""
        shifted = {name: enacted.enact(getattr(self, name), deviation[k])
                   for k, name in enumerate(enacted.ENACTED)}
        return CaregiverArrays(self.starts, shifted["responsiveness"], shifted["consistency"],
                               shifted["warmth"], self.frightening, self.unresolved)

    def take(self, index) -> CaregiverArrays:
        return CaregiverArrays(self.starts, self.responsiveness[:, index],
                               self.consistency[:, index], self.warmth[:, index],
                               self.frightening[:, index], self.unresolved[:, index])


@dataclass
class CareArrays:
    """The caregiving arrangement of N infants as arrays."""

    primary: CaregiverArrays
    secondary: CaregiverArrays | None = None
    secondary_share: float = 0.0
    secondary_from: float = 0.0

    @classmethod
    def from_caregiving(cls, care: Caregiving, n: int) -> CareArrays:
        return cls(
            CaregiverArrays.from_history(care.primary, n),
            None if care.secondary is None else CaregiverArrays.from_history(care.secondary, n),
            care.secondary_share,
            care.secondary_from,
        )

    @property
    def caregivers(self) -> list[CaregiverArrays]:
        return [self.primary] if self.secondary is None else [self.primary, self.secondary]

    def enacted(self, keys: np.ndarray, params: ModelParams) -> CareArrays:
        """The arrangement as each dyad meets it: each caregiver's care shifted by the dyad's
        own deviation (:func:`simulation.rules.enacted.deviations`)."""
        if params.enacted_care_sd == 0.0:
            return self
        arrays = [a.enacted(enacted.deviations(keys, c, params))
                  for c, a in enumerate(self.caregivers)]
        return CareArrays(arrays[0], arrays[1] if len(arrays) == 2 else None,
                          self.secondary_share, self.secondary_from)

    def take(self, index) -> CareArrays:
        return CareArrays(self.primary.take(index),
                          None if self.secondary is None else self.secondary.take(index),
                          self.secondary_share, self.secondary_from)


@dataclass
class Development:
    """Result of the home year: one working model per caregiver, and its monthly course."""

    models: list[WorkingModel]
    #: per caregiver, per variable: array (N, months + 1), the value at the end of each month
    monthly: list[dict[str, np.ndarray]] = field(default_factory=list)
    #: per caregiver: share of occasions that caregiver answered, per infant (observable stats)
    occasions: list[dict[str, np.ndarray]] = field(default_factory=list)


def develop(
    care: CareArrays,
    keys: np.ndarray,
    reactivity: np.ndarray,
    params: ModelParams,
    months: float = 12.0,
    frozen: bool = False,
    threads: int = 1,
) -> Development:
    """Run the home year(s) from birth to ``months`` for every infant.

    ``frozen=True`` is the ablation: experience happens but nothing is learned, so every infant
    keeps the initial working model. ``threads``: run ranges of the infants at once.
    """
    n = keys.shape[0]
    p = params
    caregivers = care.caregivers
    n_occasions = int(round(months * p.occasions_per_month))
    # the schedule is the same for every infant: each occasion's spell of each caregiver,
    # whether the second caregiver shares the care, and after which occasions a month ends
    month = (np.arange(n_occasions) + 0.5) / p.occasions_per_month
    spells = np.zeros((len(caregivers), n_occasions), dtype=np.int64)
    for c, arrays in enumerate(caregivers):
        spells[c] = np.searchsorted(arrays.starts, month, side="right") - 1
    secondary = (month >= care.secondary_from) & (len(caregivers) == 2)
    snapshot_after = np.zeros(n_occasions, dtype=bool)
    next_month_end = p.occasions_per_month
    for j in range(n_occasions):
        if j + 1 >= next_month_end - 1e-9:
            next_month_end += p.occasions_per_month
            snapshot_after[j] = True
    n_spells = max(a.starts.shape[0] for a in caregivers)

    def stacked(name: str) -> np.ndarray:
        out = np.zeros((len(caregivers), n_spells, n))
        for c, arrays in enumerate(caregivers):
            values = getattr(arrays, name)
            out[c, :values.shape[0]] = values
        return out

    models = np.empty((len(caregivers), len(learning.LEARNER), n))
    models[:] = np.array([INITIAL[k] for k in learning.LEARNER])[None, :, None]
    monthly = np.zeros((len(caregivers), len(learning.SNAPSHOT), n,
                        1 + int(snapshot_after.sum())))
    counts = np.zeros((len(caregivers), len(per_occasion.COUNTS), n))
    inputs = (np.ascontiguousarray(keys, dtype=np.uint64),
              np.ascontiguousarray(reactivity, dtype=np.float64), catalogue.home_params(p), spells,
              stacked("responsiveness"), stacked("consistency"), stacked("warmth"),
              stacked("frightening"), stacked("unresolved"), secondary,
              float(care.secondary_share), frozen, snapshot_after, models, monthly, counts)
    over_ranges(n, threads, lambda lo, hi: per_occasion.home_year(*inputs, lo, hi))
    wms = [WorkingModel(**{k: models[c, v] for v, k in enumerate(learning.LEARNER)},
                        volatility_scale=p.volatility_scale) for c in range(len(caregivers))]
    monthly_arrays = [{k: monthly[c, v] for v, k in enumerate(learning.SNAPSHOT)}
                      for c in range(len(caregivers))]
    occasions = [{k: counts[c, v] for v, k in enumerate(per_occasion.COUNTS)}
                 for c in range(len(caregivers))]
    return Development(wms, monthly_arrays, occasions)


__all__ = ["CareArrays", "CaregiverArrays", "Development", "develop", "WM_VARIABLES"]
