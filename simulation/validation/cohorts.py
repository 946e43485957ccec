"""Cohorts for the validation checks: fresh, seeded, shared between checks, run once.

A :class:`CohortProvider` runs each cohort a check asks for the first time it is asked and keeps
its per-infant table (and, for the populations in ``scales_populations``, the long table of every
scale in every episode), so that several checks (a population's distribution, its episode
profiles, its reunion scales) read one cohort. Every cohort is seeded from one root seed
(:data:`VALIDATE_SEED` by default), which differs from the seeds the calibration fitted and
confirmed with: the checks see fresh infants.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..caregiving import CaregiverProfile, CaregivingHistory
from ..cell_design import CellDesign
from ..cohort import CohortResult, run_cohort
from ..population import Population
from ..population_presets import get_population
from ..temperament import Temperament

#: Root seed of every validation cohort (the calibration used 20240/20241 for its grids and
#: 1978 for its confirmation cohorts).
VALIDATE_SEED = 2025


@dataclass(frozen=True)
class Sizes:
    """How many infants the checks simulate, and how wide the calibrated tolerances are."""

    population: int  # infants per population preset
    per_cell: int  # infants per caregiving cell in the trend designs
    arm: int  # infants per arm (intervention, stability)
    temperament: int  # infants per temperament arm (a small effect: needs more)
    z: float  # calibrated checks: standard errors allowed
    label: str = "full"
    #: persons per life-course cohort (None: ``population``). Lives are cheap (the home year
    #: and a compiled course, seconds for thousands), and the life course's effects are small
    #: (change after negative life events differs by a few points), so the quick run keeps
    #: the full run's persons.
    lives: int | None = None


#: The full run: several thousand infants per calibrated check.
FULL = Sizes(population=5000, per_cell=600, arm=3000, temperament=5000, z=2.0, label="full")
#: ``--quick`` (CI): smaller cohorts and a wider tolerance for the calibrated checks.
QUICK = Sizes(population=2000, per_cell=250, arm=1500, temperament=3000, z=3.0,
              label="quick", lives=FULL.population)


@dataclass
class CohortProvider:
    """Runs and caches the cohorts the checks need (one root seed for all)."""

    sizes: Sizes = FULL
    seed: int = VALIDATE_SEED
    progress: Callable[[str], None] | None = None
    #: Populations whose cohorts also keep the long scales table (the episode-by-episode checks
    #: read it), so that one run serves the checks of both tables.
    scales_populations: tuple[str, ...] = ("global",)
    _cache: dict[tuple, CohortResult] = field(default_factory=dict, repr=False)
    _lives: dict[tuple, pd.DataFrame] = field(default_factory=dict, repr=False)
    infants_run: int = 0
    seconds: float = 0.0

    def _run(self, key: tuple, label: str, scales: bool = False, **kwargs) -> CohortResult:
        cached = self._cache.get(key)
        if cached is None or (scales and cached.scales is None):
            start = time.perf_counter()
            result = run_cohort(seed=self.seed, progress=False, scales=scales, **kwargs)
            elapsed = time.perf_counter() - start
            self.infants_run += len(result.table)
            self.seconds += elapsed
            if self.progress is not None:
                self.progress(f"{label}: {len(result.table):,} infants, {elapsed:.1f} s")
            self._cache[key] = result
        return self._cache[key]

    def lives(self, to_age: int = 30, child: bool = False, population: str = "global",
              n: int | None = None) -> pd.DataFrame:
        """Lives from birth to ``to_age`` of a population preset (the life-course checks), with
        their children if ``child``; the same persons (ids, seed) for every ``to_age``."""
        from ..life import run_lives

        n = n or self.sizes.lives or self.sizes.population
        key = ("lives", population, to_age, child, n)
        if key not in self._lives:
            start = time.perf_counter()
            table = run_lives(population=get_population(population), n_persons=n,
                              seed=self.seed, to_age=to_age, child=child)
            elapsed = time.perf_counter() - start
            self.infants_run += len(table)
            self.seconds += elapsed
            if self.progress is not None:
                self.progress(f"lives of {population} to {to_age}"
                              + (" with children" if child else "")
                              + f": {len(table):,} persons, {elapsed:.1f} s")
            self._lives[key] = table
        return self._lives[key]

    def _population(self, name: str, temperament: Temperament | None, n: int | None,
                    scales: bool) -> CohortResult:
        n = n or self.sizes.population
        pop: Population = get_population(name)
        key = ("population", name, temperament, n)
        label = f"population {name}" + (f", temperament {temperament}" if temperament else "")
        scales = scales or (temperament is None and name in self.scales_populations)
        return self._run(key, label, scales=scales, population=pop, n_infants=n,
                         temperament=temperament)

    def population(self, name: str, temperament: Temperament | None = None,
                   n: int | None = None) -> pd.DataFrame:
        """A cohort of the population preset ``name`` (optionally with fixed temperament)."""
        return self._population(name, temperament, n, scales=False).table

    def study(self, name: str, study: int, n: int) -> pd.DataFrame:
        """One simulated study of the population preset ``name``: ``n`` infants (ids from
        ``study * n``) of the study's sample (:meth:`simulation.population.Population.sample`,
        keyed by this provider's seed)."""
        pop = get_population(name).sample(study, seed=self.seed)
        key = ("study", name, study, n)
        return self._run(key, f"{pop.name}", population=pop, n_infants=n,
                         first_id=study * n).table

    def scales(self, name: str, n: int | None = None) -> pd.DataFrame:
        """The long scales table (infant_id, episode, toward, scale, score) of the cohort
        :meth:`population` gives for ``name``: the same infants."""
        return self._population(name, None, n, scales=True).scales

    def design(self, cells: Sequence[CaregiverProfile], label: str,
               per_cell: int | None = None,
               temperament: Temperament | None = None) -> pd.DataFrame:
        """A grid of caregiving cells as one cohort; column ``cell`` gives each infant's cell."""
        per_cell = per_cell or self.sizes.per_cell
        design = CellDesign(tuple(cells), name=label)
        key = ("design", tuple(cells), per_cell, temperament)
        table = self._run(key, f"design {label}", population=design,
                          n_infants=design.n_cells * per_cell, temperament=temperament).table
        if "cell" not in table:
            table["cell"] = design.cell_of(table["infant_id"].to_numpy())
        return table

    def design_cohort(self, design: CellDesign, n: int, age_months: float = 12.0
                      ) -> pd.DataFrame:
        """A ready-made design (e.g. one whose care changes) as a cohort of ``n`` infants."""
        key = ("design-cohort", repr(design), n, age_months)
        return self._run(key, f"design {design.name} (age {age_months:g} months)",
                         population=design, n_infants=n, age_months=age_months).table

    def care(self, care: CaregiverProfile | CaregivingHistory, label: str,
             n: int | None = None, age_months: float = 12.0, first_id: int = 0,
             temperament: Temperament | None = None) -> pd.DataFrame:
        """A cohort under one caregiving profile or history."""
        n = n or self.sizes.arm
        key = ("care", care, n, age_months, first_id, temperament)
        return self._run(key, f"{label} (age {age_months:g} months)", care=care, n_infants=n,
                         age_months=age_months, first_id=first_id,
                         temperament=temperament).table


def shares(labels: pd.Series, classes: Sequence[str]) -> np.ndarray:
    """Share of each class (in order) in a column of labels."""
    n = max(len(labels), 1)
    counts = labels.value_counts()
    return np.array([counts.get(c, 0) / n for c in classes], dtype=float)
