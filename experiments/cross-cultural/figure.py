"""Figure of the cross-cultural study: simulated forced A/B/C beside the published samples.

    python experiments/cross-cultural/figure.py RESULTS_DIR [--out FILE.png]

One row per population preset, one panel per group (A, B, C): the simulated share pooled over
replicate cohorts with its 95% Wilson interval (class colour), each replicate cohort (small
dots), and the published share (grey diamond; van IJzendoorn & Kroonenberg 1988, Baltimore from
Ainsworth et al. 1978) with its own 95% interval from the published sample size.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from simulation.literature import DISTRIBUTIONS
from simulation.plots.style import GROUP_COLOURS, PUBLISHED_COLOUR, figure_scale
from simulation.stats import wilson_interval
from simulation.sweep import cell_shares, load_results

HERE = Path(__file__).resolve().parent
COLUMNS = ["abc_group"]
GROUPS = ("A", "B", "C")
NAMES = {"A": "avoidant (A)", "B": "secure (B)", "C": "ambivalent (C)"}


def figure(table, presentation: bool = False) -> Figure:
    k = figure_scale(presentation)
    fs = 10 * k
    pooled = cell_shares(table, by=["population_name"], column="abc_group", classes=GROUPS)
    cohorts = cell_shares(table, by=["population_name", "replicate"], column="abc_group",
                          classes=GROUPS)
    names = list(dict.fromkeys(pooled["population_name"]))
    fig = Figure(figsize=(12 * k, (1.2 + 0.45 * len(names)) * k), dpi=100,
                 layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)
    y = np.arange(len(names))[::-1]
    for ax, group in zip(axes, GROUPS, strict=True):
        part = pooled[pooled["class"] == group].set_index("population_name").loc[names]
        share = part["share"].to_numpy()
        err = np.clip(np.vstack([share - part["ci_low"], part["ci_high"] - share]), 0, None)
        ax.errorbar(share, y + 0.12, xerr=err,
                    fmt="o", color=GROUP_COLOURS[group], ms=6 * k, capsize=2 * k,
                    label="simulated")
        reps = cohorts[cohorts["class"] == group]
        for yi, name in zip(y, names, strict=True):
            values = reps[reps["population_name"] == name]["share"]
            ax.plot(values, np.full(len(values), yi + 0.12), ".", color=GROUP_COLOURS[group],
                    alpha=0.35, ms=4 * k)
            pub = DISTRIBUTIONS.get(name)
            if pub is not None and group in pub.shares:
                p = pub.shares[group]
                lo, hi = wilson_interval(round(p * pub.n), pub.n)
                ax.errorbar(p, yi - 0.12, xerr=np.clip([[p - lo], [hi - p]], 0, None), fmt="D",
                            color=PUBLISHED_COLOUR, ms=5 * k, capsize=2 * k,
                            label="published" if yi == y[0] else None)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_title(NAMES[group], fontsize=fs * 1.1, loc="left")
        ax.tick_params(labelsize=fs * 0.9)
        ax.grid(axis="x", color="#eeeeee")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    labels = [DISTRIBUTIONS[n].label if n in DISTRIBUTIONS else n for n in names]
    axes[0].set_yticks(y, labels, fontsize=fs * 0.9)
    axes[0].legend(fontsize=fs * 0.8, frameon=False, loc="lower right")
    n = int(pooled.groupby("population_name")["n"].first().median())
    fig.suptitle(f"Forced A/B/C by population preset ({n:,} simulated infants each; dots: "
                 "replicate cohorts) vs published samples (95% intervals)", fontsize=fs * 1.05,
                 x=0.01, ha="left")
    return fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="the sweep's --out directory")
    parser.add_argument("--out", default=str(HERE / "figure.png"), help="PNG to write")
    parser.add_argument("--presentation", action="store_true", help="larger type")
    args = parser.parse_args(argv)
    table = load_results(args.results, columns=COLUMNS, allow_missing=True)
    figure(table, args.presentation).savefig(args.out, dpi=120)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
