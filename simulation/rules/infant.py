"""The infant's overt behaviour each second, chosen from arousal and the working model.

Propensities for each action are built from five learned quantities and arousal ``a``:

- pull to approach ``a * switch(rebuff)``: attachment behaviour activated by distress, switched
  off where bids were met with rebuff (a logistic switch: deactivation; Main 1990), and a
  greeting when the caregiver comes back (reunion salience);
- deactivation ``a * (1.25 - a) * rebuff``: attention goes to the toys or away from the caregiver
  when aroused, the avoidant strategy (Ainsworth et al. 1978; Cassidy & Kobak 1988), which holds
  under moderate distress and gives way when distress overwhelms it (Main 1990);
- anger ``a * volatility``: contact sought and resisted, hard to soothe (C1; Cassidy & Berlin 1994);
- helplessness ``a * signal_gain * (1 - trust)``: signalling without initiative, passive
  resistance (C2);
- conflict ``a * fear``: approach broken off, freezing, apprehension in the caregiver's presence
  (Main & Solomon 1990; Main & Hesse 1990).

One keyed uniform chooses among the propensities, with extra weight on continuing the current
action (behaviour comes in bouts). Crying is what a coder hears: arousal times signal gain, so
that an avoidant infant can be highly aroused and cry little (Sroufe & Waters 1977).
"""

from __future__ import annotations

import numpy as np

from .. import room
from ..params import ModelParams
from ..record import Action
from ..ssp_state import REAL, SSPState
from .arrays import put
from .codes import ACTION, GAZE, TARGET
from .dispositions import Dispositions
from .situation import Perception, update_arousal

N_ACTIONS = len(Action)


def propensities(s: SSPState, per: Perception, d: Dispositions,
                 a: np.ndarray) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """Propensity of every action (a list indexed by Action code), and avoidance by target.

    Contexts are 0/1 float32 masks multiplied in (arithmetic rather than branching: the
    per-second loop is the engine's hot path).
    """
    calm = 1.0 - a
    held_any = per.held_cg | per.held_st
    free = ~held_any
    cg_in = per.cg_in
    free_cg = free & cg_in & ~per.contact_cg
    cg_pressing = per.held_cg | (per.cg_overture & per.near_cg)
    st_pressing = per.held_st | (per.st_overture & per.near_st)
    alone_with_st = free & ~cg_in & per.st_in

    def m(mask: np.ndarray) -> np.ndarray:
        return mask.astype(REAL)

    f_free, f_cg, f_free_cg, f_alone_st = m(free), per.f.cg_in, m(free_cg), m(alone_with_st)
    f_cg_pressing, f_held_any = m(cg_pressing), m(held_any)
    overture = 0.2 + 0.8 * m(per.cg_overture)
    zero = np.zeros_like(a)

    P = [zero] * N_ACTIONS
    # deactivation holds under moderate arousal and gives way when distress overwhelms it
    # (Main 1990): its weight peaks at middling arousal, a * (1.25 - a)
    deact = a * (1.25 - a)
    P[ACTION.EXPLORE] = f_free * (d.explore * calm + d.displace * deact)
    P[ACTION.IDLE] = f_free * (0.05 + a * (d.idle_vigilant + per.f.cg_out * d.idle_alone))
    greeting = m(free_cg & per.cg_overture) * d.greet
    # a distressed infant greets her by going to her, a calm one from a distance
    P[ACTION.APPROACH] = (2.0 * a * a * (f_free_cg * d.approach
                                         + greeting)
                          + a * m(alone_with_st & ~per.contact_st) * d.approach_stranger)
    # in her arms a trusting infant holds on beyond its distress (it wants the contact), so
    # clinging has a floor; a calm, untrusting one lets itself be held
    P[ACTION.CONTACT_ACTIVE] = (a + 0.4) * (m(per.held_cg | (free & per.contact_cg)) * d.cling
                                            + m(per.held_st) * d.cling_stranger)
    P[ACTION.CONTACT_PASSIVE] = f_held_any * (0.6 * calm + d.passive_held)
    anger = a * d.resist
    P[ACTION.RESIST_ANGRY] = anger * (f_cg_pressing + 0.4 * m(st_pressing & ~cg_in))
    helpless = a * d.helpless
    P[ACTION.RESIST_PASSIVE] = f_cg_pressing * helpless
    avoid_cg = f_cg * deact * d.avoid * overture
    avoid_st = m(st_pressing & ~per.held_cg) * a * d.avoid_stranger
    P[ACTION.AVOID] = avoid_cg + avoid_st
    P[ACTION.SEARCH] = m(free & ~cg_in) * a * d.search
    P[ACTION.DISTANCE_INTERACT] = calm * (f_free_cg * d.distance
                                          + f_alone_st * d.distance_stranger
                                          + greeting * d.distance)
    P[ACTION.SIGNAL] = f_free_cg * (helpless + m(per.near_cg) * a * d.reach)
    lapse = f_cg * a * d.lapse
    P[ACTION.FREEZE] = 0.5 * lapse
    P[ACTION.APPROACH_BROKEN] = f_free_cg * lapse * (0.2 + 1.8 * m(s.action == ACTION.APPROACH))
    P[ACTION.APPREHENSION] = 0.5 * lapse * per.cg_overture
    return P, avoid_cg, avoid_st


