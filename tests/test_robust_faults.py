"""Faults during a sweep, each caused for real, and what is left afterwards.

- a pool worker process SIGKILLed mid-run;
- the runner SIGKILLed (several times in a row), and interrupted with SIGINT (as Ctrl+C: the
  whole process group) or SIGTERM;
- the output filling up: RLIMIT_FSIZE lowered on the running runner (``prlimit``) so the next
  cell write fails part-way, or set from the start;
- the output becoming unusable midway: the cell directory (or the whole output's parent) replaced
  by a regular file while the runner writes into it (ENOTDIR; CI runs as root, so chmod would
  prove nothing);
- damaged cell files found on resume: truncated, overwritten with garbage, emptied, another
  cell's table in its place, garbage appended; a damaged manifest.

After each: the manifest tells the truth (a cell it calls done has an intact file; at the end of
a run, exactly the cells with files are done, the rest failed or missing), a resume completes the
sweep, and the final cell files are byte-identical to an uninterrupted run's.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from robust_helpers import (
    assert_manifest_truthful,
    assert_same_tables,
    cell_files,
    group_alive,
    kill_group,
    make_reference,
    manifest_of,
    pool_workers,
    start_sweep,
    statuses,
    wait_for,
    wait_group_gone,
)

from simulation.inputs import InputError
from simulation.sweep import load_results, run_sweep

#: A system test (subprocesses, real faults): the slow tier (``pytest -m "not slow"`` skips it).
pytestmark = pytest.mark.slow

EXPERIMENT = """\
# Eight cells for the fault tests: two caregiving presets x four consistencies, each of enough
# infants (about half a second of work) that a fault lands while the sweep is still running.
name = "faults"
seed = 4242
infants = 2500

[caregiving]
preset = "sensitive"

[sweep]
design = "grid"

