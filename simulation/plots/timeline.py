"""Timelines of one Strange Situation: the ethogram strip, and arousal beside overt crying.

Plain functions over a per-second trace (:meth:`simulation.StrangeSituationModel.trace`), each
returning a matplotlib Figure. :func:`ethogram` shows, second by second over the whole
procedure, who is in the room and what the infant does (one row per kind of behaviour, in the
categories Ainsworth et al. 1978 score, and the disorganized lapses of Main & Solomon 1990).
:func:`arousal_and_crying` puts the infant's internal arousal (which the coder never sees) beside
its overt crying: the avoidant infant cries little while its arousal stays high (Sroufe & Waters
1977, heart rate; Spangler & Grossmann 1993, cortisol).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..codes import Action, Cry, Target
from ..episodes import EPISODES, REUNIONS
from .style import AROUSAL_COLOUR, CAREGIVER_COLOUR, CRYING_COLOUR, STRANGER_COLOUR, figure_scale

_BEHAVIOUR = "#333333"
_REUNION_SHADE = "#EDEDED"

#: Ethogram rows (top to bottom): label and a test on (action, target) arrays.
ETHOGRAM_ROWS: tuple[tuple[str, object], ...] = (
    ("explores", lambda a, t: (a == Action.EXPLORE)
     | (((a == Action.KICK) | (a == Action.THROW_TOY)) & (t == Target.TOYS))),
    ("looks / idle", lambda a, t: a == Action.IDLE),
    ("approaches adult", lambda a, t: (a == Action.APPROACH)
     & ((t == Target.CAREGIVER) | (t == Target.STRANGER))),
    ("reaches, calls", lambda a, t: a == Action.SIGNAL),
    ("in contact", lambda a, t: (a == Action.CONTACT_ACTIVE) | (a == Action.CONTACT_PASSIVE)),
    ("pushes, kicks, squirms, goes limp", lambda a, t: (
        (a == Action.PUSH_AWAY) | (a == Action.KICK) | (a == Action.SQUIRM)
        | (a == Action.THROW_TOY) | (a == Action.GO_LIMP))
     & ((t == Target.CAREGIVER) | (t == Target.STRANGER))),
    ("turns away", lambda a, t: a == Action.TURN_AWAY),
    ("smiles, shows (distance)", lambda a, t: a == Action.DISTANCE_INTERACT),
    ("searches (door)", lambda a, t: (a == Action.SEARCH)
     | ((a == Action.APPROACH) & (t == Target.DOOR))),
    ("disorganized lapse", lambda a, t: (a >= Action.FREEZE) & (a <= Action.DAZED)),  # D_ACTIONS
)



def _size(presentation: bool) -> float:
    """Figure-size factor: in presentation mode fonts grow by ``figure_scale`` (1.5) but the
    figure only a little, so that text is larger relative to a figure shown at a fixed width."""
    return 1.1 if presentation else 1.0

def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, length) of each run of True in a boolean array."""
    m = np.concatenate([[False], np.asarray(mask, dtype=bool), [False]])
    edges = np.flatnonzero(m[1:] != m[:-1])
    return [(int(s), int(e - s)) for s, e in zip(edges[::2], edges[1::2], strict=True)]


def _episode_bounds(trace: pd.DataFrame) -> list[tuple[int, int, int]]:
    """(episode, first second, seconds run) for every episode in the trace."""
    ep = trace["episode"].to_numpy()
    out = []
    for e in range(1, 9):
        idx = np.flatnonzero(ep == e)
        if idx.size:
            out.append((e, int(idx[0]), int(idx.size)))
    return out


#: Short episode names for the top of a timeline.
SHORT_NAMES = {1: "intro", 2: "with caregiver", 3: "stranger", 4: "separation",
               5: "reunion", 6: "alone", 7: "stranger", 8: "reunion"}


def _mark_episodes(ax, bounds, top: float, fontsize: float, labels: bool = True) -> None:
    """Shade the reunions, draw episode boundaries, and label each episode on top: with its
    short name where that fits, its number otherwise."""
    total = max(1, sum(length for _, _, length in bounds))
    fig = ax.get_figure()
    axes_points = fig.get_figwidth() * 72.0 * ax.get_position().width
    for e, start, length in bounds:
        if e in REUNIONS:
            ax.axvspan(start, start + length, color=_REUNION_SHADE, zorder=0, lw=0)
        ax.axvline(start, color="#888888", lw=0.8, zorder=1)
        if labels:
            room_points = axes_points * length / total
            text = f"{e} {SHORT_NAMES[e]}"
            if len(text) * 0.58 * fontsize > 0.92 * room_points:
                text = str(e)
            ax.text(start + length / 2, top, text, ha="center", va="bottom",
                    fontsize=fontsize, color="#444444", clip_on=False)


