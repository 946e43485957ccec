"""What the infant brings into the room: per-infant constants of the Strange Situation rules.

The working model (trust ``T``, volatility ``V``, expected rebuff ``R``, signal gain ``G``, fear
``F``) and temperament do not change during the procedure's twenty-odd minutes, so every term of
the per-second rules that depends only on them is computed once here. Each field documents the
mechanism it carries; the per-second kernels combine them with arousal, frustration and the
situation. Three derived quantities organise them:

- the **pull to approach** ``inh``: a logistic switch on expected rebuff (high ``R``: the
  deactivating strategy, Main 1990; Cassidy & Kobak 1988), and its complement ``deact``;
- **hyperactivation** ``hyper``: signal gain above the level a promptly answered infant settles
  to, learned where escalation was rewarded intermittently (Cassidy & Berlin 1994);
- **vigilance**: preoccupation with a caregiver whose availability is uncertain, because it comes
  and goes (``V``) or is low while signalling pays (``(1 - T) hyper``).
"""

from __future__ import annotations

import numpy as np

from ..params import ModelParams
from ..working_model import WorkingModel

#: The dtype of the per-second state and of these constants.
FLOAT = np.float32

# --- shape constants of the dispositions (documented; ModelParams holds the weights) ---------
#: Share of exploration, approach, search and secure-base glances that does not depend on trust
#: (an untrusting infant still explores and seeks her, less): ``FLOOR + (1 - FLOOR) * T``.
EXPLORE_FLOOR, APPROACH_FLOOR, CLING_FLOOR, SEARCH_FLOOR, CHECKBACK_FLOOR = 0.4, 0.4, 0.5, 0.3, 0.3
#: A caregiver's contact soothes a little even an infant that expects nothing of her.
SOOTHE_FLOOR = 0.05
#: Sitting watchful (per unit arousal and vigilance) and sitting oriented to the door when she
#: is gone (per unit arousal and pull to approach).
IDLE_VIGILANT, IDLE_ALONE = 0.3, 0.3
#: Approach to, clinging to and interaction with the stranger, relative to the caregiver.
APPROACH_STRANGER, CLING_STRANGER, DISTANCE_STRANGER = 0.1, 0.3, 0.4
#: Held without effort, per unit of distrust; clinging added by hyperactivation (ambivalent
#: clinging, Ainsworth et al. 1978, C).
PASSIVE_HELD, CLING_HYPER = 0.2, 0.5
#: Wariness of the stranger's overtures, relative to avoidance of the caregiver.
AVOID_STRANGER = 0.3
#: Reaching up when near her, looking up at her overtures, watching her when idle.
REACH, ORIENT, WATCH_FLOOR, WATCH = 0.5, 0.6, 0.15, 0.45
#: Weight of volatility in angry protest (she may leave again, Cassidy & Berlin 1994) beside
#: trust (she can be reached).
PROTEST_VOLATILITY = 1.0

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
    ("explore", FLOAT),  # exploration per unit calm squared: confidence in the base, vigilance
    ("displace", FLOAT),  # attention to the toys when aroused: deactivation (the switch on R)
    ("idle_vigilant", FLOAT),  # sitting watchful per unit arousal (vigilance)
    ("idle_alone", FLOAT),  # sitting distressed, oriented to the door, in separation
    ("approach", FLOAT),  # approach to the caregiver per unit arousal, switched off by R
    ("greet", FLOAT),  # greeting and approach while she enters and comes over (not if R)
    ("approach_stranger", FLOAT),  # approach to the stranger when alone with her
    ("cling", FLOAT),  # active contact maintaining per unit arousal (+ ambivalent clinging)
    ("cling_stranger", FLOAT),  # holding on to the stranger when she holds it
    ("passive_held", FLOAT),  # held without effort, more with low trust
    ("protest", FLOAT),  # angry protest: hyperactivated, she can be reached but may leave (C1)
    ("helpless", FLOAT),  # passive resistance, signalling without initiative (C2)
    ("avoid", FLOAT),  # avoidance of the caregiver's overtures when aroused (deactivation: A)
    ("avoid_stranger", FLOAT),  # wariness of the stranger's overtures
    ("search", FLOAT),  # going to the door in separations (expects her back, not deactivated)
    ("distance", FLOAT),  # positive interaction from a distance when calm (T, not if R: B1)
    ("distance_stranger", FLOAT),  # interaction with the stranger from a distance
    ("reach", FLOAT),  # reaching up when near her, per unit arousal
    ("lapse", FLOAT),  # disorganized lapses per unit arousal in her presence (graded in F)
    ("conflict", FLOAT),  # approaches broken off where approach and avoidance balance
    ("cry", FLOAT),  # crying drive per unit arousal: cry_floor + cry_gain x G (Sroufe & Waters)
    ("checkback", FLOAT),  # glances to her while exploring (secure-base use)
    ("orient", FLOAT),  # looking up at her when she enters or comes over (not if R)
    ("watch", FLOAT),  # sitting idle, watching her rather than looking away (not if R)
])


