"""Figure of the sensitivity-security study: security by caregiver sensitivity, and the
correlation beside the meta-analytic one.

    python experiments/sensitivity-security/figure.py RESULTS_DIR [--out FILE.png]

Left: the share of each classification among infants whose caregiver's Ainsworth-sensitivity
equivalent (1-9) falls in each unit-wide bin, with 95% Wilson intervals. Right: the correlation of
sensitivity with security (B vs not B, point-biserial) in each replicate cohort and pooled (95%
interval by Fisher's z), beside De Wolff & van IJzendoorn's (1997) meta-analytic r = .24.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from simulation.plots.style import CLASS_COLOURS, PUBLISHED_COLOUR, figure_scale
from simulation.stats import CLASSES, wilson_interval
from simulation.sweep import load_results

HERE = Path(__file__).resolve().parent
COLUMNS = ["classification", "group", "sensitivity"]
#: De Wolff & van IJzendoorn (1997), Child Development 68, 571: 66 studies (check the number).
META_R = 0.24


def correlation(sensitivity: np.ndarray, secure: np.ndarray) -> tuple[float, float, float]:
    """Point-biserial r with a 95% interval by Fisher's z."""
    n = sensitivity.size
    secure = secure.astype(float)
    if n < 3 or sensitivity.std() == 0 or secure.std() == 0:
        return float("nan"), float("nan"), float("nan")  # undefined: no variation
    r = float(np.corrcoef(sensitivity, secure)[0, 1])
    half = 1.959963984540054 / np.sqrt(max(n - 3, 1))
    z = np.arctanh(np.clip(r, -0.999999, 0.999999))
    return r, float(np.tanh(z - half)), float(np.tanh(z + half))


def figure(table, presentation: bool = False) -> Figure:
    k = figure_scale(presentation)
    fs = 10 * k
    fig = Figure(figsize=(12 * k, 5 * k), dpi=100, layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[2, 1])
    bins = np.clip(np.floor(table["sensitivity"].to_numpy()), 1, 8).astype(int)
    centres = np.arange(1, 9) + 0.5
    for name in CLASSES:
        is_class = (table["classification"] == name).to_numpy()
        n = np.array([(bins == b).sum() for b in range(1, 9)])
        count = np.array([is_class[bins == b].sum() for b in range(1, 9)])
        keep = n > 0
        share = np.where(keep, count / np.maximum(n, 1), np.nan)
        low, high = wilson_interval(count, n)
        left.plot(centres[keep], share[keep], "o-", color=CLASS_COLOURS[name], label=name,
                  lw=2 * k, ms=5 * k)
        left.fill_between(centres[keep], low[keep], high[keep], color=CLASS_COLOURS[name],
                          alpha=0.18, lw=0)
    left.set_xlim(1, 9)
    left.set_ylim(0, 1)
    left.set_xlabel("caregiver's sensitivity (Ainsworth 1-9 equivalent)", fontsize=fs)
    left.set_ylabel("share of infants (95% Wilson interval)", fontsize=fs)
    left.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    left.legend(fontsize=fs * 0.9, frameon=False)
    left.set_title(f"Classification by sensitivity ({len(table):,} infants)", fontsize=fs * 1.1,
                   loc="left")
    secure = (table["group"] == "B").to_numpy()
    sens = table["sensitivity"].to_numpy()
    rows = []
    for rep, part in table.groupby("replicate", sort=True):
        rows.append((f"cohort {rep + 1}", *correlation(part["sensitivity"].to_numpy(),
                                                       (part["group"] == "B").to_numpy())))
    rows.append(("pooled", *correlation(sens, secure)))
    y = np.arange(len(rows))[::-1] + 1
    for yi, (label, r, lo, hi) in zip(y, rows, strict=True):
        colour = CLASS_COLOURS["secure"]
        right.errorbar(r, yi, xerr=np.clip([[r - lo], [hi - r]], 0, None), fmt="o",
                       color=colour, capsize=3 * k, ms=(7 if label == "pooled" else 4) * k)
    right.errorbar(META_R, 0, fmt="D", color=PUBLISHED_COLOUR, ms=7 * k)
    right.axvline(META_R, color=PUBLISHED_COLOUR, lw=1, ls="--")
    right.set_yticks([*y, 0], [row[0] for row in rows] + ["De Wolff & van IJzendoorn 1997"],
                     fontsize=fs * 0.8)
    right.axvline(0, color="#888888", lw=0.8)
    right.set_xlabel("r, sensitivity with security (95% CI)", fontsize=fs)
    right.set_title("Correlation", fontsize=fs * 1.1, loc="left")
    for ax in (left, right):
        ax.tick_params(labelsize=fs * 0.9)
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
    r, lo, hi = correlation(table["sensitivity"].to_numpy(), (table["group"] == "B").to_numpy())
    print(f"r = {r:.3f} [{lo:.3f}, {hi:.3f}] over {len(table):,} infants; wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
