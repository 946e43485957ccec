"""Running a sweep: cells through an Executor, each finished cell written at once, resumable.

:func:`run_sweep` is what ``ssp sweep`` calls. Cells run through a
``concurrent.futures.Executor``: a local process pool by default (``workers`` processes, the
machine's cores unless told; loky's ``ProcessPoolExecutor``, which can stop its workers at once
and cleanly), the calling process itself with ``workers=1``, a Dask cluster with
``scheduler="tcp://host:8786"`` (``Client(address).get_executor()``, after checking that every
worker runs the same code and library versions as the client), or any executor passed in.
Workers return tables; the client writes each one as soon as it arrives (temporary file, then
rename) and keeps the manifest up to date. Running again on the same directory runs only the
missing cells; a changed experiment file, package version or model code is refused unless
``force=True``.

Results do not depend on the backend, the number of workers or the order cells finish in: each
cell's seed comes from the root seed and the cell's settings (:mod:`.cells`), and infant draws are
keyed by (seed, infant id, purpose, step).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..inputs import InputError, check_int
from ..io import require_parquet, write_table, write_text
from ..limits import MAX_SWEEP_WORKERS
from . import manifest as mf
from .cells import cell_task
from .spec import FORMATS, Experiment, load_experiment
from .worker import init_worker, run_cell

#: Seconds between manifest rewrites while cells finish (it is always written at the end).
MANIFEST_INTERVAL = 1.0
#: Seconds to wait for a Dask scheduler to answer, and for its first worker.
DASK_CONNECT_TIMEOUT = 20
DASK_WORKER_TIMEOUT = 60
#: Cells submitted ahead of the workers (per worker), bounding memory and work lost to a kill.
IN_FLIGHT_PER_WORKER = 2


class SerialExecutor(Executor):
    """Runs each task in the calling process when submitted (``workers=1``)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - a failed cell is recorded, not fatal
            future.set_exception(exc)
        return future


@dataclass
class SweepResult:
    """What a call to :func:`run_sweep` did, and the state of the directory after it."""

    out: Path
    cells: int  #: cells in the experiment
    done: int  #: cells with a table in the directory now
    ran: int  #: cells computed by this call
    skipped: int  #: cells already done before this call
    failed: dict[str, str] = field(default_factory=dict)  #: cell id -> error, this call
    seconds: float = 0.0
    infants: int = 0  #: infants computed by this call
    backend: str = ""
    workers: int = 0
    completed: list[str] = field(default_factory=list)  #: cell ids in the order they arrived
    damaged: dict[str, str] = field(default_factory=dict)  #: cell id -> what was wrong, redone

    @property
    def complete(self) -> bool:
        return self.done == self.cells

    @property
    def infants_per_second(self) -> float:
        return self.infants / self.seconds if self.seconds > 0 else 0.0


