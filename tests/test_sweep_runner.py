"""Running sweeps: same results whatever the workers, backend or completion order; resuming
after a real SIGKILL; the manifest; refusing a directory that holds something else."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from concurrent.futures import Executor, Future
from pathlib import Path

import pandas as pd
import pytest
from robust_helpers import model_code

from simulation.fingerprint import model_fingerprint
from simulation.inputs import InputError
from simulation.sweep import load_experiment, load_results, run_sweep, runner
from simulation.sweep import manifest as mf
from simulation.sweep.cells import cell_setup, cell_task
from simulation.sweep.manifest import DirectoryLock, read_manifest
from simulation.sweep.runner import SerialExecutor
from simulation.sweep.spec import cohort_arguments

FILES = Path(__file__).parent / "experiment_files" / "good"
REPRO = FILES / "repro.toml"


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """The repro experiment run serially in this process: the tables everything must match."""
    out = tmp_path_factory.mktemp("reference")
    code = model_code()
    result = run_sweep(REPRO, out, workers=1, progress=False)
    assert result.complete and result.ran == 6 and result.backend == "serial"
    (out.parent / f"{out.name}.code").write_text(code)
    return out


def cell_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "cells").iterdir())}


def assert_same_cells(out: Path, reference: Path) -> None:
    ours, theirs = cell_bytes(out), cell_bytes(reference)
    assert sorted(ours) == sorted(theirs)
    differ = [name for name in theirs if ours[name] != theirs[name]]
    if differ and model_code() != (reference.parent / f"{reference.name}.code").read_text():
        pytest.skip("the model's code was edited while this test ran (fresh worker processes "
                    "imported other code than the reference run); rerun")
    for name in differ:
        a = pd.read_parquet(out / "cells" / name) if name.endswith(".parquet") else None
        b = pd.read_parquet(reference / "cells" / name) if a is not None else None
        columns = [] if a is None else [c for c in b.columns if not a[c].equals(b[c])]
        raise AssertionError(f"{name} differs from the reference (columns {columns[:8]})")


class ReverseExecutor(Executor):
    """Holds every task until ``expected`` have been submitted, then runs them last-first
    (``ran``: the cell ids in the order they ran)."""

    def __init__(self, expected: int):
        self.expected = expected
        self.tasks: list[tuple[Future, object, tuple]] = []
        self.ran: list[str] = []
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        self.tasks.append((future, fn, args))
        if len(self.tasks) == self.expected:
            self.ready.set()
        return future

    def _work(self):
        self.ready.wait()
        for future, fn, args in reversed(self.tasks):
            self.ran.append(args[0]["cell_id"])
            try:
                future.set_result(fn(*args))
            except Exception as exc:  # noqa: BLE001
                future.set_exception(exc)


class FailingExecutor(SerialExecutor):
    """Runs tasks in this process, but one named cell fails."""

    def __init__(self, bad_cell: str):
        self.bad_cell = bad_cell

    def submit(self, fn, /, *args, **kwargs):
        if args and args[0]["cell_id"] == self.bad_cell:
            future: Future = Future()
            future.set_exception(RuntimeError("simulated failure"))
            return future
        return super().submit(fn, *args, **kwargs)


# --- same results whatever runs them ----------------------------------------------------------

@pytest.mark.slow
def test_two_worker_processes_give_identical_tables(reference, tmp_path):
    result = run_sweep(REPRO, tmp_path / "two", workers=2, progress=False)
    assert result.backend == "process-pool" and result.workers == 2
    assert result.complete, result.failed
    assert_same_cells(tmp_path / "two", reference)


def test_completion_order_does_not_matter(reference, tmp_path):
    experiment = load_experiment(REPRO)
    n = len(experiment.cells)
    executor = ReverseExecutor(n)
    result = run_sweep(experiment, tmp_path / "rev", executor=executor, workers=n,
                       progress=False)
    design_order = [c.cell_id for c in experiment.cells]
    # the cells ran last-first (the runner may collect several finished ones at once)
    assert executor.ran == design_order[::-1]
    assert sorted(result.completed) == sorted(design_order)
    assert_same_cells(tmp_path / "rev", reference)
    # the loader returns design order, not completion order
    table = load_results(tmp_path / "rev")
    assert table["cell_id"].drop_duplicates().tolist() == design_order


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_tables(reference, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as cluster:
        result = run_sweep(REPRO, tmp_path / "dask", scheduler=cluster.scheduler_address,
                           progress=False)
        # workers running other model code than the client are refused before any work
        monkeypatch.setattr(mf, "model_fingerprint", lambda: "the client's other code")
        with pytest.raises(InputError, match=f"Dask worker .* runs code {model_fingerprint()}, "
                           "this client the client's other code"):
            run_sweep(REPRO, tmp_path / "mismatch", scheduler=cluster.scheduler_address,
                      progress=False)
        assert not (tmp_path / "mismatch").exists()
        monkeypatch.undo()
    assert result.backend.startswith("dask ")
    assert result.complete, result.failed
    assert_same_cells(tmp_path / "dask", reference)
    manifest = read_manifest(tmp_path / "dask")
    assert manifest["runs"][-1]["backend"].startswith("dask")


@pytest.mark.slow
def test_dask_scheduler_that_is_not_there(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(runner, "DASK_CONNECT_TIMEOUT", 2)
    with pytest.raises(InputError, match="cannot connect to the Dask scheduler"):
        run_sweep(REPRO, tmp_path / "x", scheduler="tcp://127.0.0.1:1", progress=False)
    assert not (tmp_path / "x").exists()  # refused before anything was written


def test_a_cell_is_the_cohort_with_the_cell_seed(reference):
    """Infants 0..n-1 with the cell's seed: a cell replays with run_cohort alone."""
    from simulation import run_cohort

    experiment = load_experiment(REPRO)
    cell = experiment.cells[4]
    table = pd.read_parquet(reference / "cells" / f"{cell.cell_id}.parquet")
    alone = run_cohort(n_infants=experiment.infants, seed=cell.seed, progress=False,
                       **cohort_arguments(cell_setup(experiment, cell.explicit))).table
    cell_columns = list(cell.columns())
    assert list(table.columns[:len(cell_columns)]) == cell_columns
    pd.testing.assert_frame_equal(table.drop(columns=cell_columns), alone)
    assert table["infant_id"].tolist() == list(range(experiment.infants))
    assert (table["seed"] == cell.seed).all()
    assert (table["caregiving_preset"] == cell.values["caregiving.preset"]).all()


