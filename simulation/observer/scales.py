"""Ainsworth's six interactive scales, 1-7, as anchor tables over observable features.

Ainsworth et al. (1978, Appendix III) rate six kinds of behaviour toward an adult in each episode
on 7-point scales whose anchors weigh the behaviour's initiative, promptness, frequency and
duration: proximity and contact seeking, contact maintaining, resistance, avoidance, search and
distance interaction. Here every point of every scale is an :class:`Anchor`: a rule over the
features of :mod:`simulation.observer.features`, with the anchor's meaning in plain words. The
score is the highest point whose rule holds (1 when none does). The anchors paraphrase Appendix III
(docs/literature.md); the numeric cut-points (seconds, bouts, shares of the episode) are this
observer's operationalisation of them and are documented on each rule.

Where the appendix speaks of persistence "through the episode", the rule uses the share of the
episode as actually run, so that a curtailed separation is judged on the time it lasted; where it
gives seconds (contact kept > 15 s, more than a minute, two minutes), the rule uses seconds.

**Not applicable = 0.** A scale toward an adult who was in the room for less than one 15-s
interval of the episode is not scored (0), nor is any scale of an episode that never ran. Search
is scored only toward the caregiver, and only in episodes where she was absent for more than half
of the time (the separations 4, 6 and 7); elsewhere it is 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from simulation.observer.features import Features
from simulation.observer.segments import INTERVAL, N_EPISODES

#: The scales, in the order of the last axis of ``Coding.scales``.
SCALES = (
    "proximity_seeking",
    "contact_maintaining",
    "resistance",
    "avoidance",
    "search",
    "distance_interaction",
)
#: Episodes in which PS 7 requires a prompt first approach (Ainsworth et al. 1978, App. III).
LATENCY_EPISODES = (5, 7, 8)
#: PS 7 is not given if the first approach comes later than this (seconds into the episode).
MAX_LATENCY = 30

Rule = Callable[[Features], np.ndarray]


@dataclass(frozen=True)
class Anchor:
    """One point of a scale: its rule over the features, and what it means in plain words."""

    point: int
    meaning: str
    rule: Rule


@dataclass(frozen=True)
class Scale:
    """A 1-7 scale: anchors 2..7 (1 = none of them holds), applicability and evidence."""

    name: str
    title: str
    anchors: tuple[Anchor, ...]
    applies: Rule
    evidence_seconds: Callable[[Features], np.ndarray]
    evidence_first: Callable[[Features], np.ndarray]
    behaviour: str  # the behaviour the evidence counts, in plain words
    none: str = "none"

    def score(self, f: Features) -> np.ndarray:
        """Scores (n, 8, 2), int8: the highest anchor whose rule holds; 0 where not applicable."""
        out = np.ones(f.duration.shape, dtype=np.int8)
        for anchor in sorted(self.anchors, key=lambda a: a.point):
            out[anchor.rule(f)] = anchor.point
        out[~self.applies(f)] = 0
        return out

    def meaning(self, point: int) -> str:
        """The anchor's meaning in plain words (``point`` 1-7)."""
        for anchor in self.anchors:
            if anchor.point == point:
                return anchor.meaning
        return self.none


def _episode_numbers(f: Features) -> np.ndarray:
    return np.arange(1, N_EPISODES + 1).reshape(1, N_EPISODES, 1)


def _in_room(f: Features) -> np.ndarray:
    """Interactive scales apply toward an adult present for at least one 15-s interval of the
    episode (or all of a shorter one)."""
    return (f.duration > 0) & (f.present >= np.minimum(INTERVAL, f.duration))


def _caregiver_away(f: Features) -> np.ndarray:
    """Search applies toward the caregiver in episodes she spent mostly out of the room."""
    toward_caregiver = np.array([True, False]).reshape(1, 1, 2)
    return toward_caregiver & (f.duration > 0) & (2 * (f.duration - f.present) > f.duration)


def _share(seconds: np.ndarray, f: Features) -> np.ndarray:
    return seconds / np.maximum(f.duration, 1)


