"""Learning in the home year: what each kind of occasion does to the working model."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import home

from simulation.params import ModelParams
from simulation.rules import learning

pytestmark = pytest.mark.rules

INITIAL = (0.5, 0.5, 0.5, 0.0, 0.1, 0.35, 0.0, 0.0, 0.0)


def after(outcomes, plastic=1.0, p=None):
    """The learner after a sequence of (answered round, rebuffed, frightened) occasions."""
    m = np.array(INITIAL)
    p = p or home()
    for answered, rebuffed, frightened in outcomes:
        learning.learn(m, answered, rebuffed, frightened, plastic, p)
    return dict(zip(learning.LEARNER, m, strict=True))


def test_unanswered_escalation_that_is_sometimes_answered_raises_signal_gain():
    intermittent = after([(3, False, False), (0, False, False)] * 200)
    prompt = after([(1, False, False)] * 400)
    assert intermittent["signal_gain"] > INITIAL[5] + 0.2
    assert prompt["signal_gain"] == pytest.approx(ModelParams().rest_gain, abs=0.01)


def test_rebuffs_raise_expected_rebuff_and_lower_signal_gain():
    rebuffed = after([(1, True, False)] * 100)
    warm = after([(1, False, False)] * 100)
    # past the deactivation switch; then it tests the expectation less (defensive exclusion)
    assert rebuffed["rebuff"] > 0.4 and warm["rebuff"] < 0.02
    open_minded = home(ModelParams(defensive_exclusion=0.0))
    assert after([(1, True, False)] * 100, p=open_minded)["rebuff"] > 0.9
    assert rebuffed["signal_gain"] < 0.05 < warm["signal_gain"]


def test_prompt_answers_raise_trust_and_unanswered_bids_lower_it():
    assert after([(1, False, False)] * 200)["trust"] > 0.95
    assert after([(0, False, False)] * 200)["trust"] < 0.05


def test_availability_in_runs_is_learned_as_volatility_and_chance_is_not():
    runs = [(1, False, False)] * 40 + [(0, False, False)] * 40
    rng = np.random.default_rng(3)
    chance = [(1 if u < 0.5 else 0, False, False) for u in rng.random(800)]
    assert after(runs * 10)["volatility_raw"] > after(chance)["volatility_raw"] + 0.02


def test_fear_grows_with_frights_and_fades_slowly():
    frightened = after([(1, False, True)] * 3)
    assert frightened["fear"] > 0.7
    m = np.array([frightened[k] for k in learning.LEARNER])
    for _ in range(50):
        learning.learn(m, 1, False, False, 1.0, home())
    assert 0.5 < m[6] < frightened["fear"]


def test_learning_consolidates_with_age():
    p = home()
    assert learning.plasticity(0.0, p) == 1.0
    assert learning.plasticity(p.consolidation_months, p) == pytest.approx(0.5)
    early = after([(0, False, False)] * 20, plastic=1.0)["trust"]
    late = after([(0, False, False)] * 20, plastic=learning.plasticity(12.0, p))["trust"]
    assert early < late < INITIAL[0]  # the same bad weeks move an older infant's trust less


def test_a_dissociated_answer_alarms_without_comfort():
    p = home()
    m = np.array(INITIAL)
    learning.learn(m, 0, False, False, 1.0, p)  # learned as unanswered: no comfort
    before = m.copy()
    learning.alarm(m, p)
    assert m[6] == pytest.approx(before[6] + p.learn_alarm * (1.0 - before[6]))
    assert np.array_equal(m[:6], before[:6])  # alarm is fear only: no rebuff, no aggression
def test_expected_rebuff_guards_itself():
    """Defensive exclusion: an infant that expects rebuff tests the expectation less often, so
    warm answers lower a high expected rebuff more slowly than rebuffs raise a low one."""
    p = home()
    assert learning.tested(0.1, p) == 1.0  # below the onset every answer tests it
    assert learning.tested(0.45, p) < 0.1 < learning.tested(0.32, p) < 1.0
    plastic = learning.plasticity(12.0, p)

    def moved(start, rebuffed, q):
        m = np.array(INITIAL)
        m[4] = start
        for _ in range(50):  # about a month of answered occasions
            learning.learn(m, 1, rebuffed, False, plastic, q)
        return abs(m[4] - start)

    up, down = moved(0.1, True, p), moved(0.46, False, p)
    assert up > 5 * down  # learned in weeks, unlearned over months
    open_minded = home(ModelParams(defensive_exclusion=0.0))
    assert learning.tested(0.45, open_minded) == 1.0
    assert moved(0.46, False, open_minded) > 5 * down  # the exclusion is what slows it
def test_escalation_paid_and_helplessness_learn_from_different_histories():
    """The same trust (a first bid answered one time in four), two histories: in one, the rest
    is answered after escalating (intermittent reinforcement of protest), in the other never.
    Escalation paid learns the first, helplessness the second; trust cannot tell them apart."""
    gives_in = after([(1, False, False), (3, False, False), (2, False, False),
                      (3, False, False)] * 150)
    ignores = after([(1, False, False), (0, False, False), (0, False, False),
                     (0, False, False)] * 150)
    assert gives_in["trust"] == pytest.approx(ignores["trust"], abs=0.05)
    assert gives_in["escalation_paid"] > 0.6 > 0.05 > ignores["escalation_paid"]
    assert ignores["helplessness"] > 0.6 > 0.05 > gives_in["helplessness"]


def test_a_zero_learning_rate_leaves_the_protest_expectations_unlearned():
    p = home(ModelParams(learn_escalation_paid=0.0, learn_helplessness=0.0))
    mixed = after([(3, False, False), (0, False, False)] * 100, p=p)
    assert mixed["escalation_paid"] == 0.0 and mixed["helplessness"] == 0.0


def settled_after(outcomes, warmth, p=None):
    """The learner after the same occasions, each answer that did not rebuff given with
    ``warmth`` (as the home year does: :func:`learning.learn`, then :func:`learning.settle`)."""
    m = np.array(INITIAL)
    p = p or home()
    for answered, rebuffed, frightened in outcomes:
        learning.learn(m, answered, rebuffed, frightened, 1.0, p)
        if answered > 0 and not rebuffed:
            learning.settle(m, warmth, 1.0, p)
    return dict(zip(learning.LEARNER, m, strict=True))


def test_warm_answers_settle_the_vigilance_that_grudging_ones_leave():
    # the same inconsistent schedule: spells of prompt answers, spells answered only after
    # escalating, and unanswered occasions; only the warmth of her answers differs
    schedule = ([(1, False, False)] * 6 + [(3, False, False), (0, False, False)] * 6) * 30
    warm = settled_after(schedule, 0.9)
    grudging = settled_after(schedule, 0.3)
    assert warm["signal_gain"] < grudging["signal_gain"] - 0.1
    assert warm["volatility_raw"] < grudging["volatility_raw"]
    # a grudging answer settles nothing: the history learns as it does without settling
    plain = after(schedule)
    assert warm["signal_gain"] < plain["signal_gain"]
    assert grudging["signal_gain"] == pytest.approx(plain["signal_gain"])
    # expected rebuff is learned from the schedule alone
    assert warm["rebuff"] == grudging["rebuff"]
    # the ablation: without settling, warmth makes no difference to the history's learning
    off = home(ModelParams(warm_settling=0.0))
    assert settled_after(schedule, 0.9, off) == settled_after(schedule, 0.3, off)
