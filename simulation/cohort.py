"""The cohort engine: N infants through the home year, the eight episodes and the coder.

Large cohorts run in chunks (``chunk_size``); each chunk's compact record is coded and dropped
before the next, so memory stays linear in the chunk, not the cohort. Draws are keyed by
(seed, infant id, purpose, step), so chunking, worker count and cohort size never change an
infant's result, and infant k replays alone (``infant_ids=[k]``, or the Mesa model).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .cell_design import CellDesign
from .inputs import InputError, check_int
from .limits import DEFAULT_CHUNK, MAX_INFANTS
from .observer import code_record
from .params import ModelParams
from .population import Population
from .preparation import Care, Prepared, Setup, care_columns, prepare
from .strange_situation import SSPRun, run_ssp
from .temperament import Temperament, TemperamentDistribution
from .threads import check_threads
from .working_model import WorkingModel


def infant_table(setup: Setup, prepared: Prepared, run: SSPRun, coding_frame: pd.DataFrame,
                 wm: WorkingModel | None = None) -> pd.DataFrame:
    """One row per infant: identity, classification, caregiving, temperament, codes, internals."""
    wm = prepared.working_model if wm is None else wm
    n = prepared.ids.shape[0]
    head = pd.DataFrame({
        "infant_id": prepared.ids,
        "seed": np.full(n, setup.seed, dtype=np.int64),
        "caregiver": np.full(n, setup.caregiver),
        "age_months": np.full(n, setup.age_months),
    })
    care = pd.DataFrame(care_columns(setup, prepared))
    care["reactivity"] = prepared.reactivity
    care["soothability"] = prepared.soothability
    internal = {f"internal_{k}": v for k, v in wm.summary().items()}
    for e in range(8):
        internal[f"internal_arousal_ep{e + 1}"] = run.arousal_by_episode[:, e]
    return pd.concat([head, coding_frame.reset_index(drop=True), care,
                      pd.DataFrame(internal)], axis=1)


@dataclass
class CohortResult:
    """A cohort's per-infant table, and optionally the long table of every scale."""

    table: pd.DataFrame
    scales: pd.DataFrame | None = None

    def distribution(self, column: str = "classification") -> pd.Series:
        """Share of infants in each class (secure, avoidant, ambivalent, disorganized)."""
        order = {"classification": ["secure", "avoidant", "ambivalent", "disorganized"],
                 "group": ["B", "A", "C", "D"], "abc_group": ["B", "A", "C"],
                 "subgroup": ["A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2"]}.get(column)
        shares = self.table[column].value_counts(normalize=True)
        if order is not None:
            shares = shares.reindex(order, fill_value=0.0)
        return shares


def _chunks(ids: np.ndarray, size: int):
    for start in range(0, ids.shape[0], size):
        yield ids[start:start + size]


def _progress_bar(total: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="infant", file=sys.stderr, leave=False)


def cohort_ids(n: int, first_id: int, infant_ids=None) -> np.ndarray:
    """The ids of a cohort (``n`` from ``first_id``, or the listed ``infant_ids``), checked."""
    if infant_ids is None:
        n = check_int("infants", n, 1, MAX_INFANTS)
        first = check_int("first_id", first_id, 0, 2**62)
        return np.arange(first, first + n, dtype=np.int64)
    ids = np.asarray(infant_ids, dtype=np.int64).ravel()
    if ids.size == 0 or ids.size > MAX_INFANTS or ids.min() < 0:
        raise InputError(f"infant_ids must list 1 to {MAX_INFANTS} non-negative ids")
    return ids


def run_cohort(
    care: Care | None = None,
    n_infants: int = 1000,
    seed: int = 0,
    *,
    population: Population | CellDesign | None = None,
    temperament: Temperament | TemperamentDistribution | None = None,
    params: ModelParams | None = None,
    caregiver: str = "primary",
    age_months: float = 12.0,
    infant_ids: Sequence[int] | np.ndarray | None = None,
    first_id: int = 0,
    chunk_size: int = DEFAULT_CHUNK,
    frozen: bool = False,
    scales: bool = False,
    progress: bool | None | Callable[[int], None] = None,
    threads: int | None = 1,
) -> CohortResult:
    """Run a cohort through the whole procedure and code it.

    Give ``care`` (a :class:`CaregiverProfile`, a :class:`CaregivingHistory` or a
    :class:`Caregiving`) or a ``population`` (a :class:`Population`, or a
    :class:`~simulation.cell_design.CellDesign` giving infant ``id`` cell ``id % n_cells``).
    Infants are ``first_id .. first_id + n - 1`` unless ``infant_ids`` lists them.
    ``caregiver`` names whom the SSP is run with; ``age_months`` when (1-36 here, for research
    on the model; the procedure and its classification are validated for about 11-20 months,
    :data:`simulation.ssp_age.SSP_AGE_MONTHS`, which the command line and sweeps enforce).
    ``frozen=True`` is the
    learning ablation. ``scales=True`` also returns the long table of every scale in every
    episode toward caregiver and stranger.
    ``progress``: True/False for a progress bar (default: only on a terminal), or a callable
    receiving the number of infants just finished. ``threads``: how many threads of this
    process the compiled home year and episodes run on (``None``: every usable core); the
    results do not depend on it.
    """
    setup = Setup(seed=seed, care=care, population=population,
                  temperament=temperament,
                  params=params if params is not None else ModelParams(),
                  caregiver=caregiver, age_months=age_months, frozen=frozen)
    ids = cohort_ids(n_infants, first_id, infant_ids)
    size = check_int("chunk_size", chunk_size, 1, MAX_INFANTS)
    threads = check_threads(threads)
    params_used = setup.effective_params()
    bar = None if callable(progress) else _progress_bar(ids.size, progress)
    tables, scale_tables = [], []
    try:
        for chunk in _chunks(ids, size):
            prepared = prepare(setup, chunk, threads)
            run = run_ssp(prepared.working_model, prepared.reactivity, prepared.soothability,
                          prepared.keys, params_used, setup.age_months, threads=threads,
                          unresolved=care_columns(setup, prepared)["unresolved"])
            coding = code_record(run.record)
            tables.append(infant_table(setup, prepared, run, coding.to_frame()))
            if scales:
                long = coding.scales_long()
                long["infant_id"] = prepared.ids[long.pop("infant").to_numpy()]
                scale_tables.append(long[["infant_id", *long.columns[:-1]]])
            if callable(progress):
                progress(chunk.size)
            elif bar is not None:
                bar.update(chunk.size)
    finally:
        if bar is not None:
            bar.close()
    table = pd.concat(tables, ignore_index=True)
    long_table = pd.concat(scale_tables, ignore_index=True) if scales else None
    return CohortResult(table, long_table)
