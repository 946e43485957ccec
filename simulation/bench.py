"""The benchmark behind ``ssp bench``: how fast, and in how much memory, the engines run.

:func:`run_benchmark` measures, in one run:

- the full procedure (development, the eight episodes, coding, classification and the
  per-infant table) through the cohort engine for cohorts of several sizes (default 1,000,
  10,000 and 100,000): seconds, infants per second and peak resident memory, on one thread (the
  figures the targets are checked on) and, where the process may use more cores, on all of them.
  Each size runs in its own subprocess (``python -m simulation.bench --worker cohort ...``),
  since a process's peak memory never falls; its first run (the warm-up) also loads the
  compiled rules from numba's cache, and is reported as the first-call time;
- one dyad through the Mesa model, against the cohort engine's time per infant: the speed ratio;
- lives from birth to 30 (:func:`simulation.life.run_lives`, infancy included) for the cohort
  size nearest 10,000, on one thread, in its own process: against the cohort of that size;
- a breakdown of one cohort chunk by phase, calling the phase functions the engine calls
  (:func:`simulation.preparation.prepare`, :func:`simulation.strange_situation.run_ssp`, the
  observer), without changing the engine;
- the machine: CPU, cores, Python, platform, numpy and its BLAS, numba and its LLVM.

Every figure is the median of several repetitions after a warm-up run. The caregiving is a fixed,
representative mix: the ``global`` population preset (all 32 samples of the 1988 meta-analysis),
seed 0. The issue's targets (issue 7) are reported beside the figures, met or not met; they are
never asserted by the tests.

Units: seconds; memory in decimal megabytes and gigabytes (1 MB = 10**6 bytes), the 1.5 GB
target being 1.5 * 10**9 bytes of peak resident set size (``ru_maxrss``), which includes the
interpreter and the imported libraries (reported separately as the baseline).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .inputs import InputError, check_int
from .limits import DEFAULT_CHUNK, MAX_INFANTS
from .threads import check_threads, usable_cores

#: Cohort sizes timed by default.
DEFAULT_SIZES = (1_000, 10_000, 100_000)
#: Repetitions per measurement by default (the median is reported).
DEFAULT_REPEAT = 3
#: Cohorts of at least this many infants run once by default (they are long).
LARGE = 100_000
#: Infants in the phase breakdown by default: one chunk of the cohort engine.
PHASE_SIZE = DEFAULT_CHUNK
#: Infants in the warm-up run before each cohort measurement (at most the size measured).
WARMUP = 1_000
#: The fixed caregiving mix: a population preset representative of use.
POPULATION = "global"
#: ``--quick``: a smoke run in seconds (used by the tests).
QUICK_SIZES = (100, 300)
QUICK_PHASE_SIZE = 200
QUICK_REPEAT = 1

#: Issue 7's targets: 10k seconds, 100k seconds, 100k peak bytes, Mesa/cohort ratio, scaling.
TARGET_10K_SECONDS = 2.0
TARGET_100K_SECONDS = 20.0
TARGET_100K_PEAK_BYTES = 1.5e9
TARGET_MESA_RATIO = 100.0
#: Lives to 30 at most this many times the time of as many infants to 12 months (issue 21).
TARGET_LIFE_RATIO = 3.0
#: The age the benchmark's lives run to.
LIFE_AGE = 30
TARGET_SCALING = 1.5

MB = 1e6


class BenchError(RuntimeError):
    """A benchmark worker failed (the message carries the end of its error output)."""


# ----------------------------------------------------------------------------------- results


@dataclass
class ThreadedTiming:
    """The same cohort on several threads of the process."""

    threads: int
    seconds: list[float]
    median_seconds: float
    infants_per_second: float
    speedup: float  # one thread's median over this one's


@dataclass
class CohortTiming:
    """The full procedure for one cohort size, in its own process, on one thread."""

    size: int
    repeats: int
    seconds: list[float]
    median_seconds: float
    infants_per_second: float
    ms_per_infant: float
    peak_rss_bytes: int
    baseline_rss_bytes: int
    #: the warm-up run of ``min(size, WARMUP)`` infants in the fresh process, which loads the
    #: compiled rules (or compiles them, the first time on a machine)
    first_call_seconds: float = 0.0
    #: the same size on every usable core, when there is more than one
    threaded: ThreadedTiming | None = None


@dataclass
class MesaTiming:
    """One dyad through the Mesa model (construction, home year and the eight episodes)."""

    repeats: int
    seconds: list[float]
    median_seconds: float
    seconds_simulated: int
    cohort_size: int
    cohort_ms_per_infant: float
    speed_ratio: float


@dataclass
class LifeTiming:
    """Lives from birth to ``to_age`` (infancy included), one thread, in their own process."""

    size: int
    to_age: int
    repeats: int
    seconds: list[float]
    median_seconds: float
    ms_per_life: float
    peak_rss_bytes: int
    #: the cohort of the same size to 12 months, and this time over its
    cohort_seconds: float | None = None
    ratio: float | None = None


@dataclass
class PhaseTiming:
    """The median seconds of each phase for one chunk of ``size`` infants."""

    size: int
    repeats: int
    #: Phase name to median seconds, in the engine's order.
    seconds: dict[str, float]
    #: Phase name to what it covers.
    covers: dict[str, str]
    coding_split: bool
    total_seconds: float
    ms_per_infant: dict[str, float]
    share: dict[str, float]


@dataclass
class Target:
    name: str
    goal: str
    value: str
    met: bool | None  # None: not measured in this run

    @property
    def status(self) -> str:
        return "not measured" if self.met is None else ("met" if self.met else "NOT MET")


@dataclass
class BenchResult:
    """Everything one ``ssp bench`` run measured."""

    machine: dict
    settings: dict
    cohort: list[CohortTiming]
    mesa: MesaTiming | None
    phases: PhaseTiming | None
    targets: list[Target] = field(default_factory=list)
    wall_seconds: float = 0.0
    life: LifeTiming | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        out["targets"] = [dict(asdict(t), status=t.status) for t in self.targets]
        return out

    def to_json(self) -> str:
        """One JSON line."""
        return json.dumps(self.to_dict(), separators=(",", ":"), sort_keys=False)


# ----------------------------------------------------------------------------------- machine


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    if sys.platform == "darwin":
        try:
            return subprocess.run(["sysctl", "-n", "machdep.cpu.brand_string"],
                                  capture_output=True, text=True, timeout=5).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            pass
    return platform.processor() or platform.machine() or "unknown"


def _memory_total() -> int | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _blas() -> dict:
    import numpy as np

    info: dict = {}
    try:
        config = np.show_config(mode="dicts") or {}
    except Exception:  # noqa: BLE001 - build information is optional
        config = {}
    deps = config.get("Build Dependencies", {})
    for lib in ("blas", "lapack"):
        d = deps.get(lib, {})
        if d:
            info[lib] = {k: d.get(k) for k in ("name", "version", "openblas configuration")
                         if d.get(k) is not None}
    simd = config.get("SIMD Extensions", {})
    if simd:
        info["simd_baseline"] = list(simd.get("baseline", []))
        info["simd_found"] = list(simd.get("found", []))
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        pass
    else:
        info["threadpools"] = [{k: p.get(k) for k in (
            "internal_api", "version", "num_threads", "threading_layer", "architecture")}
            for p in threadpool_info()]
    threads = {k: os.environ[k] for k in (
        "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS") if k in os.environ}
    if threads:
        info["thread_env"] = threads
    return info


def _compiler() -> dict:
    """numba and llvmlite versions, and the LLVM they compile with."""
    import llvmlite
    import numba

    info = {"numba": numba.__version__, "llvmlite": llvmlite.__version__}
    try:
        from llvmlite import binding

        info["llvm"] = ".".join(map(str, binding.llvm_version_info))
    except Exception:  # noqa: BLE001 - build information is optional
        pass
    return info


def machine_info() -> dict:
    """CPU model, cores, memory, Python, platform, numpy and its BLAS, numba and LLVM."""
    import numpy as np

    usable = usable_cores()
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "memory_bytes": _memory_total(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "numpy": np.__version__,
        "blas": _blas(),
        "compiler": _compiler(),
    }


# ----------------------------------------------------------------------------------- workers


def _peak_rss_bytes() -> int:
    """This process's peak resident set size so far, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)  # Linux reports KiB


