"""The caregiver's availability at home: consistency is predictability, not the mean."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import home

from simulation.params import ModelParams
from simulation.rules import availability

pytestmark = pytest.mark.rules


@pytest.mark.parametrize("r, c", [(0.3, 0.0), (0.7, 0.1), (0.5, 0.5), (0.9, 1.0)])
def test_mean_attention_is_responsiveness_at_every_consistency(r, c):
    q = availability.preoccupied_share(r, c)
    mean = q * availability.attention(True, r, c) + (1 - q) * availability.attention(False, r, c)
    assert mean == pytest.approx(r)


def test_inconsistent_care_alternates_near_absence_and_near_presence():
    assert availability.attention(True, 0.7, 0.0) == 0.0
    assert availability.attention(False, 0.7, 0.0) == 1.0
    # steady care is never preoccupied and attends at its mean
    assert availability.preoccupied_share(0.7, 1.0) == 0.0
    assert availability.attention(False, 0.7, 1.0) == pytest.approx(0.7)


def test_preoccupation_lasts_and_takes_its_share_of_the_time():
    share, p = 0.3, home()
    u = np.random.default_rng(1).random(20000)
    state, states, changes = False, [], 0
    for x in u:
        new = availability.next_preoccupied(state, share, float(x), p)
        changes += new != state
        state = new
        states.append(state)
    assert np.mean(states) == pytest.approx(share, abs=0.05)
    assert len(u) / changes > 10  # periods of many occasions (days), not one occasion each


def test_loud_crying_breaks_through_a_preoccupied_inconsistent_caregiver_most():
    p = home()
    steady = availability.breakthrough_chance(True, 1.0, p)
    inconsistent = availability.breakthrough_chance(True, 0.0, p)
    attuned = availability.breakthrough_chance(False, 0.0, p)
    assert inconsistent > steady == attuned == pytest.approx(p.breakthrough)


def test_life_events_take_her_availability_and_nights_only_as_often_as_night_care():
    p = home(ModelParams(life_event_rate=6.0, night_care=0.25))
    assert availability.during_life_event(0.8, p) == pytest.approx(0.8 * (1 - 0.9))
    assert availability.life_event_chance(p) == pytest.approx(0.5)
    u = np.linspace(0, 1, 1001)[:-1]
    assert np.mean([availability.at_night(float(x), p) for x in u]) == pytest.approx(0.25)
