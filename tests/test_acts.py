"""The infant's acts in the engine: motives show as motor acts, and the same acts also come
without those motives, so that only their context tells a coder what they are."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from simulation.codes import Action as A
from simulation.codes import AdultAct, Cry, Held, Target
from simulation.observer import code_record


def _in(record, episode, mask):
    return int((mask & (record.episode == episode)).sum())


def test_calm_play_has_kicks_and_thrown_toys_the_coder_does_not_count(preset_runs):
    """Episode 2 (she sits, the infant plays): rough play at the toys, no resistance coded."""
    r = preset_runs["sensitive"][1].record
    rough = ((r.action == A.KICK) | (r.action == A.THROW_TOY)) & (r.target == Target.TOYS)
    explore = r.action == A.EXPLORE
    assert _in(r, 2, rough) > 0.01 * _in(r, 2, explore)
    assert code_record(r).features["angry"][:, 1, 0].sum() == 0


def test_a_calm_held_infant_squirms_to_get_down_without_it_counting_as_resistance(preset_runs):
    r = preset_runs["sensitive"][1].record
    held = r.held == Held.CAREGIVER
    calm_squirm = (r.action == A.SQUIRM) & (r.cry == Cry.NONE) & held
    squirms = sum(_in(r, e, calm_squirm) for e in (5, 8))
    # the same record with the calm squirms replaced by being held passively: what the coder
    # counts as resistance hardly changes (angry acts of less secure dyads count in both)
    passive = replace(r, action=np.where(calm_squirm, np.uint8(A.CONTACT_PASSIVE), r.action)
                      .astype(r.action.dtype))
    coded = code_record(r).features["angry"][:, [4, 7], 0].sum()
    without = code_record(passive).features["angry"][:, [4, 7], 0].sum()
    assert squirms > 100 and coded - without < 0.2 * squirms


def test_turning_back_to_the_toys_with_no_one_entering_is_not_avoidance(preset_runs):
    """Secure infants turn from a glance at her back to the toys in episode 2 (she sits, has
    not just entered): the coder does not count it."""
    r = preset_runs["sensitive"][1].record
    turns = _in(r, 2, (r.action == A.TURN_AWAY) & (r.target == Target.CAREGIVER))
    assert turns > 100
    assert code_record(r).features["avoid"][:, 1, 0].sum() < 0.05 * turns


def test_angry_acts_of_the_ambivalent_infant_come_when_she_presses_contact(preset_runs):
    """The C1 infant's pushes, kicks and thrown toys at her in the reunions come while she holds
    it or makes an overture (comes to it, calls it, plays with it), and the coder counts most of
    them as resistance."""
    r = preset_runs["inconsistent"][1].record
    reunion = (r.episode == 5) | (r.episode == 8)
    angry = (reunion & np.isin(r.action, [A.PUSH_AWAY, A.KICK, A.THROW_TOY])
             & (r.target == Target.CAREGIVER))
    pressing = (r.held == Held.CAREGIVER) | np.isin(
        r.caregiver_act, [AdultAct.ENTERING, AdultAct.APPROACHING, AdultAct.HOLDING,
                          AdultAct.CALLING, AdultAct.PLAYING])
    assert angry.sum() > 300 and (angry & pressing).sum() > 0.9 * angry.sum()
    coded = code_record(r).features["angry"][:, [4, 7], 0].sum()
    assert coded > 0.7 * angry.sum()


def test_the_avoidant_infant_turns_away_from_her_at_reunion_and_the_coder_sees_it(preset_runs):
    r = preset_runs["rejecting"][1].record
    turns = sum(_in(r, e, (r.action == A.TURN_AWAY) & (r.target == Target.CAREGIVER))
                for e in (5, 8))
    coded = code_record(r).features["avoid"][:, [4, 7], 0].sum()
    assert turns > 1000 and coded > turns