def ethogram(trace: pd.DataFrame, *, presentation: bool = False,
             title: str | None = None) -> Figure:
    """The whole procedure as a strip: presence of the adults, behaviour rows, crying.

    Reunion episodes (5 and 8, the most diagnostic) are shaded; episode numbers run along the
    top.
    """
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 9.5 * k
    action = trace["action"].to_numpy()
    target = trace["target"].to_numpy()
    cry = trace["cry"].to_numpy()
    n = len(trace)
    rows: list[tuple[str, list[tuple[int, int]], str]] = [
        ("caregiver in room", _runs(trace["zone_caregiver"].to_numpy() != 9), CAREGIVER_COLOUR),
        ("stranger in room", _runs(trace["zone_stranger"].to_numpy() != 9), STRANGER_COLOUR),
    ]
    for label, test in ETHOGRAM_ROWS:
        rows.append((label, _runs(test(action, target)), _BEHAVIOUR))
    rows.append(("fusses", _runs(cry == Cry.FUSS), CRYING_COLOUR))
    rows.append(("cries hard", _runs(cry == Cry.HARD), "#1F5F8B"))
    fig = Figure(figsize=(11 * sz, 4.6 * sz), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    height = 0.7
    for i, (_label, runs, colour) in enumerate(rows):
        y = len(rows) - 1 - i
        if runs:
            ax.broken_barh(runs, (y - height / 2, height), facecolors=colour, lw=0)
    ax.set_yticks(range(len(rows)), [r[0] for r in reversed(rows)], fontsize=fs)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlim(0, n)
    bounds = _episode_bounds(trace)
    _mark_episodes(ax, bounds, len(rows) - 0.25, fs)
    ax.set_xlabel("seconds from the start of the procedure (episode numbers on top; "
                  "reunions 5 and 8 shaded)", fontsize=fs)
    ax.tick_params(axis="x", labelsize=fs)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    if title:
        ax.set_title(title, fontsize=fs * 1.25, loc="left", pad=22 * k)
    return fig


def arousal_and_crying(trace: pd.DataFrame, *, presentation: bool = False,
                       title: str | None = None) -> Figure:
    """Internal arousal (a line) beside overt crying (shaded: fussing, hard crying).

    The coder sees only the crying; the arousal is internal to the model. A gap between the two
    is the avoidant infant's hidden distress.
    """
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 9.5 * k
    n = len(trace)
    seconds = np.arange(n)
    cry = trace["cry"].to_numpy().astype(float) / float(Cry.HARD)
    arousal = trace["internal_arousal"].to_numpy()
    fig = Figure(figsize=(11 * sz, 3.4 * sz), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    bounds = _episode_bounds(trace)
    _mark_episodes(ax, bounds, 1.04, fs)
    ax.fill_between(seconds, 0, cry, step="post", color=CRYING_COLOUR, alpha=0.85, lw=0,
                    label="overt crying (what the coder hears: half = fussing, full = hard)")
    ax.plot(seconds, arousal, color=AROUSAL_COLOUR, lw=1.8 * k,
            label="internal arousal (hidden from the coder)")
    ax.set_xlim(0, n)
    ax.set_ylim(0, 1.02)
    ax.set_yticks([0, 0.5, 1.0])
    ax.tick_params(labelsize=fs)
    ax.set_xlabel("seconds from the start of the procedure", fontsize=fs)
    ax.set_ylabel("level (0-1)", fontsize=fs)
    ax.legend(loc="upper left", fontsize=fs * 0.9, framealpha=0.9, bbox_to_anchor=(0, -0.28),
              ncol=2, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title, fontsize=fs * 1.25, loc="left", pad=22 * k)
    return fig


def episode_summary(trace: pd.DataFrame) -> pd.DataFrame:
    """Per episode: seconds run, share of seconds crying, exploring, mean internal arousal."""
    ep = trace["episode"]
    frame = pd.DataFrame({
        "episode": ep,
        "crying": trace["cry"] > 0,
        "exploring": trace["action"] == int(Action.EXPLORE),
        "arousal": trace["internal_arousal"],
    })
    out = frame.groupby("episode").agg(seconds=("crying", "size"), crying=("crying", "mean"),
                                       exploring=("exploring", "mean"),
                                       arousal=("arousal", "mean"))
    out.insert(0, "name", [EPISODES[e - 1].name for e in out.index])
    return out
