"""The README's two commands, run as a newcomer runs them: in order, in one fresh virtual
environment. The first installs the package (not editable) and starts the dashboard; the second
reinstalls it editable with the test extras. Afterwards the package must still import from any
directory and ``ssp sweep`` must run: a package that wrote into its own installed directory at
run time (numba's cache once did) leaves files that pip does not remove, and the editable
install then imports as an empty namespace package."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXPERIMENT = ROOT / "tests" / "experiment_files" / "good" / "single.toml"
#: pip and a first compilation of the rules on a busy 2-core machine.
INSTALL_TIMEOUT = 1500
START_TIMEOUT = 300


def readme_commands() -> tuple[str, str]:
    text = (ROOT / "README.md").read_text()
    first, second = re.findall(r"```bash\n(.*?)```", text, flags=re.S)[:2]
    return first.strip(), second.strip()


def _in_venv(command: str, venv: Path) -> str:
    # ".venv/bin/" first: the interpreter running the tests may itself live in a ".venv".
    return command.replace(".venv/bin/", f"{venv}/bin/") \
                  .replace("python3 -m venv .venv", f"{sys.executable} -m venv {venv}")


def _env(tmp_path: Path, numba_cache: Path | None = None) -> dict[str, str]:
    """A newcomer's environment: the user's cache fresh (the rules compiled anew), unless
    ``numba_cache`` names a cache of compiled rules to use (``NUMBA_CACHE_DIR``)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "NUMBA_CACHE_DIR", "VIRTUAL_ENV")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # the user's cache: fresh, compiled anew
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    if numba_cache is not None:
        env["NUMBA_CACHE_DIR"] = str(numba_cache)
    return env


def _run(command: str, tmp_path: Path, cwd: Path, timeout: float = INSTALL_TIMEOUT,
         numba_cache: Path | None = None):
    proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=_env(tmp_path, numba_cache),
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{command}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc


def _serve_once(command: str, tmp_path: Path, port: int) -> None:
    """Run the first command (install, then ``ssp dashboard``) until the app answers."""
    proc = subprocess.Popen(["bash", "-c", f"{command} --port {port}"], cwd=ROOT,
                            env=_env(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + INSTALL_TIMEOUT + START_TIMEOUT
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"the README's first command ended with status {proc.returncode} "
                            f"before the dashboard answered:\n{proc.stdout.read()[-4000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(2)
        pytest.fail("the dashboard did not answer after the README's first command")
    finally:
        with contextlib.suppress(ProcessLookupError):  # it may have ended by itself
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _package_files(venv: Path) -> set[str]:
    site = next(venv.glob("lib/python*/site-packages"))
    package = site / "simulation"
    if not package.is_dir():
        return set()
    return {p.relative_to(site).as_posix() for p in package.rglob("*") if p.is_file()}


def _recorded(venv: Path) -> set[str]:
    site = next(venv.glob("lib/python*/site-packages"))
    record = next(site.glob("strange_situation-*.dist-info/RECORD"))
    return {line.split(",", 1)[0] for line in record.read_text().splitlines()}


@pytest.mark.slow
def test_the_readme_commands_in_order_leave_a_working_package(tmp_path):
    first, second = readme_commands()
    assert first.endswith("ssp dashboard") and "pytest" in second
    venv = tmp_path / "venv"
    _serve_once(_in_venv(first, venv), tmp_path, _free_port())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    python = venv / "bin" / "python"
    # a simulation in the installed copy compiles the rules: into the user's cache only
    _run(f"{python} -c 'from simulation import run_cohort, CaregiverProfile; "
         "run_cohort(CaregiverProfile(0.8, 0.8, 0.8), 3, seed=1, progress=False)'",
         tmp_path, elsewhere)
    assert any((tmp_path / "cache" / "strange-situation").glob("ssp-rules-*"))
    assert _package_files(venv) <= _recorded(venv), \
        "the installed package wrote files pip does not know into its own directory"
    # the second command's setup part (its test run is this suite)
    setup = " && ".join(second.split(" && ")[:2])
    assert "pip install" in setup and "pytest" not in setup
    _run(_in_venv(setup, venv), tmp_path, ROOT)
    probe = _run(f"{python} -c 'import simulation; from simulation import __version__, "
                 "run_cohort; print(simulation.__file__)'", tmp_path, elsewhere)
    assert probe.stdout.strip() == str(ROOT / "simulation" / "__init__.py")
    # the editable install runs the repository's files, whose rules this test session has
    # compiled already (numba keys its cache by the source file): the sweep loads them from
    # the session's cache instead of compiling them a second time (the compilation into a
    # fresh user's cache is checked above)
    from simulation.rules.jit import cache_directory

    session_cache = cache_directory()
    out = tmp_path / "sweep"
    _run(f"{venv}/bin/ssp sweep {EXPERIMENT} --out {out} --workers 1 --quiet", tmp_path,
         elsewhere, numba_cache=session_cache.parent if session_cache is not None else None)
    assert len(list((out / "cells").glob("*.parquet"))) == 2
    shutil.rmtree(venv, ignore_errors=True)
