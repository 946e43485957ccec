"""The player: the observation room animated in the browser, one or several dyads on one clock.

Each dyad's per-second trace is sent to the browser once, with the moments the coder scored
(:func:`simulation.observer.explanation.scored_moments`) and the words for every behaviour code;
``player.js`` draws and animates everything client-side (no frame is rendered on the server):
the room, the adults and the infant with a pose for each behaviour (held in her arms when the
record says it is held; touching her when it is in the contact zone without holding on, which
the coder counts as contact; turned away where the coder scored ignoring her), crying, a
labelled gaze line, a legend, and the whole procedure as a timeline whose cursor moves with the
clock. Controls (beside a single room, above several): play, pause, step, speed, scrub, jump to
an episode or to the next scored moment. The paused position goes into the page's address
(``episode``, ``t``) in the browser alone, with no message to the server.

It is a Streamlit ``components.v2`` component with inline HTML, CSS and JavaScript read from
this package (package data: no build step, no npm), mounted in the page itself (no iframe), so
that its text follows the page's font size (presentation mode).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st

from simulation import room
from simulation.codes import Action, AdultAct, Cry, Gaze, Held, Target, Zone
from simulation.episodes import EPISODES, REUNIONS
from simulation.observer.explanation import MOMENT_KINDS
from simulation.plots.room import (
    ACTION_SHORT,
    ACTION_WORDS,
    ADULT_WORDS,
    ARRIVE_SHORT,
    ARRIVE_WORDS,
    AVERTED_SHORT,
    CRY_WORDS,
    GAZE_WORDS,
    HELD_SHORT,
    HELD_WORDS,
    PLAY_WORDS,
    TARGET_WORDS,
    TOUCH_SHORT,
    TOUCH_WORDS,
)
from simulation.plots.style import CAREGIVER_COLOUR, STRANGER_COLOUR
from simulation.plots.timeline import SHORT_NAMES

HERE = Path(__file__).resolve().parent
#: Playback speeds offered (simulated seconds per second), and the default.
SPEEDS = (1, 2, 5, 10, 20, 40)
DEFAULT_SPEED = 10
#: Short names of the moment kinds, on the jump buttons.
MOMENT_SHORT = {"approach": "approach", "contact": "contact", "resistance": "resistance",
                "avoidance": "avoidance", "lapse": "lapses", "search": "search"}
#: Infant poses shown in the legend, in this order.
LEGEND_ACTIONS = ("EXPLORE", "IDLE", "APPROACH", "SIGNAL", "DISTANCE_INTERACT",
                  "CONTACT_ACTIVE", "CONTACT_PASSIVE", "PUSH_AWAY", "KICK", "SQUIRM",
                  "THROW_TOY", "GO_LIMP", "TURN_AWAY", "SEARCH", "FREEZE", "APPROACH_BROKEN",
                  "APPREHENSION", "ROCK", "DAZED")


def _rows(multi: bool, scored: bool = True, labels: bool = True) -> list[dict]:
    """The rows of the timeline: presence, play, what the coder scored, crying (without
    ``labels``, presence only: the rest would be a running record)."""
    rows = [{"label": "caregiver in room", "col": "pc", "values": {"1": "cg"}}]
    if not multi:
        rows.append({"label": "stranger in room", "col": "ps", "values": {"1": "st"}})
    if not labels:
        return rows
    rows.append({"label": "plays", "col": "action", "values": {str(int(Action.EXPLORE)): "play"}})
    labels = {"approach": "approaches her", "contact": "in contact", "resistance": "resists her",
              "avoidance": "avoids her", "search": "searches (door)",
              "lapse": "lapse (freeze...)"}
    for kind in MOMENT_KINDS if scored else ():
        rows.append({"label": labels[kind], "moment": kind, "cls": kind})
    rows.append({"label": "fusses / cries", "col": "cry",
                 "values": {str(int(Cry.FUSS)): "fuss", str(int(Cry.HARD)): "hard"}})
    return rows


WORDS = {
    "action": {int(a): w for a, w in ACTION_WORDS.items()},
    "action_short": {int(a): w for a, w in ACTION_SHORT.items()},
    "play_acts": {int(a): w for a, w in PLAY_WORDS.items()},
    "target": {int(t): w for t, w in TARGET_WORDS.items()},
    "held": {"caregiver": HELD_WORDS[Held.CAREGIVER], "stranger": HELD_WORDS[Held.STRANGER]},
    "held_short": HELD_SHORT,
    "touch": TOUCH_WORDS,
    "touch_short": TOUCH_SHORT,
    "arrive": ARRIVE_WORDS,
    "arrive_short": ARRIVE_SHORT,
    "ignore": "ignoring the caregiver as she turns to it",
    "ignore_short": "ignores her",
    "averted_short": AVERTED_SHORT,
    "cry": {int(Cry.FUSS): CRY_WORDS[Cry.FUSS], int(Cry.HARD): CRY_WORDS[Cry.HARD]},
    "gaze": {int(g): w for g, w in GAZE_WORDS.items()},
    "gaze_short": {int(Gaze.TOYS): "looks at the toys", int(Gaze.CAREGIVER): "looks at her",
                   int(Gaze.STRANGER): "looks at the stranger", int(Gaze.DOOR): "looks at the door",
                   int(Gaze.AWAY): "looks away"},
    "adult": {int(a): w for a, w in ADULT_WORDS.items()},
    "who": {"caregiver": "caregiver", "stranger": "stranger"},
    "room": {"door": "door", "toys": "toys", "caregiver_chair": "caregiver's chair",
             "stranger_chair": "stranger's chair"},
    "chairs": "the adults' chairs (named when empty)",
    "someone": "someone",
    "infant": "Infant:",
    "episode": "Episode",
    "overall": "procedure",
    "of": "of",
    "out_of_room": "out of the room",
    "episode_over": "this episode ended at {t}",
    "play": "Play",
    "pause": "Pause",
    "play_help": "Play or pause (space bar)",
    "back": "One second back (left arrow)",
    "forward": "One second forward (right arrow)",
    "prev_episode": "Start of this episode, or the one before",
    "next_episode": "Next episode",
    "speed": "Speed",
    "scrub": "Second of the procedure",
    "controls": "Player controls",
    "jump_episode": "Episode:",
    "jump_scored": "Next moment the coder scored:",
    "next": "Jump to the next",
    "moment_short": MOMENT_SHORT,
    "legend": "Legend: what the drawings mean",
    "gaze_legend": "where the infant looks",
    "trail_legend": "its path in the last {n} s",
    "timeline": "The whole procedure, second by second",
    "timeline_axis": "the whole procedure, second by second (reunions 5 and 8 shaded; click to "
                     "jump there)",
}


def _codes() -> dict:
    def named(enum) -> dict[str, int]:
        return {m.name: int(m.value) for m in enum}

    return {"action": named(Action), "target": named(Target), "gaze": named(Gaze),
            "held": named(Held), "zone": named(Zone), "adult": named(AdultAct),
            "action_names": {int(a): a.name.lower() for a in Action}}


@dataclass(frozen=True)
class Shown:
    """One dyad as the player shows it: its title, its classification badge and colour."""

    title: str
    label: str
    colour: str


def dyad_payload(dyad: Any, shown: Shown) -> dict:
    """What the browser needs of one dyad (a :class:`dashboard.workers.Dyad`): the trace as
    integer columns (positions in centimetres), its episodes, and the scored moments."""
    trace = dyad.trace

    def ints(values) -> list[int]:
        return np.asarray(values).astype(np.int64).tolist()

    def cm(name: str) -> list[int]:
        return ints(np.round(trace[name].to_numpy() * 100))

    cols = {
        "action": ints(trace["action"]), "target": ints(trace["target"]),
        "cry": ints(trace["cry"]), "gaze": ints(trace["gaze"]), "held": ints(trace["held"]),
        "ca": ints(trace["caregiver_act"]), "sa": ints(trace["stranger_act"]),
        "zc": ints(trace["zone_caregiver"]), "zs": ints(trace["zone_stranger"]),
        "pc": ints(trace["zone_caregiver"] != Zone.ABSENT),
        "ps": ints(trace["zone_stranger"] != Zone.ABSENT),
        "x": cm("x"), "y": cm("y"), "cx": cm("caregiver_x"), "cy": cm("caregiver_y"),
        "sx": cm("stranger_x"), "sy": cm("stranger_y"),
    }
    episode = trace["episode"].to_numpy()
    episodes = []
    for e in range(1, len(EPISODES) + 1):
        idx = np.flatnonzero(episode == e)
        if idx.size:
            episodes.append([e, int(idx[0]), int(idx.size)])
    moments: dict[str, list[list[int]]] = {kind: [] for kind in MOMENT_KINDS}
    for m in dyad.moments:
        moments[m.kind].append([m.start, m.seconds, m.episode])
    return {"title": shown.title, "label": shown.label, "colour": shown.colour,
            "n": len(trace), "cols": cols, "episodes": episodes, "moments": moments}


def payload(dyads: Sequence[dict], start_episode: int, start_t: int,
            presentation: bool, scored: bool = True, labels: bool = True,
            link: bool = True) -> dict:
    """The whole player's data: the dyads (each from :func:`dyad_payload`), where to start,
    the room, the codes and the words. ``scored=False`` leaves out what the coder scored (the
    jumps to its moments, and its rows of the timeline): for a student scoring the infant.
    ``labels=False`` leaves out the words for what the infant does (its labels in the room, the
    line beside it and the timeline's behaviour rows): the student observes the poses alone.
    ``link`` writes the paused position into the page's address (``episode``, ``t``), for
    pages whose link reads them."""
    if not scored:
        dyads = [{**d, "moments": {}} for d in dyads]
    return {
        "dyads": list(dyads),
        "scored": bool(scored),
        "labels": bool(labels),
        "link": bool(link),
        "start": {"episode": int(start_episode), "t": int(start_t)},
        "start_key": f"{int(start_episode)}:{int(start_t)}",
        "present": bool(presentation),
        "speed": DEFAULT_SPEED,
        "speeds": list(SPEEDS),
        "room": {"width": room.WIDTH, "height": room.HEIGHT, "door": list(room.DOOR),
                 "toys": list(room.TOYS), "caregiver_chair": list(room.CAREGIVER_CHAIR),
                 "stranger_chair": list(room.STRANGER_CHAIR)},
        "colours": {"caregiver": CAREGIVER_COLOUR, "stranger": STRANGER_COLOUR},
        "codes": _codes(),
        "words": WORDS,
        "episode_names": [e.name for e in EPISODES],
        "episode_short": [SHORT_NAMES[e.number] for e in EPISODES],
        "reunions": list(REUNIONS),
        "moment_kinds": MOMENT_KINDS if scored else {},
        "legend_actions": list(LEGEND_ACTIONS),
        "rows": _rows(len(dyads) > 1, scored, labels),
    }


def _asset(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


_COMPONENT = st.components.v2.component(
    "ssp_player", html='<div class="ssp-player"></div>', css=_asset("player.css"),
    js=_asset("player.js"))


def show(data: dict, key: str) -> None:
    """Mount the player with ``data`` (from :func:`payload`). The browser keeps playing across
    the page's reruns while the data stay the same, and keeps its position when they change
    (a new caregiving) unless the starting point changed."""
    _COMPONENT(key=key, data=data, width="stretch", height="content")
