"""The infant's overt behaviour each second, chosen from arousal and the working model.

Propensities for each action are built from five learned quantities and arousal ``a``:

- pull to approach ``a * (1 - rebuff_inhibition * rebuff)**2``: attachment behaviour activated by
  distress, inhibited where bids were met with rebuff (deactivation; Main 1990);
- deactivation ``a * rebuff``: attention goes to the toys or away from the caregiver when
  aroused, the avoidant strategy (Ainsworth et al. 1978; Cassidy & Kobak 1988);
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
from ..record import Action, Cry, Gaze, Target
from ..ssp_state import SSPState
from ..working_model import WorkingModel
from .situation import Perception, update_arousal

N_ACTIONS = len(Action)


def propensities(s: SSPState, per: Perception, wm: WorkingModel, a: np.ndarray,
                 p: ModelParams) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Propensity of every action, shape (N_ACTIONS, N), and the avoidance split by target."""
    T, V, R, G, F = wm.trust, wm.volatility, wm.rebuff, wm.signal_gain, wm.fear
    calm = 1.0 - a
    inhibition = 1.0 - p.rebuff_inhibition * R
    seek = a * inhibition * inhibition
    deact = a * R
    anger = a * V
    helpless = a * G * (1.0 - T)
    conflict = a * F
    held_any = per.held_cg | per.held_st
    free = ~held_any
    cg_in, st_in = per.cg_in, per.st_in
    free_cg = free & cg_in & ~per.contact_cg
    cg_pressing = per.held_cg | (per.cg_overture & per.near_cg)
    st_pressing = per.held_st | (per.st_overture & per.near_st)
    alone_with_st = free & ~cg_in & st_in

    P = np.zeros((N_ACTIONS, a.shape[0]))
    confidence = (0.4 + 0.6 * T) * (1.0 - p.vigilance_explore * V)  # secure-base use
    P[Action.EXPLORE] = free * (p.explore_weight * calm * confidence + p.displacement * deact)
    P[Action.IDLE] = free * (0.05 + 0.3 * a * V + 0.3 * a * (1.0 - R) * ~cg_in)
    P[Action.APPROACH] = (free_cg * seek * (0.4 + 0.6 * T) * p.approach_weight
                             + (alone_with_st & ~per.contact_st) * seek * 0.1)
    P[Action.CONTACT_ACTIVE] = (
        (per.held_cg | (free & per.contact_cg))
        * (seek * (0.5 + 0.5 * T) * p.approach_weight + 0.5 * anger * G)
        + per.held_st * 0.3 * seek)
    P[Action.CONTACT_PASSIVE] = held_any * (0.8 * calm + 0.2 * (1.0 - T))
    P[Action.RESIST_ANGRY] = anger * p.resist_weight * (cg_pressing + 0.4 * (st_pressing
                                                                                & ~cg_in))
    P[Action.RESIST_PASSIVE] = helpless * p.passive_weight * cg_pressing
    avoid_cg = cg_in * deact * p.avoid_weight * np.where(per.cg_overture, 1.0, 0.2)
    avoid_st = st_pressing * a * 0.3 * p.avoid_weight * ~per.held_cg
    P[Action.AVOID] = avoid_cg + avoid_st
    P[Action.SEARCH] = (free & ~cg_in) * a * (0.3 + 0.7 * T) * (1.0 - R) * p.search_weight
    P[Action.DISTANCE_INTERACT] = (free_cg * calm * T * (1.0 - R) * p.distance_weight
                                      + alone_with_st * calm * 0.4 * p.distance_weight)
    P[Action.SIGNAL] = free_cg * (helpless * p.passive_weight + 0.5 * seek * per.near_cg)
    lapse = cg_in * conflict * p.lapse_weight
    P[Action.FREEZE] = 0.5 * lapse
    P[Action.APPROACH_BROKEN] = lapse * free_cg * np.where(s.action == Action.APPROACH,
                                                              2.0, 0.2)
    P[Action.APPREHENSION] = 0.5 * lapse * per.cg_overture
    return P, avoid_cg, avoid_st


