"""Arousal: how the situation stresses the infant, and how contact soothes it.

Arousal is internal: the observer never sees it (docs/design.md, the model). It settles toward
the stress of the situation (the strange room, the stranger, the caregiver's absence, being
alone), which a trusted caregiver's presence buffers (the secure base), vigilance toward a
caregiver who may vanish raises and a feared caregiver's nearness raises; it rises quickly,
falls slowly by itself, and falls with soothing contact. Temperament scales it all.
"""

from __future__ import annotations

import numpy as np

from ..codes import MOTIVE
from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits, floor

PARAMS = (
    Param("room_stress", 0.15, 0.0, 1.0, "stress of the unfamiliar room",
          "Ainsworth et al. 1978, ch. 2", SECOND),
    Param("stranger_stress", 0.15, 0.0, 1.0, "wariness of the stranger (more when near)",
          "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("separation_stress", 0.25, 0.0, 1.5, "stress of the caregiver's absence (more "
          "unfamiliar separation: higher; Takahashi 1990)", "Takahashi 1990", SECOND),
    Param("alone_stress", 0.25, 0.0, 1.0, "extra stress of being alone",
          "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("sensitisation", 0.15, 0.0, 2.0, "how much more stressful her absence is after the "
          "first separation: the separations' effects are cumulative (Ainsworth et al. 1978, "
          "ch. 5)", "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("stranger_far", 0.5, 0.0, 1.0, "share of the stranger's stress while she keeps her "
          "distance (all of it when she is near or holds the infant)",
          "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("sensitised_vigilance", 0.5, 0.0, 2.0, "how much more vigilance counts after the "
          "first separation", "Cassidy & Berlin 1994", SECOND),
    Param("fear_range", 3.0, 0.5, 6.0, "distance (metres) from which a feared caregiver's "
          "nearness stresses, fully in contact", "Main & Hesse 1990", SECOND),
    Param("refused_soothing", 0.7, 0.0, 1.0, "share of her contact's soothing that resisting or "
          "avoiding it takes away", "Ainsworth et al. 1978, ch. 6", SECOND),
    Param("base_buffer", 0.6, 0.0, 1.0, "how much a trusted caregiver's presence buffers stress "
          "(secure base)", "Ainsworth et al. 1978", INFANT),
    Param("vigilance_stress", 0.3, 0.0, 1.0, "stress from uncertain availability: vigilance "
          "toward a caregiver who may vanish (Cassidy & Berlin 1994)", "Cassidy & Berlin 1994",
          INFANT),
    Param("fear_stress", 0.5, 0.0, 2.0, "stress from a feared caregiver's nearness (Main & "
          "Hesse 1990)", "Main & Hesse 1990", INFANT),
    Param("arousal_rise", 0.05, 0.001, 1.0, "per-second approach of arousal to a higher stress",
          "modelling choice", SECOND),
    Param("arousal_fall", 0.006, 0.0, 1.0, "per-second self-calming toward a lower stress (x 0.5 "
          "+ soothability): slow, so that calming after separation comes mostly from contact, "
          "the haven", "Ainsworth et al. 1978, episodes 5 and 8", INFANT),
    Param("arousal_noise", 0.04, 0.0, 0.5, "per-second noise in arousal", "modelling choice",
          SECOND),
    Param("soothe_rate", 0.035, 0.0, 0.5, "per-second soothing by the caregiver's contact",
          "Ainsworth et al. 1978, episodes 5 and 8", INFANT),
    Param("soothe_trust_floor", 0.05, 0.0, 1.0, "share of her contact's soothing that does not "
          "depend on trust: it soothes a little even an infant that expects nothing of her",
          "Ainsworth et al. 1978, A infants", INFANT),
    Param("volatility_blunting", 0.75, 0.0, 1.0, "how much volatility makes contact less "
          "soothing (anger, Cassidy & Berlin 1994); low trust also makes it less reassuring",
          "Cassidy & Berlin 1994", INFANT),
    Param("hyper_blunting", 0.6, 0.0, 1.0, "how much hyperactivation makes her contact less "
          "soothing: the hyperactivated (C) infant stays distressed in her arms and may not be "
          "settled through the reunion (Ainsworth et al. 1978, ch. 6, C infants; Cassidy & "
          "Berlin 1994)", "Ainsworth et al. 1978, ch. 6; Cassidy & Berlin 1994", INFANT),
    Param("stranger_comfort", 0.5, 0.0, 1.0, "stranger's soothing relative to the caregiver's",
          "Ainsworth et al. 1978, episodes 4 and 7", INFANT),
)

