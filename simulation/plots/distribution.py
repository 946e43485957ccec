"""Simulated distributions beside the published ones, and the subgroups.

:func:`distribution_figure` draws the simulated share of each classification with its 95%
Wilson interval beside the published bars of a study (grey), and names the source on the
figure. Published samples of the 1988 meta-analysis (van IJzendoorn & Kroonenberg) report the
forced three-way A/B/C, so against them the simulated bars are the forced A/B/C too (``abc_group``);
against a four-way source (with D) they are the four classifications.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..literature import PublishedDistribution
from ..stats import CLASSES, GROUP_OF, class_shares, wilson_interval
from .style import CLASS_COLOURS, GROUP_COLOURS, PUBLISHED_COLOUR, figure_scale

#: Group letter -> classification name.
CLASS_OF = {v: k for k, v in GROUP_OF.items()}
SUBGROUPS = ("A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2")



def _size(presentation: bool) -> float:
    """Figure-size factor: in presentation mode fonts grow by ``figure_scale`` (1.5) but the
    figure only a little, so that text is larger relative to a figure shown at a fixed width."""
    return 1.1 if presentation else 1.0

def simulated_shares(table: pd.DataFrame, four_way: bool = True) -> pd.DataFrame:
    """Count, share and 95% Wilson interval per classification (forced A/B/C if not four-way).

    Indexed by classification name (``secure``, ``avoidant``, ``ambivalent`` and, four-way,
    ``disorganized``).
    """
    if four_way:
        return class_shares(table["classification"])
    labels = table["abc_group"].map(CLASS_OF).rename("classification")
    return class_shares(labels, classes=CLASSES[:3])


def _published_list(published) -> list[PublishedDistribution]:
    if published is None:
        return []
    if isinstance(published, PublishedDistribution):
        return [published]
    return list(published)


def distribution_figure(
    table: pd.DataFrame,
    published: PublishedDistribution | Sequence[PublishedDistribution] | None = None,
    *,
    presentation: bool = False,
    title: str | None = None,
    published_ci: bool = False,
) -> Figure:
    """Simulated shares (class colours, 95% CIs) beside published bars (grey), source named.

    If no published distribution is given, or one reports D, the four classifications are
    shown; otherwise the forced A/B/C. ``published_ci`` also draws the 95% Wilson interval a
    published share has at its sample size (how closely a small study pins it down).
    """
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 10 * k
    pubs = _published_list(published)
    four_way = not pubs or any("D" in p.shares for p in pubs)
    sim = simulated_shares(table, four_way=four_way)
    classes = list(sim.index)
    n = int(sim["count"].sum())
    fig = Figure(figsize=(8.5 * sz, 4.8 * sz), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    n_bars = 1 + len(pubs)
    width = 0.8 / n_bars
    x = np.arange(len(classes))
    share = sim["share"].to_numpy()
    err = np.clip(np.vstack([share - sim["ci_low"].to_numpy(),
                             sim["ci_high"].to_numpy() - share]), 0.0, None)
    offset0 = -0.4 + width / 2
    ax.bar(x + offset0, share, width * 0.95, color=[CLASS_COLOURS[c] for c in classes],
           yerr=err, capsize=4 * k, error_kw={"lw": 1.2 * k}, label=f"simulated (n = {n:,})")
    for xi, s, hi in zip(x + offset0, share, sim["ci_high"].to_numpy(), strict=True):
        ax.text(xi, hi + 0.015, f"{s:.0%}", ha="center", va="bottom", fontsize=fs * 0.95,
                weight="bold")
    hatches = ("//", "..", "xx", "\\\\")
    for j, pub in enumerate(pubs):
        values = np.array([pub.shares.get(GROUP_OF[c], np.nan) for c in classes])
        xs = x + offset0 + (j + 1) * width
        tops = np.nan_to_num(values)
        pub_err = None
        if published_ci:
            lo, hi = wilson_interval(np.round(np.nan_to_num(values) * pub.n), pub.n)
            pub_err = np.clip(np.vstack([tops - lo, hi - tops]), 0.0, None)
            tops = np.maximum(tops, hi)
        ax.bar(xs, np.nan_to_num(values), width * 0.95, color=PUBLISHED_COLOUR,
               hatch=hatches[j % len(hatches)], edgecolor="white", lw=0,
               yerr=pub_err, capsize=4 * k, error_kw={"lw": 1.2 * k, "ecolor": "#555555"},
               label=f"published: {pub.label} (n = {pub.n:,})")
        for xi, v, top in zip(xs, values, tops, strict=True):
            if not np.isnan(v):
                ax.text(xi, top + 0.015, f"{v:.0%}", ha="center", va="bottom",
                        fontsize=fs * 0.9, color="#555555")
    names = [c if four_way else f"{c} ({GROUP_OF[c]})" for c in classes]
    ax.set_xticks(x, names, fontsize=fs)
    ax.set_ylabel("share of infants" + ("" if four_way else " (forced A/B/C)"), fontsize=fs)
    top = max(float(sim["ci_high"].max()),
              max((max(p.shares.values()) + (0.1 if published_ci else 0.0) for p in pubs),
                  default=0.0))
    ax.set_ylim(0, min(1.0, top + 0.12) if top < 0.9 else 1.08)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.tick_params(axis="y", labelsize=fs)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=fs * 0.85, frameon=False, loc="upper right")
    if title:
        ax.set_title(title, fontsize=fs * 1.2, loc="left")
    notes = ["Simulated: 95% Wilson intervals."
             + (" Published: the 95% interval at the study's sample size." if published_ci
                else "")]
    for pub in pubs:
        caveat = " (from a secondary summary; check the original)" if pub.check else ""
        notes.append(f"Published ({pub.label}): {pub.source}{caveat}.")
    width = int(125 * sz / k)  # characters per line at this font size
    text = "\n".join(textwrap.fill(line, width, subsequent_indent="  ") for line in notes)
    ax.annotate(text, xy=(0, 0), xycoords="axes fraction", xytext=(0, -22 * k),
                textcoords="offset points", fontsize=fs * 0.75, color="#444444", ha="left",
                va="top")
    return fig


def subgroup_figure(table: pd.DataFrame, *, presentation: bool = False,
                    title: str | None = None) -> Figure:
    """Shares of the forced subgroups A1-C2, coloured by group, with the D share noted."""
    k = figure_scale(presentation)
    sz = _size(presentation)
    fs = 10 * k
    counts = table["subgroup"].value_counts().reindex(SUBGROUPS, fill_value=0)
    n = max(1, len(table))
    shares = counts.to_numpy() / n
    fig = Figure(figsize=(8.5 * sz, 3.6 * sz), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(SUBGROUPS))
    ax.bar(x, shares, 0.75, color=[GROUP_COLOURS[s[0]] for s in SUBGROUPS])
    for xi, s in zip(x, shares, strict=True):
        ax.text(xi, s + 0.01, f"{s:.0%}", ha="center", va="bottom", fontsize=fs * 0.9)
    ax.set_xticks(x, SUBGROUPS, fontsize=fs)
    ax.set_ylabel("share of infants", fontsize=fs)
    ax.set_ylim(0, max(0.1, float(shares.max()) + 0.08))
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.tick_params(axis="y", labelsize=fs)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    d = float((table["group"] == "D").mean()) if "group" in table else 0.0
    ax.set_title(title or f"Forced subgroups (D rated 5+ in {d:.0%}, shown in their "
                 "best-fitting subgroup)", fontsize=fs * 1.1, loc="left")
    return fig
