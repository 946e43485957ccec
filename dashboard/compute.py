"""Cached simulations and figures for the dashboard.

Every cached function is keyed on plain, hashable values (tuples of numbers, names, seeds), so
a slider that returns to an earlier value is answered from the cache. Caregiving is passed as a
*care spec*:

- ``("profile", (r, c, w, f[, u]))``: one constant way of caring (unresolved 0 if left out);
- ``("history", ((0, (r, c, w, f)), (month, (r, c, w, f))))``: care that changes at an age;
- ``("two", primary_history, secondary_history, share, from_month)``: a second caregiver.

A population is passed by preset name instead. Cohorts run in chunks of :data:`CHUNK` infants,
each cached on its own, so a progress bar moves on long runs (draws are keyed by infant, so
chunking never changes a result). The simulations run in :mod:`dashboard.workers`' small
process pool beside Streamlit's threads (``SSP_DASHBOARD_WORKERS``); the caches stay here.
Nothing is written to disk.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import workers

#: Infants per cached chunk of a cohort. Each run of the engine has a fixed cost (its loop over
#: the seconds of the procedure) besides the cost per infant, so chunks are large.
CHUNK = 1000
#: Grid of the Explore map (responsiveness and consistency values).
GRID = tuple(round(v, 2) for v in np.linspace(0.0, 1.0, 11))
#: The Explore map's default infants per square: 20 keep a square's share within about
#: +-11 points (10 made a noisy checkerboard, +-16), and the map (2,420 infants) is answered
#: within the page's 2 s (30 took 3 s on a busy 2-core machine).
EXPLORE_PER_CELL = 20

CareSpec = tuple


def profile_spec(values) -> CareSpec:
    return ("profile", tuple(round(float(v), 4) for v in values))


build_care = workers.care_from_spec


#: The server's process pool, one per server process (shared by all sessions).
pool = workers.shared_pool


# --- one dyad (Mesa model) ----------------------------------------------------------------


Dyad = workers.Dyad


@st.cache_data(max_entries=96, show_spinner=False)
def dyad(care: CareSpec | None, population: str | None = None, infant_id: int = 0,
         seed: int = 0, temperament: tuple | None = None, caregiver: str = "primary",
         age: float = 12.0) -> Dyad:
    """Run infant ``infant_id`` of a cohort alone through the Mesa model (replays exactly)."""
    return pool().run(workers.dyad_run, care, population, int(infant_id), int(seed),
                      temperament, caregiver, float(age))


# --- cohorts ------------------------------------------------------------------------------


#: Cache sizes bound the server's memory: a chunk of 1,000 infants is about 1 MB, an animated
#: episode about 1.5 MB.
@st.cache_data(max_entries=64, show_spinner=False)
def cohort_chunk(care: CareSpec | None, population: str | None, seed: int, first_id: int,
                 size: int, temperament: tuple | None = None, caregiver: str = "primary",
                 age: float = 12.0) -> pd.DataFrame:
    """Infants ``first_id .. first_id + size - 1`` of a cohort (one cached chunk)."""
    return pool().run(workers.cohort_table, care, population, int(seed), int(first_id),
                      int(size), temperament, caregiver, float(age))


def _chunked(run: Callable[[int, int], pd.DataFrame], n: int, label: str | None,
             chunk: int = CHUNK) -> pd.DataFrame:
    starts = list(range(0, int(n), chunk))
    bar = st.progress(0.0, text=label) if label and len(starts) > 1 else None
    parts = []
    for i, start in enumerate(starts):
        parts.append(run(start, min(chunk, int(n) - start)))
        if bar is not None:
            bar.progress((i + 1) / len(starts), text=f"{label} ({min(n, start + chunk):,} of "
                         f"{n:,} infants)")
    if bar is not None:
        bar.empty()
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def cohort(care: CareSpec | None, population: str | None, n: int, seed: int,
           temperament: tuple | None = None, caregiver: str = "primary", age: float = 12.0,
           label: str | None = "Simulating infants") -> pd.DataFrame:
    """A cohort's per-infant table, run (and cached) chunk by chunk with a progress bar."""
    return _chunked(lambda start, size: cohort_chunk(care, population, seed, start, size,
                                                     temperament, caregiver, age), n, label)


