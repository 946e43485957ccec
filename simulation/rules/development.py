"""Decision and learning rules of the home year, as numpy kernels with the draws passed in.

One occasion of need: the infant signals (and escalates if unanswered), the caregiver in charge
answers or not according to her availability spell, her answer may rebuff close contact or
frighten; the infant updates its working model of that caregiver from what happened. Every
function is element-wise over arrays of infants, so a shape-(1,) call and a shape-(N,) call give
bit-identical results (DESIGN.md section 5).
"""

from __future__ import annotations

import numpy as np

from ..params import ModelParams
from ..working_model import WorkingModel

#: Rounds of signalling per occasion: a first bid, then two escalations if unanswered.
ROUNDS = 3


def availability(spell_high: np.ndarray, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Chance of answering in the current spell.

    Inconsistent care is spells of being very available and hardly available (DESIGN.md
    modelling notes): the spells sit ``d = (1 - c) * min(r, 1 - r)`` above and below the mean
    responsiveness ``r``, so the average availability is ``r`` whatever the consistency.
    """
    d = (1.0 - c) * np.minimum(r, 1.0 - r)
    return np.where(spell_high, r + d, r - d)


def answer_probability(p_avail: np.ndarray, intensity: np.ndarray, p: ModelParams) -> np.ndarray:
    """Chance that one round of signalling at ``intensity`` is answered.

    An available caregiver answers quiet and loud bids alike; a preoccupied one can still be
    reached by a loud, persistent signal (``breakthrough * intensity**3`` of the remaining
    chance), so that under low or inconsistent availability escalation pays intermittently:
    the root of hyperactivation (Cassidy & Berlin 1994).
    """
    loud = intensity * intensity * intensity
    return p_avail + (1.0 - p_avail) * p.breakthrough * loud


def rebuff_probability(warmth: np.ndarray, intensity: np.ndarray, p: ModelParams) -> np.ndarray:
    """Chance that an answer rebuffs close contact.

    Mothers of avoidant infants were rejecting and averse to close bodily contact (Ainsworth et
    al. 1978): the colder the caregiver, the more she rebuffs, and more so the more intense the
    demand for contact. Where early independence is encouraged, mild bids are also turned away
    (``independence_training``; Grossmann et al., Bielefeld).
    """
    cold = (1.0 - warmth) * (1.0 - p.rebuff_intensity + p.rebuff_intensity * intensity)
    independence = p.independence_training * (1.0 - intensity)
    return cold + (1.0 - cold) * independence


def signal_intensities(
    gain: np.ndarray, reactivity: np.ndarray, p: ModelParams
) -> tuple[np.ndarray, ...]:
    """Intensity of each round: the learned gain, louder for reactive infants, escalating."""
    first = np.clip(gain + p.temperament_signal * (reactivity - 0.5), 0.05, 1.0)
    return tuple(np.minimum(first + p.escalation * k, 1.0) for k in range(ROUNDS))


def occasion_outcome(
    p_avail: np.ndarray,
    warmth: np.ndarray,
    frightening: np.ndarray,
    gain: np.ndarray,
    reactivity: np.ndarray,
    u_rounds: tuple[np.ndarray, ...],
    u_rebuff: np.ndarray,
    u_fright: np.ndarray,
    p: ModelParams,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What happened on one occasion: (round answered 1..3 or 0, rebuffed, frightened)."""
    intensities = signal_intensities(gain, reactivity, p)
    answered = np.zeros(p_avail.shape, dtype=np.int8)
    intensity_answered = intensities[-1]
    for k in range(ROUNDS - 1, -1, -1):  # the earliest answered round wins
        hit = u_rounds[k] < answer_probability(p_avail, intensities[k], p)
        answered = np.where(hit, np.int8(k + 1), answered)
        intensity_answered = np.where(hit, intensities[k], intensity_answered)
    responded = answered > 0
    rebuffed = responded & (u_rebuff < rebuff_probability(warmth, intensity_answered, p))
    frightened = responded & (u_fright < frightening * p.fright_rate)
    return answered, rebuffed, frightened


def learn(
    wm: WorkingModel,
    in_charge: np.ndarray,
    answered: np.ndarray,
    rebuffed: np.ndarray,
    frightened: np.ndarray,
    p: ModelParams,
) -> None:
    """Update the working model of the caregiver in charge (in place, masked by ``in_charge``).

    - Availability is tracked by a fast and a slow learner; volatility beyond chance is how much
      better the fast one predicts than the slow one (under steady care the slow one is better,
      under spells the fast one is): learners track volatility and raise their learning rate
      with it (Behrens et al. 2007).
    - Expected rebuff is learned from answers; signal gain rises when only escalation was
      answered (hyperactivation), falls after rebuffs (deactivation: Main 1990; Cassidy & Kobak
      1988) and settles to a moderate level when quiet bids are warmly answered.
    - Fear grows with frightening answers and fades slowly (Main & Hesse 1990).
    """
    outcome = (answered == 1).astype(np.float64)  # answered promptly, at the first bid
    err_fast = outcome - wm.trust_fast
    err_slow = outcome - wm.trust_slow
    advantage = err_slow * err_slow - err_fast * err_fast
    vol_raw = wm.volatility_raw + p.learn_volatility * (advantage - wm.volatility_raw)
    volatility = np.clip(vol_raw / p.volatility_scale, 0.0, 1.0)
    trust = wm.trust + p.learn_trust * (1.0 + p.volatility_boost * volatility) * (
        outcome - wm.trust)

    responded = answered > 0
    rebuff = np.where(
        responded, wm.rebuff + p.learn_rebuff * (rebuffed.astype(np.float64) - wm.rebuff),
        wm.rebuff)

    # the gain's target and rate by outcome: 0 unanswered, 1 answered at once, 2 answered only
    # after escalating; 3-5 the same when the answer was a rebuff
    outcome_code = np.minimum(answered, 2) + 3 * rebuffed
    g = wm.signal_gain
    targets = np.array([0.0, p.rest_gain, 1.0, 0.0, 0.0, 0.0])
    rates = np.array([p.extinction, 1.0, p.escalation_reward] + [p.rebuff_push] * 3)
    gain = g + p.learn_gain * rates[outcome_code] * (targets[outcome_code] - g)

    fear = np.where(frightened, wm.fear + p.learn_fear * (1.0 - wm.fear),
                    wm.fear - p.fear_decay * wm.fear)

    m = in_charge
    if m.all():  # one caregiver, or all in her charge: no masking needed
        def keep(new, _old):
            return new
    else:
        def keep(new, old):
            return np.where(m, new, old)
    wm.trust_fast = keep(wm.trust_fast + p.learn_fast * err_fast, wm.trust_fast)
    wm.trust_slow = keep(wm.trust_slow + p.learn_slow * err_slow, wm.trust_slow)
    wm.volatility_raw = keep(vol_raw, wm.volatility_raw)
    wm.trust = keep(trust, wm.trust)
    wm.rebuff = keep(rebuff, wm.rebuff)
    wm.signal_gain = keep(gain, wm.signal_gain)
    wm.fear = keep(fear, wm.fear)
