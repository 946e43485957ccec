"""Every anchor point of every interactive scale (Ainsworth et al. 1978, Appendix III) on a
hand-made record written to earn exactly that point, plus applicability, the PS 7 latency rule
and curtailed / extended episodes."""

from __future__ import annotations

import pytest
from records import RecordBuilder

from simulation.codes import Action, AdultAct
from simulation.observer import SCALES, code_record

PS, CM, RS, AV, SR, DI = range(6)
A = Action


def scale_of(builder: RecordBuilder, episode: int, toward: int, scale: int) -> int:
    return int(code_record(builder.build()).scales[0, episode - 1, toward, scale])


def b(durations=None) -> RecordBuilder:
    return RecordBuilder(durations)


# --- proximity and contact seeking: episode 8, toward the caregiver ----------------------------

PS_CASES = [
    pytest.param(1, lambda: b(), id="PS1-nothing"),
    pytest.param(2, lambda: b().look(8, 5, 8, "caregiver"), id="PS2-looks"),
    pytest.param(3, lambda: b().act(8, 5, 6, A.SIGNAL, "caregiver"), id="PS3-brief-signal"),
    pytest.param(3, lambda: b().act(8, 5, 7, A.APPROACH_BROKEN, "caregiver"),
                 id="PS3-tentative-approach"),
    pytest.param(4, lambda: b().approach(8, 5, 7, reach=False), id="PS4-part-way"),
    pytest.param(4, lambda: b().act(8, 5, 9, A.SIGNAL, "caregiver"), id="PS4-signals"),
    pytest.param(5, lambda: b().approach(8, 5, 11, reach=False), id="PS5-approach-no-contact"),
    pytest.param(5, lambda: b().act(8, 5, 7, A.SIGNAL, "caregiver")
                 .contact(8, 7, 40, active=False), id="PS5-reaches-and-is-picked-up"),
    pytest.param(6, lambda: b().approach(8, 10, 15, met=True).contact(8, 15, 60),
                 id="PS6-contact-with-help"),
    pytest.param(6, lambda: b().approach(8, 10, 15).contact(8, 15, 25),
                 id="PS6-own-contact-kept-10s"),
    pytest.param(7, lambda: b().approach(8, 10, 15).contact(8, 15, 60), id="PS7-own-contact"),
]


@pytest.mark.parametrize("expected, make", PS_CASES)
def test_proximity_seeking_anchor(expected, make):
    assert scale_of(make(), 8, 0, PS) == expected


@pytest.mark.parametrize(
    "episode, start, expected",
    [(8, 30, 7), (8, 31, 6), (5, 30, 7), (5, 31, 6), (2, 60, 7)],
)
def test_ps7_latency_rule(episode, start, expected):
    """PS 7 is not given in episodes 5, 7 and 8 if the first approach came more than 30 s in;
    other episodes have no such rule."""
    rec = b().approach(episode, start, start + 5).contact(episode, start + 5, start + 40)
    assert scale_of(rec, episode, 0, PS) == expected


@pytest.mark.parametrize("episode, expected", [(7, 6), (3, 7)])
def test_ps7_latency_rule_toward_the_stranger(episode, expected):
    rec = b().approach(episode, 40, 45, "stranger").contact(episode, 45, 80, "stranger")
    assert scale_of(rec, episode, 1, PS) == expected


def test_ps6_needs_the_approach_to_end_in_contact():
    """A step toward her long after being held passively is not 'approach and contact'."""
    rec = b().contact(8, 5, 20, active=False).approach(8, 100, 102, reach=False)
    assert scale_of(rec, 8, 0, PS) == 4


def test_ps_latency_counts_the_first_approach_even_if_partial():
    rec = b().approach(8, 5, 7, reach=False).approach(8, 60, 65).contact(8, 65, 100)
    assert scale_of(rec, 8, 0, PS) == 7


def test_ps_in_an_extended_reunion_uses_the_seconds_actually_run():
    durations = [30, 180, 180, 180, 180, 180, 180, 300]
    rec = RecordBuilder(durations).approach(8, 200, 205).contact(8, 205, 280)
    assert scale_of(rec, 8, 0, PS) == 6  # contact by own effort, but the approach was late


