"""Search in the separations."""

from __future__ import annotations

import pytest
from handmade import dyad, present, propensities

pytestmark = pytest.mark.rules


def test_a_distressed_infant_searches_only_when_she_is_gone():
    s, per, d, p = dyad()
    gone = propensities(s, per, d, p, 0.7)
    present(per, d_cg=2.0)
    assert propensities(s, per, d, p, 0.7)["SEARCH"] == 0.0 < gone["SEARCH"]
    assert gone["SEARCH"] > 3 * gone["EXPLORE"]


def test_a_deactivating_infant_barely_searches():
    trusting = propensities(*dyad(rebuff=0.1), 0.7)["SEARCH"]
    deactivating = propensities(*dyad(rebuff=0.6), 0.7)["SEARCH"]
    assert deactivating < 0.05 * trusting