# --- typical and atypical infants of a way of caring ---------------------------------------

#: Infants of the cohort that says what a way of caring typically makes of an infant (root seed
#: :data:`TYPICAL_SEED`, the shown infant's temperament): about 0.2 s, cached per care.
TYPICAL_N = 200
TYPICAL_SEED = 0
#: Classification groups in words, for students.
GROUP_WORDS = {"A": "avoidant (A)", "B": "secure (B)", "C": "ambivalent (C)",
               "D": "disorganized (D)"}


@dataclass(frozen=True)
class CarePattern:
    """What one way of caring makes of infants of one temperament: each group's share in a
    cohort of :data:`TYPICAL_N` (root seed :data:`TYPICAL_SEED`, so infant ``k`` of it is the
    infant ``dyad(care, None, k, TYPICAL_SEED, temperament)`` replays), and its modal group.

    Nothing here is chosen by hand: the typical infant is the first of the cohort that the coder
    put in the modal group, the atypical ones those it put elsewhere.
    """

    groups: tuple[str, ...]  # the coder's group (A, B, C, D) of infant 0, 1, ...
    shares: tuple[tuple[str, float], ...]  # (group, share), largest first

    @property
    def modal(self) -> str:
        return self.shares[0][0]

    def share(self, group: str) -> float:
        return dict(self.shares).get(group, 0.0)

    def typical(self) -> int:
        """The first infant the coder put in the modal group."""
        return self.groups.index(self.modal)

    def atypical(self, after: int = -1) -> int | None:
        """The next infant after ``after`` (cycling) that the coder put in another group than
        the modal one; None if every infant of the cohort is in the modal group."""
        n = len(self.groups)
        for step in range(1, n + 1):
            k = (after + step) % n
            if self.groups[k] != self.modal:
                return k
        return None


def care_pattern_from(groups) -> CarePattern:
    """The pattern of a cohort's groups (in infant order)."""
    groups = tuple(str(g) for g in groups)
    counts = pd.Series(groups).value_counts()
    # largest share first; a tie goes to the group whose first infant comes first
    order = sorted(counts.index, key=lambda g: (-counts[g], groups.index(g)))
    return CarePattern(groups, tuple((g, float(counts[g]) / len(groups)) for g in order))


def care_pattern(care: CareSpec, temperament: tuple) -> CarePattern:
    """The pattern of a way of caring (``("profile", ...)`` spec) for infants of a fixed
    temperament ``(reactivity, soothability)``, from a cached cohort run."""
    table = cohort_chunk(care, None, TYPICAL_SEED, 0, TYPICAL_N, tuple(temperament))
    return care_pattern_from(table["group"])


def population_pattern(population: str, seed: int = TYPICAL_SEED) -> CarePattern:
    """The pattern of a population preset's first :data:`TYPICAL_N` infants (root seed
    ``seed``; infant ``k`` replays as ``dyad(None, population, k, seed, None)``): for a page that
    shows infants of a population (the coder exercise), its typical and atypical ones."""
    return care_pattern_from(cohort_chunk(None, population, int(seed), 0, TYPICAL_N)["group"])


def preset_spec(name: str) -> CareSpec:
    """The care spec of a caregiving preset."""
    from simulation.presets import PRESETS

    return profile_spec(PRESETS[name].profile.as_dict().values())


def typical_infant(preset: str, temperament: tuple = (0.5, 0.5)) -> int:
    """The infant number a page opens on for a caregiving preset: the first infant of the
    preset's cohort that shows its modal pattern (for the coder exercise and links)."""
    return care_pattern(preset_spec(preset), temperament).typical()


def share_sentence(pattern: CarePattern, group: str, makes: str = "this care makes") -> str:
    """Where one infant stands among those its care makes: "one of the 78% of infants this care
    makes ambivalent (C): the typical outcome" (or an atypical infant, said as such); ``makes``
    names what made them (e.g. "this population has")."""
    share = pattern.share(group)
    words = GROUP_WORDS.get(group, group)
    if group == pattern.modal:
        return f"one of the {share:.0%} of infants {makes} {words}: the typical outcome"
    return (f"one of the {share:.0%} of infants {makes} {words}: an atypical infant "
            f"(most are {GROUP_WORDS.get(pattern.modal, pattern.modal)})")


