"""What defines a cohort, and infants made ready for the Strange Situation.

:class:`Setup` holds everything but which infants are in it (seed, caregiving or population,
temperament, model parameters, which caregiver, at what age); :func:`prepare` draws each
infant's temperament and caregiving and runs its home year. Both drivers (the cohort engine and
the Mesa model) start from here, so infant k is prepared identically in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import rng
from .caregiving import (
    CaregiverProfile,
    Caregiving,
    CaregivingHistory,
    ainsworth_sensitivity,
    as_caregiving,
)
from .cell_design import CellDesign
from .home_year import CareArrays, Development, develop
from .inputs import InputError, check_int, check_number
from .params import ModelParams
from .population import Population
from .temperament import Temperament, TemperamentDistribution, as_temperament
from .working_model import WorkingModel

Care = CaregiverProfile | CaregivingHistory | Caregiving


@dataclass
class Setup:
    """Everything that defines a cohort except which infants are in it."""

    seed: int
    care: Caregiving | None = None
    population: Population | CellDesign | None = None
    #: None: the population's temperament distribution, or the default one
    temperament: Temperament | TemperamentDistribution | None = None
    params: ModelParams = field(default_factory=ModelParams)
    caregiver: str = "primary"
    age_months: float = 12.0
    frozen: bool = False

    def __post_init__(self) -> None:
        self.seed = check_int("seed", self.seed, 0, rng.MAX_SEED)
        if (self.care is None) == (self.population is None):
            raise InputError("give either caregiving or a population, not both or neither")
        if self.care is not None:
            self.care = as_caregiving(self.care)
            self.care.history(self.caregiver)  # validates the caregiver's name
        else:
            if not isinstance(self.population, Population | CellDesign):
                raise InputError("population must be a Population or a CellDesign, got "
                                 f"{type(self.population).__name__}")
            if self.caregiver != "primary":
                raise InputError("a population has only the primary caregiver")
        if self.temperament is None and isinstance(self.population, Population):
            self.temperament = self.population.temperament
        self.temperament = as_temperament(self.temperament)
        if not isinstance(self.params, ModelParams):
            raise InputError("params must be a ModelParams")
        self.age_months = check_number("age_months", self.age_months, 1.0, 36.0)

    @property
    def caregiver_index(self) -> int:
        return 0 if self.caregiver == "primary" else 1

    def effective_params(self) -> ModelParams:
        if self.population is not None:
            return self.population.model_params(self.params)
        return self.params

    def care_arrays(self, keys: np.ndarray, ids: np.ndarray) -> CareArrays:
        if isinstance(self.population, CellDesign):
            return self.population.draw_for_ids(ids)
        if self.population is not None:
            return self.population.draw(keys)
        return CareArrays.from_caregiving(self.care, keys.shape[0])


@dataclass
class Prepared:
    """Infants ready for the Strange Situation: temperament, caregiving, home year done."""

    ids: np.ndarray
    keys: np.ndarray
    reactivity: np.ndarray
    soothability: np.ndarray
    care: CareArrays
    development: Development
    working_model: WorkingModel


def prepare(setup: Setup, ids: np.ndarray, threads: int = 1) -> Prepared:
    """Draw temperament and caregiving for these infants and run their home year (on
    ``threads`` threads)."""
    ids = np.asarray(ids, dtype=np.int64)
    keys = rng.infant_keys(setup.seed, ids)
    reactivity, soothability = setup.temperament.draw(keys)
    care = setup.care_arrays(keys, ids)
    params = setup.effective_params()
    # the home year runs on the care each dyad enacts; the table reports the rated care
    dev = develop(care.enacted(keys, params), keys, reactivity, params,
                  months=setup.age_months, frozen=setup.frozen, threads=threads)
    return Prepared(ids, keys, reactivity, soothability, care, dev,
                    dev.models[setup.caregiver_index])


def care_columns(setup: Setup, prepared: Prepared) -> dict[str, np.ndarray]:
    """The caregiving in force at the SSP age for the named caregiver, per infant."""
    arrays = prepared.care.caregivers[setup.caregiver_index]
    s = arrays.spell_index(setup.age_months - 1e-9)
    cols = {name: getattr(arrays, name)[s] for name in (
        "responsiveness", "consistency", "warmth", "frightening", "unresolved")}
    cols["sensitivity"] = ainsworth_sensitivity(cols["responsiveness"], cols["consistency"])
    return cols