def choose(P: np.ndarray, current: np.ndarray, u: np.ndarray, p: ModelParams) -> np.ndarray:
    """Pick one action per infant with uniform ``u``; continuing the current action is favoured.

    ``P`` has shape (N_ACTIONS, N): the cumulative sum runs over actions for every infant at
    once, the same additions in the same order whatever N is.
    """
    cols = np.arange(P.shape[1])
    P[current, cols] = P[current, cols] * (1.0 + p.persistence)
    cum = np.cumsum(P, axis=0)
    total = cum[-1]
    pick = (cum <= u * total).sum(axis=0)
    return np.where(total > 0, np.minimum(pick, N_ACTIONS - 1), int(Action.IDLE))


def action_target(action: np.ndarray, per: Perception, avoid_cg: np.ndarray,
                  avoid_st: np.ndarray) -> np.ndarray:
    """Whom each action is directed at."""
    adult = np.where(per.held_cg | per.cg_in, int(Target.CAREGIVER),
                     np.where(per.st_in, int(Target.STRANGER), int(Target.NONE)))
    holder_or_adult = np.where(per.held_st, int(Target.STRANGER), adult)
    resist_target = np.where(per.held_cg | (per.cg_in & per.cg_overture & per.near_cg),
                             int(Target.CAREGIVER), np.where(per.st_in, int(Target.STRANGER),
                                                              adult))
    avoid_target = np.where(per.held_st | (avoid_st > avoid_cg), int(Target.STRANGER),
                            int(Target.CAREGIVER))
    t = np.full(action.shape, int(Target.NONE))
    t = np.where(action == Action.EXPLORE, int(Target.TOYS), t)
    t = np.where(action == Action.SEARCH, int(Target.DOOR), t)
    for code in (Action.APPROACH, Action.SIGNAL, Action.DISTANCE_INTERACT):
        t = np.where(action == code, adult, t)
    for code in (Action.CONTACT_ACTIVE, Action.CONTACT_PASSIVE):
        t = np.where(action == code, holder_or_adult, t)
    for code in (Action.RESIST_ANGRY, Action.RESIST_PASSIVE):
        t = np.where(action == code, resist_target, t)
    t = np.where(action == Action.AVOID, avoid_target, t)
    for code in (Action.FREEZE, Action.APPROACH_BROKEN, Action.APPREHENSION):
        t = np.where(action == code, int(Target.CAREGIVER), t)
    return t


def cry_level(a: np.ndarray, wm: WorkingModel, previous: np.ndarray, u: np.ndarray,
              p: ModelParams) -> np.ndarray:
    """Crying a coder hears: arousal scaled by the learned signal gain, with some hysteresis."""
    drive = a * (p.cry_floor + p.cry_gain * wm.signal_gain) + 0.15 * (u - 0.5)
    drive = drive + 0.05 * (previous > 0)
    return np.where(drive > 0.6, int(Cry.HARD), np.where(drive > 0.38, int(Cry.FUSS),
                                                         int(Cry.NONE)))


def gaze(action: np.ndarray, target: np.ndarray, per: Perception, wm: WorkingModel,
         u: np.ndarray, p: ModelParams) -> np.ndarray:
    """Where the infant looks, given what it does (secure-base glances while exploring)."""
    to_target = np.where(target == Target.CAREGIVER, int(Gaze.CAREGIVER),
                         np.where(target == Target.STRANGER, int(Gaze.STRANGER), int(Gaze.AWAY)))
    checkback = per.cg_in * p.checkback * (0.3 + 0.7 * wm.trust) * (1.0 - wm.rebuff)
    explore = np.where(u < checkback, int(Gaze.CAREGIVER),
                       np.where((u > 1.0 - 0.08 * per.st_in), int(Gaze.STRANGER), int(Gaze.TOYS)))
    idle = np.where(per.cg_in, np.where(u < 0.4, int(Gaze.CAREGIVER), int(Gaze.AWAY)),
                    np.where(u < 0.5, int(Gaze.DOOR),
                             np.where(per.st_in, int(Gaze.STRANGER), int(Gaze.AWAY))))
    half = np.where(u < 0.5, to_target, int(Gaze.AWAY))
    g = to_target
    g = np.where(action == Action.EXPLORE, explore, g)
    g = np.where(action == Action.IDLE, idle, g)
    g = np.where((action == Action.CONTACT_PASSIVE) | (action == Action.RESIST_PASSIVE), half, g)
    g = np.where((action == Action.AVOID) | (action == Action.FREEZE)
                 | (action == Action.APPROACH_BROKEN), int(Gaze.AWAY), g)
    g = np.where(action == Action.SEARCH, int(Gaze.DOOR), g)
    return g


