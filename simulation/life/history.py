"""One life, year by year, and what-ifs: the same persons with a responsive partner or therapy.

:func:`run_histories` runs persons exactly as :func:`simulation.life.run_lives` does (the same
infancy, schedule, course and measures, on the same keyed draws), keeping the general model at
every birthday; :func:`person_history` reads one person's life from it: the care received,
life events, the alternative figure, partners, therapy and the general model by age, the adult
self-report and the observed separation and reunion. A person's history is the same alone and
in any cohort (every draw is keyed by person), so a page can show person k of a population.

A what-if (:class:`WhatIf`) changes the drawn life of every person the same way, after it was
drawn and before anyone learns from it: from ``age`` on, a partner of responsiveness,
consistency and warmth about ``RESPONSIVE_PARTNER`` (replacing the partners the life would have
brought), or a course of therapy (``LifeParams.therapy_years``). Everything else stays as
drawn, so the difference is the what-if's alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .. import rng
from ..cohort import run_cohort
from ..inputs import InputError, check_number
from ..params import ModelParams
from ..preparation import Setup
from ..rules.enacted import deviations
from .measures import dimensions
from .params import LifeParams
from .reunion import PHASES, ReunionRecord, code_reunion, simulate_reunion
from .run import MAX_AGE, LifeRun, base_care, live, lives_table, model_from_table
from .world import EVENTS, LifeSchedule, schedule

#: The what-ifs a life can be given (``none``: the life as drawn).
WHAT_IFS = ("none", "partner", "therapy")
#: Responsiveness, consistency and warmth of the what-if's partner (before the chooser's own
#: expectations shift it, as for every partner): a consistently responsive partner.
RESPONSIVE_PARTNER = 0.9
#: Correlation of a partner's three qualities through their shared factor (as
#: :func:`simulation.life.course.partner_care` draws them).
_PARTNER_RHO = 0.4


@dataclass(frozen=True)
class WhatIf:
    """A change to every person's life from ``age`` (years): ``kind`` is one of
    :data:`WHAT_IFS`."""

    kind: str = "none"
    age: float = 22.0

    def __post_init__(self) -> None:
        if self.kind not in WHAT_IFS:
            raise InputError(f"what-if must be one of {', '.join(WHAT_IFS)}, got {self.kind!r}")
        object.__setattr__(self, "age", check_number("what-if age", self.age, 2.0,
                                                     float(MAX_AGE)))


def with_responsive_partner(plan: LifeSchedule, age: float, q: LifeParams) -> LifeSchedule:
    """``plan`` with one more partner for everyone, together from ``age`` to the end (the
    partners the life would have brought from then on do not come)."""
    years = plan.partner.shape[0]
    y0 = int(age) - 1
    if y0 >= years:
        return plan
    new = int(plan.partner_z.shape[0])
    partner = plan.partner.copy()
    partner[y0:] = new
    # the bell variate (shared and own, all equal) that puts the partner at RESPONSIVE_PARTNER
    loading = _PARTNER_RHO + np.sqrt(1.0 - _PARTNER_RHO ** 2)
    z = (RESPONSIVE_PARTNER - q.partner_mean) / (q.partner_sd * loading) if q.partner_sd else 0.0
    row = np.full((1, 4, partner.shape[1]), z)
    return replace(plan, partner=partner, partner_z=np.concatenate([plan.partner_z, row]))


@dataclass
class Histories:
    """Persons run with the general model kept at every birthday."""

    table: pd.DataFrame  # run_lives' table for these persons
    run: LifeRun
    plan: LifeSchedule
    keys: np.ndarray
    start: np.ndarray  # (7, N) the model of the parents at 12 months
    p: ModelParams
    q: LifeParams
    to_age: int


def run_histories(care=None, infant_ids: Sequence[int] | np.ndarray = (0,), seed: int = 0, *,
                  population=None, temperament=None, params: ModelParams | None = None,
                  life: LifeParams | None = None, to_age: int = 30,
                  what_if: WhatIf | None = None) -> Histories:
    """Persons ``infant_ids`` from birth to ``to_age``, as :func:`run_lives` runs them (the
    same table, row for row, without a what-if), with every birthday's general model."""
    from ..inputs import check_int

    q = life if life is not None else LifeParams()
    to_age = check_int("to_age", to_age, 2, MAX_AGE)
    ids = np.asarray(infant_ids, dtype=np.int64).ravel()
    if ids.size == 0 or ids.min() < 0:
        raise InputError("infant_ids must list non-negative ids")
    what_if = what_if or WhatIf()
    setup = Setup(seed=seed, care=care, population=population, temperament=temperament,
                  params=params if params is not None else ModelParams())
    p = setup.effective_params()
    years = to_age - 1
    cohort = run_cohort(care, seed=seed, population=population, temperament=temperament,
                        params=params, infant_ids=ids, chunk_size=ids.size,
                        progress=False).table
    keys = rng.infant_keys(setup.seed, ids)
    start = model_from_table(cohort, p)
    reactivity = cohort["reactivity"].to_numpy(dtype=np.float64)
    base = base_care(setup, keys, ids, years)
    plan = schedule(keys, base, years, q,
                    what_if.age if what_if.kind == "therapy" else None, deviations(keys, 0, p))
    if what_if.kind == "partner":
        plan = with_responsive_partner(plan, what_if.age, q)
    run, plan = live(start, reactivity, keys, base, years, p, q, plan=plan, every_year=True)
    table = lives_table(cohort, run, plan, keys, to_age, p, q)
    return Histories(table, run, plan, keys, start, p, q, to_age)


