"""The adults' scripts: the caregiver and the stranger follow the procedure's instructions.

The caregiver is instructed to sit, respond if the infant initiates but not initiate play
(Waters 2002); she carries the infant in (episode 1), leaves unobtrusively (end of episode 3);
in episode 5 she pauses at the door, greets the infant, goes to it, comforts it if it is
distressed or wants her (she picks it up) and otherwise settles it again in play beside it, then
goes back to her chair, and leaves saying bye-bye once it is settled; in episode 8 she pauses at
the door, greets it and picks it up (Ainsworth et al. 1978, ch. 2). She does not call the infant
again and again from her chair: her overtures are her entrance and her approach. The stranger is
silent for a minute, talks with the caregiver for a minute, approaches the infant (episode 3)
and in the separations gears her behaviour to the infant: plays if it plays, tries to comfort if
it cries (Ainsworth et al. 1978, ch. 2). Their scripts are the same whatever the caregiving at
home, as in the laboratory: the differences between infants come from the infants.

Adults react to what they can see of the infant this second (its action and crying), after the
infant's decision phase. Their timings are constants of the protocol (:data:`CONSTANTS`), not
model parameters: the script is the same for every infant.
"""

from __future__ import annotations

from .. import room
from ..codes import ADULT, CRY, HELD, MOTIVE, TARGET
from ..episodes import NOMINAL_REUNION
from .declaration import GEOMETRY, PROTOCOL, Constant
from .jit import f, kernel

A = ADULT
#: Seconds an entering adult pauses in the doorway (the infant's chance to respond), and how
#: long the caregiver waits there at most for an infant that is coming to her.
DOOR_PAUSE, DOOR_WAIT = 3, 10
#: Seconds it takes to put an infant down.
RELEASE_SECONDS = 2
#: Seconds the caregiver holds the infant at least before she tries to put it down, if calm.
HOLD_AT_LEAST = 30
#: Seconds the caregiver plays beside a calm infant to settle it in play (episode 5).
SETTLE_SECONDS = 12
#: Episode 3: the caregiver leaves unobtrusively this many seconds into the episode.
EPISODE3_LEAVE = 168
#: Episode 3: the stranger is silent for the first minute, talks with the caregiver in the
#: second and approaches the infant in the third (seconds into the episode).
STRANGER_TALKS, STRANGER_APPROACHES = 60, 120
#: Episode 5: she leaves once the infant has been calm this long after the nominal three
#: minutes, and at the latest at this second (a reunion lengthened, bounded).
SETTLED_CALM, EPISODE5_LEAVE_BY = 10, 285
#: The stranger comes to comfort after this many seconds of crying in a separation; holds an
#: infant this long at least, and puts it down once it has been calm this long; plays again
#: after this long without crying.
STRANGER_COMFORTS, STRANGER_HOLDS, STRANGER_CALM, STRANGER_PLAYS = 3, 15, 5, 20
#: Seconds of avoidance (or of pushing away while held) after which an adult desists.
CAREGIVER_DESISTS, CAREGIVER_PUTS_DOWN, CAREGIVER_PUSHED = 5, 3, 10
STRANGER_DESISTS, STRANGER_PUTS_DOWN, STRANGER_PUSHED = 4, 3, 5
#: The caregiver goes to an infant that has been bidding for her this many seconds.
CAREGIVER_COMES = 3
#: Held while calm for this many seconds, the infant is put down (if she held it long enough).
CALM_TO_PUT_DOWN = 8

_ARRIVED = f(room.CONTACT_DISTANCE + 0.05)  # close enough to pick the infant up
_STOP = f(0.9 * room.CONTACT_DISTANCE)  # where an adult stops walking up to the infant
_AT = f(0.05)  # at a spot (the door, where the infant is put down in episode 1)
_SPEED = f(room.ADULT_SPEED)
_MIDDLE = f(room.HEIGHT / 2)
_BESIDE = f(0.7)  # an adult plays this far beside the infant (metres)
_PUT_DOWN = f(0.4)  # a released infant is put down this far toward the toys (metres)
_DOOR_X, _DOOR_Y = f(room.DOOR[0]), f(room.DOOR[1])
_START_X, _START_Y = f(room.START[0]), f(room.START[1])
_TOYS_X, _TOYS_Y = f(room.TOYS[0]), f(room.TOYS[1])
_CG_CHAIR = (f(room.CAREGIVER_CHAIR[0]), f(room.CAREGIVER_CHAIR[1]))
_ST_CHAIR = (f(room.STRANGER_CHAIR[0]), f(room.STRANGER_CHAIR[1]))


