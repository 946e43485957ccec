"""Proximity seeking and contact maintaining."""

from __future__ import annotations

import pytest
from handmade import disposed, dyad, present, propensities

pytestmark = pytest.mark.rules


def test_approach_grows_with_distress():
    s, per, d, p = dyad()
    present(per, d_cg=2.0)
    calm, upset = propensities(s, per, d, p, 0.2), propensities(s, per, d, p, 0.8)
    assert upset["APPROACH"] > 10 * calm["APPROACH"]
    assert calm["EXPLORE"] > calm["APPROACH"]


def test_a_trusting_infant_in_her_arms_holds_on_beyond_its_distress():
    s, per, d, p = dyad(trust=0.9)
    s.episode = 5  # a reunion: after a separation it wants the contact beyond its distress
    present(per, held=True)
    calm = propensities(s, per, d, p, 0.0)
    assert calm["CONTACT_ACTIVE"] > 0.3  # clinging has a floor: it wants the contact
    untrusting = dyad(trust=0.1)
    untrusting[0].episode = 5
    present(untrusting[1], held=True)
    held = propensities(*untrusting, 0.0)
    assert held["CONTACT_PASSIVE"] > held["CONTACT_ACTIVE"] / 2


def test_hyperactivation_adds_clinging():
    assert disposed(gain=0.9).cling > disposed(gain=0.35).cling + 0.3


def test_a_distressed_infant_greets_her_by_going_to_her():
    s, per, d, p = dyad()
    present(per, d_cg=2.0, overture=True)
    entering = propensities(s, per, d, p, 0.6)
    present(per, d_cg=2.0, overture=False)
    sitting = propensities(s, per, d, p, 0.6)
    assert entering["APPROACH"] > sitting["APPROACH"]
