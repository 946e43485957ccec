"""Disorganization rating 1-9 from the Main & Solomon (1990) indices in the record."""

from __future__ import annotations

import numpy as np
import pytest
from records import RecordBuilder

from simulation.codes import Action
from simulation.observer import code_record
from simulation.observer.disorganization import D_CUTOFF, RATING_THRESHOLDS, rating_from_points

A = Action


def d_of(builder: RecordBuilder) -> int:
    return int(code_record(builder.build()).d_rating[0])


def test_no_index_rates_1():
    assert d_of(RecordBuilder()) == 1


@pytest.mark.parametrize("action", [A.FREEZE, A.APPROACH_BROKEN, A.APPREHENSION])
def test_each_lapse_counts_in_the_caregivers_presence(action):
    assert d_of(RecordBuilder().act(2, 50, 51, action, "caregiver")) == 2


@pytest.mark.parametrize("episode", [4, 6, 7])
def test_lapses_without_the_caregiver_do_not_count(episode):
    assert d_of(RecordBuilder().act(episode, 50, 55, A.FREEZE).cry(episode, 50, 55)) == 1


def points_of(builder: RecordBuilder) -> int:
    return int(code_record(builder.build()).disorganization["points"][0])


def test_reunions_weigh_double():
    assert points_of(RecordBuilder().act(2, 50, 51, A.FREEZE)) == 1
    assert points_of(RecordBuilder().act(8, 50, 51, A.FREEZE)) == 2
    assert d_of(RecordBuilder().bouts(8, [50, 70], 1, A.FREEZE)) == 3  # 4 points


def test_distress_adds_weight_but_one_lapse_is_not_d():
    rating = d_of(RecordBuilder().act(8, 50, 51, A.FREEZE, cry=2))  # (1 + 1) x 2 = 4 points
    assert rating == 3 and rating < D_CUTOFF


def test_repeated_distressed_lapses_in_a_reunion_are_d():
    b = RecordBuilder().bouts(8, [50, 70], 1, A.FREEZE, cry=2)  # (2 + 2) x 2 = 8 points
    assert d_of(b) == D_CUTOFF


def test_prolonged_freezing_is_d():
    assert d_of(RecordBuilder().act(8, 50, 70, A.FREEZE)) == 5  # (1 + 2 x 2 long) x 2 = 10


def test_strong_seeking_then_abrupt_avoidance_is_contradictory():
    """Approach for 4 s, then turning away for 3 s beginning 2 s later."""
    quick = RecordBuilder().approach(8, 10, 14, reach=False).act(8, 16, 19, A.AVOID, "caregiver")
    coding = code_record(quick.build())
    assert coding.disorganization["contradictions"][0, 7] == 1
    assert coding.d_rating[0] == 2  # one index in a reunion: 2 points, a slight sign


@pytest.mark.parametrize(
    "approach, avoid",
    [((10, 14), (17, 20)),  # avoidance begins 3 s after the approach: not sudden
     ((10, 14), (16, 18)),  # only 2 s of avoidance: not abrupt avoidance
     ((10, 12), (12, 16))],  # a 2-s approach then turning away: A2 mixing, organized
)
def test_mixed_approach_and_avoidance_is_not_disorganized(approach, avoid):
    b = RecordBuilder().approach(8, *approach, reach=False).act(8, *avoid, A.AVOID, "caregiver")
    coding = code_record(b.build())
    assert coding.disorganization["contradictions"][0].sum() == 0
    assert coding.d_rating[0] == 1


def test_clinging_then_freezing_is_contradictory():
    b = RecordBuilder().contact(5, 10, 30).act(5, 30, 31, A.FREEZE)
    coding = code_record(b.build())
    assert coding.disorganization["contradictions"][0, 4] == 1
    assert coding.disorganization["lapses"][0, 4] == 1
    assert coding.d_rating[0] == 3  # (1 lapse + 1 contradiction) x 2 = 4 points
    assert coding.group[0] != "D"


def test_strongest_rating_is_9():
    b = RecordBuilder()
    for ep in (5, 8):
        b.bouts(ep, range(10, 170, 10), 3, A.FREEZE, cry=2)
    assert d_of(b) == 9


def test_rating_scale_bounds_and_monotone():
    points = np.arange(0, 40)
    ratings = rating_from_points(points)
    assert ratings[0] == 1 and ratings[-1] == 9
    assert (np.diff(ratings) >= 0).all()
    assert rating_from_points(np.array([RATING_THRESHOLDS[3]]))[0] == D_CUTOFF


def test_d_is_reported_beside_the_forced_abc():
    b = RecordBuilder().approach(8, 5, 10).contact(8, 10, 100).approach(5, 5, 10)
    b.contact(5, 10, 100).bouts(8, [110, 130, 150], 2, A.APPREHENSION, "caregiver", cry=2)
    coding = code_record(b.build())
    assert coding.group[0] == "D" and coding.classification[0] == "disorganized"
    assert coding.abc_group[0] == "B" and coding.subgroup[0].startswith("B")
    frame = coding.to_frame()
    assert frame.loc[0, "group"] == "D" and frame.loc[0, "abc_group"] == "B"
    assert frame.loc[0, "d_rating"] >= D_CUTOFF


def test_below_cutoff_the_group_is_the_forced_one():
    coding = code_record(RecordBuilder().act(8, 50, 51, A.FREEZE).build())
    assert coding.group[0] == coding.abc_group[0] != "D"
