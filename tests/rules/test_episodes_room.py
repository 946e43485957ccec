"""The room as Ainsworth et al. (1978, ch. 5) describe it, episode by episode, on hand-made
situations: weak attachment behaviour before the first separation, the stranger's entrance
drawing attention from the toys, wariness of her that fades once she is familiar, anger aimed
at the caregiver, contact wanted most after the second separation, a hyperactivated infant
her contact soothes less, and the avoidant infant's exploration as displacement."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import disposed, dyad, present, propensities, second

from simulation.codes import GAZE
from simulation.rules import deactivation, protest, proximity, secure_base

pytestmark = pytest.mark.rules

U = np.linspace(0, 1, 400, endpoint=False, dtype=np.float32)


def attachment(P: dict[str, float]) -> float:
    return P["APPROACH"] + P["SIGNAL"] + P["CONTACT_ACTIVE"]


def test_a_calm_infant_with_her_present_seeks_little_proximity_before_any_separation():
    s, per, d, p = dyad()
    present(per, d_cg=0.8)  # near her chair
    s.episode = 2
    before = propensities(s, per, d, p, 0.3)
    s.episode = 5
    after = propensities(s, per, d, p, 0.3)
    assert attachment(before) < 0.4 * attachment(after)
    s.episode = 2
    calm = propensities(s, per, d, p, 0.15)
    assert attachment(calm) < 0.1 * calm["EXPLORE"]


def test_contact_is_wanted_most_after_the_second_separation():
    p = second()
    beyond = [float(proximity.beyond_distress(np.int8(e), p)) for e in (2, 5, 8)]
    assert beyond[0] < beyond[1] < beyond[2]
    s, per, d, p = dyad()
    present(per, held=True)
    held = {}
    for e in (2, 5, 8):
        s.episode = e
        held[e] = propensities(s, per, d, p, 0.3)["CONTACT_ACTIVE"]
    assert held[2] < held[5] < held[8]


def test_the_stranger_is_novel_as_she_enters_and_her_novelty_wanes():
    p = second()
    novelty = {(e, t): float(secure_base.stranger_novelty(np.int8(e), np.int16(t), True, p))
               for e in (3, 4, 7) for t in (0, 30, 200)}
    assert novelty[3, 0] == 1.0 and 0 < novelty[3, 30] < 1.0 and novelty[3, 200] == 0.0
    assert novelty[4, 0] == 0.0  # she has been in the room since episode 3
    assert 0 < novelty[7, 0] < novelty[3, 0]  # coming back: less new
    assert secure_base.stranger_novelty(np.int8(3), np.int16(0), False, p) == 0.0


def test_exploration_falls_when_the_stranger_enters_and_the_infant_watches_her():
    s, per, d, p = dyad()
    present(per, d_cg=2.0)
    s.episode = 2
    calm = propensities(s, per, d, p, 0.15)
    s.episode, per.st_in, per.st_novel = 3, True, 1.0
    entering = propensities(s, per, d, p, 0.15)
    share = {k: v["EXPLORE"] / sum(v.values()) for k, v in (("ep2", calm), ("ep3", entering))}
    assert share["ep3"] < 0.7 * share["ep2"]
    assert entering["IDLE"] > 3 * calm["IDLE"]
    looks = np.mean([secure_base.gaze_idle(per, np.float32(0.15), np.float32(1.0), d, u, p)
                     == GAZE.STRANGER for u in U])
    assert looks > 0.9


def test_wariness_of_the_stranger_is_highest_at_her_first_approach():
    _, per, d, p = dyad()
    per.st_in = per.near_st = per.st_overture = True
    first = deactivation.avoid_stranger(True, per, np.float32(0.5), np.int8(3), d, p)
    later = deactivation.avoid_stranger(True, per, np.float32(0.5), np.int8(7), d, p)
    assert first > 0 and later < 0.5 * first


def test_anger_is_aimed_at_the_caregiver_more_than_at_the_stranger():
    d, p = disposed(gain=1.0, trust=0.6, volatility=0.6, paid=0.8), second()
    at_her = protest.resist_angry(np.float32(0.7), np.float32(0.8), np.float32(1.0), False,
                                  True, d, p)
    at_stranger = protest.resist_angry(np.float32(0.7), np.float32(0.8), np.float32(0.0), True,
                                       False, d, p)
    assert at_her > 0 and at_stranger < 0.25 * at_her


def test_her_contact_soothes_a_hyperactivated_infant_less():
    calm_gain = disposed(gain=0.35, trust=0.6)
    hyper = disposed(gain=1.0, trust=0.6)
    assert hyper.soothe < 0.6 * calm_gain.soothe


def test_the_avoidant_infant_explores_as_displacement_not_at_ceiling_when_alone():
    s, per, d, p = dyad(rebuff=0.9, trust=0.2)
    s.episode = 6
    alone = propensities(s, per, d, p, 0.7)  # alone and distressed
    present(per, d_cg=2.0)
    s.episode = 5
    with_her = propensities(s, per, d, p, 0.7)
    share_alone = alone["EXPLORE"] ** 2 / sum(v ** 2 for v in alone.values())
    share_with = with_her["EXPLORE"] ** 2 / sum(v ** 2 for v in with_her.values())
    assert share_alone < 0.85  # not at ceiling: sitting distressed takes a real share
    assert alone["EXPLORE"] < with_her["EXPLORE"]  # displacement needs her there
    assert share_with > share_alone


def test_a_calm_idle_infant_looks_around_the_room_and_at_the_toys():
    _, per, d, p = dyad()
    present(per, d_cg=2.0)
    def toys(a):
        return np.mean([secure_base.gaze_idle(per, np.float32(a), np.float32(0.0), d, u, p)
                        == GAZE.TOYS for u in U])
    assert toys(0.1) > 0.15 and toys(0.9) < 0.5 * toys(0.1)
