"""The rules run as plain Python (``NUMBA_DISABLE_JIT=1``) and give the compiled run's tables.

A researcher changing a rule can step through it in a debugger without compiling; what they see
must be what the compiled engine computes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from simulation import CaregiverProfile, run_cohort

ROOT = Path(__file__).resolve().parents[1]
CARE = {"sensitive": (0.85, 0.85, 0.85, 0.0), "inconsistent": (0.5, 0.1, 0.8, 0.0),
        "frightening": (0.6, 0.6, 0.5, 0.3)}
SCRIPT = """
import sys
from simulation import CaregiverProfile, run_cohort
care = CaregiverProfile(*map(float, sys.argv[1:5]))
run_cohort(care, 3, seed=11).table.to_csv(sys.argv[5], index=False)
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CARE))
def test_plain_python_gives_the_compiled_table(name, tmp_path):
    out = tmp_path / "plain.csv"
    env = {**os.environ, "NUMBA_DISABLE_JIT": "1"}
    subprocess.run([sys.executable, "-c", SCRIPT, *map(str, CARE[name]), str(out)], cwd=ROOT,
                   env=env, check=True, timeout=900, capture_output=True)
    plain = pd.read_csv(out)
    compiled = run_cohort(CaregiverProfile(*CARE[name]), 3, seed=11).table
    compiled_csv = tmp_path / "compiled.csv"
    compiled.to_csv(compiled_csv, index=False)
    pd.testing.assert_frame_equal(plain, pd.read_csv(compiled_csv))
