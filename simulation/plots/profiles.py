"""Profiles by group: behaviour across the eight episodes, and the reunion scales.

Plain functions over a per-infant table (:func:`simulation.run_cohort` ``.table``), each
returning a matplotlib Figure, one line per classification in its colour.

- :func:`episode_profile`: mean crying and exploration per episode (rates: 15-s intervals with
  the behaviour per interval of the episode as run, Ainsworth et al. 1978, ch. 3), optionally
  with internal arousal beside them (the avoidant infant's hidden distress).
- :func:`reunion_profile`: mean interactive scales toward the caregiver in episodes 5 and 8
  (1-7; Ainsworth et al. 1978, Appendix III).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..episodes import REUNIONS
from ..stats import CLASSES
from .style import CLASS_COLOURS, GROUP_COLOURS, figure_scale

#: Measures :func:`episode_profile` can draw: column pattern, axis label.
MEASURES = {
    "crying": ("ep{e}_crying", "crying rate\n(per 15-s interval)"),
    "exploration": ("ep{e}_exploration", "exploration rate\n(per 15-s interval)"),
    "arousal": ("internal_arousal_ep{e}", "internal arousal (0-1)\n(hidden from the coder)"),
}
#: The reunion scales drawn by :func:`reunion_profile` (column suffixes), with short labels.
REUNION_SCALES = {
    "proximity_seeking": "proximity\nseeking",
    "contact_maintaining": "contact\nmaintaining",
    "resistance": "resistance",
    "avoidance": "avoidance",
    "distance_interaction": "distance\ninteraction",
}



def _size(presentation: bool) -> float:
    """Figure-size factor: in presentation mode fonts grow by ``figure_scale`` (1.5) but the
    figure only a little, so that text is larger relative to a figure shown at a fixed width."""
    return 1.1 if presentation else 1.0

def _groups(table: pd.DataFrame, by: str) -> list[tuple[str, pd.DataFrame, str]]:
    """(label, rows, colour) for each non-empty group, in the standard order."""
    if by == "classification":
        order, colours = CLASSES, CLASS_COLOURS
    elif by in ("group", "abc_group"):
        order, colours = ("B", "A", "C", "D"), GROUP_COLOURS
    else:
        raise ValueError(f"group by 'classification', 'group' or 'abc_group', not {by!r}")
    out = []
    for name in order:
        rows = table[table[by] == name]
        if len(rows):
            out.append((name, rows, colours[name]))
    return out


def _mean_ci(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and half-width of a normal-approximation 95% interval, per column."""
    n = values.shape[0]
    mean = values.mean(axis=0)
    if n < 2:
        return mean, np.zeros_like(mean)
    return mean, 1.96 * values.std(axis=0, ddof=1) / np.sqrt(n)


def episode_profile(
    table: pd.DataFrame,
    measures: Sequence[str] = ("crying", "exploration"),
    *,
    by: str = "classification",
    presentation: bool = False,
    title: str | None = None,
) -> Figure:
    """Mean of each measure per episode, one line per group (95% band), one panel per measure."""
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 9.5 * k
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise ValueError(f"unknown measure(s) {unknown}; choose from {list(MEASURES)}")
    fig = Figure(figsize=(4.6 * len(measures) * sz, 4.0 * sz), dpi=100, layout="constrained")
    axes = fig.subplots(1, len(measures), squeeze=False)[0]
    episodes = np.arange(1, 9)
    groups = _groups(table, by)
    for ax, measure in zip(axes, measures, strict=True):
        pattern, label = MEASURES[measure]
        cols = [pattern.format(e=e) for e in episodes]
        for e in REUNIONS:
            ax.axvspan(e - 0.5, e + 0.5, color="#EDEDED", lw=0, zorder=0)
        for name, rows, colour in groups:
            mean, half = _mean_ci(rows[cols].to_numpy(dtype=float))
            ax.plot(episodes, mean, "o-", color=colour, lw=2 * k, ms=4 * k,
                    label=f"{name} (n = {len(rows)})")
            ax.fill_between(episodes, mean - half, mean + half, color=colour, alpha=0.18, lw=0)
        ax.set_xticks(episodes, [str(e) for e in episodes], fontsize=fs)
        ax.set_xlabel("episode (reunions 5 and 8 shaded)", fontsize=fs * 0.9)
        ax.set_xlim(0.5, 8.5)
        ax.set_ylim(0, 1.02)
        ax.set_ylabel(label, fontsize=fs)
        ax.tick_params(axis="y", labelsize=fs)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    if groups:
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center",
                   ncol=len(groups), fontsize=fs * 0.9, frameon=False)
    fig.suptitle(title or "Episode by episode, by classification (bands: 95% CI of the mean)",
                 fontsize=fs * 1.15, x=0.01, ha="left")
    return fig