# --- Proximity and contact seeking (Ainsworth et al. 1978, Appendix III) ------------------------


def ps7(f: Features) -> np.ndarray:
    """PS 7 (App. III): purposeful approach all the way, contact achieved by the infant's own
    effort and kept > 15 s. Not given in episodes 5, 7, 8 if the first approach came more than
    30 s into the episode (counted from the episode's first second, the adult's entrance)."""
    delayed = np.isin(_episode_numbers(f), LATENCY_EPISODES) & (f.approach_first > MAX_LATENCY)
    return (f.own_contact > 0) & (f.contact > 15) & ~delayed


def ps6(f: Features) -> np.ndarray:
    """PS 6 (App. III): nearly 7: an approach that ends in contact, but with help (the adult
    came to meet it and picked it up), or contact kept only briefly (15 s or less), or after a
    delay (first approach more than 30 s into episodes 5, 7, 8)."""
    return f.approach_contact > 0


def ps5(f: Features) -> np.ndarray:
    """PS 5 (App. III): active approach without full contact (3 s or more of approach), or
    contact sought by clear reaching with initiative (a signal, and contact achieved)."""
    return (f.approach >= 3) | ((f.signal > 0) & (f.contact > 0))


def ps4(f: Features) -> np.ndarray:
    """PS 4 (App. III): some effort: an approach part of the way (1-2 s), or directed signals
    for contact without approach (3 s or more, or in two bouts or more)."""
    return (f.approach > 0) | (f.signal >= 3) | (f.signal_bouts >= 2)


def ps3(f: Features) -> np.ndarray:
    """PS 3 (App. III): weak effort: a brief signal, or a tentative (broken-off) approach."""
    return (f.signal > 0) | (f.broken > 0)


def ps2(f: Features) -> np.ndarray:
    """PS 2 (App. III): very weak: only looks toward the adult."""
    return f.look > 0


PROXIMITY_SEEKING = Scale(
    name="proximity_seeking",
    title="Proximity and contact seeking",
    anchors=(
        Anchor(7, "a purposeful approach all the way and contact by its own effort, kept over "
               "15 s, begun promptly", ps7),
        Anchor(6, "an approach and contact, but with help, kept only briefly, or after a "
               "delay", ps6),
        Anchor(5, "an active approach without full contact, or contact sought by clear "
               "reaching", ps5),
        Anchor(4, "some effort: an approach part of the way, or repeated signals for "
               "contact", ps4),
        Anchor(3, "weak effort: a brief signal or a tentative approach", ps3),
        Anchor(2, "very weak: it only looked toward the adult", ps2),
    ),
    applies=_in_room,
    evidence_seconds=lambda f: f.approach,
    evidence_first=lambda f: f.approach_first,
    behaviour="approached",
    none="no effort to gain proximity or contact",
)


# --- Contact maintaining (Ainsworth et al. 1978, Appendix III) ----------------------------------


def cm7(f: Features) -> np.ndarray:
    """CM 7 (App. III): very active, persistent effort to keep contact for over two minutes:
    clinging > 120 s and resisting release at least twice."""
    return (f.clinging > 120) & (f.release_resisted >= 2)


def cm6(f: Features) -> np.ndarray:
    """CM 6 (App. III): active and persistent for over a minute (clinging > 60 s), resisting
    release at least once."""
    return (f.clinging > 60) & (f.release_resisted >= 1)


def cm5(f: Features) -> np.ndarray:
    """CM 5 (App. III): some active effort, moderately long: clinging > 60 s, or 30 s or more
    with release resisted once."""
    return (f.clinging > 60) | ((f.clinging >= 30) & (f.release_resisted >= 1))


def cm4(f: Features) -> np.ndarray:
    """CM 4 (App. III): contact kept for a while (30 s or more) with some effort (10 s or more
    of clinging)."""
    return (f.contact >= 30) & (f.clinging >= 10)


def cm3(f: Features) -> np.ndarray:
    """CM 3 (App. III): brief contact with little effort (some clinging)."""
    return (f.contact > 0) & (f.clinging > 0)


