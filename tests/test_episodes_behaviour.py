"""The room episode by episode on a small cohort of the calibrated ``global`` population
(directions by group, Ainsworth et al. 1978, ch. 5-6), measured as the coder measures them:
frequency rates per 15-s interval and the interactive scales (experiments/episodes/)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation import run_cohort
from simulation.population_presets import get_population

N = 600


@pytest.fixture(scope="module")
def cohort():
    result = run_cohort(population=get_population("global"), n_infants=N, seed=31,
                        scales=True, progress=False)
    return result.table, result.scales


def scale(cohort, name: str, toward: str, episode: int, group: str | None = None) -> float:
    table, scales = cohort
    rows = scales[(scales.scale == name) & (scales.toward == toward)
                  & (scales.episode == episode) & (scales.score > 0)]
    if group is not None:
        ids = table.loc[table.abc_group == group, "infant_id"]
        rows = rows[rows.infant_id.isin(ids)]
    return float(rows.score.mean())


def rate(table: pd.DataFrame, measure: str, episode: int, group: str | None = None) -> float:
    rows = table if group is None else table[table.abc_group == group]
    return float(rows[f"ep{episode}_{measure}"].mean())


def test_exploration_falls_when_the_stranger_enters(cohort):
    table, _ = cohort
    drop = table.ep2_exploration - table.ep3_exploration
    assert drop.mean() > 0.08 and drop.mean() > 4 * drop.std() / np.sqrt(len(drop))


def test_attachment_behaviour_is_weak_before_the_first_separation(cohort):
    for ep in (2, 3):
        assert scale(cohort, "proximity_seeking", "caregiver", ep, "B") < 3.5
        assert scale(cohort, "contact_maintaining", "caregiver", ep, "B") < 2.5
    assert (scale(cohort, "proximity_seeking", "caregiver", 5, "B")
            > scale(cohort, "proximity_seeking", "caregiver", 2, "B") + 2)


def test_contact_maintaining_is_strongest_in_episode_8(cohort):
    for group in (None, "B"):
        assert (scale(cohort, "contact_maintaining", "caregiver", 8, group)
                > scale(cohort, "contact_maintaining", "caregiver", 5, group))


def test_resistance_is_aimed_at_the_caregiver_not_the_stranger(cohort):
    at_her = scale(cohort, "resistance", "caregiver", 8, "C")
    at_stranger = max(scale(cohort, "resistance", "stranger", e, "C") for e in (4, 7))
    assert at_her > at_stranger + 0.5


def test_wariness_of_the_stranger_is_moderate(cohort):
    for group in ("A", "B", "C"):
        for ep in (3, 4, 7):
            assert scale(cohort, "avoidance", "stranger", ep, group) < 4.2


def test_avoidant_infants_explore_by_displacement_not_at_ceiling(cohort):
    table, _ = cohort
    assert rate(table, "exploration", 6, "A") < 0.8  # alone and distressed, play falls too
    assert rate(table, "exploration", 6, "A") < rate(table, "exploration", 5, "A")
    assert rate(table, "exploration", 6, "A") > rate(table, "exploration", 6, "B")


def test_some_ambivalent_infants_are_not_settled_in_the_reunion(cohort):
    table, _ = cohort
    not_settled = {g: float((table.loc[table.abc_group == g, "ep8_crying"] >= 0.5).mean())
                   for g in ("B", "C")}
    assert not_settled["C"] > 0.15 and not_settled["C"] > 3 * not_settled["B"]


def test_visual_exploration_and_locomotion_occur(cohort):
    table, _ = cohort
    assert rate(table, "visual_exploration", 3) > 0.05  # looking at the room, the stranger's
    assert rate(table, "visual_exploration", 6) > 0.2  # entrance; sitting alone, looking about
    assert rate(table, "locomotion", 6) > 0.1  # alone: going to the door
    approaching = (table.filter(like="_locomotion") > 0).mean().mean()
    assert approaching > 0.3


def test_the_episode_table_script_prints_every_measure_in_every_episode(cohort, tmp_path):
    """experiments/episodes/episodes.py cannot rot: its table has every measure toward both
    adults in the episodes they are in, and its Markdown names every group."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "experiments" / "episodes" / "episodes.py"
    spec = importlib.util.spec_from_file_location("episodes_script", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    table, scales = cohort
    long = script.episode_means(table, scales)
    b = script.wide(long, "B")
    assert list(b.index) == list(range(1, 9))
    assert b.loc[3, "AV_st"] > 1 and np.isnan(b.loc[6, "PS_cg"]) and b.loc[5, "CM_cg"] > 1
    assert b[["cry", "expl", "vis", "loco", "srch"]].notna().all().all()
    settled = script.unsettled(table)
    counts = table.abc_group.value_counts().to_dict()
    text = script.markdown(long, counts, "### t", settled)
    assert all(f"**Group {g}**" in text for g in "ABC") and "not settled" in text