def _population():
    from .population_presets import get_population

    return get_population(POPULATION)


def _timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def cohort_worker(size: int, repeat: int, seed: int = 0, threads: int = 1) -> dict:
    """Time the full procedure for ``size`` infants (run in a fresh process: peak memory), on
    one thread and, if ``threads`` > 1, on that many."""
    from .cohort import run_cohort

    population = _population()
    baseline = _peak_rss_bytes()

    def cohort(n: int, k: int) -> None:
        run_cohort(population=population, n_infants=n, seed=seed, progress=False, threads=k)

    first = _timed(lambda: cohort(min(size, WARMUP), 1), 1)[0]  # warm-up, loads the kernels
    times = _timed(lambda: cohort(size, 1), repeat)
    median = statistics.median(times)
    threaded = None
    if threads > 1:
        cohort(min(size, WARMUP), threads)  # warm-up of the threads
        many = _timed(lambda: cohort(size, threads), repeat)
        m = statistics.median(many)
        threaded = ThreadedTiming(threads=threads, seconds=many, median_seconds=m,
                                  infants_per_second=size / m, speedup=median / m)
    return asdict(CohortTiming(
        size=size, repeats=repeat, seconds=times, median_seconds=median,
        infants_per_second=size / median, ms_per_infant=1e3 * median / size,
        peak_rss_bytes=_peak_rss_bytes(), baseline_rss_bytes=baseline,
        first_call_seconds=first, threaded=threaded))


