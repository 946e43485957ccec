"""The infant's phases each second: decide (arousal, action, crying, gaze) and move.

The decision only calls the mechanisms: arousal (:mod:`~simulation.rules.arousal`) and
frustration (:mod:`~simulation.rules.protest`) are updated, every action gets its propensity from
the mechanism that owns it (:func:`propensities`), and one keyed uniform chooses among them, with
extra weight on continuing the current action (behaviour comes in bouts; :func:`choose`).
Crying has its own course (:mod:`~simulation.rules.crying`); gaze follows the action.
"""

from __future__ import annotations

import numpy as np

from .. import rng, room
from ..codes import ACTION, ADULT, CRY, GAZE, HELD, MOTIVE, TARGET
from . import (
    arousal,
    crying,
    deactivation,
    disorganized,
    helplessness,
    protest,
    proximity,
    search,
    secure_base,
)
from .declaration import GEOMETRY, SECOND, Constant, Param
from .jit import f, kernel

PARAMS = (
    Param("persistence", 4.0, 0.0, 20.0, "bout persistence: weight on continuing an action",
          "modelling choice (behaviour comes in bouts)", SECOND),
    Param("decisiveness", 2.0, 0.5, 4.0, "exponent on the propensities before choosing (above 1: "
          "the strongest tendency wins more often; behaviour less noisy from one SSP to the "
          "next)", "modelling choice", SECOND),
    Param("rough_play", 0.03, 0.0, 0.2, "share of the seconds of play in which the infant kicks "
          "or throws a toy (rough, vigorous play, aimed at no one)", "modelling choice", SECOND),
    Param("turn_to_toys", 0.15, 0.0, 1.0, "share of the returns to play, right after looking at "
          "an adult, made as a visible turn away from her to the toys", "modelling choice",
          SECOND),
    Param("squirm_down", 0.05, 0.0, 0.3, "share of the seconds held, not crying and fully calm, "
          "in which the infant squirms to get down (wanting to play, not resisting); it falls "
          "with arousal squared", "modelling choice", SECOND),
)

#: The choice runs over the motives (the acts KICK, SQUIRM and THROW_TOY are forms of motives).
N_ACTIONS = len(MOTIVE)

#: Placeholders in the target table, resolved from the situation.
_ADULT, _HOLDER, _RESISTED, _AVOIDED = 100, 101, 102, 103
_TARGET_OF_ACTION = np.array([
    TARGET.TOYS, TARGET.NONE, _ADULT, _HOLDER, _HOLDER, _RESISTED, _RESISTED, _AVOIDED,
    TARGET.DOOR, _ADULT, _ADULT, TARGET.CAREGIVER, TARGET.CAREGIVER, TARGET.CAREGIVER,
    TARGET.NONE, TARGET.NONE,
], dtype=np.int8)
_GAZE_AT_TARGET = np.array([GAZE.AWAY, GAZE.CAREGIVER, GAZE.STRANGER, GAZE.AWAY, GAZE.AWAY],
                           dtype=np.int8)

#: Avoiding or breaking off an approach, the infant moves away from an adult nearer than this
#: (metres), this far per step, at this share of its speed less; searching, it stops this far
#: short of the door.
AVOID_RANGE, STEP_AWAY, SLOWER, DOOR_STOP = f(1.5), f(0.5), f(0.5), f(0.4)

CONSTANTS = (
    Constant("_ADULT", "placeholder in the action-target table: the adult present",
             "a code value"),
    Constant("_HOLDER", "placeholder: whoever holds the infant", "a code value"),
    Constant("_RESISTED", "placeholder: the adult pressing contact", "a code value"),
    Constant("_AVOIDED", "placeholder: the adult avoided", "a code value"),
    Constant("AVOID_RANGE", "an avoiding infant moves away from an adult nearer than this (m)",
             GEOMETRY),
    Constant("STEP_AWAY", "how far it aims to move away per step (m)", GEOMETRY),
    Constant("SLOWER", "moving away, its speed is this share lower", GEOMETRY),
    Constant("_STOP", "an approach ends at this share of contact distance, just inside it",
             GEOMETRY),
    Constant("DOOR_STOP", "a searching infant stops this far short of the door (m)", GEOMETRY),
    Constant("_THIRD", "held, angry resistance is a push, a kick or a squirm alike (a third "
             "each)", "modelling choice"),
)


