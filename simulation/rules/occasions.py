"""Decision and learning rules of the home year, compiled, for one infant at a time.

One occasion of need: the infant signals (and escalates if unanswered), the caregiver in charge
answers or not according to her availability spell, her answer may rebuff close contact or
frighten; the infant updates its working model of that caregiver from what happened.
:func:`home_year` runs every occasion of the year for each infant of a cohort in turn (infants
never interact), so an infant's year is the same alone and in any cohort
(docs/design.md, reproducibility).
Arithmetic is float64 throughout; the draws are the keyed float32 uniforms of :mod:`simulation.rng`.
"""

from __future__ import annotations

import numpy as np

from .. import rng
from ..params import ModelParams
from .jit import kernel

#: Rounds of signalling per occasion: a first bid, then two escalations if unanswered.
ROUNDS = 3
_SPELLS, _RESPONSE, _FRIGHT = (int(rng.Purpose.SPELL_PRIMARY), int(rng.Purpose.RESPONSE),
                               int(rng.Purpose.FRIGHT))

#: The model constants the home year reads (float64).
HOME_PARAMS = np.dtype([(name, np.float64) for name in (
    "spell_switch", "escalation", "breakthrough", "rebuff_intensity", "independence_training",
    "fright_rate", "temperament_signal", "learn_trust", "learn_fast", "learn_slow",
    "learn_volatility", "volatility_scale", "volatility_boost", "learn_rebuff", "learn_gain",
    "rest_gain", "extinction", "escalation_reward", "rebuff_push", "learn_fear", "fear_decay")])

#: The learner's variables, in the order of :func:`home_year`'s ``models`` rows.
LEARNER = ("trust", "trust_fast", "trust_slow", "volatility_raw", "rebuff", "signal_gain",
           "fear")
#: The monthly snapshot's variables (``WorkingModel.summary``), in the order of its rows.
SNAPSHOT = ("trust", "volatility", "rebuff", "signal_gain", "fear")
#: The per-caregiver counts, in the order of their rows.
COUNTS = ("occasions", "answered", "rebuffed")


def home_params(p: ModelParams) -> np.ndarray:
    """The home year's constants of ``p`` as one :data:`HOME_PARAMS` record (a 0-d array)."""
    out = np.zeros((), dtype=HOME_PARAMS)
    for name in HOME_PARAMS.names:
        out[name] = getattr(p, name)
    return out


@kernel
def availability(spell_high: bool, r: float, c: float) -> float:
    """Chance of answering in the current spell.

    Inconsistent care is spells of being very available and hardly available (docs/design.md
    modelling notes): the spells sit ``d = (1 - c) * min(r, 1 - r)`` above and below the mean
    responsiveness ``r``, so the average availability is ``r`` whatever the consistency.
    """
    d = (1.0 - c) * min(r, 1.0 - r)
    return r + d if spell_high else r - d


@kernel
def answer_probability(p_avail: float, intensity: float, p) -> float:
    """Chance that one round of signalling at ``intensity`` is answered.

    An available caregiver answers quiet and loud bids alike; a preoccupied one can still be
    reached by a loud, persistent signal (``breakthrough * intensity**3`` of the remaining
    chance), so that under low or inconsistent availability escalation pays intermittently:
    the root of hyperactivation (Cassidy & Berlin 1994).
    """
    loud = intensity * intensity * intensity
    return p_avail + (1.0 - p_avail) * p.breakthrough * loud


@kernel
def rebuff_probability(warmth: float, intensity: float, p) -> float:
    """Chance that an answer rebuffs close contact.

    Mothers of avoidant infants were rejecting and averse to close bodily contact (Ainsworth et
    al. 1978): the colder the caregiver, the more she rebuffs, and more so the more intense the
    demand for contact. Where early independence is encouraged, mild bids are also turned away
    (``independence_training``; Grossmann et al., Bielefeld).
    """
    cold = (1.0 - warmth) * (1.0 - p.rebuff_intensity + p.rebuff_intensity * intensity)
    independence = p.independence_training * (1.0 - intensity)
    return cold + (1.0 - cold) * independence


@kernel
def occasion_outcome(p_avail, warmth, frightening, gain, reactivity, u_rounds, u_rebuff,
                     u_fright, p) -> tuple:
    """What happened on one occasion: (round answered 1..3 or 0, rebuffed, frightened).

    The intensity of each round is the learned gain, louder for reactive infants, escalating;
    the earliest answered round wins.
    """
    first = min(max(gain + p.temperament_signal * (reactivity - 0.5), 0.05), 1.0)
    answered = 0
    intensity = first
    for k in range(ROUNDS):
        intensity = min(first + p.escalation * k, 1.0)
        if u_rounds[k] < answer_probability(p_avail, intensity, p):
            answered = k + 1
            break
    if answered == 0:
        return 0, False, False
    rebuffed = u_rebuff < rebuff_probability(warmth, intensity, p)
    frightened = u_fright < frightening * p.fright_rate
    return answered, rebuffed, frightened


