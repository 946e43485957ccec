"""The secure base and exploration: the attachment-exploration balance (Ainsworth et al. 1978,
ch. 5).

Exploration grows with calm squared and is lower without the secure base present; as distress
rises it gives way to attachment behaviour. While exploring the infant glances back to her
(secure-base use) and looks up at her overtures; it watches the stranger warily while she makes
overtures. A calm infant that trusts her interacts with her from a distance (smiling, showing
toys: B1). Idling is the floor of every free infant's repertoire; an infant that is vigilant
sits watchful, and one that expects her back sits distressed when she is gone; alone and
distressed, every infant plays less. The stranger's entrance draws attention from the toys: the
infant sits and looks at her while she is new (Ainsworth et al. 1978, ch. 5). A calm infant
sitting without playing looks around the room and at the toys (visual exploration).
"""

from __future__ import annotations

import numpy as np

from ..codes import GAZE
from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits, floor

PARAMS = (
    Param("explore_weight", 1.0, 0.0, 5.0, "exploration per unit of calm squared",
          "Ainsworth et al. 1978, ch. 5", INFANT),
    Param("explore_trust_floor", 0.4, 0.0, 1.0, "share of exploration that does not depend on "
          "trust (an untrusting infant still explores, less)", "Ainsworth et al. 1978, ch. 5",
          INFANT),
    Param("explore_alone", 0.5, 0.0, 1.0, "exploration without the secure base present, "
          "relative to with it (Ainsworth et al. 1978, ch. 5: exploration declines in the "
          "separations)", "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("vigilance_explore", 0.6, 0.0, 1.0, "how much vigilance holds exploration back "
          "(Cassidy & Berlin 1994)", "Cassidy & Berlin 1994", INFANT),
    Param("idle_floor", 0.05, 0.0, 1.0, "idling, the floor of every free infant's repertoire",
          "modelling choice", SECOND),
    Param("idle_vigilant_weight", 0.3, 0.0, 2.0, "sitting watchful, per unit of arousal and "
          "vigilance", "Cassidy & Berlin 1994", INFANT),
    Param("idle_alone_weight", 0.3, 0.0, 2.0, "sitting distressed, oriented to the door, when "
          "she is gone (per unit of arousal and pull to approach)",
          "Ainsworth et al. 1978, ch. 5", INFANT),
    Param("idle_distress", 0.6, 0.0, 3.0, "sitting distressed, not playing, when she is gone, "
          "per unit of arousal squared, whatever the strategy: distress without the base "
          "disrupts play (Ainsworth et al. 1978, ch. 5: exploration declines in the "
          "separations)", "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("idle_door_glance", 0.5, 0.0, 1.0, "share of idle seconds alone or with the stranger "
          "spent looking at the door", "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("distance_weight", 0.35, 0.0, 5.0, "smiling, showing toys from a distance",
          "Ainsworth et al. 1978, B1 infants", INFANT),
    Param("distance_stranger_share", 0.4, 0.0, 1.0, "interaction with the stranger from a "
          "distance, relative to with the caregiver", "Ainsworth et al. 1978, ch. 5", INFANT),
    Param("checkback", 0.12, 0.0, 1.0, "glances to the caregiver while exploring",
          "Ainsworth et al. 1978, secure-base behaviour", INFANT),
    Param("checkback_trust_floor", 0.3, 0.0, 1.0, "share of secure-base glances that does not "
          "depend on trust", "Ainsworth et al. 1978", INFANT),
    Param("orient_weight", 0.6, 0.0, 1.0, "looking up at her when she enters or comes over "
          "(scaled by the pull to approach)", "Ainsworth et al. 1978, ch. 6", INFANT),
    Param("watch_floor", 0.15, 0.0, 1.0, "sitting idle, watching her rather than looking away, "
          "whatever the strategy", "modelling choice", INFANT),
    Param("watch_weight", 0.45, 0.0, 1.0, "the same, added by the pull to approach",
          "Ainsworth et al. 1978, ch. 6", INFANT),
    Param("watch_stranger", 0.08, 0.0, 0.5, "while playing, a glance at the stranger in the room",
          "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("stranger_attention", 2.0, 0.0, 5.0, "the stranger's entrance attracts attention: "
          "sitting and looking at her rather than playing, per unit of her novelty (Ainsworth "
          "et al. 1978, ch. 5: exploration falls when she enters in episode 3)",
          "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("stranger_novelty_seconds", 90.0, 1.0, 300.0, "seconds over which her novelty wanes "
          "after she enters (from 1 to 0, linearly)", "Ainsworth et al. 1978, ch. 4-5: the "
          "infant watches her during her silent first minute", SECOND),
    Param("stranger_reentry", 0.4, 0.0, 1.0, "her novelty when she comes back (episode 7), "
          "relative to her first entrance", "modelling choice", SECOND),
    Param("look_around", 0.5, 0.0, 1.0, "a calm infant sitting without playing looks around the "
          "room and at the toys (visual exploration), per unit of calm",
          "Ainsworth et al. 1978, ch. 3: visual exploration", SECOND),
    Param("wary_stranger", 0.3, 0.0, 0.9, "the extra chance of watching the stranger warily "
          "while she approaches, plays or holds (infants watch an unfamiliar adult's overtures)",
          "Ainsworth et al. 1978, ch. 5", SECOND),
)