@kernel
def propensities(s, per, d, a, p) -> tuple:
    """Propensity of every action into ``s.propensity`` (by Action code), each from the
    mechanism that owns it; returns the avoidance of the caregiver and of the stranger, the
    weight of lapses and conflict (behind an averted approach) and the part of ``APPROACH``
    that is misdirected to the stranger.

    Contexts enter as 0/1 factors (``f(condition)``), so that each propensity is one formula.
    """
    calm = f(1.0) - a
    held_any = per.held_cg or per.held_st
    free = not held_any
    cg_in = per.cg_in
    free_cg = free and cg_in and not per.contact_cg
    cg_pressing = per.held_cg or (per.cg_overture and per.near_cg)
    st_pressing = per.held_st or (per.st_overture and per.near_st)
    alone_with_st = free and not cg_in and per.st_in
    f_free, f_cg, f_free_cg, f_alone_st = f(free), f(cg_in), f(free_cg), f(alone_with_st)
    f_cg_pressing, f_held_any = f(cg_pressing), f(held_any)
    without_base = f(1.0) - f_cg

    P = s.propensity
    deact = deactivation.deactivating(a, p)
    displaced = deactivation.displaced(deact, f_cg, without_base, d, p)
    P[MOTIVE.EXPLORE] = secure_base.explore(f_free, calm, f_cg, without_base, displaced, d, p)
    P[MOTIVE.IDLE] = secure_base.idle(f_free, a, without_base, per.st_novel, d, p)
    greeting = proximity.greeting(free_cg, per, d)
    P[MOTIVE.APPROACH] = proximity.approach(a, f_free_cg, greeting, alone_with_st, per,
                                            s.episode, d, p)
    P[MOTIVE.CONTACT_ACTIVE] = proximity.cling(a, free, per, s.episode, d, p)
    P[MOTIVE.CONTACT_PASSIVE] = proximity.held_passively(f_held_any, calm, d, p)
    P[MOTIVE.RESIST_ANGRY] = protest.resist_angry(a, s.frustration, f_cg_pressing, st_pressing,
                                                  cg_in, d, p)
    helpless = helplessness.helpless(a, d)
    P[MOTIVE.RESIST_PASSIVE] = helplessness.resist_passive(f_cg_pressing, helpless)
    avoid_cg = deactivation.avoid_caregiver(f_cg, deact, per, d, p)
    avoid_st = deactivation.avoid_stranger(st_pressing, per, a, s.episode, d, p)
    P[MOTIVE.AVOID] = avoid_cg + avoid_st
    P[MOTIVE.SEARCH] = search.search(free, cg_in, a, d)
    P[MOTIVE.DISTANCE_INTERACT] = secure_base.distance_interaction(calm, f_free_cg, f_alone_st,
                                                                   greeting, d)
    P[MOTIVE.SIGNAL] = proximity.signal(f_free_cg, helpless, per, a, s.episode, d, p)
    weight = disorganized.weight(f_cg, a, d, f(s.cg_stilled > 0), p)
    P[MOTIVE.FREEZE] = disorganized.freeze(weight, s, p)
    P[MOTIVE.APPROACH_BROKEN] = disorganized.approach_broken(f_free_cg, weight, a, s, d, p)
    P[MOTIVE.APPREHENSION] = disorganized.apprehension(weight, per, p)
    P[MOTIVE.ROCK] = disorganized.rocking(weight, s, p)
    P[MOTIVE.DAZED] = disorganized.dazed(weight, s, p)
    misdirected = disorganized.misdirected(weight, per, p)
    P[MOTIVE.APPROACH] += misdirected
    return avoid_cg, avoid_st, disorganized.conflicted(weight, a, d, p), misdirected


@kernel
def choose(P, sums, current, u, p) -> int:
    """Pick one motive with uniform ``u`` from the propensities ``P`` (by Action code).

    Each propensity is raised to the power ``decisiveness`` (squared by default), the current
    action's is multiplied by ``1 + persistence`` (behaviour comes in bouts), and ``u`` picks
    from the running sums (into ``sums``), which run over the actions in code order for every
    infant alike.
    """
    total = f(0.0)
    for k in range(N_ACTIONS):
        w = P[k]
        if p.squared:
            w = w * w
        elif p.powered:
            w = w ** p.decisiveness
        if current == k:
            w = w + w * p.persistence
        sums[k] = total = w if k == 0 else total + w
    if not total > 0:
        return int(MOTIVE.IDLE)
    threshold = u * total
    pick = 0
    for k in range(N_ACTIONS - 1):
        pick += sums[k] <= threshold
    return pick


@kernel
def action_target(action, per, avoid_cg, avoid_st) -> int:
    """Whom an action is directed at: the toys, the door, the caregiver or the stranger."""
    if per.held_cg or per.cg_in:
        adult = TARGET.CAREGIVER
    elif per.st_in:
        adult = TARGET.STRANGER
    else:
        adult = TARGET.NONE
    t = _TARGET_OF_ACTION[action]
    if t == _ADULT:
        return adult
    if t == _HOLDER:
        return TARGET.STRANGER if per.held_st else adult
    if t == _RESISTED:
        if per.held_cg or (per.cg_in and per.cg_overture and per.near_cg):
            return TARGET.CAREGIVER
        return TARGET.STRANGER if per.st_in else adult
    if t == _AVOIDED:
        return TARGET.STRANGER if per.held_st or avoid_st > avoid_cg else TARGET.CAREGIVER
    return t


