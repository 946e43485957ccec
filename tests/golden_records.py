"""The golden records: what the calibrated model gives 56 infants, and how to write them again.

``tests/data/golden_records.npz`` holds the behaviour records, mean arousal per episode and
working models of 56 infants (five caregiving presets and two populations, eight infants each,
seed 123), with two fingerprints (:mod:`simulation.fingerprint`): the model code that wrote them
(``meta/code_fingerprint``) and the model code the population presets were calibrated for
(``meta/calibration_fingerprint``, from ``simulation/data/populations.json``).
``tests/test_golden_records.py`` checks that the engine still gives exactly these records.

After a deliberate change of the model: recalibrate, then rewrite the records::

    python experiments/calibration/calibrate.py --workers 2
    python tests/golden_records.py

Rewriting is refused while the calibration is of other model code than the current one
(``--force`` writes anyway, stamping the calibration it found).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

GOLDEN = Path(__file__).resolve().parent / "data" / "golden_records.npz"
PRESETS = ("sensitive", "rejecting", "inconsistent", "under-involved", "frightening")
POPULATIONS = ("global", "japan")
NAMES = PRESETS + POPULATIONS
#: Keys of the fingerprints in the file.
CODE_KEY, CALIBRATION_KEY = "meta/code_fingerprint", "meta/calibration_fingerprint"


def simulate(name: str) -> dict[str, np.ndarray]:
    """Eight infants (ids 3, 104, ...) of a preset or population, seed 123."""
    from simulation.population_presets import get_population
    from simulation.preparation import Setup, prepare
    from simulation.presets import get_preset
    from simulation.record import RECORD_FIELDS
    from simulation.strange_situation import run_ssp

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


def calibration_fingerprint() -> str:
    """The model code the population presets were calibrated for."""
    from simulation import population_presets

    path = Path(population_presets.__file__).resolve().parent / "data" / "populations.json"
    return json.loads(path.read_text(encoding="utf-8"))["calibration"]["model_fingerprint"]


def read(path: Path = GOLDEN) -> tuple[dict[str, np.ndarray], str, str]:
    """The records (name/key -> array), and the code and calibration fingerprints."""
    with np.load(path) as data:
        arrays = {k: data[k] for k in data.files}
    code = str(arrays.pop(CODE_KEY, "unknown"))
    calibration = str(arrays.pop(CALIBRATION_KEY, "unknown"))
    return arrays, code, calibration


def write(path: Path = GOLDEN, force: bool = False) -> str:
    """Simulate the records with the current model and write them; return what was done."""
    from simulation.fingerprint import code_fingerprint

    code, calibration = code_fingerprint(), calibration_fingerprint()
    if calibration != code and not force:
        raise SystemExit(
            f"the population presets were calibrated for model {calibration}, the code is now "
            f"{code}: recalibrate first (python experiments/calibration/calibrate.py), or "
            "write anyway with --force")
    arrays = {f"{name}/{k}": v for name in NAMES for k, v in simulate(name).items()}
    arrays[CODE_KEY], arrays[CALIBRATION_KEY] = np.array(code), np.array(calibration)
    np.savez_compressed(path, **arrays)
    return (f"wrote {len(arrays) - 2} arrays to {path} (model {code}, calibrated for "
            f"{calibration})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rewrite the golden records.")
    parser.add_argument("path", nargs="?", type=Path, default=GOLDEN)
    parser.add_argument("--force", action="store_true",
                        help="write even if the calibration is of other model code")
    args = parser.parse_args(argv)
    print(write(args.path, args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
