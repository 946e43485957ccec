"""The life course's mechanisms on hand-made histories (simulation.life).

Each test builds the history it needs (a starting working model, the parents' care, a schedule
of partners or events) and runs the compiled course on it, so what is asserted is the mechanism,
not a population's average.
"""

from __future__ import annotations

import numpy as np
import pytest

from simulation import rng
from simulation.life.course import general_plasticity
from simulation.life.measures import dimensions
from simulation.life.params import LifeParams, life_record
from simulation.life.run import initial_model, live
from simulation.life.world import EVENTS, LifeSchedule, parent_care
from simulation.params import ModelParams

P = ModelParams()
Q = LifeParams()
#: Working models at 12 months (trust, fast, slow, volatility_raw, rebuff, signal gain, fear):
#: as learned under sensitive care, and under inconsistent care (hyperactivated, volatile).
SECURE = np.array([0.7, 0.7, 0.7, 0.0, 0.2, 0.4, 0.0, 0.2, 0.05])
ANXIOUS = np.array([0.35, 0.35, 0.35, 0.08, 0.15, 0.75, 0.0, 0.6, 0.2])


def hand_made(n: int, years: int, *, parent=(0.5, 0.3, 0.8, 0.0), partner_from=None,
              partner_until=None, partner_care=0.95, events=None) -> LifeSchedule:
    """A life schedule: constant parents' care, no alternative figure or therapy, and one
    partner (of the given care) from ``partner_from`` to ``partner_until`` (ages in years)."""
    base = np.empty((4, years, n))
    for c, value in enumerate(parent):
        base[c] = value
    ev = np.zeros((len(EVENTS), years, n), dtype=bool) if events is None else events
    partner = np.zeros((years, n), dtype=np.int64)
    if partner_from is not None:
        ages = 1 + np.arange(years)
        on = (ages >= partner_from) & (ages < (partner_until or 10**6))
        partner[on] = 1
    z = np.zeros((2, 4, n))
    # partner care = partner_mean + partner_sd * (0.4 * shared + own part) (+ a small shift
    # by the chooser's trust): no shared part, the own part set to give ``partner_care``
    z[1, 1:] = (partner_care - Q.partner_mean) / (Q.partner_sd * np.sqrt(1 - 0.4**2))
    return LifeSchedule(parent_care(base, ev, Q), ev, np.zeros((years, n), dtype=bool),
                        np.zeros((3, n)), partner, z, np.zeros((years, n), dtype=bool))


def run_hand_made(start: np.ndarray, plan: LifeSchedule, years: int, q: LifeParams = Q,
                  seed: int = 5):
    n = plan.partner.shape[1]
    keys = rng.infant_keys(seed, np.arange(n))
    starts = np.repeat(start[:, None], n, axis=1) if start.ndim == 1 else start
    run, _ = live(starts, np.full(n, 0.5), keys, None, years, P, q, plan=plan)
    return run


def test_a_secure_general_model_seeds_a_new_relationship_more_trustingly():
    # the same life (same draws, single at the end) from a secure and an anxious infancy: the
    # model a new relationship would start from is more trusting and less hyperactivated
    years = 4
    n = 200
    plan = hand_made(n, years, parent=(0.6, 0.6, 0.7, 0.0))
    secure = run_hand_made(SECURE, plan, years)
    anxious = run_hand_made(ANXIOUS, plan, years)
    assert secure.relation[0].mean() > anxious.relation[0].mean() + 0.05
    assert secure.relation[5].mean() < anxious.relation[5].mean() - 0.05
    # a declared mix: with seed_general 0 both start at the population's starting point
    blank = Q.with_changes(seed_general=0.0)
    a = run_hand_made(SECURE, plan, years, blank).relation
    b = run_hand_made(ANXIOUS, plan, years, blank).relation
    np.testing.assert_allclose(a, np.repeat(initial_model()[:, None], n, axis=1))
    np.testing.assert_allclose(b, a)


