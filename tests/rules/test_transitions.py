"""Episode transitions: the procedure's timing rules."""

from __future__ import annotations

import pytest
from handmade import dyad

from simulation.codes import ADULT, CRY
from simulation.episodes import CURTAIL_HARD_CRY_SECONDS, NOMINAL
from simulation.rules import transitions

pytestmark = pytest.mark.rules


def test_episode_1_ends_at_its_nominal_length_and_the_stranger_enters_in_3():
    s, _, _, _ = dyad()
    s.t_ep = NOMINAL[0] - 1
    assert not transitions.episode_ends(s)
    s.t_ep = NOMINAL[0]
    transitions.advance(s)
    assert s.episode == 2 and s.t_ep == 0
    s.t_ep = NOMINAL[1]
    transitions.advance(s)
    assert s.episode == 3 and s.st_present and s.st_act == ADULT.ENTERING


def test_a_separation_is_cut_short_by_about_a_minute_of_hard_crying():
    s, _, _, _ = dyad()
    s.episode = 4
    s.cry = CRY.HARD
    seconds = 0
    while not transitions.episode_ends(s):
        transitions.count(s)
        seconds += 1
    assert seconds == CURTAIL_HARD_CRY_SECONDS < NOMINAL[3]


def test_calm_seconds_count_against_hard_crying_and_the_clock_stops_after_episode_8():
    s, _, _, _ = dyad()
    s.episode, s.hard_cry_net, s.cry = 4, 10, CRY.NONE
    transitions.count(s)
    assert s.hard_cry_net == 9 and s.calm_run == 1 and s.t_ep == 1
    s.episode = 9
    transitions.count(s)
    assert s.t_ep == 1
