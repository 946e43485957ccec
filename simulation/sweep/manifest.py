"""The sweep directory: its layout, its manifest, and the checks that make resuming safe.

Layout of ``--out DIR``::

    DIR/manifest.json      what was run: the experiment file (text and SHA-256), root seed,
                           package versions and the model's fingerprint, start and end, every run of
                           the command, and each cell's settings, seed and status
    DIR/experiment.toml    a copy of the experiment file
    DIR/cells/<id>.parquet one table per finished cell (or .csv), written atomically
    DIR/cells/<id>.scales.parquet   the long scale table, when ``[output] scales = true``

The cell files are the record of what is done: a cell file exists only once complete (temporary
file, then rename). The manifest's per-cell status (done / failed / missing) is refreshed as
cells finish (at least every couple of seconds, and at the end), so a killed run loses at most
the cells in flight, and a resumed run trusts the files, not the manifest's status. It does not
trust them blindly either: the manifest records each cell file's SHA-256, and a resumed run
checks every file against it (or, for a file written after the last manifest update, reads it
and checks its rows and cell id); a damaged file (truncated, overwritten, another cell's) is
removed and its cell run again (:func:`check_cell_file`).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from ..fingerprint import model_fingerprint
from ..inputs import InputError
from ..io import write_text

MANIFEST = "manifest.json"
EXPERIMENT_COPY = "experiment.toml"
CELLS = "cells"
LOCK = ".lock"
#: Version of the manifest layout.
MANIFEST_VERSION = 1
#: Packages whose versions are recorded, and must match between a client and Dask workers.
PACKAGES = ("numpy", "numba", "pandas", "mesa")
OPTIONAL_PACKAGES = ("pyarrow", "dask", "distributed")


def now() -> str:
    """The current time, UTC, ISO 8601 to the second."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def code_fingerprint() -> str:
    """The model's fingerprint as a manifest records it (``versions.code``):
    :func:`simulation.fingerprint.model_fingerprint`."""
    return model_fingerprint()


def package_versions() -> dict[str, str]:
    """Versions of Python, this package (and its model's fingerprint,
    :func:`simulation.fingerprint.model_fingerprint`) and the libraries it uses."""
    from .. import __version__

    versions = {"simulation": __version__, "code": code_fingerprint(),
                "python": platform.python_version()}
    for name in PACKAGES + OPTIONAL_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            if name in PACKAGES:
                versions[name] = "missing"
    return versions


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically (:func:`simulation.io.write_text`)."""
    write_text(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def read_manifest(out: str | os.PathLike) -> dict | None:
    """The manifest of a sweep directory, ``None`` if it has none; damaged -> InputError."""
    path = Path(out) / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} is damaged ({exc}); move the directory aside or use another "
                         "--out") from None
    if not isinstance(data, dict) or data.get("manifest_version") != MANIFEST_VERSION:
        raise InputError(f"{path} is not an ssp sweep manifest (version "
                         f"{MANIFEST_VERSION})")
    return data


def cell_file(out: Path, cell_id: str, fmt: str, scales: bool = False) -> Path:
    return out / CELLS / f"{cell_id}{'.scales' if scales else ''}.{fmt}"


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_cell_file(path: Path, cell_id: str, rows: int | None,
                    digest: str | None = None) -> str | None:
    """``None`` if a cell file is intact, else what is wrong with it.

    With the SHA-256 recorded when it was written, the file must have exactly those bytes.
    Without one (a file written after the last manifest update of a killed run), it must read
    as a table of ``rows`` rows (if given) of this cell's id.
    """
    try:
        if digest is not None:
            return None if file_digest(path) == digest else "its bytes changed after it was written"
        import pandas as pd

        if path.suffix == ".csv":
            table = pd.read_csv(path, dtype={"cell_id": str})
        else:
            table = pd.read_parquet(path)
    except Exception as exc:  # noqa: BLE001 - whatever fails to read it, it is damaged
        return f"it cannot be read ({type(exc).__name__})"
    if rows is not None and len(table) != rows:
        return f"it has {len(table)} rows, not {rows}"
    if "cell_id" not in table.columns or set(table["cell_id"].astype(str)) != {cell_id}:
        return "it holds another cell's table"
    return None


def new_manifest(experiment, fmt: str, versions: dict[str, str]) -> dict:
    """A fresh manifest for an experiment (no run recorded yet)."""
    return {
        "manifest_version": MANIFEST_VERSION,
        "experiment": {"name": experiment.name, "description": experiment.description,
                       "file": experiment.source, "sha256": experiment.sha256,
                       "text": experiment.text},
        "root_seed": experiment.seed,
        "infants_per_cell": experiment.infants,
        "replicates": experiment.replicates,
        "design": experiment.sweep.design,
        "seeds": experiment.sweep.seeds,
        "format": fmt,
        "scales": experiment.scales,
        "rows": "person" if experiment.base.get("life") is not None else "infant",
        "versions": versions,
        "started": now(),
        "ended": None,
        "status": "running",
        "columns": {path.replace(".", "_"): path for path in experiment.sweep.paths},
        "runs": [],
        "cells": [],
    }


def cell_entries(experiment, fmt: str, status: dict[str, str],
                 details: dict[str, dict]) -> list[dict]:
    """Per-cell records, in design order."""
    entries = []
    for cell in experiment.cells:
        entry = {"cell_id": cell.cell_id, "index": cell.index, "point": cell.point,
                 "replicate": cell.replicate, "seed": cell.seed, "values": cell.values,
                 "file": f"{CELLS}/{cell.cell_id}.{fmt}",
                 "status": status.get(cell.cell_id, "missing")}
        if cell.label is not None:
            entry["label"] = cell.label
        entry.update(details.get(cell.cell_id, {}))
        entries.append(entry)
    return entries


class DirectoryLock:
    """An exclusive lock on a sweep directory, released when the process ends (even killed)."""

    def __init__(self, out: Path):
        self.path = out / LOCK
        self.handle = None

    def __enter__(self) -> DirectoryLock:
        self.handle = open(self.path, "a+")  # noqa: SIM115 - held for the whole run
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no locking
            return self
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.handle.close()
            raise InputError(f"{self.path.parent} is in use by another `ssp sweep` (wait for it "
                             "to finish, or use another --out)") from None
        return self

    def __exit__(self, *exc) -> None:
        if self.handle is not None:
            self.handle.close()