# --- contact maintaining: episode 8, toward the caregiver --------------------------------------

CM_CASES = [
    pytest.param(1, lambda: b(), id="CM1-no-contact"),
    pytest.param(2, lambda: b().contact(8, 10, 30, active=False), id="CM2-held-passively"),
    pytest.param(3, lambda: b().contact(8, 10, 25, active=False).contact(8, 25, 30),
                 id="CM3-brief-little-effort"),
    pytest.param(4, lambda: b().contact(8, 10, 30, active=False).contact(8, 30, 45),
                 id="CM4-a-while-some-effort"),
    pytest.param(5, lambda: b().contact(8, 10, 80), id="CM5-clings-over-a-minute"),
    pytest.param(5, lambda: b().contact(8, 10, 45).release(8, 30, 32),
                 id="CM5-clings-35s-resists-release"),
    pytest.param(6, lambda: b().contact(8, 10, 80).release(8, 50, 53),
                 id="CM6-over-a-minute-resists-release"),
    pytest.param(7, lambda: b().contact(8, 10, 150).release(8, 50, 53).release(8, 100, 103),
                 id="CM7-over-two-minutes-resists-twice"),
]


@pytest.mark.parametrize("expected, make", CM_CASES)
def test_contact_maintaining_anchor(expected, make):
    assert scale_of(make(), 8, 0, CM) == expected


def test_cm7_needs_over_two_minutes():
    rec = b().contact(8, 10, 130).release(8, 50, 53).release(8, 100, 103)  # exactly 120 s
    assert scale_of(rec, 8, 0, CM) == 6


def test_cm7_reachable_in_an_extended_reunion_only_with_the_seconds_run():
    durations = [30, 180, 180, 180, 180, 180, 180, 300]
    rec = RecordBuilder(durations).contact(8, 100, 260).release(8, 150, 153).release(8, 200, 203)
    assert scale_of(rec, 8, 0, CM) == 7


# --- resistance: episode 8, toward the caregiver -----------------------------------------------

ANGRY, PASSIVE = A.PUSH_AWAY, A.GO_LIMP
RS_CASES = [
    pytest.param(1, lambda: b(), id="RS1-none"),
    pytest.param(2, lambda: b().resists(8, [20], 1, PASSIVE, "caregiver"), id="RS2-doubtful"),
    pytest.param(3, lambda: b().resists(8, [20], 4, PASSIVE, "caregiver"), id="RS3-mild"),
    pytest.param(4, lambda: b().resists(8, [20], 2, ANGRY, "caregiver"), id="RS4-one-clear"),
    pytest.param(4, lambda: b().resists(8, [20, 30], 1, PASSIVE, "caregiver"),
                 id="RS4-several-mild"),
    pytest.param(5, lambda: b().resists(8, [20, 30], 2, ANGRY, "caregiver"), id="RS5-two-clear"),
    pytest.param(5, lambda: b().resists(8, [20], 2, ANGRY, "caregiver")
                 .resists(8, [40], 2, PASSIVE, "caregiver"), id="RS5-angry-and-passive"),
    pytest.param(6, lambda: b().resists(8, [20, 30, 40], 2, ANGRY, "caregiver"),
                 id="RS6-persistent-less-intense"),
    pytest.param(6, lambda: b().resists(8, [20, 40], 8, ANGRY, "caregiver"),
                 id="RS6-intense-less-persistent"),
    pytest.param(6, lambda: b().resists(8, [20, 40, 60, 80], 8, PASSIVE, "caregiver"),
                 id="RS6-persistent-passive"),
    pytest.param(7, lambda: b().resists(8, [20, 40, 60], 6, ANGRY, "caregiver"),
                 id="RS7-intense-persistent"),
]


@pytest.mark.parametrize("expected, make", RS_CASES)
def test_resistance_anchor(expected, make):
    assert scale_of(make(), 8, 0, RS) == expected


def test_resistance_runs_are_bouts_of_consecutive_seconds():
    """One long angry run is one clear instance (4), not many."""
    rec = b().resists(8, [20], 30, ANGRY, "caregiver")
    assert scale_of(rec, 8, 0, RS) == 4