@kernel
def within(k, sums, u):
    """Where uniform ``u`` fell within the share of motive ``k`` in the running ``sums`` (0 to
    1; 1 when ``k`` has no share): a second use of the choice's draw, independent of which
    motive won (the draw is uniform within each share)."""
    low = sums[k - 1] if k > 0 else f(0.0)
    width = sums[k] - low
    return (u * sums[N_ACTIONS - 1] - low) / width if width > 0 else f(1.0)


@kernel
def misdirect(action, target, s, per, P, sums, u, misdirected) -> int:
    """An approach chosen partly from a lapse goes to the stranger (she present, the infant
    distressed: misdirected attachment behaviour, Main & Solomon 1990): with the chance that
    the lapse adds to ``APPROACH``, read from where ``u`` fell within the approach's share of
    the running sums (no new draw); an approach to the stranger already under way goes on."""
    if action != MOTIVE.APPROACH or not misdirected > 0 or not per.st_in:
        return target
    if s.motive == MOTIVE.APPROACH and s.target == TARGET.STRANGER:
        return TARGET.STRANGER
    if within(MOTIVE.APPROACH, sums, u) * P[MOTIVE.APPROACH] < misdirected:
        return TARGET.STRANGER
    return target


_THIRD = f(1.0 / 3.0)


@kernel
def act_form(motive, target, s, per, a, sums, u, p) -> tuple:
    """The act the infant shows for ``motive`` this second, and its target.

    Angry resistance takes the form the situation allows (Ainsworth et al. 1978, Appendix III:
    pushing away, hitting, kicking, squirming, throwing away a toy offered): held, it pushes,
    kicks or squirms; offered play, it throws the toy away; approached, it pushes her away.
    Passive resistance is going limp; avoidance, turning or moving away. The same acts also
    come without those motives: rough play (a kick, a toy thrown, aimed at no one), a return to
    play right after looking at an adult made as a visible turn away from her to the toys, a
    calm held infant (not crying, the more so the calmer) squirming to get down. The form is
    read from where the choice's uniform ``u`` fell within the motive's share (:func:`within`;
    no new draw); every other motive shows as the act of the same code."""
    if motive == MOTIVE.RESIST_ANGRY:
        if per.held_cg or per.held_st:
            w = within(motive, sums, u)
            if w < _THIRD:
                return ACTION.PUSH_AWAY, target
            return (ACTION.KICK if w < _THIRD + _THIRD else ACTION.SQUIRM), target
        playing = s.cg_act if target == TARGET.CAREGIVER else s.st_act
        if playing == ADULT.PLAYING:
            return ACTION.THROW_TOY, target
        return ACTION.PUSH_AWAY, target
    if motive == MOTIVE.RESIST_PASSIVE:
        return ACTION.GO_LIMP, target
    if motive == MOTIVE.AVOID:
        return ACTION.TURN_AWAY, target
    if motive == MOTIVE.EXPLORE:
        w = within(motive, sums, u)
        if w < p.rough_play:
            return (ACTION.KICK if w + w < p.rough_play else ACTION.THROW_TOY), TARGET.TOYS
        w = (w - p.rough_play) / (f(1.0) - p.rough_play)
        if w < p.turn_to_toys:
            if s.gaze == GAZE.CAREGIVER and per.cg_in:
                return ACTION.TURN_AWAY, TARGET.CAREGIVER
            if s.gaze == GAZE.STRANGER and per.st_in:
                return ACTION.TURN_AWAY, TARGET.STRANGER
        return ACTION.EXPLORE, target
    if motive == MOTIVE.CONTACT_PASSIVE and (per.held_cg or per.held_st) and s.cry == CRY.NONE:
        calm = f(1.0) - a
        if within(motive, sums, u) < p.squirm_down * calm * calm:
            return ACTION.SQUIRM, target
    return motive, target


