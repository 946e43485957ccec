"""Compiling the per-second rules: one decorator, and a cache that knows all their sources.

The rules of the Strange Situation are written as plain scalar functions of one dyad (readable
``if``/``else``, one infant at a time) and compiled with numba. The cohort engine runs them in
one compiled loop over infants and seconds (:func:`simulation.rules.second.run_chunk`); the Mesa
model calls the same compiled phases one by one for its single dyad.

Arithmetic is ``float32`` throughout, as in the state (:mod:`simulation.dyad_state`): every
literal is written ``f(...)`` so that numba does not promote an expression to ``float64``.

Compiled code is cached on disk (numba's ``cache=True``). Numba checks only the source file of the
function it compiles, not the files of the functions it calls; the locators below key every
cached kernel by a hash of all the modules the rules are made of, so editing any of them
recompiles.
"""

from __future__ import annotations

import hashlib
import shutil
from functools import lru_cache, wraps
from pathlib import Path

import numba
import numpy as np

#: float32 literals inside compiled rules: ``f(0.5)``.
f = np.float32

_PACKAGE = Path(__file__).resolve().parent.parent
#: The modules the compiled rules are made of (their hash stamps the cache).
_SOURCES = ("rng.py", "room.py", "episodes.py", "codes.py", "record.py", "dyad_state.py",
            "rules/*.py")


def hash_sources(package: Path) -> bytes:
    """SHA-256 of every module of ``package`` the compiled rules read (see ``_SOURCES``)."""
    digest = hashlib.sha256()
    for pattern in _SOURCES:
        for path in sorted(package.glob(pattern)):
            name = path.relative_to(package).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


@lru_cache(maxsize=1)
def sources_hash() -> bytes:
    """:func:`hash_sources` of this package."""
    return hash_sources(_PACKAGE)


def _install_locators() -> None:
    """Put locators keyed by :func:`sources_hash` in front of numba's own.

    Each version of the rules gets its own cache directory (``numba-<hash>`` beside numba's
    usual one), so a cache written by other rules is never read: numba would otherwise unpickle
    an index that may name types the current code no longer has. Directories of other versions
    are removed when a new one is made.
    """
    try:
        from numba.core import caching
    except ImportError:  # pragma: no cover - numba without the caching module
        return

    def keyed(base):
        class Keyed(base):
            def get_cache_path(self):
                return str(Path(super().get_cache_path()) / f"numba-{sources_hash().hex()[:16]}")

            def get_source_stamp(self):
                return sources_hash()

            def ensure_cache_path(self):
                path = Path(self.get_cache_path())
                if not path.is_dir():
                    for old in path.parent.glob("numba-*"):
                        shutil.rmtree(old, ignore_errors=True)
                super().ensure_cache_path()

            @classmethod
            def from_function(cls, py_func, py_file):
                if not Path(py_file).resolve().is_relative_to(_PACKAGE):
                    return None
                return super().from_function(py_func, py_file)

        Keyed.__name__ = f"Keyed{base.__name__}"
        return Keyed

    bases = [getattr(caching, name, None)
             for name in ("UserProvidedCacheLocator", "InTreeCacheLocator",
                          "UserWideCacheLocator")]
    impl = getattr(caching, "CacheImpl", None) or getattr(caching, "_CacheImpl", None)
    if impl is None or None in bases:  # pragma: no cover - another numba layout
        return
    if not any(c.__name__.startswith("Keyed") for c in impl._locator_classes):
        impl._locator_classes[:0] = [keyed(b) for b in bases]


_install_locators()


def records(value):
    """A structured array as the rules read it: by attribute (``s.x``).

    Compiled, a structured array's element is such a record. In plain Python it is a
    ``numpy.void``, which has no attributes, so there a structured array is viewed as a
    ``numpy.recarray`` (same memory, elements with attribute access). Anything else is
    returned as it is.
    """
    if numba.config.DISABLE_JIT and isinstance(value, np.ndarray) \
            and value.dtype.names is not None and not isinstance(value, np.recarray):
        return value.view(np.recarray)
    return value


def plain(fn):
    """``fn`` as plain Python, for stepping through a rule (``NUMBA_DISABLE_JIT=1``)."""

    @wraps(fn)
    def run(*args):
        with np.errstate(over="ignore"):  # the keyed hash wraps around in uint64, as compiled
            return fn(*(records(a) for a in args))

    run.py_func = fn
    return run


def kernel(fn=None, *, inline: bool = True):
    """Compile a rule (no Python objects, no bounds checks, numpy's float semantics).

    Rules are inlined into the compiled rules that call them (numba's ``inline="always"``), so
    that one second of the procedure compiles to one function; ``inline=False`` for the loops
    and the second itself, which are compiled functions of their own. Called from Python (the
    Mesa model's phases), every rule is also a compiled function. With ``NUMBA_DISABLE_JIT=1``
    every rule runs as plain Python (:func:`plain`): slow, but a debugger steps through it.
    """
    options = dict(cache=True, nogil=True, error_model="numpy",
                   inline="always" if inline else "never")

    def compile_(fn):
        if numba.config.DISABLE_JIT:
            return plain(fn)
        return numba.njit(**options)(fn)

    return compile_ if fn is None else compile_(fn)


def cached_on_disk(dispatcher) -> bool:
    """Whether numba's cache holds compiled code of ``dispatcher`` for these sources (an index
    file exists; it may still lack this machine's CPU, which numba then compiles for)."""
    cache = getattr(dispatcher, "_cache", None)
    index = getattr(getattr(cache, "_cache_file", None), "_index_path", None)
    return index is not None and Path(index).is_file()
