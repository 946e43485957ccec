"""Shared fixtures: small simulated cohorts per caregiving preset, computed once per session."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from simulation.preparation import Setup, prepare
from simulation.presets import get_preset
from simulation.strange_situation import run_ssp
from simulation.temperament import Temperament

#: Infants per preset cohort in behaviour tests: a few hundred, as the issue asks.
N_BEHAVIOUR = 300

#: The longest test files (minutes each under load), run first: on two processes (the README's
#: ``-n 2 --dist loadfile``) a file goes whole to one process, and one of these handed out
#: last would run alone at the end while the other process waits.
LONGEST_FIRST = ("test_robust_faults.py", "test_install.py", "test_browser.py",
                 "test_robust_dashboard.py", "test_validate_cli.py", "test_sweep_experiments.py")


def pytest_collection_modifyitems(config, items):
    """The files of :data:`LONGEST_FIRST` first, in that order; the rest as collected (each
    file's tests keep their order)."""
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def simulate(care, n=N_BEHAVIOUR, seed=11, frozen=False, temperament=None, wm=None):
    """Home year + Strange Situation for n infants; returns (prepared, run)."""
    setup = Setup(seed=seed, care=care, frozen=frozen,
                  temperament=temperament or Temperament(0.5, 0.5))
    prepared = prepare(setup, np.arange(n))
    model = prepared.working_model if wm is None else wm
    run = run_ssp(model, prepared.reactivity, prepared.soothability, prepared.keys,
                  setup.params, setup.age_months)
    return prepared, run


@pytest.fixture(scope="session")
def preset_runs():
    """name -> (prepared, run) for the caregiving presets, fixed temperament."""
    names = ("sensitive", "rejecting", "inconsistent", "frightening")
    return {name: simulate(get_preset(name).profile) for name in names}


@pytest.fixture(scope="session")
def frozen_runs():
    """The same presets with learning frozen (the ablation)."""
    names = ("sensitive", "rejecting", "inconsistent")
    return {name: simulate(get_preset(name).profile, frozen=True) for name in names}


@pytest.fixture(scope="session")
def dashboard_server():
    """One ``ssp dashboard`` on a free loopback port for every browser test module (its
    ``server`` fixture): a server starts its pool and fills its caches once, not once per
    module. Yields its base URL; stopped at the end of the session."""
    from dashboard.latency import CHROMIUM, LatencyError, Server

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install "
                    "chromium)")
    try:
        with Server() as running:
            yield running.base
    except LatencyError as exc:
        pytest.fail(str(exc))