# --- the Explore map ----------------------------------------------------------------------


@st.cache_data(max_entries=128, show_spinner=False)
def grid_chunk(warmth: float, frightening: float, seed: int, first_id: int,
               size: int) -> pd.DataFrame:
    return pool().run(workers.grid_table, GRID, float(warmth), float(frightening), int(seed),
                      int(first_id), int(size))


def grid(warmth: float, frightening: float, per_cell: int, seed: int,
         label: str | None = "Simulating the map") -> pd.DataFrame:
    """Shares of each classification in every (responsiveness, consistency) cell."""
    from simulation.plots.maps import grid_shares

    n = len(GRID) ** 2 * int(per_cell)
    table = _chunked(lambda start, size: grid_chunk(warmth, frightening, seed, start, size),
                     n, label, chunk=len(GRID) ** 2 * 10)
    return grid_shares(table)


# --- the home year, month by month --------------------------------------------------------


@st.cache_data(max_entries=32, show_spinner=False)
def monthly_course(care: CareSpec, n: int, seed: int, age: float = 12.0) -> pd.DataFrame:
    """Working model month by month: mean and quartiles per caregiver, variable and month."""
    from simulation.preparation import Setup, prepare

    setup = Setup(seed=int(seed), care=build_care(care), age_months=float(age))
    dev = prepare(setup, np.arange(int(n))).development
    labels = setup.care.caregivers
    rows = []
    for who, monthly in zip(labels, dev.monthly, strict=False):
        for var, values in monthly.items():
            q1, med, q3 = np.percentile(values, [25, 50, 75], axis=0)
            for month in range(values.shape[1]):
                rows.append((who, var, month, float(values[:, month].mean()), float(q1[month]),
                             float(med[month]), float(q3[month])))
    return pd.DataFrame(rows, columns=["caregiver", "variable", "month", "mean", "q25", "median",
                                       "q75"])


# --- the player's data (sent to the browser once per dyad) ----------------------------------


@st.cache_data(max_entries=96, show_spinner=False)
def player_dyad(dyad_args: tuple, title: str, label: str, colour: str) -> dict:
    """One dyad as the player needs it (:func:`dashboard.player.dyad_payload`)."""
    from dashboard.player import Shown, dyad_payload

    return dyad_payload(dyad(*dyad_args), Shown(title, label, colour))


# --- figures as PNG (cached with the simulation they show) ---------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def map_png(kind: str, warmth: float, frightening: float, per_cell: int, seed: int,
            current: tuple, presentation: bool) -> bytes:
    """The Explore map as PNG: "classification" (most common) or "shares" (each one)."""
    from dashboard.ui import png_bytes
    from simulation.plots.maps import classification_map, share_maps

    draw = {"classification": classification_map, "shares": share_maps}[kind]
    shares = grid(warmth, frightening, per_cell, seed, label=None)
    return png_bytes(draw(shares, current=current, presentation=presentation))


def course_png(frame: pd.DataFrame, change_month, presentation: bool) -> bytes:
    """The working model month by month as PNG (drawn when its download is asked for)."""
    from dashboard.ui import png_bytes
    from simulation.plots.profiles import working_model_course

    return png_bytes(working_model_course(frame, change_month=change_month,
                                          presentation=presentation))


@st.cache_data(max_entries=32, show_spinner=False)
def trace_png(kind: str, dyad_args: tuple, presentation: bool, title: str | None = None) -> bytes:
    """A figure of one dyad's trace as PNG: "ethogram" (the whole procedure, second by second)
    or "arousal" (internal arousal beside overt crying)."""
    from dashboard.ui import png_bytes
    from simulation.plots.timeline import arousal_and_crying, ethogram

    draw = {"ethogram": ethogram, "arousal": arousal_and_crying}[kind]
    return png_bytes(draw(dyad(*dyad_args).trace, presentation=presentation, title=title))


