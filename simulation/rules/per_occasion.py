"""The home year's compiled loop: every occasion of need of the year, one infant at a time.

One occasion: the caregiver's state moves on (attuned or preoccupied,
:mod:`~simulation.rules.availability`), a life event may take her availability, the caregiver
in charge is drawn, the infant signals and she answers or not, rebuffs, frightens or,
unresolved, is frightened or dissociated (:mod:`~simulation.rules.answers`), and the infant
updates its working model of her
(:mod:`~simulation.rules.learning`). :func:`home_year` runs every occasion of the year for each
infant of a cohort in turn (infants never interact), so an infant's year is the same alone and
in any cohort (docs/design.md, reproducibility). Arithmetic is float64 throughout; the draws are
the keyed float32 uniforms of :mod:`simulation.rng`.
"""

from __future__ import annotations

import numpy as np

from .. import rng
from . import answers, availability, learning
from .declaration import HOME, Param
from .jit import kernel

PARAMS = (
    Param("occasions_per_month", 50, 5, 200, "occasions of need (distress, fatigue, fear) per "
          "month at home", "modelling choice", HOME),
)

#: The per-caregiver counts, in the order of their rows.
COUNTS = ("occasions", "answered", "rebuffed")

_PREOCCUPIED_START, _RESPONSE, _FRIGHT, _EVENTS, _NIGHT, _DISSOCIATION = (
    int(rng.Purpose.PREOCCUPIED_START), int(rng.Purpose.RESPONSE), int(rng.Purpose.FRIGHT),
    int(rng.Purpose.LIFE_EVENTS), int(rng.Purpose.NIGHT), int(rng.Purpose.DISSOCIATION))
_N_LEARNER = len(learning.LEARNER)


@kernel(inline=False)
def home_year(keys, reactivity, params, spells, responsiveness, consistency, warmth,
              frightening, unresolved, secondary, secondary_share, frozen, snapshot_after, models,
              monthly, counts, lo, hi) -> None:
    """Run the home year for infants ``lo .. hi - 1`` (in place on ``models``, ``monthly``,
    ``counts``).

    ``spells[c, j]``: caregiver ``c``'s spell of care (a period of her caregiving history: an
    index into the care parameters) at occasion ``j``; the care parameters are (caregivers,
    spells, infants) arrays. ``secondary[j]``: whether the second caregiver shares the care at
    occasion ``j`` (then with chance ``secondary_share``). ``models`` (caregivers, 7, infants)
    holds the learners (:data:`~simulation.rules.learning.LEARNER`), initial on entry;
    ``monthly`` (caregivers, 5, infants, snapshots) receives
    :data:`~simulation.rules.learning.SNAPSHOT` at the start and after every occasion ``j``
    with ``snapshot_after[j]``; ``counts`` (caregivers, 3, infants) the occasions
    (:data:`COUNTS`). ``params`` is one :data:`~simulation.rules.catalogue.HOME_PARAMS` record.
    """
    p = params[()]
    n_caregivers = models.shape[0]
    n_occasions = spells.shape[1]
    share = np.float32(secondary_share)
    # a life event begins in a month with this chance, at an occasion drawn within the month
    event_chance = availability.life_event_chance(p)
    m = np.empty(_N_LEARNER)
    preoccupied = np.zeros(2, dtype=np.bool_)
    plastic = np.empty(n_occasions)  # the same ages for every infant: computed once
    for j in range(n_occasions):
        plastic[j] = learning.plasticity((j + 0.5) / p.occasions_per_month, p)
    for i in range(lo, hi):
        key = keys[i]
        u_init = rng.quad_one(key, _PREOCCUPIED_START, 0)
        for c in range(n_caregivers):
            s0 = spells[c, 0]
            preoccupied[c] = u_init[c] < availability.preoccupied_share(responsiveness[c, s0, i],
                                                                  consistency[c, s0, i])
        event_left = 0
        event_start = -1
        month = 0
        snap = 0
        for c in range(n_caregivers):
            learning.snapshot(models[c, :, i], monthly[c, :, i, snap], p)
        for j in range(n_occasions):
            u_r1, u_r2, u_r3, u_rebuff = rng.quad_one(key, _RESPONSE, j)
            # one stream for the answer's fright, who answers and both caregivers' preoccupation
            u_fright, u_who, u_sw1, u_sw2 = rng.quad_one(key, _FRIGHT, j)
            if j == 0 or snapshot_after[j - 1]:  # a month begins: will a life event?
                u_event, u_when, _, _ = rng.quad_one(key, _EVENTS, month)
                month += 1
                if u_event < event_chance:
                    event_start = j + int(u_when * p.occasions_per_month)
            for c in range(n_caregivers):
                sc = spells[c, j]
                preoccupied[c] = availability.next_preoccupied(
                    preoccupied[c], availability.preoccupied_share(responsiveness[c, sc, i],
                                                                   consistency[c, sc, i]),
                    u_sw1 if c == 0 else u_sw2, p)
            if j == event_start:
                event_left = availability.life_event_length(p)
            elif event_left > 0:
                event_left -= 1
            c = 1 if n_caregivers == 2 and secondary[j] and u_who < share else 0
            s = spells[c, j]
            r, cons = responsiveness[c, s, i], consistency[c, s, i]
            attending = availability.attention(preoccupied[c], r, cons)
            reach = availability.breakthrough_chance(preoccupied[c], cons, p)
            if event_left > 0:  # a life event takes her availability (Vaughn et al. 1979)
                attending = availability.during_life_event(attending, p)
            # away at night (communal sleeping): only loud crying reaches the night watch
            if p.night_care > 0.0 and availability.at_night(rng.quad_one(key, _NIGHT, j)[0], p):
                attending = 0.0
                reach = p.breakthrough
            answered, rebuffed, frightened = answers.occasion_outcome(
                attending, reach, warmth[c, s, i], frightening[c, s, i], models[c, 5, i],
                reactivity[i], (u_r1, u_r2, u_r3), u_rebuff, u_fright, p)
            # her own unresolved loss: an answer at times frightened or dissociated, drawn on its
            # own stream only where she is unresolved (so that no other draw shifts)
            dissociated = False
            if unresolved[c, s, i] > 0.0 and answered > 0:
                dissociated = answers.dissociated(
                    answered, unresolved[c, s, i], rng.quad_one(key, _DISSOCIATION, j)[0], p)
            if dissociated:  # she came, but stilled and absent: no comfort, no rebuff
                answered, rebuffed = 0, False
            counts[c, 0, i] += 1.0
            if answered > 0:
                counts[c, 1, i] += 1.0
            if rebuffed:
                counts[c, 2, i] += 1.0
            if not frozen:
                for k in range(_N_LEARNER):
                    m[k] = models[c, k, i]
                learning.learn(m, answered, rebuffed, frightened, plastic[j], p)
                if answered > 0 and not rebuffed:  # her warmth settles the infant
                    learning.settle(m, warmth[c, s, i], plastic[j], p)
                if dissociated:
                    learning.alarm(m, p)
                for k in range(_N_LEARNER):
                    models[c, k, i] = m[k]
            if snapshot_after[j]:
                snap += 1
                for cc in range(n_caregivers):
                    learning.snapshot(models[cc, :, i], monthly[cc, :, i, snap], p)
