"""The compiled rules on this machine: compiling them once, with a word to the user.

numba compiles the rules the first time they run on a machine (15-20 s of CPU)
and keeps the machine code in its cache (:mod:`simulation.rules.jit`); later processes load it
in about a second. Commands that simulate call :func:`ensure_compiled` first, so that the wait is
announced and happens once, before any worker process or server starts.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable

import numba

from .rules.jit import compiled_marker


def _parts(mesa: bool, life: bool = False) -> tuple[str, ...]:
    return ("cohort",) + (("mesa",) if mesa else ()) + (("life",) if life else ())


def rules_cached(mesa: bool = False, life: bool = False) -> bool:
    """Whether the cohort engine's rules (and with ``mesa`` the Mesa model's phases) were
    compiled into the cache, for the current rules and this machine."""
    if numba.config.DISABLE_JIT:  # plain Python: nothing to compile
        return True
    markers = [compiled_marker(part) for part in _parts(mesa, life)]
    return all(m is not None and m.is_file() for m in markers)


def ensure_compiled(say: Callable[[str], None] | None = None, mesa: bool = False,
                    life: bool = False) -> float:
    """Compile (or load) the cohort engine's rules by running one infant, and with ``mesa``
    the Mesa model's phases by running one dyad, and with ``life`` the life course by running
    one life; returns the seconds it took.

    ``say`` receives one line before a compilation that is not cached yet.
    """
    from .cohort import run_cohort
    from .presets import get_preset

    cached = rules_cached(mesa, life)
    if say is not None and not cached:
        say("compiling the simulation's rules for this machine (first run only, about half a "
            "minute)..." if compiled_marker("cohort") is not None else
            "compiling the simulation's rules (no cache: every run does, about half a minute)...")
    start = time.perf_counter()
    care = get_preset("sensitive").profile
    run_cohort(care, 1, seed=0, progress=False)
    if mesa:
        from .mesa_model import StrangeSituationModel

        StrangeSituationModel(care, infant_id=0, seed=0).run()
    if life:
        from .life import run_lives

        run_lives(care, 1, seed=0)
    for part in () if cached else _parts(mesa, life):
        marker = compiled_marker(part)
        if marker is not None:
            with contextlib.suppress(OSError):
                marker.write_bytes(b"")
    return time.perf_counter() - start


def main() -> int:
    """``python -m simulation.compiled``: compile the rules (cohort engine and Mesa model)."""
    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    ensure_compiled(say, mesa=True, life=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
