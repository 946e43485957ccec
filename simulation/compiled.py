"""The compiled rules on this machine: compiling them once, with a word to the user.

numba compiles the rules the first time they run on a machine (about ten seconds) and keeps the
machine code in its cache (:mod:`simulation.rules.jit`); later processes load it in a fraction of
a second. Commands that simulate call :func:`ensure_compiled` first, so that the wait is announced
and happens once, before any worker process or server starts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from .rules.jit import cached_on_disk


def _cohort_kernels() -> tuple:
    from .rules.occasions import home_year
    from .rules.second import run_chunk

    return home_year, run_chunk


def rules_cached() -> bool:
    """Whether the cohort engine's compiled rules are in numba's cache for the current code."""
    return all(cached_on_disk(k) for k in _cohort_kernels())


def ensure_compiled(say: Callable[[str], None] | None = None, mesa: bool = False) -> float:
    """Compile (or load) the cohort engine's rules by running one infant, and with ``mesa``
    the Mesa model's phases by running one dyad; returns the seconds it took.

    ``say`` receives one line before a compilation that is not cached yet.
    """
    from .cohort import run_cohort
    from .presets import get_preset

    if say is not None and not rules_cached():
        say("compiling the simulation's rules for this machine (first run only, about 10 s)...")
    start = time.perf_counter()
    care = get_preset("sensitive").profile
    run_cohort(care, 1, seed=0, progress=False)
    if mesa:
        from .mesa_model import StrangeSituationModel

        StrangeSituationModel(care, infant_id=0, seed=0).run()
    return time.perf_counter() - start


def main() -> int:
    """``python -m simulation.compiled``: compile the rules (cohort engine and Mesa model)."""
    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    ensure_compiled(say, mesa=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
