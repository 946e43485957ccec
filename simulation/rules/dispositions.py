"""What the infant brings into the room: per-infant constants of the Strange Situation rules.

The working model (trust ``T``, volatility ``V``, expected rebuff ``R``, signal gain ``G``, fear
``F``) and temperament do not change during the procedure's twenty-odd minutes, so every term of
the per-second rules that depends only on them is computed once here. Each field documents the
mechanism it carries; the per-second kernels combine them with arousal and the situation.
"""

from __future__ import annotations

import numpy as np

from ..params import ModelParams
from ..working_model import WorkingModel

#: The dtype of the per-second state and of these constants.
FLOAT = np.float32

#: One infant's dispositions (each field: the mechanism it carries).
DISPOSITIONS = np.dtype([
    # --- arousal (simulation.rules.situation) ---
    ("buffer", FLOAT),  # 1 - base_buffer * T: a trusted caregiver's presence buffers stress
    ("vigilance", FLOAT),  # vigilance_stress x vigilance: availability uncertain (Cassidy & Berlin)
    ("fear_stress", FLOAT),  # fear_stress * F: the haven as a source of fear (Main & Hesse)
    ("reactivity", FLOAT),  # 0.5 + reactivity: temperament scales situational stress
    ("calm_rate", FLOAT),  # self-calming rate, x (0.5 + soothability)
    ("soothe", FLOAT),  # caregiver contact's soothing: soothability x trust x (1 - V) x (1 - F)
    ("stranger_soothe", FLOAT),  # the stranger's contact soothes a little
    # --- behaviour (simulation.rules.infant) ---
    ("explore", FLOAT),  # exploration per unit calm: confidence in the base, less if vigilant
    ("displace", FLOAT),  # displacement to the toys per unit arousal (deactivation, R)
    ("idle_vigilant", FLOAT),  # sitting watchful per unit arousal (vigilance)
    ("idle_alone", FLOAT),  # sitting distressed in separation (not deactivated)
    ("approach", FLOAT),  # approach to the caregiver per unit arousal, switched off by R
    ("greet", FLOAT),  # greeting and approach while she enters and comes over (not if R)
    ("approach_stranger", FLOAT),  # approach to the stranger when alone with her
    ("cling", FLOAT),  # active contact maintaining per unit arousal (+ ambivalent clinging)
    ("cling_stranger", FLOAT),  # holding on to the stranger when she holds it
    ("passive_held", FLOAT),  # held without effort, more with low trust
    ("resist", FLOAT),  # angry resistance per unit arousal (V: C1)
    ("helpless", FLOAT),  # passive resistance, signalling without approach (G(1-T) high: C2)
    ("avoid", FLOAT),  # avoidance of the caregiver per unit arousal (R: A)
    ("avoid_stranger", FLOAT),  # wariness of the stranger's overtures
    ("search", FLOAT),  # going to the door in separations (expects her back, not deactivated)
    ("distance", FLOAT),  # positive interaction from a distance when calm (T, not if R: B1)
    ("distance_stranger", FLOAT),  # interaction with the stranger from a distance
    ("reach", FLOAT),  # reaching up when near her, per unit arousal
    ("lapse", FLOAT),  # disorganized lapses per unit arousal in her presence (F past a point)
    ("cry", FLOAT),  # crying per unit arousal: cry_floor + cry_gain x G (Sroufe & Waters 1977)
    ("checkback", FLOAT),  # glances to her while exploring (secure-base use)
    ("orient", FLOAT),  # looking up at her when she enters, comes over or calls (not if R)
    ("watch", FLOAT),  # sitting idle, watching her rather than looking away (not if R)
])