def choose(P: list[np.ndarray], current: np.ndarray, u: np.ndarray,
           p: ModelParams) -> np.ndarray:
    """Pick one action per infant with uniform ``u``; continuing the current action is favoured.

    The running sum over actions is the same additions in the same order for every infant,
    whatever the cohort's size (no pairwise reductions), so the choice is bit-identical.
    """
    boost = np.float32(p.persistence)
    if p.decisiveness != 1.0:
        P = [np.power(pk, np.float32(p.decisiveness)) for pk in P]
    cum = []
    running = None
    for k, pk in enumerate(P):
        pk = pk + pk * boost * (current == k)
        running = pk if running is None else running + pk
        cum.append(running)
    threshold = u * running
    pick = np.zeros(current.shape, dtype=np.int8)
    for c in cum[:-1]:
        pick += c <= threshold
    return np.where(running > 0, pick, np.int8(ACTION.IDLE))


# Placeholders in the target table, resolved per infant from the situation.
_ADULT, _HOLDER, _RESISTED, _AVOIDED = 100, 101, 102, 103
_TARGET_OF_ACTION = np.array([
    TARGET.TOYS, TARGET.NONE, _ADULT, _HOLDER, _HOLDER, _RESISTED, _RESISTED, _AVOIDED,
    TARGET.DOOR, _ADULT, _ADULT, TARGET.CAREGIVER, TARGET.CAREGIVER, TARGET.CAREGIVER,
], dtype=np.int8)
_GAZE_AT_TARGET = np.array([GAZE.AWAY, GAZE.CAREGIVER, GAZE.STRANGER, GAZE.AWAY, GAZE.AWAY],
                           dtype=np.int8)


def action_target(action: np.ndarray, per: Perception, avoid_cg: np.ndarray,
                  avoid_st: np.ndarray) -> np.ndarray:
    """Whom each action is directed at: the toys, the door, the caregiver or the stranger."""
    code = np.int8
    adult = np.where(per.held_cg | per.cg_in, code(TARGET.CAREGIVER),
                     np.where(per.st_in, code(TARGET.STRANGER), code(TARGET.NONE)))
    t = _TARGET_OF_ACTION[action]
    t = np.where(t == _ADULT, adult, t)
    t = np.where(t == _HOLDER, np.where(per.held_st, code(TARGET.STRANGER), adult), t)
    cg_resisted = per.held_cg | (per.cg_in & per.cg_overture & per.near_cg)
    t = np.where(t == _RESISTED, np.where(cg_resisted, code(TARGET.CAREGIVER),
                                          np.where(per.st_in, code(TARGET.STRANGER), adult)), t)
    st_avoided = per.held_st | (avoid_st > avoid_cg)
    return np.where(t == _AVOIDED, np.where(st_avoided, code(TARGET.STRANGER),
                                            code(TARGET.CAREGIVER)), t)


def cry_level(a: np.ndarray, d: Dispositions, previous: np.ndarray,
              u: np.ndarray) -> np.ndarray:
    """Crying a coder hears: arousal scaled by the learned signal gain, with some hysteresis."""
    drive = a * d.cry + 0.15 * (u - 0.5) + 0.05 * (previous > 0).astype(REAL)
    return (drive > 0.38).view(np.int8) + (drive > 0.6).view(np.int8)


