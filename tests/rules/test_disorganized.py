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


def test_contradictory_signals_break_approaches_off_without_fear_or_balance():
    # she comes (trust high) and rebuffs (rebuff well above the balance point): disrupted
    # communication, no fear; the same expected rebuff with little trust is no contradiction
    from simulation.params import ModelParams

    def broken(trust, p=None):
        s, per, d, q = dyad(p, trust=trust, rebuff=0.7, fear=0.0)
        present(per, d_cg=2.0)
        s.action = ACTION.APPROACH
        return propensities(s, per, d, q, 0.6)["APPROACH_BROKEN"]

    off = ModelParams(contradiction_weight=0.0)
    assert broken(0.9) > broken(0.9, off) + 0.1
    assert broken(0.2) == pytest.approx(broken(0.2, off))
    s, per, d, q = dyad(trust=0.9, rebuff=0.7, fear=0.0)
    present(per, d_cg=2.0)
    assert propensities(s, per, d, q, 0.6)["FREEZE"] == 0.0  # no fear: no lapses


def test_learned_contradiction_is_zero_below_its_onset_and_grows_above():
    import numpy as np

    from simulation.rules.disorganized import contradiction
    values = contradiction(np.array([0.4, 0.6, 0.9, 1.0]), np.array([0.4, 0.6, 0.9, 1.0]), 0.2)
    assert values[0] == 0.0 < values[1] < values[2] < values[3] == 1.0
