"""The infant's overt behaviour each second, chosen from arousal and the working model.

Propensities for each action are built from the per-infant dispositions
(:mod:`simulation.rules.dispositions`), arousal ``a`` and frustration, in the situation:

- **attachment and exploration balance** (Ainsworth et al. 1978, ch. 5): exploration grows
  with calm squared, less without the secure base; as distress rises it gives way to attachment
  behaviour: approach, clinging, signalling, search and crying;
- **deactivation** ``a * (1.25 - a) * displace``: attention to the toys or away from the
  caregiver when aroused in her presence, the avoidant strategy of infants who learned to expect
  rebuff (Cassidy & Kobak 1988); it holds under moderate distress and gives way when distress
  overwhelms it (Main 1990);
- **angry protest** ``a * frustration * protest``: contact sought and resisted when picked up or
  put down after distress unmet (C1; Cassidy & Berlin 1994);
- **helplessness** ``a * helpless``: signalling without initiative, passive resistance (C2);
- **lapses** ``a * lapse`` (fear) and **conflict** ``a * conflict`` (approach and avoidance
  balanced): approach broken off, freezing, apprehension in the caregiver's presence (Main &
  Solomon 1990; Main & Hesse 1990).

One keyed uniform chooses among the propensities, with extra weight on continuing the current
action (behaviour comes in bouts). Crying has its own course: it builds toward arousal times
the learned signal gain and settles when that falls, so that an avoidant infant can be highly
aroused and cry little (Sroufe & Waters 1977).
"""

from __future__ import annotations

import numpy as np

from .. import rng, room
from ..codes import ACTION, GAZE, HELD, TARGET
from .jit import f, kernel
from .situation import update_arousal, update_frustration

# --- constants of the behaviour rules -------------------------------------------------------
#: Idling, the floor of every infant's repertoire when free.
IDLE_FLOOR = f(0.05)
#: Deactivation peaks at middling arousal: its weight is ``a * (DEACT_PEAK - a)``.
DEACT_PEAK = f(1.25)
#: Approach grows with arousal squared, scaled by this.
APPROACH_GAIN = f(2.0)
#: Clinging in her arms holds beyond distress: its weight is ``a + CLING_FLOOR``.
CLING_FLOOR = f(0.4)
#: A calm infant held lets itself be held: passive contact per unit calm.
HELD_CALM = f(0.6)
#: Angry protest at the stranger when the caregiver is away, relative to at the caregiver.
PROTEST_STRANGER = f(0.4)
#: Avoidance of the caregiver when she makes no overture, relative to when she does.
AVOID_UNPROMPTED = f(0.2)
#: While playing, a glance at the stranger in the room, and the extra chance of watching her
#: warily while she approaches, plays or holds (infants watch an unfamiliar adult's overtures).
WATCH_STRANGER, WARY_STRANGER = f(0.08), f(0.3)
#: Freezing and apprehension, relative to the lapse weight; broken approaches while not
#: approaching, and the extra weight while approaching.
FREEZE, APPREHEND, BROKEN_IDLE, BROKEN_APPROACHING = f(0.5), f(0.5), f(0.2), f(1.8)

N_ACTIONS = len(ACTION)


