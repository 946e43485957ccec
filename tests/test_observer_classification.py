"""The ordered classification procedure (Ainsworth et al. 1978, pp. 59-63): every subgroup,
the boundaries between neighbouring subgroups, and hand-made records of each pattern."""

from __future__ import annotations

import numpy as np
import pytest
from records import RecordBuilder

from simulation.codes import Action, AdultAct
from simulation.observer import SCALES, code_record
from simulation.observer.classification import STEPS, Reunions, classify

A = Action


def reunions(ep5=None, ep8=None, angry_share=0.0, late=0.0) -> Reunions:
    """Reunion scores toward the caregiver (unnamed scales score 1)."""
    rows = []
    for given in (ep5 or {}, ep8 or {}):
        row = np.ones(len(SCALES), dtype=np.int64)
        for name, value in given.items():
            row[SCALES.index(name)] = value
        rows.append(row[None])
    return Reunions(rows[0], rows[1], np.array([angry_share]), np.array([late]))


def subgroup(**kw) -> str:
    return str(classify(reunions(**kw)).subgroup[0])


def step(**kw) -> int:
    return int(classify(reunions(**kw)).step[0])


AV, PS, CM, RS, DI = "avoidance", "proximity_seeking", "contact_maintaining", "resistance", \
    "distance_interaction"


# --- each subgroup from reunion scores ---------------------------------------------------------

@pytest.mark.parametrize(
    "kw, expected",
    [
        (dict(ep5={AV: 6}, ep8={AV: 6}), "A1"),
        (dict(ep5={AV: 6}, ep8={AV: 6, PS: 4}), "A2"),
        (dict(ep8={DI: 6, PS: 3}), "B1"),
        (dict(ep5={AV: 4, PS: 3}, ep8={PS: 6, CM: 5}), "B2"),
        (dict(ep5={PS: 6, CM: 5}, ep8={PS: 7, CM: 6}), "B3"),
        (dict(ep8={PS: 6, CM: 6, RS: 4}, late=0.8), "B4"),
        (dict(ep8={PS: 6, CM: 5, RS: 7}, angry_share=0.9), "C1"),
        (dict(ep8={PS: 4, CM: 3, RS: 6}, angry_share=0.1), "C2"),
    ],
    ids=["A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2"],
)
def test_each_subgroup(kw, expected):
    assert subgroup(**kw) == expected


def test_groups_follow_subgroups_and_steps_are_documented():
    c = classify(reunions(ep8={RS: 6, PS: 6}, angry_share=1.0))
    assert c.abc_group[0] == "C" and c.subgroup[0] == "C1"
    assert [s.number for s in STEPS] == list(range(1, 8))
    assert all(s.rule and s.criterion for s in STEPS)


# --- boundaries between neighbouring subgroups -------------------------------------------------

def test_a_versus_b_conspicuous_avoidance_means_5():
    assert subgroup(ep8={AV: 5, DI: 5}) in ("A1", "A2")
    assert subgroup(ep8={AV: 4, DI: 5}) == "B1"


def test_a1_versus_a2_any_approach_makes_a2():
    assert subgroup(ep8={AV: 6, PS: 3}) == "A1"
    assert subgroup(ep8={AV: 6, PS: 4}) == "A2"
    assert subgroup(ep5={AV: 7, PS: 4}, ep8={AV: 6}) == "A2"


def test_episode_8_weighs_most():
    """Avoidance 5 in episode 8 is conspicuous; in episode 5 it counts one point less."""
    assert step(ep8={AV: 5, DI: 5}) == 1
    assert step(ep5={AV: 5, DI: 5}) == 7  # B1
    assert step(ep5={AV: 6, DI: 5}) == 1


def test_a2_versus_b2_active_seeking_in_episode_8_makes_b2():
    assert subgroup(ep5={AV: 6}, ep8={PS: 5}) == "B2"
    assert subgroup(ep5={AV: 6}, ep8={PS: 4}) == "A2"
    assert subgroup(ep5={AV: 6}, ep8={PS: 6, AV: 3}) == "A2"  # still avoids in episode 8


def test_a_versus_c_the_stronger_of_avoidance_and_resistance():
    assert subgroup(ep8={AV: 6, RS: 5, PS: 5}, angry_share=1.0)[0] == "A"
    assert subgroup(ep8={AV: 6, RS: 6, PS: 5}, angry_share=1.0)[0] == "C"


def test_a_needs_little_contact_maintaining():
    assert subgroup(ep8={AV: 5, CM: 4}) in ("A1", "A2")
    assert subgroup(ep8={AV: 5, CM: 5})[0] == "B"


def test_a1_by_ignoring_versus_b1_greeting():
    assert subgroup(ep8={AV: 3}) == "A1"  # some avoidance, nothing else: ignores her
    assert subgroup(ep8={AV: 3, DI: 4}) == "B1"  # greets her from a distance
    assert subgroup(ep8={AV: 2}) == "B1"


def test_b4_versus_c_resistance_5_is_conspicuous():
    assert subgroup(ep8={PS: 6, RS: 4}, late=0.8) == "B4"
    assert subgroup(ep8={PS: 6, RS: 5}, late=0.8, angry_share=1.0) == "C1"


def test_b4_versus_b3_distress_through_the_second_half():
    assert subgroup(ep8={PS: 6, RS: 3}, late=0.5) == "B4"
    assert subgroup(ep8={PS: 6, RS: 3}, late=0.49) == "B3"
    assert subgroup(ep8={PS: 6, RS: 2}, late=1.0) == "B3"


