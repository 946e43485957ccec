"""Compiling the per-second rules: one decorator, and a cache keyed by the rules' own code.

The rules of the Strange Situation are written as plain scalar functions of one dyad (readable
``if``/``else``, one infant at a time) and compiled with numba. The cohort engine runs them in
one compiled loop over infants and seconds (:func:`simulation.rules.per_second.run_chunk`); the Mesa
model calls the same compiled phases one by one for its single dyad.

Arithmetic is ``float32`` throughout, as in the state (:mod:`simulation.dyad_state`): every
literal is written ``f(...)`` so that numba does not promote an expression to ``float64``.

Compiled code is cached on disk (numba's ``cache=True``) in a directory named by the rules'
fingerprint (:func:`simulation.fingerprint.rules_fingerprint`: every module the compiled rules
import), because numba checks only the source file of the function it compiles, not the files of
the functions it calls: editing any module of the rules gives a new directory, so code compiled
from other rules is never loaded. The directory (:func:`cache_directory`) is
``$NUMBA_CACHE_DIR/ssp-rules-<fingerprint>`` if ``NUMBA_CACHE_DIR`` is set, else under the
user's cache directory (``$XDG_CACHE_HOME`` or ``~/.cache``, ``strange-situation/``), never
inside the installed package (a package that writes into its own directory at run time leaves
files there that the next ``pip install`` does not remove, and the package breaks as a
namespace package); it is handed to numba through its public configuration
(``numba.config.CACHE_DIR``) while a rule is decorated. The cache is shared by every copy of
the package a user runs (two checkouts, two virtual environments of other versions), so the
directories of other versions beside it are kept while in use: one not used for
:data:`STALE_DAYS` days is removed (each use marks its directory). If none can be written (a
read-only home) the rules are compiled in every process, with one :class:`CacheWarning`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import warnings
from collections.abc import Iterator
from functools import lru_cache, wraps
from pathlib import Path

import numba
import numpy as np

from ..fingerprint import rules_fingerprint
from .declaration import Constant

#: float32 literals inside compiled rules: ``f(0.5)``.
f = np.float32

#: Prefix of the cache directories of the rules (one per fingerprint).
CACHE_PREFIX = "ssp-rules-"
#: A cache directory of other rules unused for this many days is removed.
STALE_DAYS = 14

CONSTANTS = (
    Constant("STALE_DAYS", "days a cache directory of other rules may go unused before it is "
             "removed", "housekeeping of the compiled cache on disk, not part of the model"),
)


class CacheWarning(UserWarning):
    """The compiled rules cannot be cached: every process compiles them again."""


def cache_bases() -> list[Path]:
    """Where a cache directory of the rules may go, in order of preference."""
    configured = os.environ.get("NUMBA_CACHE_DIR", "").strip()
    if configured:
        return [Path(configured)]
    user = os.environ.get("XDG_CACHE_HOME", "").strip()
    try:
        return [(Path(user) if user else Path.home() / ".cache") / "strange-situation"]
    except (RuntimeError, KeyError):  # no home directory
        return []


def _usable(directory: Path) -> bool:
    """Whether ``directory`` exists (created if need be) and a file can be written in it."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True


def _remove_stale(base: Path, keep: Path) -> None:
    """Remove the cache directories of other rules that no process used for
    :data:`STALE_DAYS` days."""
    cutoff = time.time() - STALE_DAYS * 86400
    for old in base.glob(CACHE_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if old != keep and old.is_dir() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)


@lru_cache(maxsize=1)
def cache_directory() -> Path | None:
    """The directory numba caches the compiled rules in (see the module docstring), or
    ``None`` (with one :class:`CacheWarning`) if no candidate can be written."""
    name = CACHE_PREFIX + rules_fingerprint()
    bases = cache_bases()
    for base in bases:
        directory = base / name
        if _usable(directory):
            os.utime(directory)  # in use: not stale
            _remove_stale(base, keep=directory)
            return directory
    warnings.warn(f"cannot cache the compiled rules (no writable directory: "
                  f"{', '.join(str(b) for b in bases)}); every process compiles them again "
                  "(about half a minute). Set NUMBA_CACHE_DIR to a writable directory.",
                  CacheWarning, stacklevel=2)
    return None


@contextlib.contextmanager
def _numba_cache_dir(directory: Path) -> Iterator[None]:
    """numba's cache directory set to ``directory`` while a rule is decorated (numba picks
    the cache's place when the decorator runs)."""
    before = numba.config.CACHE_DIR
    numba.config.CACHE_DIR = str(directory)
    try:
        yield
    finally:
        numba.config.CACHE_DIR = before


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
    options = dict(nogil=True, error_model="numpy", inline="always" if inline else "never")

    def compile_(fn):
        if numba.config.DISABLE_JIT:
            return plain(fn)
        directory = cache_directory()
        if directory is None:
            return numba.njit(cache=False, **options)(fn)
        with _numba_cache_dir(directory):
            return numba.njit(cache=True, **options)(fn)

    return compile_ if fn is None else compile_(fn)


def compiled_marker(part: str) -> Path | None:
    """A file that says ``part`` of the rules (``"cohort"``, ``"mesa"``) was compiled into
    :func:`cache_directory` for this machine's CPU (written by
    :func:`simulation.compiled.ensure_compiled`); ``None`` without a cache."""
    directory = cache_directory()
    if directory is None:
        return None
    from llvmlite import binding

    return directory / f"compiled-{part}-{binding.get_host_cpu_name()}"
