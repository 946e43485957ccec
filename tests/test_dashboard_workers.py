"""The dashboard's process pool: same results as in the page's thread, survives a dead worker,
concurrent sessions are computed on more than one core."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading

import pandas as pd
import pytest

from dashboard import workers

CARE = ("profile", (0.6, 0.7, 0.6, 0.0))


@pytest.fixture(scope="module")
def pool():
    p = workers.Pool(2)
    yield p
    p.shutdown()


def test_workers_wanted_reads_the_variable_and_falls_back_to_at_most_two():
    default = max(1, min(2, os.cpu_count() or 1))
    assert workers.workers_wanted({}) == default
    assert workers.workers_wanted({workers.WORKERS_ENV: "0"}) == 0
    assert workers.workers_wanted({workers.WORKERS_ENV: " 3 "}) == 3
    for bad in ("-1", "two", "1e3", "17", "nan", ""):
        assert workers.workers_wanted({workers.WORKERS_ENV: bad}) == default


def test_a_cohort_chunk_is_the_same_in_a_worker_as_here(pool):
    args = (CARE, None, 7, 100, 150, ("mean", 0.5), "primary", 12.0)
    here = workers.cohort_table(*args)
    there = pool.run(workers.cohort_table, *args)
    pd.testing.assert_frame_equal(here, there)
    here = workers.cohort_table(None, "japan", 3, 0, 80, None, "primary", 12.0)
    there = pool.run(workers.cohort_table, None, "japan", 3, 0, 80, None, "primary", 12.0)
    pd.testing.assert_frame_equal(here, there)


def test_a_dyad_is_the_same_in_a_worker_as_here(pool):
    args = (CARE, None, 5, 11, (0.5, 0.5), "primary", 12.0)
    here = workers.dyad_run(*args)
    there = pool.run(workers.dyad_run, *args)
    pd.testing.assert_frame_equal(here.trace, there.trace)
    assert here.row == there.row
    assert here.explanation == there.explanation


def test_errors_in_the_work_reach_the_caller(pool):
    with pytest.raises(ValueError, match="unknown care spec"):
        pool.run(workers.cohort_table, ("nonsense",), None, 0, 0, 10, None, "primary", 12.0)


def test_a_killed_worker_is_replaced_and_the_answer_still_comes():
    p = workers.Pool(1)
    try:
        first = p.run(os.getpid)  # a worker's pid
        assert first != os.getpid()
        os.kill(first, signal.SIGKILL)
        table = p.run(workers.cohort_table, CARE, None, 1, 0, 20, None, "primary", 12.0)
        assert len(table) == 20
        assert p.run(os.getpid) not in (first, os.getpid())
    finally:
        p.shutdown()


def test_without_workers_the_work_runs_in_the_callers_thread():
    p = workers.Pool(0)
    assert p.run(os.getpid) == os.getpid()
    assert p.run(threading.get_ident) == threading.get_ident()


def test_concurrent_sessions_run_in_different_processes(pool):
    """Two sessions' threads asking at once are answered by two worker processes at once: each
    task waits at a barrier for the other, which only a second process can reach."""
    with multiprocessing.get_context("spawn").Manager() as manager:
        barrier = manager.Barrier(2, timeout=60)
        pids: list[int] = []

        def session():
            pids.append(pool.run(pid_when_both_running, barrier))

        threads = [threading.Thread(target=session) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(pids) == 2 and len(set(pids)) == 2 and os.getpid() not in pids


def test_the_pool_starts_all_its_workers_at_once():
    p = workers.Pool(2)
    try:
        p.run(os.getpid)  # one task: a lazy pool would have started one process
        assert len(p._executor._processes) == 2
    finally:
        p.shutdown()


def test_reruns_in_new_threads_reuse_the_same_workers(pool):
    """Streamlit runs every rerun in a thread of its own: each must find the pool's warm
    workers, not start processes of its own (a per-thread pool would pay a start each time)."""
    first = {pool.run(os.getpid) for _ in range(4)}
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(pool.run(os.getpid)))
               for _ in range(4)]
    for t in threads:
        t.start()
        t.join()
    pids = first | set(seen)
    assert len(pids) <= pool.workers and pids <= set(pool._executor._processes)


def pid_when_both_running(barrier) -> int:
    barrier.wait()
    return os.getpid()


def test_a_worker_never_starts_a_pool(pool):
    assert pool.run(workers.workers_wanted, {}) == 0
    assert pool.run(workers.in_worker) is True
    assert workers.in_worker() is False


@pytest.mark.browser
@pytest.mark.slow
def test_a_real_server_warming_its_caches_keeps_to_its_pool(tmp_path):
    """``ssp dashboard`` with warming on (the default for a class), opened once: the server's
    processes are ``ssp dashboard``, the Streamlit server it runs, the pool's workers and
    the resource trackers (loky's and multiprocessing's), however long it warms. (The workers
    import the app's main file: they must not run it, or each would warm and start workers of
    its own.)"""
    import time

    from playwright.sync_api import sync_playwright
    from robust_load import CHROMIUM, CHROMIUM_ARGS, Server, tree

    # ssp, streamlit, the workers, and the resource trackers of loky and of multiprocessing
    limit = 2 + workers.workers_wanted() + 2
    with Server(tmp_path, warm=True) as server:
        with sync_playwright() as p:  # a real visit: the first run starts the warming
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                        headless=True)
            tab = browser.new_page()
            tab.goto(f"{server.base}/learn", wait_until="domcontentloaded")
            tab.get_by_text("Learn").first.wait_for(timeout=60_000)
            most, seen = 0, []
            for _ in range(40):  # 20 s of warming (stopped at once if processes multiply)
                pids = tree(server.proc.pid)
                if len(pids) > most:
                    most, seen = len(pids), [_command(pid) for pid in pids]
                if most > limit:
                    break
                time.sleep(0.5)
            browser.close()
        assert most <= limit, f"{most} processes in the server's tree (at most {limit}): {seen}"
        assert "Traceback" not in server.text()


def _command(pid: int) -> str:
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[-90:]
    except OSError:
        return "?"
