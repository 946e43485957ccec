"""One fingerprint of the model, found by following the engine's imports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from simulation import fingerprint as fp

PACKAGE = Path(fp.__file__).resolve().parent


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the package to edit."""
    root = tmp_path / "simulation"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__", "ssp-rules-*"))
    return root


def append(path: Path, text: str = "\nEDITED = 1\n") -> None:
    path.write_text(path.read_text() + text)


def test_the_model_is_what_the_engine_imports():
    modules = fp.model_modules()
    for name in ("simulation.cohort", "simulation.mesa_model", "simulation.rules.infant",
                 "simulation.rules.jit", "simulation.observer.coding", "simulation.rng",
                 "simulation.working_model", "simulation.population_presets"):
        assert name in modules
    for name in modules:
        assert not name.startswith(("simulation.cli", "simulation.sweep", "simulation.plots",
                                    "simulation.validation")), name
        assert name not in ("simulation.bench", "simulation.compiled", "simulation.io")
    rules = fp.model_modules(fp.RULES)
    assert set(rules) < set(modules) and "simulation.observer.coding" not in rules


def test_same_files_same_fingerprint(copy):
    assert fp.fingerprint(root=copy) == fp.code_fingerprint()
    assert fp.fingerprint(fp.RULES, root=copy) == fp.rules_fingerprint()
    assert fp.fingerprint(fp.MODEL, data=True, root=copy) == fp.model_fingerprint()


@pytest.mark.parametrize("module", ["bench.py", "cli/run.py", "plots/style.py",
                                    "sweep/runner.py", "compiled.py", "validation/checks.py"])
def test_editing_what_is_not_the_model_changes_nothing(copy, module):
    before = fp.fingerprint(data=True, root=copy)
    append(copy / module)
    assert fp.fingerprint(data=True, root=copy) == before


def test_editing_the_model_changes_its_fingerprint(copy):
    before = {name: fp.fingerprint(roots, root=copy)
              for name, roots in (("code", fp.ENGINE), ("rules", fp.RULES))}
    append(copy / "observer" / "coding.py")
    assert fp.fingerprint(root=copy) != before["code"]
    assert fp.fingerprint(fp.RULES, root=copy) == before["rules"]  # no recompilation
    for module in ("rules/infant.py", "room.py", "rng.py", "rules/jit.py"):
        rules = fp.fingerprint(fp.RULES, root=copy)
        append(copy / module)
        assert fp.fingerprint(fp.RULES, root=copy) != rules, module


def test_a_new_module_counts_once_the_model_imports_it(copy):
    before = fp.fingerprint(root=copy)
    (copy / "extra.py").write_text("X = 1\n")
    assert fp.fingerprint(root=copy) == before and "simulation.extra" not in \
        fp.model_modules(root=copy)
    append(copy / "rules" / "infant.py", "\n\ndef _later():\n    from ..extra import X\n")
    assert "simulation.extra" in fp.model_modules(root=copy)
    rules = fp.fingerprint(fp.RULES, root=copy)
    append(copy / "extra.py")
    assert fp.fingerprint(fp.RULES, root=copy) != rules


def test_comments_docstrings_and_layout_do_not_count(copy):
    """Editing what Python does not run changes no fingerprint (no recompilation, no stale
    calibration, no refused resume); editing one constant does."""
    before = {roots: fp.fingerprint(roots, root=copy) for roots in (fp.ENGINE, fp.RULES)}
    path = copy / "rng.py"
    text = path.read_text()
    edited = text.replace('"""', '"""An edited docstring. ', 1) + "\n\n# a new comment\n"
    path.write_text(edited.replace("\n\n\n", "\n\n\n\n"))
    assert {r: fp.fingerprint(r, root=copy) for r in before} == before
    path.write_text(text + "\nEDITED = 2\n")
    assert all(fp.fingerprint(r, root=copy) != before[r] for r in before)


def test_the_data_counts_for_results_not_for_the_code(copy):
    code, model = fp.fingerprint(root=copy), fp.fingerprint(data=True, root=copy)
    path = copy / "data" / "populations.json"
    data = json.loads(path.read_text())
    data["note"] = "recalibrated"
    path.write_text(json.dumps(data))
    assert fp.fingerprint(root=copy) == code
    assert fp.fingerprint(data=True, root=copy) != model


def test_the_life_course_is_part_of_the_model_not_of_the_calibration(copy):
    """A sweep of lives runs simulation.life, which the infant engine does not import: editing
    it changes the fingerprint a sweep directory records (a resume of cells computed before is
    refused), not the one the infant engine's calibration and golden records are stamped with."""
    modules = fp.model_modules(fp.MODEL)
    for name in ("simulation.life.course", "simulation.life.run", "simulation.life.measures",
                 "simulation.life.transmission", "simulation.cohort"):
        assert name in modules
    assert not any(m.startswith("simulation.life") for m in fp.model_modules(fp.ENGINE))
    before = {roots: fp.fingerprint(roots, data=True, root=copy)
              for roots in (fp.MODEL, fp.ENGINE, fp.RULES)}
    append(copy / "life" / "course.py")
    assert fp.fingerprint(fp.MODEL, data=True, root=copy) != before[fp.MODEL]
    assert fp.fingerprint(fp.ENGINE, data=True, root=copy) == before[fp.ENGINE]
    assert fp.fingerprint(fp.RULES, data=True, root=copy) == before[fp.RULES]
