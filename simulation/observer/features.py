"""Observable features of each episode, toward the caregiver and toward the stranger.

A trained coder rates every interactive scale from the initiative, promptness, frequency and
duration of the infant's behaviour toward an adult (Ainsworth et al. 1978, Appendix III). This
module measures those from the per-second record only: for each infant, episode and adult, how
many seconds a behaviour lasted, in how many bouts, and at which second of the episode it first
occurred. The anchor tables in :mod:`simulation.observer.scales` turn them into scores.

Every feature is an ``int32`` array of shape (n_infants, 8, 2): [infant, episode - 1, toward],
toward 0 = caregiver, 1 = stranger. "First" features hold the 0-based second of the episode
(-1 when the behaviour did not occur). Search features concern the absent caregiver only; their
stranger column is 0.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from simulation.observer.segments import Bits, Episodes
from simulation.record import (
    PRESENT_CAREGIVER,
    PRESENT_STRANGER,
    Action,
    AdultAct,
    BehaviourRecord,
    Gaze,
    Target,
    Zone,
)

#: The two adults a scale can be directed toward, in the order of the ``toward`` axis.
TOWARD = ("caregiver", "stranger")
_N_TARGETS = 5


def action_code(action: int, target: int) -> np.uint8:
    """Combined (action, target) code used to test both at once."""
    return np.uint8(int(action) * _N_TARGETS + int(target))


@dataclass(frozen=True)
class Features:
    """Per-episode observable features, each (n, 8, 2) (see the module docstring).

    Seconds (``approach``, ``contact``...), bouts (``*_bouts``: runs of consecutive seconds) and
    first occurrences (``*_first``) of the behaviours the interactive scales rate
    (Ainsworth et al. 1978, Appendix III).
    """

    duration: np.ndarray  # seconds the episode actually ran (same for both adults)
    present: np.ndarray  # seconds the adult was in the room
    absent: np.ndarray  # seconds the adult was out of the room
    # proximity and contact seeking
    approach: np.ndarray  # seconds of APPROACH toward the adult
    approach_bouts: np.ndarray
    approach_first: np.ndarray  # latency of the first approach
    approach_contact: np.ndarray  # contacts reached straight from an approach (own or met)
    own_contact: np.ndarray  # ... of which by the infant's own effort (adult not approaching)
    signal: np.ndarray  # seconds of SIGNAL (reaching, calling) toward the adult
    signal_bouts: np.ndarray
    broken: np.ndarray  # seconds of APPROACH_BROKEN toward the adult (tentative approach)
    # contact maintaining
    contact: np.ndarray  # seconds in contact or held (zone CONTACT)
    contact_first: np.ndarray
    contact_active: np.ndarray  # seconds of CONTACT_ACTIVE toward the adult (clinging)
    release_resisted: np.ndarray  # bouts of clinging while the adult is RELEASING
    # resistance
    angry: np.ndarray  # seconds of RESIST_ANGRY toward the adult
    angry_bouts: np.ndarray
    angry_first: np.ndarray
    passive: np.ndarray  # seconds of RESIST_PASSIVE toward the adult
    passive_bouts: np.ndarray
    passive_first: np.ndarray
    # avoidance
    avoid: np.ndarray  # seconds of AVOID toward the adult, or ignoring her overtures
    avoid_bouts: np.ndarray
    avoid_first: np.ndarray
    # distance interaction and looking
    interact: np.ndarray  # seconds of DISTANCE_INTERACT toward the adult
    interact_bouts: np.ndarray
    interact_first: np.ndarray
    look: np.ndarray  # seconds looking at the adult from a distance (not in contact)
    look_bouts: np.ndarray
    look_first: np.ndarray
    # search for the absent caregiver (stranger column 0)
    search: np.ndarray  # seconds of SEARCH, or approaching the door
    search_bouts: np.ndarray
    search_first: np.ndarray
    door_look: np.ndarray  # seconds looking at the door
    door_look_bouts: np.ndarray
    door_look_first: np.ndarray

    @property
    def responses(self) -> np.ndarray:
        """Seconds of any interactive response to the adult: approach, signal, distance
        interaction or active contact (what avoidance 7 requires to be absent)."""
        return self.approach + self.signal + self.interact + self.contact_active

    def as_dict(self) -> dict[str, np.ndarray]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _stats(bits: Bits, *, bouts: bool = False, first: bool = False) -> list[np.ndarray]:
    out = [bits.seconds()]
    if bouts:
        out.append(bits.bouts())
    if first:
        out.append(bits.first())
    return out


def _prev(mask: np.ndarray) -> np.ndarray:
    """The mask one second earlier (False at the first second)."""
    out = np.zeros_like(mask)
    out[:, 1:] = mask[:, :-1]
    return out


def _adult_features(
    record: BehaviourRecord, episodes: Episodes, code: np.ndarray, toward: int
) -> dict[str, np.ndarray]:
    """Features toward one adult (0 caregiver, 1 stranger), each (n, 8)."""
    target = Target.CAREGIVER if toward == 0 else Target.STRANGER
    gaze_at = Gaze.CAREGIVER if toward == 0 else Gaze.STRANGER
    bit = PRESENT_CAREGIVER if toward == 0 else PRESENT_STRANGER
    zone = record.zone_caregiver if toward == 0 else record.zone_stranger
    act = record.caregiver_act if toward == 0 else record.stranger_act

    def bits(mask: np.ndarray) -> Bits:
        return Bits(mask, episodes)

    f: dict[str, np.ndarray] = {}
    (f["present"],) = _stats(bits((record.present & bit) != 0))
    f["absent"] = episodes.duration.astype(np.int32) - f["present"]

    approach = code == action_code(Action.APPROACH, target)
    f["approach"], f["approach_bouts"], f["approach_first"] = _stats(
        bits(approach), bouts=True, first=True
    )
    contact = zone == Zone.CONTACT
    f["contact"], f["contact_first"] = _stats(bits(contact), first=True)
    # Contact reached in the second right after an approach toward the adult; "own effort" when
    # the adult was not herself approaching the infant at that moment (Appendix III, PS 7 vs 6).
    reached = _prev(approach) & contact
    (f["approach_contact"],) = _stats(bits(reached))
    own = reached & _prev(act != AdultAct.APPROACHING)
    (f["own_contact"],) = _stats(bits(own))

    f["signal"], f["signal_bouts"] = _stats(
        bits(code == action_code(Action.SIGNAL, target)), bouts=True
    )
    (f["broken"],) = _stats(bits(code == action_code(Action.APPROACH_BROKEN, target)))

    clinging = code == action_code(Action.CONTACT_ACTIVE, target)
    (f["contact_active"],) = _stats(bits(clinging))
    resisting_release = clinging & (act == AdultAct.RELEASING)
    f["release_resisted"] = bits(resisting_release).bouts()

    f["angry"], f["angry_bouts"], f["angry_first"] = _stats(
        bits(code == action_code(Action.RESIST_ANGRY, target)), bouts=True, first=True
    )
    f["passive"], f["passive_bouts"], f["passive_first"] = _stats(
        bits(code == action_code(Action.RESIST_PASSIVE, target)), bouts=True, first=True
    )

    # Ignoring: playing or sitting with the gaze elsewhere while the adult enters, approaches or
    # holds the infant (no greeting, no response to her overture).
    overture = (act == AdultAct.ENTERING) | ((act - np.uint8(AdultAct.APPROACHING)) <= 1)
    ignoring = overture & (record.action <= Action.IDLE) & (record.gaze != gaze_at)
    avoid = (code == action_code(Action.AVOID, target)) | ignoring
    f["avoid"], f["avoid_bouts"], f["avoid_first"] = _stats(bits(avoid), bouts=True, first=True)

    f["interact"], f["interact_bouts"], f["interact_first"] = _stats(
        bits(code == action_code(Action.DISTANCE_INTERACT, target)), bouts=True, first=True
    )
    f["look"], f["look_bouts"], f["look_first"] = _stats(
        bits((record.gaze == gaze_at) & ~contact), bouts=True, first=True
    )
    return f


def _search_features(
    record: BehaviourRecord, episodes: Episodes, code: np.ndarray
) -> dict[str, np.ndarray]:
    """Search for the absent caregiver: going to or orienting to the door, looking at it."""
    f: dict[str, np.ndarray] = {}
    search = (record.action == Action.SEARCH) | (code == action_code(Action.APPROACH, Target.DOOR))
    f["search"], f["search_bouts"], f["search_first"] = _stats(
        Bits(search, episodes), bouts=True, first=True
    )
    f["door_look"], f["door_look_bouts"], f["door_look_first"] = _stats(
        Bits(record.gaze == Gaze.DOOR, episodes), bouts=True, first=True
    )
    return f


def compute_features(record: BehaviourRecord, episodes: Episodes) -> Features:
    """Measure every feature of :class:`Features` from the record."""
    code = record.action * np.uint8(_N_TARGETS) + record.target
    per_adult = [_adult_features(record, episodes, code, g) for g in (0, 1)]
    search = _search_features(record, episodes, code)
    out: dict[str, np.ndarray] = {}
    duration = episodes.duration.astype(np.int32)
    out["duration"] = np.stack([duration, duration], axis=2)
    for name, value in per_adult[0].items():
        out[name] = np.stack([value, per_adult[1][name]], axis=2)
    for name, value in search.items():
        missing = np.zeros_like(value) if not name.endswith("_first") else np.full_like(value, -1)
        out[name] = np.stack([value, missing], axis=2)
    return Features(**out)
