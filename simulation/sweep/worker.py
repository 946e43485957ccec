"""What runs on a worker: one cell, from plain data to its tables.

Workers receive a task dict (:func:`~simulation.sweep.cells.cell_task`) and return the cell's
table(s); they never write files (the client does, so a cluster's workers need no shared disk).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any

import pandas as pd

from .spec import cohort_arguments, life_arguments


def with_cell_columns(table: pd.DataFrame, columns: dict[str, Any]) -> pd.DataFrame:
    """The cell's identity and parameter columns first, then the table's own."""
    clash = [c for c in columns if c in table.columns]
    if clash:
        raise RuntimeError(f"cell column(s) {clash} clash with the per-infant table")
    n = len(table)
    head = pd.DataFrame({name: [value] * n for name, value in columns.items()})
    return pd.concat([head, table.reset_index(drop=True)], axis=1)


def run_cell(task: dict[str, Any]) -> dict[str, Any]:
    """Run one cell's cohort (or its lives, with [life]); return its tables, the time taken
    and the worker's code id."""
    from ..cohort import run_cohort
    from ..fingerprint import model_fingerprint

    start = time.perf_counter()
    columns = task["columns"]
    scales = None
    if task["setup"].get("life") is not None:  # lives: one row per person (ssp life's columns)
        from ..life import run_lives

        lives = run_lives(n_persons=task["infants"], seed=task["seed"],
                          **life_arguments(task["setup"]))
        table = with_cell_columns(lives, columns)
    else:
        result = run_cohort(n_infants=task["infants"], seed=task["seed"],
                            scales=task["scales"], progress=False,
                            **cohort_arguments(task["setup"]))
        table = with_cell_columns(result.table, columns)
    if task["scales"]:
        scales = with_cell_columns(result.scales, {"cell_id": columns["cell_id"]})
    return {"cell_id": task["cell_id"], "table": table, "scales": scales,
            "infants": int(task["infants"]), "seconds": time.perf_counter() - start,
            "code": model_fingerprint()}


def init_worker(client_pid: int) -> None:
    """Pool initializer: ignore Ctrl+C, and watch the client.

    Ctrl+C reaches the whole process group; the client answers it (it stops the workers and
    says so), and a worker waiting for its next cell would otherwise print a traceback of its
    own.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_client(client_pid)


def watch_client(pid: int, interval: float = 2.0) -> None:
    """End this worker when the client process is gone (e.g. SIGKILLed).

    A process pool's workers otherwise wait forever for work from a client that no longer
    exists. Results never depend on this: only the client writes files.
    """

    def watch() -> None:
        while True:
            time.sleep(interval)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # pragma: no cover - pid reused by another user
                os._exit(1)

    threading.Thread(target=watch, name="ssp-sweep-watch-client", daemon=True).start()