@kernel
def propensities(s, per, d, a, p) -> tuple:
    """Propensity of every action into ``s.propensity`` (by Action code); returns the avoidance
    of the caregiver and of the stranger.

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
    overture = AVOID_UNPROMPTED + (f(1.0) - AVOID_UNPROMPTED) * f(per.cg_overture)
    without_base = f(1.0) - f_cg

    P = s.propensity
    deact = a * (DEACT_PEAK - a)
    # exploration gives way to attachment behaviour as distress rises, and is lower without the
    # secure base; deactivating infants turn to the toys when aroused, more in her presence
    base = f_cg + without_base * p.explore_alone
    displaced = d.displace * deact * (f_cg + without_base * p.alone_displacement)
    P[ACTION.EXPLORE] = f_free * (d.explore * calm * calm * base + displaced)
    P[ACTION.IDLE] = f_free * (IDLE_FLOOR + a * (d.idle_vigilant + without_base * d.idle_alone))
    greeting = f(free_cg and per.cg_overture) * d.greet
    # a distressed infant greets her by going to her, a calm one from a distance
    P[ACTION.APPROACH] = (APPROACH_GAIN * a * a * (f_free_cg * d.approach + greeting)
                          + a * f(alone_with_st and not per.contact_st) * d.approach_stranger)
    # in her arms a trusting infant holds on beyond its distress (it wants the contact), so
    # clinging has a floor; a calm, untrusting one lets itself be held
    P[ACTION.CONTACT_ACTIVE] = (a + CLING_FLOOR) * (
        f(per.held_cg or (free and per.contact_cg)) * d.cling + f(per.held_st) * d.cling_stranger)
    P[ACTION.CONTACT_PASSIVE] = f_held_any * (HELD_CALM * calm + d.passive_held)
    anger = a * s.frustration * d.protest
    P[ACTION.RESIST_ANGRY] = anger * (f_cg_pressing
                                      + PROTEST_STRANGER * f(st_pressing and not cg_in))
    helpless = a * d.helpless
    P[ACTION.RESIST_PASSIVE] = f_cg_pressing * helpless
    avoid_cg = f_cg * deact * d.avoid * overture
    avoid_st = f(st_pressing and not per.held_cg) * a * d.avoid_stranger
    P[ACTION.AVOID] = avoid_cg + avoid_st
    P[ACTION.SEARCH] = f(free and not cg_in) * a * d.search
    P[ACTION.DISTANCE_INTERACT] = calm * (f_free_cg * d.distance + f_alone_st * d.distance_stranger
                                          + greeting * d.distance)
    P[ACTION.SIGNAL] = f_free_cg * (helpless + f(per.near_cg) * a * d.reach)
    lapse = f_cg * a * d.lapse
    approaching = f(s.action == ACTION.APPROACH)
    P[ACTION.FREEZE] = FREEZE * lapse
    P[ACTION.APPROACH_BROKEN] = f_free_cg * (
        lapse * (BROKEN_IDLE + BROKEN_APPROACHING * approaching) + a * d.conflict * approaching)
    P[ACTION.APPREHENSION] = APPREHEND * lapse * f(per.cg_overture)
    return avoid_cg, avoid_st


@kernel
def choose(P, sums, current, u, p) -> int:
    """Pick one action with uniform ``u`` from the propensities ``P`` (by Action code).

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
        return ACTION.IDLE
    threshold = u * total
    pick = 0
    for k in range(N_ACTIONS - 1):
        pick += sums[k] <= threshold
    return pick


# Placeholders in the target table, resolved from the situation.
_ADULT, _HOLDER, _RESISTED, _AVOIDED = 100, 101, 102, 103
_TARGET_OF_ACTION = np.array([
    TARGET.TOYS, TARGET.NONE, _ADULT, _HOLDER, _HOLDER, _RESISTED, _RESISTED, _AVOIDED,
    TARGET.DOOR, _ADULT, _ADULT, TARGET.CAREGIVER, TARGET.CAREGIVER, TARGET.CAREGIVER,
], dtype=np.int8)
_GAZE_AT_TARGET = np.array([GAZE.AWAY, GAZE.CAREGIVER, GAZE.STRANGER, GAZE.AWAY, GAZE.AWAY],
                           dtype=np.int8)


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
def cry_drive(a, d, previous, p):
    """Next second's crying drive: it builds toward arousal times the learned signal gain over
    seconds (crying starts as fussing and escalates) and settles when that falls."""
    target = a * d.cry
    rate = p.cry_settle + f(target > previous) * (p.cry_onset - p.cry_settle)
    return previous + rate * (target - previous)


@kernel
def cry_level(drive, u, p) -> int:
    """Crying a coder hears: none, fussing or hard crying, from the drive with some noise."""
    heard = drive + p.cry_noise * (u - f(0.5))
    return int(heard > p.cry_fuss) + int(heard > p.cry_hard)


