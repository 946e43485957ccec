"""Agent-based reference simulation of Ainsworth's Strange Situation Procedure.

Caregiving shapes what an infant learns in its first year (its working model of the caregiver);
the infant goes through the eight episodes with a stranger; a simulated coder scores the record
and classifies it as secure, avoidant, ambivalent (with a disorganization rating). A teaching and
research model, not a diagnostic instrument.

The public API is imported lazily, so ``import simulation`` and the ``ssp`` command start fast.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_API = {
    "CaregiverProfile": "caregiving",
    "CaregivingHistory": "caregiving",
    "Caregiving": "caregiving",
    "ainsworth_sensitivity": "caregiving",
    "Temperament": "temperament",
    "TemperamentDistribution": "temperament",
    "ModelParams": "params",
    "Population": "population",
    "Spread": "population",
    "get_population": "population_presets",
    "population_names": "population_presets",
    "PRESETS": "presets",
    "get_preset": "presets",
    "run_cohort": "cohort",
    "CohortResult": "cohort",
    "run_lives": "life",
    "LifeParams": "life",
    "StrangeSituationModel": "mesa_model",
    "run_dyad": "mesa_model",
    "BehaviourRecord": "record",
    "code_record": "observer",
    "explain": "observer",
    "InputError": "inputs",
    "CellDesign": "design",
    "run_sweep": "sweep",
    "load_results": "sweep",
    "load_experiment": "sweep",
    "cell_shares": "sweep",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'simulation' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
