"""The behaviour codes: one definition of every code the record, the rules and the coder use.

The enums name what a coder sees each second: the infant's action and its target, gaze, crying,
who holds it, distance zones and what the adults do (Ainsworth et al. 1978, ch. 3 and Appendix
III; Main & Solomon 1990 for the disorganized lapses). Two views of the same codes serve the two
sides of the model:

- for the compiled rules, ``int8`` namespaces (:data:`ACTION`, :data:`ADULT`, ...): numba types
  an ``IntEnum`` member as a 64-bit integer, and a rule that returns either a member or an
  ``int8`` from the state cannot be typed, so the rules use named tuples of ``numpy.int8``,
  which numba compiles as constants;
- for the observer, ``uint8`` scalars (:func:`u8`) and the combined (action, target) code:
  comparing a ``uint8`` array with an ``IntEnum`` member upcasts the whole array to ``int64``
  (five times slower).
"""

from __future__ import annotations

from collections import namedtuple
from enum import IntEnum

import numpy as np


class Motive(IntEnum):
    """What the infant is trying to do in one second: the slot of the choice among the
    mechanisms' propensities (internal: not in the record, which holds the act it shows).

    Each motive shows as the act of the same code, except three: angry resistance shows as
    pushing away, kicking, squirming or throwing a toy, passive resistance as going limp,
    avoidance as turning away (:func:`simulation.rules.infant.act_form`).
    """

    EXPLORE = 0
    IDLE = 1
    APPROACH = 2
    CONTACT_ACTIVE = 3
    CONTACT_PASSIVE = 4
    RESIST_ANGRY = 5  # angry resistance of contact or interaction the adult initiates (C1)
    RESIST_PASSIVE = 6  # passive resistance, helpless non-cooperation (C2)
    AVOID = 7  # deactivation: turning or moving away from the adult (A)
    SEARCH = 8
    DISTANCE_INTERACT = 9
    SIGNAL = 10
    FREEZE = 11
    APPROACH_BROKEN = 12
    APPREHENSION = 13
    ROCK = 14
    DAZED = 15


class Action(IntEnum):
    """The infant's overt behaviour in one second, as a coder sees it: a motor or signalling
    act (one code per second).

    The record holds acts, not the coder's categories: resistance and avoidance are read by the
    coder from acts in context (who holds the infant, who approached or made an overture, and
    when; Ainsworth et al. 1978, Appendix III). The acts follow the behaviours Ainsworth et al.
    (1978, ch. 3 and Appendix III) describe and the disorganized indices of Main & Solomon
    (1990). Codes 0-15 are also the :class:`Motive` slots whose act shares the code.
    """

    EXPLORE = 0  # manipulating or moving among the toys
    IDLE = 1  # sitting, not playing, not oriented to anyone in particular
    APPROACH = 2  # crawling or walking toward ``target``
    CONTACT_ACTIVE = 3  # in contact, clinging or holding on with effort
    CONTACT_PASSIVE = 4  # in contact or held, no effort to keep it
    PUSH_AWAY = 5  # pushes or hits at ``target`` (her arms, her body)
    GO_LIMP = 6  # goes limp, whines, will not cooperate with ``target``
    TURN_AWAY = 7  # turns or moves away from ``target`` (toward the toys), gaze elsewhere
    SEARCH = 8  # goes to, or is oriented to, the door or the empty chair
    DISTANCE_INTERACT = 9  # smiles, vocalises, shows a toy to ``target`` from a distance
    SIGNAL = 10  # reaches or calls to ``target`` for contact without approaching
    FREEZE = 11  # freezing, stilling (Main & Solomon 1990)
    APPROACH_BROKEN = 12  # approach interrupted and turned into flight (Main & Solomon 1990)
    APPREHENSION = 13  # direct apprehension of the parent: fearful face, backing off
    ROCK = 14  # rocking, stereotyped or asymmetrical movement, anomalous posture (Main &
    # Solomon 1990, index IV)
    DAZED = 15  # dazed, trance-like expression, disoriented, not oriented to anyone (index VII)
    KICK = 16  # kicks (at ``target``, or in play: target TOYS)
    SQUIRM = 17  # squirms, wriggles in the arms of ``target`` (to get down, or angrily)
    THROW_TOY = 18  # throws a toy (away from ``target`` who offers it, or in play: TOYS)