#: Why each number of the scripts is fixed (:mod:`simulation.rules.declaration`).
CONSTANTS = (
    Constant("DOOR_PAUSE", "seconds an entering adult pauses in the doorway", PROTOCOL),
    Constant("DOOR_WAIT", "seconds the caregiver waits in the doorway at most for an infant "
             "coming to her", PROTOCOL),
    Constant("RELEASE_SECONDS", "seconds it takes to put an infant down", PROTOCOL),
    Constant("HOLD_AT_LEAST", "seconds the caregiver holds the infant at least before she puts "
             "a calm infant down", PROTOCOL),
    Constant("SETTLE_SECONDS", "seconds she plays beside a calm infant to settle it (episode 5)",
             PROTOCOL),
    Constant("EPISODE3_LEAVE", "second of episode 3 at which the caregiver leaves", PROTOCOL),
    Constant("STRANGER_TALKS", "second of episode 3 at which the stranger talks to the caregiver",
             PROTOCOL),
    Constant("STRANGER_APPROACHES", "second of episode 3 at which the stranger approaches the "
             "infant", PROTOCOL),
    Constant("SETTLED_CALM", "seconds of calm after which she leaves in episode 5", PROTOCOL),
    Constant("EPISODE5_LEAVE_BY", "second of episode 5 by which she leaves at the latest",
             PROTOCOL),
    Constant("STRANGER_COMFORTS", "seconds of crying after which the stranger comes to comfort",
             PROTOCOL),
    Constant("STRANGER_HOLDS", "seconds the stranger holds the infant at least", PROTOCOL),
    Constant("STRANGER_CALM", "seconds of calm after which the stranger puts it down", PROTOCOL),
    Constant("STRANGER_PLAYS", "seconds without crying after which the stranger plays again",
             PROTOCOL),
    Constant("CAREGIVER_DESISTS", "seconds of avoidance after which the caregiver desists",
             PROTOCOL),
    Constant("CAREGIVER_PUTS_DOWN", "seconds of avoidance after which she puts it down",
             PROTOCOL),
    Constant("CAREGIVER_PUSHED", "seconds of pushing away after which she puts it down",
             PROTOCOL),
    Constant("STRANGER_DESISTS", "the same for the stranger", PROTOCOL),
    Constant("STRANGER_PUTS_DOWN", "the same for the stranger", PROTOCOL),
    Constant("STRANGER_PUSHED", "the same for the stranger", PROTOCOL),
    Constant("CAREGIVER_COMES", "seconds of bidding after which the caregiver comes", PROTOCOL),
    Constant("CALM_TO_PUT_DOWN", "seconds held calm after which the infant is put down",
             PROTOCOL),
    Constant("_ARRIVED", "an adult is close enough to pick the infant up within contact "
             "distance and this margin (m)", GEOMETRY),
    Constant("_STOP", "an adult walking up to the infant stops at this share of contact "
             "distance", GEOMETRY),
    Constant("_AT", "an adult is at a spot within this distance (m)", GEOMETRY),
    Constant("_BESIDE", "an adult plays this far beside the infant (m)", GEOMETRY),
    Constant("_PUT_DOWN", "a released infant is put down this far toward the toys (m)", GEOMETRY),
)


@kernel
def _counter(run, condition: bool) -> int:
    return run + 1 if condition else 0


@kernel
def _bidding_for(s, who) -> bool:
    """The infant directs contact bids at this adult."""
    act = s.motive
    return (act == MOTIVE.APPROACH or act == MOTIVE.SIGNAL
            or act == MOTIVE.CONTACT_ACTIVE) and s.target == who


@kernel
def _pushing(s) -> bool:
    act = s.motive
    return act == MOTIVE.AVOID or act == MOTIVE.RESIST_ANGRY or act == MOTIVE.RESIST_PASSIVE


@kernel
def _seated(act) -> bool:
    return act == A.SITTING or act == A.TALKING or act == A.CALLING


@kernel
def caregiver_leaving_time(s) -> bool:
    """When the script calls the caregiver out: end of episode 3; episode 5 once settled."""
    ep, t = s.episode, s.t_ep
    return (ep == 3 and t >= EPISODE3_LEAVE) or (
        ep == 5 and ((t >= NOMINAL_REUNION and s.calm_run >= SETTLED_CALM)
                     or t >= EPISODE5_LEAVE_BY))


