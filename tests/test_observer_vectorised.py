"""Coding many infants at once equals coding each alone; the packed reductions equal plain
counting; invariants hold on random records."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from records import RecordBuilder, random_records, stack

from simulation.codes import Action, AdultAct
from simulation.observer import Coding, code_record
from simulation.observer.bitsets import Packed
from simulation.observer.segments import episodes_of
from simulation.record import BehaviourRecord

A = Action


def assert_same(a: Coding, b: Coding) -> None:
    for f in fields(Coding):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, dict):
            assert x.keys() == y.keys()
            for k in x:
                assert np.array_equal(x[k], y[k]), (f.name, k)
        else:
            assert np.array_equal(x, y), f.name


def hand_made() -> list[BehaviourRecord]:
    secure = RecordBuilder()
    for ep in (5, 8):
        secure.approach(ep, 5, 10).contact(ep, 10, 100).release(ep, 60, 63)
    avoidant = RecordBuilder().turns_away(5, [20], 100, "caregiver")
    avoidant.turns_away(8, [10], 120, "caregiver")
    resistant = RecordBuilder([30, 180, 180, 70, 240, 61, 180, 300], padding=30)
    for ep in (5, 8):
        resistant.approach(ep, 5, 10).contact(ep, 10, 150).cry(ep, 0, 200)
        resistant.resists(ep, [20, 50, 90], 6, A.PUSH_AWAY, "caregiver", zone_caregiver=0)
    disorganized = RecordBuilder().bouts(8, [20, 40, 60], 3, A.FREEZE, cry=2)
    disorganized.paint(8, 0, 5, caregiver_act=AdultAct.ENTERING).act(6, 10, 80, A.SEARCH, "door")
    short = RecordBuilder([30, 180, 180, 0, 0, 0, 0, 0])  # a record that stops after episode 3
    return [b.build() for b in (secure, avoidant, resistant, disorganized, short)]


def test_stack_of_hand_made_records_equals_each_alone():
    records = hand_made()
    together = code_record(stack(*records))
    assert len(together) == len(records)
    for k, rec in enumerate(records):
        assert_same(together[k], code_record(rec))
    assert len(set(together.subgroup.tolist())) >= 3


def test_chunks_concatenate_to_the_whole():
    records = hand_made()
    whole = code_record(stack(*records))
    parts = [code_record(stack(*records[:2])), code_record(stack(*records[2:]))]
    assert_same(Coding.concat(parts), whole)
    assert_same(whole[1:3], Coding.concat([whole[1], whole[2]]))
    assert whole.to_frame().equals(Coding.concat(parts).to_frame())


# --- random records ----------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_records())
def test_random_records_code_the_same_together_and_alone(record):
    together = code_record(record)
    for k in range(record.n_infants):
        assert_same(together[k], code_record(record.infant(k)))


@settings(max_examples=60, deadline=None)
@given(random_records())
def test_invariants_on_random_records(record):
    c = code_record(record)
    durations = record.episode_durations()
    assert np.array_equal(c.durations, durations)
    assert c.scales.min() >= 0 and c.scales.max() <= 7
    assert (c.scales[durations == 0] == 0).all()
    assert (c.scales[:, :, 1, 4] == 0).all()  # no search toward the stranger
    for values in c.frequencies.values():
        assert ((values >= 0) & (values <= 1 + 1e-12)).all()
    assert set(c.group) <= set("ABCD") and set(c.abc_group) <= set("ABC")
    assert ((c.d_rating >= 1) & (c.d_rating <= 9)).all()
    assert ((c.group == "D") == (c.d_rating >= 5)).all()
    first = c.evidence_first
    assert ((first == -1) | ((first >= 0) & (first < c.durations[:, :, None, None]))).all()


@settings(max_examples=80, deadline=None)
@given(random_records(), st.floats(0.0, 1.0))
def test_packed_reductions_equal_plain_counting(record, density):
    rng = np.random.default_rng(int(density * 1e6))
    mask = rng.random(record.episode.shape) < density
    episodes = episodes_of(record.episode)
    packed = Packed.of([mask], episodes)
    seconds, bouts, first = packed.seconds()[0], packed.bouts()[0], packed.first()[0]
    earlier = packed.later(2).seconds()[0]
    for i in range(record.n_infants):
        for e in range(8):
            idx = np.flatnonzero(record.episode[i] == e + 1)
            m = mask[i, idx]
            assert seconds[i, e] == m.sum()
            assert bouts[i, e] == (m & ~np.r_[False, m[:-1]]).sum()
            hits = np.flatnonzero(m)
            assert first[i, e] == (hits[0] if hits.size else -1)
            shifted = np.zeros_like(mask[i])
            shifted[2:] = mask[i, :-2]
            assert earlier[i, e] == shifted[idx].sum()
