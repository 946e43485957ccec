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

import numpy as np

from .. import room
from ..record import Target
from ..ssp_state import CODE, COUNT, SSPState
from .arrays import put
from .codes import ACTION, ADULT, HELD, TARGET
from .situation import Perception

A = ADULT
C = CODE  # act codes are int8 scalars, so the state keeps its dtype
#: Seconds an entering adult pauses in the doorway (the infant's chance to respond).
DOOR_PAUSE = 3
#: Seconds it takes to put an infant down.
RELEASE_SECONDS = 2
#: Seconds the caregiver holds the infant at least before she tries to put it down, if calm.
HOLD_AT_LEAST = 30
#: In the reunions, seconds of sitting between calls to the infant, and a call's length.
CALL_EVERY = 25
CALL_SECONDS = 4


def _counter(run: np.ndarray, condition: np.ndarray) -> np.ndarray:
    return np.where(condition, run + 1, 0)


def _bidding_for(s: SSPState, who: Target) -> np.ndarray:
    """The infant directs contact bids at this adult."""
    bid = ((s.action == ACTION.APPROACH) | (s.action == ACTION.SIGNAL)
           | (s.action == ACTION.CONTACT_ACTIVE))
    return bid & (s.target == who)


def _pushing(s: SSPState) -> np.ndarray:
    return ((s.action == ACTION.AVOID) | (s.action == ACTION.RESIST_ANGRY)
            | (s.action == ACTION.RESIST_PASSIVE))


def caregiver_leaving_time(s: SSPState) -> np.ndarray:
    """When the script calls the caregiver out: end of episode 3; episode 5 once settled."""
    ep, t = s.episode, s.t_ep
    return ((ep == 3) & (t >= 168)) | (
        (ep == 5) & (((t >= 180) & (s.calm_run >= 10)) | (t >= 285)))


def caregiver_decide(s: SSPState, per: Perception) -> None:
    """The caregiver's act for this second, from the script and what the infant does."""
    present = s.cg_present
    act, ep, t = s.cg_act, s.episode, s.t_ep
    wants_her = _bidding_for(s, TARGET.CAREGIVER)
    s.cg_bid_run = _counter(s.cg_bid_run, present & (wants_her | (s.cry > 0)))
    s.cg_push_run = _counter(s.cg_push_run, per.held_cg & _pushing(s))
    s.cg_avoid_run = _counter(s.cg_avoid_run, (s.action == ACTION.AVOID)
                              & (s.target == TARGET.CAREGIVER))
    leave = caregiver_leaving_time(s)
    new = act

    entering_done = (act == A.ENTERING) & (s.cg_timer >= DOOR_PAUSE)
    if entering_done.any():
        go_to_infant = (ep == 8) | (s.cg_bid_run > 0)
        new = np.where(entering_done, np.where(go_to_infant, C(A.APPROACHING), C(A.SITTING)),
                       new)

    seated = (act == A.SITTING) | (act == A.TALKING) | (act == A.CALLING)
    in_reach = seated & per.contact_cg & wants_her
    new = put(new, in_reach, C(A.HOLDING))
    responds = seated & ~in_reach & (s.cg_bid_run >= 3)
    new = put(new, responds, C(A.APPROACHING))
    stays = seated & ~in_reach & ~responds
    talk = (ep == 3) & (t >= 60) & (t < 120)
    reunion = (ep == 5) | (ep == 8)
    # in the reunions she tries to re-engage the infant: every so often she calls it and
    # invites it to play from her chair (Ainsworth et al. 1978: "tries to settle him again
    # in play")
    call = reunion & (((act == A.SITTING) & (s.cg_timer >= CALL_EVERY))
                      | ((act == A.CALLING) & (s.cg_timer < CALL_SECONDS - 1)))
    seat_act = np.where(talk, C(A.TALKING), np.where(call, C(A.CALLING), C(A.SITTING)))
    new = put(new, stays & (seat_act != act), seat_act)
    new = put(new, stays & leave, C(A.LEAVING))

    approaching = act == A.APPROACHING
    if approaching.any():
        arrived = approaching & (per.d_cg <= room.CONTACT_DISTANCE + 0.05)
        gave_up = approaching & ~arrived & (s.cg_avoid_run >= 5)
        new = put(new, arrived, C(A.HOLDING))
        new = put(new, gave_up, C(A.SITTING))
        new = put(new, approaching & ~arrived & leave, C(A.LEAVING))

    holding = act == A.HOLDING
    releasing = act == A.RELEASING
    if holding.any():
        carried_in = (ep == 1) & (room.distance(s.cg_x, s.cg_y, *room.START) < 0.05)
        settled = (s.cg_hold >= HOLD_AT_LEAST) & (s.calm_run >= 8)
        wants_down = (s.cg_avoid_run >= 3) | (s.cg_push_run >= 10)
        new = put(new, holding & (carried_in | settled | wants_down | leave), C(A.RELEASING))
    if releasing.any():
        clings = (s.action == ACTION.CONTACT_ACTIVE) & ~leave & (ep != 1)
        new = put(new, releasing & clings, C(A.HOLDING))
        put_down = releasing & ~clings & (s.cg_timer >= RELEASE_SECONDS)
        new = put(new, put_down, np.where(leave, C(A.LEAVING), C(A.SITTING)))

    new = put(new, ~present & (new != A.ABSENT), C(A.ABSENT))
    s.cg_hold = np.where(new == A.HOLDING, np.where(holding, s.cg_hold + 1, np.where(
        releasing, COUNT(10), COUNT(0))), COUNT(0))
    s.cg_timer = np.where(new == act, s.cg_timer + 1, COUNT(0))
    s.cg_act = new


