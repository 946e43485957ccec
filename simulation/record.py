"""The behaviour record: what a coder behind the one-way mirror sees, second by second.

This is the only input of the observer (:mod:`simulation.observer`). It carries the episode,
who is present, distance zones, what the infant and the adults do, the infant's crying and
gaze. It has no field for caregiving parameters, temperament, arousal or the working model:
the observer cannot see them because its input type does not carry them (DESIGN.md section 4).

For a cohort every field is a compact ``uint8`` array of shape ``(n_infants, n_seconds)``;
seconds after an infant's procedure has ended are padded with ``episode == 0``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import IntEnum

import numpy as np


class Action(IntEnum):
    """The infant's overt behaviour in one second (one code per second).

    The codes follow the behaviours Ainsworth et al. (1978, ch. 3 and Appendix III) score and
    the disorganized indices of Main & Solomon (1990).
    """

    EXPLORE = 0  # manipulating or moving among the toys
    IDLE = 1  # sitting, not playing, not oriented to anyone in particular
    APPROACH = 2  # crawling or walking toward ``target``
    CONTACT_ACTIVE = 3  # in contact, clinging or holding on with effort
    CONTACT_PASSIVE = 4  # in contact or held, no effort to keep it
    RESIST_ANGRY = 5  # pushes away, hits, kicks, angry squirming toward ``target``
    RESIST_PASSIVE = 6  # limp, fussy non-cooperation, whining while held or approached
    AVOID = 7  # turns or moves away from ``target``, ignores it, averts gaze
    SEARCH = 8  # goes to, or is oriented to, the door or the empty chair
    DISTANCE_INTERACT = 9  # smiles, vocalises, shows a toy to ``target`` from a distance
    SIGNAL = 10  # reaches or calls to ``target`` for contact without approaching
    FREEZE = 11  # freezing, stilling (Main & Solomon 1990)
    APPROACH_BROKEN = 12  # approach interrupted and turned into flight (Main & Solomon 1990)
    APPREHENSION = 13  # direct apprehension of the parent: fearful face, backing off


#: Actions that are disorganized lapses (Main & Solomon 1990 indices).
D_ACTIONS = (Action.FREEZE, Action.APPROACH_BROKEN, Action.APPREHENSION)


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

#: The record's per-second fields, in order (all uint8, shape (n_infants, n_seconds)).
RECORD_FIELDS = (
    "episode",
    "present",
    "action",
    "target",
    "cry",
    "gaze",
    "zone_caregiver",
    "zone_stranger",
    "held",
    "caregiver_act",
    "stranger_act",
)


@dataclass(frozen=True)
class BehaviourRecord:
    """The observable record of one or many Strange Situations.

    Every field is a ``uint8`` array of shape ``(n_infants, n_seconds)``. ``episode`` is 1-8
    while the procedure runs and 0 after it ended (nothing after episode 8 is scored).
    """

    episode: np.ndarray
    present: np.ndarray
    action: np.ndarray
    target: np.ndarray
    cry: np.ndarray
    gaze: np.ndarray
    zone_caregiver: np.ndarray
    zone_stranger: np.ndarray
    held: np.ndarray
    caregiver_act: np.ndarray
    stranger_act: np.ndarray

    def __post_init__(self) -> None:
        shape = None
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, np.ndarray):
                raise TypeError(f"record field {f.name!r} must be a numpy array")
            if value.ndim != 2:
                raise ValueError(f"record field {f.name!r} must be 2-D (infants, seconds)")
            if shape is None:
                shape = value.shape
            elif value.shape != shape:
                raise ValueError(
                    f"record field {f.name!r} has shape {value.shape}, expected {shape}"
                )

    @property
    def n_infants(self) -> int:
        return int(self.episode.shape[0])

    @property
    def n_seconds(self) -> int:
        return int(self.episode.shape[1])

    def infant(self, k: int) -> BehaviourRecord:
        """The record of the k-th infant alone (shape (1, n_seconds))."""
        return BehaviourRecord(**{f: getattr(self, f)[k : k + 1] for f in RECORD_FIELDS})

    def episode_durations(self) -> np.ndarray:
        """Seconds actually run in each episode, shape (n_infants, 8)."""
        ep = self.episode
        return np.stack([(ep == e).sum(axis=1) for e in range(1, 9)], axis=1)

    @classmethod
    def from_frame(cls, frame) -> BehaviourRecord:
        """Build a one-infant record from a per-second trace DataFrame.

        Only the observable columns are read; any other column of the trace (positions,
        ``internal_*`` arousal and working model) is ignored.
        """
        missing = [c for c in RECORD_FIELDS if c not in frame.columns]
        if missing:
            raise ValueError(f"trace lacks record columns: {', '.join(missing)}")
        return cls(
            **{c: frame[c].to_numpy(dtype=np.uint8).reshape(1, -1) for c in RECORD_FIELDS}
        )
