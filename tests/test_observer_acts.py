"""The coder reads resistance and avoidance from acts in context (Ainsworth et al. 1978,
Appendix III): the record holds a push, a kick, a turn to the toys; whether that is resistance
or avoidance depends on who holds the infant, who approached, what she did just before."""

from __future__ import annotations

from records import RecordBuilder

from simulation.codes import Action, AdultAct, Cry, Held, Zone
from simulation.observer import code_record
from simulation.observer.explanation import resistance_acts
from simulation.observer.primitives import AVOID_WINDOW, RESIST_WINDOW

A = Action
RS, AV = 2, 3


def _coded(b: RecordBuilder, episode: int = 8):
    """(angry s, passive s, avoid s, resistance score, avoidance score) toward the caregiver."""
    c = code_record(b.build())
    f = c.features
    e = episode - 1
    return (int(f["angry"][0, e, 0]), int(f["passive"][0, e, 0]), int(f["avoid"][0, e, 0]),
            int(c.scales[0, e, 0, RS]), int(c.scales[0, e, 0, AV]))


def _picked_up(b: RecordBuilder, start: int, stop: int) -> RecordBuilder:
    """She comes to the infant over [start, stop): near it, APPROACHING."""
    return b.paint(8, start, stop, caregiver_act=AdultAct.APPROACHING, zone_caregiver=Zone.NEAR)


def test_a_push_while_being_picked_up_is_resistance():
    b = _picked_up(RecordBuilder(), 20, 26).act(8, 22, 26, A.PUSH_AWAY, "caregiver")
    angry, passive, _, rs, _ = _coded(b)
    assert angry == 4 and passive == 0 and rs >= 4


def test_a_push_kick_or_squirm_while_held_is_resistance():
    for act in (A.PUSH_AWAY, A.KICK):
        b = RecordBuilder().contact(8, 20, 40, active=False).act(8, 25, 29, act, "caregiver")
        assert _coded(b)[0] == 4
    squirm = (RecordBuilder().contact(8, 20, 40, active=False)
              .act(8, 25, 29, A.SQUIRM, "caregiver").cry(8, 25, 29, Cry.FUSS))
    assert _coded(squirm)[0] == 4


def test_the_same_push_with_no_one_near_is_not_resistance():
    """She sits at a distance and has made no overture for longer than the window."""
    b = RecordBuilder().paint(8, 0, 60, zone_caregiver=Zone.FAR).act(8, 40, 44, A.PUSH_AWAY,
                                                                      "caregiver")
    angry, passive, _, rs, _ = _coded(b)
    assert angry == 0 and passive == 0 and rs == 1


def test_a_push_counts_only_while_her_overture_is_recent():
    """Her approach's last second is 23: a push begun RESIST_WINDOW s after it counts, one
    begun a second later does not (no one pressing)."""
    soon = _picked_up(RecordBuilder(), 20, 24).act(8, 23 + RESIST_WINDOW, 25 + RESIST_WINDOW,
                                                   A.PUSH_AWAY, "caregiver")
    late = _picked_up(RecordBuilder(), 20, 24).act(8, 24 + RESIST_WINDOW, 26 + RESIST_WINDOW,
                                                   A.PUSH_AWAY, "caregiver")
    assert _coded(soon)[0] == 2 and _coded(late)[0] == 0


def test_a_bout_begun_in_context_counts_whole():
    """Kicking that begins in her arms and goes on after she has put the infant down and sat
    is one bout of resistance; kicking that began before she came counts from her approach."""
    b = RecordBuilder().contact(8, 20, 30, active=False).act(8, 28, 60, A.KICK, "caregiver")
    assert _coded(b)[0] == 32
    before = _picked_up(RecordBuilder(), 40, 45).act(8, 30, 45, A.KICK, "caregiver")
    assert _coded(before)[0] == 5