# --- the manifest and the loader -----------------------------------------------------------

def test_manifest_records_the_run(reference):
    manifest = read_manifest(reference)
    experiment = load_experiment(REPRO)
    assert manifest["experiment"]["sha256"] == experiment.sha256
    assert manifest["experiment"]["text"] == REPRO.read_text()
    assert (reference / "experiment.toml").read_text() == REPRO.read_text()
    assert manifest["root_seed"] == 20240611
    assert manifest["status"] == "complete"
    assert manifest["started"] <= manifest["ended"]
    for name in ("simulation", "code", "python", "numpy", "numba", "pandas", "pyarrow", "mesa"):
        assert manifest["versions"][name]
    assert manifest["versions"]["code"] == model_fingerprint()
    assert [c["status"] for c in manifest["cells"]] == ["done"] * 6
    assert [c["cell_id"] for c in manifest["cells"]] == [c.cell_id for c in experiment.cells]
    assert manifest["cells"][0]["seed"] == experiment.cells[0].seed
    assert manifest["columns"] == {"caregiving_preset": "caregiving.preset",
                                   "caregiving_consistency": "caregiving.consistency"}
    assert manifest["runs"][0]["cells_run"] == 6


def test_loader_and_shares(reference):
    from simulation.sweep import cell_shares
    from simulation.sweep.results import shares_wide

    table = load_results(reference)
    assert len(table) == 6 * 16
    assert table["cell_index"].is_monotonic_increasing
    for column in ("cell_id", "replicate", "caregiving_preset", "caregiving_consistency",
                   "infant_id", "classification", "group", "d_rating"):
        assert column in table.columns
    shares = cell_shares(table)
    assert len(shares) == 6 * 4
    per_cell = shares.groupby("cell_id", sort=False)
    assert (per_cell["share"].sum().round(12) == 1.0).all()
    assert (per_cell["count"].sum() == 16).all()
    assert ((shares["ci_low"] <= shares["share"]) & (shares["share"] <= shares["ci_high"])).all()
    # no success: a lower bound of exactly 0 (not 1.7e-18); all successes: exactly 1
    assert (shares.loc[shares["count"] == 0, "ci_low"] == 0.0).all()
    assert (shares["count"] == 0).any()
    assert (shares.loc[shares["count"] == shares["n"], "ci_high"] == 1.0).all()
    assert set(shares["group"]) == {"A", "B", "C", "D"}
    pooled = cell_shares(table, by=["caregiving_preset"])
    assert len(pooled) == 2 * 4 and (pooled["n"] == 48).all()
    wide = shares_wide(pooled)
    assert len(wide) == 2 and "share_secure" in wide and "ci_high_disorganized" in wide
    few = load_results(reference, columns=["classification"])
    assert "classification" in few and "d_rating" not in few and "cell_id" in few


