"""Decision and learning rules of the home year, compiled, for one infant at a time.

One occasion of need: the infant signals (and escalates if unanswered), the caregiver in charge
answers or not according to her state (attuned or in a lapse, stressed by a life event, away at
night), her answer may rebuff close contact or frighten; the infant updates its working model of
that caregiver from what happened. :func:`home_year` runs every occasion of the year for each
infant of a cohort in turn (infants never interact), so an infant's year is the same alone and in
any cohort (docs/design.md, reproducibility). Arithmetic is float64 throughout; the draws are the
keyed float32 uniforms of :mod:`simulation.rng`.

Hypotheses carried here (each cited on its rule; the ODD lists them):

- consistency is the predictability of availability, separate from its mean: an inconsistent
  caregiver alternates attuned spells and lapses of preoccupation lasting days (Ainsworth et al.
  1978: mothers of ambivalent infants inconsistently available);
- in a lapse she attends only to escalated signals, so escalation pays intermittently: the
  learned signal gain rises (hyperactivation; Cassidy & Berlin 1994);
- learning consolidates with age: early experience is weighed in, not overwritten;
- chance: life events (illness, a new sibling, family stress) take a caregiver's availability for
  weeks at unforeseeable times (Vaughn, Egeland, Sroufe & Waters 1979).
"""

from __future__ import annotations

import numpy as np

from .. import rng
from ..params import ModelParams
from .jit import kernel

#: Rounds of signalling per occasion: a first bid, then two escalations if unanswered.
ROUNDS = 3
#: The infant's first bid is at least this loud, however deactivated.
QUIETEST_BID = 0.05
_SPELLS, _RESPONSE, _FRIGHT, _EVENTS, _NIGHT = (
    int(rng.Purpose.SPELL_PRIMARY), int(rng.Purpose.RESPONSE), int(rng.Purpose.FRIGHT),
    int(rng.Purpose.LIFE_EVENTS), int(rng.Purpose.NIGHT))

#: The model constants the home year reads (float64).
HOME_PARAMS = np.dtype([(name, np.float64) for name in (
    "occasions_per_month", "spell_switch", "escalation", "breakthrough", "lapse_breakthrough",
    "rebuff_intensity", "independence_training", "night_care", "fright_rate",
    "temperament_signal", "life_event_rate", "life_event_occasions", "life_event_severity",
    "consolidation_months", "learn_trust", "learn_fast", "learn_slow", "learn_volatility",
    "volatility_scale", "volatility_boost", "learn_rebuff", "learn_gain", "rest_gain",
    "partial_reinforcement", "extinction", "escalation_reward", "rebuff_push", "learn_fear",
    "fear_decay")])

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
def spell_availability(lapse: bool, r: float, c: float) -> float:
    """Chance that the caregiver attends to a first bid, in an attuned spell or a lapse.

    Consistency ``c`` is how predictable her availability is, separate from its mean
    responsiveness ``r``: lapses are as deep as ``r * c`` (absent at ``c = 0``), attuned spells
    as available as ``r + (1 - r) * (1 - c)``, and she spends a share ``1 - r`` of the time in
    lapses (:func:`lapse_share`), so the mean is ``r`` at every consistency. "Mostly available,
    sometimes absent without warning" is a high ``r`` with a low ``c``.
    """
    return r * c if lapse else r + (1.0 - r) * (1.0 - c)


@kernel
def lapse_share(r: float, c: float) -> float:
    """Share of the time an inconsistent caregiver spends in lapses (``1 - r``; none if steady)."""
    return 1.0 - r if c < 1.0 else 0.0


@kernel
def breakthrough_chance(lapse: bool, c: float, p) -> float:
    """Chance that a maximally loud signal reaches a caregiver who did not attend to the bid.

    Any caregiver can be reached by loud, persistent crying now and then (``breakthrough``); a
    caregiver in a lapse of preoccupation is reachable *only* that way, and more so the more her
    availability comes and goes (``lapse_breakthrough``, scaled by ``1 - c``): the mother who
    answers when the crying finally breaks through, which rewards escalation intermittently
    (Cassidy & Berlin 1994; Cassidy & Kobak 1988).
    """
    if not lapse:
        return p.breakthrough
    return p.breakthrough + (1.0 - c) * (p.lapse_breakthrough - p.breakthrough)


