"""Fear and disorganized lapses (D)."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import dyad, present, propensities

from simulation.codes import GAZE, MOTIVE, TARGET
from simulation.rules import infant

pytestmark = pytest.mark.rules

LAPSES = ("FREEZE", "APPROACH_BROKEN", "APPREHENSION", "ROCK", "DAZED")


def test_fear_of_her_gives_lapses_in_her_presence_only():
    s, per, d, p = dyad(fear=0.8)
    alone = propensities(s, per, d, p, 0.7)
    present(per, d_cg=2.0, overture=True)
    with_her = propensities(s, per, d, p, 0.7)
    assert all(alone[k] == 0.0 for k in LAPSES)
    assert all(with_her[k] > 0.0 for k in LAPSES)
    assert all(with_her[k] > 0.05 for k in LAPSES[:3])


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
    s.motive = MOTIVE.APPROACH
    assert propensities(s, per, d, p, 0.6)["APPROACH_BROKEN"] > 0.1
    s.motive = MOTIVE.IDLE
    assert propensities(s, per, d, p, 0.6)["APPROACH_BROKEN"] == 0.0


def test_contradictory_signals_break_approaches_off_without_fear_or_balance():
    # she comes (trust high) and rebuffs (rebuff well above the balance point): disrupted
    # communication, no fear; the same expected rebuff with little trust is no contradiction
    from simulation.params import ModelParams

    def broken(trust, p=None):
        s, per, d, q = dyad(p, trust=trust, rebuff=0.7, fear=0.0)
        present(per, d_cg=2.0)
        s.motive = MOTIVE.APPROACH
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
# --- the acts of a lapse: Main & Solomon's (1990) indices ------------------------------------


def test_a_freeze_once_begun_holds():
    s, per, d, p = dyad(fear=0.8)
    present(per, d_cg=2.0)
    starting = propensities(s, per, d, p, 0.7)["FREEZE"]
    s.motive = MOTIVE.FREEZE
    going_on = propensities(s, per, d, p, 0.7)["FREEZE"]
    assert going_on == pytest.approx(starting * (1 + p.freeze_hold / p.freeze_share), rel=1e-5)
    assert going_on > 2 * starting


def test_rocking_repeats_once_begun():
    s, per, d, p = dyad(fear=0.8)
    present(per, d_cg=2.0)
    starting = propensities(s, per, d, p, 0.7)["ROCK"]
    s.motive = MOTIVE.ROCK
    assert propensities(s, per, d, p, 0.7)["ROCK"] > starting > 0.0


def test_with_the_stranger_present_a_lapse_adds_approaches_to_her():
    """Misdirected attachment behaviour: the lapse adds to APPROACH only with the stranger
    there, and only a frightened infant's."""
    s, per, d, p = dyad(fear=0.8)
    present(per, d_cg=2.0)
    without = propensities(s, per, d, p, 0.7)["APPROACH"]
    per.st_in = True
    assert propensities(s, per, d, p, 0.7)["APPROACH"] > without
    s, per, d, p = dyad(fear=0.0)
    present(per, d_cg=2.0)
    base = propensities(s, per, d, p, 0.7)["APPROACH"]
    per.st_in = True
    assert propensities(s, per, d, p, 0.7)["APPROACH"] == base


def test_the_misdirected_share_of_an_approach_goes_to_the_stranger():
    s, per, d, p = dyad(fear=0.8)
    present(per, d_cg=2.0)
    per.st_in = True
    P = np.array([0.0, 0.0, 1.0] + [0.0] * (len(MOTIVE) - 3), dtype=np.float32)
    sums = np.cumsum(P).astype(np.float32)  # APPROACH alone: u is its position within it
    to = [infant.misdirect(MOTIVE.APPROACH, TARGET.CAREGIVER, s, per, P, sums,
                           np.float32(u), np.float32(0.25)) for u in (0.1, 0.2, 0.3, 0.9)]
    assert to == [TARGET.STRANGER, TARGET.STRANGER, TARGET.CAREGIVER, TARGET.CAREGIVER]
    # an approach to the stranger under way goes on
    s.motive, s.target = MOTIVE.APPROACH, TARGET.STRANGER
    assert infant.misdirect(MOTIVE.APPROACH, TARGET.CAREGIVER, s, per, P, sums, np.float32(0.9),
                            np.float32(0.25)) == TARGET.STRANGER
    # no lapse, or no stranger: the approach is hers
    assert infant.misdirect(MOTIVE.APPROACH, TARGET.CAREGIVER, s, per, P, sums, np.float32(0.1),
                            np.float32(0.0)) == TARGET.CAREGIVER


def test_an_approach_in_a_lapse_may_avert_the_gaze():
    A = np.float32(0.5)  # arousal
    s, per, d, p = dyad(fear=0.8)
    present(per, d_cg=2.0)
    s.motive = MOTIVE.IDLE  # the approach begins now
    look = [infant.gaze(MOTIVE.APPROACH, TARGET.CAREGIVER, s, per, A, d, np.float32(u),
                        np.float32(0.3), p) for u in (0.1, 0.5)]
    assert look == [GAZE.AWAY, GAZE.CAREGIVER]  # averted with chance 0.3 x averted_share
    assert infant.gaze(MOTIVE.APPROACH, TARGET.CAREGIVER, s, per, A, d, np.float32(0.1),
                       np.float32(0.0), p) == GAZE.CAREGIVER
    # once begun, the approach keeps its gaze, averted or not
    s.motive, s.target = MOTIVE.APPROACH, TARGET.CAREGIVER
    for before in (GAZE.AWAY, GAZE.CAREGIVER):
        s.gaze = before
        assert [infant.gaze(MOTIVE.APPROACH, TARGET.CAREGIVER, s, per, A, d, np.float32(u),
                            np.float32(0.3), p) for u in (0.1, 0.9)] == [before, before]


def test_conflict_without_fear_also_averts_approaches():
    """The approach-avoidance conflict route (no frightening care) gives averted approaches
    too, through the conflict's weight."""
    s, per, d, p = dyad(rebuff=0.35)
    present(per, d_cg=2.0)
    from simulation.rules import disorganized
    assert disorganized.conflicted(np.float32(0.0), np.float32(0.6), d, p) > 0.0
    s, per, d, p = dyad(rebuff=0.0, trust=0.95)
    assert disorganized.conflicted(np.float32(0.0), np.float32(0.6), d, p) < 0.02
