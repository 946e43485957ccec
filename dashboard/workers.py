"""The dashboard's simulations, run in a small pool of worker processes beside Streamlit's threads.

Streamlit answers every session in a thread of one server process. The compiled rules release
Python's interpreter lock, but the coder's numpy steps, the tables and the Mesa agents hold it:
without a pool, a class asking for new populations at once shares one core, and the server
itself answers slowly while it computes.
The pool (``SSP_DASHBOARD_WORKERS`` processes, default: up to 2, and never more than the
machine's cores) runs the cohorts, the Explore map and the Mesa dyads; the pages stay in their
threads and keep Streamlit's caches. ``SSP_DASHBOARD_WORKERS=0`` computes in the page's own
thread (the tests of the pages run both ways). Draws are keyed by infant, so where a
simulation runs never changes its result.

This module does not import Streamlit: the worker processes (loky's, started fresh, not forked:
safe beside threads) import only what they run; sweeps use the same library
(:mod:`simulation.sweep.runner`). Nothing here writes to disk, but numba's cache of the
compiled rules: before the pool starts, the server process compiles them if this machine has
not yet (:func:`simulation.compiled.ensure_compiled`), so that the workers only load them.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
from concurrent.futures import BrokenExecutor, Executor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

#: Environment variable: worker processes of the dashboard's pool (0: compute in the page).
WORKERS_ENV = "SSP_DASHBOARD_WORKERS"
#: Largest pool the variable may ask for.
MAX_WORKERS = 16
#: Set in the pool's worker processes (loky starts them with it), so that they never start pools.
WORKER_ENV = "SSP_DASHBOARD_WORKER"


def in_worker() -> bool:
    """True in a pool's worker process (or any child of another process): it never starts a
    pool."""
    return os.environ.get(WORKER_ENV) == "1" or multiprocessing.parent_process() is not None


def workers_wanted(environ: dict[str, str] | None = None) -> int:
    """Processes in the pool: ``SSP_DASHBOARD_WORKERS`` if it is a whole number in
    0..:data:`MAX_WORKERS`, else up to 2 and never more than the machine's cores; 0 inside a
    worker process (a pool never starts pools)."""
    if in_worker():
        return 0
    value = (os.environ if environ is None else environ).get(WORKERS_ENV, "").strip()
    if value.isdigit() and int(value) <= MAX_WORKERS:
        return int(value)
    return max(1, min(2, os.cpu_count() or 1))


# --- what the workers run (top-level functions: they are pickled by name) --------------------


def care_from_spec(spec: tuple):
    """A :class:`~simulation.caregiving.Caregiving` (or profile) from a dashboard care spec:
    ``("profile", (r, c, w, f[, u]))``, ``("history", ((month, (r, c, w, f)), ...))`` or
    ``("two", primary_history, secondary_history, share, from_month)``."""
    from simulation.caregiving import CaregiverProfile, Caregiving, CaregivingHistory

    def history(spells) -> CaregivingHistory:
        return CaregivingHistory(tuple((float(m), CaregiverProfile(*p)) for m, p in spells))

    kind = spec[0]
    if kind == "profile":
        return CaregiverProfile(*spec[1])
    if kind == "history":
        return history(spec[1])
    if kind == "two":
        return Caregiving(primary=history(spec[1]), secondary=history(spec[2]),
                          secondary_share=float(spec[3]), secondary_from=float(spec[4]))
    raise ValueError(f"unknown care spec {kind!r}")


def _population(name: str | None):
    if name is None:
        return None
    from simulation.population_presets import get_population

    return get_population(name)


def _temperament(spec, population):
    """A fixed temperament (r, s), a shifted distribution ("mean", r), or the population's."""
    from simulation.temperament import Temperament, TemperamentDistribution

    if spec is None:
        return population.temperament if population is not None else None
    if spec[0] == "mean":
        base = population.temperament if population is not None else TemperamentDistribution()
        return TemperamentDistribution(float(spec[1]), base.reactivity_sd,
                                       base.soothability_mean, base.soothability_sd)
    return Temperament(float(spec[0]), float(spec[1]))


def cohort_table(care: tuple | None, population: str | None, seed: int, first_id: int,
                 size: int, temperament: tuple | None, caregiver: str,
                 age: float) -> pd.DataFrame:
    """Infants ``first_id .. first_id + size - 1`` of a cohort: the per-infant table."""
    from simulation.cohort import run_cohort

    pop = _population(population)
    return run_cohort(care_from_spec(care) if care is not None else None, int(size), int(seed),
                      population=pop, temperament=_temperament(temperament, pop),
                      caregiver=caregiver, age_months=float(age), first_id=int(first_id),
                      progress=False).table


def grid_table(grid: tuple[float, ...], warmth: float, frightening: float, seed: int,
               first_id: int, size: int) -> pd.DataFrame:
    """Infants of the Explore map's design (cell ``id % cells``): settings and classification."""
    from simulation.cell_design import CellDesign
    from simulation.cohort import run_cohort

    design = CellDesign.grid(responsiveness=list(grid), consistency=list(grid),
                             warmth=[float(warmth)], frightening=[float(frightening)])
    table = run_cohort(population=design, n_infants=int(size), seed=int(seed),
                       first_id=int(first_id), progress=False).table
    return table[["responsiveness", "consistency", "classification"]]


