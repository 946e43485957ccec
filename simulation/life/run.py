"""``run_lives``: a cohort from birth to adulthood, one row per person.

Infancy is the existing engine: :func:`simulation.run_cohort` on the same seed and ids gives
each person's home year and 12-month Strange Situation, so ``infant_group`` is what ``ssp run``
gives for the same caregiving and seed. The life continues from the working model of the parents
the home year left (the ``internal_*`` columns) through the compiled course
(:mod:`simulation.life.course`), and is then measured (:mod:`simulation.life.measures`,
:mod:`simulation.life.reunion`). With ``child=True`` each person raises a child whose Strange
Situation runs through the same engine (:mod:`simulation.life.transmission`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import rng
from ..caregiving import CaregiverProfile, Caregiving, CaregivingHistory
from ..cell_design import CellDesign
from ..cohort import cohort_ids, run_cohort
from ..inputs import InputError, check_int, check_number
from ..limits import DEFAULT_CHUNK, MAX_INFANTS
from ..params import ModelParams
from ..population import Population
from ..preparation import Setup
from ..rules.enacted import deviations
from ..temperament import Temperament, TemperamentDistribution
from ..threads import check_threads, over_ranges
from .borrowed import LEARNER, home_params
from .course import FIGURES, PURPOSES, life_course
from .measures import SECURITY_AGES, ecr, four_styles, security_at_ages, three_styles
from .params import LifeParams, life_record
from .reunion import code_reunion, simulate_reunion
from .world import EVENTS, LifeSchedule, schedule

Care = CaregiverProfile | CaregivingHistory | Caregiving
#: Oldest age a life may run to (years).
MAX_AGE = 60
def initial_model() -> np.ndarray:
    """The learner before any experience, in :data:`LEARNER` order."""
    from ..working_model import INITIAL

    return np.array([INITIAL[k] for k in LEARNER], dtype=np.float64)


def occasions_by_year(years: int, q: LifeParams) -> np.ndarray:
    """Occasions of need in each year of age ``1 + y`` (fewer as the person grows)."""
    out = np.empty(years, dtype=np.int64)
    for y in range(years):
        age = 1 + y
        per_month = (q.occasions_toddler if age < 3 else q.occasions_child if age < 12
                     else q.occasions_adolescent if age < 18 else q.occasions_adult)
        out[y] = int(round(12 * per_month))
    return out


def model_from_table(table: pd.DataFrame, p: ModelParams) -> np.ndarray:
    """The working model of the parents the home year left (9, N), from ``internal_*``.

    The fast and slow availability trackers are not reported; both start at the learned trust.
    """
    trust = table["internal_trust"].to_numpy(dtype=np.float64)
    return np.stack([trust, trust, trust,
                     table["internal_volatility"].to_numpy(dtype=np.float64) * p.volatility_scale,
                     table["internal_rebuff"].to_numpy(dtype=np.float64),
                     table["internal_signal_gain"].to_numpy(dtype=np.float64),
                     table["internal_fear"].to_numpy(dtype=np.float64),
                     table["internal_escalation_paid"].to_numpy(dtype=np.float64),
                     table["internal_helplessness"].to_numpy(dtype=np.float64)])


def base_care(setup: Setup, keys: np.ndarray, ids: np.ndarray, years: int) -> np.ndarray:
    """The parents' care by the caregiving schedule for years of age 1 .. years (4, years, N):
    the primary caregiver's spell in force at each birthday (the last spell continues)."""
    arrays = setup.care_arrays(keys, ids).primary
    out = np.empty((4, years, ids.shape[0]))
    for y in range(years):
        s = arrays.spell_index(12.0 * (1 + y))
        for c, name in enumerate(("responsiveness", "consistency", "warmth", "frightening")):
            out[c, y] = getattr(arrays, name)[s]
    return out


@dataclass
class LifeRun:
    """The internal side of one chunk's lives (for tests and the "why")."""

    general: np.ndarray  # (7, N) the effective general model at the end
    relation: np.ndarray  # (7, N) the model the adult procedure reads
    snaps_general: np.ndarray  # (ages, 7, N)
    snaps_parent: np.ndarray
    counts: np.ndarray  # (4, N) occasions per figure
    partner_care: np.ndarray  # (partners + 1, 3, N)
    parent_care: np.ndarray  # (4, years, N) the care received from the parents
    ages: list[int]  # the ages of the snapshots