@st.cache_data(max_entries=24, show_spinner=False)
def episode_gif(dyad_args: tuple, episode: int | None, presentation: bool, step: int = 3,
                width: int = 620, text_scale: float = 1.0) -> bytes:
    """The room animated over one episode (or the whole procedure if ``episode`` is None)."""
    from simulation.plots.room import episode_seconds, room_gif

    trace = dyad(*dyad_args).trace
    seconds = None if episode is None else episode_seconds(trace, int(episode))
    return room_gif(trace, seconds, step=step, fps=8, presentation=presentation, width=width,
                    text_scale=text_scale)


@st.cache_data(max_entries=64, show_spinner=False)
def population_png(kind: str, cohort_args: tuple, presentation: bool,
                   published: str | None = None) -> bytes:
    """A population figure as PNG, cached with the cohort it shows.

    ``kind``: "distribution" (against the published distribution ``published``), "subgroups",
    "episodes", "reunions" or "hidden" (crying beside internal arousal).
    """
    from dashboard.ui import png_bytes
    from simulation.literature import DISTRIBUTIONS
    from simulation.plots import distribution, profiles

    table = cohort(*cohort_args, label=None)
    if kind == "distribution":
        fig = distribution.distribution_figure(table, DISTRIBUTIONS[published],
                                               presentation=presentation,
                                               title="Simulated vs published")
    elif kind == "subgroups":
        fig = distribution.subgroup_figure(table, presentation=presentation)
    elif kind == "episodes":
        fig = profiles.episode_profile(table, ("crying", "exploration"),
                                       presentation=presentation)
    elif kind == "reunions":
        fig = profiles.reunion_profile(table, presentation=presentation)
    elif kind == "hidden":
        fig = profiles.episode_profile(table, ("crying", "arousal"), presentation=presentation)
    else:
        raise ValueError(f"unknown population figure {kind!r}")
    return png_bytes(fig)


# --- warming the cache at start -----------------------------------------------------------


def _warm() -> None:
    """Run what a class opens first, with each page's default settings: Watch (and the three
    patterns), the population preset, the map, the coder's first infant, Change over time, then
    a cohort for every caregiving preset. (Figures are not drawn ahead: the pages' charts are
    drawn in the browser, and the exported figures when asked for.)"""
    from simulation.presets import PRESETS

    def spec(name: str) -> CareSpec:
        return profile_spec(PRESETS[name].profile.as_dict().values())

    def profile(name: str) -> tuple:
        return tuple(PRESETS[name].profile.as_dict().values())

    def typical(name: str) -> None:  # the pattern of a preset, then its typical infant
        dyad(spec(name), None, typical_infant(name), TYPICAL_SEED, (0.5, 0.5))

    jobs = [
        lambda: typical("sensitive"),
        lambda: cohort(None, "global", 400, 0, ("mean", 0.5), label=None),
        lambda: typical("rejecting"),
        lambda: typical("inconsistent"),
        lambda: grid(0.7, 0.0, EXPLORE_PER_CELL, 0, label=None),
        lambda: dyad(None, "low-risk-abcd", 1, 0, None),  # the coder's first mystery infant
        lambda: cohort(("history", ((0.0, profile("inconsistent")), (6.0, profile("sensitive")))),
                       None, 400, 0, label=None),
        lambda: cohort(("profile", profile("inconsistent")), None, 400, 0, label=None),
        lambda: cohort(("profile", profile("sensitive")), None, 400, 0, label=None),
    ]
    jobs += [lambda name=name: cohort(spec(name), None, 400, 0, ("mean", 0.5), label=None)
             for name in PRESETS]
    jobs += [lambda name=name: typical(name) for name in PRESETS]
    for job in jobs:
        try:
            job()
        except Exception:  # noqa: BLE001 - warming is best effort; pages compute on demand
            return


@st.cache_resource(show_spinner=False)
def start_warming() -> threading.Thread | None:
    """Warm the caches in a background thread, once per server process (from the first
    visit: open the dashboard once before class and the pages a class opens first are ready).

    Set ``SSP_DASHBOARD_WARM=0`` to skip (most tests do). Never in a pool's worker process.
    """
    if os.environ.get("SSP_DASHBOARD_WARM", "1") == "0" or workers.in_worker():
        return None
    thread = threading.Thread(target=_warm, name="ssp-dashboard-warm", daemon=True)
    thread.start()
    return thread
