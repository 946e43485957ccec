"""Frequency measures per 15-s interval reported as rates over the episode as run, and the
durations actually run (Ainsworth et al. 1978, ch. 3; Waters 2002)."""

from __future__ import annotations

import numpy as np
import pytest
from records import RecordBuilder

from simulation.codes import Action, AdultAct, Gaze, Zone
from simulation.observer import FREQUENCIES, code_record

FULL = [30, 180, 180, 180, 180, 180, 180, 180]
CURTAILED_6 = [30, 180, 180, 180, 180, 64, 180, 180]


def rates(builder: RecordBuilder) -> dict[str, np.ndarray]:
    return {k: v[0] for k, v in code_record(builder.build()).frequencies.items()}


def test_durations_are_those_actually_run():
    durations = [30, 180, 180, 75, 240, 64, 180, 300]
    coding = code_record(RecordBuilder(durations, padding=40).build())
    assert coding.durations[0].tolist() == durations


def test_curtailed_separation_with_continuous_crying_has_rate_one():
    """A separation cut short after a minute of hard crying is not mistaken for a calm one."""
    short = rates(RecordBuilder(CURTAILED_6).cry(6, 0, 64))
    full = rates(RecordBuilder(FULL).cry(6, 0, 180))
    assert short["crying"][5] == pytest.approx(1.0)
    assert full["crying"][5] == pytest.approx(1.0)
    assert short["crying"][5] >= full["crying"][5]


def test_crying_in_every_other_interval_is_half():
    builder = RecordBuilder(FULL)
    for k in range(0, 12, 2):
        builder.cry(6, 15 * k + 3, 15 * k + 5)
    assert rates(builder)["crying"][5] == pytest.approx(0.5)


def test_the_last_partial_interval_is_prorated():
    """70 s = four full intervals and one of 10 s: crying only in the last 10 s scores
    (10/15) / (70/15) = 1/7, not 1/5."""
    builder = RecordBuilder([30, 180, 180, 70, 180, 180, 180, 180]).cry(4, 62, 63)
    assert rates(builder)["crying"][3] == pytest.approx(1 / 7)


def test_one_second_in_an_interval_counts_the_whole_interval():
    builder = RecordBuilder(FULL).act(2, 14, 15, Action.APPROACH, "caregiver")
    assert rates(builder)["locomotion"][1] == pytest.approx(1 / 12)


def test_each_measure_reads_its_own_behaviour():
    b = RecordBuilder(FULL)
    b.paint(2, 0, 180, action=Action.IDLE)  # not manipulating toys anywhere in episode 2
    b.paint(2, 0, 30, action=Action.EXPLORE)  # ... except the first two intervals
    b.paint(2, 0, 180, gaze=Gaze.AWAY)
    b.look(2, 30, 31, "caregiver").look(2, 45, 46, "caregiver").look(2, 60, 61, "stranger")
    b.look(2, 90, 95, "caregiver")
    b.paint(2, 120, 125, gaze=Gaze.TOYS)  # looking at toys without playing
    r = rates(b)
    assert r["exploration"][1] == pytest.approx(2 / 12)
    assert r["look_caregiver"][1] == pytest.approx(3 / 12)
    assert r["look_stranger"][1] == pytest.approx(1 / 12)
    assert r["visual_exploration"][1] == pytest.approx(1 / 12)
    assert r["crying"][1] == 0.0


def test_rates_stay_in_unit_interval_and_episode_never_run_is_zero():
    b = RecordBuilder([30, 180, 180, 180, 180, 180, 0, 180]).cry(8, 0, 180)
    coding = code_record(b.build())
    for name in FREQUENCIES:
        values = coding.frequencies[name]
        assert ((values >= 0) & (values <= 1)).all()
        assert values[0, 6] == 0.0
    assert coding.frequencies["crying"][0, 7] == 1.0


def test_seconds_after_the_procedure_are_never_scored():
    """Padding after episode 8 (episode 0) holds codes that would count if read."""
    b = RecordBuilder(FULL, padding=100)
    end = sum(FULL)
    b.fields["cry"][end:] = 2
    b.fields["action"][end:] = Action.APPROACH
    coding = code_record(b.build())
    assert coding.frequencies["crying"][0].max() == 0.0
    assert coding.frequencies["locomotion"][0].max() == 0.0
    assert coding.durations[0].sum() == end



def test_flags_are_the_masks_combined():
    """The per-second flags the rates are counted from are exactly the masks of every
    measure, bit by bit, for every combination of action, target, gaze and crying."""
    from itertools import product

    from simulation.codes import Target
    from simulation.observer.frequencies import frequency_flags, frequency_masks
    from simulation.record import RECORD_FIELDS, BehaviourRecord

    combos = np.array(list(product(range(len(Action)), range(len(Target)), range(len(Gaze)),
                                   range(3))), dtype=np.uint8)
    fields = {f: np.zeros((1, combos.shape[0]), dtype=np.uint8) for f in RECORD_FIELDS}
    fields["episode"][:] = 2
    fields["action"][0], fields["target"][0], fields["gaze"][0], fields["cry"][0] = combos.T
    record = BehaviourRecord(**fields)
    expected = np.zeros(combos.shape[0], dtype=np.uint8)
    for bit, name in enumerate(FREQUENCIES):
        expected |= frequency_masks(record)[name][0].astype(np.uint8) << np.uint8(bit)
    np.testing.assert_array_equal(frequency_flags(record)[0], expected)


def test_locomotion_counts_moving_about_not_only_approaches():
    """Crawling from her side to the toys (the zone to a seated caregiver changes), setting
    off for the door alone, and approaches all count as locomotion (Ainsworth et al. 1978,
    ch. 3); the zone changing because she walks up to the infant does not."""
    b = RecordBuilder(FULL)
    b.paint(2, 20, 35, zone_caregiver=Zone.NEAR)  # crawls nearer her chair, then away
    b.paint(2, 35, 180, zone_caregiver=Zone.FAR)
    b.act(6, 40, 60, Action.SEARCH, "door")  # alone: goes to the door and stays there
    b.paint(5, 30, 40, caregiver_act=AdultAct.APPROACHING)  # she walks up: not its movement
    b.paint(5, 31, 40, zone_caregiver=Zone.NEAR)
    r = rates(b)
    assert r["locomotion"][1] == pytest.approx(2 / 12)  # seconds 20 and 35: intervals 2 and 3
    assert r["locomotion"][5] == pytest.approx(1 / 12)  # the first seconds of the search bout
    assert r["locomotion"][4] == 0.0


def test_visual_exploration_is_looking_around_without_manipulating():
    b = RecordBuilder(FULL)
    b.paint(3, 0, 180, action=Action.IDLE, gaze=Gaze.AWAY)
    b.paint(3, 0, 45, gaze=Gaze.TOYS)  # sits looking at the toys and about the room
    r = rates(b)
    assert r["visual_exploration"][2] == pytest.approx(3 / 12)
    assert r["visual_exploration"][1] == 0.0  # playing with them is manipulation, not this
    assert r["exploration"][1] == pytest.approx(1.0)