def test_c1_versus_c2_angry_share():
    assert subgroup(ep8={PS: 6, RS: 6}, angry_share=0.5) == "C1"
    assert subgroup(ep8={PS: 6, RS: 6}, angry_share=0.49) == "C2"


def test_c1_versus_c2_initiative():
    assert subgroup(ep8={PS: 5, RS: 6}, angry_share=1.0) == "C1"
    assert subgroup(ep8={PS: 4, RS: 6}, angry_share=1.0) == "C2"
    assert subgroup(ep8={PS: 4, CM: 5, RS: 6}, angry_share=1.0) == "C1"


def test_b2_versus_b3_avoidance_in_episode_5():
    assert subgroup(ep5={AV: 3}, ep8={PS: 6}) == "B2"
    assert subgroup(ep5={AV: 2}, ep8={PS: 6}) == "B3"
    assert subgroup(ep5={AV: 3}, ep8={PS: 6, AV: 3}) == "B3"  # no less avoidant in 8


def test_b1_versus_b3_active_seeking_or_maintaining():
    assert subgroup(ep8={PS: 4, CM: 4, DI: 6}) == "B1"
    assert subgroup(ep8={PS: 5, CM: 4, DI: 6}) == "B3"
    assert subgroup(ep8={PS: 4, CM: 5, DI: 6}) == "B3"


def test_not_applicable_counts_as_one():
    r = reunions(ep8={AV: 6})
    r.ep5[:] = 0
    assert classify(r).subgroup[0] == "A1"


# --- hand-made records of each pattern, coded end to end ---------------------------------------

def avoidant(b: RecordBuilder, ep: int, approach: bool = False) -> RecordBuilder:
    b.paint(ep, 0, 5, caregiver_act=AdultAct.ENTERING)
    if approach:
        b.approach(ep, 8, 10, reach=False)
    return b.turns_away(ep, [20], 100, "caregiver")


def secure(b: RecordBuilder, ep: int) -> RecordBuilder:
    b.paint(ep, 0, 5, caregiver_act=AdultAct.ENTERING).look(ep, 0, 5, "caregiver")
    return b.approach(ep, 5, 10).contact(ep, 10, 100).release(ep, 60, 63)


def test_record_a1():
    b = RecordBuilder()
    avoidant(b, 5), avoidant(b, 8)
    coding = code_record(b.build())
    assert coding.subgroup[0] == "A1" and coding.classification[0] == "avoidant"


def test_record_a2():
    b = RecordBuilder()
    avoidant(b, 5), avoidant(b, 8, approach=True)
    coding = code_record(b.build())
    assert coding.subgroup[0] == "A2" and coding.group[0] == "A"


def test_record_b1():
    b = RecordBuilder()
    for ep in (5, 8):
        b.look(ep, 0, 5, "caregiver").bouts(ep, [10, 40, 70, 100], 6, A.DISTANCE_INTERACT,
                                              "caregiver")
    coding = code_record(b.build())
    assert coding.subgroup[0] == "B1" and coding.classification[0] == "secure"


def test_record_b2():
    b = RecordBuilder().turns_away(5, [20], 15, "caregiver")
    secure(b, 8)
    coding = code_record(b.build())
    assert coding.scales[0, 4, 0, SCALES.index("avoidance")] == 4
    assert coding.subgroup[0] == "B2"


def test_record_b3():
    b = RecordBuilder()
    secure(b, 5), secure(b, 8)
    coding = code_record(b.build())
    assert coding.subgroup[0] == "B3" and coding.d_rating[0] == 1


def test_record_b4():
    b = RecordBuilder()
    secure(b, 5), secure(b, 8)
    b.resists(8, [30, 50], 1, A.GO_LIMP, "caregiver")
    for ep in (6, 7, 8):
        b.cry(ep, 0, 180, level=1)
    coding = code_record(b.build())
    assert coding.scales[0, 7, 0, SCALES.index("resistance")] == 4
    assert coding.subgroup[0] == "B4"


def test_record_c1():
    b = RecordBuilder()
    for ep in (5, 8):
        secure(b, ep)
        b.resists(ep, [20, 40, 70], 6, A.PUSH_AWAY, "caregiver", zone_caregiver=0)
        b.cry(ep, 0, 180)
    coding = code_record(b.build())
    assert coding.subgroup[0] == "C1" and coding.classification[0] == "ambivalent"


def test_record_c2():
    b = RecordBuilder()
    for ep in (5, 8):
        b.act(ep, 5, 9, A.SIGNAL, "caregiver").contact(ep, 10, 120, active=False)
        b.resists(ep, [20, 40, 60, 80], 8, A.GO_LIMP, "caregiver", zone_caregiver=0)
        b.cry(ep, 0, 180)
    coding = code_record(b.build())
    assert coding.subgroup[0] == "C2" and coding.group[0] == "C"


def test_record_d_keeps_its_forced_abc():
    b = RecordBuilder()
    secure(b, 5), secure(b, 8)
    for ep in (5, 8):
        b.bouts(ep, [110, 130, 150], 3, A.FREEZE, cry=2)
    coding = code_record(b.build())
    assert coding.d_rating[0] >= 5
    assert coding.group[0] == "D" and coding.classification[0] == "disorganized"
    assert coding.abc_group[0] == "B" and coding.subgroup[0] == "B3"