def move(s: SSPState) -> None:
    """Move the infant by its action at bounded speed (held infants go with the holder)."""
    x, y = s.x, s.y
    a, t = s.action, s.target
    tx_adult = np.where(t == Target.STRANGER, s.st_x, s.cg_x)
    ty_adult = np.where(t == Target.STRANGER, s.st_y, s.cg_y)
    d_adult = room.distance(x, y, tx_adult, ty_adult)
    # default: stay put
    tx, ty = x, y
    speed = np.full(x.shape, room.INFANT_SPEED)
    explore = a == Action.EXPLORE
    tx = np.where(explore, s.toy_x, tx)
    ty = np.where(explore, s.toy_y, ty)
    approach = ((a == Action.APPROACH) | (a == Action.CONTACT_ACTIVE)) & (
        d_adult > 0.9 * room.CONTACT_DISTANCE)
    stop = np.maximum(d_adult, 1e-9)
    frac = np.where(approach, (d_adult - 0.9 * room.CONTACT_DISTANCE) / stop, 0.0)
    tx = np.where(approach, x + (tx_adult - x) * frac, tx)
    ty = np.where(approach, y + (ty_adult - y) * frac, ty)
    away = ((a == Action.AVOID) | (a == Action.APPROACH_BROKEN)) & (d_adult < 1.5)
    tx = np.where(away, x + (x - tx_adult) / stop * 0.5, tx)
    ty = np.where(away, y + (y - ty_adult) / stop * 0.5, ty)
    speed = np.where(away, 0.5 * room.INFANT_SPEED, speed)
    search = a == Action.SEARCH
    d_door = room.distance(x, y, np.full(x.shape, room.DOOR[0]), np.full(x.shape, room.DOOR[1]))
    door_frac = np.where(d_door > 0.4, (d_door - 0.4) / np.maximum(d_door, 1e-9), 0.0)
    tx = np.where(search, x + (room.DOOR[0] - x) * door_frac, tx)
    ty = np.where(search, y + (room.DOOR[1] - y) * door_frac, ty)
    nx, ny = room.step_toward(x, y, tx, ty, speed)
    nx, ny = room.clamp_to_room(nx, ny)
    s.x = np.where(s.held == 1, s.cg_x, np.where(s.held == 2, s.st_x, nx))
    s.y = np.where(s.held == 1, s.cg_y, np.where(s.held == 2, s.st_y, ny))


def decide(s: SSPState, per: Perception, wm: WorkingModel, reactivity: np.ndarray,
           soothability: np.ndarray, draws: tuple[np.ndarray, ...], p: ModelParams) -> None:
    """The infant's decision phase: arousal, action and its target, crying, gaze."""
    u_action, u_cry, u_gaze, u_noise = draws
    a = update_arousal(s, per, wm, reactivity, soothability, u_noise, p)
    P, avoid_cg, avoid_st = propensities(s, per, wm, a, p)
    action = choose(P, s.action, u_action, p)
    target = action_target(action, per, avoid_cg, avoid_st)
    s.arousal = a
    s.cry = cry_level(a, wm, s.cry, u_cry, p)
    s.gaze = gaze(action, target, per, wm, u_gaze, p)
    s.action = action
    s.target = target
