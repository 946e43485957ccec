"""Disorganization rating 1-9 from the Main & Solomon (1990) indices in the record."""

from __future__ import annotations

import numpy as np
import pytest
from records import RecordBuilder

from simulation.codes import Action, Gaze
from simulation.observer import code_record
from simulation.observer.disorganization import D_CUTOFF, RATING_THRESHOLDS, rating_from_points

A = Action


def d_of(builder: RecordBuilder) -> int:
    return int(code_record(builder.build()).d_rating[0])


def test_no_index_rates_1():
    assert d_of(RecordBuilder()) == 1


@pytest.mark.parametrize("action", [A.FREEZE, A.APPROACH_BROKEN, A.APPREHENSION, A.ROCK,
                                    A.DAZED])
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
    # (1 bout + 2 x 2 long + 3 strong) x 2 = 16 points
    assert d_of(RecordBuilder().act(8, 50, 70, A.FREEZE)) == 7


def test_strong_seeking_then_abrupt_avoidance_is_contradictory():
    """Approach for 4 s, then turning away for 3 s beginning 2 s later."""
    quick = (RecordBuilder().approach(8, 10, 14, reach=False)
             .act(8, 16, 19, A.TURN_AWAY, "caregiver"))
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
    b = RecordBuilder().approach(8, *approach, reach=False).act(8, *avoid, A.TURN_AWAY, "caregiver")
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


# --- the seven indices (Main & Solomon 1990), each on a hand-made record ---------------------


def indices_of(builder: RecordBuilder) -> np.ndarray:
    """The per-infant d_index_1..7 columns of a one-infant record."""
    frame = code_record(builder.build()).to_frame()
    return frame[[f"d_index_{i}" for i in range(1, 8)]].to_numpy()[0]


def only(index: int, value: int) -> list[int]:
    out = [0] * 7
    out[index - 1] = value
    return out


def _averted(b: RecordBuilder, episode: int = 8) -> RecordBuilder:
    return b.approach(episode, 10, 14, reach=False).paint(episode, 10, 14, gaze=Gaze.AWAY)


INDEX_RECORDS = {
    # I: seeking her for 4 s, then turning away from her for 3 s two seconds later
    1: (lambda e: RecordBuilder().approach(e, 10, 14, reach=False)
        .act(e, 16, 19, A.TURN_AWAY, "caregiver"), 1),
    # II: approaching her with the gaze averted
    2: (lambda e: _averted(RecordBuilder(), e), 1),
    # III: an approach to her broken off
    3: (lambda e: RecordBuilder().act(e, 50, 52, A.APPROACH_BROKEN, "caregiver"), 1),
    # IV: rocking, twice
    4: (lambda e: RecordBuilder().bouts(e, [40, 60], 4, A.ROCK), 2),
    # V: freezing for 6 s
    5: (lambda e: RecordBuilder().act(e, 50, 56, A.FREEZE, "caregiver"), 6),
    # VI: apprehension at her, twice
    6: (lambda e: RecordBuilder().bouts(e, [30, 50], 2, A.APPREHENSION, "caregiver"), 2),
    # VII: dazed for 7 s
    7: (lambda e: RecordBuilder().act(e, 50, 57, A.DAZED), 7),
}


@pytest.mark.parametrize("index", sorted(INDEX_RECORDS))
def test_each_index_counts_itself_and_only_itself(index):
    make, value = INDEX_RECORDS[index]
    assert indices_of(make(8)).tolist() == only(index, value)
    assert d_of(make(8)) > 1


@pytest.mark.parametrize("index", sorted(INDEX_RECORDS))
def test_no_index_counts_without_the_caregiver(index):
    """Main & Solomon code the indices in the parent's presence: the same acts with the
    stranger alone (episode 7) count nothing."""
    make, _ = INDEX_RECORDS[index]
    assert indices_of(make(7)).tolist() == [0] * 7
    assert d_of(make(7)) == 1


def test_turning_to_the_stranger_distressed_with_her_present_is_misdirected():
    """Index III: in episode 3 (both adults present) an approach to the stranger while crying
    is misdirected attachment behaviour; a calm approach to the stranger is sociability."""
    distressed = RecordBuilder().approach(3, 30, 34, "stranger", reach=False).cry(3, 28, 36)
    assert indices_of(distressed).tolist() == only(3, 1)
    calm = RecordBuilder().approach(3, 30, 34, "stranger", reach=False)
    assert indices_of(calm).tolist() == [0] * 7
    alone = RecordBuilder().approach(7, 30, 34, "stranger", reach=False).cry(7, 28, 36)
    assert indices_of(alone).tolist() == [0] * 7  # no caregiver: not misdirected


def test_approaching_her_looking_at_her_is_not_simultaneous_contradiction():
    assert indices_of(RecordBuilder().approach(8, 10, 14, reach=False)).tolist() == [0] * 7


def test_a_freeze_of_20_s_is_a_strong_index_alone():
    """Freezing of about 20 s or more is a strong index (D on its own, even before the
    separations); shorter stilling is weaker."""
    strong = code_record(RecordBuilder().act(2, 30, 50, A.FREEZE).build())
    assert strong.disorganization["strong_freezes"][0].sum() == 1
    assert strong.group[0] == "D"
    short = code_record(RecordBuilder().act(2, 30, 49, A.FREEZE).build())
    assert short.disorganization["strong_freezes"][0].sum() == 0
    assert short.d_rating[0] < D_CUTOFF


def test_the_rating_rises_with_longer_freezing():
    ratings = [d_of(RecordBuilder().act(8, 30, 30 + n, A.FREEZE)) for n in (1, 10, 20, 40)]
    assert ratings == sorted(ratings) and len(set(ratings)) == 4


def test_the_rating_rises_with_more_indices():
    b = RecordBuilder()
    ratings = []
    for index in sorted(INDEX_RECORDS):
        make, _ = INDEX_RECORDS[index]
        one = make(5)
        for name, row in one.fields.items():  # add this index's seconds to the record
            changed = row != RecordBuilder().fields[name]
            b.fields[name][changed] = row[changed]
        ratings.append(d_of(b))
    assert ratings == sorted(ratings) and ratings[-1] > ratings[0]
    assert ratings[-1] >= D_CUTOFF


def test_index_bouts_and_seconds_are_reported_per_episode():
    coding = code_record(RecordBuilder().act(5, 50, 56, A.FREEZE).act(8, 10, 13, A.FREEZE)
                         .build())
    d = coding.disorganization
    assert d["indices"].shape == (1, 8, 7)
    assert d["indices"][0, 4, 4] == 6 and d["indices"][0, 7, 4] == 3
    assert d["index_bouts"][0, 4, 4] == 1 and d["index_bouts"][0, 7, 4] == 1
