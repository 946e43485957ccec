"""Proximity seeking and contact maintaining: approach, greeting, clinging, reaching up.

As distress rises attachment behaviour takes over from exploration: approach grows with arousal
squared; a distressed infant greets her by going to her, a calm one from a distance. In her arms
a trusting infant holds on beyond its distress (it wants the contact); a hyperactivated one
clings too (ambivalent clinging, Ainsworth et al. 1978, C); a calm, untrusting one lets itself
be held. Every term is scaled by the pull to approach, which expected rebuff switches off
(:func:`simulation.rules.deactivation.pull_to_approach`).
"""

from __future__ import annotations

import numpy as np

from ..codes import GAZE
from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits, floor

PARAMS = (
    Param("approach_weight", 1.5, 0.0, 5.0, "approach to the caregiver per unit of pull",
          "Ainsworth et al. 1978, ch. 6", INFANT),
    Param("approach_trust_floor", 0.4, 0.0, 1.0, "share of approach that does not depend on "
          "trust (an untrusting infant still seeks her, less)", "Ainsworth et al. 1978",
          INFANT),
    Param("approach_gain", 2.0, 0.0, 10.0, "approach grows with arousal squared, scaled by this",
          "modelling choice", SECOND),
    Param("greeting_weight", 1.5, 0.0, 20.0, "extra pull to greet or approach the caregiver "
          "while she enters and comes toward the infant (reunion salience), scaled by the pull "
          "to approach", "Ainsworth et al. 1978, ch. 6", INFANT),
    Param("approach_stranger_share", 0.1, 0.0, 1.0, "approach to the stranger when alone with "
          "her, relative to the caregiver", "Ainsworth et al. 1978, ch. 5", INFANT),
    Param("cling_trust_floor", 0.5, 0.0, 1.0, "share of clinging to the caregiver that does not "
          "depend on trust", "Ainsworth et al. 1978", INFANT),
    Param("cling_hyper", 0.5, 0.0, 2.0, "clinging added by hyperactivation (ambivalent "
          "clinging)", "Ainsworth et al. 1978, C infants", INFANT),
    Param("cling_beyond_distress", 0.4, 0.0, 2.0, "clinging in her arms holds beyond distress: "
          "its weight is arousal + this (a trusting infant wants the contact)",
          "Ainsworth et al. 1978, ch. 6", SECOND),
    Param("cling_preseparation", 0.15, 0.0, 1.0, "the want of contact beyond distress before "
          "any separation, relative to after the first: in episodes 2-3 attachment behaviour is "
          "weak, if any (Ainsworth et al. 1978, ch. 5)", "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("approach_preseparation", 0.2, 0.0, 1.0, "approach to her "
          "and reaching up to her before any separation, relative to after: with her in her "
          "chair and nothing yet to alarm it, the infant's "
          "attachment behaviour is weak, if any (Ainsworth et al. 1978, ch. 5)",
          "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("approach_cumulative", 0.3, 0.0, 2.0, "approach and reaching after the second "
          "separation, added to after the first: the separations' effects are cumulative, and "
          "proximity seeking is strongest in episode 8 (Ainsworth et al. 1978, ch. 5)",
          "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("cling_cumulative", 0.3, 0.0, 2.0, "the want of contact beyond distress after the "
          "second separation, added to after the first: the separations' effects are "
          "cumulative, and contact maintaining is strongest in episode 8 (Ainsworth et al. "
          "1978, ch. 5)", "Ainsworth et al. 1978, ch. 5", SECOND),
    Param("cling_stranger_share", 0.3, 0.0, 1.0, "holding on to the stranger when she holds the "
          "infant, relative to the caregiver", "Ainsworth et al. 1978, ch. 5", INFANT),
    Param("held_calm", 0.6, 0.0, 2.0, "a calm infant held lets itself be held: passive contact "
          "per unit of calm", "modelling choice", SECOND),
    Param("passive_held_weight", 0.2, 0.0, 2.0, "held without effort, per unit of distrust",
          "Ainsworth et al. 1978, ch. 6", INFANT),
    Param("reach_weight", 0.5, 0.0, 2.0, "reaching up when near her, per unit of arousal and "
          "pull to approach", "Ainsworth et al. 1978, ch. 6", INFANT),
    Param("held_look_away", 0.5, 0.0, 1.0, "share of seconds of passive contact or passive "
          "resistance spent looking away from the holder", "modelling choice", SECOND),
)

