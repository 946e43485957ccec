"""What the infant brings into the room: per-infant constants of the Strange Situation rules.

The working model (trust ``T``, volatility ``V``, expected rebuff ``R``, signal gain ``G``, fear
``F``) and temperament do not change during the procedure's twenty-odd minutes, so every term of
the per-second rules that depends only on them is computed once here. Each field documents the
mechanism it carries; the per-second kernels combine them with arousal and the situation.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from ..params import ModelParams
from ..working_model import WorkingModel

#: The dtype of the per-second state and of these constants.
FLOAT = np.float32


@dataclass
class Dispositions:
    # --- arousal (simulation.rules.situation) ---
    buffer: np.ndarray  # 1 - base_buffer * T: a trusted caregiver's presence buffers stress
    vigilance: np.ndarray  # vigilance_stress x vigilance: availability uncertain (Cassidy & Berlin)
    fear_stress: np.ndarray  # fear_stress * F: the haven as a source of fear (Main & Hesse)
    reactivity: np.ndarray  # 0.5 + reactivity: temperament scales situational stress
    calm_rate: np.ndarray  # self-calming rate, x (0.5 + soothability)
    soothe: np.ndarray  # caregiver contact's soothing: soothability x trust x (1 - V) x (1 - F)
    stranger_soothe: np.ndarray  # the stranger's contact soothes a little
    # --- behaviour (simulation.rules.infant) ---
    explore: np.ndarray  # exploration per unit calm: confidence in the base, less if vigilant
    displace: np.ndarray  # displacement to the toys per unit arousal (deactivation, R)
    idle_vigilant: np.ndarray  # sitting watchful per unit arousal (vigilance)
    idle_alone: np.ndarray  # sitting distressed in separation (not deactivated)
    approach: np.ndarray  # approach to the caregiver per unit arousal, switched off by R
    greet: np.ndarray  # greeting and approach while she enters and comes over (not if R)
    approach_stranger: np.ndarray
    cling: np.ndarray  # active contact maintaining per unit arousal (+ ambivalent clinging)
    cling_stranger: np.ndarray
    passive_held: np.ndarray  # held without effort, more with low trust
    resist: np.ndarray  # angry resistance per unit arousal (V: C1)
    helpless: np.ndarray  # passive resistance, signalling without approach (G(1-T) high: C2)
    avoid: np.ndarray  # avoidance of the caregiver per unit arousal (R: A)
    avoid_stranger: np.ndarray  # wariness of the stranger's overtures
    search: np.ndarray  # going to the door in separations (expects her back, not deactivated)
    distance: np.ndarray  # positive interaction from a distance when calm (T, not if R: B1)
    distance_stranger: np.ndarray
    reach: np.ndarray  # reaching up when near her, per unit arousal
    lapse: np.ndarray  # disorganized lapses per unit arousal in her presence (F past a point)
    cry: np.ndarray  # crying per unit arousal: cry_floor + cry_gain x G (Sroufe & Waters 1977)
    checkback: np.ndarray  # glances to her while exploring (secure-base use)
    orient: np.ndarray  # looking up at her when she enters, comes over or calls (not if R)
    watch: np.ndarray  # sitting idle, watching her rather than looking away (not if R)

    @classmethod
    def of(cls, wm: WorkingModel, reactivity: np.ndarray, soothability: np.ndarray,
           p: ModelParams) -> Dispositions:
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
        return cls(**{k: np.asarray(v, dtype=FLOAT) for k, v in values.items()})

    def take(self, index) -> Dispositions:
        return Dispositions(**{f.name: getattr(self, f.name)[index] for f in fields(self)})
