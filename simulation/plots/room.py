"""The observation room, drawn at one second of a Strange Situation, and animated as a GIF.

Plain functions over a per-second trace (:meth:`simulation.StrangeSituationModel.trace`):
:func:`room_frame` returns a matplotlib Figure of the room at second ``t`` (door, the two chairs,
the toys, caregiver, stranger and infant, where the infant looks, whether it cries);
:func:`room_gif` returns the bytes of an animated GIF (pillow), never writing to disk.

The layout is :mod:`simulation.room` (after Ainsworth et al. 1978, Fig. 1).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Arc, Circle, FancyBboxPatch, Rectangle

from .. import room
from ..codes import Action, AdultAct, Cry, Gaze, Held, Target, Zone
from ..episodes import EPISODES
from .style import CAREGIVER_COLOUR, INFANT_COLOUR, STRANGER_COLOUR, figure_scale

#: Plain words for the infant's action (with ``{t}`` for the target, when it has one).
ACTION_WORDS = {
    Action.EXPLORE: "plays with the toys",
    Action.IDLE: "sits, not playing",
    Action.APPROACH: "moves toward {t}",
    Action.CONTACT_ACTIVE: "clings to {t}",
    Action.CONTACT_PASSIVE: "rests against {t}, not holding on",
    Action.PUSH_AWAY: "pushes {t} away",
    Action.GO_LIMP: "goes limp, will not cooperate with {t}",
    Action.TURN_AWAY: "turns away from {t} to the toys",
    Action.SEARCH: "searches at the door",
    Action.DISTANCE_INTERACT: "smiles and shows a toy to {t}",
    Action.SIGNAL: "reaches and calls for {t}",
    Action.FREEZE: "freezes",
    Action.APPROACH_BROKEN: "starts toward {t}, breaks off",
    Action.APPREHENSION: "looks frightened of {t}",
    Action.ROCK: "rocks to and fro",
    Action.DAZED: "sits dazed, as if in a trance, not oriented to anyone",
    Action.KICK: "kicks at {t}",
    Action.SQUIRM: "squirms in the arms of {t}",
    Action.THROW_TOY: "throws away the toy {t} offers",
}
#: The acts aimed at the toys (rough play): their own words, without a person to name.
PLAY_WORDS = {Action.KICK: "kicks about in play", Action.THROW_TOY: "throws a toy in play"}
#: The infant's action in two or three words: the label beside its pose in the room.
ACTION_SHORT = {
    Action.EXPLORE: "plays",
    Action.IDLE: "sits still",
    Action.APPROACH: "crawls toward",
    Action.CONTACT_ACTIVE: "clings",
    Action.CONTACT_PASSIVE: "not holding on",
    Action.PUSH_AWAY: "pushes away",
    Action.GO_LIMP: "goes limp",
    Action.TURN_AWAY: "turns away",
    Action.SEARCH: "searches at the door",
    Action.DISTANCE_INTERACT: "shows a toy, smiles",
    Action.SIGNAL: "reaches and calls",
    Action.FREEZE: "freezes",
    Action.APPROACH_BROKEN: "starts toward, breaks off",
    Action.APPREHENSION: "frightened",
    Action.ROCK: "rocks",
    Action.DAZED: "dazed",
    Action.KICK: "kicks",
    Action.SQUIRM: "squirms",
    Action.THROW_TOY: "throws a toy",
}
#: Approaching her with head and gaze turned away (simultaneous contradiction, Main & Solomon
#: 1990): the label says both.
AVERTED_SHORT = "crawls toward, looking away"
#: Being held: its own words, before what the infant does in the adult's arms.
HELD_WORDS = {Held.CAREGIVER: "held by the caregiver", Held.STRANGER: "held by the stranger"}
HELD_SHORT = "held"
#: In contact but not held and not clinging (the coder counts it as contact: touching her):
#: arriving at her, or playing or sitting against her.
TOUCH_WORDS = {"caregiver": "touching the caregiver", "stranger": "touching the stranger"}
TOUCH_SHORT = "touching her"
ARRIVE_WORDS = {"caregiver": "reaches the caregiver", "stranger": "reaches the stranger"}
ARRIVE_SHORT = "reaches her"
#: Actions that are contact (or resisting it) themselves: no "touching" added to them.
CONTACT_ACTIONS = (Action.CONTACT_ACTIVE, Action.CONTACT_PASSIVE, Action.SQUIRM,
                   Action.GO_LIMP)
#: What an adult does, in a few words (the label under her in the room).
ADULT_WORDS = {
    AdultAct.ABSENT: "",
    AdultAct.SITTING: "sits",
    AdultAct.ENTERING: "comes in",
    AdultAct.TALKING: "talks",
    AdultAct.APPROACHING: "comes to the infant",
    AdultAct.HOLDING: "holds the infant",
    AdultAct.RELEASING: "puts it down",
    AdultAct.PLAYING: "plays with it",
    AdultAct.LEAVING: "leaves",
    AdultAct.CALLING: "calls the infant",
}
TARGET_WORDS = {Target.NONE: "", Target.CAREGIVER: "the caregiver",
                Target.STRANGER: "the stranger", Target.DOOR: "the door", Target.TOYS: "the toys"}
CRY_WORDS = {Cry.NONE: "", Cry.FUSS: "fussing", Cry.HARD: "crying hard"}
GAZE_WORDS = {Gaze.TOYS: "looks at the toys", Gaze.CAREGIVER: "looks at the caregiver",
              Gaze.STRANGER: "looks at the stranger", Gaze.DOOR: "looks at the door",
              Gaze.AWAY: "looks away"}

_FLOOR = "#F4F1EA"
_WALL = "#4D4D4D"
_FURNITURE = "#B8A58C"
_TOY_COLOURS = ("#8C8C8C", "#A6761D", "#666666", "#BFA37A", "#7F7F7F")
_TOYS_OFFSETS = ((-0.45, 0.3), (0.35, 0.45), (0.5, -0.3), (-0.3, -0.45), (0.05, 0.05))


def touching(row: pd.Series | dict) -> str | None:
    """Whom the infant touches without being held or holding on ("caregiver", "stranger"), as
    the coder counts contact (the contact zone), or None."""
    if int(row.get("held", Held.NONE)) != Held.NONE or Action(int(row["action"])) in \
            CONTACT_ACTIONS:
        return None
    for who in ("caregiver", "stranger"):
        if int(row.get(f"zone_{who}", Zone.ABSENT)) == Zone.CONTACT:
            return who
    return None


def short_label(row: pd.Series | dict) -> str:
    """The infant's label in the room: its action in a few words, held or touching said."""
    action = Action(int(row["action"]))
    touch = touching(row)
    if touch is not None:
        return ARRIVE_SHORT if action == Action.APPROACH else \
            f"{ACTION_SHORT[action]}, {TOUCH_SHORT}"
    if int(row.get("held", Held.NONE)) != Held.NONE:
        return f"{HELD_SHORT}, {ACTION_SHORT[action]}"
    if (action == Action.APPROACH and int(row["target"]) == Target.CAREGIVER
            and int(row["gaze"]) == Gaze.AWAY):
        return AVERTED_SHORT
    return ACTION_SHORT[action]