def default_workers() -> int:
    """Cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _inspect_directory(out: Path) -> dict | None:
    """Refuse, without touching anything, an ``--out`` that is not ours; return its manifest."""
    try:
        return _inspect(out)
    except OSError as exc:  # e.g. a name too long, or a path that cannot be looked at
        raise InputError(f"cannot use the output directory {str(out)!r}: "
                         f"{exc.strerror or exc}") from None


def _inspect(out: Path) -> dict | None:
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {str(out)!r} is a file, not a directory")
    for ancestor in out.parents:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise InputError(f"cannot create the output directory {str(out)!r}: "
                                 f"{str(ancestor)!r} is a file")
            break
    if not out.exists():
        return None
    previous = mf.read_manifest(out)
    if previous is None:
        cells = out / mf.CELLS
        stray = [p.name for p in out.iterdir() if p.name not in (mf.LOCK, mf.CELLS)]
        stray += [p.name for p in cells.iterdir()] if cells.is_dir() else []
        if stray:
            raise InputError(f"--out {str(out)!r} is not empty and holds no sweep manifest "
                             f"(found {stray[0]!r}); use a new or empty directory")
    return previous


def _make_directory(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / mf.CELLS).mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output directory {str(out)!r}: "
                         f"{exc.strerror or exc}") from None
    if not os.access(out, os.W_OK) or not os.access(out / mf.CELLS, os.W_OK):
        raise InputError(f"cannot write in the output directory {str(out)!r}")


def _check_previous(out: Path, previous: dict | None, experiment: Experiment, fmt: str,
                    versions: dict[str, str], force: bool) -> bool:
    """Compare an existing sweep directory with this run. Return whether its cells may be kept.

    A different experiment file, other model code or another cell format is refused unless
    ``force``; cells are kept only if the code is the same (their ids then say whether their
    settings are).
    """
    if previous is None:
        return True
    problems = []
    old_exp = previous.get("experiment", {})
    if old_exp.get("sha256") != experiment.sha256:
        problems.append(f"it holds results of a different experiment file "
                        f"({old_exp.get('name')!r}, {old_exp.get('file')!r})")
    old_versions = previous.get("versions", {})
    same_code = (old_versions.get("simulation") == versions["simulation"]
                 and old_versions.get("code") == versions["code"])
    if not same_code:
        problems.append(f"it was computed by other model code (simulation "
                        f"{old_versions.get('simulation')}, code {old_versions.get('code')}; "
                        f"now {versions['simulation']}, code {versions['code']})")
    if previous.get("format") != fmt:
        problems.append(f"its cells are {previous.get('format')} files, not {fmt}")
    if problems and not force:
        raise InputError(f"--out {str(out)!r}: {'; '.join(problems)}. Use another --out, or "
                         "--force to rerun it (cells whose settings are unchanged are kept if "
                         "the code is the same)")
    return same_code


def _clean(out: Path, keep: set[str], keep_cells: bool) -> None:
    """Remove leftover temporary files, and cell files that do not belong to this run."""
    for path in (out / mf.CELLS).iterdir():
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)
        elif not keep_cells or path.name not in keep:
            path.unlink(missing_ok=True)
    for path in out.iterdir():
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)


def _worker_versions() -> dict[str, str]:
    return mf.package_versions()


def _connect_dask(address: str, versions: dict[str, str]):
    """A Dask client on ``address``, after checking every worker runs what the client runs."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install -e \".[dask]\"") from None
    try:
        client = Client(address, timeout=f"{DASK_CONNECT_TIMEOUT}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot connect to the Dask scheduler {address!r}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=DASK_WORKER_TIMEOUT)
        def same(name: str, theirs: dict) -> bool:
            if name == "python":  # a bug-fix release of Python changes no result
                return theirs.get(name, "").split(".")[:2] == versions[name].split(".")[:2]
            return theirs.get(name) == versions.get(name)

        for worker, theirs in client.run(_worker_versions).items():
            for name in ("simulation", "code", "python", *mf.PACKAGES):
                if not same(name, theirs):
                    raise InputError(
                        f"Dask worker {worker} runs {name} {theirs.get(name)}, this client "
                        f"{versions.get(name)}: install the same versions everywhere")
    except BaseException:
        client.close()
        raise
    return client


class _Backend:
    """The executor cells run on, how it is described, and how to close what was opened."""

    def __init__(self, executor: Executor | None, scheduler: str | None, workers: int | None,
                 versions: dict[str, str]):
        self.executor = executor
        self.client = None
        self.pool: Executor | None = None
        self.submitted = False
        if executor is not None:
            self.name, self.workers = type(executor).__name__, workers or default_workers()
        elif scheduler is not None:
            self.client = _connect_dask(scheduler, versions)
            self.executor = self.client.get_executor()
            self.name = f"dask {scheduler}"
            self.workers = max(1, sum(self.client.nthreads().values()))
        else:
            self.name, self.workers = "", workers or default_workers()

    def start(self, cells: int) -> Executor:
        """The executor for ``cells`` cells (a local pool only if it is worth starting)."""
        if self.executor is None:
            if self.workers == 1 or cells <= 1:
                self.name, self.workers, self.executor = "serial", 1, SerialExecutor()
            else:
                from loky import ProcessPoolExecutor

                self.name, self.workers = "process-pool", min(self.workers, cells)
                self.pool = self.executor = ProcessPoolExecutor(
                    max_workers=self.workers, initializer=init_worker,
                    initargs=(os.getpid(),))
        return self.executor

    def submit(self, fn, task) -> Future:
        """Submit a cell; a local pool starts its workers at its first submission, with SIGINT
        ignored (:func:`_sigint_ignored`)."""
        if self.pool is not None and not self.submitted:
            self.submitted = True
            with _sigint_ignored():
                return self.pool.submit(fn, task)
        return self.executor.submit(fn, task)

    def close(self, pending: list[Future], interrupted: bool = False) -> None:
        """Release the backend. ``interrupted``: the run stopped early (an error, Ctrl+C): the
        cells in flight (``pending``) are lost anyway, so a local pool's workers are killed at
        once rather than waited for."""
        if self.pool is not None:
            # loky fails the pending cells itself (they must not be cancelled before)
            self.pool.shutdown(wait=True, kill_workers=interrupted)
        else:
            for future in pending:
                future.cancel()
        if self.client is not None:
            with contextlib.suppress(Exception):
                self.client.close()


@contextlib.contextmanager
def _sigint_ignored():
    """SIGINT ignored (in the main thread) while a local pool starts its workers.

    A process started with SIGINT ignored keeps ignoring it (Python installs no handler then):
    a Ctrl+C, which reaches the whole process group, never interrupts a worker that is still
    starting (importing, before :func:`~.worker.init_worker` runs) with a traceback of its own.
    (Blocking the signal instead would not do: starting the standard resource tracker unblocks
    it.) The window is the few milliseconds the pool takes to start its processes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def _existing_cells(experiment: Experiment, out: Path, fmt: str, known: dict[str, dict]
                    ) -> tuple[dict[str, str], dict[str, dict], dict[str, str]]:
    """The cells already done: each file checked (:func:`~.manifest.check_cell_file`) against
    the SHA-256 the manifest ``known`` recorded for it. A damaged file is removed (its cell runs
    again). Returns (cell id -> "done", cell id -> manifest details, cell id -> damage)."""
    status: dict[str, str] = {}
    details: dict[str, dict] = {}
    damaged: dict[str, str] = {}
    for cell in experiment.cells:
        path = mf.cell_file(out, cell.cell_id, fmt)
        scales = mf.cell_file(out, cell.cell_id, fmt, scales=True)
        if not path.exists():
            continue
        entry = known.get(cell.cell_id, {})
        problem = mf.check_cell_file(path, cell.cell_id, experiment.infants, entry.get("sha256"))
        if problem is None and experiment.scales:
            problem = ("its scale table is missing" if not scales.exists() else
                       mf.check_cell_file(scales, cell.cell_id, None, entry.get("scales_sha256")))
        if problem is not None:
            damaged[cell.cell_id] = f"{path.name}: {problem}"
            path.unlink(missing_ok=True)
            scales.unlink(missing_ok=True)
            continue
        status[cell.cell_id] = "done"
        details[cell.cell_id] = {k: entry[k] for k in ("seconds",) if k in entry}
        details[cell.cell_id]["sha256"] = entry.get("sha256") or mf.file_digest(path)
        if experiment.scales:
            details[cell.cell_id]["scales_sha256"] = (entry.get("scales_sha256")
                                                      or mf.file_digest(scales))
    return status, details, damaged


def _record_failure(cell, error: str, status: dict, details: dict, result: SweepResult) -> None:
    status[cell.cell_id] = "failed"
    details[cell.cell_id] = {"error": error}
    result.failed[cell.cell_id] = error


def _progress_bar(total: int, initial: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="cell", file=sys.stderr, dynamic_ncols=True,
                smoothing=0.05, desc="cells")


def run_sweep(
    experiment: Experiment | str | os.PathLike,
    out: str | os.PathLike,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    executor: Executor | None = None,
    force: bool = False,
    progress: bool | None = None,
    output_format: str | None = None,
    on_start: Callable[[SweepResult], None] | None = None,
    on_cell: Callable[[str, str], None] | None = None,
) -> SweepResult:
    """Run an experiment's missing cells and write them to ``out``; return what was done.

    ``experiment``: an :class:`Experiment` or the path of an experiment file. ``workers``: local
    processes (default: the machine's cores; 1 runs in this process). ``scheduler``: a Dask
    scheduler address instead. ``executor``: any ``concurrent.futures.Executor`` instead (not
    shut down here; ``workers`` then sets how many cells are submitted ahead). ``force``: accept a
    directory holding another experiment file, other model code or another format (see the
    module docstring). ``progress``: a bar with cells, infants per second and time left
    (default: only on a terminal). ``output_format``: ``"parquet"`` or ``"csv"``, overriding the
    file's ``[output] format``. ``on_start(result)`` is called once the directory is checked,
    before the first cell runs; ``on_cell(cell_id, status)`` as each cell finishes.
    Failed cells are recorded in the manifest and returned; running again retries them.

    Everything that can be refused (the experiment, the arguments, the directory, the Dask
    cluster) is refused before anything is written.
    """
    if not isinstance(experiment, Experiment):
        experiment = load_experiment(experiment)
    fmt = experiment.format if output_format is None else output_format
    if fmt not in FORMATS:
        raise InputError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "parquet":
        require_parquet("the sweep's Parquet cell tables (use --format csv for CSV)")
    if scheduler is not None and executor is not None:
        raise InputError("give a scheduler or an executor, not both")
    if scheduler is not None and workers is not None:
        raise InputError("--workers applies to the local process pool; with --scheduler the "
                         "cluster's workers are used")
    if workers is not None:
        workers = check_int("workers", workers, 1, MAX_SWEEP_WORKERS)
    experiment.cells  # noqa: B018 - validated before the directory is touched
    versions = mf.package_versions()
    out = Path(out)
    _check_previous(out, _inspect_directory(out), experiment, fmt, versions, force)
    backend = _Backend(executor, scheduler, workers, versions)
    pending: dict[Future, Any] = {}  # the cells in flight
    interrupted = True
    try:
        _make_directory(out)
        with mf.DirectoryLock(out):
            previous = mf.read_manifest(out)  # again, now that no one else can write it
            reusable = _check_previous(out, previous, experiment, fmt, versions, force)
            result = _run(experiment, out, fmt, versions, previous, reusable, backend,
                          pending, progress, on_start, on_cell)
        interrupted = False
    finally:
        backend.close(list(pending), interrupted)
    return result


def _run(experiment: Experiment, out: Path, fmt: str, versions: dict[str, str],
         previous: dict | None, reusable: bool, backend: _Backend,
         pending: dict[Future, Any], progress: bool | None, on_start, on_cell) -> SweepResult:
    """Run the missing cells in a checked, locked directory."""
    cells = experiment.cells
    files = {mf.cell_file(out, c.cell_id, fmt).name for c in cells}
    if experiment.scales:
        files |= {mf.cell_file(out, c.cell_id, fmt, scales=True).name for c in cells}
    _clean(out, files, reusable)
    known = ({e.get("cell_id"): e for e in previous.get("cells", []) if isinstance(e, dict)}
             if previous is not None and reusable else {})
    status, details, damaged = _existing_cells(experiment, out, fmt, known)
    manifest = mf.new_manifest(experiment, fmt, versions)
    if previous is not None and reusable:
        if previous.get("experiment", {}).get("sha256") == experiment.sha256:
            manifest["started"] = previous.get("started", manifest["started"])
            manifest["runs"] = previous.get("runs", [])
    write_text(out / mf.EXPERIMENT_COPY, experiment.text)
    todo = [c for c in cells if c.cell_id not in status]
    backend.start(len(todo))
    result = SweepResult(out=out, cells=len(cells), done=len(status), ran=0,
                         skipped=len(status), backend=backend.name, workers=backend.workers,
                         damaged=damaged)
    run = {"started": mf.now(), "ended": None, "backend": backend.name,
           "workers": backend.workers, "cells_before": len(status), "cells_run": 0,
           "cells_failed": 0, "interrupted": False}
    if damaged:
        run["cells_damaged"] = damaged
    manifest["runs"].append(run)

    def save(final: str | None = None) -> None:
        manifest["cells"] = mf.cell_entries(experiment, fmt, status, details)
        run["cells_run"], run["cells_failed"] = result.ran, len(result.failed)
        if final is not None:
            manifest["ended"] = run["ended"] = mf.now()
            manifest["status"] = final
        mf.write_json(out / mf.MANIFEST, manifest)

    save()
    if on_start is not None:
        on_start(result)
    bar = _progress_bar(len(cells), len(status), progress)
    start = last_save = time.perf_counter()
    queue = iter(todo)
    window = max(1, backend.workers * IN_FLIGHT_PER_WORKER)
    final = "interrupted"
    try:
        exhausted = broken = False
        while not broken:
            while not exhausted and len(pending) < window:
                cell = next(queue, None)
                if cell is None:
                    exhausted = True
                else:
                    try:
                        future = backend.submit(run_cell, cell_task(experiment, cell))
                    except BrokenProcessPool:  # a worker died: this cell waits for a resume
                        broken = exhausted = True
                        break
                    pending[future] = cell
            if not pending:
                break
            finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: pending[f].index):
                cell = pending.pop(future)
                try:
                    output = future.result()
                    if output["code"] != versions["code"]:
                        raise RuntimeError(f"a worker ran other model code (fingerprint "
                                           f"{output['code']}, client {versions['code']})")
                except BrokenProcessPool as exc:
                    broken = True
                    _record_failure(cell, f"a worker process died: {' '.join(str(exc).split())}",
                                    status, details, result)
                except Exception as exc:  # noqa: BLE001 - one failed cell, others go on
                    _record_failure(cell, f"{type(exc).__name__}: {exc}", status, details,
                                    result)
                else:  # the client writes; if it cannot, the run stops with the error
                    if output["scales"] is not None:
                        write_table(output["scales"],
                                    mf.cell_file(out, cell.cell_id, fmt, scales=True))
                    path = write_table(output["table"], mf.cell_file(out, cell.cell_id, fmt))
                    status[cell.cell_id] = "done"
                    details[cell.cell_id] = {"seconds": round(output["seconds"], 3),
                                             "sha256": mf.file_digest(path)}
                    if output["scales"] is not None:
                        details[cell.cell_id]["scales_sha256"] = mf.file_digest(
                            mf.cell_file(out, cell.cell_id, fmt, scales=True))
                    result.ran += 1
                    result.infants += output["infants"]
                    result.completed.append(cell.cell_id)
                if on_cell is not None:
                    on_cell(cell.cell_id, status[cell.cell_id])
                if bar is not None:
                    bar.update(1)
                    elapsed = time.perf_counter() - start
                    if elapsed > 0:
                        bar.set_postfix_str(f"{result.infants / elapsed:,.0f} infants/s",
                                            refresh=False)
            if time.perf_counter() - last_save >= MANIFEST_INTERVAL:
                save()
                last_save = time.perf_counter()
        result.done = sum(1 for s in status.values() if s == "done")
        final = "complete" if result.done == len(cells) else "incomplete"
    except BaseException:
        run["interrupted"] = True
        raise
    finally:
        result.seconds = time.perf_counter() - start
        result.done = sum(1 for s in status.values() if s == "done")
        if bar is not None:
            bar.close()
        save(final)
    return result
