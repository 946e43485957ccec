"""Figure of the parameter-sensitivity study: how far each model parameter moves each share.

    python experiments/parameter-sensitivity/figure.py RESULTS_DIR [--out FILE.png] [--top N]

One panel per classification: for the N parameters that move the distribution most (largest
change in any share), the change in that classification's share, in percentage points, when the
parameter is set low (light bar) or high (dark bar) with the others at their defaults, pooled over
replicates; whiskers are +-1.96 standard errors of the mean paired difference (each infant
against the same infant in the base cell: common random numbers).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from simulation.plots.style import CLASS_COLOURS, figure_scale
from simulation.stats import CLASSES
from simulation.sweep import load_results

HERE = Path(__file__).resolve().parent
COLUMNS = ["classification", "infant_id"]


def effects(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (parameter, value, class): change in share from the base cell, and its SE.

    Each infant of a setting is paired with the same infant (replicate, infant id) in the base
    cell; with common random numbers that is the same simulated infant, so the standard error of
    the mean paired difference is the right one, and far smaller than for independent samples.
    """
    keys = ["replicate", "infant_id"]
    base = table[table["label"] == "base"][[*keys, "classification"]]
    rest = table[table["label"] != "base"][["label", *keys, "classification"]]
    paired = rest.merge(base, on=keys, suffixes=("", "_base"))
    rows = []
    for name in CLASSES:
        diff = ((paired["classification"] == name).astype(float)
                - (paired["classification_base"] == name).astype(float))
        stats = diff.groupby(paired["label"], sort=False).agg(["mean", "std", "count"])
        for label, row in stats.iterrows():
            path, value = label.split(" = ", 1)
            rows.append({"parameter": path.removeprefix("params."), "value": float(value),
                         "class": name, "change": row["mean"],
                         "se": row["std"] / np.sqrt(row["count"]) if row["count"] > 1 else 0.0,
                         "n": int(row["count"])})
    return pd.DataFrame(rows)


def figure(table: pd.DataFrame, top: int = 20, presentation: bool = False) -> Figure:
    k = figure_scale(presentation)
    fs = 9 * k
    eff = effects(table)
    size = eff.groupby("parameter")["change"].apply(lambda c: c.abs().max())
    order = size.sort_values(ascending=False).index[:top].tolist()
    fig = Figure(figsize=(14 * k, (1.5 + 0.32 * len(order)) * k), dpi=100,
                 layout="constrained")
    axes = fig.subplots(1, len(CLASSES), sharey=True)
    y = np.arange(len(order))[::-1]
    for ax, name in zip(axes, CLASSES, strict=True):
        part = eff[eff["class"] == name]
        dark = np.array(to_rgb(CLASS_COLOURS[name]))
        light = 1 - 0.45 * (1 - dark)
        for yi, param in zip(y, order, strict=True):
            rows = part[part["parameter"] == param].sort_values("value")
            for row in rows.itertuples():
                high = row.value == rows["value"].max()  # a default-0 parameter: one, high
                offset = 0.18 if high else -0.18
                ax.barh(yi + offset, 100 * row.change, 0.34, xerr=196 * row.se,
                        color=dark if high else light,
                        error_kw={"lw": 0.8, "capsize": 0, "ecolor": "#777777"})
        ax.axvline(0, color="#444444", lw=0.8)
        ax.set_title(f"{name}: change (points)", fontsize=fs * 1.1, loc="left")
        ax.tick_params(labelsize=fs * 0.9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[0].set_yticks(y, order, fontsize=fs)
    n = int(eff["n"].median()) if len(eff) else 0
    fig.suptitle(f"One parameter at a time: light = low value, dark = high value ({n:,} infants "
                 "per setting, same infants throughout)", fontsize=fs * 1.15, x=0.01, ha="left")
    return fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="the sweep's --out directory")
    parser.add_argument("--out", default=str(HERE / "figure.png"), help="PNG to write")
    parser.add_argument("--top", type=int, default=20, help="parameters shown (default 20)")
    parser.add_argument("--presentation", action="store_true", help="larger type")
    args = parser.parse_args(argv)
    table = load_results(args.results, columns=COLUMNS, allow_missing=True)
    figure(table, args.top, args.presentation).savefig(args.out, dpi=120)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