def describe_second(row: pd.Series | dict) -> str:
    """One line of plain words: whether it is held, what the infant does (touching an adult
    when it is in contact with her), its crying and where it looks."""
    action = Action(int(row["action"]))
    target = TARGET_WORDS.get(Target(int(row["target"])), "")
    text = (PLAY_WORDS[action] if action in PLAY_WORDS and int(row["target"]) == Target.TOYS
            else ACTION_WORDS[action].format(t=target or "someone"))
    held = Held(int(row.get("held", Held.NONE)))
    touch = touching(row)
    if touch is not None and action == Action.APPROACH:
        text = ARRIVE_WORDS[touch]
    elif touch is not None:
        text = f"{text}, {TOUCH_WORDS[touch]}"
    parts = [HELD_WORDS[held], text] if held != Held.NONE else [text]
    cry = CRY_WORDS[Cry(int(row["cry"]))]
    if cry:
        parts.append(cry)
    gaze = GAZE_WORDS[Gaze(int(row["gaze"]))]
    if action not in (Action.EXPLORE,) or int(row["gaze"]) != Gaze.TOYS:
        parts.append(gaze)
    return "Infant " + ", ".join(parts)


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _row(trace: pd.DataFrame, t: int) -> pd.Series:
    if not 0 <= t < len(trace):
        raise ValueError(f"second {t} is outside the procedure (0 to {len(trace) - 1})")
    return trace.iloc[int(t)]