def cm2(f: Features) -> np.ndarray:
    """CM 2 (App. III): in contact (held) without any active effort to keep it."""
    return f.contact > 0


CONTACT_MAINTAINING = Scale(
    name="contact_maintaining",
    title="Contact maintaining",
    anchors=(
        Anchor(7, "very active, persistent clinging for over two minutes, resisting release "
               "again and again", cm7),
        Anchor(6, "active, persistent clinging for over a minute, resisting release", cm6),
        Anchor(5, "some active effort to stay in contact, moderately long", cm5),
        Anchor(4, "contact kept for a while with some effort", cm4),
        Anchor(3, "brief contact with little effort", cm3),
        Anchor(2, "in contact without any effort to keep it", cm2),
    ),
    applies=_in_room,
    evidence_seconds=lambda f: f.contact,
    evidence_first=lambda f: f.contact_first,
    behaviour="was in contact",
    none="no contact, or no effort to keep it",
)


# --- Resistance (Ainsworth et al. 1978, Appendix III) -------------------------------------------


def rs7(f: Features) -> np.ndarray:
    """RS 7 (App. III): very intense, persistent angry resistance: 3 or more angry bouts
    totalling 15 s or more."""
    return (f.angry_bouts >= 3) & (f.angry >= 15)


def rs6(f: Features) -> np.ndarray:
    """RS 6 (App. III): intense but less persistent (2 angry bouts, 15 s or more), persistent
    but less intense (3 angry bouts, under 15 s), or persistent passive resistance (4 bouts,
    30 s or more)."""
    return (
        (f.angry_bouts >= 3)
        | ((f.angry_bouts >= 2) & (f.angry >= 15))
        | ((f.passive_bouts >= 4) & (f.passive >= 30))
    )


def rs5(f: Features) -> np.ndarray:
    """RS 5 (App. III): at least two clear instances: two angry bouts, an angry and a passive
    one, or three passive bouts of 15 s or more in all."""
    return (
        (f.angry_bouts >= 2)
        | ((f.angry_bouts >= 1) & (f.passive_bouts >= 1))
        | ((f.passive_bouts >= 3) & (f.passive >= 15))
    )


def rs4(f: Features) -> np.ndarray:
    """RS 4 (App. III): one clear (angry) instance, or several mild (passive) ones."""
    return (f.angry_bouts >= 1) | (f.passive_bouts >= 2)


def rs3(f: Features) -> np.ndarray:
    """RS 3 (App. III): mild or brief: one bout of passive resistance of 3 s or more."""
    return f.passive >= 3


def rs2(f: Features) -> np.ndarray:
    """RS 2 (App. III): very mild or doubtful: a second or two of passive resistance."""
    return f.passive > 0


RESISTANCE = Scale(
    name="resistance",
    title="Resistance",
    anchors=(
        Anchor(7, "very intense, persistent angry resistance (repeated pushing away, "
               "hitting)", rs7),
        Anchor(6, "intense but less persistent resistance, or persistent but less "
               "intense", rs6),
        Anchor(5, "at least two clear instances of resistance", rs5),
        Anchor(4, "one clear instance of resistance, or several mild ones", rs4),
        Anchor(3, "mild or brief resistance", rs3),
        Anchor(2, "very mild or doubtful resistance", rs2),
    ),
    applies=_in_room,
    evidence_seconds=lambda f: f.resist,
    evidence_first=lambda f: f.resist_first,
    behaviour="resisted (pushing away, squirming, limp protest)",
    none="no resistance",
)


# --- Avoidance of proximity and interaction (Ainsworth et al. 1978, Appendix III) ---------------


#: Avoidance is also judged against her overtures (her entrance, approach, holding, calls and
#: play offers): the moments that call for a response. Episodes with fewer overture seconds than
#: this are judged on the avoidance seconds alone.
MIN_OVERTURE = 6


