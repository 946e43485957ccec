"""What the infant perceives each second."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import dyad

from simulation import room
from simulation.codes import ADULT, HELD
from simulation.rules import perception

pytestmark = pytest.mark.rules


def test_contact_nearness_and_overtures_are_perceived():
    s, per, _, _ = dyad()
    s.cg_present, s.cg_act = True, ADULT.APPROACHING
    s.x, s.y = 2.0, 2.0
    s.cg_x, s.cg_y = np.float32(2.0 + room.CONTACT_DISTANCE / 2), 2.0
    s.st_x, s.st_y = 5.0, 1.0
    perception.perceive(s, per)
    assert per.cg_in and per.contact_cg and per.near_cg and per.cg_overture
    assert not per.st_in and not per.near_st and not per.st_overture


def test_a_held_infant_is_in_contact_and_an_absent_adult_is_not_perceived():
    s, per, _, _ = dyad()
    s.st_present, s.held, s.st_act = True, HELD.STRANGER, ADULT.HOLDING
    s.cg_present = False
    s.cg_x, s.cg_y = s.x, s.y  # where she was: not there any more
    perception.perceive(s, per)
    assert per.held_st and per.contact_st and per.st_overture
    assert not per.contact_cg and not per.near_cg and not per.cg_overture


def test_sitting_and_talking_are_not_overtures():
    for act in (ADULT.SITTING, ADULT.TALKING, ADULT.ABSENT):
        assert not perception.caregiver_overture(act)
        assert not perception.stranger_overture(act)
    assert perception.caregiver_overture(ADULT.CALLING)
    assert not perception.stranger_overture(ADULT.CALLING)
