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
- ``normative.png``: the episode profiles beside the published trends (Ainsworth et al. 1978,
  ch. 5): crying, exploration, search and the reunion scales by episode and group, and the
  separations cut short by group; each panel states the published direction it is checked
  against (directions only: no published values are drawn).
- ``subgroups.png``: the subgroup distribution of the global population beside the published
  directions.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from ..episodes import REUNIONS, SEPARATIONS
from ..literature import COUNTRIES, DISTRIBUTIONS
from ..plots.distribution import distribution_figure
from ..plots.profiles import episode_profile, reunion_profile
from ..plots.style import GROUP_COLOURS, PUBLISHED_COLOUR, figure_scale
from ..stats import wilson_interval
from .base import mean_se, short_source
from .cohorts import CohortProvider, shares
from .normative import PROFILE_POPULATION, curtailed, scales_wide
from .subgroups import SUBGROUP_POPULATION, SUBGROUPS, subgroup_counts
from .trends import TRENDS, trend_series

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
        source = short_source(pub.source)
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


#: The normative panels: measure, column pattern, axis label, y range, and the published
#: direction it is checked against (direction only). Crying and exploration come from the
#: per-infant table, the scales (toward the caregiver) from the long scales table.
NORMATIVE_PANELS = (
    ("crying", "ep{e}_crying", "crying rate (per 15-s interval)", (0, 1.02),
     "low before separation, up in ep 4, highest alone (ep 6), lower in ep 7; "
     "A least, C most"),
    ("exploration", "ep{e}_exploration", "exploration rate (per 15-s interval)", (0, 1.02),
     "high in ep 2, declines in the separations, lower in the reunions than in ep 2; "
     "A explores throughout, C little even in ep 2"),
    ("search", "ep{e}_search", "search for the caregiver (1-7)", (0.8, 7.2),
     "scored in the separations: above 1 (none)"),
    ("proximity_seeking", "ep{e}_proximity_seeking", "proximity seeking to caregiver (1-7)",
     (0.8, 7.2), "rises in the reunions: ep 8 above ep 5, both above ep 2"),
    ("contact_maintaining", "ep{e}_contact_maintaining",
     "contact maintaining to caregiver (1-7)", (0.8, 7.2),
     "rises in the reunions: ep 5 and ep 8 above ep 2"),
)


def _profile_groups(table) -> list[tuple[str, object, str, str]]:
    """(label, rows, colour, style): the whole sample (black, dashed) and each group with at
    least :data:`MIN_GROUP` infants."""
    out = [(f"all (n = {len(table):,})", table, "#000000", "--")]
    for g in ("B", "A", "C", "D"):
        rows = table[table["group"] == g]
        if len(rows) >= MIN_GROUP:
            out.append((f"{g} {NAMES[g]} (n = {len(rows):,})", rows, GROUP_COLOURS[g], "-"))
    return out


def _style_axis(ax, fs: float) -> None:
    ax.set_xticks(range(1, 9), [str(e) for e in range(1, 9)], fontsize=fs)
    ax.set_xlim(0.5, 8.5)
    ax.tick_params(axis="y", labelsize=fs)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def normative_figure(provider: CohortProvider, presentation: bool = True) -> Figure:
    """Episode profiles by group beside the published normative trends, and curtailment."""
    k = figure_scale(presentation)
    fs = 8.5 * k
    table = provider.population(PROFILE_POPULATION)
    scales = provider.scales(PROFILE_POPULATION)
    fig = Figure(figsize=(15 * k, 9.6 * k), dpi=100, layout="constrained")
    axes = fig.subplots(2, 3).ravel()
    for ax, (measure, pattern, label, ylim, published) in zip(axes, NORMATIVE_PANELS,
                                                              strict=False):
        data = (table if measure in ("crying", "exploration")
                else scales_wide(table, scales, measure))
        for e in SEPARATIONS:
            ax.axvspan(e - 0.5, e + 0.5, color="#F3E6EC", lw=0, zorder=0)
        for e in REUNIONS:
            ax.axvspan(e - 0.5, e + 0.5, color="#E8EEF4", lw=0, zorder=0)
        episodes = np.arange(1, 9)
        for name, rows, colour, style in _profile_groups(data):
            mean, half = np.full(8, np.nan), np.zeros(8)
            for i, e in enumerate(episodes):  # not scored: NaN, which breaks the line
                column = pattern.format(e=e)
                values = rows[column].dropna() if column in rows else rows.iloc[:0, 0]
                if len(values):
                    m, se = mean_se(values)
                    mean[i], half[i] = m, (1.96 * se if np.isfinite(se) else 0.0)
            ax.errorbar(episodes, mean, yerr=half, fmt="o" + style, color=colour,
                        lw=(1.5 if style == "--" else 2.0) * k, ms=3.5 * k, capsize=2 * k,
                        label=name)
        ax.set_ylim(*ylim)
        ax.set_ylabel(label, fontsize=fs)
        ax.set_xlabel("episode (separations pink, reunions blue)", fontsize=fs * 0.9)
        _style_axis(ax, fs)
        ax.set_title(textwrap.fill(f"Published direction: {published}", 62), fontsize=fs,
                     loc="left", color="#333333")
    handles, labels = axes[0].get_legend_handles_labels()
    _curtailment_panel(axes[5], table, fs, k)
    fig.legend(handles, labels, loc="outside lower center", ncol=len(labels),
               fontsize=fs, frameon=False)
    fig.suptitle(f"Episode by episode beside Ainsworth's normative trends "
                 f"('{PROFILE_POPULATION}' population, n = {len(table):,}; means with 95% CI; "
                 f"groups under {MIN_GROUP} infants not drawn)\nPublished directions from "
                 "Ainsworth et al. 1978, ch. 5-6, and Ainsworth & Bell 1970: directions only, "
                 "no published values are drawn. Lines break where a scale is not scored.",
                 fontsize=fs * 1.15, x=0.01, ha="left")
    return fig