def _overtures_avoided(f: Features) -> np.ndarray:
    """Share of her overture seconds met with avoidance or ignored (0 with too few overtures)."""
    return np.where(f.overture >= MIN_OVERTURE, f.overture_avoided / np.maximum(f.overture, 1),
                    0.0)


def av7(f: Features) -> np.ndarray:
    """AV 7 (App. III): conspicuous, persistent avoidance, not responding even to the adult's
    overtures: no response to her in the episode, and three quarters or more of her overtures
    ignored or turned from, or avoidance through half of the episode or more."""
    persistent = (_overtures_avoided(f) >= 0.75) | (_share(f.avoid, f) >= 0.5)
    return persistent & (f.responses == 0)


def av6(f: Features) -> np.ndarray:
    """AV 6 (App. III): high avoidance with some response (half of the episode or more), or
    less prolonged without response (a quarter of the episode, or half of her overtures)."""
    share = _share(f.avoid, f)
    unanswered = f.responses == 0
    return ((share >= 0.5) | ((share >= 0.25) & unanswered)
            | ((_overtures_avoided(f) >= 0.5) & unanswered))


def av5(f: Features) -> np.ndarray:
    """AV 5 (App. III): clear avoidance but less persistent: half of her overtures avoided, or
    15 % of the episode (27 s of a 3-min episode; e.g. a minute of ignoring, then some
    interaction). Brief turning away, however often, mixed with interaction is 4."""
    return (_overtures_avoided(f) >= 0.5) | (_share(f.avoid, f) >= 0.15)


def av4(f: Features) -> np.ndarray:
    """AV 4 (App. III): brief avoidance mixed with interaction: 10 s or more, or 3 bouts."""
    return (f.avoid >= 10) | (f.avoid_bouts >= 3)


def av3(f: Features) -> np.ndarray:
    """AV 3 (App. III): mild, brief avoidance (a delayed response, brief looking away): 3 s or
    more, or 2 bouts."""
    return (f.avoid >= 3) | (f.avoid_bouts >= 2)


def av2(f: Features) -> np.ndarray:
    """AV 2 (App. III): very brief or doubtful avoidance (a second or two)."""
    return f.avoid > 0


AVOIDANCE = Scale(
    name="avoidance",
    title="Avoidance",
    anchors=(
        Anchor(7, "conspicuous, persistent avoidance, not responding even to her "
               "overtures", av7),
        Anchor(6, "high avoidance with little response, or somewhat less prolonged", av6),
        Anchor(5, "clear avoidance, but less persistent", av5),
        Anchor(4, "brief avoidance mixed with interaction", av4),
        Anchor(3, "mild, brief avoidance", av3),
        Anchor(2, "very brief or doubtful avoidance", av2),
    ),
    applies=_in_room,
    evidence_seconds=lambda f: f.avoid,
    evidence_first=lambda f: f.avoid_first,
    behaviour="turned away from, moved away from or ignored",
    none="no avoidance; it responded promptly",
)


# --- Search (Ainsworth et al. 1978, Appendix III; separation episodes) --------------------------


def sr7(f: Features) -> np.ndarray:
    """SR 7 (App. III): very active, persistent search: at or going to the door 40 % of the
    episode or more."""
    return _share(f.search, f) >= 0.4


def sr6(f: Features) -> np.ndarray:
    """SR 6 (App. III): active but less persistent search: 20 % of the episode or more."""
    return _share(f.search, f) >= 0.2


def sr5(f: Features) -> np.ndarray:
    """SR 5 (App. III): approaches (or orients to) the door: any search bout."""
    return f.search > 0


def sr4(f: Features) -> np.ndarray:
    """SR 4 (App. III): some search: repeated looks at the door (3 bouts or more)."""
    return f.door_look_bouts >= 3


def sr3(f: Features) -> np.ndarray:
    """SR 3 (App. III): weak search: occasional glances at the door (2 bouts, or 3 s or
    more)."""
    return (f.door_look_bouts >= 2) | (f.door_look >= 3)


def sr2(f: Features) -> np.ndarray:
    """SR 2 (App. III): very weak: one fleeting glance at the door."""
    return f.door_look > 0


