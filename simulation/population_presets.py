"""Population presets: caregiving and temperament distributions calibrated to published samples.

The parameters live in ``simulation/data/populations.json``, written by the calibration script
``experiments/calibration/calibrate.py`` from the published targets in
:mod:`simulation.literature`; this module only reads them. Cultural differences are carried by
named mechanisms, not only by shifted caregiving: how unfamiliar separation from the mother is
(Japan: Takahashi 1990, ``separation_stress``) and how much early independence is encouraged
(Northern Germany: Grossmann et al., ``independence_training``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .inputs import InputError
from .population import Population, Spread
from .temperament import TemperamentDistribution

DATA_FILE = "populations.json"


def population_from_dict(name: str, spec: dict) -> Population:
    """Build a :class:`Population` from its JSON description."""
    return Population(
        name=name,
        description=spec["description"],
        responsiveness=Spread(*spec["responsiveness"]),
        consistency=Spread(*spec["consistency"]),
        warmth=Spread(*spec["warmth"]),
        frightening_share=spec.get("frightening_share", 0.0),
        frightening=Spread(*spec.get("frightening", (0.5, 0.15))),
        unresolved_share=spec.get("unresolved_share", 0.0),
        unresolved=Spread(*spec.get("unresolved", (0.5, 0.15))),
        correlation=spec.get("correlation", 0.4),
        loadings=tuple(spec.get("loadings", ())),
        temperament=TemperamentDistribution(**spec.get("temperament", {})),
        params=dict(spec.get("params", {})),
        source=spec.get("source", ""),
    )


@lru_cache(maxsize=1)
def _load() -> dict[str, Population]:
    text = resources.files("simulation.data").joinpath(DATA_FILE).read_text()
    data = json.loads(text)
    return {name: population_from_dict(name, spec) for name, spec in data["populations"].items()}


def population_names() -> tuple[str, ...]:
    return tuple(_load())


def get_population(name: str) -> Population:
    """The population preset called ``name`` (a clear error listing valid names otherwise)."""
    populations = _load()
    try:
        return populations[name]
    except (KeyError, TypeError):
        raise InputError(f"unknown population {name!r}; choose one of: "
                         f"{', '.join(populations)}") from None