def test_loader_refuses_incomplete_or_foreign_directories(reference, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(reference, copy)
    victim = next((copy / "cells").iterdir())
    victim.unlink()
    with pytest.raises(InputError, match="1 of 6 cells are not finished"):
        load_results(copy)
    assert len(load_results(copy, allow_missing=True)) == 5 * 16
    with pytest.raises(InputError, match="not a sweep directory"):
        load_results(tmp_path)


# --- resuming --------------------------------------------------------------------------------

def test_resume_runs_only_missing_cells(reference, tmp_path):
    out = tmp_path / "resume"
    shutil.copytree(reference, out)
    experiment = load_experiment(REPRO)
    removed = [experiment.cells[1].cell_id, experiment.cells[4].cell_id]
    for cell_id in removed:
        (out / "cells" / f"{cell_id}.parquet").unlink()
    (out / "cells" / ".leftover.parquet.abc.tmp").write_bytes(b"half a file")
    ran = []
    result = run_sweep(REPRO, out, workers=1, progress=False,
                       on_cell=lambda cell_id, status: ran.append(cell_id))
    assert ran == removed
    assert result.skipped == 4 and result.ran == 2 and result.complete
    assert_same_cells(out, reference)
    manifest = read_manifest(out)
    assert len(manifest["runs"]) == 2 and manifest["status"] == "complete"
    again = run_sweep(REPRO, out, workers=1, progress=False)
    assert again.ran == 0 and again.skipped == 6


def test_an_interrupted_run_says_so_and_resumes(reference, tmp_path):
    out = tmp_path / "interrupted"
    shutil.copytree(reference, out)
    experiment = load_experiment(REPRO)
    for cell in experiment.cells[3:]:
        (out / "cells" / f"{cell.cell_id}.parquet").unlink()

    def stop(cell_id, status):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_sweep(REPRO, out, workers=1, progress=False, on_cell=stop)
    manifest = read_manifest(out)
    assert manifest["status"] == "interrupted"
    assert manifest["runs"][-1]["interrupted"] is True
    assert [c["status"] for c in manifest["cells"]] == ["done"] * 4 + ["missing"] * 2
    result = run_sweep(REPRO, out, workers=1, progress=False)
    assert result.ran == 2 and result.complete
    assert_same_cells(out, reference)


def test_failed_cells_are_recorded_and_retried(reference, tmp_path):
    out = tmp_path / "fail"
    shutil.copytree(reference, out)
    experiment = load_experiment(REPRO)
    bad = experiment.cells[2].cell_id
    (out / "cells" / f"{bad}.parquet").unlink()
    result = run_sweep(REPRO, out, executor=FailingExecutor(bad), progress=False)
    assert result.failed == {bad: "RuntimeError: simulated failure"}
    assert not result.complete
    manifest = read_manifest(out)
    assert manifest["status"] == "incomplete"
    entry = next(c for c in manifest["cells"] if c["cell_id"] == bad)
    assert entry["status"] == "failed" and "simulated failure" in entry["error"]
    retry = run_sweep(REPRO, out, workers=1, progress=False)
    assert retry.ran == 1 and retry.complete
    assert_same_cells(out, reference)


def test_changed_experiment_is_refused_unless_forced(reference, tmp_path):
    out = tmp_path / "changed"
    shutil.copytree(reference, out)
    before = cell_bytes(out)
    edited = tmp_path / "edited.toml"
    edited.write_text(REPRO.read_text().replace('["sensitive", "rejecting"]',
                                                '["sensitive", "inconsistent"]'))
    with pytest.raises(InputError, match="holds results of a different experiment file"):
        run_sweep(edited, out, workers=1, progress=False)
    assert cell_bytes(out) == before  # nothing touched
    result = run_sweep(edited, out, workers=1, progress=False, force=True)
    assert result.skipped == 3 and result.ran == 3  # the sensitive cells are unchanged
    names = set(cell_bytes(out))
    experiment = load_experiment(edited)
    assert names == {f"{c.cell_id}.parquet" for c in experiment.cells}  # rejecting cells gone
    assert read_manifest(out)["experiment"]["sha256"] == experiment.sha256


def test_changed_code_is_refused_and_forcing_reruns_everything(reference, tmp_path,
                                                               monkeypatch):
    out = tmp_path / "code"
    shutil.copytree(reference, out)
    (out / "cells" / next(iter(cell_bytes(out)))).unlink()
    monkeypatch.setattr(mf, "model_fingerprint", lambda: "other-code")
    with pytest.raises(InputError, match="computed by other model code"):
        run_sweep(REPRO, out, workers=1, progress=False)
    monkeypatch.undo()
    with pytest.raises(InputError, match="its cells are parquet files, not csv"):
        run_sweep(REPRO, out, workers=1, progress=False, output_format="csv")


def test_directories_that_are_not_ours_are_refused(tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="is not empty and holds no sweep manifest"):
        run_sweep(REPRO, busy, workers=1, progress=False)
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]  # untouched
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(InputError, match="is a file, not a directory"):
        run_sweep(REPRO, a_file, workers=1, progress=False)
    with pytest.raises(InputError, match="cannot create the output directory"):
        run_sweep(REPRO, a_file / "below", workers=1, progress=False)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "manifest.json").write_text("{not json")
    with pytest.raises(InputError, match="manifest.json is damaged"):
        run_sweep(REPRO, damaged, workers=1, progress=False)