def stranger_decide(s: SSPState, per: Perception) -> None:
    """The stranger's act: the episode-3 script, then geared to the infant in separations."""
    present = s.st_present
    act, ep, t = s.st_act, s.episode, s.t_ep
    separation = present & ~s.cg_present
    s.st_bid_run = _counter(s.st_bid_run, separation & (s.cry > 0))
    s.st_push_run = _counter(s.st_push_run, per.held_st & _pushing(s))
    s.st_avoid_run = _counter(s.st_avoid_run, (s.action == ACTION.AVOID)
                              & (s.target == TARGET.STRANGER))
    new = act

    entering_done = (act == A.ENTERING) & (s.st_timer >= DOOR_PAUSE)
    new = put(new, entering_done, np.where(ep == 3, C(A.SITTING), C(A.PLAYING)))

    # episode 3: silent a minute, talks a minute, then approaches the infant and plays
    script3 = (ep == 3) & ((act == A.SITTING) | (act == A.TALKING) | (act == A.PLAYING))
    if script3.any():
        new = put(new, script3, np.where(t < 60, C(A.SITTING), np.where(
            t < 120, C(A.TALKING), C(A.PLAYING))))

    # separations: comfort a crying infant, back off if avoided, play otherwise
    calm_phase = separation & ((act == A.SITTING) | (act == A.PLAYING) | (act == A.TALKING))
    new = put(new, calm_phase & (s.st_bid_run >= 3), C(A.APPROACHING))
    backs_off = calm_phase & (act == A.PLAYING) & (s.st_avoid_run >= 3)
    new = put(new, backs_off, C(A.SITTING))
    retries = calm_phase & (act != A.PLAYING) & (s.st_timer >= 20) & (s.st_bid_run < 3)
    new = put(new, retries, C(A.PLAYING))

    approaching = act == A.APPROACHING
    if approaching.any():
        arrived = approaching & (per.d_st <= room.CONTACT_DISTANCE + 0.05) & ~per.held_cg
        gave_up = approaching & ~arrived & (s.st_avoid_run >= 4)
        new = put(new, arrived, C(A.HOLDING))
        new = put(new, gave_up, C(A.SITTING))

    holding = act == A.HOLDING
    if holding.any():
        settled = (s.st_hold >= 15) & (s.calm_run >= 5)
        wants_down = (s.st_avoid_run >= 3) | (s.st_push_run >= 5)
        new = put(new, holding & (settled | wants_down), C(A.RELEASING))
    put_down = (act == A.RELEASING) & (s.st_timer >= RELEASE_SECONDS)
    new = put(new, put_down, C(A.PLAYING))

    new = put(new, ~present & (new != A.ABSENT), C(A.ABSENT))
    s.st_hold = np.where(new == A.HOLDING, np.where(holding, s.st_hold + 1, COUNT(0)),
                         COUNT(0))
    s.st_timer = np.where(new == act, s.st_timer + 1, COUNT(0))
    s.st_act = new