def _curtailment_panel(ax, table, fs: float, k: float) -> None:
    cut = curtailed(table)
    groups = [g for g in ("A", "B", "C", "D") if (table["group"] == g).sum() >= MIN_GROUP]
    width = 0.8 / max(len(groups), 1)
    for i, g in enumerate(groups):
        mask = (table["group"] == g).to_numpy()
        n = int(mask.sum())
        hits = cut[mask].sum(axis=0).to_numpy()
        share = hits / n
        lo, hi = wilson_interval(hits, n)
        x = np.arange(len(cut.columns)) + (i - (len(groups) - 1) / 2) * width
        ax.bar(x, share, width * 0.9, color=GROUP_COLOURS[g], label=f"{g} (n = {n:,})",
               yerr=np.vstack([share - lo, hi - share]), capsize=2 * k,
               error_kw={"lw": 1.0 * k})
    ax.set_xticks(range(len(cut.columns)), [f"episode {c[2:]}" for c in cut.columns],
                  fontsize=fs)
    ax.set_ylim(0, 1.0)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.tick_params(axis="y", labelsize=fs)
    ax.set_ylabel("separations cut short (95% CI)", fontsize=fs)
    ax.legend(fontsize=fs * 0.85, frameon=False, loc="upper left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(textwrap.fill("Published direction: cut short for hard crying, so most "
                               "often in C, least in A (Ainsworth et al. 1978; Waters 2002)",
                               62), fontsize=fs, loc="left", color="#333333")


def subgroups_figure(provider: CohortProvider, presentation: bool = True) -> Figure:
    """The subgroup distribution of the global population (95% Wilson intervals)."""
    k = figure_scale(presentation)
    fs = 9 * k
    table = provider.population(SUBGROUP_POPULATION)
    counts = subgroup_counts(table)
    n = len(table)
    hits = np.array([counts[s] for s in SUBGROUPS])
    share = hits / max(n, 1)
    lo, hi = wilson_interval(hits, n)
    fig = Figure(figsize=(10 * k, 5.2 * k), dpi=100, layout="constrained")
    ax = fig.subplots()
    x = np.arange(len(SUBGROUPS))
    ax.bar(x, share, 0.7, color=[GROUP_COLOURS[s[0]] for s in SUBGROUPS],
           yerr=np.vstack([share - lo, hi - share]), capsize=3 * k, error_kw={"lw": 1.0 * k})
    for xi, s, top, c in zip(x, share, hi, hits, strict=True):
        ax.text(xi, top + 0.01, f"{s:.0%}\n({c:,})", ha="center", va="bottom", fontsize=fs * 0.85)
    ax.set_xticks(x, list(SUBGROUPS), fontsize=fs)
    ax.set_ylim(0, max(0.5, float(hi.max()) + 0.1))
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.tick_params(axis="y", labelsize=fs)
    ax.set_ylabel(f"share of the population (n = {n:,}; 95% CI)", fontsize=fs)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title("Published directions (Ainsworth et al. 1978): B3 the most common subgroup; "
                 "B4 a minority of B;\nboth C1 (angry) and C2 (passive) found. Directions "
                 "only: the published counts are not drawn.", fontsize=fs * 0.95, loc="left",
                 color="#333333")
    fig.suptitle(f"Subgroups of the '{SUBGROUP_POPULATION}' population (forced subgroup for D)",
                 fontsize=fs * 1.2, x=0.01, ha="left")
    return fig


#: The figures docs/validation.md shows (``--report`` writes these, prefixed ``validation-``).
REPORT_FIGURES = ("distributions", "trends", "normative", "subgroups", "episodes", "reunions")


def write_figures(provider: CohortProvider, out: Path, presentation: bool = True,
                  prefix: str = "", per_population: bool = True) -> list[Path]:
    """Write every figure into ``out`` (created) as ``<prefix><name>.png``; with
    ``per_population=False`` only :data:`REPORT_FIGURES`. Returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def save(fig: Figure, name: str) -> None:
        path = out / f"{prefix}{name}.png"
        tmp = out / f".{prefix}{name}.tmp.png"
        fig.savefig(tmp, dpi=100)
        tmp.replace(path)
        written.append(path)

    save(distributions_overview(provider, presentation), "distributions")
    if per_population:
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
    save(normative_figure(provider, presentation), "normative")
    save(subgroups_figure(provider, presentation), "subgroups")
    return written
