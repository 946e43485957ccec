"""Plain-words explanations name the deciding scale, its score and the seconds behind it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from records import RecordBuilder, random_records, stack

from simulation.codes import Action, AdultAct
from simulation.observer import code_record, describe_scale, explain

A = Action


def avoidant() -> RecordBuilder:
    b = RecordBuilder()
    for ep in (5, 8):
        b.paint(ep, 0, 5, caregiver_act=AdultAct.ENTERING).bouts(ep, [12], 100, A.AVOID,
                                                                  "caregiver")
    return b


def secure() -> RecordBuilder:
    b = RecordBuilder()
    for ep in (5, 8):
        b.look(ep, 0, 3, "caregiver").approach(ep, 3, 8).contact(ep, 8, 100).release(ep, 60, 62)
    return b


def test_avoidant_explanation_names_avoidance_score_and_seconds():
    coding = code_record(avoidant().build())
    text = explain(coding, 0)
    assert "classified A1" in text and "avoidant" in text
    assert "step 1" in text and "pp. 59-63" in text
    assert "Avoidance toward the caregiver in episode 8 scored 7" in text
    assert "for 105 s" in text  # 5 s of ignoring her entrance + 100 s of turning away
    assert "from second 0 of episode 8" in text
    start8 = int(coding.starts[0, 7])
    assert f"(second {start8} of the record)" in text


def test_secure_explanation_names_seeking_and_its_latency():
    text = explain(code_record(secure().build()), 0)
    assert "classified B3" in text and "secure" in text
    assert "Proximity and contact seeking toward the caregiver in episode 8 scored 7" in text
    assert "first at second 3" in text and "by its own effort" in text
    assert "Contact maintaining toward the caregiver in episode 8 scored" in text


def test_disorganized_explanation_gives_the_forced_pattern_and_the_lapses():
    b = secure()
    b.bouts(8, [110, 130, 150], 3, A.FREEZE, cry=2)
    text = explain(code_record(b.build()), 0)
    assert "disorganized (D)" in text and "B3 (B) as the best-fitting" in text
    assert "Disorganization rated" in text and "Main & Solomon 1990" in text
    assert "first from second 110 of episode 8" in text


def test_curtailed_episode_is_mentioned():
    b = RecordBuilder([30, 180, 180, 180, 180, 61, 180, 180]).cry(6, 0, 61)
    text = explain(code_record(b.build()), 0)
    assert "episode 6 was cut short at 61 s" in text and "100%" in text


def test_explain_picks_the_right_infant_of_a_stack():
    coding = code_record(stack(secure().build(), avoidant().build()))
    assert "classified B3" in explain(coding, 0)
    assert "classified A1" in explain(coding, 1)
    with pytest.raises(IndexError):
        explain(coding, 2)


def test_describe_scale_not_applicable():
    coding = code_record(RecordBuilder().build())
    assert "not applicable" in describe_scale(coding, 0, 6, 0, 0)
    assert "scored 1" in describe_scale(coding, 0, 2, 0, 0)


@settings(max_examples=40, deadline=None)
@given(random_records())
def test_every_infant_of_any_record_can_be_explained(record):
    coding = code_record(record)
    for k in range(len(coding)):
        text = explain(coding, k)
        assert f"classified {coding.subgroup[k]}" in text or "disorganized (D)" in text
        assert f"step {coding.step[k]}" in text
        assert "Disorganization rated" in text