def reunion_profile(table: pd.DataFrame, *, by: str = "classification",
                    presentation: bool = False, title: str | None = None) -> Figure:
    """Mean interactive scales toward the caregiver in episodes 5 and 8, one line per group."""
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 9.5 * k
    fig = Figure(figsize=(10 * sz, 4.0 * sz), dpi=100, layout="constrained")
    axes = fig.subplots(1, 2, sharey=True)
    x = np.arange(len(REUNION_SCALES))
    groups = _groups(table, by)
    for ax, e in zip(axes, REUNIONS, strict=True):
        cols = [f"ep{e}_{s}" for s in REUNION_SCALES]
        for g, (name, rows, colour) in enumerate(groups):
            mean, half = _mean_ci(rows[cols].to_numpy(dtype=float))
            dodge = (g - (len(groups) - 1) / 2) * 0.07  # keep the error bars apart
            ax.errorbar(x + dodge, mean, yerr=half, fmt="o-", color=colour, lw=2 * k, ms=5 * k,
                        capsize=3 * k, label=f"{name} (n = {len(rows)})")
        ax.set_xticks(x, list(REUNION_SCALES.values()), fontsize=fs * 0.85)
        ax.set_ylim(0.8, 7.2)
        ax.set_yticks(range(1, 8))
        ax.tick_params(axis="y", labelsize=fs)
        ax.set_title(f"Episode {e}: {'first' if e == 5 else 'second'} reunion",
                     fontsize=fs * 1.05)
        ax.grid(axis="y", color="#EEEEEE")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[0].set_ylabel("mean score toward\nthe caregiver (1-7)", fontsize=fs)
    if groups:
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center",
                   ncol=len(groups), fontsize=fs * 0.9, frameon=False)
    fig.suptitle(title or "Reunion behaviour by classification (Ainsworth's interactive "
                 "scales; bars: 95% CI)", fontsize=fs * 1.15, x=0.01, ha="left")
    return fig


def profile_table(table: pd.DataFrame, measure: str = "crying",
                  by: str = "classification") -> pd.DataFrame:
    """The numbers behind :func:`episode_profile`: mean per group (rows) and episode."""
    pattern, _ = MEASURES[measure]
    cols = [pattern.format(e=e) for e in range(1, 9)]
    out = {name: rows[cols].mean().to_numpy() for name, rows, _ in _groups(table, by)}
    return pd.DataFrame(out, index=pd.Index(range(1, 9), name="episode")).T


#: Line styles of :func:`working_model_course` (not the classification colours).
_COURSE_STYLES = (("#222222", "-"), ("#8C8C8C", "--"), ("#56B4E9", "-"), ("#D55E00", ":"))


def working_model_course(
    course: pd.DataFrame,
    *,
    variables: Sequence[str] = ("trust", "volatility", "rebuff", "signal_gain", "fear"),
    change_month: float | None = None,
    presentation: bool = False,
    title: str | None = None,
) -> Figure:
    """The working model month by month: one panel per variable, one line per ``line`` label.

    ``course`` has columns ``line`` (e.g. "with the change", "second caregiver"), ``variable``,
    ``month``, ``mean`` and optionally ``q25``/``q75`` (drawn as a band). ``change_month`` draws a
    vertical line where care changed.
    """
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 10 * k
    ncols = min(3, len(variables))
    nrows = -(-len(variables) // ncols)
    fig = Figure(figsize=(3.3 * ncols * sz, 2.7 * nrows * sz), dpi=100, layout="constrained")
    grid = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
    axes = grid[:len(variables)]
    lines = list(dict.fromkeys(course["line"]))
    for ax, var in zip(axes, variables, strict=True):
        for i, line in enumerate(lines):
            colour, style = _COURSE_STYLES[i % len(_COURSE_STYLES)]
            rows = course[(course["line"] == line) & (course["variable"] == var)]
            rows = rows.sort_values("month")
            ax.plot(rows["month"], rows["mean"], color=colour, ls=style, lw=2 * k, label=line)
            if {"q25", "q75"} <= set(rows.columns):
                ax.fill_between(rows["month"], rows["q25"], rows["q75"], color=colour,
                                alpha=0.12, lw=0)
        if change_month is not None:
            ax.axvline(change_month, color="#555555", lw=1 * k, ls=":")
        ax.set_title(var.replace("_", " "), fontsize=fs * 1.1)
        ax.set_ylim(0, 1)
        ax.set_xlabel("age (months)", fontsize=fs)
        ax.tick_params(labelsize=fs * 0.9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    for ax in axes[::ncols]:
        ax.set_ylabel("mean (band: middle half)", fontsize=fs * 0.9)
    handles, labels = axes[0].get_legend_handles_labels()
    if len(grid) > len(variables):
        for spare in grid[len(variables):]:
            spare.axis("off")
        grid[-1].legend(handles, labels, fontsize=fs, frameon=False, loc="center")
    else:
        axes[-1].legend(fontsize=fs * 0.85, frameon=False, loc="lower right")
    fig.suptitle(title or "The working model, month by month (internal: the coder never sees "
                 "it)", fontsize=fs * 1.2, x=0.01, ha="left")
    return fig
