"""Figure of the phase-map study: each classification's share over responsiveness x consistency.

    python experiments/phase-map/figure.py RESULTS_DIR [--out FILE.png] [--presentation]

Writes FILE.png (four panels, one per classification: its share in each cell) and
FILE-dominant.png (each cell coloured by its most common classification). Works on a partial
run: the cells finished so far are shown.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from simulation.plots.maps import classification_map, grid_shares, share_maps
from simulation.sweep import load_results

HERE = Path(__file__).resolve().parent
COLUMNS = ["classification", "responsiveness", "consistency", "warmth"]


def figures(table, presentation: bool = False):
    """The share maps and the dominant-classification map of a loaded results table."""
    shares = grid_shares(table, x="responsiveness", y="consistency")
    per_cell = int(shares["n"].median())
    warmth = table["warmth"].iloc[0]
    title = (f"Phase map: {len(shares)} caregiving cells of {per_cell:,} infants "
             f"(warmth {warmth:g}, frightening 0)")
    return (share_maps(shares, presentation=presentation, title=title),
            classification_map(shares, presentation=presentation,
                               title="Most common classification (paler: a narrower majority)"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", help="the sweep's --out directory")
    parser.add_argument("--out", default=str(HERE / "figure.png"), help="PNG to write")
    parser.add_argument("--presentation", action="store_true", help="larger type")
    args = parser.parse_args(argv)
    table = load_results(args.results, columns=COLUMNS, allow_missing=True)
    shares_fig, dominant_fig = figures(table, args.presentation)
    out = Path(args.out)
    shares_fig.savefig(out, dpi=120)
    dominant_fig.savefig(out.with_name(f"{out.stem}-dominant{out.suffix}"), dpi=120)
    print(f"wrote {out} and {out.with_name(f'{out.stem}-dominant{out.suffix}')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