def life_worker(size: int, repeat: int, seed: int = 0) -> dict:
    """Time ``size`` lives to :data:`LIFE_AGE` on one thread (a fresh process)."""
    from .life import run_lives

    population = _population()

    def lives(n: int) -> None:
        run_lives(population=population, n_persons=n, seed=seed, to_age=LIFE_AGE, threads=1)

    _timed(lambda: lives(min(size, WARMUP)), 1)  # warm-up: loads the compiled rules
    times = _timed(lambda: lives(size), repeat)
    median = statistics.median(times)
    return asdict(LifeTiming(size=size, to_age=LIFE_AGE, repeats=repeat, seconds=times,
                             median_seconds=median, ms_per_life=1e3 * median / size,
                             peak_rss_bytes=_peak_rss_bytes()))


def mesa_worker(repeat: int, seed: int = 0) -> dict:
    """Time one dyad (infant 0) through the Mesa model, after a warm-up dyad (infant 1)."""
    from .mesa_model import StrangeSituationModel

    population = _population()
    StrangeSituationModel(population=population, infant_id=1, seed=seed).run()  # warm-up
    ticks = []

    def one() -> None:
        model = StrangeSituationModel(population=population, infant_id=0, seed=seed).run()
        ticks.append(model.tick)

    times = _timed(one, repeat)
    return {"repeats": repeat, "seconds": times, "median_seconds": statistics.median(times),
            "seconds_simulated": int(ticks[-1])}


#: The observer's coding steps, as named in :mod:`simulation.observer.coding`: what the coder
#: notes and scores from the record (episodes, 15-s intervals, frequencies, per-second
#: primitives, features, the interactive scales, the disorganization rating). The rest of
#: ``code_record`` is classification: reunion summaries, the ordered A/B/C decision procedure,
#: subgroup, D cut-off and labels.
CODING_STEPS = ("episodes_of", "intervals_of", "frequency_rates", "observe", "compute_features",
                "score_scales", "rate_disorganization")


