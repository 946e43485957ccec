"""One occasion of need: signalling, answering, rebuffing, frightening."""

from __future__ import annotations

import pytest
from handmade import home

from simulation.params import ModelParams
from simulation.rules import answers

pytestmark = pytest.mark.rules


def test_louder_signals_break_through_more():
    chances = [answers.round_answered(0.0, 0.7, s, False) for s in (0.2, 0.5, 0.8, 1.0)]
    assert chances == sorted(chances) and chances[0] < 0.01 < chances[-1]
    # attention is the first bid's: a later round does not get it again
    assert answers.round_answered(0.9, 0.0, 1.0, True) == pytest.approx(0.9)
    assert answers.round_answered(0.9, 0.0, 1.0, False) == 0.0


def test_cold_care_rebuffs_intense_demands_most():
    p = home()
    cold_intense = answers.rebuff_probability(0.1, 1.0, p)
    cold_mild = answers.rebuff_probability(0.1, 0.2, p)
    warm_intense = answers.rebuff_probability(0.9, 1.0, p)
    assert cold_intense > cold_mild > warm_intense


def test_independence_training_turns_away_mild_bids():
    plain = answers.rebuff_probability(0.9, 0.1, home())
    training = answers.rebuff_probability(0.9, 0.1, home(ModelParams(independence_training=0.5)))
    assert training > plain + 0.3


def test_an_unanswered_occasion_neither_rebuffs_nor_frightens():
    p = home()
    out = answers.occasion_outcome(0.0, 0.0, 0.0, 1.0, 0.5, 0.5, (0.0, 0.0, 0.0), 0.0, 0.0, p)
    assert tuple(out) == (0, False, False)


def test_the_earliest_answered_round_wins_and_escalation_is_what_got_through():
    p = home()
    # she missed the first bid; the third round's loud signal breaks through
    answered, rebuffed, frightened = answers.occasion_outcome(
        0.0, 1.0, 1.0, 0.0, 0.2, 0.5, (0.99, 0.99, 0.0), 0.99, 0.99, p)
    assert answered == 3 and not rebuffed and not frightened
    # attended at once
    assert answers.occasion_outcome(1.0, 0.0, 1.0, 0.0, 0.2, 0.5, (0.5, 0.0, 0.0), 0.99, 0.99,
                                    p)[0] == 1


def test_only_a_frightening_caregivers_answers_frighten():
    p = home()
    args = (1.0, 0.0, 1.0)
    never = answers.occasion_outcome(*args, 0.0, 0.3, 0.5, (0.0, 0.0, 0.0), 0.99, 0.0, p)
    sometimes = answers.occasion_outcome(*args, 1.0, 0.3, 0.5, (0.0, 0.0, 0.0), 0.99, 0.01, p)
    assert not never[2] and sometimes[2]


def test_only_an_answer_of_an_unresolved_caregiver_can_be_dissociated():
    p = home()
    assert not answers.dissociated(0, 1.0, 0.0, p)  # no answer: nothing to dissociate
    assert not answers.dissociated(1, 0.0, 0.0, p)  # resolved: never
    rate = p.dissociation_rate
    assert answers.dissociated(1, 0.8, 0.8 * rate - 1e-6, p)
    assert not answers.dissociated(1, 0.8, 0.8 * rate + 1e-6, p)
