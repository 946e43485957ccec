"""Writing result tables safely: checked paths, atomic writes, never a half-written file."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .inputs import InputError

TABLE_SUFFIXES = (".csv", ".parquet")
#: How to get Parquet support (pyarrow is an optional extra, not part of the core install).
PARQUET_EXTRA = "pip install 'strange-situation[parquet]'"


def require_parquet(what: str = "Parquet files") -> None:
    """Refuse, with one line saying how to get it, to read or write Parquet without pyarrow."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise InputError(f"{what} need pyarrow, which is not installed: {PARQUET_EXTRA}, "
                         "or write .csv instead") from None


def check_output_path(path: str | os.PathLike, suffixes=TABLE_SUFFIXES) -> Path:
    """Refuse, before any work starts, an output path that cannot be written.

    Checks the suffix, that the path is not a directory, that its parent is an existing
    directory (not a regular file: ENOTDIR), and that a file can be created there. A path the
    system refuses to look at (a name too long, ENAMETOOLONG) is refused with its reason.
    """
    try:
        return _check_output_path(Path(path), suffixes)
    except OSError as exc:
        raise InputError(f"cannot write {_short(str(path))!r}: {exc.strerror}") from None


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _check_output_path(p: Path, suffixes) -> Path:
    if p.is_dir():
        raise InputError(f"output path {str(p)!r} is a directory, not a file")
    if p.suffix.lower() not in suffixes:
        raise InputError(f"output file {str(p)!r} must end in {' or '.join(suffixes)}")
    if p.suffix.lower() == ".parquet":
        require_parquet()
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.exists():
        for ancestor in parent.parents:
            if ancestor.exists() and not ancestor.is_dir():
                raise InputError(f"cannot write {str(p)!r}: {str(ancestor)!r} is a file, "
                                 "not a directory")
        raise InputError(f"cannot write {str(p)!r}: directory {str(parent)!r} does not exist")
    if not parent.is_dir():
        raise InputError(f"cannot write {str(p)!r}: {str(parent)!r} is a file, not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=".ssp-probe-", dir=parent)
    except OSError as exc:
        raise InputError(f"cannot write in {str(parent)!r}: {exc.strerror}") from None
    os.close(fd)
    os.unlink(probe)
    return p


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary file beside ``path`` to write; renamed onto ``path`` when the block ends.

    If the block fails (or is interrupted) the temporary file is removed and ``path`` is left
    as it was: never half a file. The file is created with mode 0666 less the umask (0644 under
    the usual umask 022), like any file a program writes, so results can be shared; a temporary
    file from :mod:`tempfile` would be 0600.
    """
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    while True:
        tmp = parent / f".{p.name}.{secrets.token_hex(6)}.tmp"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:  # pragma: no cover - 48 random bits taken
            continue
    try:
        yield tmp
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write a text file (UTF-8) atomically (:func:`atomic_path`)."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_table(frame: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write a table as CSV or Parquet by suffix, atomically (:func:`atomic_path`)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputError(f"output file {str(p)!r} must end in {' or '.join(TABLE_SUFFIXES)}")
    if suffix == ".parquet":
        require_parquet()
    with atomic_path(p) as tmp:
        if suffix == ".csv":
            frame.to_csv(tmp, index=False)
        else:
            frame.to_parquet(tmp, index=False)
    return p


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    p = Path(path)
    if p.suffix.lower() == ".parquet":
        require_parquet()
        return pd.read_parquet(p)
    return pd.read_csv(p)