SEARCH = Scale(
    name="search",
    title="Search",
    anchors=(
        Anchor(7, "very active, persistent search at the door", sr7),
        Anchor(6, "active but less persistent search", sr6),
        Anchor(5, "went to or oriented to the door", sr5),
        Anchor(4, "repeated looks at the door", sr4),
        Anchor(3, "occasional glances at the door", sr3),
        Anchor(2, "a fleeting glance at the door", sr2),
    ),
    applies=_caregiver_away,
    evidence_seconds=lambda f: np.where(f.search > 0, f.search, f.door_look),
    evidence_first=lambda f: np.where(f.search > 0, f.search_first, f.door_look_first),
    behaviour="searched for her (at the door, or looking at it)",
    none="no search",
)


# --- Distance interaction (Ainsworth et al. 1978, Appendix III) ---------------------------------


def di7(f: Features) -> np.ndarray:
    """DI 7 (App. III): very active, sustained interaction from a distance with initiative,
    repeatedly: 4 bouts or more, 20 s or more."""
    return (f.interact_bouts >= 4) & (f.interact >= 20)


def di6(f: Features) -> np.ndarray:
    """DI 6 (App. III, between 7 and 4): active interaction, 3 bouts, 10 s or more."""
    return (f.interact_bouts >= 3) & (f.interact >= 10)


def di5(f: Features) -> np.ndarray:
    """DI 5 (App. III, between 7 and 4): repeated interaction: 2 bouts."""
    return f.interact_bouts >= 2


def di4(f: Features) -> np.ndarray:
    """DI 4 (App. III): some interaction, brief or without initiative: one bout."""
    return f.interact > 0


def di3(f: Features) -> np.ndarray:
    """DI 3 (App. III, between 4 and 1): attentive looking without interaction, 3 looks."""
    return f.look_bouts >= 3


def di2(f: Features) -> np.ndarray:
    """DI 2 (App. III, between 4 and 1): a look or two at the adult, nothing more."""
    return f.look_bouts > 0


DISTANCE_INTERACTION = Scale(
    name="distance_interaction",
    title="Distance interaction",
    anchors=(
        Anchor(7, "very active, sustained interaction from a distance (smiling, vocalising, "
               "showing toys)", di7),
        Anchor(6, "active interaction from a distance", di6),
        Anchor(5, "repeated interaction from a distance", di5),
        Anchor(4, "some interaction from a distance, brief", di4),
        Anchor(3, "attentive looking without interaction", di3),
        Anchor(2, "a look or two, nothing more", di2),
    ),
    applies=_in_room,
    evidence_seconds=lambda f: f.interact,
    evidence_first=lambda f: f.interact_first,
    behaviour="smiled, vocalised or showed toys from a distance",
    none="no interaction from a distance",
)

#: The anchor tables, in the order of :data:`SCALES`.
SCALE_TABLES: tuple[Scale, ...] = (
    PROXIMITY_SEEKING,
    CONTACT_MAINTAINING,
    RESISTANCE,
    AVOIDANCE,
    SEARCH,
    DISTANCE_INTERACTION,
)


@dataclass(frozen=True, eq=False)
class ScaleScores:
    """Scores and evidence, each (n, 8, 2, 6) over [infant, episode - 1, toward, scale]."""

    scores: np.ndarray  # int8, 1-7, 0 = not applicable
    evidence_seconds: np.ndarray  # int32, seconds of the scale's behaviour
    evidence_first: np.ndarray  # int32, second of the episode it began, -1 if never


def score_scales(f: Features) -> ScaleScores:
    """Score all six scales in every episode toward both adults."""
    scores = np.stack([s.score(f) for s in SCALE_TABLES], axis=-1)
    seconds = np.stack([s.evidence_seconds(f) for s in SCALE_TABLES], axis=-1)
    first = np.stack([s.evidence_first(f) for s in SCALE_TABLES], axis=-1)
    return ScaleScores(scores, seconds.astype(np.int32), first.astype(np.int32))
