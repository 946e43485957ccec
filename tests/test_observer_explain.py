"""Explanations: the coder's criteria name the deciding scale, its score and the seconds behind
it; the plain words for students say what the infant did, from the same numbers; the scored
moments are the seconds the coder counted."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from records import RecordBuilder, random_records, stack

from simulation.codes import Action, AdultAct
from simulation.observer import code_record, describe_scale, explain
from simulation.observer.explanation import (
    MOMENT_KINDS,
    coder_masks,
    explain_plainly,
    lapse_kinds,
    scored_moments,
)

A = Action


def avoidant() -> RecordBuilder:
    b = RecordBuilder()
    for ep in (5, 8):
        b.paint(ep, 0, 5, caregiver_act=AdultAct.ENTERING).bouts(ep, [12], 100, A.TURN_AWAY,
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


# --- for students: plain words, computed from the coding -------------------------------------


def ambivalent() -> RecordBuilder:
    b = RecordBuilder()
    for ep in (5, 8):
        b.approach(ep, 2, 6).contact(ep, 6, 120)
        b.resists(ep, [30, 60, 90], 6, A.PUSH_AWAY, "caregiver", held=1, zone_caregiver=0)
        b.cry(ep, 0, 150)
    return b


def test_plain_avoidant_says_what_avoidance_looks_like_with_its_seconds():
    coding = code_record(avoidant().build())
    plain = explain_plainly(coding, 0)
    text = " ".join(plain)
    assert "When the caregiver came back in episode 8" in text
    seconds = coding.features["avoid"][0, 7, 0]
    assert f"turned away from her or ignored her for {seconds} of the" in text
    assert "never went to her" in text
    assert "what avoidance looks like" in text
    assert plain[-1].startswith("A1 (avoidant)")


def test_plain_secure_says_she_was_sought():
    coding = code_record(secure().build())
    text = " ".join(explain_plainly(coding, 0))
    approach = coding.features["approach"][0, 7, 0]
    assert f"went to her ({approach} s of approach" in text
    assert "what security looks like" in text


def test_plain_ambivalent_names_seeking_and_angry_resistance():
    coding = code_record(ambivalent().build())
    assert str(coding.group[0]) == "C"
    text = " ".join(explain_plainly(coding, 0))
    angry = max(coding.features["angry"][0, 4, 0], coding.features["angry"][0, 7, 0])
    assert f"pushed her away angrily for {angry} s" in text
    assert "what ambivalence looks like" in text


def test_plain_ambivalent_with_the_record_names_the_acts_in_their_context():
    record = ambivalent().build()
    coding = code_record(record)
    text = " ".join(explain_plainly(coding, 0, record))
    angry = max(coding.features["angry"][0, 4, 0], coding.features["angry"][0, 7, 0])
    assert f"pushed her away while she held it ({angry} s)" in text


def test_plain_disorganized_comes_first_and_names_the_lapses():
    b = secure()
    b.bouts(8, [110, 130, 150], 3, A.FREEZE, cry=2)
    b.bouts(5, [110], 2, A.APPREHENSION, "caregiver")
    record = b.build()
    coding = code_record(record)
    assert str(coding.group[0]) == "D"
    plain = explain_plainly(coding, 0, record)
    first = plain[0]
    kinds = lapse_kinds(record)
    assert kinds["freezing"] == 9 and kinds["apprehension"] == 2
    assert "freezing 9 s" in first and "apprehension 2 s" in first
    lapses = int(coding.disorganization["lapses"][0].sum())
    assert f"{lapses} lapses in her presence" in first
    assert "what disorganization looks like" in first
    assert f"rated {int(coding.d_rating[0])} of 9" in first
    assert "fits B3 (secure) best" in plain[1]
    # without the record the lapses are still named, by kind in general
    assert ("freezing, broken-off approach, apprehension, rocking or a dazed look"
            in explain_plainly(coding, 0)[0])


def test_the_explanation_names_the_indices_seen():
    """Why an infant is D: the Main & Solomon (1990) indices seen, by numeral, with their
    units; those not seen are not named."""
    b = secure()
    b.act(8, 110, 132, A.FREEZE).bouts(5, [110, 130], 4, A.ROCK)
    coding = code_record(b.build())
    assert str(coding.group[0]) == "D"
    text = explain(coding, 0)
    assert "V freezing and stilling: 22 seconds" in text
    assert "IV stereotypies and anomalous postures (rocking): 2 bouts" in text
    assert "1 freeze of 20 s or more (a strong index)" in text
    assert "VI apprehension" not in text and "VII " not in text
    plain = explain_plainly(coding, 0, b.build())[0]
    assert "rocking 8 s" in plain and "the indices IV" in plain


@settings(max_examples=40, deadline=None)
@given(random_records())
def test_every_infant_of_any_record_has_a_plain_why(record):
    coding = code_record(record)
    for k in range(len(coding)):
        plain = explain_plainly(coding, k, record)
        assert plain and all(line.strip() for line in plain)
        if str(coding.group[k]) == "D":
            assert "disorganization looks like" in plain[0]


# --- the scored moments: on seconds the coder counted ----------------------------------------


@settings(max_examples=40, deadline=None)
@given(random_records())
def test_scored_moments_are_the_seconds_behind_the_features(record):
    coding = code_record(record)
    features = {"approach": coding.features["approach"][:, :, 0],
                "contact": coding.features["contact"][:, :, 0],
                "resistance": coding.features["angry"][:, :, 0]
                + coding.features["passive"][:, :, 0],
                "avoidance": coding.features["avoid"][:, :, 0],
                "search": coding.features["search"][:, :, 0],
                "lapse": coding.disorganization["lapse_seconds"]}
    for k in range(len(coding)):
        masks = coder_masks(record, k)
        moments = scored_moments(record, k)
        for kind in MOMENT_KINDS:
            per_episode = np.zeros(8, dtype=int)
            for m in (m for m in moments if m.kind == kind):
                assert masks[kind][m.start:m.start + m.seconds].all()
                assert set(record.episode[k, m.start:m.start + m.seconds]) == {m.episode}
                per_episode[m.episode - 1] += m.seconds
            assert per_episode.tolist() == features[kind][k].tolist(), kind


def test_moments_of_an_avoidant_record_are_its_turning_away():
    record = avoidant().build()
    moments = [m for m in scored_moments(record) if m.kind == "avoidance"]
    coding = code_record(record)
    assert {m.episode for m in moments} == {5, 8}
    first8 = min(m.start for m in moments if m.episode == 8)
    assert first8 == int(coding.starts[0, 7])  # from her entrance on (ignoring her)
    assert sum(m.seconds for m in moments if m.episode == 8) == coding.features["avoid"][0, 7, 0]