def gaze(action: np.ndarray, target: np.ndarray, per: Perception, d: Dispositions,
         u: np.ndarray) -> np.ndarray:
    """Where the infant looks, given what it does (secure-base glances while exploring)."""
    code = np.int8
    g = _GAZE_AT_TARGET[target]
    explore = action == ACTION.EXPLORE
    if explore.any():
        looks_up = per.f.cg_in * (d.checkback + per.cg_overture.astype(REAL) * d.orient)
        explore_gaze = np.where(u < looks_up, code(GAZE.CAREGIVER),
                                np.where(u > 1.0 - 0.08 * per.f.st_in, code(GAZE.STRANGER),
                                         code(GAZE.TOYS)))
        g = np.where(explore, explore_gaze, g)
    idle = action == ACTION.IDLE
    if idle.any():
        idle_gaze = np.where(per.cg_in,
                             np.where(u < d.watch, code(GAZE.CAREGIVER), code(GAZE.AWAY)),
                             np.where(u < 0.5, code(GAZE.DOOR),
                                      np.where(per.st_in, code(GAZE.STRANGER), code(GAZE.AWAY))))
        g = np.where(idle, idle_gaze, g)
    passive = (action == ACTION.CONTACT_PASSIVE) | (action == ACTION.RESIST_PASSIVE)
    g = put(g, passive & (u >= 0.5), code(GAZE.AWAY))
    away = ((action == ACTION.AVOID) | (action == ACTION.FREEZE)
            | (action == ACTION.APPROACH_BROKEN))
    g = put(g, away, code(GAZE.AWAY))
    return put(g, action == ACTION.SEARCH, code(GAZE.DOOR))


def move(s: SSPState) -> None:
    """Move the infant by its action at bounded speed (held infants go with the holder).

    Exploring: toward its spot among the toys; approaching or clinging: toward the adult, up to
    contact; avoiding or breaking off an approach: away from a near adult, slowly; searching:
    to the door. Everything else: stays put.
    """
    x, y = s.x, s.y
    a = s.action
    explore = a == ACTION.EXPLORE
    tx = put(x, explore, s.toy_x)
    ty = put(y, explore, s.toy_y)
    speed = np.float32(room.INFANT_SPEED)
    to_adult = ((a == ACTION.APPROACH) | (a == ACTION.CONTACT_ACTIVE) | (a == ACTION.AVOID)
                | (a == ACTION.APPROACH_BROKEN))
    if to_adult.any():
        to_st = s.target == TARGET.STRANGER
        ax = np.where(to_st, s.st_x, s.cg_x)
        ay = np.where(to_st, s.st_y, s.cg_y)
        d_adult = room.distance(x, y, ax, ay)
        inv = 1.0 / np.maximum(d_adult, 1e-6)
        approach = ((a == ACTION.APPROACH) | (a == ACTION.CONTACT_ACTIVE)) & (
            d_adult > 0.9 * room.CONTACT_DISTANCE)
        away = ((a == ACTION.AVOID) | (a == ACTION.APPROACH_BROKEN)) & (d_adult < 1.5)
        frac = (d_adult - 0.9 * room.CONTACT_DISTANCE) * inv
        tx = np.where(approach, x + (ax - x) * frac, tx)
        ty = np.where(approach, y + (ay - y) * frac, ty)
        tx = np.where(away, x + (x - ax) * inv * 0.5, tx)
        ty = np.where(away, y + (y - ay) * inv * 0.5, ty)
        speed = room.INFANT_SPEED * (1.0 - 0.5 * away.astype(REAL))
    search = a == ACTION.SEARCH
    if search.any():
        d_door = room.distance(x, y, room.DOOR[0], room.DOOR[1])
        door_frac = np.maximum(d_door - 0.4, 0.0) / np.maximum(d_door, 1e-6)
        tx = np.where(search, x + (room.DOOR[0] - x) * door_frac, tx)
        ty = np.where(search, y + (room.DOOR[1] - y) * door_frac, ty)
    nx, ny = room.clamp_to_room(*room.step_toward(x, y, tx, ty, speed))
    held_cg, held_st = s.held == 1, s.held == 2
    s.x = put(put(nx, held_cg, s.cg_x), held_st, s.st_x)
    s.y = put(put(ny, held_cg, s.cg_y), held_st, s.st_y)


def decide(s: SSPState, per: Perception, d: Dispositions, draws: tuple[np.ndarray, ...],
           p: ModelParams) -> None:
    """The infant's decision phase: arousal, action and its target, crying, gaze."""
    u_action, u_cry, u_gaze, u_noise = draws
    a = update_arousal(s, per, d, u_noise, p)
    P, avoid_cg, avoid_st = propensities(s, per, d, a)
    action = choose(P, s.action, u_action, p)
    target = action_target(action, per, avoid_cg, avoid_st)
    s.arousal = a
    s.cry = cry_level(a, d, s.cry, u_cry)
    s.gaze = gaze(action, target, per, d, u_gaze)
    s.action = action
    s.target = target
