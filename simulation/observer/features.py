"""Observable features of each episode, toward the caregiver and toward the stranger.

A trained coder rates every interactive scale from the initiative, promptness, frequency and
duration of the infant's behaviour toward an adult (Ainsworth et al. 1978, Appendix III). This
module measures those from the per-second record only: for each infant, episode and adult, how
many seconds a behaviour lasted, in how many bouts (runs of consecutive seconds), and at which
second of the episode it first occurred. The anchor tables in :mod:`simulation.observer.scales`
turn them into scores.

Every feature is an ``int32`` array of shape (n_infants, 8, 2): [infant, episode - 1, toward],
toward 0 = caregiver, 1 = stranger. "First" features hold the 0-based second of the episode
(-1 when the behaviour did not occur). Search concerns the absent caregiver only: its stranger
column is 0 (first: -1).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from simulation.observer.bitsets import Packed
from simulation.observer.primitives import AdultPrimitives, Primitives, recent

#: The two adults a scale can be directed toward, in the order of the ``toward`` axis.
TOWARD = ("caregiver", "stranger")


@dataclass(frozen=True, eq=False)
class Features:
    """Per-episode observable features, each (n, 8, 2) (see the module docstring)."""

    duration: np.ndarray  # seconds the episode actually ran (same for both adults)
    present: np.ndarray  # seconds the adult was in the room
    # proximity and contact seeking
    approach: np.ndarray  # seconds of APPROACH toward the adult
    approach_first: np.ndarray  # latency of the first approach
    approach_contact: np.ndarray  # contacts reached straight from an approach
    own_contact: np.ndarray  # ... while the adult was not approaching: by the infant's own effort
    signal: np.ndarray  # seconds of SIGNAL (reaching, calling) toward the adult
    signal_bouts: np.ndarray
    broken: np.ndarray  # seconds of APPROACH_BROKEN toward the adult (a tentative approach)
    # contact maintaining
    contact: np.ndarray  # seconds in contact with or held by the adult (zone CONTACT)
    contact_first: np.ndarray
    clinging: np.ndarray  # seconds of CONTACT_ACTIVE toward the adult
    release_resisted: np.ndarray  # bouts of clinging while the adult is RELEASING
    # resistance
    angry: np.ndarray  # seconds of angry resistance of the adult (angry acts while she presses)
    angry_bouts: np.ndarray
    passive: np.ndarray  # seconds of passive resistance (going limp while she presses)
    passive_bouts: np.ndarray
    resist_first: np.ndarray  # first second of either kind of resistance
    # avoidance
    avoid: np.ndarray  # seconds of turning away soon after her overtures, or of ignoring them
    avoid_bouts: np.ndarray
    avoid_first: np.ndarray
    overture: np.ndarray  # seconds of her overtures (entering, approaching, holding, play offers)
    overture_avoided: np.ndarray  # ... met with avoidance or ignored
    # distance interaction and looking
    interact: np.ndarray  # seconds of DISTANCE_INTERACT toward the adult
    interact_bouts: np.ndarray
    interact_first: np.ndarray
    look: np.ndarray  # seconds looking at the adult from a distance (not in contact)
    look_bouts: np.ndarray
    # search for the absent caregiver (stranger column 0)
    search: np.ndarray  # seconds of SEARCH, or approaching the door
    search_bouts: np.ndarray
    search_first: np.ndarray
    door_look: np.ndarray  # seconds looking at the door
    door_look_bouts: np.ndarray
    door_look_first: np.ndarray

    @property
    def resist(self) -> np.ndarray:
        """Seconds of resistance of either kind."""
        return self.angry + self.passive

    @property
    def responses(self) -> np.ndarray:
        """Seconds of interactive response to the adult: approach, signal, distance interaction
        or clinging (what avoidance 7 requires to be absent)."""
        return self.approach + self.signal + self.interact + self.clinging

    def as_dict(self) -> dict[str, np.ndarray]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


#: Seconds after a response to the adult during which the infant is not "ignoring" her.
RESPONSE_WINDOW = 4


def avoidance(a: AdultPrimitives, explore_idle: Packed) -> Packed:
    """The seconds the coder counts as avoidance of an adult: turning or moving away from her,
    or ignoring her at the moments that call for a response.

    Ignoring: busy with the toys or nothing, gaze elsewhere, while she enters, approaches, holds,
    calls or offers to play with the infant, with no response to her (a look, an approach, a
    signal, a smile or a toy shown) in the last few seconds: no greeting, no answer to her
    overture (Ainsworth et al. 1978, App. III). Playing on its own while she sits is not
    ignoring her.
    """
    answered = recent(a.gaze | a.approach | a.signal | a.interact | a.clinging, RESPONSE_WINDOW)
    return a.avoid | (a.overture & explore_idle & ~answered)


def _one(p: Packed, what: str) -> np.ndarray:
    return getattr(p, what)()[0]


def _adult_features(a: AdultPrimitives, explore_idle: Packed) -> dict[str, np.ndarray]:
    """Features toward one adult, each (n, 8)."""
    f: dict[str, np.ndarray] = {}
    f["present"] = _one(a.present, "seconds")
    f["approach"] = _one(a.approach, "seconds")
    f["approach_first"] = _one(a.approach, "first")
    # Contact reached in the second right after an approach; by the infant's "own effort" when
    # the adult was not herself approaching it (Appendix III: PS 7 versus 6).
    reached = a.approach.later() & a.contact
    f["approach_contact"] = _one(reached, "seconds")
    f["own_contact"] = _one(reached & ~a.approaching.later(), "seconds")
    f["signal"] = _one(a.signal, "seconds")
    f["signal_bouts"] = _one(a.signal, "bouts")
    f["broken"] = _one(a.broken, "seconds")

    f["contact"] = _one(a.contact, "seconds")
    f["contact_first"] = _one(a.contact, "first")
    f["clinging"] = _one(a.clinging, "seconds")
    # Resisting release: clinging while she tries to put the infant down (it is kept held).
    f["release_resisted"] = _one(a.clinging & a.releasing, "bouts")

    f["angry"] = _one(a.angry, "seconds")
    f["angry_bouts"] = _one(a.angry, "bouts")
    f["passive"] = _one(a.passive, "seconds")
    f["passive_bouts"] = _one(a.passive, "bouts")
    f["resist_first"] = _one(a.angry | a.passive, "first")

    avoid = avoidance(a, explore_idle)
    f["avoid"] = _one(avoid, "seconds")
    f["avoid_bouts"] = _one(avoid, "bouts")
    f["avoid_first"] = _one(avoid, "first")
    f["overture"] = _one(a.overture, "seconds")
    f["overture_avoided"] = _one(avoid & a.overture, "seconds")

    f["interact"] = _one(a.interact, "seconds")
    f["interact_bouts"] = _one(a.interact, "bouts")
    f["interact_first"] = _one(a.interact, "first")
    look = a.gaze & ~a.contact
    f["look"] = _one(look, "seconds")
    f["look_bouts"] = _one(look, "bouts")
    return f


def _search_features(p: Primitives) -> dict[str, np.ndarray]:
    """Search for the absent caregiver: going to or orienting to the door, looking at it."""
    return {
        "search": _one(p.search, "seconds"),
        "search_bouts": _one(p.search, "bouts"),
        "search_first": _one(p.search, "first"),
        "door_look": _one(p.door_gaze, "seconds"),
        "door_look_bouts": _one(p.door_gaze, "bouts"),
        "door_look_first": _one(p.door_gaze, "first"),
    }


def compute_features(p: Primitives) -> Features:
    """Measure every feature of :class:`Features` from the packed primitives."""
    per_adult = [_adult_features(a, p.explore_idle) for a in p.adults]
    out: dict[str, np.ndarray] = {}
    duration = p.episodes.duration.astype(np.int32)
    out["duration"] = np.stack([duration, duration], axis=2)
    for name, value in per_adult[0].items():
        out[name] = np.stack([value, per_adult[1][name]], axis=2)
    for name, value in _search_features(p).items():
        blank = np.full_like(value, -1 if name.endswith("_first") else 0)
        out[name] = np.stack([value, blank], axis=2)
    return Features(**out)
