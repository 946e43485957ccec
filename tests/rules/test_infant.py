"""The infant's choice among its propensities, and its decision phase."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import dyad, second

from simulation.codes import MOTIVE
from simulation.params import ModelParams
from simulation.rules import infant

pytestmark = pytest.mark.rules


def picks(P, current, p, n=2000):
    sums = np.zeros(len(P), dtype=np.float32)
    u = np.linspace(0, 1, n, endpoint=False, dtype=np.float32)
    return np.bincount([infant.choose(P, sums, current, x, p) for x in u], minlength=len(P)) / n


def test_behaviour_comes_in_bouts_the_current_action_is_favoured():
    P = np.zeros(len(MOTIVE), dtype=np.float32)
    P[MOTIVE.EXPLORE] = P[MOTIVE.APPROACH] = 0.5
    p = second()  # weights squared, the current one x (1 + persistence) = 5: 5/6 against 1/6
    assert picks(P, MOTIVE.EXPLORE, p)[MOTIVE.EXPLORE] == pytest.approx(5 / 6, abs=0.01)
    assert picks(P, MOTIVE.APPROACH, p)[MOTIVE.EXPLORE] == pytest.approx(1 / 6, abs=0.01)


def test_decisiveness_lets_the_strongest_tendency_win_more_often():
    P = np.zeros(len(MOTIVE), dtype=np.float32)
    P[MOTIVE.EXPLORE], P[MOTIVE.SEARCH] = 0.6, 0.3
    linear = picks(P, MOTIVE.IDLE, second(ModelParams(decisiveness=1.0)))[MOTIVE.EXPLORE]
    squared = picks(P, MOTIVE.IDLE, second())[MOTIVE.EXPLORE]
    assert linear == pytest.approx(2 / 3, abs=0.01) and squared == pytest.approx(0.8, abs=0.01)


def test_nothing_to_do_is_idling():
    P = np.zeros(len(MOTIVE), dtype=np.float32)
    assert infant.choose(P, np.zeros_like(P), MOTIVE.EXPLORE, np.float32(0.3), second()) == \
        MOTIVE.IDLE


def test_the_decision_phase_updates_arousal_action_crying_and_gaze_together():
    s, per, d, p = dyad()
    s.arousal = 0.9  # alone and distressed
    infant.decide(s, per, d, np.uint64(7), 16, 0, p)
    assert s.motive in (MOTIVE.SEARCH, MOTIVE.IDLE, MOTIVE.EXPLORE)
    assert s.propensity[MOTIVE.SEARCH] > 0 and s.cry_drive > 0
