"""The adults' scripts: the caregiver and the stranger follow the procedure's instructions.

The caregiver is instructed to sit, respond if the infant initiates but not initiate play
(Waters 2002); she carries the infant in (episode 1), leaves unobtrusively (end of episode 3),
greets and comforts, resettles the infant in play and leaves saying bye-bye (episode 5), greets
and picks the infant up (episode 8). The stranger is silent for a minute, talks with the
caregiver for a minute, approaches the infant (episode 3) and in the separations gears her
behaviour to the infant: plays if it plays, tries to comfort if it cries (Ainsworth et al. 1978,
ch. 2). Their scripts are the same whatever the caregiving at home, as in the laboratory: the
differences between infants come from the infants.

Adults react to what they can see of the infant this second (its action and crying), after the
infant's decision phase.
"""

from __future__ import annotations

from .. import room
from ..codes import ACTION, ADULT, HELD, TARGET
from .jit import f, kernel

A = ADULT
#: Seconds an entering adult pauses in the doorway (the infant's chance to respond).
DOOR_PAUSE = 3
#: Seconds it takes to put an infant down.
RELEASE_SECONDS = 2
#: Seconds the caregiver holds the infant at least before she tries to put it down, if calm.
HOLD_AT_LEAST = 30
#: In the reunions, seconds of sitting between calls to the infant, and a call's length.
CALL_EVERY = 25
CALL_SECONDS = 4

_ARRIVED = f(room.CONTACT_DISTANCE + 0.05)  # close enough to pick the infant up
_STOP = f(0.9 * room.CONTACT_DISTANCE)  # where an adult stops walking up to the infant
_AT = f(0.05)  # at a spot (the door, where the infant is put down in episode 1)
_SPEED = f(room.ADULT_SPEED)
_MIDDLE = f(room.HEIGHT / 2)
_DOOR_X, _DOOR_Y = f(room.DOOR[0]), f(room.DOOR[1])
_START_X, _START_Y = f(room.START[0]), f(room.START[1])
_TOYS_X, _TOYS_Y = f(room.TOYS[0]), f(room.TOYS[1])
_CG_CHAIR = (f(room.CAREGIVER_CHAIR[0]), f(room.CAREGIVER_CHAIR[1]))
_ST_CHAIR = (f(room.STRANGER_CHAIR[0]), f(room.STRANGER_CHAIR[1]))


@kernel
def _counter(run, condition: bool) -> int:
    return run + 1 if condition else 0


@kernel
def _bidding_for(s, who) -> bool:
    """The infant directs contact bids at this adult."""
    act = s.action
    return (act == ACTION.APPROACH or act == ACTION.SIGNAL
            or act == ACTION.CONTACT_ACTIVE) and s.target == who


@kernel
def _pushing(s) -> bool:
    act = s.action
    return act == ACTION.AVOID or act == ACTION.RESIST_ANGRY or act == ACTION.RESIST_PASSIVE


@kernel
def _seated(act) -> bool:
    return act == A.SITTING or act == A.TALKING or act == A.CALLING


@kernel
def caregiver_leaving_time(s) -> bool:
    """When the script calls the caregiver out: end of episode 3; episode 5 once settled."""
    ep, t = s.episode, s.t_ep
    return (ep == 3 and t >= 168) or (
        ep == 5 and ((t >= 180 and s.calm_run >= 10) or t >= 285))