#: The acts with which an infant resists angrily (Ainsworth et al. 1978, Appendix III:
#: "pushing away, hitting, kicking, squirming, throwing away toys offered").
ANGRY_ACTS = (Action.PUSH_AWAY, Action.KICK, Action.SQUIRM, Action.THROW_TOY)


#: Actions that are disorganized lapses (Main & Solomon 1990 indices). Two more indices are
#: ordinary acts in context, for the coder to see: approaching her with the gaze averted (index
#: II) and approaching the stranger while distressed with her present (index III).
D_ACTIONS = (Action.FREEZE, Action.APPROACH_BROKEN, Action.APPREHENSION, Action.ROCK,
             Action.DAZED)


class Target(IntEnum):
    """Whom or what the action is directed at."""

    NONE = 0
    CAREGIVER = 1
    STRANGER = 2
    DOOR = 3
    TOYS = 4


class Gaze(IntEnum):
    """Where the infant looks."""

    TOYS = 0
    CAREGIVER = 1
    STRANGER = 2
    DOOR = 3
    AWAY = 4


class Cry(IntEnum):
    """Crying as a coder hears it (Ainsworth et al. 1978: crying per 15-s interval)."""

    NONE = 0
    FUSS = 1
    HARD = 2


class Zone(IntEnum):
    """Distance from the infant to an adult, as a coder would judge it."""

    CONTACT = 0  # touching or held
    NEAR = 1  # within about 1 m
    MID = 2  # 1 to 2.5 m
    FAR = 3  # beyond 2.5 m
    ABSENT = 9  # the adult is not in the room


class AdultAct(IntEnum):
    """What an adult (caregiver or stranger) does, as scripted for the episode."""

    ABSENT = 0
    SITTING = 1  # sits in the chair, responsive but not initiating (Waters 2002)
    ENTERING = 2  # in the doorway, pausing and greeting
    TALKING = 3  # stranger and caregiver talk together (episode 3, second minute)
    APPROACHING = 4  # walks to the infant, offers to play or to pick up
    HOLDING = 5  # holds the infant
    RELEASING = 6  # tries to put the infant down and resettle it in play
    PLAYING = 7  # plays with the infant on the floor
    LEAVING = 8  # walks to the door and out
    CALLING = 9  # from her chair, calls the infant and invites it to play (reunions)


class Held(IntEnum):
    """Who holds the infant."""

    NONE = 0
    CAREGIVER = 1
    STRANGER = 2


#: Presence bits in ``BehaviourRecord.present``.
PRESENT_CAREGIVER = 1
PRESENT_STRANGER = 2


# --- the compiled rules' view: int8 constants -------------------------------------------


def int8_codes(enum: type[IntEnum]):
    """``enum``'s members as ``np.int8`` fields of a named tuple."""
    names = [m.name for m in enum]
    return namedtuple(enum.__name__ + "Codes", names)(*[np.int8(m.value) for m in enum])


ACTION = int8_codes(Action)
MOTIVE = int8_codes(Motive)
ADULT = int8_codes(AdultAct)
TARGET = int8_codes(Target)
GAZE = int8_codes(Gaze)
CRY = int8_codes(Cry)
HELD = int8_codes(Held)


# --- the observer's view: uint8 scalars ---------------------------------------------------

_N_TARGETS = len(Target)


def u8(code: int) -> np.uint8:
    """A record code as a ``uint8`` scalar."""
    return np.uint8(int(code))


def action_code(action: int, target: int) -> np.uint8:
    """The combined code of an (action, target) pair, as in :func:`combined_codes`."""
    return np.uint8(int(action) * _N_TARGETS + int(target))


def combined_codes(action: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Per-second combined (action, target) codes, so that one comparison tests both."""
    return action * np.uint8(_N_TARGETS) + target
