"""The engine reproduces the calibrated model's records bit for bit.

The records and their fingerprints are in ``tests/data/golden_records.npz`` (see
``tests/golden_records.py``, which also rewrites them). Any difference here is a change of the
model: deliberate, it makes the calibration and the golden records stale (the failure says so,
with the commands that renew them); with the same model code, it is a bug.
"""

from __future__ import annotations

import numpy as np
import pytest
from golden_records import GOLDEN, NAMES, calibration_fingerprint, read, simulate

from simulation.fingerprint import code_fingerprint

RENEW = ("recalibrate (python experiments/calibration/calibrate.py), then rewrite the golden "
         "records (python tests/golden_records.py)")


@pytest.fixture(scope="module")
def golden():
    return read(GOLDEN)


def differences(name: str, arrays: dict[str, np.ndarray]) -> list[str]:
    now = simulate(name)
    assert {k.split("/", 1)[1] for k in arrays if k.startswith(f"{name}/")} == set(now)
    return [key for key, value in now.items()
            if value.shape != arrays[f"{name}/{key}"].shape
            or not np.array_equal(value, arrays[f"{name}/{key}"])]


def verdict(name: str, differ: list[str], written_by: str, now: str, calibrated: str) -> str:
    """What a difference means, and what to do."""
    what = f"{name}: {', '.join(differ[:6])} differ from the golden records"
    if written_by != now:
        return (f"{what}. The model code changed since they were written (model {written_by} "
                f"then, {now} now; populations calibrated for {calibrated}): if the change is "
                f"deliberate, the calibration and the golden records are stale: {RENEW}")
    return (f"{what}, with the same model code ({now}) that wrote them: the engine no longer "
            "reproduces its own results (a bug, not a model change)")


@pytest.mark.parametrize("name", NAMES)
def test_records_are_the_calibrated_models(name, golden):
    arrays, written_by, calibrated = golden
    differ = differences(name, arrays)
    if differ:
        pytest.fail(verdict(name, differ, written_by, code_fingerprint(), calibrated),
                    pytrace=False)


def test_the_golden_records_are_of_the_current_calibration(golden):
    _, _, calibrated = golden
    assert calibrated == calibration_fingerprint(), (
        f"the population presets were recalibrated (model {calibration_fingerprint()}) after "
        f"the golden records were written (calibration {calibrated}): rewrite them "
        "(python tests/golden_records.py)")


def test_a_stale_model_is_named_as_such():
    """The failure message tells a model change from a bug, with the commands to renew."""
    stale = verdict("japan", ["episode"], "aaaa", "bbbb", "aaaa")
    assert "model code changed" in stale and "stale" in stale and RENEW in stale
    bug = verdict("japan", ["episode"], "bbbb", "bbbb", "aaaa")
    assert "same model code" in bug and "bug" in bug and "stale" not in bug
