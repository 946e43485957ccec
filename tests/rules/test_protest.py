"""Protest and angry resistance (C1): the working model's disposition, the moment's frustration."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import disposed, dyad, present, propensities

from simulation.codes import ADULT, MOTIVE
from simulation.rules import protest

pytestmark = pytest.mark.rules


def test_frustration_builds_while_she_is_gone_and_fades_in_her_arms():
    s, per, _, p = dyad()
    for _ in range(60):
        s.frustration = protest.update_frustration(s, per, np.float32(0.8), p)
    gone = float(s.frustration)
    assert gone > 0.5
    present(per, held=True)
    s.motive, s.cg_act = MOTIVE.CONTACT_ACTIVE, ADULT.HOLDING
    for _ in range(60):
        s.frustration = protest.update_frustration(s, per, np.float32(0.8), p)
    assert float(s.frustration) < 0.2 * gone


def test_being_put_down_while_upset_frustrates():
    s, per, _, p = dyad()
    present(per, held=True)
    s.cg_act = ADULT.RELEASING
    assert protest.update_frustration(s, per, np.float32(0.8), p) > 0


def test_a_hyperactivated_infant_resists_angrily_only_when_frustrated():
    s, per, d, p = dyad(trust=0.6, gain=0.9, volatility=0.6, paid=0.6)
    present(per, held=True)
    assert propensities(s, per, d, p, 0.8)["RESIST_ANGRY"] == 0.0
    s.frustration = 0.8
    assert propensities(s, per, d, p, 0.8)["RESIST_ANGRY"] > 0.5


def test_an_infant_that_never_escalated_has_no_protest_to_show():
    assert disposed(gain=0.35, paid=0.5).protest == 0.0 < disposed(gain=0.9, paid=0.5).protest


def test_anger_comes_from_escalation_that_paid_not_from_trust():
    """Hyperactivated alike: anger grows with how often escalating got an answer (escalation
    paid), whatever the trust; without that history there is none."""
    assert disposed(gain=0.9, trust=0.9, paid=0.0).protest == 0.0
    low, high = disposed(gain=0.9, paid=0.1).protest, disposed(gain=0.9, paid=0.5).protest
    assert high > 3 * low > 0.0
    assert disposed(gain=0.9, trust=0.1, paid=0.5).protest == pytest.approx(
        disposed(gain=0.9, trust=0.9, paid=0.5).protest)
