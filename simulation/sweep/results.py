"""Loading a sweep's results: one tidy table across cells, and shares with Wilson intervals.

``load_results(DIR)`` returns one row per infant of every finished cell (per person, with the
columns of ``ssp life``, when the experiment has a ``[life]`` table), in design order (not
the order cells finished), with the cell's columns first: ``cell_id``, ``cell_index``,
``point``, ``replicate``, ``label`` (for list and one-at-a-time designs) and one column per swept
setting, named by its path with dots as underscores (``caregiving_responsiveness``,
``params_learn_trust``, ``life_partner_mean``; the manifest's ``columns`` maps them back).

``cell_shares(table)`` gives, per cell (or per any grouping, e.g. design points pooled over
replicates), the count and share of each classification with its 95% Wilson interval; of any
other categorical column with ``column=`` and ``classes=`` (lives: ``column="adult_style"``,
``classes=simulation.life.measures.STYLES``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..inputs import InputError
from ..io import read_table
from ..stats import CLASSES, GROUP_OF, wilson_interval
from . import manifest as mf

#: Identity columns every cell table starts with.
CELL_COLUMNS = ("cell_id", "cell_index", "point", "replicate", "label")


def _manifest_or_fail(out: Path) -> dict:
    data = mf.read_manifest(out)
    if data is None:
        raise InputError(f"{str(out)!r} is not a sweep directory (no {mf.MANIFEST})")
    return data


def load_results(out: str | os.PathLike, *, columns: Sequence[str] | None = None,
                 allow_missing: bool = False, scales: bool = False) -> pd.DataFrame:
    """One table across the finished cells of a sweep directory, in design order.

    ``columns`` selects columns (the cell columns are always kept). Missing cells are an error
    unless ``allow_missing=True`` (then the finished ones are loaded). ``scales=True`` loads the
    long scale tables instead (when the experiment wrote them).
    """
    out = Path(out)
    manifest = _manifest_or_fail(out)
    fmt = manifest["format"]
    if scales and not manifest.get("scales"):
        raise InputError(f"{str(out)!r}: this experiment did not write scale tables "
                         "([output] scales = true)")
    paths = [mf.cell_file(out, c["cell_id"], fmt, scales=scales) for c in manifest["cells"]]
    present = [p for p in paths if p.exists()]
    missing = len(paths) - len(present)
    if missing and not allow_missing:
        raise InputError(f"{str(out)!r}: {missing} of {len(paths)} cells are not finished; run "
                         "`ssp sweep` again on it to finish, or load with allow_missing=True")
    if not present:
        raise InputError(f"{str(out)!r}: no finished cells yet")
    frames = []
    for path in present:
        try:
            frame = read_table(path)
        except Exception as exc:  # noqa: BLE001 - a damaged file, whatever the reader says
            raise InputError(f"{str(path)!r} is damaged ({type(exc).__name__}); run `ssp sweep` "
                             "again on the directory to check every cell and redo damaged "
                             "ones") from None
        if columns is not None:
            keep = [c for c in frame.columns
                    if c in CELL_COLUMNS or c in manifest["columns"] or c in columns]
            frame = frame[keep]
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def parameter_columns(table: pd.DataFrame) -> list[str]:
    """The cell columns of a loaded table that name swept settings."""
    prefixes = ("caregiving_", "secondary_", "population_", "temperament_", "params_", "ssp_",
                "life_")
    start = list(table.columns).index("infant_id") if "infant_id" in table.columns else None
    head = table.columns if start is None else table.columns[:start]
    return [c for c in head if c.startswith(prefixes)]


def cell_shares(data: pd.DataFrame | str | os.PathLike, by: Sequence[str] | None = None,
                column: str = "classification", classes: Sequence[str] = CLASSES,
                z: float = 1.959963984540054) -> pd.DataFrame:
    """Count, share and Wilson interval of each class per cell (or per ``by`` group), long form.

    ``data``: a table from :func:`load_results` or a sweep directory. ``by`` defaults to each
    cell (its id, label, replicate and swept settings); give the setting columns alone to pool
    replicates. Columns: the ``by`` columns, ``class``, ``group`` (A/B/C/D), ``count``, ``n``,
    ``share``, ``ci_low``, ``ci_high``. Groups keep the table's order.
    """
    table = data if isinstance(data, pd.DataFrame) else load_results(data)
    if by is None:
        by = [c for c in CELL_COLUMNS if c in table.columns] + parameter_columns(table)
    by = list(by)
    unknown = [c for c in [*by, column] if c not in table.columns]
    if unknown:
        raise InputError(f"no column {unknown[0]!r} in the table")
    counts = (table.groupby(by, sort=False, dropna=False)[column]
              .value_counts().unstack(fill_value=0)
              .reindex(columns=list(classes), fill_value=0))
    n = counts.sum(axis=1).to_numpy()
    long = counts.stack().rename("count").reset_index()
    long = long.rename(columns={column: "class"})
    long["n"] = np.repeat(n, len(classes))
    long["share"] = long["count"] / np.maximum(long["n"], 1)
    low, high = wilson_interval(long["count"].to_numpy(), long["n"].to_numpy(), z)
    long["ci_low"], long["ci_high"] = low, high
    long.insert(len(by) + 1, "group", long["class"].map(GROUP_OF).fillna(long["class"]))
    return long


def shares_wide(shares: pd.DataFrame, by: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per group with ``share_<class>``, ``ci_low_<class>``, ``ci_high_<class>``."""
    if by is None:
        by = [c for c in shares.columns if c not in (
            "class", "group", "count", "n", "share", "ci_low", "ci_high")]
    wide = shares.pivot_table(index=list(by), columns="class",
                              values=["share", "ci_low", "ci_high", "count"], sort=False,
                              dropna=False, observed=True)
    wide.columns = [f"{stat}_{cls}" for stat, cls in wide.columns]
    return wide.reset_index()