# --- avoidance: episode 5, toward the caregiver ------------------------------------------------

AVOID = A.TURN_AWAY
AV_CASES = [
    pytest.param(1, lambda: b(), id="AV1-none"),
    pytest.param(2, lambda: b().turns_away(5, [20], 1, "caregiver"), id="AV2-very-brief"),
    pytest.param(3, lambda: b().turns_away(5, [20], 4, "caregiver"), id="AV3-mild-brief"),
    pytest.param(4, lambda: b().turns_away(5, [20], 12, "caregiver"), id="AV4-brief-mixed"),
    pytest.param(5, lambda: b().turns_away(5, [20], 30, "caregiver")
                 .act(5, 100, 102, A.SIGNAL, "caregiver"), id="AV5-clear-less-persistent"),
    pytest.param(5, lambda: b().paint(5, 0, 5, caregiver_act=AdultAct.ENTERING)
                 .paint(5, 5, 60, caregiver_act=AdultAct.APPROACHING)
                 .bouts(5, [70], 3, A.DISTANCE_INTERACT, "caregiver"),
                 id="AV5-a-minute-of-ignoring-then-interaction"),
    pytest.param(6, lambda: b().turns_away(5, [20], 50, "caregiver"),
                 id="AV6-less-prolonged-no-response"),

    pytest.param(6, lambda: b().turns_away(5, [20], 95, "caregiver")
                 .act(5, 150, 152, A.SIGNAL, "caregiver"), id="AV6-high-with-some-response"),
    pytest.param(7, lambda: b().turns_away(5, [20], 95, "caregiver"),
                 id="AV7-conspicuous-persistent"),
]


@pytest.mark.parametrize("expected, make", AV_CASES)
def test_avoidance_anchor(expected, make):
    assert scale_of(make(), 5, 0, AV) == expected


def test_brief_turning_away_however_often_is_4():
    """Brief avoidance mixed with interaction is 4 (Appendix III): five 2-s turns away from
    her calls; three more turns to the toys when she has not called are not avoidance."""
    rec = b().turns_away(5, range(10, 110, 20), 2, "caregiver")
    rec.bouts(5, range(110, 170, 20), 2, A.TURN_AWAY, "caregiver")
    assert code_record(rec.build()).features["avoid"][0, 4, 0] == 10
    assert scale_of(rec, 5, 0, AV) == 4


def test_greeting_her_entrance_is_not_ignoring():
    rec = b().paint(5, 0, 5, caregiver_act=AdultAct.ENTERING).look(5, 0, 5, "caregiver")
    assert scale_of(rec, 5, 0, AV) == 1


def test_playing_on_while_she_enters_is_ignoring():
    rec = b().paint(5, 0, 5, caregiver_act=AdultAct.ENTERING)
    assert scale_of(rec, 5, 0, AV) == 3  # 5 s of ignoring: mild, brief


def test_turning_away_while_held_is_avoidance():
    rec = b().contact(8, 10, 40, active=False).act(8, 20, 32, AVOID, "caregiver")
    assert scale_of(rec, 8, 0, AV) == 4


# --- search: separation episode 6, toward the absent caregiver ---------------------------------

SR_CASES = [
    pytest.param(1, lambda: b(), id="SR1-none"),
    pytest.param(2, lambda: b().look(6, 20, 21, "door"), id="SR2-fleeting-glance"),
    pytest.param(3, lambda: b().look(6, 20, 21, "door").look(6, 50, 51, "door"),
                 id="SR3-occasional-glances"),
    pytest.param(4, lambda: b().look(6, 20, 21, "door").look(6, 50, 51, "door")
                 .look(6, 90, 91, "door"), id="SR4-repeated-looks"),
    pytest.param(5, lambda: b().act(6, 20, 25, A.SEARCH, "door"), id="SR5-goes-to-door"),
    pytest.param(5, lambda: b().act(6, 20, 25, A.APPROACH, "door"), id="SR5-approaches-door"),
    pytest.param(6, lambda: b().act(6, 20, 60, A.SEARCH, "door"), id="SR6-active"),
    pytest.param(7, lambda: b().act(6, 20, 100, A.SEARCH, "door"), id="SR7-persistent"),
]