@kernel
def round_answered(attending: float, reach: float, intensity: float, first: bool) -> float:
    """Chance that one round of signalling at ``intensity`` is answered.

    Attention is a property of the occasion: she attends to the first bid with chance
    ``attending``; a bid she missed is answered in a later round only if the signal breaks
    through (``reach * intensity**3``: quiet signals barely do).
    """
    loud = intensity * intensity * intensity
    own = attending if first else 0.0
    return own + (1.0 - own) * reach * loud


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
def occasion_outcome(attending, reach, warmth, frightening, gain, reactivity, u_rounds, u_rebuff,
                     u_fright, p) -> tuple:
    """What happened on one occasion: (round answered 1..3 or 0, rebuffed, frightened).

    The intensity of each round is the learned gain, louder for reactive infants if
    ``temperament_signal``, rising by ``escalation`` per unanswered round; the earliest answered
    round wins.
    """
    first = min(max(gain + p.temperament_signal * (reactivity - 0.5), QUIETEST_BID), 1.0)
    answered = 0
    intensity = first
    for k in range(ROUNDS):
        intensity = min(first + p.escalation * k, 1.0)
        if u_rounds[k] < round_answered(attending, reach, intensity, k == 0):
            answered = k + 1
            break
    if answered == 0:
        return 0, False, False
    rebuffed = u_rebuff < rebuff_probability(warmth, intensity, p)
    frightened = u_fright < frightening * p.fright_rate
    return answered, rebuffed, frightened


@kernel
def plasticity(month: float, p) -> float:
    """How much one occasion still changes the working model at this age (1 at birth).

    Expectations consolidate as experience accumulates, so that months of earlier care are
    weighed in and not overwritten by the last few weeks (a learner whose confidence grows with
    experience; Bowlby 1973, working models increasingly stable): halved at
    ``consolidation_months``, a third at twice that age.
    """
    return 1.0 / (1.0 + month / p.consolidation_months)


@kernel
def learn(m, answered, rebuffed, frightened, plastic, p) -> None:
    """Update one working model ``m`` (a row of :data:`LEARNER` values) from one occasion.

    - Availability is tracked by a fast and a slow learner; volatility beyond chance is how much
      better the fast one predicts than the slow one (under steady care the slow one is better,
      under spells the fast one is): learners track volatility and raise their learning rate
      with it (Behrens et al. 2007).
    - Expected rebuff is learned from answers; signal gain rises when only escalation was
      answered (hyperactivation), falls after rebuffs (deactivation: Main 1990; Cassidy & Kobak
      1988) and settles to a moderate level when quiet bids are warmly answered, slowly if
      escalation used to pay intermittently (partial reinforcement resists extinction).
    - Fear grows with frightening answers and fades slowly (Main & Hesse 1990).
    - ``plastic`` (:func:`plasticity`) scales the expectations' learning rates (not the fast and
      slow trackers, which perceive recent availability, nor fear).
    """
    trust, fast, slow, vol_raw, rebuff, g, fear = m[0], m[1], m[2], m[3], m[4], m[5], m[6]
    outcome = 1.0 if answered == 1 else 0.0  # answered promptly, at the first bid
    err_fast = outcome - fast
    err_slow = outcome - slow
    advantage = err_slow * err_slow - err_fast * err_fast
    vol_raw = vol_raw + plastic * p.learn_volatility * (advantage - vol_raw)
    volatility = min(max(vol_raw / p.volatility_scale, 0.0), 1.0)
    m[0] = trust + plastic * p.learn_trust * (1.0 + p.volatility_boost * volatility) * (
        outcome - trust)
    m[1] = fast + p.learn_fast * err_fast
    m[2] = slow + p.learn_slow * err_slow
    m[3] = vol_raw
    if answered > 0:
        m[4] = rebuff + plastic * p.learn_rebuff * ((1.0 if rebuffed else 0.0) - rebuff)
    # the gain's target and rate by outcome: unanswered, answered at once, answered only after
    # escalating, or rebuffed
    if rebuffed:
        rate, target = p.rebuff_push, 0.0
    elif answered == 0:
        rate, target = p.extinction, 0.0
    elif answered == 1:  # unlearned slowly if escalation was rewarded intermittently
        rate, target = 1.0 - p.partial_reinforcement * volatility, p.rest_gain
    else:
        rate, target = p.escalation_reward, 1.0
    m[5] = g + plastic * p.learn_gain * rate * (target - g)
    m[6] = fear + p.learn_fear * (1.0 - fear) if frightened else fear - p.fear_decay * fear


@kernel
def next_spell(lapse: bool, share: float, u: float, switch: float) -> bool:
    """The caregiver's next spell: lapses begin at rate ``2 * switch * share`` and end at rate
    ``2 * switch * (1 - share)`` per occasion, so she spends ``share`` of the time in them and a
    spell lasts days (``switch`` is the mean rate of change of a balanced caregiver)."""
    if lapse:
        return not (u < min(2.0 * switch * (1.0 - share), 1.0))
    return u < min(2.0 * switch * share, 1.0)