#: The dispositions this mechanism computes (:func:`dispositions`), with their meaning.
DISPOSITIONS = (
    ("buffer", "1 - base_buffer * T: a trusted caregiver's presence buffers stress"),
    ("vigilance", "vigilance_stress x vigilance: availability uncertain (Cassidy & Berlin)"),
    ("fear_stress", "fear_stress * F: the haven as a source of fear (Main & Hesse)"),
    ("reactivity", "0.5 + reactivity: temperament scales situational stress"),
    ("calm_rate", "self-calming rate, x (0.5 + soothability)"),
    ("soothe", "caregiver contact's soothing: soothability x trust x (1 - V) x (1 - hyper) x "
     "(1 - F)"),
    ("stranger_soothe", "the stranger's contact soothes a little"),
)


def vigilance(T: np.ndarray, V: np.ndarray, hyper: np.ndarray) -> np.ndarray:
    """Preoccupation with a caregiver whose availability is uncertain: because it comes and
    goes (``V``), or is low while signalling pays (``(1 - T) hyper``; Cassidy & Berlin 1994)."""
    return np.maximum(V, (1.0 - T) * hyper)


def soothing_factor(soothability: np.ndarray) -> np.ndarray:
    """The factor temperament puts on calming and soothing (0.5 + soothability: 1 at 0.5)."""
    return 0.5 + soothability


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(
        buffer=1.0 - p.base_buffer * t.T,
        vigilance=p.vigilance_stress * t.vigilant,
        fear_stress=p.fear_stress * t.F,
        # temperament centred: reactivity 0.5 scales stress by 1 (Belsky & Rovine 1987)
        reactivity=0.5 + t.reactivity,
        calm_rate=p.arousal_fall * t.sooth,
        soothe=p.soothe_rate * t.sooth * floor(p.soothe_trust_floor, t.T)
        * (1.0 - p.volatility_blunting * t.V) * (1.0 - p.hyper_blunting * t.hyper)
        * (1.0 - t.F),
        stranger_soothe=p.soothe_rate * t.sooth * p.stranger_comfort,
    )


@kernel
def stress(s, per, d, p):
    """The arousal the situation would settle the infant at.

    - the unfamiliar room, the stranger (more when near or holding), the caregiver's absence
      (more after the first separation: their effects are cumulative, Ainsworth et al. 1978,
      ch. 5), being alone;
    - a trusted caregiver's presence buffers it (secure base, Ainsworth et al. 1978);
    - volatility keeps the infant vigilant toward a caregiver who may vanish, more after the
      first separation (Cassidy & Berlin 1994);
    - a feared caregiver is at once haven and threat: her nearness adds stress (Main & Hesse
      1990);
    - temperament scales it all (reactivity 0.5 = x1; Belsky & Rovine 1987).
    """
    st_in, cg_in = f(per.st_in), f(per.cg_in)
    stranger = p.stranger_stress * st_in * (p.stranger_far + (f(1.0) - p.stranger_far)
                                             * f(per.near_st))
    # the separations' effects are cumulative: after the first (episode 4), her absence weighs
    # more
    again = f(s.episode >= 5)
    absent = (f(1.0) - cg_in) * (p.separation_stress * (f(1.0) + p.sensitisation * again)
                                 + p.alone_stress * (f(1.0) - st_in))
    base = p.room_stress + stranger + absent
    sensitised = f(1.0) + p.sensitised_vigilance * again
    proximity = max(min(max(f(1.0) - per.d_cg / p.fear_range, f(0.0)), f(1.0)),
                    f(per.contact_cg))
    present = base * d.buffer + d.vigilance * sensitised + d.fear_stress * proximity
    return (base + cg_in * (present - base)) * d.reactivity


@kernel
def soothing(s, per, d, p):
    """This second's soothing by contact: the caregiver's (less while the infant resists or
    avoids it), and a little the stranger's while she holds it (Ainsworth et al. 1978,
    episodes 4 and 7)."""
    refusing = s.motive == MOTIVE.RESIST_ANGRY or s.motive == MOTIVE.AVOID
    return (f(per.contact_cg) * d.soothe * (f(1.0) - p.refused_soothing * f(refusing))
            + f(per.held_st) * d.stranger_soothe)


@kernel
def update_arousal(s, per, d, u_noise, p):
    """Next second's arousal: toward the situational stress (:func:`stress`), down with
    soothing contact (:func:`soothing`).

    Self-calming is slow; contact with the caregiver soothes in proportion to soothability,
    less when trust is low, under volatility (anger at a caregiver who may leave again) and
    fear.
    """
    a = s.arousal
    target = stress(s, per, d, p)
    rate = d.calm_rate + f(target > a) * (p.arousal_rise - d.calm_rate)
    a = a + rate * (target - a)
    soothe = soothing(s, per, d, p)
    a = a - soothe * a + p.arousal_noise * (u_noise - f(0.5))
    return min(max(a, f(0.0)), f(1.0))
