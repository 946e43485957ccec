"""Fear and disorganized lapses (D): the haven that is also the source of alarm.

A feared caregiver is at once haven and threat (Main & Hesse 1990): in her presence, aroused, the
infant's strategy lapses now and then, in the forms Main & Solomon (1990) list as the indices of
disorganization: it freezes (and a strong freeze holds for many seconds), breaks off an
approach, shows apprehension at her overtures, rocks (a stereotypy), sits dazed and
disoriented, approaches her with its gaze averted, or turns, distressed, to the stranger with
her present; all from one weight of lapses, graded in learned fear (more fear, more lapses; so that
frightening care makes D probable, not certain). Where the pull to approach and the expectation
of rebuff balance, approaches are broken off too (approach-avoidance conflict, a route to D
without frightening care; Main & Solomon 1990). Disrupted affective communication is a third
route (Lyons-Ruth, Bronfman & Parsons 1999): a caregiver whose answers both come and push away on
the same occasion (contradictory signals: come here, go away) teaches the expectation that a bid
brings her *and* a rebuff, trust x expected rebuff; above what ordinary care teaches, that
expectation adds to the conflict that breaks approaches off (:func:`contradiction`). Fear may
come from frightening care or from her frightened, dissociated answers (unresolved loss;
:mod:`simulation.rules.learning`). The fear's stress is in
:func:`simulation.rules.arousal.stress`.

"Lapse" means only this: a lapse of the infant's strategy in her presence (as the observer codes
it, :mod:`simulation.observer.disorganization`). The caregiver's periods of unavailability at
home are "preoccupation" (:mod:`simulation.rules.availability`).
"""

from __future__ import annotations

import numpy as np

from ..codes import MOTIVE
from .declaration import INFANT, SECOND, Param
from .jit import f, kernel
from .traits import Traits

PARAMS = (
    Param("lapse_weight", 0.5, 0.0, 5.0, "disorganized lapses per unit of arousal x fear in "
          "the caregiver's presence (graded: more fear, more lapses; Main & Hesse 1990)",
          "Main & Hesse 1990", INFANT),
    Param("conflict_weight", 0.8, 0.0, 5.0, "approaches broken off per unit of arousal where the "
          "pull to approach and the expectation of rebuff are balanced (approach-avoidance "
          "conflict, a route to D without frightening care; Main & Solomon 1990)",
          "Main & Solomon 1990", INFANT),
    Param("contradiction_weight", 2.0, 0.0, 5.0, "approaches broken off per unit of arousal per "
          "unit of learned contradiction (she comes and rebuffs on one occasion: disrupted "
          "affective communication, a route to D without frightening care)",
          "Lyons-Ruth, Bronfman & Parsons 1999", INFANT),
    Param("contradiction_onset", 0.2, 0.0, 0.9, "learned contradiction (trust x expected "
          "rebuff) below which it adds no conflict: the come-and-rebuff that ordinary middling "
          "care teaches (0.5/0.5/0.5 care: about 0.17) is not disrupted communication",
          "modelling choice", INFANT),
    Param("dissociated_alarm", 0.5, 0.0, 5.0, "disorganized lapses per unit of arousal while "
          "the infant sees her stilled and frightened in a dissociated moment (unresolved loss, "
          "at the reunions), beside those from learned fear", "Main & Hesse 1990", SECOND),
    Param("freeze_share", 0.5, 0.0, 2.0, "freezing, relative to the weight of lapses",
          "Main & Solomon 1990", SECOND),
    Param("apprehension_share", 0.5, 0.0, 2.0, "apprehension at her overtures, relative to the "
          "weight of lapses", "Main & Solomon 1990", SECOND),
    Param("broken_share", 0.2, 0.0, 2.0, "approaches broken off while not approaching, relative "
          "to the weight of lapses", "Main & Solomon 1990", SECOND),
    Param("broken_approaching", 1.8, 0.0, 5.0, "the extra weight of breaking off an approach "
          "while approaching", "Main & Solomon 1990", SECOND),
    # --- the acts a lapse produces (Main & Solomon 1990, indices I-VII) ---
    Param("freeze_hold", 1.5, 0.0, 10.0, "going on freezing once frozen, relative to the "
          "weight of lapses, added to freeze_share (freezing, once begun, holds: the strongest "
          "cases last 20 s or more; Main & Solomon 1990, index V)", "Main & Solomon 1990",
          SECOND),
    Param("rock_share", 0.15, 0.0, 2.0, "rocking and other stereotypies, relative to the "
          "weight of lapses (index IV)", "Main & Solomon 1990", SECOND),
    Param("rock_hold", 1.5, 0.0, 10.0, "going on rocking once begun, relative to the weight "
          "of lapses, added to rock_share (stereotypies are repeated movements)",
          "Main & Solomon 1990", SECOND),
    Param("dazed_share", 0.15, 0.0, 2.0, "sitting dazed, disoriented, with a trance-like "
          "expression, relative to the weight of lapses (index VII)", "Main & Solomon 1990",
          SECOND),
    Param("dazed_hold", 1.5, 0.0, 10.0, "staying dazed once dazed, relative to the weight of "
          "lapses, added to dazed_share (a trance-like state lasts)", "Main & Solomon 1990",
          SECOND),
    Param("averted_share", 1.0, 0.0, 5.0, "chance per unit of lapse and conflict weight that "
          "an approach to her is made with the head and gaze averted (simultaneous "
          "contradiction, index II), at most 1; drawn as the approach begins, kept through it",
          "Main & Solomon 1990", SECOND),
    Param("conflict_averted", 0.25, 0.0, 2.0, "the approach-avoidance conflict's weight "
          "behind averted approaches, relative to that of lapses", "Main & Solomon 1990",
          SECOND),
    Param("misdirected_share", 0.3, 0.0, 2.0, "approaching the stranger, distressed, with her "
          "present, relative to the weight of lapses (misdirected attachment behaviour, index "
          "III)", "Main & Solomon 1990", SECOND),
)

