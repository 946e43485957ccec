"""The adults' scripts: the same for every infant, reacting to what it does."""

from __future__ import annotations

import pytest
from handmade import dyad, present

from simulation.codes import ADULT, CRY, MOTIVE, TARGET
from simulation.rules import adults

pytestmark = pytest.mark.rules


def seated_caregiver(episode=2, t=0):
    s, per, _, _ = dyad()
    s.episode, s.t_ep = episode, t
    s.cg_present, s.cg_act = True, ADULT.SITTING
    present(per, d_cg=2.5)
    return s, per


def test_she_comes_to_an_infant_that_keeps_bidding_for_her():
    s, per = seated_caregiver()
    s.motive, s.target = MOTIVE.SIGNAL, TARGET.CAREGIVER
    acts = []
    for _ in range(adults.CAREGIVER_COMES + 1):
        adults.caregiver_decide(s, per)
        acts.append(int(s.cg_act))
    assert acts[0] == ADULT.SITTING and acts[-1] == ADULT.APPROACHING


def test_she_leaves_unobtrusively_at_the_scripted_second_of_episode_3():
    s, per = seated_caregiver(episode=3, t=adults.EPISODE3_LEAVE - 1)
    assert not adults.caregiver_leaving_time(s)
    s.t_ep = adults.EPISODE3_LEAVE
    assert adults.caregiver_leaving_time(s)
    adults.caregiver_decide(s, per)
    assert s.cg_act == ADULT.LEAVING


def test_she_desists_from_an_infant_that_avoids_her():
    s, per = seated_caregiver(episode=5)
    s.cg_act = ADULT.APPROACHING
    s.motive, s.target = MOTIVE.AVOID, TARGET.CAREGIVER
    for _ in range(adults.CAREGIVER_DESISTS):
        adults.caregiver_decide(s, per)
    assert s.cg_act == ADULT.SITTING


def test_the_stranger_comes_to_comfort_a_crying_infant_in_a_separation():
    s, per, _, _ = dyad()
    s.episode, s.st_present, s.st_act, s.st_timer = 4, True, ADULT.PLAYING, 30
    per.st_in, per.d_st = True, 2.0
    s.cry = CRY.HARD
    for _ in range(adults.STRANGER_COMFORTS):
        adults.stranger_decide(s, per)
    assert s.st_act == ADULT.APPROACHING


def test_an_adult_who_stops_holding_puts_the_infant_down():
    s, per, _, _ = dyad()
    s.cg_present, s.held, s.cg_act = True, 1, ADULT.HOLDING
    adults.hand_over(s)
    assert s.held == 1
    s.cg_act = ADULT.SITTING
    adults.hand_over(s)
    assert s.held == 0
