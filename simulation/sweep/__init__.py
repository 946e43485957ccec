"""Batch experiments: experiment files, sweeps over cells, reproducible seeds, resumable runs.

- :func:`load_experiment` reads and validates an experiment file (TOML; see :mod:`.spec`).
- :func:`run_sweep` runs its cells through a ``concurrent.futures.Executor`` (a local process
  pool by default, a Dask cluster with ``scheduler=``), writing each finished cell at once with a
  manifest, and resumes an interrupted run (see :mod:`.runner`).
- :func:`load_results` returns one tidy table across cells; :func:`cell_shares` the share of each
  classification per cell with Wilson 95% intervals (see :mod:`.results`).

The ``ssp sweep`` command (:mod:`simulation.cli.sweep`) calls the same functions.
"""

from __future__ import annotations

from importlib import import_module

_API = {
    "Experiment": "spec",
    "load_experiment": "spec",
    "loads_experiment": "spec",
    "Cell": "cells",
    "run_sweep": "runner",
    "SweepResult": "runner",
    "read_manifest": "manifest",
    "load_results": "results",
    "cell_shares": "results",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(import_module(f".{_API[name]}", __name__), name)
    raise AttributeError(f"module 'simulation.sweep' has no attribute {name!r}")