def test_a_calm_squirm_to_get_down_is_not_resistance():
    b = RecordBuilder().contact(8, 20, 40, active=False).act(8, 25, 29, A.SQUIRM, "caregiver")
    assert _coded(b)[0] == 0


def test_throwing_away_the_toy_she_offers_is_resistance():
    b = (RecordBuilder().paint(8, 20, 40, caregiver_act=AdultAct.PLAYING, zone_caregiver=Zone.NEAR)
         .act(8, 30, 33, A.THROW_TOY, "caregiver"))
    assert _coded(b)[0] == 3
    in_play = RecordBuilder().act(8, 30, 33, A.THROW_TOY, "toys").act(8, 40, 42, A.KICK, "toys")
    assert _coded(in_play)[:2] == (0, 0)


def test_going_limp_while_held_or_approached_is_passive_resistance():
    held = RecordBuilder().contact(8, 20, 40).act(8, 25, 31, A.GO_LIMP, "caregiver",
                                                  held=Held.CAREGIVER)
    approached = _picked_up(RecordBuilder(), 20, 30).act(8, 22, 26, A.GO_LIMP, "caregiver")
    alone = RecordBuilder().act(8, 60, 64, A.GO_LIMP, "caregiver")
    assert _coded(held)[:2] == (0, 6) and _coded(approached)[:2] == (0, 4)
    assert _coded(alone)[:2] == (0, 0) and _coded(alone)[3] == 1


def test_turning_to_the_toys_at_her_entrance_is_avoidance():
    b = (RecordBuilder().paint(5, 0, 3, caregiver_act=AdultAct.ENTERING).look(5, 0, 2, "caregiver")
         .act(5, 2, 12, A.TURN_AWAY, "caregiver"))
    _, _, avoid, _, av = _coded(b, 5)
    assert avoid == 10 and av >= 3


def test_the_same_turn_with_no_one_entering_is_not_avoidance():
    """She sits; she entered longer ago than the window: a return to the toys, not avoidance."""
    b = (RecordBuilder().paint(5, 0, 3, caregiver_act=AdultAct.ENTERING).look(5, 0, 3, "caregiver")
         .look(5, 40, 42, "caregiver").act(5, 42, 52, A.TURN_AWAY, "caregiver"))
    assert 42 > 3 + AVOID_WINDOW
    _, _, avoid, _, av = _coded(b, 5)
    assert avoid == 0 and av == 1


def test_the_explanation_names_the_acts_in_their_context():
    b = (RecordBuilder().contact(8, 20, 40, active=False).act(8, 25, 29, A.PUSH_AWAY, "caregiver")
         .act(8, 32, 34, A.KICK, "caregiver"))
    _picked_up(b, 60, 64).act(8, 60, 63, A.PUSH_AWAY, "caregiver")
    said = dict(resistance_acts(b.build(), 0, 8))
    assert said == {"pushed her away while she held it": 4, "kicked at her while she held it": 2,
                    "pushed her away as she came to pick it up": 3}


def test_runs_from_a_seed_match_a_second_by_second_reading():
    """The packed spreading of a context through a bout equals the plain loop: a second counts
    when the act has gone on without a break since a second in context."""
    import numpy as np

    from simulation.observer.bitsets import Packed, pack
    from simulation.observer.segments import episodes_of

    rng = np.random.default_rng(7)
    n, t_len = 20, 700
    episodes = episodes_of(np.ones((n, t_len), np.uint8))
    for keep in (0.9, 0.995):
        acts = rng.random((n, t_len)) < keep
        seeds = rng.random((n, t_len)) < 0.01
        expected = np.zeros_like(acts)
        for i in range(n):
            on = False
            for t in range(t_len):
                on = bool(acts[i, t] and (on or seeds[i, t]))
                expected[i, t] = on
        got = Packed(pack(acts), episodes).runs_from(Packed(pack(seeds), episodes))
        bits = np.unpackbits(got.words[0].view(np.uint8), axis=-1, bitorder="little")
        assert np.array_equal(bits[:, :t_len].astype(bool), expected)
