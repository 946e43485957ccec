"""Figure of the life-partners study: adult attachment at 30 by the partners' mean care, with and
without a year of therapy from 26.

    python experiments/life-partners/figure.py RESULTS_DIR [--out FILE.png]

Left: the share of each adult style (self-report, Bartholomew & Horowitz's four) by the mean care
of the partners one meets, without therapy (solid) and with it (dashed), pooled over replicates,
with 95% Wilson intervals. Middle: the same for the persons who were ambivalent (C) at 12
months: the share who are preoccupied ("anxious-preoccupied") and secure at 30. Right: the mean
ECR anxiety and avoidance (1-7) of everyone. The script prints the shares it draws.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from simulation.life.measures import POPULAR_NAMES, STYLES
from simulation.plots.style import CLASS_COLOURS, figure_scale
from simulation.sweep import cell_shares, load_results

HERE = Path(__file__).resolve().parent
COLUMNS = ["infant_group", "adult_style", "adult_anxiety", "adult_avoidance"]
BY = ["life_partner_mean", "life_therapy"]
#: The infant classification's colour for the adult style it is the counterpart of (secure,
#: avoidant -> dismissing, ambivalent -> preoccupied, disorganized -> fearful).
STYLE_COLOURS = {"secure": CLASS_COLOURS["secure"], "dismissing": CLASS_COLOURS["avoidant"],
                 "preoccupied": CLASS_COLOURS["ambivalent"],
                 "fearful": CLASS_COLOURS["disorganized"]}
THERAPY = {False: ("no therapy", "-", "o"), True: ("a year of therapy from 26", "--", "s")}


def style_shares(table):
    """Share of each adult style per (partners' mean care, therapy), pooled over replicates."""
    return cell_shares(table, by=BY, column="adult_style", classes=STYLES)


def _lines(ax, shares, styles, k: float) -> None:
    for therapy, (_, dash, marker) in THERAPY.items():
        for style in styles:
            part = shares[(shares["class"] == style) & (shares["life_therapy"] == therapy)]
            part = part.sort_values("life_partner_mean")
            if part.empty:
                continue
            x = part["life_partner_mean"].to_numpy(dtype=float)
            ax.plot(x, part["share"], dash, marker=marker, ms=4 * k, lw=1.6 * k,
                    color=STYLE_COLOURS[style])
            ax.fill_between(x, part["ci_low"], part["ci_high"], color=STYLE_COLOURS[style],
                            alpha=0.12, lw=0)


def _axes_style(ax, fs: float, title: str, ylabel: str, share: bool = True) -> None:
    ax.set_title(title, fontsize=fs * 1.05, loc="left")
    ax.set_xlabel("partners' mean care (responsiveness, consistency, warmth)", fontsize=fs * 0.9)
    ax.set_ylabel(ylabel, fontsize=fs * 0.9)
    if share:
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def figure(table, presentation: bool = False) -> Figure:
    k = figure_scale(presentation)
    fs = 10 * k
    fig = Figure(figsize=(16 * k, 5.4 * k), dpi=100, layout="constrained")
    left, middle, right = fig.subplots(1, 3)
    shares = style_shares(table)
    n = int(shares.groupby(BY)["n"].first().median())
    _lines(left, shares, STYLES, k)
    _axes_style(left, fs, f"Adult styles at 30 ({n:,} persons per cell)",
                "share of adults (95% Wilson interval)")
    handles = [left.plot([], [], color=STYLE_COLOURS[s], lw=2 * k)[0] for s in STYLES]
    handles += [left.plot([], [], "k" + dash, marker=m, lw=1.2 * k)[0]
                for _, dash, m in THERAPY.values()]
    labels = [s if s == "secure" else f"{s} ({POPULAR_NAMES[s]})" for s in STYLES]
    labels += [name for name, _, _ in THERAPY.values()]
    left.legend(handles, labels, fontsize=fs * 0.75, frameon=False, loc="upper left")

    ambivalent = table[table["infant_group"] == "C"]
    if len(ambivalent):
        c_shares = style_shares(ambivalent)
        _lines(middle, c_shares, ("preoccupied", "secure"), k)
        nc = int(c_shares.groupby(BY)["n"].first().median())
        middle.legend([middle.plot([], [], color=STYLE_COLOURS[s], lw=2 * k)[0]
                       for s in ("preoccupied", "secure")],
                      ["preoccupied at 30", "secure at 30"], fontsize=fs * 0.75,
                      frameon=False, loc="upper left")
    else:
        nc = 0
    _axes_style(middle, fs, f"Ambivalent (C) at 12 months ({nc:,} per cell)",
                "share at 30 (95% Wilson interval)")

    means = table.groupby(BY)[["adult_anxiety", "adult_avoidance"]].mean().reset_index()
    for therapy, (_, dash, marker) in THERAPY.items():
        part = means[means["life_therapy"] == therapy].sort_values("life_partner_mean")
        x = part["life_partner_mean"].to_numpy(dtype=float)
        right.plot(x, part["adult_anxiety"], dash, marker=marker, color=STYLE_COLOURS[
            "preoccupied"], lw=1.6 * k, ms=4 * k, label=f"anxiety, {THERAPY[therapy][0]}")
        right.plot(x, part["adult_avoidance"], dash, marker=marker, color=STYLE_COLOURS[
            "dismissing"], lw=1.6 * k, ms=4 * k, label=f"avoidance, {THERAPY[therapy][0]}")
    right.axhline(4, color="#999999", lw=0.8 * k, ls=":")
    right.set_ylim(1, 7)
    _axes_style(right, fs, "Self-report at 30 (ECR, 1-7; mean)", "mean score", share=False)
    right.legend(fontsize=fs * 0.75, frameon=False, loc="upper right")
    for ax in (left, middle, right):
        ax.tick_params(labelsize=fs * 0.85)
        ax.set_xticks(np.unique(table["life_partner_mean"].to_numpy(dtype=float)))
    return fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="the sweep's --out directory")
    parser.add_argument("--out", default=str(HERE / "figure.png"), help="PNG to write")
    parser.add_argument("--presentation", action="store_true", help="larger type")
    args = parser.parse_args(argv)
    table = load_results(args.results, columns=COLUMNS, allow_missing=True)
    figure(table, args.presentation).savefig(args.out, dpi=120)
    shares = style_shares(table)
    wide = shares.pivot_table(index=BY, columns="class", values="share", sort=False)
    ambivalent = table[table["infant_group"] == "C"]
    pre_c = (ambivalent.groupby(BY)["adult_style"].apply(lambda s: (s == "preoccupied").mean())
             if len(ambivalent) else None)
    for (mean, therapy), row in wide.iterrows():
        shown = "  ".join(f"{s} {row.get(s, 0.0):.1%}" for s in STYLES)
        extra = ""
        if pre_c is not None and (mean, therapy) in pre_c.index:
            extra = f"  | C infants preoccupied {pre_c.loc[(mean, therapy)]:.1%}"
        print(f"partners {mean:g}, therapy {'on ' if therapy else 'off'}: {shown}{extra}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
