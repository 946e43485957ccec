"""Running a compiled kernel over a cohort's infants on several threads of one process.

The kernels release the GIL (numba ``nogil``) and treat each infant on its own, so contiguous
ranges of infants run at once on separate threads and write disjoint parts of the outputs: the
results are the same, bit for bit, whatever the number of threads (docs/design.md, reproducibility).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from .inputs import check_int
from .limits import MAX_THREADS

#: Below this many infants per thread, extra threads cost more than they save.
MIN_INFANTS_PER_THREAD = 250


def usable_cores() -> int:
    """CPU cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def check_threads(threads: int | None) -> int:
    """A thread count (``None``: every usable core)."""
    if threads is None:
        return min(usable_cores(), MAX_THREADS)
    return check_int("threads", threads, 1, MAX_THREADS)


def over_ranges(n: int, threads: int, run: Callable[[int, int], None]) -> None:
    """Call ``run(lo, hi)`` for contiguous ranges covering ``0..n``, one per thread."""
    parts = max(1, min(threads, n // MIN_INFANTS_PER_THREAD))
    bounds = [n * k // parts for k in range(parts + 1)]
    if parts == 1:
        run(0, n)
        return
    with ThreadPoolExecutor(max_workers=parts, thread_name_prefix="ssp-kernel") as pool:
        futures = [pool.submit(run, bounds[k], bounds[k + 1]) for k in range(parts)]
        for future in futures:
            future.result()