def test_a_long_responsive_partnership_lowers_an_anxious_adults_anxiety_slowly():
    n = 300
    # inconsistent parents throughout childhood, then from 20 a consistently responsive
    # partner (or none); the same draws in each arm
    def anxiety(years, partner_from):
        plan = hand_made(n, years, parent=(0.45, 0.15, 0.85, 0.0), partner_from=partner_from)
        run = run_hand_made(ANXIOUS, plan, years)
        return dimensions(run.general, P, Q)[0].mean()

    alone_21, partner_21 = anxiety(21, None), anxiety(21, 20)
    alone_30, partner_30 = anxiety(30, None), anxiety(30, 20)
    one_year = alone_21 - partner_21
    ten_years = alone_30 - partner_30
    assert alone_21 > 0.45  # anxious before the partnership
    assert ten_years > 0.05  # the partnership lowers anxiety ...
    assert 0 < one_year < 0.35 * ten_years  # ... slowly: a year does a fraction of a decade
    assert partner_30 > dimensions(run_hand_made(
        SECURE, hand_made(n, 29, parent=(0.9, 0.9, 0.9, 0.0)), 29).general, P, Q)[0].mean()


def test_plasticity_at_30_is_lower_than_at_3_but_not_zero():
    q = life_record(Q)[()]
    at_3, at_30 = general_plasticity(36.0, q), general_plasticity(360.0, q)
    assert at_30 < at_3
    assert at_30 >= Q.general_floor > 0
    # the floor is what keeps adult change possible: without it change nearly stops
    q0 = life_record(Q.with_changes(general_floor=0.0))[()]
    assert general_plasticity(360.0, q0) < 0.2 * at_30


def test_prototype_keeps_the_infant_model_after_decades_of_other_care():
    # a secure infancy followed by 29 years of inconsistent care: with a prototype a share of
    # the infant's model remains; pure revision leaves less of it
    n, years = 150, 29
    plan = hand_made(n, years, parent=(0.4, 0.2, 0.8, 0.0))
    revision = run_hand_made(SECURE, plan, years, Q.with_changes(prototype_weight=0.0))
    prototype = run_hand_made(SECURE, plan, years, Q.with_changes(prototype_weight=0.5))
    assert prototype.general[0].mean() > revision.general[0].mean() + 0.05


@pytest.mark.parametrize("event", EVENTS)
def test_each_life_event_changes_the_care_received(event):
    years, n = 10, 4
    base = np.full((4, years, n), 0.6)
    base[3] = 0.0
    events = np.zeros((len(EVENTS), years, n), dtype=bool)
    events[EVENTS.index(event), 3, :2] = True  # persons 0 and 1 meet the event at age 4
    care = parent_care(base, events, Q)
    before, during = care[:, 2], care[:, 3]
    assert np.array_equal(care[:, :, 2:], base[:, :, 2:])  # untouched without the event
    assert np.array_equal(before, base[:, 2])
    changed = np.abs(during[:, :2] - base[:, 3, :2]).sum(axis=0)
    assert (changed > 0.05).all()
    # and the child learns from the care received: the same draws, less trust after
    plan_kwargs = {"parent": (0.7, 0.7, 0.8, 0.0)}
    with_event = hand_made(300, years, events=np.repeat(events[:, :, :1], 300, axis=2),
                           **plan_kwargs)
    without = hand_made(300, years, **plan_kwargs)
    a = run_hand_made(SECURE, with_event, years)
    b = run_hand_made(SECURE, without, years)
    anx_a, avo_a = dimensions(a.snaps_parent[0 if years < 6 else 1], P, Q)
    anx_b, avo_b = dimensions(b.snaps_parent[0 if years < 6 else 1], P, Q)
    assert (anx_a + avo_a).mean() > (anx_b + avo_b).mean() + 0.01


def test_the_adult_separation_shows_each_model_in_behaviour_and_is_coded_from_the_record():
    from dataclasses import fields

    from simulation.life.reunion import ReunionRecord, code_reunion, simulate_reunion

    n = 300
    keys = rng.infant_keys(9, np.arange(n))
    avoidant = np.array([0.35, 0.35, 0.35, 0.0, 0.6, 0.15, 0.0])

    def codes(model):
        record = simulate_reunion(np.repeat(model[:, None], n, axis=1), keys, P)
        return {k: v.mean() for k, v in code_reunion(record).items()}

    secure, anxious, dismissing = codes(SECURE), codes(ANXIOUS), codes(avoidant)
    assert anxious["protest"] > secure["protest"] + 1 and anxious["distress"] > secure["distress"]
    assert dismissing["withdrawal"] > secure["withdrawal"] + 1
    assert dismissing["support_seeking"] < secure["support_seeking"] - 0.5
    assert dismissing["contact"] < secure["contact"]
    # the coder's input is what an observer sees: presence, action, visible distress
    assert {f.name for f in fields(ReunionRecord)} == {"present", "action", "distress"}
