"""A small builder of hand-made behaviour records for the observer's tests.

A :class:`RecordBuilder` lays down the eight episodes with chosen durations and a calm
background (the infant plays with the toys, looks at them, does not cry; the adults of the
episode sit in their chairs at mid distance), then paints seconds of an episode with actions,
crying, gaze, zones and adult acts. Seconds are counted from the start of each episode.

    rec = (RecordBuilder()
           .approach(8, 10, 15, "caregiver")          # 5 s of approach, contact at second 15
           .contact(8, 15, 60, "caregiver")           # clinging, held, until second 60
           .build())
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import strategies as st

from simulation.codes import (
    PRESENT_CAREGIVER,
    PRESENT_STRANGER,
    Action,
    AdultAct,
    Gaze,
    Held,
    Target,
    Zone,
)
from simulation.episodes import NOMINAL
from simulation.record import RECORD_FIELDS, BehaviourRecord

#: Who is in the room in each episode (docs/design.md, the procedure).
PRESENCE = {
    1: PRESENT_CAREGIVER,
    2: PRESENT_CAREGIVER,
    3: PRESENT_CAREGIVER | PRESENT_STRANGER,
    4: PRESENT_STRANGER,
    5: PRESENT_CAREGIVER,
    6: 0,
    7: PRESENT_STRANGER,
    8: PRESENT_CAREGIVER,
}
_TARGET = {"caregiver": Target.CAREGIVER, "stranger": Target.STRANGER, "door": Target.DOOR}
_GAZE = {"caregiver": Gaze.CAREGIVER, "stranger": Gaze.STRANGER, "door": Gaze.DOOR}
_HELD = {"caregiver": Held.CAREGIVER, "stranger": Held.STRANGER}


class RecordBuilder:
    """Lay down one infant's record episode by episode, then paint seconds."""

    def __init__(self, durations: Sequence[int] | None = None, *, padding: int = 0) -> None:
        self.durations = [int(d) for d in (NOMINAL if durations is None else durations)]
        if len(self.durations) != 8:
            raise ValueError("give eight durations (0 for an episode that is not run)")
        self.starts = np.concatenate([[0], np.cumsum(self.durations)[:-1]]).astype(int)
        n = int(sum(self.durations)) + padding
        self.fields = {name: np.zeros(n, dtype=np.uint8) for name in RECORD_FIELDS}
        f = self.fields
        f["zone_caregiver"][:] = Zone.ABSENT
        f["zone_stranger"][:] = Zone.ABSENT
        for e in range(1, 9):
            s = self.span(e, 0, self.durations[e - 1])
            f["episode"][s] = e
            f["present"][s] = PRESENCE[e]
            f["action"][s] = Action.EXPLORE
            f["target"][s] = Target.TOYS
            f["gaze"][s] = Gaze.TOYS
            if PRESENCE[e] & PRESENT_CAREGIVER:
                f["zone_caregiver"][s] = Zone.MID
                f["caregiver_act"][s] = AdultAct.SITTING
            if PRESENCE[e] & PRESENT_STRANGER:
                f["zone_stranger"][s] = Zone.MID
                f["stranger_act"][s] = AdultAct.SITTING

    def span(self, episode: int, start: int, stop: int | None = None) -> slice:
        """Seconds ``[start, stop)`` of an episode as a slice of the row."""
        stop = start + 1 if stop is None else stop
        if not 0 <= start <= stop <= self.durations[episode - 1]:
            raise ValueError(f"seconds {start}-{stop} are outside episode {episode}")
        base = int(self.starts[episode - 1])
        return slice(base + start, base + stop)

    def paint(
        self, episode: int, start: int, stop: int | None = None, **values: int
    ) -> RecordBuilder:
        """Set record fields (``action=Action.TURN_AWAY, target=Target.CAREGIVER``...) over
        seconds ``[start, stop)`` of an episode."""
        s = self.span(episode, start, stop)
        for name, value in values.items():
            if name not in RECORD_FIELDS or name == "episode":
                raise ValueError(f"cannot paint {name!r}")
            self.fields[name][s] = int(value)
        return self

    def act(self, episode: int, start: int, stop: int, action: Action, who: str = "toys",
            **more: int) -> RecordBuilder:
        """The infant does ``action`` toward ``who`` (caregiver, stranger, door, toys)."""
        return self.paint(episode, start, stop, action=action,
                          target=_TARGET.get(who, Target.TOYS), **more)

    def look(self, episode: int, start: int, stop: int, who: str) -> RecordBuilder:
        return self.paint(episode, start, stop, gaze=_GAZE[who])

    def approach(self, episode: int, start: int, stop: int, who: str = "caregiver", *,
                 reach: bool = True, met: bool = False) -> RecordBuilder:
        """Approach ``who`` over ``[start, stop)``, looking at her; with ``reach`` the infant is
        in contact from ``stop`` (for one second unless painted further). With ``met`` she is
        APPROACHING the infant at the same time (contact with help)."""
        zone = f"zone_{who}"
        self.act(episode, start, stop, Action.APPROACH, who, gaze=_GAZE[who],
                 **{zone: Zone.NEAR})
        if met:
            self.paint(episode, start, stop, **{f"{who}_act": AdultAct.APPROACHING})
        if reach:
            self.paint(episode, stop, stop + 1, **{zone: Zone.CONTACT})
        return self

    def contact(self, episode: int, start: int, stop: int, who: str = "caregiver", *,
                active: bool = True, held: bool = True) -> RecordBuilder:
        """In contact with ``who`` over ``[start, stop)``: clinging (``active``) or passive."""
        action = Action.CONTACT_ACTIVE if active else Action.CONTACT_PASSIVE
        more = {f"zone_{who}": Zone.CONTACT, "gaze": _GAZE[who]}
        if held:
            more.update(held=_HELD[who], **{f"{who}_act": AdultAct.HOLDING})
        return self.act(episode, start, stop, action, who, **more)

    def release(self, episode: int, start: int, stop: int, who: str = "caregiver") -> RecordBuilder:
        """She tries to put the infant down over ``[start, stop)`` while it clings on."""
        self.contact(episode, start, stop, who)
        return self.paint(episode, start, stop, **{f"{who}_act": AdultAct.RELEASING})

    def turns_away(self, episode: int, starts: Sequence[int], length: int,
                   who: str = "caregiver", **more: int) -> RecordBuilder:
        """Bouts of turning away from ``who``, each in answer to her call: she calls the infant
        (an overture) at the bout's first second, and it turns away to the toys. Turning away
        is avoidance only in answer to her entrance, approach or overture."""
        for s in starts:
            self.act(episode, s, s + length, Action.TURN_AWAY, who, **more)
            self.paint(episode, s, s + 1, **{f"{who}_act": AdultAct.CALLING})
        return self

    def resists(self, episode: int, starts: Sequence[int], length: int, action: Action,
                who: str = "caregiver", **more: int) -> RecordBuilder:
        """Bouts of ``action`` (a push, a kick, going limp...) at ``who`` while she comes to pick
        the infant up (she is APPROACHING it): resistance of contact she initiates."""
        for s in starts:
            self.act(episode, s, s + length, action, who,
                     **{f"{who}_act": AdultAct.APPROACHING, **more})
        return self

    def bouts(self, episode: int, starts: Sequence[int], length: int, action: Action,
              who: str = "toys", **more: int) -> RecordBuilder:
        """Bouts of ``length`` seconds of ``action`` beginning at each of ``starts``."""
        for s in starts:
            self.act(episode, s, s + length, action, who, **more)
        return self

    def cry(self, episode: int, start: int, stop: int, level: int = 2) -> RecordBuilder:
        return self.paint(episode, start, stop, cry=level)

    def build(self) -> BehaviourRecord:
        """The one-infant record."""
        return BehaviourRecord(**{k: v.reshape(1, -1).copy() for k, v in self.fields.items()})

    def frame(self):
        """The record as a per-second trace DataFrame (one infant)."""
        import pandas as pd

        return pd.DataFrame({k: v.copy() for k, v in self.fields.items()})


