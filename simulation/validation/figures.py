"""Figures of ``ssp validate --figures DIR``: each check beside its source, for projection.

- ``distributions.png``: every population preset, simulated (class colours, 95% Wilson
  interval) beside the published distribution (grey, hatched, with the interval its sample size
  allows), the source and N on each panel.
- ``distribution-<name>.png``: one population, large (``simulation.plots.distribution``).
- ``episodes.png``: crying, exploration and internal arousal by episode and classification in the
  global population (``simulation.plots.profiles.episode_profile``).
- ``reunions.png``: the interactive scales of episodes 5 and 8 by classification
  (``simulation.plots.profiles.reunion_profile``).
- ``trends.png``: the predicted caregiving trends (secure vs responsiveness, ambivalent vs
  consistency, avoidant vs warmth, disorganized vs frightening), 95% Wilson intervals.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from ..literature import COUNTRIES, DISTRIBUTIONS
from ..plots.distribution import distribution_figure
from ..plots.profiles import episode_profile, reunion_profile
from ..plots.style import GROUP_COLOURS, PUBLISHED_COLOUR, figure_scale
from ..stats import wilson_interval
from .checks import PROFILE_POPULATION, TRENDS, trend_series
from .cohorts import CohortProvider, shares

ABCD = ("A", "B", "C", "D")
#: Groups with fewer infants are left out of the profile figures (their means are noise).
MIN_GROUP = 20
POPULATIONS = ("global", "baltimore", *COUNTRIES, "low-risk-abcd")
NAMES = {"A": "avoidant", "B": "secure", "C": "ambivalent", "D": "disorganized"}
SHORT_NAMES = {"A": "avoid.", "B": "secure", "C": "ambiv.", "D": "disorg."}


def distributions_overview(provider: CohortProvider, presentation: bool = True) -> Figure:
    """All population presets: simulated vs published shares with 95% intervals."""
    k = figure_scale(presentation)
    fs = 8.5 * k
    fig = Figure(figsize=(13 * k, 9.2 * k), dpi=100, layout="constrained")
    axes = fig.subplots(3, 4).ravel()
    for ax, key in zip(axes[:len(POPULATIONS)], POPULATIONS, strict=True):
        pub = DISTRIBUTIONS[key]
        four_way = "D" in pub.shares
        classes = ("A", "B", "C", "D") if four_way else ("A", "B", "C")
        column = "group" if four_way else "abc_group"
        table = provider.population(key)
        n = len(table)
        sim = shares(table[column], classes)
        published = np.array([pub.shares[c] for c in classes])
        x = np.arange(len(classes))
        lo, hi = wilson_interval(np.round(sim * n), n)
        ax.bar(x - 0.2, sim, 0.38, color=[GROUP_COLOURS[c] for c in classes],
               yerr=np.vstack([sim - lo, hi - sim]), capsize=2.5 * k,
               error_kw={"lw": 1.0 * k}, label=f"simulated (n = {n:,})")
        plo, phi = wilson_interval(np.round(published * pub.n), pub.n)
        ax.bar(x + 0.2, published, 0.38, color=PUBLISHED_COLOUR, hatch="//",
               edgecolor="white", lw=0, yerr=np.vstack([np.clip(published - plo, 0, None),
                                                        np.clip(phi - published, 0, None)]),
               capsize=2.5 * k, error_kw={"lw": 1.0 * k, "ecolor": "#555555"},
               label=f"published (N = {pub.n:,})")
        for xi, s, top, p, ptop in zip(x, sim, hi, published, phi, strict=True):
            ax.text(xi - 0.2, max(s, top) + 0.015, f"{s:.0%}", ha="center", va="bottom",
                    fontsize=fs * 0.85, weight="bold")
            ax.text(xi + 0.2, max(p, ptop) + 0.015, f"{p:.0%}", ha="center", va="bottom",
                    fontsize=fs * 0.85, color="#555555")
        names = SHORT_NAMES if four_way else NAMES
        ax.set_xticks(x, [f"{c}\n{names[c]}" for c in classes], fontsize=fs * 0.85)
        ax.set_ylim(0, 1.0)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0], ["0", "25%", "50%", "75%", "100%"],
                      fontsize=fs * 0.8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        source = _short(pub.source)
        studies = f"{pub.studies} stud{'y' if pub.studies == 1 else 'ies'}"
        title = {"global": "Global: 32 studies, 8 countries",
                 "low-risk-abcd": "Low-risk samples, with D"}.get(key, pub.label)
        ax.set_title(title, fontsize=fs * 1.1, loc="left", weight="bold", pad=26 * k)
        ax.text(0.0, 1.01, f"{source}\npublished N = {pub.n:,}, {studies}"
                + (" (check)" if pub.check else "") + f"; simulated n = {n:,}",
                transform=ax.transAxes, fontsize=fs * 0.8, color="#444444", ha="left",
                va="bottom")
    note = ("Simulated: population preset (calibrated to the published shares: a fit, not a "
            "test), fresh cohort, 95% Wilson intervals. Published: grey, with the 95% interval "
            "its sample size allows; 1988 samples are forced A/B/C (D was not yet coded), so "
            "simulated bars there are the forced A/B/C. '(check)': figure from a secondary "
            "summary. Sources: van IJzendoorn & Kroonenberg (1988), Child Development 59, "
            "147-156; Ainsworth, Blehar, Waters & Wall (1978), Patterns of attachment; van "
            "IJzendoorn, Schuengel & Bakermans-Kranenburg (1999), Development and "
            "Psychopathology 11, 225.")
    fig.suptitle("Simulated vs published attachment distributions", fontsize=fs * 1.5,
                 x=0.01, ha="left")
    for spare in axes[len(POPULATIONS):]:
        spare.axis("off")
    from matplotlib.patches import Patch

    key = [Patch(color=GROUP_COLOURS[c], label=f"simulated: {NAMES[c]} ({c})") for c in ABCD]
    key.append(Patch(facecolor=PUBLISHED_COLOUR, hatch="//", edgecolor="white",
                     label="published"))
    axes[-1].legend(handles=key, loc="upper left", fontsize=fs * 0.9, frameon=False,
                    title="bars (error bars: 95% intervals)", title_fontsize=fs * 0.9)
    axes[-1].text(0.0, 0.52, textwrap.fill(note, 50), transform=axes[-1].transAxes,
                  fontsize=fs * 0.72, va="top", ha="left", color="#444444")
    return fig


def _short(source: str) -> str:
    if source.startswith("van IJzendoorn & Kroonenberg"):
        return "van IJzendoorn & Kroonenberg 1988"
    if source.startswith("Ainsworth"):
        return "Ainsworth et al. 1978"
    if source.startswith("van IJzendoorn, Schuengel"):
        return "van IJzendoorn et al. 1999"
    return source


def trends_figure(provider: CohortProvider, presentation: bool = True) -> Figure:
    """The predicted caregiving trends, one panel per class."""
    k = figure_scale(presentation)
    fs = 9 * k
    fig = Figure(figsize=(12 * k, 8 * k), dpi=100, layout="constrained")
    axes = fig.subplots(2, 2).ravel()
    panels = {"B": axes[0], "C": axes[1], "A": axes[2], "D": axes[3]}
    styles = ["-", "--", ":"]
    used: dict[str, int] = {}
    for trend, reference, claim in TRENDS.values():
        ax = panels[trend.group]
        s, n = trend_series(provider, trend)
        lo, hi = wilson_interval(np.round(s * n), n)
        i = used.get(trend.group, 0)
        used[trend.group] = i + 1
        fixed = ", ".join(f"{k_} {v:g}" for k_, v in trend.fixed.items())
        ax.plot(trend.levels, s, styles[i % 3], marker="o", color=GROUP_COLOURS[trend.group],
                lw=2 * k, ms=4 * k, label=fixed)
        ax.fill_between(trend.levels, lo, hi, color=GROUP_COLOURS[trend.group], alpha=0.15,
                        lw=0)
        ax.set_xlabel(trend.axis, fontsize=fs)
        ax.set_ylabel(f"{NAMES[trend.group]} share",
                      fontsize=fs)
        ax.set_title(f"{claim}  ({reference})", fontsize=fs * 0.95, loc="left")
    for ax in axes:
        ax.set_ylim(-0.02, 1.02)
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.tick_params(labelsize=fs * 0.9)
        ax.legend(fontsize=fs * 0.8, frameon=False, title="fixed", title_fontsize=fs * 0.8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.suptitle("Predicted: caregiving moves the classification (cell cohorts, temperament "
                 "drawn; bands: 95% Wilson intervals)", fontsize=fs * 1.25, x=0.01, ha="left")
    return fig


def write_figures(provider: CohortProvider, out: Path, presentation: bool = True
                  ) -> list[Path]:
    """Write every figure into ``out`` (created); returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def save(fig: Figure, name: str) -> None:
        path = out / f"{name}.png"
        tmp = out / f".{name}.tmp.png"
        fig.savefig(tmp, dpi=100)
        tmp.replace(path)
        written.append(path)

    save(distributions_overview(provider, presentation), "distributions")
    for key in POPULATIONS:
        pub = DISTRIBUTIONS[key]
        save(distribution_figure(provider.population(key), pub, presentation=presentation,
                                 published_ci=True,
                                 title=f"Population preset '{key}' (calibrated) vs "
                                 f"{pub.label}"), f"distribution-{key}")
    table = provider.population(PROFILE_POPULATION)
    counts = table["classification"].value_counts()
    shown = table[table["classification"].map(counts) >= MIN_GROUP]
    dropped = ", ".join(f"{counts[c]} {c}" for c in counts.index if counts[c] < MIN_GROUP)
    note = f"; {dropped} not drawn" if dropped else ""
    save(episode_profile(shown, ("crying", "exploration", "arousal"),
                         presentation=presentation,
                         title=f"Episode by episode ('{PROFILE_POPULATION}' population, n = "
                         f"{len(table):,}{note}; bands: 95% CI)"), "episodes")
    save(reunion_profile(shown, presentation=presentation,
                         title=f"Reunions ('{PROFILE_POPULATION}' population, n = "
                         f"{len(table):,}{note}; bars: 95% CI)"), "reunions")
    save(trends_figure(provider, presentation), "trends")
    return written
