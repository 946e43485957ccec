"""The adult separation and reunion, animated in the browser (the "A life" page).

The infant player (:mod:`dashboard.player`) draws the observation room from the infant's full
trace (positions, gaze, holding); the adult procedure's record is simpler (who is present, what
the adult does, how distressed they look: :class:`simulation.life.reunion.ReunionRecord`), so
it has its own small player, ``reunion.js``: a departure gate, the partner leaving and coming
back, the adult with a pose for each action the coder counts, tears for distress, and the record
as a strip with a moving cursor. A Streamlit ``components.v2`` component with inline HTML, CSS
and JavaScript read from this package, as the infant player is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import streamlit as st

from simulation.life.reunion import ACTIONS, PHASES, ReunionRecord
from simulation.plots.style import CAREGIVER_COLOUR

from . import HERE, SPEEDS

#: Colours of the adult's actions on the strip (the "other" action is left blank).
ACTION_COLOURS = {"seek": "#009E73", "contact": "#0072B2", "protest": "#D55E00",
                  "withdraw": "#CC79A7", "other": "#FFFFFF"}
WORDS = {
    "gate": "gate", "partner": "partner", "adult": "adult",
    "play": "Play", "pause": "Pause", "speed": "Speed", "scrub": "Second of the procedure",
    "strip": "The whole separation and reunion, second by second",
    "partner_here": "partner present",
    "phase": {"together": "waiting together", "apart": "partner gone", "reunited": "reunited"},
    "action": {"other": "sits, reads, looks about", "seek": "seeks the partner (looks, calls, "
               "moves toward them)", "contact": "in close contact (holds, hugs)",
               "protest": "protests (angry, reproachful)", "withdraw": "turns away from the "
               "partner"},
    "distress": {0: "calm", 1: "upset", 2: "visibly distraught"},
    "caption": "Strip: grey = partner present; green seeks, blue contact, vermilion protest, "
               "pink turns away. Tears show distress as an observer sees it.",
}


@dataclass(frozen=True)
class Scene:
    """One adult as the player shows them: title, badge text and colour, and the record."""

    title: str
    label: str
    colour: str
    record: ReunionRecord


def payload(scenes: Sequence[Scene], presentation: bool, key: str,
            autoplay: bool = True) -> dict:
    """The player's data: every adult's actions and distress by second, the partner's
    presence (the same procedure for all), the phases and the words."""
    first = scenes[0].record
    return {
        "scenes": [{"title": s.title, "label": s.label, "colour": s.colour,
                    "action": np.asarray(s.record.action[0]).astype(int).tolist(),
                    "distress": np.asarray(s.record.distress[0]).astype(int).tolist()}
                   for s in scenes],
        "present": np.asarray(first.present[0]).astype(int).tolist(),
        "phases": [[name, int(n)] for name, n in PHASES.items()],
        "actions": list(ACTIONS),
        "action_colours": ACTION_COLOURS,
        "colours": {"partner": CAREGIVER_COLOUR, "adult": "#444444"},
        "words": WORDS,
        "speeds": list(SPEEDS),
        "speed": 20,
        "present_mode": bool(presentation),
        "autoplay": bool(autoplay),
        "key": key,
    }


_COMPONENT = st.components.v2.component(
    "ssp_reunion", html='<div class="ssp-reunion"></div>',
    css=(HERE / "reunion.css").read_text(encoding="utf-8"),
    js=(HERE / "reunion.js").read_text(encoding="utf-8"))


def show(data: dict, key: str) -> None:
    """Mount the player with ``data`` (from :func:`payload`)."""
    _COMPONENT(key=key, data=data, width="stretch", height="content")
