"""Figure of the intervention study: the distribution in each arm, pooled over replicates.

    python experiments/intervention/figure.py RESULTS_DIR [--out FILE.png]

One group of bars per arm (unchanged care, responsive from 6 months, responsive throughout, a
second sensitive caregiver from 6 months with the Strange Situation run with the primary and with
the second caregiver), the share of each classification with its 95% Wilson interval.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from simulation.plots.style import CLASS_COLOURS, figure_scale
from simulation.stats import CLASSES
from simulation.sweep import cell_shares, load_results

HERE = Path(__file__).resolve().parent
COLUMNS = ["classification"]


def arm_shares(table):
    """Shares per arm (label), pooled over replicate cohorts, in the file's order."""
    return cell_shares(table, by=["label"])


def figure(table, presentation: bool = False) -> Figure:
    k = figure_scale(presentation)
    fs = 10 * k
    shares = arm_shares(table)
    arms = list(dict.fromkeys(shares["label"]))
    fig = Figure(figsize=(max(8, 2.4 * len(arms)) * k, 5.2 * k), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    width = 0.8 / len(CLASSES)
    x = np.arange(len(arms))
    for j, name in enumerate(CLASSES):
        part = shares[shares["class"] == name].set_index("label").loc[arms]
        share = part["share"].to_numpy()
        err = np.vstack([share - part["ci_low"].to_numpy(), part["ci_high"].to_numpy() - share])
        xs = x - 0.4 + width * (j + 0.5)
        ax.bar(xs, share, width * 0.95, color=CLASS_COLOURS[name], label=name,
               yerr=np.clip(err, 0, None), capsize=3 * k)
        for xi, s, hi in zip(xs, share, part["ci_high"].to_numpy(), strict=True):
            ax.text(xi, hi + 0.01, f"{s:.0%}", ha="center", va="bottom", fontsize=fs * 0.75)
    n = int(shares.groupby("label")["n"].first().median())
    ax.set_xticks(x, [textwrap.fill(a, 22) for a in arms], fontsize=fs * 0.85)
    ax.set_ylim(0, 1.22)
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_ylabel("share of infants (95% Wilson interval)", fontsize=fs)
    ax.legend(fontsize=fs * 0.85, frameon=False, ncols=4, loc="upper right")
    ax.set_title(f"When care changes at 6 months ({n:,} infants per arm)", fontsize=fs * 1.15,
                 loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="the sweep's --out directory")
    parser.add_argument("--out", default=str(HERE / "figure.png"), help="PNG to write")
    parser.add_argument("--presentation", action="store_true", help="larger type")
    args = parser.parse_args(argv)
    table = load_results(args.results, columns=COLUMNS, allow_missing=True)
    figure(table, args.presentation).savefig(args.out, dpi=120)
    secure = arm_shares(table).query("`class` == 'secure'")
    for row in secure.itertuples():
        print(f"{row.label}: secure {row.share:.1%} [{row.ci_low:.1%}, {row.ci_high:.1%}] "
              f"(n = {row.n:,})")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