@kernel
def gaze(action, target, per, d, u) -> int:
    """Where the infant looks, given what it does (secure-base glances while exploring)."""
    if action == ACTION.EXPLORE:
        looks_up = f(per.cg_in) * (d.checkback + f(per.cg_overture) * d.orient)
        if u < looks_up:
            return GAZE.CAREGIVER
        watch = f(per.st_in) * (WATCH_STRANGER + WARY_STRANGER * f(per.st_overture))
        return GAZE.STRANGER if u > f(1.0) - watch else GAZE.TOYS
    if action == ACTION.IDLE:
        if per.cg_in:
            return GAZE.CAREGIVER if u < d.watch else GAZE.AWAY
        if u < f(0.5):
            return GAZE.DOOR
        return GAZE.STRANGER if per.st_in else GAZE.AWAY
    if action == ACTION.CONTACT_PASSIVE or action == ACTION.RESIST_PASSIVE:
        return GAZE.AWAY if u >= f(0.5) else _GAZE_AT_TARGET[target]
    if action == ACTION.AVOID or action == ACTION.FREEZE or action == ACTION.APPROACH_BROKEN:
        return GAZE.AWAY
    if action == ACTION.SEARCH:
        return GAZE.DOOR
    return _GAZE_AT_TARGET[target]


_SPEED = f(room.INFANT_SPEED)
_SLOW = f(room.INFANT_SPEED) * (f(1.0) - f(0.5))
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
    x, y, act = s.x, s.y, s.action
    tx, ty, speed = x, y, _SPEED
    if act == ACTION.EXPLORE:
        tx, ty = s.toy_x, s.toy_y
    elif (act == ACTION.APPROACH or act == ACTION.CONTACT_ACTIVE or act == ACTION.AVOID
          or act == ACTION.APPROACH_BROKEN):
        if s.target == TARGET.STRANGER:
            ax, ay = s.st_x, s.st_y
        else:
            ax, ay = s.cg_x, s.cg_y
        d_adult = room.distance(x, y, ax, ay)
        inv = f(1.0) / max(d_adult, f(1e-6))
        if act == ACTION.APPROACH or act == ACTION.CONTACT_ACTIVE:
            if d_adult > _STOP:
                frac = (d_adult - _STOP) * inv
                tx, ty = x + (ax - x) * frac, y + (ay - y) * frac
        elif d_adult < f(1.5):
            tx, ty = x + (x - ax) * inv * f(0.5), y + (y - ay) * inv * f(0.5)
            speed = _SLOW
    elif act == ACTION.SEARCH:
        d_door = room.distance(x, y, _DOOR_X, _DOOR_Y)
        door_frac = max(d_door - f(0.4), f(0.0)) / max(d_door, f(1e-6))
        tx, ty = x + (_DOOR_X - x) * door_frac, y + (_DOOR_Y - y) * door_frac
    nx, ny = room.step_toward(x, y, tx, ty, speed)
    s.x, s.y = room.clamp_to_room(nx, ny)


@kernel
def decide(s, per, d, key, purpose, tick, p) -> None:
    """The infant's decision phase: arousal, action and its target, crying, gaze.

    Its four uniforms are keyed by (infant ``key``, ``purpose``, second ``tick``).
    """
    u_action, u_cry, u_gaze, u_noise = rng.quad_one(key, purpose, tick)
    a = update_arousal(s, per, d, u_noise, p)
    s.frustration = update_frustration(s, per, a, p)
    avoid_cg, avoid_st = propensities(s, per, d, a, p)
    action = choose(s.propensity, s.choice_sums, s.action, u_action, p)
    target = action_target(action, per, avoid_cg, avoid_st)
    s.arousal = a
    s.cry_drive = cry_drive(a, d, s.cry_drive, p)
    s.cry = cry_level(s.cry_drive, u_cry, p)
    s.gaze = gaze(action, target, per, d, u_gaze)
    s.action = action
    s.target = target