@kernel
def caregiver_decide(s, per) -> None:
    """The caregiver's act for this second, from the script and what the infant does."""
    act, ep, t = s.cg_act, s.episode, s.t_ep
    wants_her = _bidding_for(s, TARGET.CAREGIVER)
    s.cg_bid_run = _counter(s.cg_bid_run, s.cg_present and (wants_her or s.cry > 0))
    s.cg_push_run = _counter(s.cg_push_run, per.held_cg and _pushing(s))
    s.cg_avoid_run = _counter(s.cg_avoid_run,
                              s.action == ACTION.AVOID and s.target == TARGET.CAREGIVER)
    leave = caregiver_leaving_time(s)
    new = act
    if act == A.ENTERING:
        if s.cg_timer >= DOOR_PAUSE:
            new = A.APPROACHING if ep == 8 or s.cg_bid_run > 0 else A.SITTING
    elif _seated(act):
        if per.contact_cg and wants_her:
            new = A.HOLDING
        elif s.cg_bid_run >= 3:
            new = A.APPROACHING
        else:
            # in the reunions she tries to re-engage the infant: every so often she calls it
            # and invites it to play from her chair (Ainsworth et al. 1978: "tries to settle
            # him again in play")
            call = (ep == 5 or ep == 8) and (
                (act == A.SITTING and s.cg_timer >= CALL_EVERY)
                or (act == A.CALLING and s.cg_timer < CALL_SECONDS - 1))
            if ep == 3 and 60 <= t < 120:
                new = A.TALKING
            elif call:
                new = A.CALLING
            else:
                new = A.SITTING
            if leave:
                new = A.LEAVING
    elif act == A.APPROACHING:
        if per.d_cg <= _ARRIVED:
            new = A.HOLDING
        elif leave:
            new = A.LEAVING
        elif s.cg_avoid_run >= 5:
            new = A.SITTING
    elif act == A.HOLDING:
        carried_in = ep == 1 and room.distance(s.cg_x, s.cg_y, _START_X, _START_Y) < _AT
        settled = s.cg_hold >= HOLD_AT_LEAST and s.calm_run >= 8
        wants_down = s.cg_avoid_run >= 3 or s.cg_push_run >= 10
        if carried_in or settled or wants_down or leave:
            new = A.RELEASING
    elif act == A.RELEASING:
        if s.action == ACTION.CONTACT_ACTIVE and not leave and ep != 1:
            new = A.HOLDING  # the infant clings
        elif s.cg_timer >= RELEASE_SECONDS:
            new = A.LEAVING if leave else A.SITTING
    if not s.cg_present:
        new = A.ABSENT
    if new != A.HOLDING:
        s.cg_hold = 0
    elif act == A.HOLDING:
        s.cg_hold += 1
    elif act == A.RELEASING:
        s.cg_hold = 10
    else:
        s.cg_hold = 0
    s.cg_timer = s.cg_timer + 1 if new == act else 0
    s.cg_act = new


@kernel
def stranger_decide(s, per) -> None:
    """The stranger's act: the episode-3 script, then geared to the infant in separations."""
    act, ep, t = s.st_act, s.episode, s.t_ep
    separation = s.st_present and not s.cg_present
    s.st_bid_run = _counter(s.st_bid_run, separation and s.cry > 0)
    s.st_push_run = _counter(s.st_push_run, per.held_st and _pushing(s))
    s.st_avoid_run = _counter(s.st_avoid_run,
                              s.action == ACTION.AVOID and s.target == TARGET.STRANGER)
    new = act
    if act == A.ENTERING and s.st_timer >= DOOR_PAUSE:
        new = A.SITTING if ep == 3 else A.PLAYING
    calm_act = act == A.SITTING or act == A.TALKING or act == A.PLAYING
    # episode 3: silent a minute, talks a minute, then approaches the infant and plays
    if ep == 3 and calm_act:
        new = A.SITTING if t < 60 else (A.TALKING if t < 120 else A.PLAYING)
    # separations: comfort a crying infant, back off if avoided, play otherwise
    if separation and calm_act:
        if s.st_bid_run >= 3:
            new = A.APPROACHING
        if act == A.PLAYING and s.st_avoid_run >= 3:
            new = A.SITTING
        if act != A.PLAYING and s.st_timer >= 20 and s.st_bid_run < 3:
            new = A.PLAYING
    if act == A.APPROACHING:
        if per.d_st <= _ARRIVED and not per.held_cg:
            new = A.HOLDING
        elif s.st_avoid_run >= 4:
            new = A.SITTING
    elif act == A.HOLDING:
        settled = s.st_hold >= 15 and s.calm_run >= 5
        wants_down = s.st_avoid_run >= 3 or s.st_push_run >= 5
        if settled or wants_down:
            new = A.RELEASING
    elif act == A.RELEASING and s.st_timer >= RELEASE_SECONDS:
        new = A.PLAYING
    if not s.st_present:
        new = A.ABSENT
    if new == A.HOLDING and act == A.HOLDING:
        s.st_hold += 1
    else:
        s.st_hold = 0
    s.st_timer = s.st_timer + 1 if new == act else 0
    s.st_act = new