class RoomDrawer:
    """A room figure whose moving parts are updated in place (fast animation frames)."""

    def __init__(self, trace: pd.DataFrame, presentation: bool = False, trail: int = 20,
                 size: tuple[float, float] = (7.0, 5.9), dpi: int = 100,
                 text_scale: float = 1.0) -> None:
        self.trace = trace.reset_index(drop=True)
        self.trail = int(trail)
        scale = figure_scale(presentation)
        size_k = 1.1 if presentation else 1.0  # fonts grow more than the figure
        self.text_scale = float(text_scale)
        self.k = scale * self.text_scale  # font and line sizes
        k = self.k
        self.fig = Figure(figsize=(size[0] * size_k, size[1] * size_k), dpi=dpi)
        ax = self.fig.add_axes((0.02, 0.1 + 0.04 * (self.text_scale - 1), 0.96, 0.78))
        self.ax = ax
        self._background()
        fs = 11 * k
        self.title = self.fig.text(0.5, 0.965, "", ha="center", va="top", fontsize=fs * 1.25,
                                   weight="bold")
        self.subtitle = self.fig.text(0.5, 0.915, "", ha="center", va="top", fontsize=fs)
        self.caption = self.fig.text(0.5, 0.035, "", ha="center", va="bottom", fontsize=fs)
        (self.path,) = ax.plot([], [], color="#999999", lw=1.5 * k, zorder=3)
        (self.gaze,) = ax.plot([], [], color=INFANT_COLOUR, lw=1.2 * k, ls=":", zorder=4)
        self.caregiver = Circle((0, 0), 0.24, color=CAREGIVER_COLOUR, zorder=5)
        self.stranger = Circle((0, 0), 0.24, color=STRANGER_COLOUR, zorder=5)
        self.infant = Circle((0, 0), 0.14, color=INFANT_COLOUR, zorder=7)
        for patch in (self.caregiver, self.stranger, self.infant):
            ax.add_patch(patch)
        label = {"fontsize": fs * 0.95, "ha": "center", "va": "bottom", "zorder": 8}
        self.cg_label = ax.text(0, 0, "caregiver", color=CAREGIVER_COLOUR, weight="bold",
                                **label)
        self.st_label = ax.text(0, 0, "stranger", color=STRANGER_COLOUR, weight="bold", **label)
        self.in_label = ax.text(0, 0, "infant", color=INFANT_COLOUR, **{**label, "va": "top"})
        self.cry = ax.text(0, 0, "", color="#D55E00", fontsize=fs * 1.05, weight="bold",
                           ha="left", va="center", zorder=9)
        self.absent = ax.text(0.15, room.HEIGHT - 0.15, "", color="#555555", fontsize=fs * 0.9,
                              ha="left", va="top", style="italic", zorder=9)
        # the two lines from the infant, named (the path is not where it looks)
        self.fig.text(0.02, 0.085 + 0.04 * (self.text_scale - 1),
                      "grey line: the infant's path (last seconds); dotted: where it looks",
                      ha="left", va="bottom", fontsize=fs * 0.75, color="#555555")

    def _background(self) -> None:
        ax, k = self.ax, self.k
        ax.set_xlim(-0.35, room.WIDTH + 0.2)
        ax.set_ylim(-0.2, room.HEIGHT + 0.2)
        ax.set_aspect("equal")
        ax.axis("off")
        ax.add_patch(Rectangle((0, 0), room.WIDTH, room.HEIGHT, facecolor=_FLOOR,
                               edgecolor="none", zorder=0))
        dx, dy = room.DOOR
        gap = 0.5
        wall = {"color": _WALL, "lw": 4 * k, "solid_capstyle": "butt", "zorder": 1}
        ax.plot([0, room.WIDTH, room.WIDTH, 0, 0],
                [room.HEIGHT, room.HEIGHT, 0, 0, dy - gap], **wall)
        ax.plot([0, 0], [dy + gap, room.HEIGHT], **wall)
        ax.plot([0, 0.8], [dy + gap, dy + gap], color=_WALL, lw=2 * k, zorder=1)  # open door
        ax.add_patch(Arc((0, dy + gap), 2 * gap * 1.6, 2 * gap * 1.6, theta1=-90, theta2=0,
                         color="#999999", lw=1 * k, ls="--", zorder=1))
        fs = 10 * self.k
        ax.text(-0.08, dy, "door", rotation=90, ha="right", va="center", fontsize=fs,
                color=_WALL)
        for (cx, cy), who in ((room.CAREGIVER_CHAIR, "caregiver's chair"),
                              (room.STRANGER_CHAIR, "stranger's chair")):
            ax.add_patch(FancyBboxPatch((cx - 0.3, cy - 0.3), 0.6, 0.6,
                                        boxstyle="round,pad=0.02", facecolor=_FURNITURE,
                                        edgecolor="#8C7A62", lw=1 * k, zorder=2))
            ax.text(cx, cy - 0.38, who, ha="center", va="top", fontsize=fs * 0.85,
                    color="#6B5B45", zorder=2)
        tx, ty = room.TOYS
        ax.add_patch(FancyBboxPatch((tx - 0.8, ty - 0.75), 1.6, 1.5, boxstyle="round,pad=0.05",
                                    facecolor="#E5DED0", edgecolor="none", zorder=1))
        for (ox, oy), colour in zip(_TOYS_OFFSETS, _TOY_COLOURS, strict=True):
            ax.add_patch(Rectangle((tx + ox - 0.09, ty + oy - 0.09), 0.18, 0.18,
                                   facecolor=colour, edgecolor="none", zorder=2))
        ax.text(tx, ty - 0.8, "toys", ha="center", va="top", fontsize=fs * 0.85,
                color="#6B5B45", zorder=2)

    def moving_artists(self) -> list:
        """The artists :meth:`draw` changes (for blitting)."""
        return [self.title, self.subtitle, self.caption, self.path, self.gaze, self.caregiver,
                self.stranger, self.infant, self.cg_label, self.st_label, self.in_label,
                self.cry, self.absent]

    def _gaze_point(self, row: pd.Series) -> tuple[float, float] | None:
        g = int(row["gaze"])
        if g == Gaze.CAREGIVER and int(row["zone_caregiver"]) != 9:
            return float(row["caregiver_x"]), float(row["caregiver_y"])
        if g == Gaze.STRANGER and int(row["zone_stranger"]) != 9:
            return float(row["stranger_x"]), float(row["stranger_y"])
        if g == Gaze.DOOR:
            return room.DOOR
        if g == Gaze.TOYS:
            return room.TOYS
        return None

    def draw(self, t: int) -> Figure:
        """Update every moving part to second ``t`` of the trace; returns the figure."""
        row = _row(self.trace, t)
        ep = int(row["episode"])
        episode = EPISODES[ep - 1]
        self.title.set_text(f"Episode {ep}: {episode.name}")
        self.subtitle.set_text(f"{_clock(int(row['t_in_episode']))} into the episode  "
                               f"(second {int(row['second'])} of {len(self.trace)})")
        self.caption.set_text(textwrap.fill(describe_second(row), int(88 / self.text_scale)))
        x, y = float(row["x"]), float(row["y"])
        present_cg = int(row["zone_caregiver"]) != 9
        present_st = int(row["zone_stranger"]) != 9
        for patch, label, present, px, py in (
                (self.caregiver, self.cg_label, present_cg, row["caregiver_x"],
                 row["caregiver_y"]),
                (self.stranger, self.st_label, present_st, row["stranger_x"],
                 row["stranger_y"])):
            patch.set_visible(present)
            label.set_visible(present)
            patch.center = (float(px), float(py))
            label.set_position((float(px), float(py) + 0.27))
        away = [w for w, p in (("caregiver", present_cg), ("stranger", present_st)) if not p]
        self.absent.set_text((" and ".join(away) + " out of the room") if away else "")
        held = int(row["held"]) != 0
        # a held infant is drawn on the adult's shoulder, so both stay visible
        ix, iy = (x + 0.16, y + 0.12) if held else (x, y)
        self.infant.center = (ix, iy)
        self.in_label.set_text(f"infant: {short_label(row)}")
        if held:
            self.in_label.set_position((ix + 0.18, iy - 0.1))
            self.in_label.set_horizontalalignment("left")
        else:
            self.in_label.set_position((ix, iy - 0.17))
            self.in_label.set_horizontalalignment("center")
        lo = max(0, int(t) - self.trail)
        seg = self.trace.iloc[lo:int(t) + 1]
        self.path.set_data(seg["x"].to_numpy(), seg["y"].to_numpy())
        target = self._gaze_point(row)
        if target is None:
            self.gaze.set_data([], [])
        else:
            gx, gy = target
            d = np.hypot(gx - ix, gy - iy)
            if d < 0.3:
                self.gaze.set_data([], [])
            else:
                reach = min(0.7, d - 0.2) / d
                self.gaze.set_data([ix, ix + (gx - ix) * reach], [iy, iy + (gy - iy) * reach])
        cry = CRY_WORDS[Cry(int(row["cry"]))]
        self.cry.set_text({"": "", "fussing": "fuss", "crying hard": "CRY!"}[cry])
        self.cry.set_position((ix + 0.2, iy))
        return self.fig