DISPOSITIONS = (
    ("lapse", "disorganized lapses per unit arousal in her presence (graded in F)"),
    ("conflict", "approaches broken off where approach and avoidance balance, or where she "
     "comes and rebuffs (contradictory signals)"),
)


def contradiction(T: np.ndarray, R: np.ndarray, onset: float) -> np.ndarray:
    """Learned contradiction beyond its onset, on [0, 1]: the expectation that a bid brings her
    (trust ``T``) and that her answer rebuffs (``R``), so that one occasion carries both her
    coming and her pushing away (contradictory signals; Lyons-Ruth, Bronfman & Parsons 1999).
    Zero up to ``onset`` (``contradiction_onset``); 1 where T x R reaches its ceiling (T = R =
    1)."""
    return np.clip((T * R - onset) / (1.0 - onset), 0.0, 1.0)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(
        lapse=p.lapse_weight * t.F,
        # inh x deact peaks at 1/4 where the two balance: x 4 scales the conflict to 1 there;
        # disrupted communication adds its own conflict (Lyons-Ruth et al. 1999)
        conflict=p.conflict_weight * 4.0 * t.inh * t.deact
        + p.contradiction_weight * contradiction(t.T, t.R, p.contradiction_onset),
    )


@kernel
def weight(f_cg, a, d, stilled, p):
    """The weight of lapses this second: aroused, in her presence; more while she is stilled in
    a dissociated moment (``stilled`` 1; :mod:`simulation.rules.unresolved`): her frightened,
    absent look alarms whatever the infant learned (Main & Hesse 1990)."""
    return f_cg * a * (d.lapse + p.dissociated_alarm * stilled)


@kernel
def freeze(lapse, s, p):
    """Freezing, stilling; once frozen, the freeze holds (extra weight on going on)."""
    return lapse * (p.freeze_share + p.freeze_hold * f(s.motive == MOTIVE.FREEZE))


@kernel
def rocking(lapse, s, p):
    """Rocking, a stereotypy; repeated once begun."""
    return lapse * (p.rock_share + p.rock_hold * f(s.motive == MOTIVE.ROCK))


@kernel
def dazed(lapse, s, p):
    """Sitting dazed and disoriented, a trance-like expression; it lasts once begun."""
    return lapse * (p.dazed_share + p.dazed_hold * f(s.motive == MOTIVE.DAZED))


@kernel
def conflicted(lapse, a, d, p):
    """The weight behind an approach made with the gaze averted: lapses, and the
    approach-avoidance conflict itself (approaching her while turning the head away is its
    plainest form; Main & Solomon 1990, index II)."""
    return lapse + p.conflict_averted * a * d.conflict


@kernel
def averted(conflict, p):
    """The chance that an approach to her is made with the gaze averted."""
    return min(p.averted_share * conflict, f(1.0))


@kernel
def misdirected(lapse, per, p):
    """Approaching the stranger for comfort with her present (distress enters through the
    lapse weight, which grows with arousal)."""
    return p.misdirected_share * lapse * f(per.st_in and not (per.held_cg or per.held_st))


@kernel
def approach_broken(f_free_cg, lapse, a, s, d, p):
    """Approaches broken off: from fear (more while approaching) and from approach-avoidance
    conflict (only while approaching)."""
    approaching = f(s.motive == MOTIVE.APPROACH)
    return f_free_cg * (lapse * (p.broken_share + p.broken_approaching * approaching)
                        + a * d.conflict * approaching)


@kernel
def apprehension(lapse, per, p):
    """Apprehension at her overtures."""
    return p.apprehension_share * lapse * f(per.cg_overture)
