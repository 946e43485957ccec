"""The observer's public API: shapes, types, the per-infant table and the long scales table."""

from __future__ import annotations

import numpy as np
import pytest
from records import RecordBuilder, stack

from simulation.observer import SCALES, Coding, code_record, frame_columns
from simulation.record import RECORD_FIELDS, BehaviourRecord


@pytest.fixture(scope="module")
def coding() -> Coding:
    a = RecordBuilder().turns_away(8, [10], 100, "caregiver")
    b = RecordBuilder([30, 180, 180, 70, 200, 61, 180, 240]).approach(8, 5, 10)
    b.contact(8, 10, 60)
    return code_record(stack(a.build(), b.build(), RecordBuilder().build()))


def test_scales_names_and_shapes(coding):
    assert SCALES == ("proximity_seeking", "contact_maintaining", "resistance", "avoidance",
                      "search", "distance_interaction")
    assert coding.scales.shape == (3, 8, 2, 6) and coding.scales.dtype == np.int8
    assert coding.durations.shape == (3, 8)
    assert coding.d_rating.shape == (3,)
    for name in ("exploration", "crying", "look_caregiver", "look_stranger", "locomotion"):
        assert coding.frequencies[name].shape == (3, 8)
    for arr in (coding.abc_group, coding.subgroup, coding.group, coding.classification):
        assert arr.shape == (3,) and arr.dtype.kind == "U"


def test_to_frame_columns(coding):
    frame = coding.to_frame()
    expected = ["abc_group", "group", "classification", "subgroup", "d_rating",
                *[f"d_index_{i}" for i in range(1, 8)]]
    for ep in (5, 8):
        expected += [f"ep{ep}_{s}" for s in ("proximity_seeking", "contact_maintaining",
                                             "resistance", "avoidance", "distance_interaction")]
    for ep in range(1, 9):
        expected += [f"ep{ep}_{m}" for m in ("exploration", "visual_exploration", "crying",
                                             "look_caregiver", "look_stranger", "locomotion",
                                             "search")]
    expected += [f"ep{ep}_duration" for ep in range(1, 9)]
    assert list(frame.columns) == expected
    assert list(frame_columns()) == expected
    assert "per 15-s interval" in frame_columns()["ep6_crying"]
    assert "seconds in the caregiver's presence" in frame_columns()["d_index_5"]
    assert "bouts in the caregiver's presence" in frame_columns()["d_index_4"]
    assert len(frame) == 3
    assert frame["ep8_avoidance"].tolist() == coding.scales[:, 7, 0, 3].tolist()
    assert frame["ep6_duration"].tolist() == [180, 61, 180]
    assert frame.loc[0, "abc_group"] == "A"


def test_scales_long_lists_every_applicable_score(coding):
    long = coding.scales_long()
    assert list(long.columns) == ["infant", "episode", "toward", "scale", "score"]
    assert len(long) == int((coding.scales > 0).sum())
    assert (long["score"] >= 1).all() and (long["score"] <= 7).all()
    assert set(long["toward"].astype(str)) == {"caregiver", "stranger"}
    row = long[(long.infant == 0) & (long.episode == 8) & (long.toward == "caregiver")
               & (long.scale == "avoidance")]
    assert row["score"].tolist() == [int(coding.scales[0, 7, 0, 3])]
    assert not ((long.episode == 2) & (long.toward == "stranger")).any()


def test_slicing_and_concatenation(coding):
    assert len(coding[1:]) == 2 and len(coding[0]) == 1
    assert np.array_equal(coding[[2, 0]].scales, coding.scales[[2, 0]])
    joined = Coding.concat([coding[:1], coding[1:]])
    assert joined.to_frame().equals(coding.to_frame())
    with pytest.raises(ValueError):
        Coding.concat([])


def test_an_empty_record_codes_to_nothing():
    empty = BehaviourRecord(**{f: np.zeros((0, 100), np.uint8) for f in RECORD_FIELDS})
    coding = code_record(empty)
    assert len(coding) == 0 and len(coding.to_frame()) == 0


def test_malformed_episode_order_is_refused():
    rec = RecordBuilder().build()
    episode = rec.episode.copy()
    episode[0, 40:50] = 1  # back to episode 1 inside episode 2
    bad = BehaviourRecord(**{f: (episode if f == "episode" else getattr(rec, f))
                             for f in RECORD_FIELDS})
    with pytest.raises(ValueError, match="infant 0"):
        code_record(bad)


def test_wider_integer_fields_are_accepted_and_range_checked():
    rec = RecordBuilder().build()
    wide = BehaviourRecord(**{f: getattr(rec, f).astype(np.int64) for f in RECORD_FIELDS})
    assert np.array_equal(code_record(wide).scales, code_record(rec).scales)
    broken = BehaviourRecord(**{f: (getattr(wide, f) + 300 if f == "gaze" else getattr(wide, f))
                                for f in RECORD_FIELDS})
    with pytest.raises(ValueError, match="gaze"):
        code_record(broken)