def room_frame(trace: pd.DataFrame, t: int, *, presentation: bool = False,
               trail: int = 20, text_scale: float = 1.0) -> Figure:
    """The room at second ``t`` of a trace (0-based, over the whole procedure).

    ``text_scale`` enlarges the labels relative to the room (for small panels).
    """
    return RoomDrawer(trace, presentation=presentation, trail=trail,
                      text_scale=text_scale).draw(int(t))


def episode_seconds(trace: pd.DataFrame, episode: int) -> np.ndarray:
    """The seconds (0-based, whole procedure) of one episode of a trace."""
    return trace.index[trace["episode"].to_numpy() == int(episode)].to_numpy()


def room_gif(trace: pd.DataFrame, seconds: Sequence[int] | np.ndarray | None = None, *,
             step: int = 2, fps: int = 8, presentation: bool = False, width: int = 560,
             text_scale: float = 1.0) -> bytes:
    """An animated GIF of the room over ``seconds`` (default: the whole procedure).

    One frame every ``step`` seconds, played at ``fps`` frames per second; ``width`` pixels
    wide. Returns the GIF's bytes (nothing is written to disk).
    """
    from PIL import Image

    if seconds is None:
        seconds = np.arange(len(trace))
    seconds = np.asarray(seconds, dtype=int)[:: max(1, int(step))]
    if seconds.size == 0:
        raise ValueError("no seconds to animate")
    drawer = RoomDrawer(trace, presentation=presentation, trail=max(8, 4 * int(step)),
                        text_scale=text_scale)
    drawer.fig.set_dpi(width / drawer.fig.get_figwidth())
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    # blitting: the room is drawn once, then only the moving parts each frame
    canvas = FigureCanvasAgg(drawer.fig)
    moving = drawer.moving_artists()
    for artist in moving:
        artist.set_animated(True)
    canvas.draw()
    background = canvas.copy_from_bbox(drawer.fig.bbox)
    frames = []
    for t in seconds:
        drawer.draw(int(t))
        canvas.restore_region(background)
        for artist in moving:
            drawer.fig.draw_artist(artist)
        rgb = np.asarray(canvas.buffer_rgba())[:, :, :3]
        frames.append(Image.fromarray(rgb).quantize(colors=64,
                                                    method=Image.Quantize.FASTOCTREE))
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:],
                   duration=max(20, int(1000 / max(1, fps))), loop=0, optimize=False)
    return out.getvalue()