@dataclass
class Dyad:
    """One infant through the Mesa model: its trace, the coder's verdict (with its reasons, in
    plain words and as the coder's criteria, and the moments it scored) and its home year."""

    trace: pd.DataFrame
    coding: Any  # simulation.observer.Coding of one infant
    explanation: str  # the coder's reasoning, one line per point
    plain: list[str]  # why, in plain words for students (D first, naming the lapses)
    moments: list[Any]  # simulation.observer.explanation.Moment: the bouts the coder scored
    row: dict[str, Any]  # classification, subgroup, group, abc_group, d_rating, care, temperament
    monthly: list[dict[str, np.ndarray]]  # per caregiver: variable -> (months + 1,)


def dyad_run(care: tuple | None, population: str | None, infant_id: int, seed: int,
             temperament: tuple | None, caregiver: str, age: float) -> Dyad:
    """Run infant ``infant_id`` of a cohort alone through the Mesa model (replays exactly)."""
    from simulation.mesa_model import StrangeSituationModel
    from simulation.observer import code_record, explain
    from simulation.observer.explanation import explain_plainly, scored_moments
    from simulation.record import BehaviourRecord

    pop = _population(population)
    model = StrangeSituationModel(
        care_from_spec(care) if care is not None else None, population=pop,
        infant_id=int(infant_id), seed=int(seed), temperament=_temperament(temperament, pop),
        caregiver=caregiver, age_months=float(age)).run()
    trace = model.trace()
    record = BehaviourRecord.from_frame(trace)
    coding = code_record(record)
    prepared = model.prepared
    ci = 0 if caregiver == "primary" else 1
    arrays = prepared.care.caregivers[ci]
    spell = arrays.spell_index(float(age) - 1e-9)
    row = {
        "classification": str(coding.classification[0]),
        "group": str(coding.group[0]),
        "abc_group": str(coding.abc_group[0]),
        "subgroup": str(coding.subgroup[0]),
        "d_rating": int(coding.d_rating[0]),
        "reactivity": float(prepared.reactivity[0]),
        "soothability": float(prepared.soothability[0]),
    }
    for name in ("responsiveness", "consistency", "warmth", "frightening", "unresolved"):
        row[name] = float(np.asarray(getattr(arrays, name))[spell].ravel()[0])
    monthly = [{k: np.asarray(v)[0] for k, v in m.items()}
               for m in prepared.development.monthly]
    return Dyad(trace, coding, explain(coding, 0).replace("Infant 0", f"Infant {infant_id}"),
                explain_plainly(coding, 0, record), scored_moments(record), row, monthly)


def ready() -> None:
    """Import what the workers run (each worker, as it starts)."""
    import simulation.cohort  # noqa: F401
    import simulation.mesa_model  # noqa: F401


# --- the pool --------------------------------------------------------------------------------


class Pool:
    """The dashboard's process pool: a loky process pool (the library sweeps use), replaced
    when a worker died, falling back to the calling thread.

    The pool starts at the first call (not at import), with all its workers at once, each
    importing what the work needs as it starts. If a worker dies, loky marks the pool broken
    and the next call starts a new one; the task is submitted again. If the pool cannot start,
    or breaks twice, the work runs in the caller's thread: a page never fails because of the
    pool. Results are the same either way. (Not loky's *reusable* executor: it keeps one pool
    per thread, and Streamlit runs every rerun in a thread of its own.)
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: Executor | None = None
        self._lock = threading.Lock()
        self.failures = 0
        # stopped before the interpreter tears down loky's module (else loky's manager thread
        # complains at exit)
        atexit.register(self.shutdown)

    def _get(self) -> Executor | None:
        if self.workers == 0 or self.failures > 1:
            return None
        with self._lock:
            if self._executor is not None and not _broken(self._executor):
                return self._executor
            if self._executor is None:
                # the compiled rules, here first (once per machine): the workers then load them
                from simulation.compiled import ensure_compiled

                ensure_compiled(lambda line: print(f"ssp dashboard: {line}", file=sys.stderr,
                                                   flush=True), mesa=True, life=True)
            try:
                from loky import ProcessPoolExecutor

                self._executor = ProcessPoolExecutor(self.workers, env=_worker_env(),
                                                     initializer=ready)
                for _ in range(self.workers):  # the workers start and import the engine now
                    self._executor.submit(os.getpid)
            except (OSError, ValueError, RuntimeError, ImportError):
                self.failures = 2
                return None
            return self._executor

    def run(self, fn, *args):
        """``fn(*args)`` in a worker process (or here, without a pool)."""
        executor = self._get()
        if executor is None:
            return fn(*args)
        try:
            return executor.submit(fn, *args).result()
        except BrokenExecutor:  # loky's TerminatedWorkerError too: a new pool next time
            with self._lock:
                self.failures += 1
            return self.run(fn, *args)

    def shutdown(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, kill_workers=True)
                self._executor = None


def _worker_env() -> dict[str, str]:
    """The workers' environment: marked as workers, and numba's cache where this process
    compiled the rules (a worker loads them; it never compiles into another directory)."""
    from simulation.rules.jit import cache_directory

    cache = cache_directory()
    return {WORKER_ENV: "1", **({"NUMBA_CACHE_DIR": str(cache.parent)} if cache else {})}


def _broken(executor: Executor) -> bool:
    flags = getattr(executor, "_flags", None)
    return bool(getattr(flags, "broken", False))


_SHARED: Pool | None = None
_SHARED_LOCK = threading.Lock()


def shared_pool() -> Pool:
    """The process's one pool (``SSP_DASHBOARD_WORKERS`` workers), made at the first call,
    whichever thread makes it (the sessions' and the warming thread may ask at once)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = Pool(workers_wanted())
        return _SHARED