def _adult_target(act: np.ndarray, x: np.ndarray, y: np.ndarray, chair: tuple[float, float],
                  s: SSPState, carry_to_start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where an adult walks this second: her chair, the infant, beside it to play, the door."""
    seated = (act == A.SITTING) | (act == A.TALKING) | (act == A.CALLING)
    tx = put(x, seated, np.float32(chair[0]))
    ty = put(y, seated, np.float32(chair[1]))
    approach = act == A.APPROACHING
    if approach.any():
        d_inf = room.distance(x, y, s.x, s.y)
        frac = np.where(d_inf > 0.9 * room.CONTACT_DISTANCE,
                        (d_inf - 0.9 * room.CONTACT_DISTANCE) / np.maximum(d_inf, 1e-9), 0.0)
        tx = np.where(approach, x + (s.x - x) * frac, tx)
        ty = np.where(approach, y + (s.y - y) * frac, ty)
    play = act == A.PLAYING
    if play.any():
        side = np.where(s.y < room.HEIGHT / 2, np.float32(0.7), np.float32(-0.7))
        tx = np.where(play, s.x, tx)
        ty = np.where(play, s.y + side, ty)
    leaving = act == A.LEAVING
    tx = put(tx, leaving, np.float32(room.DOOR[0]))
    ty = put(ty, leaving, np.float32(room.DOOR[1]))
    tx = put(tx, carry_to_start, np.float32(room.START[0]))
    ty = put(ty, carry_to_start, np.float32(room.START[1]))
    return tx, ty


def _release_spot(ax: np.ndarray, ay: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where a released infant is put down: 0.4 m from where it was held, toward the toys."""
    d = room.distance(ax, ay, *room.TOYS)
    frac = np.minimum(0.4 / np.maximum(d, 1e-6), 1.0)
    return ax + (room.TOYS[0] - ax) * frac, ay + (room.TOYS[1] - ay) * frac


def _walk_out(s: SSPState, who: str) -> None:
    """An adult who reached the door while leaving is out of the room."""
    px, py = getattr(s, f"{who}_x"), getattr(s, f"{who}_y")
    leaving = getattr(s, f"{who}_act") == A.LEAVING
    out = leaving & (room.distance(px, py, *room.DOOR) < 0.05)
    setattr(s, f"{who}_present", getattr(s, f"{who}_present") & ~out)
    setattr(s, f"{who}_act", np.where(out, C(A.ABSENT), getattr(s, f"{who}_act")))
    if who == "cg":
        s.cg_gone = s.cg_gone | (out & (s.episode == 5))


def caregiver_act(s: SSPState) -> None:
    """The caregiver's act phase: walk (carrying the infant in, in episode 1) or walk out."""
    carry = (s.episode == 1) & (s.cg_act == A.HOLDING)
    tx, ty = _adult_target(s.cg_act, s.cg_x, s.cg_y, room.CAREGIVER_CHAIR, s, carry)
    s.cg_x, s.cg_y = room.step_toward(s.cg_x, s.cg_y, tx, ty, room.ADULT_SPEED)
    _walk_out(s, "cg")


def stranger_act(s: SSPState) -> None:
    """The stranger's act phase: walk, or walk out."""
    no = np.zeros(s.x.shape, dtype=bool)
    tx, ty = _adult_target(s.st_act, s.st_x, s.st_y, room.STRANGER_CHAIR, s, no)
    s.st_x, s.st_y = room.step_toward(s.st_x, s.st_y, tx, ty, room.ADULT_SPEED)
    _walk_out(s, "st")


def hand_over(s: SSPState) -> None:
    """Pick-ups and put-downs: who holds the infant after the adults acted.

    An adult who stopped holding puts the infant down 0.4 m toward the toys from where she held
    it; an adult whose act is now HOLDING picks it up (the stranger only when the caregiver is
    not holding it).
    """
    holds_cg = (s.cg_act == A.HOLDING) | (s.cg_act == A.RELEASING)
    holds_st = (s.st_act == A.HOLDING) | (s.st_act == A.RELEASING)
    cg_lets_go = (s.held == HELD.CAREGIVER) & ~holds_cg
    st_lets_go = (s.held == HELD.STRANGER) & ~holds_st
    lets_go = cg_lets_go | st_lets_go
    held = s.held
    if lets_go.any():
        rx, ry = _release_spot(s.x, s.y)  # where it was held, before she walks on
        s.x = np.where(lets_go, rx, s.x)
        s.y = np.where(lets_go, ry, s.y)
        held = np.where(lets_go, C(HELD.NONE), held)
    free = held == HELD.NONE
    held = put(held, free & (s.cg_act == A.HOLDING) & s.cg_present, C(HELD.CAREGIVER))
    held = put(held, (held == HELD.NONE) & (s.st_act == A.HOLDING) & s.st_present,
               C(HELD.STRANGER))
    s.held = held
