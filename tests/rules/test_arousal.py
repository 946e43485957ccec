"""Arousal: the situation's stress, the secure base's buffering, soothing contact."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import dyad, present

from simulation.codes import MOTIVE
from simulation.rules import arousal

pytestmark = pytest.mark.rules


def test_her_absence_is_stressful_and_more_so_after_the_first_separation():
    s, per, d, p = dyad()
    gone = arousal.stress(s, per, d, p)
    s.episode = 6
    again = arousal.stress(s, per, d, p)
    present(per, d_cg=2.0)
    back = arousal.stress(s, per, d, p)
    assert back < 0.5 * gone < gone < again


def test_a_trusted_caregiver_buffers_stress_and_a_feared_one_adds_to_it():
    s, per, d, p = dyad(trust=0.9)
    _, _, d_low, _ = dyad(trust=0.2)
    _, _, d_feared, _ = dyad(trust=0.9, fear=0.8)
    present(per, d_cg=0.3)
    trusted = arousal.stress(s, per, d, p)
    assert trusted < arousal.stress(s, per, d_low, p) < arousal.stress(s, per, d_feared, p)


def test_her_contact_soothes_and_refusing_it_takes_most_of_that_away():
    s, per, d, p = dyad()
    present(per, held=True)
    s.motive = MOTIVE.CONTACT_ACTIVE
    accepted = arousal.soothing(s, per, d, p)
    s.motive = MOTIVE.RESIST_ANGRY
    refused = arousal.soothing(s, per, d, p)
    assert refused == pytest.approx(accepted * (1 - p.refused_soothing), rel=1e-5)
    s.motive = MOTIVE.CONTACT_ACTIVE
    s.arousal = 0.9
    for _ in range(60):
        s.arousal = arousal.update_arousal(s, per, d, np.float32(0.5), p)
    assert s.arousal < 0.4


def test_arousal_rises_fast_and_calms_slowly_by_itself():
    s, per, d, p = dyad()
    for _ in range(60):  # alone: up toward the stress
        s.arousal = arousal.update_arousal(s, per, d, np.float32(0.5), p)
    up = float(s.arousal)
    assert up > 0.5
    present(per, d_cg=2.0)  # she is back but not touching: slow self-calming
    for _ in range(60):
        s.arousal = arousal.update_arousal(s, per, d, np.float32(0.5), p)
    assert s.arousal > 0.6 * up