@pytest.mark.parametrize("expected, make", SR_CASES)
def test_search_anchor(expected, make):
    assert scale_of(make(), 6, 0, SR) == expected


def test_search_in_a_curtailed_separation_is_judged_on_the_time_run():
    """25 s at the door is most of a separation cut short at 60 s, a fraction of a full one."""
    short = RecordBuilder([30, 180, 180, 180, 180, 60, 180, 180]).act(6, 20, 45, A.SEARCH, "door")
    full = b().act(6, 20, 45, A.SEARCH, "door")
    assert scale_of(short, 6, 0, SR) == 7
    assert scale_of(full, 6, 0, SR) == 5


# --- distance interaction: episode 2, toward the caregiver -------------------------------------

INTERACT = A.DISTANCE_INTERACT
DI_CASES = [
    pytest.param(1, lambda: b(), id="DI1-none"),
    pytest.param(2, lambda: b().look(2, 20, 22, "caregiver"), id="DI2-a-look"),
    pytest.param(3, lambda: b().look(2, 20, 22, "caregiver").look(2, 40, 42, "caregiver")
                 .look(2, 60, 62, "caregiver"), id="DI3-attentive-looking"),
    pytest.param(4, lambda: b().bouts(2, [20], 2, INTERACT, "caregiver"), id="DI4-some"),
    pytest.param(5, lambda: b().bouts(2, [20, 40], 2, INTERACT, "caregiver"), id="DI5-repeated"),
    pytest.param(6, lambda: b().bouts(2, [20, 40, 60], 4, INTERACT, "caregiver"), id="DI6-active"),
    pytest.param(7, lambda: b().bouts(2, [20, 40, 60, 80], 6, INTERACT, "caregiver"),
                 id="DI7-sustained"),
]


@pytest.mark.parametrize("expected, make", DI_CASES)
def test_distance_interaction_anchor(expected, make):
    assert scale_of(make(), 2, 0, DI) == expected


def test_di7_needs_sustained_interaction():
    rec = b().bouts(2, [20, 40, 60, 80], 4, INTERACT, "caregiver")  # 16 s in 4 bouts
    assert scale_of(rec, 2, 0, DI) == 6


# --- applicability (0 = not applicable) --------------------------------------------------------


def test_scales_toward_an_absent_adult_are_not_applicable():
    scales = code_record(b().build()).scales[0]
    assert (scales[1, 1] == 0).all()  # the stranger is not in episode 2
    assert (scales[5] == 0).sum() == 11  # episode 6: alone; only search for the caregiver
    assert scales[5, 0, SR] == 1
    interactive = [i for i in range(len(SCALES)) if i != SR]
    assert (scales[3, 0, interactive] == 0).all()  # caregiver out in episode 4
    assert (scales[3, 1, interactive] == 1).all()  # the stranger is there


def test_search_applies_only_toward_the_caregiver_while_she_is_away():
    scales = code_record(b().build()).scales[0]
    for ep in (1, 2, 3, 5, 8):
        assert scales[ep - 1, 0, SR] == 0
    for ep in (4, 6, 7):
        assert scales[ep - 1, 0, SR] == 1
    assert (scales[:, 1, SR] == 0).all()


def test_an_episode_never_run_is_not_scored():
    rec = RecordBuilder([30, 180, 180, 180, 180, 180, 0, 180])
    scales = code_record(rec.build()).scales[0]
    assert (scales[6] == 0).all()
    assert scales[7, 0, PS] == 1


@pytest.mark.parametrize("seconds, applies", [(10, False), (15, True)])
def test_an_adult_present_less_than_one_interval_is_not_scored(seconds, applies):
    rec = b().paint(5, 0, seconds, present=3, stranger_act=AdultAct.LEAVING, zone_stranger=3)
    stranger = code_record(rec.build()).scales[0, 4, 1]
    assert (stranger[[PS, CM, RS, AV, DI]] > 0).all() == applies
    assert (stranger[[PS, CM, RS, AV, DI]] == 0).all() == (not applies)