DISPOSITIONS = (
    ("explore", "exploration per unit calm squared: confidence in the base, vigilance"),
    ("idle_vigilant", "sitting watchful per unit arousal (vigilance)"),
    ("idle_alone", "sitting distressed, oriented to the door, in separation"),
    ("distance", "positive interaction from a distance when calm (T, not if R: B1)"),
    ("distance_stranger", "interaction with the stranger from a distance"),
    ("checkback", "glances to her while exploring (secure-base use)"),
    ("orient", "looking up at her when she enters or comes over (not if R)"),
    ("watch", "sitting idle, watching her rather than looking away (not if R)"),
)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(
        explore=p.explore_weight * floor(p.explore_trust_floor, t.T)
        * (1.0 - p.vigilance_explore * t.vigilant),
        idle_vigilant=p.idle_vigilant_weight * t.vigilant,
        idle_alone=p.idle_alone_weight * t.inh,
        distance=p.distance_weight * t.T * t.inh,
        distance_stranger=p.distance_stranger_share * p.distance_weight * t.ones,
        checkback=p.checkback * floor(p.checkback_trust_floor, t.T) * t.inh,
        watch=p.watch_floor + p.watch_weight * t.inh,
        orient=p.orient_weight * t.inh,
    )


@kernel
def explore(f_free, calm, f_cg, without_base, displaced, d, p):
    """Exploration: calm squared times the infant's exploration, lower without the secure base;
    plus the toys a deactivating infant turns to (``displaced``)."""
    base = f_cg + without_base * p.explore_alone
    return f_free * (d.explore * calm * calm * base + displaced)


@kernel
def stranger_novelty(episode, t_ep, st_in, p):
    """The stranger's novelty: 1 as she enters in episode 3, waning linearly over
    ``stranger_novelty_seconds``; ``stranger_reentry`` of that when she comes back in
    episode 7; 0 otherwise."""
    fresh = max(f(1.0) - f(t_ep) / p.stranger_novelty_seconds, f(0.0))
    first = f(episode == 3) + p.stranger_reentry * f(episode == 7)
    return f(st_in) * first * fresh


@kernel
def idle(f_free, a, without_base, novelty, d, p):
    """Idling: the floor, sitting watchful (vigilance), sitting distressed in separation (more
    with the pull to approach, and with distress whatever the strategy), and sitting to look
    at a stranger who has just come in (``novelty``)."""
    return f_free * (p.idle_floor + a * (d.idle_vigilant + without_base * d.idle_alone)
                     + without_base * p.idle_distress * a * a
                     + p.stranger_attention * novelty)


@kernel
def distance_interaction(calm, f_free_cg, f_alone_st, greeting, d):
    """Smiling, showing toys from a distance when calm: to her, to the stranger when alone with
    her, and as a greeting while she enters and comes over."""
    return calm * (f_free_cg * d.distance + f_alone_st * d.distance_stranger
                   + greeting * d.distance)


@kernel
def gaze_exploring(per, d, u, p) -> int:
    """Where an exploring infant looks: up at her (secure-base glances, more at her overtures),
    warily at the stranger, or at the toys."""
    looks_up = f(per.cg_in) * (d.checkback + f(per.cg_overture) * d.orient)
    if u < looks_up:
        return GAZE.CAREGIVER
    watch = f(per.st_in) * (p.watch_stranger + p.wary_stranger * f(per.st_overture))
    return GAZE.STRANGER if u > f(1.0) - watch else GAZE.TOYS


@kernel
def gaze_idle(per, a, novelty, d, u, p) -> int:
    """Where an idle infant looks: at a stranger who has just come in (with her novelty, and
    warily while she makes overtures), at her, around the room and at the toys (visual
    exploration, when calm), or away; when she is gone, at the door, the stranger, around
    the room or away."""
    at_stranger = f(per.st_in) * min(novelty + p.wary_stranger * f(per.st_overture), f(1.0))
    if u < at_stranger:
        return GAZE.STRANGER
    u = (u - at_stranger) / max(f(1.0) - at_stranger, f(1e-6))  # the rest of the draw
    if per.cg_in:
        if u < d.watch:
            return GAZE.CAREGIVER
        u = (u - d.watch) / max(f(1.0) - d.watch, f(1e-6))
    else:
        if u < p.idle_door_glance:
            return GAZE.DOOR
        u = (u - p.idle_door_glance) / (f(1.0) - p.idle_door_glance + f(1e-6))
    if u < p.look_around * (f(1.0) - a):
        return GAZE.TOYS
    return GAZE.STRANGER if per.st_in and not per.cg_in else GAZE.AWAY