@kernel(inline=False)
def home_year(keys, reactivity, params, spells, responsiveness, consistency, warmth,
              frightening, secondary, secondary_share, frozen, snapshot_after, models,
              monthly, counts, lo, hi) -> None:
    """Run the home year for infants ``lo .. hi - 1`` (in place on ``models``, ``monthly``,
    ``counts``).

    ``spells[c, j]``: caregiver ``c``'s spell of care (index into the care parameters) at
    occasion ``j``; the care parameters are (caregivers, spells, infants) arrays.
    ``secondary[j]``: whether the second caregiver shares the care at occasion ``j`` (then with
    chance ``secondary_share``). ``models`` (caregivers, 7, infants) holds the learners
    (:data:`LEARNER`), initial on entry; ``monthly`` (caregivers, 5, infants, snapshots) receives
    :data:`SNAPSHOT` at the start and after every occasion ``j`` with ``snapshot_after[j]``;
    ``counts`` (caregivers, 3, infants) the occasions (:data:`COUNTS`).
    """
    p = params[()]
    n_caregivers = models.shape[0]
    n_occasions = spells.shape[1]
    share = np.float32(secondary_share)
    # a life event begins in a month with this chance, at an occasion drawn within the month
    event_chance = min(p.life_event_rate / 12.0, 1.0)
    m = np.empty(len(LEARNER))
    lapse = np.zeros(2, dtype=np.bool_)
    plastic = np.empty(n_occasions)  # the same ages for every infant: computed once
    for j in range(n_occasions):
        plastic[j] = plasticity((j + 0.5) / p.occasions_per_month, p)
    for i in range(lo, hi):
        key = keys[i]
        u_init = rng.quad_one(key, _SPELLS, 0)
        for c in range(n_caregivers):
            s0 = spells[c, 0]
            lapse[c] = u_init[c] < lapse_share(responsiveness[c, s0, i], consistency[c, s0, i])
        event_left = 0
        event_start = -1
        month = 0
        snap = 0
        for c in range(n_caregivers):
            _snapshot(models[c, :, i], monthly[c, :, i, snap], p)
        for j in range(n_occasions):
            u_r1, u_r2, u_r3, u_rebuff = rng.quad_one(key, _RESPONSE, j)
            u_fright, u_who, u_sw1, u_sw2 = rng.quad_one(key, _FRIGHT, j)
            if j == 0 or snapshot_after[j - 1]:  # a month begins: will a life event?
                u_event, u_when, _, _ = rng.quad_one(key, _EVENTS, month)
                month += 1
                if u_event < event_chance:
                    event_start = j + int(u_when * p.occasions_per_month)
            for c in range(n_caregivers):
                sc = spells[c, j]
                lapse[c] = next_spell(lapse[c], lapse_share(responsiveness[c, sc, i],
                                                            consistency[c, sc, i]),
                                      u_sw1 if c == 0 else u_sw2, p.spell_switch)
            if j == event_start:
                event_left = int(p.life_event_occasions)
            elif event_left > 0:
                event_left -= 1
            c = 1 if n_caregivers == 2 and secondary[j] and u_who < share else 0
            s = spells[c, j]
            r, cons = responsiveness[c, s, i], consistency[c, s, i]
            attending = spell_availability(lapse[c], r, cons)
            reach = breakthrough_chance(lapse[c], cons, p)
            if event_left > 0:  # a life event takes her availability (Vaughn et al. 1979)
                attending *= 1.0 - p.life_event_severity
            # away at night (communal sleeping): only loud crying reaches the night watch
            if p.night_care > 0.0 and rng.quad_one(key, _NIGHT, j)[0] < p.night_care:
                attending = 0.0
                reach = p.breakthrough
            answered, rebuffed, frightened = occasion_outcome(
                attending, reach, warmth[c, s, i], frightening[c, s, i], models[c, 5, i],
                reactivity[i], (u_r1, u_r2, u_r3), u_rebuff, u_fright, p)
            counts[c, 0, i] += 1.0
            if answered > 0:
                counts[c, 1, i] += 1.0
            if rebuffed:
                counts[c, 2, i] += 1.0
            if not frozen:
                for k in range(len(LEARNER)):
                    m[k] = models[c, k, i]
                learn(m, answered, rebuffed, frightened, plastic[j], p)
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