@kernel
def _adult_target(act, x, y, chair, s, carry_to_start: bool) -> tuple:
    """Where an adult walks this second: her chair, the infant, beside it to play, the door."""
    if carry_to_start:
        return _START_X, _START_Y
    if _seated(act):
        return chair
    if act == A.APPROACHING:
        d_inf = room.distance(x, y, s.x, s.y)
        frac = (d_inf - _STOP) / max(d_inf, f(1e-9)) if d_inf > _STOP else f(0.0)
        return x + (s.x - x) * frac, y + (s.y - y) * frac
    if act == A.PLAYING:
        return s.x, s.y + (f(0.7) if s.y < _MIDDLE else f(-0.7))
    if act == A.LEAVING:
        return _DOOR_X, _DOOR_Y
    return x, y


@kernel
def _walked_out(act, x, y) -> bool:
    """An adult who reached the door while leaving is out of the room."""
    return act == A.LEAVING and room.distance(x, y, _DOOR_X, _DOOR_Y) < _AT


@kernel
def caregiver_act(s) -> None:
    """The caregiver's act phase: walk (carrying the infant in, in episode 1) or walk out."""
    carry = s.episode == 1 and s.cg_act == A.HOLDING
    tx, ty = _adult_target(s.cg_act, s.cg_x, s.cg_y, _CG_CHAIR, s, carry)
    s.cg_x, s.cg_y = room.step_toward(s.cg_x, s.cg_y, tx, ty, _SPEED)
    if _walked_out(s.cg_act, s.cg_x, s.cg_y):
        s.cg_present = False
        s.cg_act = A.ABSENT
        if s.episode == 5:
            s.cg_gone = True


@kernel
def stranger_act(s) -> None:
    """The stranger's act phase: walk, or walk out."""
    tx, ty = _adult_target(s.st_act, s.st_x, s.st_y, _ST_CHAIR, s, False)
    s.st_x, s.st_y = room.step_toward(s.st_x, s.st_y, tx, ty, _SPEED)
    if _walked_out(s.st_act, s.st_x, s.st_y):
        s.st_present = False
        s.st_act = A.ABSENT


@kernel
def _release_spot(ax, ay) -> tuple:
    """Where a released infant is put down: 0.4 m from where it was held, toward the toys."""
    d = room.distance(ax, ay, _TOYS_X, _TOYS_Y)
    frac = min(f(0.4) / max(d, f(1e-6)), f(1.0))
    return ax + (_TOYS_X - ax) * frac, ay + (_TOYS_Y - ay) * frac


@kernel
def hand_over(s) -> None:
    """Pick-ups and put-downs: who holds the infant after the adults acted.

    An adult who stopped holding puts the infant down 0.4 m toward the toys from where she held
    it; an adult whose act is now HOLDING picks it up (the stranger only when the caregiver is
    not holding it).
    """
    holds_cg = s.cg_act == A.HOLDING or s.cg_act == A.RELEASING
    holds_st = s.st_act == A.HOLDING or s.st_act == A.RELEASING
    if (s.held == HELD.CAREGIVER and not holds_cg) or (s.held == HELD.STRANGER
                                                        and not holds_st):
        s.x, s.y = _release_spot(s.x, s.y)  # where it was held, before she walks on
        s.held = HELD.NONE
    if s.held == HELD.NONE and s.cg_act == A.HOLDING and s.cg_present:
        s.held = HELD.CAREGIVER
    if s.held == HELD.NONE and s.st_act == A.HOLDING and s.st_present:
        s.held = HELD.STRANGER