@kernel
def learn(m, answered, rebuffed, frightened, p) -> None:
    """Update one working model ``m`` (a row of :data:`LEARNER` values) from one occasion.

    - Availability is tracked by a fast and a slow learner; volatility beyond chance is how much
      better the fast one predicts than the slow one (under steady care the slow one is better,
      under spells the fast one is): learners track volatility and raise their learning rate
      with it (Behrens et al. 2007).
    - Expected rebuff is learned from answers; signal gain rises when only escalation was
      answered (hyperactivation), falls after rebuffs (deactivation: Main 1990; Cassidy & Kobak
      1988) and settles to a moderate level when quiet bids are warmly answered.
    - Fear grows with frightening answers and fades slowly (Main & Hesse 1990).
    """
    trust, fast, slow, vol_raw, rebuff, g, fear = m[0], m[1], m[2], m[3], m[4], m[5], m[6]
    outcome = 1.0 if answered == 1 else 0.0  # answered promptly, at the first bid
    err_fast = outcome - fast
    err_slow = outcome - slow
    advantage = err_slow * err_slow - err_fast * err_fast
    vol_raw = vol_raw + p.learn_volatility * (advantage - vol_raw)
    volatility = min(max(vol_raw / p.volatility_scale, 0.0), 1.0)
    m[0] = trust + p.learn_trust * (1.0 + p.volatility_boost * volatility) * (outcome - trust)
    m[1] = fast + p.learn_fast * err_fast
    m[2] = slow + p.learn_slow * err_slow
    m[3] = vol_raw
    if answered > 0:
        m[4] = rebuff + p.learn_rebuff * ((1.0 if rebuffed else 0.0) - rebuff)
    # the gain's target and rate by outcome: unanswered, answered at once, answered only after
    # escalating, or rebuffed
    if rebuffed:
        rate, target = p.rebuff_push, 0.0
    elif answered == 0:
        rate, target = p.extinction, 0.0
    elif answered == 1:
        rate, target = 1.0, p.rest_gain
    else:
        rate, target = p.escalation_reward, 1.0
    m[5] = g + p.learn_gain * rate * (target - g)
    m[6] = fear + p.learn_fear * (1.0 - fear) if frightened else fear - p.fear_decay * fear


@kernel(inline=False)
def home_year(keys, reactivity, params, spells, responsiveness, consistency, warmth,
              frightening, secondary, secondary_share, frozen, snapshot_after, models,
              monthly, counts, lo, hi) -> None:
    """Run the home year for infants ``lo .. hi - 1`` (in place on ``models``, ``monthly``,
    ``counts``).

    ``spells[c, j]``: caregiver ``c``'s spell at occasion ``j``; the care parameters are
    (caregivers, spells, infants) arrays. ``secondary[j]``: whether the second caregiver shares
    the care at occasion ``j`` (then with chance ``secondary_share``). ``models`` (caregivers,
    7, infants) holds the learners (:data:`LEARNER`), initial on entry; ``monthly`` (caregivers,
    5, infants, snapshots) receives :data:`SNAPSHOT` at the start and after every occasion ``j``
    with ``snapshot_after[j]``; ``counts`` (caregivers, 3, infants) the occasions (:data:`COUNTS`).
    """
    p = params[()]
    n_caregivers = models.shape[0]
    n_occasions = spells.shape[1]
    share = np.float32(secondary_share)
    switch = np.float32(p.spell_switch)
    m = np.empty(len(LEARNER))
    for i in range(lo, hi):
        key = keys[i]
        u_init = rng.quad_one(key, _SPELLS, 0)
        high0, high1 = u_init[0] < 0.5, u_init[1] < 0.5
        snap = 0
        for c in range(n_caregivers):
            _snapshot(models[c, :, i], monthly[c, :, i, snap], p)
        for j in range(n_occasions):
            u_r1, u_r2, u_r3, u_rebuff = rng.quad_one(key, _RESPONSE, j)
            u_fright, u_who, u_sw1, u_sw2 = rng.quad_one(key, _FRIGHT, j)
            high0 = high0 ^ (u_sw1 < switch)
            high1 = high1 ^ (u_sw2 < switch)
            c = 1 if n_caregivers == 2 and secondary[j] and u_who < share else 0
            s = spells[c, j]
            p_avail = availability(high0 if c == 0 else high1, responsiveness[c, s, i],
                                   consistency[c, s, i])
            answered, rebuffed, frightened = occasion_outcome(
                p_avail, warmth[c, s, i], frightening[c, s, i], models[c, 5, i],
                reactivity[i], (u_r1, u_r2, u_r3), u_rebuff, u_fright, p)
            counts[c, 0, i] += 1.0
            if answered > 0:
                counts[c, 1, i] += 1.0
            if rebuffed:
                counts[c, 2, i] += 1.0
            if not frozen:
                for k in range(len(LEARNER)):
                    m[k] = models[c, k, i]
                learn(m, answered, rebuffed, frightened, p)
                for k in range(len(LEARNER)):
                    models[c, k, i] = m[k]
            if snapshot_after[j]:
                snap += 1
                for cc in range(n_caregivers):
                    _snapshot(models[cc, :, i], monthly[cc, :, i, snap], p)


@kernel
def _snapshot(model, out, p) -> None:
    """The user-facing variables of one learner (``WorkingModel.summary``)."""
    out[0] = model[0]
    out[1] = min(max(model[3] / p.volatility_scale, 0.0), 1.0)
    out[2] = model[4]
    out[3] = model[5]
    out[4] = model[6]
