"""The compiled rules: numba's cache, keyed by the rules' fingerprint, and never an import
failure (a read-only installation compiles without a cache, with one warning)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from simulation import compiled
from simulation.fingerprint import rules_fingerprint
from simulation.rules import jit

PACKAGE = Path(jit.__file__).resolve().parent.parent

#: Imports the package and every module of compiled rules (decorating a rule sets up its cache;
#: nothing is compiled) and prints where the cache is.
PROBE = """
import simulation
from simulation import fingerprint
for name in fingerprint.model_modules(fingerprint.RULES):
    __import__(name)
from simulation.rules import jit
print(jit.cache_directory())
"""


def test_the_cache_directory_is_named_by_the_rules_fingerprint():
    compiled.ensure_compiled()
    directory = jit.cache_directory()
    assert directory is not None and directory.name == f"ssp-rules-{rules_fingerprint()}"
    assert any(directory.rglob("*.nbi")), "numba wrote no cache index there"


def test_other_versions_caches_are_kept_while_used_and_removed_when_stale(tmp_path):
    """Two copies of the package (other versions) share the user's cache: neither removes
    the other's compiled rules while they are in use; a directory unused for STALE_DAYS is
    removed."""
    import time

    keep = tmp_path / "ssp-rules-current"
    recent, stale = tmp_path / "ssp-rules-recent", tmp_path / "ssp-rules-stale"
    for d in (keep, recent, stale):
        d.mkdir()
    old = time.time() - (jit.STALE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    jit._remove_stale(tmp_path, keep)
    assert keep.is_dir() and recent.is_dir() and not stale.exists()


def test_rules_are_cached_after_a_run_and_announced_only_when_not():
    compiled.ensure_compiled()
    said = []
    compiled.ensure_compiled(said.append)
    assert compiled.rules_cached() and said == []


def test_a_first_compilation_is_announced(monkeypatch):
    monkeypatch.setattr(compiled, "rules_cached", lambda mesa=False, life=False: False)
    said = []
    assert compiled.ensure_compiled(said.append) > 0
    assert len(said) == 1 and "compiling" in said[0] and "first run only" in said[0]


def _probe(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "NUMBA_CACHE_DIR"}
    return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env={**environ, **env}, cwd=tmp_path, timeout=300)


@pytest.mark.slow
def test_numba_cache_dir_is_honoured(tmp_path):
    cache = tmp_path / "cache"
    proc = _probe(tmp_path, NUMBA_CACHE_DIR=str(cache))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout.strip() == str(cache / f"ssp-rules-{rules_fingerprint()}")


@pytest.mark.slow
def test_a_read_only_installation_imports_and_warns_once(tmp_path):
    """No writable place for the cache (the home directory and ``XDG_CACHE_HOME`` both
    unusable: paths under a regular file, since CI runs as root): the import works, the
    rules are not cached, and one warning says so (and how to fix it)."""
    copy = tmp_path / "site"
    shutil.copytree(PACKAGE, copy / "simulation",
                    ignore=shutil.ignore_patterns("__pycache__", "ssp-rules-*"))
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a directory\n")
    proc = _probe(tmp_path, PYTHONPATH=str(copy), HOME=str(blocked / "home"),
                  XDG_CACHE_HOME=str(blocked / "cache"), PYTHONDONTWRITEBYTECODE="1")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "None"
    assert proc.stderr.count("CacheWarning") == 1, proc.stderr
    assert "NUMBA_CACHE_DIR" in proc.stderr and "Traceback" not in proc.stderr
    # an unusable NUMBA_CACHE_DIR is named in the warning
    proc = _probe(tmp_path, PYTHONPATH=str(copy), NUMBA_CACHE_DIR=str(blocked / "numba"))
    assert proc.returncode == 0 and proc.stdout.strip() == "None", proc.stderr
    assert proc.stderr.count("CacheWarning") == 1 and str(blocked / "numba") in proc.stderr


@pytest.mark.slow
def test_the_cache_is_never_written_into_the_package(tmp_path):
    """Without NUMBA_CACHE_DIR the compiled rules go to the user's cache directory: an
    installed package that wrote into its own directory would leave files that the next
    ``pip install`` does not remove (the package then imports as an empty namespace)."""
    copy = tmp_path / "site"
    shutil.copytree(PACKAGE, copy / "simulation",
                    ignore=shutil.ignore_patterns("__pycache__", "ssp-rules-*"))
    before = sorted(p.relative_to(copy) for p in copy.rglob("*"))
    proc = _probe(tmp_path, PYTHONPATH=str(copy), XDG_CACHE_HOME=str(tmp_path / "xdg"),
                  PYTHONDONTWRITEBYTECODE="1")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout.strip() == str(tmp_path / "xdg" / "strange-situation"
                                      / f"ssp-rules-{rules_fingerprint()}")
    assert sorted(p.relative_to(copy) for p in copy.rglob("*")) == before


def test_jit_does_not_patch_numba():
    from numba.core import caching

    impl = getattr(caching, "_CacheImpl", None) or caching.CacheImpl
    assert all(c.__module__.startswith("numba.") for c in impl._locator_classes)


@pytest.mark.parametrize("value", [True, False])
def test_f_is_float32(value):
    assert jit.f(0.1).dtype == np.float32 and jit.f(value) == float(value)
