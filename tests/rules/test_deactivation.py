"""Deactivation and avoidance: expected rebuff switches approach off and attention away."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import disposed, dyad, present, propensities, second

from simulation.params import ModelParams
from simulation.rules import deactivation

pytestmark = pytest.mark.rules


def test_expected_rebuff_is_a_switch_on_the_pull_to_approach():
    p = ModelParams()
    pull = deactivation.pull_to_approach(np.array([0.1, p.rebuff_threshold, 0.6]), p)
    assert pull[0] > 0.99 and pull[1] == pytest.approx(0.5) and pull[2] < 0.01


def test_expected_rebuff_lowers_approach_and_raises_turning_to_the_toys():
    trusting = dyad(rebuff=0.1)
    rebuffed = dyad(rebuff=0.6)
    for _, per, _, _ in (trusting, rebuffed):
        present(per, d_cg=1.5, overture=True)
    a = propensities(*trusting, 0.5)
    b = propensities(*rebuffed, 0.5)
    assert b["APPROACH"] < 0.1 * a["APPROACH"]
    assert b["EXPLORE"] > a["EXPLORE"] and b["AVOID"] > 10 * a["AVOID"]


def test_deactivation_peaks_at_middling_arousal():
    p = second()
    weights = [float(deactivation.deactivating(np.float32(a), p)) for a in (0.2, 0.6, 1.0)]
    assert weights[1] > weights[0] and weights[1] > weights[2]


def test_she_is_avoided_most_when_she_makes_an_overture():
    d, p = disposed(rebuff=0.6), second()
    deact = deactivation.deactivating(np.float32(0.5), p)
    _, quiet, _, _ = dyad(rebuff=0.6)
    _, overture, _, _ = dyad(rebuff=0.6)
    present(quiet, overture=False)
    present(overture, overture=True)
    low = deactivation.avoid_caregiver(np.float32(1.0), deact, quiet, d, p)
    high = deactivation.avoid_caregiver(np.float32(1.0), deact, overture, d, p)
    assert high == pytest.approx(low / ModelParams().avoid_unprompted, rel=1e-5)