@kernel
def gaze(action, target, s, per, a, d, u, conflict, p) -> int:
    """Where the infant looks, given what it does (secure-base glances while exploring); an
    approach to her in a lapse or in conflict may be made with the gaze averted (Main &
    Solomon 1990): drawn as the approach begins, kept while it goes on (``s`` holds the
    previous second's action and gaze)."""
    if action == MOTIVE.APPROACH and target == TARGET.CAREGIVER and conflict > 0:
        if s.motive == MOTIVE.APPROACH and s.target == TARGET.CAREGIVER:
            return GAZE.AWAY if s.gaze == GAZE.AWAY else GAZE.CAREGIVER
        if u < disorganized.averted(conflict, p):
            return GAZE.AWAY
        return GAZE.CAREGIVER
    if action == MOTIVE.EXPLORE:
        return secure_base.gaze_exploring(per, d, u, p)
    if action == MOTIVE.IDLE:
        return secure_base.gaze_idle(per, a, per.st_novel, d, u, p)
    if action == MOTIVE.CONTACT_PASSIVE or action == MOTIVE.RESIST_PASSIVE:
        return proximity.gaze_held_passively(_GAZE_AT_TARGET[target], u, p)
    if (action == MOTIVE.AVOID or action == MOTIVE.FREEZE or action == MOTIVE.APPROACH_BROKEN
            or action == MOTIVE.DAZED):
        return GAZE.AWAY
    if action == MOTIVE.SEARCH:
        return GAZE.DOOR
    return _GAZE_AT_TARGET[target]


_SPEED = f(room.INFANT_SPEED)
_SLOW = f(room.INFANT_SPEED) * (f(1.0) - SLOWER)
_STOP = f(0.9 * room.CONTACT_DISTANCE)  # an approach ends just inside contact distance
_DOOR_X, _DOOR_Y = f(room.DOOR[0]), f(room.DOOR[1])


@kernel
def move(s) -> None:
    """Move the infant by its action at bounded speed (held infants go with the holder).

    Exploring: toward its spot among the toys; approaching or clinging: toward the adult, up to
    contact; avoiding or breaking off an approach: away from a near adult, slowly; searching:
    to the door. Everything else: stays put.
    """
    if s.held == HELD.CAREGIVER:
        s.x, s.y = s.cg_x, s.cg_y
        return
    if s.held == HELD.STRANGER:
        s.x, s.y = s.st_x, s.st_y
        return
    x, y, act = s.x, s.y, s.motive
    tx, ty, speed = x, y, _SPEED
    if act == MOTIVE.EXPLORE:
        tx, ty = s.toy_x, s.toy_y
    elif (act == MOTIVE.APPROACH or act == MOTIVE.CONTACT_ACTIVE or act == MOTIVE.AVOID
          or act == MOTIVE.APPROACH_BROKEN):
        if s.target == TARGET.STRANGER:
            ax, ay = s.st_x, s.st_y
        else:
            ax, ay = s.cg_x, s.cg_y
        d_adult = room.distance(x, y, ax, ay)
        inv = f(1.0) / max(d_adult, f(1e-6))
        if act == MOTIVE.APPROACH or act == MOTIVE.CONTACT_ACTIVE:
            if d_adult > _STOP:
                frac = (d_adult - _STOP) * inv
                tx, ty = x + (ax - x) * frac, y + (ay - y) * frac
        elif d_adult < AVOID_RANGE:
            tx, ty = x + (x - ax) * inv * STEP_AWAY, y + (y - ay) * inv * STEP_AWAY
            speed = _SLOW
    elif act == MOTIVE.SEARCH:
        d_door = room.distance(x, y, _DOOR_X, _DOOR_Y)
        door_frac = max(d_door - DOOR_STOP, f(0.0)) / max(d_door, f(1e-6))
        tx, ty = x + (_DOOR_X - x) * door_frac, y + (_DOOR_Y - y) * door_frac
    nx, ny = room.step_toward(x, y, tx, ty, speed)
    s.x, s.y = room.clamp_to_room(nx, ny)


@kernel
def decide(s, per, d, key, purpose, tick, p) -> None:
    """The infant's decision phase: arousal, motive, the act that shows it and its target,
    crying, gaze.

    Its four uniforms are keyed by (infant ``key``, ``purpose``, second ``tick``).
    """
    u_action, u_cry, u_gaze, u_noise = rng.quad_one(key, purpose, tick)
    per.st_novel = secure_base.stranger_novelty(s.episode, s.t_ep, per.st_in, p)
    a = arousal.update_arousal(s, per, d, u_noise, p)
    s.frustration = protest.update_frustration(s, per, a, p)
    avoid_cg, avoid_st, conflict, misdirected = propensities(s, per, d, a, p)
    action = choose(s.propensity, s.choice_sums, s.motive, u_action, p)
    target = action_target(action, per, avoid_cg, avoid_st)
    target = misdirect(action, target, s, per, s.propensity, s.choice_sums, u_action,
                       misdirected)
    s.arousal = a
    s.cry_drive = crying.cry_drive(a, d, s.cry_drive, p)
    s.cry = crying.cry_level(s.cry_drive, u_cry, p)
    act, act_target = act_form(action, target, s, per, a, s.choice_sums, u_action, p)
    look = gaze(action, target, s, per, a, d, u_gaze, conflict, p)
    s.gaze = GAZE.TOYS if act == ACTION.TURN_AWAY and action == MOTIVE.EXPLORE else look
    s.motive = action
    s.action = act
    s.target = act_target
