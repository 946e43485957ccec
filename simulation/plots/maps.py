"""Maps of the classification over two caregiving parameters (responsiveness x consistency).

:func:`grid_shares` turns a per-infant table of a grid design
(:class:`simulation.cell_design.CellDesign`) into one row per cell with the share of each
classification; :func:`classification_map` colours each cell by its dominant classification
(paler where it dominates less) and :func:`share_maps` shows each classification's share. The
current setting can be marked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..stats import CLASSES
from .style import CLASS_COLOURS, figure_scale

_LABELS = {"responsiveness": "responsiveness", "consistency": "consistency",
           "warmth": "warmth", "frightening": "frightening"}



def _size(presentation: bool) -> float:
    """Figure-size factor: in presentation mode fonts grow by ``figure_scale`` (1.5) but the
    figure only a little, so that text is larger relative to a figure shown at a fixed width."""
    return 1.1 if presentation else 1.0

def grid_shares(table: pd.DataFrame, x: str = "responsiveness",
                y: str = "consistency") -> pd.DataFrame:
    """One row per (x, y) cell: n and the share of each classification, and the dominant one."""
    keyed = table.assign(_x=table[x].round(6), _y=table[y].round(6))
    counts = pd.crosstab([keyed["_x"], keyed["_y"]], keyed["classification"])
    counts = counts.reindex(columns=list(CLASSES), fill_value=0)
    n = counts.sum(axis=1)
    shares = counts.div(n, axis=0)
    shares["n"] = n
    shares["dominant"] = counts[list(CLASSES)].idxmax(axis=1)
    shares.index = shares.index.set_names([x, y])
    return shares.reset_index()


def _edges(values: np.ndarray) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    if v.size == 1:
        return np.array([v[0] - 0.05, v[0] + 0.05])
    mid = (v[1:] + v[:-1]) / 2
    return np.concatenate([[v[0] - (mid[0] - v[0])], mid, [v[-1] + (v[-1] - mid[-1])]])


def _pivot(shares: pd.DataFrame, x: str, y: str, column: str):
    p = shares.pivot(index=y, columns=x, values=column).sort_index().sort_index(axis=1)
    return p.columns.to_numpy(dtype=float), p.index.to_numpy(dtype=float), p.to_numpy()


def _mark(ax, current, k: float) -> None:
    if current is not None:
        ax.plot([current[0]], [current[1]], marker="*", ms=20 * k, color="black",
                markeredgecolor="white", markeredgewidth=1.5 * k, zorder=5,
                label="current setting")


def classification_map(shares: pd.DataFrame, *, x: str = "responsiveness",
                       y: str = "consistency", current: tuple[float, float] | None = None,
                       presentation: bool = False, title: str | None = None,
                       annotate: bool = True) -> Figure:
    """Each cell coloured by its dominant classification, paler where it dominates less.

    ``annotate`` writes the dominant share in each cell; ``current`` (x, y) is marked with a
    star.
    """
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 9.5 * k
    xs, ys, dominant = _pivot(shares, x, y, "dominant")
    share = np.zeros(dominant.shape)
    rgb = np.ones(dominant.shape + (3,))
    lookup = shares.set_index([y, x])
    for i, yv in enumerate(ys):
        for j, xv in enumerate(xs):
            name = dominant[i, j]
            if not isinstance(name, str):
                continue
            s = float(lookup.loc[(yv, xv), name])
            share[i, j] = s
            strength = 0.3 + 0.7 * min(1.0, max(0.0, (s - 0.25) / 0.75))
            rgb[i, j] = 1 - strength * (1 - np.array(to_rgb(CLASS_COLOURS[name])))
    fig = Figure(figsize=(7.2 * sz, 6.0 * sz), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ex, ey = _edges(xs), _edges(ys)
    ax.imshow(rgb, origin="lower", extent=(ex[0], ex[-1], ey[0], ey[-1]), aspect="auto",
              interpolation="nearest")
    if annotate and xs.size * ys.size <= 196:
        for i, yv in enumerate(ys):
            for j, xv in enumerate(xs):
                if isinstance(dominant[i, j], str):
                    ax.text(xv, yv, f"{share[i, j]:.0%}", ha="center", va="center",
                            fontsize=fs * (0.8 if xs.size > 9 else 0.95),
                            color="white" if share[i, j] > 0.6 else "#222222")
    _mark(ax, current, k)
    ax.set_xlabel(_LABELS.get(x, x), fontsize=fs * 1.1)
    ax.set_ylabel(_LABELS.get(y, y), fontsize=fs * 1.1)
    ax.tick_params(labelsize=fs)
    present = [c for c in CLASSES if (shares["dominant"] == c).any()]
    handles = [Patch(color=CLASS_COLOURS[c], label=c) for c in present]
    if current is not None:
        handles.append(ax.lines[-1])
    ax.legend(handles=handles, fontsize=fs * 0.9, loc="upper left", bbox_to_anchor=(1.01, 1),
              frameon=False, title="dominant", title_fontsize=fs * 0.9)
    ax.set_title(title or "Most common classification (paler: a narrower majority; numbers: "
                 "its share)", fontsize=fs * 1.1, loc="left")
    return fig


def share_maps(shares: pd.DataFrame, *, x: str = "responsiveness", y: str = "consistency",
               current: tuple[float, float] | None = None, presentation: bool = False,
               title: str | None = None) -> Figure:
    """One panel per classification: its share in each cell (white 0% to its colour 100%)."""
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 9 * k
    fig = Figure(figsize=(10 * sz, 8.4 * sz), dpi=100, layout="constrained")
    axes = fig.subplots(2, 2, sharex=True, sharey=True).ravel()
    for ax, name in zip(axes, CLASSES, strict=True):
        xs, ys, values = _pivot(shares, x, y, name)
        cmap = LinearSegmentedColormap.from_list(name, ["#FFFFFF", CLASS_COLOURS[name]])
        ex, ey = _edges(xs), _edges(ys)
        image = ax.imshow(values.astype(float), origin="lower", cmap=cmap, vmin=0, vmax=1,
                          extent=(ex[0], ex[-1], ey[0], ey[-1]), aspect="auto",
                          interpolation="nearest")
        bar = fig.colorbar(image, ax=ax, shrink=0.85, format=lambda v, _: f"{v:.0%}")
        bar.ax.tick_params(labelsize=fs * 0.85)
        _mark(ax, current, k * 0.8)
        ax.set_title(name, fontsize=fs * 1.2, color=CLASS_COLOURS[name], weight="bold")
        ax.tick_params(labelsize=fs)
    for ax in axes[2:]:
        ax.set_xlabel(_LABELS.get(x, x), fontsize=fs * 1.1)
    for ax in axes[::2]:
        ax.set_ylabel(_LABELS.get(y, y), fontsize=fs * 1.1)
    fig.suptitle(title or "Share of each classification" +
                 (" (star: current setting)" if current is not None else ""),
                 fontsize=fs * 1.25, x=0.01, ha="left")
    return fig
