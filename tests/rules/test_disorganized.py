"""Fear and disorganized lapses (D)."""

from __future__ import annotations

import pytest
from handmade import dyad, present, propensities

from simulation.codes import ACTION

pytestmark = pytest.mark.rules

LAPSES = ("FREEZE", "APPROACH_BROKEN", "APPREHENSION")


def test_fear_of_her_gives_lapses_in_her_presence_only():
    s, per, d, p = dyad(fear=0.8)
    alone = propensities(s, per, d, p, 0.7)
    present(per, d_cg=2.0, overture=True)
    with_her = propensities(s, per, d, p, 0.7)
    assert all(alone[k] == 0.0 for k in LAPSES)
    assert all(with_her[k] > 0.05 for k in LAPSES)


def test_lapses_are_graded_in_fear():
    weights = []
    for fear in (0.0, 0.3, 0.9):
        s, per, d, p = dyad(fear=fear)
        present(per, d_cg=2.0)
        weights.append(propensities(s, per, d, p, 0.7)["FREEZE"])
    assert weights[0] == 0.0 < weights[1] < weights[2]


def test_approach_and_rebuff_in_balance_break_approaches_off():
    s, per, d, p = dyad(rebuff=0.35)  # at the threshold: the pull is one half
    present(per, d_cg=2.0)
    s.action = ACTION.APPROACH
    assert propensities(s, per, d, p, 0.6)["APPROACH_BROKEN"] > 0.1
    s.action = ACTION.IDLE
    assert propensities(s, per, d, p, 0.6)["APPROACH_BROKEN"] == 0.0