def floor(low: float, value: np.ndarray) -> np.ndarray:
    """``low + (1 - low) * value``: a disposition that ``value`` raises from ``low`` to 1."""
    return low + (1.0 - low) * value


def dispositions(wm: WorkingModel, reactivity: np.ndarray, soothability: np.ndarray,
                 p: ModelParams) -> np.ndarray:
    """Every infant's dispositions, an array of :data:`DISPOSITIONS` records."""
    T, V, R = wm.trust, wm.volatility, wm.rebuff
    G, F = wm.signal_gain, wm.fear
    # expected rebuff switches the strategy: above the threshold, approach gives way to
    # deactivation (Main 1990; Cassidy & Kobak 1988)
    inh = 1.0 / (1.0 + np.exp((R - p.rebuff_threshold) / p.rebuff_steepness))
    deact = 1.0 - inh
    hyper = np.clip((G - p.rest_gain - p.hyper_onset) / p.hyper_span, 0.0, 1.0)
    sooth = 0.5 + soothability
    vigilant = np.maximum(V, (1.0 - T) * hyper)
    ones = np.ones_like(T)
    values = dict(
        buffer=1.0 - p.base_buffer * T,
        vigilance=p.vigilance_stress * vigilant,
        fear_stress=p.fear_stress * F,
        reactivity=0.5 + reactivity,
        calm_rate=p.arousal_fall * sooth,
        soothe=p.soothe_rate * sooth * floor(SOOTHE_FLOOR, T)
        * (1.0 - p.volatility_blunting * V) * (1.0 - F),
        stranger_soothe=p.soothe_rate * sooth * p.stranger_comfort,
        explore=p.explore_weight * floor(EXPLORE_FLOOR, T) * (1.0 - p.vigilance_explore * vigilant),
        displace=p.displacement * deact,
        idle_vigilant=IDLE_VIGILANT * vigilant,
        idle_alone=IDLE_ALONE * inh,
        approach=inh * floor(APPROACH_FLOOR, T) * p.approach_weight,
        greet=inh * inh * p.greeting_weight,
        approach_stranger=APPROACH_STRANGER * inh,
        cling=inh * floor(CLING_FLOOR, T) * p.approach_weight + CLING_HYPER * hyper,
        cling_stranger=CLING_STRANGER * inh,
        passive_held=PASSIVE_HELD * (1.0 - T),
        # anger of hope: protest at a figure it has learned to reach by escalating, who may
        # leave again (Bowlby 1973; Cassidy & Berlin 1994); the moment (frustration) decides
        # when it shows
        protest=p.resist_weight * hyper * np.minimum(T + PROTEST_VOLATILITY * V, 1.0),
        # despair: signals that mostly went unanswered (Ainsworth et al. 1978, C2; Isabella &
        # Belsky 1991, under-involved care)
        helpless=p.passive_weight * hyper * (1.0 - T),
        avoid=p.avoid_weight * deact,
        avoid_stranger=AVOID_STRANGER * p.avoid_weight * ones,
        search=p.search_weight * floor(SEARCH_FLOOR, T) * inh,
        distance=p.distance_weight * T * inh,
        distance_stranger=DISTANCE_STRANGER * p.distance_weight * ones,
        reach=REACH * inh,
        lapse=p.lapse_weight * F,
        conflict=p.conflict_weight * 4.0 * inh * deact,
        cry=p.cry_floor + p.cry_gain * G,
        checkback=p.checkback * floor(CHECKBACK_FLOOR, T) * inh,
        watch=WATCH_FLOOR + WATCH * inh,
        orient=ORIENT * inh,
    )
    out = np.empty(np.shape(T), dtype=DISPOSITIONS)
    for name, value in values.items():
        out[name] = np.asarray(value, dtype=FLOAT)
    return out


#: The model constants the per-second rules read (float32, as the rules compute).
SSP_PARAMS = np.dtype([
    ("room_stress", FLOAT), ("stranger_stress", FLOAT), ("separation_stress", FLOAT),
    ("alone_stress", FLOAT), ("sensitisation", FLOAT), ("arousal_rise", FLOAT),
    ("arousal_noise", FLOAT),
    ("cry_onset", FLOAT), ("cry_settle", FLOAT), ("cry_fuss", FLOAT), ("cry_hard", FLOAT),
    ("cry_noise", FLOAT), ("frustration_rise", FLOAT), ("frustration_fall", FLOAT),
    ("explore_alone", FLOAT), ("alone_displacement", FLOAT), ("persistence", FLOAT),
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