@kernel
def caregiver_decide(s, per) -> None:
    """The caregiver's act for this second, from the script and what the infant does."""
    act, ep, t = s.cg_act, s.episode, s.t_ep
    wants_her = _bidding_for(s, TARGET.CAREGIVER)
    s.cg_bid_run = _counter(s.cg_bid_run, s.cg_present and (wants_her or s.cry > 0))
    s.cg_push_run = _counter(s.cg_push_run, per.held_cg and _pushing(s))
    s.cg_avoid_run = _counter(s.cg_avoid_run,
                              s.motive == MOTIVE.AVOID and s.target == TARGET.CAREGIVER)
    if s.cg_stilled > 0 and s.cg_present:
        # a dissociated moment of an unresolved caregiver (rules/unresolved.py): she stills,
        # absent while present, and responds to nothing
        s.cg_timer += 1
        return
    leave = caregiver_leaving_time(s)
    new = act
    if act == A.ENTERING:
        # she greets it from the door, lets an infant that is coming to her come all the way,
        # and otherwise goes to it (Ainsworth et al. 1978: the pause gives the infant the chance
        # to mount a spontaneous response)
        coming = s.motive == MOTIVE.APPROACH and s.target == TARGET.CAREGIVER
        if per.contact_cg and wants_her:
            new = A.HOLDING
        elif s.cg_timer >= DOOR_PAUSE and not (coming and s.cg_timer < DOOR_WAIT):
            new = A.APPROACHING
    elif _seated(act):
        if per.contact_cg and wants_her:
            new = A.HOLDING
        elif s.cg_bid_run >= CAREGIVER_COMES:
            new = A.APPROACHING
        elif ep == 3 and STRANGER_TALKS <= t < STRANGER_APPROACHES:
            new = A.TALKING
        else:
            new = A.SITTING
        if leave:
            new = A.LEAVING
    elif act == A.APPROACHING:
        if per.d_cg <= _ARRIVED:
            # episode 8: she picks it up; episode 5: she comforts a distressed infant or one
            # that wants her, and settles a calm one in play
            comfort = ep != 5 or s.cry > 0 or wants_her or per.contact_cg
            new = A.HOLDING if comfort else A.PLAYING
        elif leave:
            new = A.LEAVING
        elif s.cg_avoid_run >= CAREGIVER_DESISTS:
            new = A.SITTING
    elif act == A.PLAYING:  # settling the infant in play beside it (episode 5)
        if (per.contact_cg and wants_her) or s.cry == CRY.HARD:
            new = A.HOLDING
        elif leave:
            new = A.LEAVING
        elif s.cg_timer >= SETTLE_SECONDS or s.cg_avoid_run >= CAREGIVER_PUTS_DOWN:
            new = A.SITTING
    elif act == A.HOLDING:
        carried_in = ep == 1 and room.distance(s.cg_x, s.cg_y, _START_X, _START_Y) < _AT
        settled = s.cg_hold >= HOLD_AT_LEAST and s.calm_run >= CALM_TO_PUT_DOWN
        wants_down = (s.cg_avoid_run >= CAREGIVER_PUTS_DOWN
                      or s.cg_push_run >= CAREGIVER_PUSHED)
        if carried_in or settled or wants_down or leave:
            new = A.RELEASING
    elif act == A.RELEASING:
        if s.motive == MOTIVE.CONTACT_ACTIVE and not leave and ep != 1:
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
                              s.motive == MOTIVE.AVOID and s.target == TARGET.STRANGER)
    new = act
    if act == A.ENTERING and s.st_timer >= DOOR_PAUSE:
        new = A.SITTING if ep == 3 else A.PLAYING
    calm_act = act == A.SITTING or act == A.TALKING or act == A.PLAYING
    # episode 3: silent a minute, talks a minute, then approaches the infant and plays
    if ep == 3 and calm_act:
        new = (A.SITTING if t < STRANGER_TALKS
               else A.TALKING if t < STRANGER_APPROACHES else A.PLAYING)
    # separations: comfort a crying infant, back off if avoided, play otherwise
    if separation and calm_act:
        if s.st_bid_run >= STRANGER_COMFORTS:
            new = A.APPROACHING
        if act == A.PLAYING and s.st_avoid_run >= STRANGER_PUTS_DOWN:
            new = A.SITTING
        if act != A.PLAYING and s.st_timer >= STRANGER_PLAYS and s.st_bid_run < STRANGER_COMFORTS:
            new = A.PLAYING
    if act == A.APPROACHING:
        if per.d_st <= _ARRIVED and not per.held_cg:
            new = A.HOLDING
        elif s.st_avoid_run >= STRANGER_DESISTS:
            new = A.SITTING
    elif act == A.HOLDING:
        settled = s.st_hold >= STRANGER_HOLDS and s.calm_run >= STRANGER_CALM
        wants_down = s.st_avoid_run >= STRANGER_PUTS_DOWN or s.st_push_run >= STRANGER_PUSHED
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
        return s.x, s.y + (_BESIDE if s.y < _MIDDLE else -_BESIDE)
    if act == A.LEAVING:
        return _DOOR_X, _DOOR_Y
    return x, y


@kernel
def _walked_out(act, x, y) -> bool:
    """An adult who reached the door while leaving is out of the room."""
    return act == A.LEAVING and room.distance(x, y, _DOOR_X, _DOOR_Y) < _AT


@kernel
def caregiver_act(s) -> None:
    """The caregiver's act phase: walk (carrying the infant in, in episode 1) or walk out; not
    while she is stilled in a dissociated moment."""
    if s.cg_stilled > 0:
        return
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
    frac = min(_PUT_DOWN / max(d, f(1e-6)), f(1.0))
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
