"""Helplessness and passive resistance (C2)."""

from __future__ import annotations

import pytest
from handmade import disposed, dyad, present, propensities

pytestmark = pytest.mark.rules


def test_signals_that_went_unanswered_make_an_infant_helpless():
    unanswered = disposed(trust=0.3, gain=0.9, helpless=0.5)
    answered = disposed(trust=0.3, gain=0.9, helpless=0.05)
    assert unanswered.helpless > 5 * answered.helpless


def test_passivity_comes_from_learned_helplessness_not_from_trust():
    """Trust alone (what the first bid got) does not make an infant passive: the same trust
    with or without a history of unanswered bids."""
    assert disposed(trust=0.1, gain=0.9, helpless=0.0).helpless == 0.0
    assert disposed(trust=0.1, gain=0.9, helpless=0.4).helpless == pytest.approx(
        disposed(trust=0.8, gain=0.9, helpless=0.4).helpless)
    assert disposed(trust=0.1, gain=0.9, helpless=0.4, paid=0.6).protest > 0.0


def test_a_helpless_infant_resists_passively_only_while_she_presses_contact():
    s, per, d, p = dyad(trust=0.1, gain=0.9, helpless=0.5)
    present(per, d_cg=2.0)
    away = propensities(s, per, d, p, 0.7)
    present(per, held=True)
    held = propensities(s, per, d, p, 0.7)
    assert away["RESIST_PASSIVE"] == 0.0 < held["RESIST_PASSIVE"]
    assert away["SIGNAL"] > 0.5 * away["APPROACH"]  # it signals rather than going to her