DISPOSITIONS = (
    ("approach", "approach to the caregiver per unit arousal, switched off by R"),
    ("greet", "greeting and approach while she enters and comes over (not if R)"),
    ("approach_stranger", "approach to the stranger when alone with her"),
    ("cling", "active contact maintaining per unit arousal (+ ambivalent clinging)"),
    ("cling_stranger", "holding on to the stranger when she holds it"),
    ("passive_held", "held without effort, more with low trust"),
    ("reach", "reaching up when near her, per unit arousal"),
)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(
        approach=t.inh * floor(p.approach_trust_floor, t.T) * p.approach_weight,
        greet=t.inh * t.inh * p.greeting_weight,
        approach_stranger=p.approach_stranger_share * t.inh,
        cling=t.inh * floor(p.cling_trust_floor, t.T) * p.approach_weight
        + p.cling_hyper * t.hyper,
        cling_stranger=p.cling_stranger_share * t.inh,
        passive_held=p.passive_held_weight * (1.0 - t.T),
        reach=p.reach_weight * t.inh,
    )


@kernel
def separations_before(episode):
    """How many separations the infant has been through before this episode: 0 in episodes
    1-4, 1 in 5-7, 2 in 8 (a separation counts once it is over)."""
    return f(episode >= 5) + f(episode >= 8)


@kernel
def greeting(free_cg, per, d):
    """The pull to greet her while she enters and comes over (the infant free, she present and
    not yet in contact)."""
    return f(free_cg and per.cg_overture) * d.greet


@kernel
def approach(a, f_free_cg, greeting, alone_with_st, per, episode, d, p):
    """Approach: to her with arousal squared (a distressed infant greets her by going to her),
    weaker before any separation (``approach_preseparation``), and a little to the stranger
    when alone with her."""
    weak = preseparation_weakening(episode, p)
    return (p.approach_gain * a * a * weak * (f_free_cg * d.approach + greeting)
            + a * f(alone_with_st and not per.contact_st) * d.approach_stranger)


@kernel
def beyond_distress(episode, p):
    """The want of contact beyond distress: weak before any separation
    (``cling_preseparation``), full after the first, more after the second
    (``cling_cumulative``; Ainsworth et al. 1978, ch. 5)."""
    n = separations_before(episode)
    first = p.cling_preseparation + (f(1.0) - p.cling_preseparation) * min(n, f(1.0))
    return p.cling_beyond_distress * (first + p.cling_cumulative * max(n - f(1.0), f(0.0)))


@kernel
def cling(a, free, per, episode, d, p):
    """Active contact maintaining: in her arms or touching her, holding on beyond distress (more
    after each separation, :func:`beyond_distress`); holding on to the stranger who holds it."""
    return (a + beyond_distress(episode, p)) * (
        f(per.held_cg or (free and per.contact_cg)) * d.cling + f(per.held_st) * d.cling_stranger)


@kernel
def held_passively(f_held_any, calm, d, p):
    """Passive contact: a calm or untrusting infant lets itself be held."""
    return f_held_any * (p.held_calm * calm + d.passive_held)


@kernel
def preseparation_weakening(episode, p):
    """The factor on approach and reaching: ``approach_preseparation`` before any separation,
    1 after the first, ``1 + approach_cumulative`` after the second (Ainsworth et al. 1978,
    ch. 5: weak attachment behaviour, if any, in episodes 2-3; the separations' effects are
    cumulative)."""
    n = separations_before(episode)
    before = f(n == 0)
    return (f(1.0) - before * (f(1.0) - p.approach_preseparation)
            + p.approach_cumulative * max(n - f(1.0), f(0.0)))


@kernel
def signal(f_free_cg, helpless, per, a, episode, d, p):
    """Signalling to her from where it is: reaching up when near her (weaker before any
    separation), and the helpless infant's signals without initiative (``helpless``,
    :func:`simulation.rules.helplessness.helpless`)."""
    return f_free_cg * (helpless + f(per.near_cg) * a * d.reach
                        * preseparation_weakening(episode, p))


@kernel
def gaze_held_passively(at_holder, u, p) -> int:
    """Where an infant held passively (or passively resisting) looks: away, or at the holder."""
    return GAZE.AWAY if u >= p.held_look_away else at_holder