[sweep.axes]
"caregiving.preset" = ["sensitive", "rejecting"]
"caregiving.consistency" = [0.2, 0.4, 0.6, 0.8]
"""
CELLS = 8
#: CI runs one variant of each fault; ``SSP_ROBUST_FULL=1`` runs them all (the same code paths).
FULL = os.environ.get("SSP_ROBUST_FULL") == "1"


def variants(ci: list, more: list) -> list:
    return ci + more if FULL else ci
#: Longest a sweep subprocess may take in these tests.
TIMEOUT = 240


@pytest.fixture(scope="module")
def experiment_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("experiment") / "faults.toml"
    path.write_text(EXPERIMENT)
    return path


@pytest.fixture(scope="module")
def reference(experiment_file, tmp_path_factory) -> Path:
    """The uninterrupted run (serial, in this process): what every faulted run must equal."""
    return make_reference(experiment_file, tmp_path_factory.mktemp("reference") / "out")


def _log_text(log: Path) -> str:
    return log.read_text(errors="replace") if log.exists() else ""


def _ended(code: int, log: Path, status: int, last_line: str | None = None) -> str:
    """Assert the sweep ended with ``status``, no traceback and (if given) a last line starting
    with ``last_line``; return its output."""
    text = _log_text(log)
    assert code == status, text
    assert "Traceback" not in text, text
    if last_line is not None:
        assert text.strip().splitlines()[-1].startswith(last_line), text
    return text


def _finish(proc: subprocess.Popen, timeout: float = TIMEOUT) -> int:
    try:
        return proc.wait(timeout=timeout)
    finally:
        kill_group(proc.pid)


def _resume_and_compare(experiment_file: Path, out: Path, reference: Path, workers: int = 1,
                        expect_ran: int | None = None) -> None:
    """Resume in this process, then: complete, manifest exact, tables as uninterrupted."""
    with_files = cell_files(out)
    result = run_sweep(experiment_file, out, workers=workers, progress=False)
    assert result.complete, result
    assert result.skipped == len(with_files) and result.ran == CELLS - len(with_files)
    if expect_ran is not None:
        assert result.ran == expect_ran
    manifest = assert_manifest_truthful(out, final=True)
    assert manifest["status"] == "complete"
    assert set(statuses(manifest).values()) == {"done"}
    assert not list((out / "cells").glob(".*.tmp")) and not list(out.glob(".*.tmp"))
    assert_same_tables(out, reference)


# --- a worker process killed ------------------------------------------------------------------

def test_a_killed_worker_fails_its_cells_and_a_resume_completes(experiment_file, reference,
                                                               tmp_path):
    out, log = tmp_path / "out", tmp_path / "sweep.log"
    proc = start_sweep(experiment_file, out, log, "--workers", "2")
    try:
        wait_for(lambda: len(cell_files(out)) >= 1 and len(pool_workers(proc.pid)) >= 2,
                 TIMEOUT, proc, "a first cell, with two pool workers busy on the next ones")
        victim = pool_workers(proc.pid)[0]
        os.kill(victim, signal.SIGKILL)
        code = _finish(proc)
    finally:
        kill_group(proc.pid)
    text = _ended(code, log, 1)
    assert "failed (run again to retry)" in text and "a worker process died" in text
    manifest = assert_manifest_truthful(out, final=True)
    assert manifest["status"] == "incomplete"
    failed = [c for c in manifest["cells"] if c["status"] == "failed"]
    assert failed and all("a worker process died" in c["error"] for c in failed)
    assert any(c["status"] == "done" for c in manifest["cells"])
    assert manifest["runs"][-1]["cells_failed"] == len(failed)
    assert not group_alive(proc.pid) or wait_group_gone(proc.pid)
    _resume_and_compare(experiment_file, out, reference, workers=2)


# --- the runner killed, interrupted, terminated -------------------------------------------------

def test_the_runner_killed_again_and_again_then_resumed(experiment_file, reference, tmp_path):
    """SIGKILL the runner as soon as it has written one more cell, twice; the manifest never
    claims a cell it has no intact file for; then a resume completes."""
    out, log = tmp_path / "out", tmp_path / "sweep.log"
    for attempt in range(2):
        before = len(cell_files(out))
        if before >= CELLS - 1:
            break
        proc = start_sweep(experiment_file, out, log, "--workers", "2")
        try:
            wait_for(lambda before=before: len(cell_files(out)) > before, TIMEOUT, proc,
                     f"a new cell (attempt {attempt})")
            os.kill(proc.pid, signal.SIGKILL)
            assert proc.wait(timeout=30) == -signal.SIGKILL
            # the pool's workers notice the runner is gone and leave by themselves
            assert wait_group_gone(proc.pid, 20), "workers outlived the killed runner"
        finally:
            kill_group(proc.pid)
        manifest = assert_manifest_truthful(out)
        assert manifest["status"] == "running"  # it never got to say otherwise
        assert len(manifest["runs"]) == attempt + 1
    assert "Traceback" not in _log_text(log)
    _resume_and_compare(experiment_file, out, reference)


@pytest.mark.parametrize("how", variants(["SIGINT to the process group (Ctrl+C)"],
                                         ["SIGINT to the runner", "SIGTERM to the runner"]))
def test_an_interrupted_runner_says_so_and_resumes(experiment_file, reference, tmp_path, how):
    out, log = tmp_path / "out", tmp_path / "sweep.log"
    sig = signal.SIGTERM if "SIGTERM" in how else signal.SIGINT
    proc = start_sweep(experiment_file, out, log, "--workers", "2")
    try:
        wait_for(lambda: len(cell_files(out)) >= 1, TIMEOUT, proc, "the first cell")
        if "group" in how:
            os.killpg(proc.pid, sig)
        else:
            os.kill(proc.pid, sig)
        code = proc.wait(timeout=60)
        gone = wait_group_gone(proc.pid, 20)
    finally:
        kill_group(proc.pid)
    text = _ended(code, log, 130, "ssp sweep: interrupted")
    assert text.strip().splitlines()[-1] == "ssp sweep: interrupted", text
    assert gone, "worker processes outlived the interrupted sweep"
    manifest = assert_manifest_truthful(out, final=True)
    assert manifest["status"] == "interrupted" and manifest["runs"][-1]["interrupted"]
    assert manifest["runs"][-1]["ended"]
    assert 1 <= sum(s == "done" for s in statuses(manifest).values()) < CELLS
    _resume_and_compare(experiment_file, out, reference, workers=2)


# --- the output fills up, or becomes unusable ---------------------------------------------------

#: A file size limit above the manifest (about 4 KB here) and below one cell (about 1 MB).
FSIZE = 24_000


def _fsize_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (FSIZE, FSIZE))


@pytest.mark.parametrize("when", ["midway", "from the start"])
def test_the_output_filling_up_stops_cleanly_and_a_resume_completes(experiment_file, reference,
                                                                    tmp_path, when):
    """RLIMIT_FSIZE makes the next cell write fail part-way (EFBIG), as a full disk would."""
    out, log = tmp_path / "out", tmp_path / "sweep.log"
    preexec = _fsize_limit if when == "from the start" else None
    proc = start_sweep(experiment_file, out, log, "--workers", "2", preexec_fn=preexec)
    try:
        if when == "midway":
            wait_for(lambda: len(cell_files(out)) >= 2, TIMEOUT, proc, "two cells")
            resource.prlimit(proc.pid, resource.RLIMIT_FSIZE, (FSIZE, FSIZE))
        code = _finish(proc)
    finally:
        kill_group(proc.pid)
    text = _ended(code, log, 1, "ssp sweep: error: cannot complete")
    assert "File too large" in text
    assert not list((out / "cells").glob(".*.tmp")), "a part-written temporary file was left"
    manifest = assert_manifest_truthful(out, final=True)
    assert manifest["status"] == "interrupted"
    done = sum(s == "done" for s in statuses(manifest).values())
    assert (done >= 2) if when == "midway" else (done == 0)
    _resume_and_compare(experiment_file, out, reference)


@pytest.mark.parametrize("what", variants(["cells"], ["output parent"]))
def test_the_output_becoming_unusable_midway_stops_cleanly(experiment_file, reference, tmp_path,
                                                          what):
    """While cells are being written, the directory they go to is replaced by a regular file:
    every later write fails with ENOTDIR. A resume is refused with a clear message until the
    directory is back, then completes."""
    parent = tmp_path / "parent"
    out, log = parent / "out", tmp_path / "sweep.log"
    proc = start_sweep(experiment_file, out, log, "--workers", "2")
    moved = tmp_path / "moved"
    try:
        wait_for(lambda: len(cell_files(out)) >= 1, TIMEOUT, proc, "the first cell")
        if what == "cells":
            (out / "cells").rename(moved)
            (out / "cells").write_text("not a directory\n")
        else:
            parent.rename(moved)
            parent.write_text("not a directory\n")
        code = _finish(proc)
    finally:
        kill_group(proc.pid)
    text = _ended(code, log, 1, "ssp sweep: error: cannot complete")
    # (a write already under way when the directory went finds it gone instead)
    assert "Not a directory" in text or "non-existent directory" in text
    # the sweep's record, wherever it now is, claims nothing it has no file for
    record = out if what == "cells" else moved / "out"
    if what == "cells":
        manifest = manifest_of(out)
        assert manifest["status"] == "interrupted"
        files = {p.name for p in moved.iterdir()}
        for cell in manifest["cells"]:
            if cell["status"] == "done":
                assert Path(cell["file"]).name in files
    else:
        assert_manifest_truthful(record)
    # resuming onto the broken path is refused, in one line, with exit status 2
    resume = subprocess.run(
        [sys.executable, "-m", "simulation", "sweep", str(experiment_file), "--out", str(out),
         "--quiet", "--workers", "1"], capture_output=True, text=True, timeout=TIMEOUT)
    assert resume.returncode == 2, resume.stderr
    assert resume.stderr.count("\n") == 1 and "Traceback" not in resume.stderr
    # put the directory back, and resume
    if what == "cells":
        (out / "cells").unlink()
        moved.rename(out / "cells")
    else:
        parent.unlink()
        moved.rename(parent)
    _resume_and_compare(experiment_file, out, reference)


# --- damaged files found on resume ----------------------------------------------------------

def _damage(out: Path, recorded: bool) -> dict[str, str]:
    """Damage five cell files in five ways; return cell id -> what was done.

    ``recorded=False`` first removes the SHA-256 the manifest records for each file, as for
    files written after the last manifest update of a killed run: then the damage must be found
    by reading the file (garbage goes over the end of the Parquet footer rather than the
    middle, where only the recorded SHA-256 can be relied on to see it: random bytes inside
    the footer's metadata or a data page may still decode).
    """
    if not recorded:
        manifest = manifest_of(out)
        for cell in manifest["cells"]:
            cell.pop("sha256", None)
        (out / "manifest.json").write_text(json.dumps(manifest))
    files = cell_files(out)
    assert len(files) == CELLS
    done: dict[str, str] = {}
    truncated, garbage, empty, swapped, appended = files[:5]
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    done[truncated.stem] = "truncated to half"
    data = bytearray(garbage.read_bytes())
    if recorded:  # anywhere: the recorded SHA-256 sees it
        data[len(data) // 2:len(data) // 2 + 256] = b"\xff" + os.urandom(255)
    else:  # over the footer's length and magic number, which a reader must check
        data[-8:] = b"\xffGARBAGE"
    garbage.write_bytes(bytes(data))
    done[garbage.stem] = "garbage written over part of it"
    empty.write_bytes(b"")
    done[empty.stem] = "emptied"
    shutil.copyfile(files[5], swapped)
    done[swapped.stem] = "another cell's table in its place"
    with open(appended, "ab") as handle:
        handle.write(b"\0garbage after the end\n")
    done[appended.stem] = "garbage appended"
    # and what a writer killed mid-write leaves behind
    (out / "cells" / f".{files[6].name}.abc123.tmp").write_bytes(b"PAR1 half a table")
    return done


@pytest.mark.parametrize("recorded", [True, False], ids=["sha256 recorded", "not recorded"])
def test_damaged_cell_files_are_detected_and_recomputed_on_resume(experiment_file, reference,
                                                                 tmp_path, recorded):
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    damaged = _damage(out, recorded)
    with pytest.raises(InputError, match="damaged"):
        load_results(out)  # what a damaged directory gives before the resume: one clear error
    result = run_sweep(experiment_file, out, workers=1, progress=False)
    assert result.complete
    assert sorted(result.completed) == sorted(damaged), (result.completed, damaged)
    assert sorted(result.damaged) == sorted(damaged)
    manifest = assert_manifest_truthful(out, final=True)
    assert manifest["status"] == "complete"
    redone = manifest["runs"][-1]
    assert redone["cells_before"] == CELLS - len(damaged)
    assert sorted(redone["cells_damaged"]) == sorted(damaged)
    assert all(c["sha256"] for c in manifest["cells"])  # recorded again for the next time
    assert not list((out / "cells").glob(".*.tmp"))
    assert_same_tables(out, reference)


def test_a_damaged_cell_is_reported_by_the_command_line(experiment_file, reference, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    victim = cell_files(out)[0]
    victim.write_bytes(victim.read_bytes()[:1000])
    proc = subprocess.run(
        [sys.executable, "-m", "simulation", "sweep", str(experiment_file), "--out", str(out),
         "--quiet", "--workers", "1"], capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "damaged" in proc.stdout + proc.stderr and victim.stem in proc.stdout + proc.stderr
    assert_same_tables(out, reference)


def test_a_damaged_manifest_is_refused_clearly_and_nothing_is_touched(experiment_file, reference,
                                                                     tmp_path):
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    (out / "manifest.json").write_bytes(b'{"manifest_version": 1, "cells": [')
    before = {p.name: p.stat().st_mtime_ns for p in cell_files(out)}
    proc = subprocess.run(
        [sys.executable, "-m", "simulation", "sweep", str(experiment_file), "--out", str(out),
         "--quiet", "--workers", "1"], capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "damaged" in proc.stderr and "manifest.json" in proc.stderr
    assert {p.name: p.stat().st_mtime_ns for p in cell_files(out)} == before