def test_a_directory_in_use_is_refused(tmp_path):
    out = tmp_path / "locked"
    out.mkdir()
    with DirectoryLock(out), pytest.raises(InputError, match="in use by another"):
        run_sweep(REPRO, out, workers=1, progress=False)


def test_sweep_files_honour_the_umask(tmp_path):
    """Cell files, the manifest and the experiment copy are 0666 less the umask (0644 under
    022), like any file a program writes, so a research group can share them."""
    out = tmp_path / "shared"
    old = os.umask(0o022)
    try:
        assert run_sweep(REPRO, out, workers=1, progress=False).complete
    finally:
        os.umask(old)
    written = [out / "manifest.json", out / "experiment.toml", *(out / "cells").iterdir()]
    assert len(written) == 2 + 6
    modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written}
    assert set(modes.values()) == {"0o644"}, modes


def test_bad_arguments(tmp_path):
    with pytest.raises(InputError, match="workers must be an integer in"):
        run_sweep(REPRO, tmp_path / "w", workers=0)
    with pytest.raises(InputError, match="format must be one of"):
        run_sweep(REPRO, tmp_path / "f", output_format="xlsx")
    with pytest.raises(InputError, match="--workers applies to the local process pool"):
        run_sweep(REPRO, tmp_path / "s", workers=2, scheduler="tcp://127.0.0.1:1")
    assert not (tmp_path / "w").exists() and not (tmp_path / "f").exists()


