"""An observed adult separation and reunion, second by second, and its coder.

A couple waits together before a stressful separation, one partner leaves for a while, then comes
back: the airport separations of Fraley & Shaver (1998) and the anxious wait of Simpson, Rholes
& Nelligan (1992). The adult's behaviour follows the same kind of rules as the infant's in the
Strange Situation, with the same constants (:class:`simulation.params.ModelParams`): arousal
rises toward the situation's stress, is buffered by a trusted partner's presence and calmed by
contact (less so under volatility); overt distress is arousal times signal gain (Sroufe & Waters
1977); the pull to approach gives way where rebuff is expected (Main 1990); frustrated,
hyperactivated adults protest (Cassidy & Berlin 1994). The model read is the one of the partner
(or, for a single adult, the model a new relationship would start from).

The coder (:func:`code_reunion`) sees only the record: who is present, what the adult does each
second, and how distressed they look; it rates distress, support seeking, contact, protest and
withdrawal on 1-7.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import rng
from ..params import ModelParams
from .draws import LifePurpose

#: Seconds of each phase: waiting together, separated, reunited.
PHASES = {"together": 60, "apart": 180, "reunited": 120}
#: The adult's actions as the record shows them.
ACTIONS = ("other", "seek", "contact", "protest", "withdraw")
OTHER, SEEK, CONTACT, PROTEST, WITHDRAW = range(len(ACTIONS))
#: Stress of the situation: the anticipation, and the partner's leaving (assumed sizes,
#: of the order of the infant's room and separation stress).
ANTICIPATION = 0.3
LEAVING = 0.35


@dataclass
class ReunionRecord:
    """What an observer sees: (N, seconds) arrays."""

    present: np.ndarray  # bool: the partner is in the room
    action: np.ndarray  # int8: :data:`ACTIONS`
    distress: np.ndarray  # int8: 0 calm, 1 upset, 2 crying or visibly distraught


def simulate_reunion(model: np.ndarray, keys: np.ndarray, p: ModelParams) -> ReunionRecord:
    """Every adult's separation and reunion from the working model ``model`` (7, N)."""
    n = keys.shape[0]
    trust, vol_raw, rebuff, gain = model[0], model[3], model[4], model[5]
    volatility = np.clip(vol_raw / p.volatility_scale, 0.0, 1.0)
    hyper = np.clip((gain - p.rest_gain - p.hyper_onset) / p.hyper_span, 0.0, 1.0)
    deact = np.clip((p.rest_gain - gain) / p.rest_gain, 0.0, 1.0)
    pull = 1.0 / (1.0 + np.exp((rebuff - p.rebuff_threshold) / p.rebuff_steepness))
    seconds = sum(PHASES.values())
    present = np.ones((n, seconds), dtype=bool)
    apart_from = PHASES["together"]
    back_at = apart_from + PHASES["apart"]
    present[:, apart_from:back_at] = False
    action = np.zeros((n, seconds), dtype=np.int8)
    distress = np.zeros((n, seconds), dtype=np.int8)
    arousal = np.full(n, 0.1)
    frustration = np.zeros(n)
    last = np.zeros(n, dtype=np.int64)
    props = np.empty((len(ACTIONS), n))
    for t in range(seconds):
        here = t < apart_from or t >= back_at
        u_noise, u_choice, u_cry, _ = rng.uniform_quad(keys, LifePurpose.REUNION, t)
        if here:
            target = ANTICIPATION * (1.0 - p.base_buffer * trust) + p.vigilance_stress * (
                volatility + (1.0 - trust)) * 0.5
        else:
            target = ANTICIPATION + LEAVING + p.vigilance_stress * (1.0 - trust)
        rate = np.where(target > arousal, p.arousal_rise, p.arousal_fall)
        arousal = np.clip(arousal + rate * (target - arousal)
                          + p.arousal_noise * (u_noise - 0.5), 0.0, 1.0)
        in_contact = last == CONTACT
        if here:
            soothing = p.soothe_rate * (1.0 - p.volatility_blunting * volatility) * trust
            arousal = np.where(in_contact, arousal * (1.0 - soothing), arousal)
            frustration = np.where(in_contact, frustration * (1.0 - p.frustration_fall),
                                   frustration)
        else:
            frustration = frustration + p.frustration_rise * arousal * (1.0 - frustration)
        calm = 1.0 - arousal
        greeting = p.greeting_weight if back_at <= t < back_at + 10 else 0.0
        props[OTHER] = p.explore_weight * calm * calm + p.displacement * deact * arousal + 0.02
        if here:
            props[SEEK] = p.approach_weight * pull * arousal * (1.0 + greeting)
            props[CONTACT] = np.where(np.isin(last, (SEEK, CONTACT)),
                                      p.approach_weight * pull * (arousal + 0.2), 0.0)
            props[WITHDRAW] = p.avoid_weight * (1.0 - pull) * arousal * (1.0 + greeting)
        else:
            props[SEEK] = p.search_weight * pull * arousal  # calling, looking for the partner
            props[CONTACT] = 0.0
            props[WITHDRAW] = 0.0
        props[PROTEST] = p.resist_weight * arousal * frustration * hyper
        props[last, np.arange(n)] *= 1.0 + p.persistence / 4.0
        weights = props ** p.decisiveness
        cumulative = np.cumsum(weights, axis=0)
        choice = (cumulative < (u_choice * cumulative[-1])[None, :]).sum(axis=0)
        last = np.minimum(choice, len(ACTIONS) - 1)
        action[:, t] = last
        drive = arousal * (p.cry_floor + p.cry_gain * gain) + p.cry_noise * (u_cry - 0.5)
        distress[:, t] = np.where(drive >= p.cry_hard, 2, np.where(drive >= p.cry_fuss, 1, 0))
    return ReunionRecord(present, action, distress)


def _scale(share: np.ndarray, full: float) -> np.ndarray:
    """A share of seconds as a 1-7 rating: 7 at ``full`` or more (anchors set so that the
    ratings spread over the scale in a population; assumed)."""
    return np.rint(1.0 + 6.0 * np.clip(share / full, 0.0, 1.0)).astype(np.int64)


def code_reunion(record: ReunionRecord) -> dict[str, np.ndarray]:
    """Rate the record on 1-7 (an observer's codes; the record only).

    Distress (mean level: upset 1, distraught 2) over the separation and reunion; support
    seeking (seeking the partner, present or not, and contact); contact in the reunion;
    protest; withdrawal (turning away while the partner is present).
    """
    apart = ~record.present
    started = np.cumsum(apart, axis=1) > 0
    after = started  # from the partner's leaving on
    reunited = record.present & started
    together = record.present

    def share(mask_action: np.ndarray, window: np.ndarray) -> np.ndarray:
        return (mask_action & window).sum(axis=1) / np.maximum(window.sum(axis=1), 1)

    a = record.action
    level = np.where(after, record.distress, 0).sum(axis=1) / np.maximum(after.sum(axis=1), 1)
    return {
        "distress": _scale(level / 2.0, 0.6),
        "support_seeking": _scale(share((a == SEEK) | (a == CONTACT), after), 0.8),
        "contact": _scale(share(a == CONTACT, reunited), 0.5),
        "protest": _scale(share(a == PROTEST, after), 0.4),
        "withdrawal": _scale(share(a == WITHDRAW, together), 0.5),
    }