def live(start: np.ndarray, reactivity: np.ndarray, keys: np.ndarray, base: np.ndarray,
         years: int, p: ModelParams, q: LifeParams, therapy_age: float | None = None,
         threads: int = 1, plan: LifeSchedule | None = None,
         every_year: bool = False) -> tuple[LifeRun, LifeSchedule]:
    """Run the compiled life course from 12 months for ``years`` more years.

    ``start`` (7, N): the model of the parents at 12 months; ``base`` (4, years, N) the
    parents' care by the schedule. ``plan``: a hand-made life (else drawn, :func:`schedule`).
    Snapshots are taken at the security ages and at ``parent_age`` (within the life), or at
    every birthday with ``every_year`` (a life's history; the results are the same).
    """
    n = keys.shape[0]
    if plan is None:
        plan = schedule(keys, base, years, q, therapy_age, deviations(keys, 0, p))
    ages = sorted({a for a in SECURITY_AGES if 1 < a <= years + 1}
                  | ({int(q.parent_age)} if int(q.parent_age) <= years + 1 else set())
                  | (set(range(2, years + 2)) if every_year else set()))
    snap_of_year = np.full(years, -1, dtype=np.int64)
    for s, age in enumerate(ages):
        snap_of_year[age - 2] = s
    nl = len(LEARNER)
    out = LifeRun(np.zeros((nl, n)), np.zeros((nl, n)), np.zeros((len(ages), nl, n)),
                  np.zeros((len(ages), nl, n)), np.zeros((len(FIGURES), n)),
                  np.zeros((plan.partner_z.shape[0], 3, n)), plan.parent, ages)
    args = (np.ascontiguousarray(keys, dtype=np.uint64), PURPOSES,
            np.ascontiguousarray(reactivity, dtype=np.float64), home_params(p), life_record(q),
            occasions_by_year(years, q), np.ascontiguousarray(plan.parent), plan.alt_on,
            np.ascontiguousarray(plan.alt), plan.partner, np.ascontiguousarray(plan.partner_z),
            plan.therapy_on, np.ascontiguousarray(start), initial_model(), snap_of_year,
            out.general, out.relation, out.snaps_general, out.snaps_parent, out.partner_care,
            out.counts)
    over_ranges(n, threads, lambda lo, hi: life_course(*args, lo, hi))
    return out, plan


def lives_table(cohort: pd.DataFrame, run: LifeRun, plan: LifeSchedule, keys: np.ndarray,
                to_age: int, p: ModelParams, q: LifeParams) -> pd.DataFrame:
    """One row per person: the contract's columns, then the life's details."""
    n = keys.shape[0]
    cols: dict[str, object] = {
        "infant_id": cohort["infant_id"].to_numpy(),
        "infant_group": cohort["group"].to_numpy(),
        "infant_abc_group": cohort["abc_group"].to_numpy(),
        "secure_at_1": (cohort["group"].to_numpy() == "B").astype(np.int8),
    }
    for age, secure in security_at_ages(run.snaps_parent, run.snaps_general, run.ages, keys,
                                        p, q).items():
        if age in SECURITY_AGES:
            cols[f"secure_at_{age}"] = secure
    courses = plan.therapy_on.sum(axis=0) / q.therapy_years
    anxiety, avoidance = ecr(run.general, run.relation,
                             cohort["reactivity"].to_numpy(dtype=np.float64), courses, keys, p, q)
    cols["adult_anxiety"] = np.round(anxiety, 2)
    cols["adult_avoidance"] = np.round(avoidance, 2)
    cols["adult_style"] = four_styles(anxiety, avoidance)
    cols["adult_style3"] = three_styles(anxiety, avoidance)
    cols["life_events"] = plan.event_count
    cols["alt_figure"] = plan.alt_on.any(axis=0).astype(np.int8)
    partners = run.partner_care[1:, 0, :]
    had = partners > 0
    count = had.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, (partners * had).sum(axis=0) / np.maximum(count, 1), np.nan)
    cols["partner_responsiveness"] = np.round(mean, 3)
    cols["therapy"] = plan.therapy_on.any(axis=0).astype(np.int8)
    codes = code_reunion(simulate_reunion(run.relation, keys, p))
    for name in ("distress", "support_seeking", "protest", "withdrawal", "contact"):
        cols[f"adult_obs_{name}"] = codes[name]
    cols["partners"] = count.astype(np.int64)
    cols["partnered_at_end"] = (plan.partner[-1] > 0).astype(np.int8) if plan.partner.size \
        else np.zeros(n, dtype=np.int8)
    for e, name in enumerate(EVENTS):
        cols[f"event_{name}"] = plan.events[e].any(axis=0).astype(np.int8)
    for k, name in zip((0, 4, 5), ("trust", "rebuff", "signal_gain"), strict=True):
        cols[f"internal_general_{name}"] = np.round(run.general[k], 4)
    cols["to_age"] = np.full(n, to_age, dtype=np.int64)
    return pd.DataFrame(cols)