@contextmanager
def _observer_split(spent: list[float]):
    """Within the block, the observer's coding steps add their seconds to ``spent[0]``.

    The steps are wrapped where ``code_record`` looks them up (the globals of
    :mod:`simulation.observer.coding`) and restored afterwards: the observer is not changed.
    Yields False, wrapping nothing, if the observer no longer has these steps.
    """
    from .observer import coding as module

    originals = {name: getattr(module, name, None) for name in CODING_STEPS}
    if not all(callable(fn) for fn in originals.values()):
        yield False
        return

    def timed(fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start
        return wrapper

    try:
        for name, fn in originals.items():
            setattr(module, name, timed(fn))
        yield True
    finally:
        for name, fn in originals.items():
            setattr(module, name, fn)


def phase_worker(size: int, repeat: int, seed: int = 0) -> dict:
    """Time each phase of one chunk of ``size`` infants by calling the phase functions."""
    import numpy as np

    from .cohort import infant_table
    from .observer import code_record
    from .preparation import Setup, prepare
    from .strange_situation import run_ssp

    setup = Setup(seed=seed, population=_population())
    params = setup.effective_params()
    ids = np.arange(size, dtype=np.int64)
    samples: dict[str, list[float]] = {
        "development": [], "episodes": [], "coding": [], "classification": [], "table": []}
    split = True
    for rep in range(repeat + 1):  # the first pass is the warm-up
        gc.collect()
        t0 = time.perf_counter()
        prepared = prepare(setup, ids)
        t1 = time.perf_counter()
        run = run_ssp(prepared.working_model, prepared.reactivity, prepared.soothability,
                      prepared.keys, params, setup.age_months)
        t2 = time.perf_counter()
        spent = [0.0]
        with _observer_split(spent) as wrapped:
            coding = code_record(run.record)
        t3 = time.perf_counter()
        infant_table(setup, prepared, run, coding.to_frame())
        t4 = time.perf_counter()
        split = split and wrapped
        if rep > 0:
            samples["development"].append(t1 - t0)
            samples["episodes"].append(t2 - t1)
            samples["coding"].append(spent[0])
            samples["classification"].append(t3 - t2 - spent[0])
            samples["table"].append(t4 - t3)
        del prepared, run, coding
    covers = {
        "development": "temperament and caregiving draws, the home year (setup.prepare)",
        "episodes": "the eight episodes and the per-second record (ssp.run_ssp)",
        "coding": "the observer's frequencies, features, scales and D rating",
        "classification": "reunion summaries, A/B/C decision, subgroup, D cut-off, labels",
        "table": "the per-infant table (cohort.infant_table, Coding.to_frame)",
    }
    if not split:  # one observer figure, keeping the engine's order
        merged = [c + k for c, k in zip(samples.pop("coding"), samples.pop("classification"),
                                        strict=True)]
        samples = {**{k: samples[k] for k in ("development", "episodes")},
                   "coding+classification": merged, "table": samples["table"]}
        covers = {**{k: covers[k] for k in ("development", "episodes")},
                  "coding+classification": "the observer (code_record), not separable",
                  "table": covers["table"]}
    seconds = {name: statistics.median(times) for name, times in samples.items()}
    total = sum(seconds.values())
    return asdict(PhaseTiming(
        size=size, repeats=repeat, seconds=seconds, covers=covers, coding_split=split,
        total_seconds=total, ms_per_infant={k: 1e3 * v / size for k, v in seconds.items()},
        share={k: v / total for k, v in seconds.items()}))


def _run_worker(args: list[str], timeout: float | None = None) -> dict:
    """Run ``python -m simulation.bench --worker ...`` in a fresh process; its JSON result."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    cmd = [sys.executable, "-m", "simulation.bench", "--worker", *args]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"benchmark worker {' '.join(args)} took over {timeout:g} s") from None
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise BenchError(f"benchmark worker {' '.join(args)} failed "
                         f"(exit {done.returncode}):\n{tail}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise BenchError(f"benchmark worker {' '.join(args)} printed no result")
    return json.loads(lines[-1])


# ----------------------------------------------------------------------------------- targets


def _targets(cohort: list[CohortTiming], mesa: MesaTiming | None,
             life: LifeTiming | None = None) -> list[Target]:
    by_size = {c.size: c for c in cohort}
    c10, c100 = by_size.get(10_000), by_size.get(100_000)
    out = [
        Target("10,000 infants, full procedure", f"< {TARGET_10K_SECONDS:g} s",
               f"{c10.median_seconds:.2f} s" if c10 else "-",
               None if c10 is None else c10.median_seconds < TARGET_10K_SECONDS),
        Target("100,000 infants, full procedure", f"< {TARGET_100K_SECONDS:g} s",
               f"{c100.median_seconds:.2f} s" if c100 else "-",
               None if c100 is None else c100.median_seconds < TARGET_100K_SECONDS),
        Target("100,000 infants, peak memory", f"< {TARGET_100K_PEAK_BYTES / 1e9:g} GB",
               f"{c100.peak_rss_bytes / 1e9:.2f} GB" if c100 else "-",
               None if c100 is None else c100.peak_rss_bytes < TARGET_100K_PEAK_BYTES),
        Target("cohort vs Mesa, per infant", f">= {TARGET_MESA_RATIO:g}x faster",
               f"{mesa.speed_ratio:.0f}x" if mesa else "-",
               None if mesa is None else mesa.speed_ratio >= TARGET_MESA_RATIO),
    ]
    if c10 and c100:
        ratio = max(c10.ms_per_infant, c100.ms_per_infant) / min(c10.ms_per_infant,
                                                                  c100.ms_per_infant)
        out.append(Target("per-infant time, 10,000 vs 100,000", f"within {TARGET_SCALING:g}x",
                          f"{ratio:.2f}x", ratio <= TARGET_SCALING))
    else:
        out.append(Target("per-infant time, 10,000 vs 100,000", f"within {TARGET_SCALING:g}x",
                          "-", None))
    measured = life is not None and life.size == 10_000 and life.ratio is not None
    out.append(Target(f"10,000 lives to {LIFE_AGE} vs 10,000 infants", f"within "
                      f"{TARGET_LIFE_RATIO:g}x", f"{life.ratio:.2f}x" if measured else "-",
                      life.ratio <= TARGET_LIFE_RATIO if measured else None))
    return out


# ----------------------------------------------------------------------------------- driver


def run_benchmark(
    sizes: Sequence[int] | None = None,
    repeat: int | None = None,
    *,
    quick: bool = False,
    phase_size: int | None = None,
    mesa: bool = True,
    seed: int = 0,
    threads: int | None = None,
    log=None,
    life: bool = True,
) -> BenchResult:
    """Run the benchmark and return its figures (see the module docstring).

    ``sizes``: cohort sizes (default 1,000, 10,000, 100,000; with ``quick``, 100 and 300).
    ``repeat``: repetitions per figure, after a warm-up (default 3, and 1 for cohorts of
    100,000 or more; when given, it applies to every size). ``quick``: a smoke run in seconds.
    ``phase_size``: infants in the phase breakdown (default one chunk, 2,500, capped at the
    largest size; 0 skips it). ``mesa=False`` skips the Mesa dyad; ``life=False`` the lives to
    30 (timed for the size nearest 10,000, against the cohort of that size). ``threads``: also
    time each size on this many threads (default: every usable core; 1: one thread only). ``log``: a
    callable receiving one line per step (progress), or None.
    """
    started = time.perf_counter()
    if sizes is None:
        sizes = QUICK_SIZES if quick else DEFAULT_SIZES
    sizes = sorted({check_int("size", s, 1, MAX_INFANTS) for s in sizes})
    if not sizes:
        raise InputError("give at least one cohort size")
    if repeat is not None:
        repeat = check_int("repeat", repeat, 1, 1000)
    default_repeat = QUICK_REPEAT if quick else DEFAULT_REPEAT
    if phase_size is None:
        phase_size = min(QUICK_PHASE_SIZE if quick else PHASE_SIZE, max(sizes))
    phase_size = check_int("phase size", phase_size, 0, MAX_INFANTS)
    seed = check_int("seed", seed, 0, 2**62)
    threads = check_threads(threads)
    say = log or (lambda line: None)

    def reps(size: int) -> int:
        if repeat is not None:
            return repeat
        return 1 if size >= LARGE else default_repeat

    from .compiled import ensure_compiled

    ensure_compiled(say, mesa=mesa)  # so that a worker's first call loads, not compiles
    cohort = []
    for size in sizes:
        on = "one thread" + (f", then {threads}" if threads > 1 else "")
        say(f"cohort of {size:,} infants ({reps(size)} run(s) after a warm-up; {on})...")
        timing = _run_worker(["cohort", "--size", str(size), "--repeat", str(reps(size)),
                              "--seed", str(seed), "--threads", str(threads)])
        if timing["threaded"] is not None:
            timing["threaded"] = ThreadedTiming(**timing["threaded"])
        cohort.append(CohortTiming(**timing))

    mesa_timing = None
    if mesa:
        r = repeat if repeat is not None else default_repeat
        say(f"one dyad through the Mesa model ({r} run(s) after a warm-up)...")
        m = _run_worker(["mesa", "--repeat", str(r), "--seed", str(seed)])
        ref = max(cohort, key=lambda c: (c.size == 10_000, c.size <= 10_000, c.size))
        mesa_timing = MesaTiming(
            repeats=m["repeats"], seconds=m["seconds"], median_seconds=m["median_seconds"],
            seconds_simulated=m["seconds_simulated"], cohort_size=ref.size,
            cohort_ms_per_infant=ref.ms_per_infant,
            speed_ratio=m["median_seconds"] / (ref.median_seconds / ref.size))

    life_timing = None
    if life:
        ref = min(cohort, key=lambda c: abs(c.size - 10_000))
        r = repeat if repeat is not None else default_repeat
        say(f"{ref.size:,} lives to {LIFE_AGE} ({r} run(s) after a warm-up; one thread)...")
        timing = _run_worker(["life", "--size", str(ref.size), "--repeat", str(r), "--seed",
                              str(seed)])
        life_timing = LifeTiming(**{**timing, "cohort_seconds": ref.median_seconds,
                                    "ratio": timing["median_seconds"] / ref.median_seconds})

    phases = None
    if phase_size > 0:
        r = repeat if repeat is not None else default_repeat
        say(f"phase breakdown, {phase_size:,} infants ({r} run(s) after a warm-up)...")
        phases = PhaseTiming(**_run_worker(
            ["phases", "--size", str(phase_size), "--repeat", str(r), "--seed", str(seed)]))

    settings = {"population": POPULATION, "seed": seed, "sizes": sizes,
                "repeat": {str(s): reps(s) for s in sizes}, "quick": quick,
                "phase_size": phase_size, "chunk_size": DEFAULT_CHUNK, "warmup": WARMUP,
                "threads": threads}
    return BenchResult(machine=machine_info(), settings=settings, cohort=cohort,
                       mesa=mesa_timing, phases=phases,
                       targets=_targets(cohort, mesa_timing, life_timing),
                       wall_seconds=time.perf_counter() - started, life=life_timing)


# ----------------------------------------------------------------------------------- output


def _mb(n: float | None) -> str:
    return "-" if n is None else f"{n / MB:,.0f} MB"


def format_result(result: BenchResult) -> str:
    """The benchmark as a printed table."""
    m, s = result.machine, result.settings
    blas = m["blas"].get("blas", {})
    lines = [
        "ssp bench: the full procedure (home year, eight episodes, coding, classification, "
        "per-infant table)",
        f"caregiving: population '{s['population']}', seed {s['seed']}, chunks of "
        f"{s['chunk_size']:,}; medians after a warm-up",
        "",
        f"machine   {m['cpu']}, {m['cores']} cores ({m['cores_usable']} usable), "
        f"{_mb(m['memory_bytes'])} RAM",
        f"          Python {m['python']} ({m['implementation']}), {m['platform']}",
        f"          numpy {m['numpy']}, BLAS {blas.get('name', '?')} {blas.get('version', '')}"
        + (f", SIMD {' '.join(m['blas']['simd_found'])}" if m["blas"].get("simd_found")
           else ""),
    ]
    for pool in m["blas"].get("threadpools", []):
        lines.append(f"          threadpool {pool.get('internal_api')} {pool.get('version')}: "
                     f"{pool.get('num_threads')} threads")
    comp = m.get("compiler", {})
    if comp:
        lines.append(f"          compiled rules: numba {comp.get('numba')} (llvmlite "
                     f"{comp.get('llvmlite')}, LLVM {comp.get('llvm', '?')})")
    many = next((c.threaded.threads for c in result.cohort if c.threaded), None)
    extra = f" {f'{many} threads':>10} {'speed-up':>8}" if many else ""
    lines += ["", "Cohort engine, each size in its own process (one thread; targets are checked "
              "on these)",
              f"  {'infants':>9} {'runs':>4} {'seconds':>9} {'infants/s':>10} {'ms/infant':>10}"
              f" {'peak RSS':>10} {'(imports)':>10} {'1st call':>9}{extra}"]
    for c in result.cohort:
        row = (f"  {c.size:>9,} {c.repeats:>4} {c.median_seconds:>9.3f} "
               f"{c.infants_per_second:>10,.0f} {c.ms_per_infant:>10.4f} "
               f"{_mb(c.peak_rss_bytes):>10} {_mb(c.baseline_rss_bytes):>10} "
               f"{c.first_call_seconds:>8.2f}s")
        if c.threaded is not None:
            row += f" {c.threaded.median_seconds:>9.3f}s {c.threaded.speedup:>7.2f}x"
        lines.append(row)
    lines.append(f"  (1st call: the warm-up of up to {s['warmup']:,} infants in the fresh "
                 "process, loading the compiled rules from numba's cache)")
    if result.mesa is not None:
        me = result.mesa
        lines += ["", "Mesa model, one dyad (home year and eight episodes, no coding)",
                  f"  {me.median_seconds:.3f} s for {me.seconds_simulated:,} simulated seconds "
                  f"(median of {me.repeats}); cohort engine {me.cohort_ms_per_infant:.4f} ms "
                  f"per infant at {me.cohort_size:,} (with coding)",
                  f"  speed ratio: cohort engine {me.speed_ratio:,.0f}x faster per infant"]
    if result.life is not None:
        li = result.life
        lines += ["", f"Life course, {li.size:,} lives from birth to {li.to_age} (infancy "
                  "included; one thread, own process)",
                  f"  {li.median_seconds:.3f} s (median of {li.repeats}), {li.ms_per_life:.4f} "
                  f"ms per life, peak RSS {_mb(li.peak_rss_bytes)}; {li.ratio:.2f}x the "
                  f"{li.size:,} infants to 12 months ({li.cohort_seconds:.3f} s)"]
    if result.phases is not None:
        p = result.phases
        lines += ["", f"Phases, one chunk of {p.size:,} infants (median of {p.repeats})",
                  f"  {'phase':<23} {'seconds':>9} {'ms/infant':>10} {'share':>7}"]
        for name, sec in p.seconds.items():
            lines.append(f"  {name:<23} {sec:>9.3f} {p.ms_per_infant[name]:>10.4f} "
                         f"{p.share[name]:>7.1%}")
        lines.append(f"  {'total':<23} {p.total_seconds:>9.3f} "
                     f"{1e3 * p.total_seconds / p.size:>10.4f}")
        if not p.coding_split:
            lines.append("  (coding and classification timed together: the observer's steps "
                         "could not be timed apart)")
        else:
            lines.append("  (coding: frequencies, features, scales, D rating; classification: "
                         "the rest of code_record)")
    lines += ["", "Targets (issues 7 and 21)",
              f"  {'':<36} {'target':<16} {'measured':<10} status"]
    for t in result.targets:
        lines.append(f"  {t.name:<36} {t.goal:<16} {t.value:<10} {t.status}")
    lines.append(f"\n(benchmark took {result.wall_seconds:.0f} s)")
    return "\n".join(lines)


# ----------------------------------------------------------------------------------- worker CLI


def _worker_main(argv: Sequence[str] | None = None) -> int:
    """``python -m simulation.bench --worker KIND ...``: one measurement, printed as JSON."""
    p = argparse.ArgumentParser(prog="python -m simulation.bench")
    p.add_argument("--worker", choices=("cohort", "mesa", "phases", "life"), required=True)
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    if args.worker == "cohort":
        out = cohort_worker(args.size, args.repeat, args.seed, args.threads)
    elif args.worker == "mesa":
        out = mesa_worker(args.repeat, args.seed)
    elif args.worker == "life":
        out = life_worker(args.size, args.repeat, args.seed)
    else:
        out = phase_worker(args.size, args.repeat, args.seed)
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(_worker_main())
