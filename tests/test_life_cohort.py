"""run_lives: the contract's columns, infancy from the infant engine, reproducibility, the
intergenerational loop and its transmission gap."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation import run_cohort, run_lives
from simulation.caregiving import CaregiverProfile
from simulation.inputs import InputError
from simulation.life import LifeParams
from simulation.life.measures import STYLES, STYLES3
from simulation.life.params import life_record
from simulation.life.transmission import children, parenting
from simulation.params import ModelParams
from simulation.population_presets import get_population

POP = get_population("global")
CONTRACT = ["infant_id", "infant_group", "infant_abc_group",
            *[f"secure_at_{a}" for a in (1, 3, 6, 12, 18, 25, 30)],
            "adult_anxiety", "adult_avoidance", "adult_style", "adult_style3", "life_events",
            "alt_figure", "partner_responsiveness", "therapy", "adult_obs_distress",
            "adult_obs_support_seeking", "adult_obs_protest", "adult_obs_withdrawal"]


@pytest.fixture(scope="module")
def lives():
    return run_lives(n_persons=240, seed=4, population=POP)


def test_the_contracts_columns_and_their_values(lives):
    assert list(lives.columns[:len(CONTRACT)]) == CONTRACT
    assert len(lives) == 240
    assert set(lives["infant_group"]) <= {"A", "B", "C", "D"}
    assert set(lives["infant_abc_group"]) <= {"A", "B", "C"}
    assert set(lives["adult_style"]) <= set(STYLES)
    assert set(lives["adult_style3"]) <= set(STYLES3)
    for name in ("adult_anxiety", "adult_avoidance"):
        assert lives[name].between(1, 7).all()
    for name in [c for c in lives if c.startswith("adult_obs_")]:
        assert lives[name].between(1, 7).all() and lives[name].nunique() > 2
    for name in [c for c in lives if c.startswith("secure_at_")] + ["alt_figure", "therapy"]:
        assert set(lives[name]) <= {0, 1}
    single = lives["partners"] == 0
    assert lives.loc[single, "partner_responsiveness"].isna().all()
    assert lives.loc[~single, "partner_responsiveness"].between(0, 1).all()
    assert (lives["therapy"] == 0).all()  # nobody without therapy_age
    assert (lives["life_events"] == lives.filter(like="event_").sum(axis=1)).all()


def test_the_infant_group_is_the_infant_engines(lives):
    infants = run_cohort(n_infants=240, seed=4, population=POP).table
    assert (lives["infant_group"].to_numpy() == infants["group"].to_numpy()).all()
    assert (lives["infant_abc_group"].to_numpy() == infants["abc_group"].to_numpy()).all()
    assert (lives["secure_at_1"] == (infants["group"] == "B")).all()


def test_person_k_is_the_same_alone_in_any_cohort_and_chunking(lives):
    alone = run_lives(infant_ids=[7], seed=4, population=POP)
    chunked = run_lives(n_persons=240, seed=4, population=POP, chunk_size=37, threads=2)
    pd.testing.assert_frame_equal(alone.reset_index(drop=True),
                                  lives[lives.infant_id == 7].reset_index(drop=True))
    pd.testing.assert_frame_equal(chunked, lives)
    other_seed = run_lives(n_persons=240, seed=5, population=POP)
    assert not other_seed["adult_anxiety"].equals(lives["adult_anxiety"])


def test_shorter_lives_report_only_the_ages_they_reach():
    short = run_lives(n_persons=20, population=POP, to_age=12)
    assert [c for c in short if c.startswith("secure_at_")] == [
        "secure_at_1", "secure_at_3", "secure_at_6", "secure_at_12"]
    assert (short["partners"] == 0).all()  # no partners before 16


def test_therapy_is_a_bounded_relationship_that_lowers_anxiety():
    care = CaregiverProfile(0.45, 0.15, 0.85)  # inconsistent: anxious adults
    without = run_lives(care, 300, seed=2, to_age=30)
    with_therapy = run_lives(care, 300, seed=2, to_age=30, therapy_age=27)
    assert (with_therapy["therapy"] == 1).all()
    drop = without["adult_anxiety"].mean() - with_therapy["adult_anxiety"].mean()
    sd = without["adult_anxiety"].std()
    assert 0 < drop < sd  # an effect, no larger than published change in therapy


def test_bad_values_are_refused_with_their_name():
    for kwargs, word in (({"to_age": -1}, "to_age"), ({"to_age": 500}, "to_age"),
                         ({"n_persons": 0}, "infants"), ({"therapy_age": 0}, "therapy_age"),
                         ({"child": True, "to_age": 20}, "parent_age"),
                         ({"life": {"x": 1}}, "LifeParams")):
        with pytest.raises(InputError, match=word):
            run_lives(population=POP, **kwargs)
    with pytest.raises(InputError, match="general_floor"):
        LifeParams(general_floor=2.0)


def test_the_transmission_gap_exists_with_sensitivity_held_fixed():
    # parents with the same expected availability and gain (so the same responsiveness and
    # consistency in expectation) but different expected rebuff and fear: their children's
    # security differs through warmth and fright, which Ainsworth's sensitivity does not read
    p, q = ModelParams(), LifeParams(care_noise=0.0)
    n = 400
    ids = np.arange(n)
    keys = np.zeros(n, dtype=np.uint64)
    secure = np.array([0.65, 0.65, 0.65, 0.0, 0.15, 0.4, 0.0])
    insecure = np.array([0.65, 0.65, 0.65, 0.0, 0.6, 0.4, 0.5])
    no = np.zeros(n)
    none = np.zeros(n, dtype=bool)
    care_s = parenting(np.repeat(secure[:, None], n, axis=1), no, none, keys, p, q)
    care_i = parenting(np.repeat(insecure[:, None], n, axis=1), no, none, keys, p, q)
    # hold sensitivity fixed: the insecure parent's responsiveness and consistency set equal
    care_i["responsiveness"] = care_s["responsiveness"].copy()
    care_i["consistency"] = care_s["consistency"].copy()
    kids_s = children(care_s, ids, 3, p, 1)
    kids_i = children(care_i, ids, 3, p, 1)
    assert (kids_s["group"] == "B").mean() > (kids_i["group"] == "B").mean() + 0.15


def test_the_second_generation_goes_through_the_infant_engine():
    table = run_lives(n_persons=120, seed=6, population=POP, child=True)
    assert set(table["child_group"]) <= {"A", "B", "C", "D"}
    assert set(table["child_abc_group"]) <= {"A", "B", "C"}
    # the child of person k under the care the table reports is what run_cohort gives alone
    k = 17
    row = table.set_index("infant_id").loc[k]
    care = CaregiverProfile(*(float(row[f"child_care_{name}"]) for name in (
        "responsiveness", "consistency", "warmth", "frightening", "unresolved")))
    assert care.sensitivity == pytest.approx(row["child_care_sensitivity"], abs=1e-2)
    alone = run_lives(infant_ids=[k], seed=6, population=POP, child=True)
    assert alone["child_group"].iloc[0] == row["child_group"]


def test_life_record_carries_every_parameter():
    q = LifeParams(alt_share=0.4)
    record = life_record(q)
    assert set(record.dtype.names) == set(LifeParams.names())
    assert record["alt_share"] == 0.4


def test_the_odd_lists_every_life_course_parameter():
    from pathlib import Path

    odd = (Path(__file__).resolve().parent.parent / "docs" / "ODD.md").read_text()
    section = odd[odd.index("## 9. The life course"):]
    for name in LifeParams.names():
        assert f"| `{name}` |" in section, name


def test_a_parents_unresolved_loss_becomes_unresolved_care_not_frightening_care():
    from simulation.life.transmission import UNRESOLVED_LEVEL

    p, q = ModelParams(), LifeParams(care_noise=0.0)
    n = 400
    keys = np.arange(n, dtype=np.uint64) * np.uint64(7919)
    general = np.repeat(np.array([0.65, 0.65, 0.65, 0.0, 0.15, 0.4, 0.0])[:, None], n, axis=1)
    lost = parenting(general, np.zeros(n), np.ones(n, dtype=bool), keys, p, q)
    spared = parenting(general, np.zeros(n), np.zeros(n, dtype=bool), keys, p, q)
    assert np.all(spared["unresolved"] == 0.0)
    assert set(np.unique(lost["unresolved"])) <= {0.0, UNRESOLVED_LEVEL}
    assert 0.1 < np.mean(lost["unresolved"] > 0) < 0.9  # whether it stays unresolved: chance
    assert np.array_equal(lost["frightening"], spared["frightening"])  # fear, not the loss


def test_interview_and_self_report_read_different_things():
    # the same persons, measured with the self-report reading the general model the interview
    # also reads (the old reading), and as it now does: romantic model and temperament
    old = LifeParams(ecr_romantic=0.0, ecr_temperament=0.0)
    now, before = (run_lives(n_persons=800, seed=11, population=POP, life=q)
                   for q in (LifeParams(), old))
    assert (now["secure_at_30"] == before["secure_at_30"]).all()  # the interview is unchanged

    def r(t):
        return np.corrcoef(t["secure_at_30"], t["adult_style"] == "secure")[0, 1]

    assert r(now) < r(before) - 0.1
    # adults whose interview reads insecure describe themselves as secure more often
    insecure = now["secure_at_30"] == 0
    assert (now.loc[insecure, "adult_style"] == "secure").mean() > \
        (before.loc[insecure, "adult_style"] == "secure").mean() + 0.05


def test_self_reported_anxiety_carries_the_temperament():
    reactivity = run_cohort(population=POP, n_infants=500, seed=12,
                            progress=False).table["reactivity"]

    def r(weight):
        t = run_lives(n_persons=500, seed=12, population=POP,
                      life=LifeParams(ecr_temperament=weight))
        return np.corrcoef(t["adult_anxiety"], reactivity)[0, 1]

    assert abs(r(0.0)) < 0.15 and r(0.5) > 0.4


def test_a_responsive_partner_moves_the_romantic_self_report_more():
    # the what-if's responsive partner from 20: the romantic model learns from the partner
    # directly, the general model only among all of life's relationships
    from simulation.life.history import WhatIf, run_histories

    ids = np.arange(300)

    def drop(q):
        base = run_histories(population=POP, infant_ids=ids, seed=13, life=q).table
        partner = run_histories(population=POP, infant_ids=ids, seed=13, life=q,
                                what_if=WhatIf("partner", 20)).table
        return base["adult_avoidance"].mean() - partner["adult_avoidance"].mean()

    general_only = drop(LifeParams(ecr_romantic=0.0))
    assert general_only > 0.0 and drop(LifeParams()) > general_only + 0.2


def test_therapy_lowers_the_temperaments_part_of_reported_anxiety():
    # the same lives with therapy at 20: a course lowers negative emotionality, and with it
    # half of reported anxiety's temperament share (Roberts et al. 2017); avoidance is the same
    def lives(weight):
        return run_lives(n_persons=300, seed=14, population=POP, therapy_age=20.0,
                         life=LifeParams(therapy_emotionality=weight))

    with_change, without = lives(0.075), lives(0.0)
    drop = (without["adult_anxiety"] - with_change["adult_anxiety"]).mean()
    assert 0.15 < drop < 0.3  # 0.5 x 0.075 x 6 scale points, less where the scale is clipped
    assert (without["adult_avoidance"] == with_change["adult_avoidance"]).all()


def test_the_state_of_mind_mixes_into_the_shared_part_of_the_enacted_draw():
    from simulation.life.transmission import shaped_deviations
    from simulation.rules.enacted import deviations

    p = ModelParams()
    keys = np.arange(2000, dtype=np.uint64) * np.uint64(104729)
    margin = np.linspace(-0.4, 0.4, keys.size)
    drawn = deviations(keys, 0, p)
    # no loading: the dyad's draw as any dyad's
    assert np.array_equal(shaped_deviations(keys, margin, p, LifeParams(state_of_mind_care=0.0)),
                          drawn)
    # full loading at a neutral state of mind: only the shared variate goes, the same for the
    # three parameters, so each parameter keeps its own part of the draw
    full = shaped_deviations(keys, np.zeros(keys.size), p, LifeParams(state_of_mind_care=1.0))
    gone = drawn - full
    assert np.allclose(gone[0], gone[1]) and np.allclose(gone[0], gone[2])
    assert np.std(gone[0]) > 0.5 * p.enacted_care_sd / np.sqrt(2.0)
    # a loading: the shift follows the state of mind and keeps about its spread
    q = LifeParams(state_of_mind_care=0.6)
    shaped = shaped_deviations(keys, margin, p, q)
    shared = shaped.mean(axis=0)
    assert np.corrcoef(shared, margin)[0, 1] > 0.4
    assert np.corrcoef(drawn.mean(axis=0), margin)[0, 1] < 0.1
    assert np.std(shaped) == pytest.approx(np.std(drawn), rel=0.15)


def test_a_parents_state_of_mind_reaches_the_child_beyond_the_rated_care():
    # the same rated care for every parent; an autonomous state of mind (margin above 0) or an
    # insecure one shapes the care the child meets, not the care the rating reports
    p = ModelParams()
    n = 600
    ids = np.arange(n)
    care = {"responsiveness": np.full(n, 0.55), "consistency": np.full(n, 0.6),
            "warmth": np.full(n, 0.7), "frightening": np.zeros(n), "unresolved": np.zeros(n)}
    up, down = np.full(n, 0.2), np.full(n, -0.2)
    q = LifeParams()
    secure_b = (children(care, ids, 5, p, 1, up, q)["group"] == "B").mean()
    insecure_b = (children(care, ids, 5, p, 1, down, q)["group"] == "B").mean()
    assert secure_b > insecure_b + 0.10
    off = LifeParams(state_of_mind_care=0.0)
    plain = children(care, ids, 5, p, 1)["group"]
    assert (children(care, ids, 5, p, 1, up, off)["group"] == plain).all()