@dataclass
class PersonHistory:
    """One person's life, year by year, and its adult measures."""

    row: dict  # the person's row of run_lives' table
    years: pd.DataFrame  # one row per year of age (see :func:`person_history`)
    partners: pd.DataFrame  # number, from_age, to_age, responsiveness, consistency, warmth
    events: list[tuple[int, str]]  # (age, event) in order
    latent: tuple[float, float]  # latent anxiety and avoidance (0-1) of the general model
    reunion: ReunionRecord  # the observed separation and reunion (one row)
    reunion_codes: dict[str, int]


def _spans(on: np.ndarray) -> list[tuple[int, int]]:
    """(first, last + 1) year indices of each run of True."""
    out, begin = [], None
    for y, v in enumerate(on):
        if v and begin is None:
            begin = y
        if not v and begin is not None:
            out.append((begin, y))
            begin = None
    if begin is not None:
        out.append((begin, len(on)))
    return out


def person_history(h: Histories, index: int = 0) -> PersonHistory:
    """Person ``index`` (the position in ``h``, not the id) year by year.

    ``years``: per year of age ``age`` (1 .. to_age - 1, the year from that birthday): the
    parents' care received (responsiveness, consistency, warmth, frightening), whether an
    alternative figure is present, the partner (0: none) and their responsiveness, therapy,
    the life events beginning that year; and the general model at that birthday (expected
    availability ``trust``, expected rebuff ``rebuff``, signal gain ``gain``). The last row is
    the birthday ``to_age`` (the general model only).
    """
    i = int(index)
    plan, run = h.plan, h.run
    years = plan.partner.shape[0]
    snap = {age: s for s, age in enumerate(run.ages)}
    rows = []
    for y in range(years + 1):
        age = 1 + y
        model = h.start[:, i] if age == 1 else run.snaps_general[snap[age], :, i]
        row = {"age": age, "trust": float(model[0]), "rebuff": float(model[4]),
               "gain": float(model[5])}
        if y < years:
            k = int(plan.partner[y, i])
            row.update({
                "responsiveness": float(plan.parent[0, y, i]),
                "consistency": float(plan.parent[1, y, i]),
                "warmth": float(plan.parent[2, y, i]),
                "frightening": float(plan.parent[3, y, i]),
                "alternative": bool(plan.alt_on[y, i]),
                "alternative_responsiveness": float(plan.alt[0, i]) if plan.alt_on[y, i]
                else np.nan,
                "partner": k,
                "partner_responsiveness": float(run.partner_care[k, 0, i]) if k else np.nan,
                "therapy": bool(plan.therapy_on[y, i]),
                "events": ", ".join(EVENTS[e] for e in range(len(EVENTS))
                                    if plan.events[e, y, i]),
            })
        rows.append(row)
    frame = pd.DataFrame(rows)
    partners = []
    for k in sorted(set(plan.partner[:, i].tolist()) - {0}):
        on = plan.partner[:, i] == k
        for a, b in _spans(on):
            partners.append({"number": k, "from_age": 1 + a, "to_age": 1 + b,
                             **{name: float(run.partner_care[k, c, i]) for c, name in
                                enumerate(("responsiveness", "consistency", "warmth"))}})
    events = [(1 + y, EVENTS[e]) for y in range(years) for e in range(len(EVENTS))
              if plan.events[e, y, i]]
    anxiety, avoidance = dimensions(run.general[:, [i]], h.p, h.q)
    record = simulate_reunion(run.relation[:, [i]], h.keys[[i]], h.p)
    codes = {k: int(v[0]) for k, v in code_reunion(record).items()}
    return PersonHistory(h.table.iloc[i].to_dict(), frame,
                         pd.DataFrame(partners, columns=["number", "from_age", "to_age",
                                                         "responsiveness", "consistency",
                                                         "warmth"]),
                         events, (float(anxiety[0]), float(avoidance[0])), record, codes)


#: Seconds of each phase of the adult separation and reunion (re-exported for the pages).
REUNION_PHASES = dict(PHASES)
