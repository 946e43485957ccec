"""The unresolved caregiver in the procedure: dissociated moments only at the reunions, only
where she is unresolved; while one lasts she responds to nothing and the infant lapses more."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import dyad, present, propensities, records, second

from simulation import dyad_state, rng
from simulation.codes import ADULT
from simulation.rules import adults, unresolved

pytestmark = pytest.mark.rules

KEY = rng.infant_keys(3, np.arange(1))[0]
PURPOSE = rng.ssp_purpose(12.0)


def moments(episode: int, level: float, seconds: int = 3000, present_: bool = True) -> int:
    """How many dissociated moments begin over ``seconds`` of one episode."""
    s = records(dyad_state.start(np.zeros(1), np.zeros(1), np.array([level])))[0]
    s.episode = episode
    s.cg_present = present_
    p = second()
    began = 0
    for tick in range(seconds):
        before = s.cg_stilled
        unresolved.caregiver_dissociates(s, KEY, PURPOSE, tick, p)
        began += int(s.cg_stilled > before)
    return began


def test_dissociated_moments_only_at_reunions_and_only_if_unresolved():
    assert moments(5, 0.8) > 5 and moments(8, 0.8) > 5
    for episode in (1, 2, 3, 4, 6, 7):
        assert moments(episode, 0.8) == 0
    assert moments(5, 0.0) == moments(8, 0.0) == 0
    assert moments(5, 0.8, present_=False) == 0  # she must be in the room
    assert moments(5, 0.8) > moments(5, 0.2)


def test_a_moment_lasts_its_declared_seconds():
    s = records(dyad_state.start(np.zeros(1), np.zeros(1), np.array([1.0])))[0]
    s.episode, s.cg_present = 8, True
    p = second()
    tick = 0
    while s.cg_stilled == 0:
        unresolved.caregiver_dissociates(s, KEY, PURPOSE, tick, p)
        tick += 1
    run = 0
    while s.cg_stilled > 0:
        run += 1
        unresolved.caregiver_dissociates(s, KEY, PURPOSE, tick, p)
        tick += 1
    assert run == int(p.dissociation_seconds)


def test_a_stilled_caregiver_neither_responds_nor_walks():
    s, per, _, _ = dyad()
    s.episode, s.cg_present, s.cg_act = 5, True, ADULT.APPROACHING
    s.cg_x, s.cg_y = 1.0, 1.0
    s.cg_stilled = 3
    adults.caregiver_decide(s, per)
    adults.caregiver_act(s)
    assert s.cg_act == ADULT.APPROACHING and (s.cg_x, s.cg_y) == (1.0, 1.0)


def test_her_stilled_frightened_look_raises_lapses_without_learned_fear():
    s, per, d, p = dyad(fear=0.0)
    present(per, d_cg=2.0)
    calm = propensities(s, per, d, p, 0.6)["FREEZE"]
    s.cg_stilled = 2
    stilled = propensities(s, per, d, p, 0.6)["FREEZE"]
    assert calm == 0.0 < stilled
