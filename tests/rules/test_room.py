"""The room's geometry rules: distance zones as the coder reads them."""

from __future__ import annotations

import numpy as np
import pytest

from simulation import room
from simulation.codes import Zone

pytestmark = pytest.mark.rules

f = np.float32


@pytest.mark.parametrize("dist, expected", [(0.1, Zone.CONTACT), (0.8, Zone.NEAR),
                                            (1.6, Zone.MID), (4.0, Zone.FAR)])
def test_zone_counts_the_thresholds_passed(dist, expected):
    """Each threshold passed adds one zone, compiled and in plain Python alike (numpy
    booleans added in plain Python would give zone 1 for every distance beyond contact)."""
    assert room.zone(f(dist), True, False) == int(expected)


def test_zone_of_an_absent_adult_and_of_a_held_infant():
    assert room.zone(f(4.0), False, False) == int(Zone.ABSENT)
    assert room.zone(f(4.0), True, True) == int(Zone.CONTACT)
