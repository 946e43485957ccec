"""The core stays a core: the model and the coder import neither the dashboard, the command
line, the studies (validation) nor the sweeps, nor any package of the optional extras; and the
core's commands run where those extras are not installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulation import fingerprint as fp

ROOT = Path(__file__).resolve().parent.parent
#: The core's entry modules: the engine (cohort, Mesa model, presets, populations), the coder and
#: the life course.
CORE = (*fp.ENGINE, "simulation.observer", "simulation.life")
#: Parts of the package the core must not import.
OUTER = ("simulation.cli", "simulation.sweep", "simulation.validation", "simulation.bench",
         "simulation.plots")
#: Packages of the optional extras (dashboard, parquet, dask, test).
EXTRAS = ("streamlit", "altair", "pyarrow", "dask", "distributed", "playwright", "scipy",
          "pytest", "hypothesis", "dashboard")


def test_the_core_imports_nothing_outer():
    core = fp.model_modules(CORE, excluded=())
    assert "simulation.cohort" in core and "simulation.observer.coding" in core
    outer = [m for m in core if any(m == o or m.startswith(o + ".") for o in OUTER)]
    assert outer == [], f"the core imports {outer}"


def test_the_core_imports_no_optional_extra():
    for module in fp.model_modules(CORE, excluded=()):
        found = fp.imported_packages(module) & set(EXTRAS)
        assert not found, f"{module} imports {sorted(found)}"


def test_the_layering_test_sees_a_violation(tmp_path):
    """The checks above can fail: a core module importing the sweeps is found."""
    import shutil

    copy = tmp_path / "simulation"
    shutil.copytree(fp.ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    path = copy / "rng.py"
    path.write_text(path.read_text() + "\n\ndef _late():\n    from .sweep import runner\n"
                    "    import streamlit\n")
    core = fp.model_modules(CORE, root=copy, excluded=())
    assert "simulation.sweep.runner" in core
    assert "streamlit" in fp.imported_packages("simulation.rng", root=copy)


#: Runs ``ssp`` with the optional extras made unimportable.
WITHOUT_EXTRAS = """
import sys
for name in {extras!r}:
    sys.modules[name] = None
from simulation.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _ssp_without_extras(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = WITHOUT_EXTRAS.format(extras=EXTRAS)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=900)


@pytest.mark.slow
def test_the_core_commands_run_without_the_extras(tmp_path):
    proc = _ssp_without_extras(tmp_path, "run", "--preset", "rejecting", "--infants", "30",
                               "--quiet", "--out", "infants.csv")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "infants.csv").is_file()
    experiment = ROOT / "tests" / "experiment_files" / "good" / "single.toml"
    proc = _ssp_without_extras(tmp_path, "sweep", str(experiment), "--out", "sweep",
                               "--format", "csv", "--workers", "1", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert len(list((tmp_path / "sweep" / "cells").glob("*.csv"))) == 2
    # Parquet without pyarrow: one line saying how to get it, nothing written
    proc = _ssp_without_extras(tmp_path, "run", "--infants", "5", "--out", "x.parquet")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "strange-situation[parquet]" in proc.stderr and not (tmp_path / "x.parquet").exists()
    proc = _ssp_without_extras(tmp_path, "dashboard")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "strange-situation[dashboard]" in proc.stderr
