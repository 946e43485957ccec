"""The engine reproduces the calibrated model's records bit for bit.
``tests/data/golden_records.npz`` holds the behaviour records, mean arousal per episode and
working models of 56 infants (seven caregiving presets and populations, seed 123) as the engine
produced them for the model the population presets were calibrated for (the reworked model:
graded crying, the attachment-exploration balance, consistency as predictability,
hyperactivation by intermittent reinforcement, graded D). The compiled engine must give exactly
these; any change here is a change of the model, which needs the calibration
(``experiments/calibration``) and validation run again. After such a deliberate change, rewrite
the file with ``python tests/test_golden_records.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from simulation.population_presets import get_population
from simulation.preparation import Setup, prepare
from simulation.presets import get_preset
from simulation.record import RECORD_FIELDS
from simulation.strange_situation import run_ssp

GOLDEN = Path(__file__).parent / "data" / "golden_records.npz"
PRESETS = ("sensitive", "rejecting", "inconsistent", "under-involved", "frightening")
POPULATIONS = ("global", "japan")


def simulate(name: str) -> dict[str, np.ndarray]:
    """Eight infants (ids 3, 104, ...) of a preset or population, seed 123."""
    kw = (dict(care=get_preset(name).profile) if name in PRESETS
          else dict(population=get_population(name)))
    setup = Setup(seed=123, **kw)
    prepared = prepare(setup, np.arange(8) * 101 + 3)
    run = run_ssp(prepared.working_model, prepared.reactivity, prepared.soothability,
                  prepared.keys, setup.effective_params(), setup.age_months)
    out = {f: getattr(run.record, f) for f in RECORD_FIELDS}
    out["arousal_by_episode"] = run.arousal_by_episode
    out.update({f"wm_{k}": v for k, v in prepared.working_model.summary().items()})
    return out


@pytest.mark.parametrize("name", PRESETS + POPULATIONS)
def test_records_are_the_calibrated_models(name):
    golden = np.load(GOLDEN)
    now = simulate(name)
    for key, value in now.items():
        expected = golden[f"{name}/{key}"]
        assert value.shape == expected.shape, key
        assert np.array_equal(value, expected), f"{name}: {key} differs from the golden record"


if __name__ == "__main__":
    arrays = {f"{name}/{k}": v for name in PRESETS + POPULATIONS for k, v in simulate(name).items()}
    np.savez_compressed(sys.argv[1] if len(sys.argv) > 1 else GOLDEN, **arrays)
    print(f"wrote {len(arrays)} arrays")
