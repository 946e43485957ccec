"""The compiled rules: numba's cache is keyed by every module the rules are made of."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulation import compiled
from simulation.rules import jit
from simulation.rules.second import run_chunk

PACKAGE = Path(jit.__file__).resolve().parent.parent


def test_the_cache_directory_is_named_by_the_rules_sources():
    """The keyed locator is in place (a numba upgrade that drops it fails here)."""
    path = Path(run_chunk._cache._cache_path)
    assert path.name == f"numba-{jit.sources_hash().hex()[:16]}"


def test_editing_any_rules_module_changes_the_key_and_nothing_else_does(tmp_path):
    copy = tmp_path / "simulation"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = jit.hash_sources(copy)
    assert before == jit.sources_hash()
    cli = copy / "cli" / "run.py"
    cli.write_text(cli.read_text() + "\n# a comment\n")
    assert jit.hash_sources(copy) == before  # the command line is not part of the rules
    for module in ("rules/infant.py", "room.py", "rng.py"):
        path = copy / module
        text = path.read_text()
        path.write_text(text + "\n# a comment\n")
        assert jit.hash_sources(copy) != before, module
        path.write_text(text)
    assert jit.hash_sources(copy) == before


def test_rules_are_cached_after_a_run_and_announced_only_when_not():
    compiled.ensure_compiled()
    said = []
    compiled.ensure_compiled(said.append)
    assert compiled.rules_cached() and said == []


def test_a_first_compilation_is_announced(monkeypatch):
    monkeypatch.setattr(compiled, "rules_cached", lambda: False)
    said = []
    assert compiled.ensure_compiled(said.append) > 0
    assert len(said) == 1 and "compiling" in said[0] and "first run only" in said[0]


@pytest.mark.parametrize("value", [True, False])
def test_f_is_float32(value):
    import numpy as np

    assert jit.f(0.1).dtype == np.float32 and jit.f(value) == float(value)