def run_lives(
    care: Care | None = None,
    n_persons: int = 1000,
    seed: int = 0,
    *,
    population: Population | CellDesign | None = None,
    temperament: Temperament | TemperamentDistribution | None = None,
    params: ModelParams | None = None,
    life: LifeParams | None = None,
    to_age: int = 30,
    child: bool = False,
    therapy_age: float | None = None,
    infant_ids: Sequence[int] | np.ndarray | None = None,
    first_id: int = 0,
    chunk_size: int = DEFAULT_CHUNK,
    progress: Callable[[int], None] | None = None,
    threads: int | None = 1,
) -> pd.DataFrame:
    """Run a cohort from birth to ``to_age`` years; one row per person.

    Caregiving (``care`` or ``population``), temperament, ``params`` and the ids are as in
    :func:`simulation.run_cohort`, which runs the infancy. ``life``: the life course's
    parameters (:class:`LifeParams`). ``child=True``: each person raises a child at
    ``life.parent_age`` (if ``to_age`` reaches it), whose Strange Situation is coded.
    ``therapy_age``: every person is in therapy from this age (None: no one). The results do
    not depend on ``chunk_size`` or ``threads``; person k is the same alone.
    """
    q = life if life is not None else LifeParams()
    if not isinstance(q, LifeParams):
        raise InputError("life must be a LifeParams")
    to_age = check_int("to_age", to_age, 1, MAX_AGE)
    if therapy_age is not None:
        therapy_age = check_number("therapy_age", therapy_age, 1.0, float(MAX_AGE))
    if not isinstance(child, bool):
        raise InputError(f"child must be True or False, got {child!r}")
    if child and to_age < q.parent_age:
        raise InputError(f"child=True needs to_age of at least parent_age ({q.parent_age:g} "
                         f"years), got {to_age}")
    setup = Setup(seed=seed, care=care, population=population, temperament=temperament,
                  params=params if params is not None else ModelParams())
    ids = cohort_ids(n_persons, first_id, infant_ids)
    size = check_int("chunk_size", chunk_size, 1, MAX_INFANTS)
    threads = check_threads(threads)
    p = setup.effective_params()
    years = to_age - 1
    tables = []
    for lo in range(0, ids.size, size):
        chunk = ids[lo:lo + size]
        cohort = run_cohort(care, seed=seed, population=population, temperament=temperament,
                            params=params, infant_ids=chunk, chunk_size=size, progress=False,
                            threads=threads).table
        keys = rng.infant_keys(setup.seed, chunk)
        start = model_from_table(cohort, p)
        reactivity = cohort["reactivity"].to_numpy(dtype=np.float64)
        run, plan = live(start, reactivity, keys, base_care(setup, keys, chunk, years), years,
                         p, q, therapy_age, threads)
        table = lives_table(cohort, run, plan, keys, to_age, p, q)
        if child:
            from .transmission import raise_children

            table = raise_children(table, run, plan, keys, chunk, setup.seed, p, q, threads)
        tables.append(table)
        if progress is not None:
            progress(chunk.size)
    return pd.concat(tables, ignore_index=True)