def test_csv_output_and_scales(tmp_path):
    experiment = load_experiment(FILES / "population.toml")
    result = run_sweep(experiment, tmp_path / "csv", workers=1, progress=False)
    assert result.complete, result.failed
    names = sorted(p.name for p in (tmp_path / "csv" / "cells").iterdir())
    assert len(names) == 4 and all(n.endswith(".csv") for n in names)
    table = load_results(tmp_path / "csv")
    assert table["population_name"].drop_duplicates().tolist() == ["baltimore", "japan"]
    assert len(table) == 16
    scales = load_results(tmp_path / "csv", scales=True)
    assert {"cell_id", "infant_id"} <= set(scales.columns) and len(scales) > len(table)
    # the CSV round trip keeps the values of the Parquet tables
    task = cell_task(experiment, experiment.cells[0])
    from simulation.sweep.worker import run_cell

    direct = run_cell(task)["table"]
    loaded = table[table["cell_id"] == experiment.cells[0].cell_id].reset_index(drop=True)
    pd.testing.assert_frame_equal(loaded[["infant_id", "classification", "d_rating"]],
                                  direct[["infant_id", "classification", "d_rating"]],
                                  check_dtype=False)


def test_progress_bar_shows_cells_and_infants_per_second(reference, tmp_path, capsys):
    out = tmp_path / "bar"
    shutil.copytree(reference, out)
    (out / "cells" / next(iter(cell_bytes(out)))).unlink()
    run_sweep(REPRO, out, workers=1, progress=True)
    err = capsys.readouterr().err
    assert "cells" in err and "6/6" in err and "infants/s" in err


# --- a real SIGKILL, then resume -----------------------------------------------------------

def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover
        return True
    return True


@pytest.mark.slow
def test_sigkill_midway_then_resume_gives_the_same_tables(reference, tmp_path):
    out = tmp_path / "killed"
    env = dict(os.environ)
    log = open(tmp_path / "sweep.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulation", "sweep", str(REPRO), "--out", str(out),
         "--workers", "2", "--quiet"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    pgid = proc.pid
    try:
        deadline = time.monotonic() + 300
        written: list[Path] = []
        while time.monotonic() < deadline and proc.poll() is None:
            cells = out / "cells"
            written = [p for p in cells.glob("*.parquet")] if cells.exists() else []
            if written:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the sweep ended before it could be killed"
        assert written, "no cell was written in time"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
        # the pool's workers notice the client is gone and exit by themselves
        deadline = time.monotonic() + 20
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.1)
        orphans_gone = not _group_alive(pgid)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
        log.close()
    assert orphans_gone, "worker processes outlived the killed sweep"
    done_at_kill = {p.name for p in (out / "cells").glob("*.parquet")}
    assert 1 <= len(done_at_kill) < 6
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "running"  # it never got to say otherwise
    result = run_sweep(REPRO, out, workers=1, progress=False)
    assert result.skipped == len(done_at_kill)
    assert result.ran == 6 - len(done_at_kill)
    assert not list((out / "cells").glob(".*.tmp"))
    assert_same_cells(out, reference)
    manifest = read_manifest(out)
    assert manifest["status"] == "complete"
    assert manifest["runs"][0]["ended"] is None and manifest["runs"][1]["ended"]