def dispositions(wm: WorkingModel, reactivity: np.ndarray, soothability: np.ndarray,
                 p: ModelParams) -> np.ndarray:
    """Every infant's dispositions, an array of :data:`DISPOSITIONS` records."""
    T, V, R = wm.trust, wm.volatility, wm.rebuff
    G, F = wm.signal_gain, wm.fear
    # expected rebuff switches the strategy: above the threshold, approach gives way to
    # deactivation (Main 1990; Cassidy & Kobak 1988)
    inh2 = 1.0 / (1.0 + np.exp((R - p.rebuff_threshold) / p.rebuff_steepness))
    sooth = 0.5 + soothability
    # vigilance: preoccupation with a caregiver whose availability is uncertain, either
    # because it comes and goes (V) or because it is low while signalling pays (1 - T) G:
    # the hyperactivating strategy (Cassidy & Berlin 1994)
    vigilant = np.maximum(V, (1.0 - T) * G)
    ones = np.ones_like(T)
    values = dict(
        buffer=1.0 - p.base_buffer * T,
        vigilance=p.vigilance_stress * vigilant,
        fear_stress=p.fear_stress * F,
        reactivity=0.5 + reactivity,
        calm_rate=p.arousal_fall * sooth,
        soothe=p.soothe_rate * sooth * (0.05 + 0.95 * T)
        * (1.0 - p.volatility_blunting * V) * (1.0 - F),
        stranger_soothe=p.soothe_rate * sooth * p.stranger_comfort,
        explore=p.explore_weight * (0.4 + 0.6 * T) * (1.0 - p.vigilance_explore * vigilant),
        displace=p.displacement * R,
        idle_vigilant=0.3 * vigilant,
        idle_alone=0.3 * (1.0 - R),
        approach=inh2 * (0.4 + 0.6 * T) * p.approach_weight,
        greet=inh2 * inh2 * p.greeting_weight,
        approach_stranger=0.1 * inh2,
        cling=inh2 * (0.5 + 0.5 * T) * p.approach_weight + 0.5 * V * G,
        cling_stranger=0.3 * inh2,
        passive_held=0.2 * (1.0 - T),
        resist=p.resist_weight * V,
        # helplessness rises steeply with unmet, hyperactivated need: (2 G (1 - T))^3, so
        # a moderately trusting infant rarely resists passively and a C2 infant often does
        helpless=p.passive_weight * np.minimum((2.0 * G * (1.0 - T)) ** 3, 1.5),
        avoid=p.avoid_weight * R,
        avoid_stranger=0.3 * p.avoid_weight * ones,
        search=p.search_weight * (0.3 + 0.7 * T) * (1.0 - R),
        distance=p.distance_weight * T * inh2,
        distance_stranger=0.4 * p.distance_weight * ones,
        reach=0.5 * inh2,
        # no fear, no lapse: the switch is also scaled by min(F / 0.1, 1)
        lapse=p.lapse_weight * np.minimum(F / 0.1, 1.0)
        / (1.0 + np.exp(-(F - p.fear_threshold) / p.fear_steepness)),
        cry=p.cry_floor + p.cry_gain * G,
        checkback=p.checkback * (0.3 + 0.7 * T) * inh2,
        watch=0.15 + 0.45 * inh2,
        orient=0.6 * inh2,
    )
    out = np.empty(np.shape(T), dtype=DISPOSITIONS)
    for name, value in values.items():
        out[name] = np.asarray(value, dtype=FLOAT)
    return out


#: The model constants the per-second rules read (float32, as the rules compute).
SSP_PARAMS = np.dtype([
    ("room_stress", FLOAT), ("stranger_stress", FLOAT), ("separation_stress", FLOAT),
    ("alone_stress", FLOAT), ("arousal_rise", FLOAT), ("arousal_noise", FLOAT),
    ("persistence", FLOAT),
    ("decisiveness", FLOAT), ("squared", np.bool_), ("powered", np.bool_),
])


def ssp_params(p: ModelParams) -> np.ndarray:
    """The per-second constants of ``p`` as one :data:`SSP_PARAMS` record (a 0-d array)."""
    out = np.zeros((), dtype=SSP_PARAMS)
    for name in SSP_PARAMS.names:
        if name in ("squared", "powered"):
            continue
        out[name] = getattr(p, name)
    out["squared"] = p.decisiveness == 2.0  # the default: x * x, exactly
    out["powered"] = p.decisiveness != 1.0
    return out
