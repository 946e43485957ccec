"""Determinism under stress: the same seed gives byte-identical cell tables whatever the backend
(in-process, threads, a process pool), the number of workers, the cells in flight, the chunking of
each cohort, and however the sweep is interrupted and resumed (a Hypothesis property over random
interruption points and failed cells). Real SIGKILLs and signals are in ``test_robust_faults.py``;
here the interruption is a KeyboardInterrupt raised as the k-th cell is recorded, which takes the
runner's real interruption path (the pool's workers killed, the manifest written).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from robust_helpers import (
    EXAMPLES,
    assert_manifest_truthful,
    assert_same_tables,
    make_reference,
    manifest_of,
)

import simulation.cohort
from simulation.sweep import run_sweep, runner
from simulation.sweep.runner import SerialExecutor

#: A system test (subprocesses, real faults): the slow tier (``pytest -m "not slow"`` skips it).
pytestmark = pytest.mark.slow

EXPERIMENT = """\
name = "determinism"
seed = 99
infants = 5
replicates = 2

[caregiving]
preset = "inconsistent"

[sweep]
design = "grid"

[sweep.axes]
"caregiving.warmth" = [0.2, 0.8]
"""
CELLS = 4


class Interrupt(KeyboardInterrupt):
    """Raised from ``on_cell`` after the k-th cell of a stage (a Ctrl+C at that moment)."""


class FailingExecutor(SerialExecutor):
    """Runs cells in this process, but the cells at the given design positions fail."""

    def __init__(self, bad_indices: set[int]):
        self.bad = bad_indices

    def submit(self, fn, /, *args, **kwargs):
        task = args[0]
        if task["columns"]["cell_index"] in self.bad:
            future: Future = Future()
            future.set_exception(RuntimeError("simulated failure of a cell"))
            return future
        return super().submit(fn, *args, **kwargs)


@pytest.fixture(scope="module")
def experiment_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("determinism") / "determinism.toml"
    path.write_text(EXPERIMENT)
    return path


@pytest.fixture(scope="module")
def reference(experiment_file, tmp_path_factory) -> Path:
    return make_reference(experiment_file, tmp_path_factory.mktemp("reference") / "out")


stage = st.fixed_dictionaries({
    "backend": st.sampled_from(["serial", "threads", "pool", "failing"]),
    "workers": st.integers(1, 3),
    "in_flight": st.integers(1, 3),
    "chunk": st.sampled_from([1, 2, 3, 10_000]),
    "stop_after": st.one_of(st.none(), st.integers(0, CELLS - 1)),
    "fail": st.sets(st.integers(0, CELLS - 1), min_size=1, max_size=2),
})


def _run_stage(experiment_file: Path, out: Path, spec: dict) -> tuple[bool, int]:
    """One run of the sweep as ``spec`` says; returns (interrupted, cells written)."""
    seen = []

    def on_cell(cell_id: str, status: str) -> None:
        seen.append(status)
        if spec["stop_after"] is not None and len(seen) > spec["stop_after"]:
            raise Interrupt

    kwargs: dict = {"progress": False, "on_cell": on_cell}
    executor = None
    if spec["backend"] == "serial":
        kwargs["workers"] = 1
    elif spec["backend"] == "threads":
        executor = ThreadPoolExecutor(spec["workers"])
        kwargs.update(executor=executor, workers=spec["workers"])
    elif spec["backend"] == "pool":
        kwargs["workers"] = max(2, spec["workers"])
    else:
        kwargs.update(executor=FailingExecutor(spec["fail"]), workers=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "IN_FLIGHT_PER_WORKER", spec["in_flight"])
        # chunking of each cohort (in this process: serial, threads, failing)
        patch.setitem(simulation.cohort.run_cohort.__kwdefaults__, "chunk_size", spec["chunk"])
        try:
            result = run_sweep(experiment_file, out, **kwargs)
        except Interrupt:
            return True, sum(s == "done" for s in seen)
        finally:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)
    return False, result.ran


@settings(max_examples=max(2, EXAMPLES // 50), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(stage, min_size=1, max_size=2 if EXAMPLES <= 200 else 3),
       st.sampled_from(["serial", "pool", "threads"]))
def test_interrupt_anywhere_resume_anyhow_same_tables(experiment_file, reference,
                                                      tmp_path_factory, stages, last):
    out = tmp_path_factory.mktemp("stress") / "out"
    written = 0
    for i, spec in enumerate(stages):
        interrupted, ran = _run_stage(experiment_file, out, spec)
        note(f"stage {i}: {spec} -> interrupted {interrupted}, wrote {ran}")
        written += ran
        manifest = assert_manifest_truthful(out, final=True)
        expected = "interrupted" if interrupted else (
            "complete" if all(c["status"] == "done" for c in manifest["cells"]) else "incomplete")
        assert manifest["status"] == expected
        assert manifest["runs"][-1]["interrupted"] == interrupted
    final = {"backend": last, "workers": 2, "in_flight": 2, "chunk": 10_000,
             "stop_after": None, "fail": set()}
    _, ran = _run_stage(experiment_file, out, final)
    written += ran
    manifest = assert_manifest_truthful(out, final=True)
    assert manifest["status"] == "complete"
    assert len(manifest["runs"]) == len(stages) + 1
    assert written == CELLS, "a cell was computed and written twice, or never"
    assert sum(r["cells_run"] for r in manifest_of(out)["runs"]) == CELLS
    assert_same_tables(out, reference)