def stack(*records: BehaviourRecord) -> BehaviourRecord:
    """Stack one-or-more-infant records of any lengths into one record (padded with 0)."""
    n_seconds = max(r.n_seconds for r in records)
    out = {}
    for name in RECORD_FIELDS:
        rows = []
        for r in records:
            a = getattr(r, name)
            pad = np.zeros((a.shape[0], n_seconds - a.shape[1]), dtype=np.uint8)
            rows.append(np.concatenate([a, pad], axis=1))
        out[name] = np.concatenate(rows, axis=0)
    return BehaviourRecord(**out)


@st.composite
def random_records(draw) -> BehaviourRecord:
    """Hypothesis strategy: 1-4 infants, valid episode layouts (some episodes missing, padding),
    every other field random codes held in runs, as behaviour is."""
    n = draw(st.integers(1, 4))
    t_len = draw(st.integers(1, 260))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    ep = np.zeros((n, t_len), np.uint8)
    for i in range(n):
        eps = np.sort(rng.choice(np.arange(1, 9), rng.integers(0, 9), replace=False))
        cuts = np.sort(rng.integers(0, t_len + 1, len(eps) + 1))
        cuts -= cuts[0]
        for k, e in enumerate(eps):
            ep[i, cuts[k]: cuts[k + 1]] = e
    limits = {"action": len(Action), "target": 5, "cry": 3, "gaze": 5, "zone_caregiver": 4,
              "zone_stranger": 4, "held": 3, "caregiver_act": 9, "stranger_act": 9,
              "present": 4}
    data = {}
    for name in RECORD_FIELDS:
        if name == "episode":
            data[name] = ep
            continue
        # runs of repeated codes, as behaviour has, mixed with noise
        codes = rng.integers(0, limits[name], (n, t_len)).astype(np.uint8)
        hold = rng.random((n, t_len)) < 0.7
        idx = np.where(hold, 0, np.arange(t_len))
        np.maximum.accumulate(idx, axis=1, out=idx)
        data[name] = np.take_along_axis(codes, idx, axis=1)
    return BehaviourRecord(**data)
