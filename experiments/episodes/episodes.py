"""Per-episode means by group: the room episode by episode, beside Ainsworth et al. (1978).

    python experiments/episodes/episodes.py --population global -n 3000 [--seed 2025]
        [--markdown FILE.md]

Runs a cohort of a population preset through the whole procedure, codes it, and prints, for
each group (A, B, C; D infants by their alternative ABC group, ``abc_group``) and each of the
eight episodes, the mean of

- the frequency measures (intervals with the behaviour per 15-s interval of the episode as run,
  Ainsworth et al. 1978, ch. 3): crying, exploratory manipulation, visual exploration,
  locomotion, search;
- the four interactive scales (1-7; 0 = not scored) toward the caregiver and toward the
  stranger: proximity seeking, contact maintaining, resistance, avoidance; a scale's mean is
  over the infants for whom it was scored (the adult in the room for at least one interval).

Same seed, same table. ``--markdown`` also writes the tables as a Markdown section.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from simulation.cohort import run_cohort
from simulation.population_presets import get_population

FREQUENCIES = ("crying", "exploration", "visual_exploration", "locomotion", "search")
SCALES = ("proximity_seeking", "contact_maintaining", "resistance", "avoidance")
SHORT = {"crying": "cry", "exploration": "expl", "visual_exploration": "vis",
         "locomotion": "loco", "search": "srch", "proximity_seeking": "PS",
         "contact_maintaining": "CM", "resistance": "RS", "avoidance": "AV"}
GROUPS = ("A", "B", "C")


def episode_means(table: pd.DataFrame, scales: pd.DataFrame, group_column: str = "abc_group"
                  ) -> pd.DataFrame:
    """Long table (group, episode, measure, mean) of the frequencies and of the scales toward
    caregiver (``_cg``) and stranger (``_st``); scales averaged where scored (score > 0)."""
    rows = []
    groups = table[["infant_id", group_column]].rename(columns={group_column: "group"})
    for g in GROUPS:
        part = table[table[group_column] == g]
        for e in range(1, 9):
            for m in FREQUENCIES:
                col = f"ep{e}_{m}"
                rows.append((g, e, m, float(part[col].mean()) if len(part) else np.nan))
    s = scales.merge(groups, on="infant_id")
    s = s[s["scale"].isin(SCALES) & (s["score"] > 0)]
    means = s.groupby(["group", "episode", "toward", "scale"], observed=True)["score"].mean()
    for (g, e, toward, scale), v in means.items():
        if g in GROUPS:
            suffix = "_cg" if toward == "caregiver" else "_st"
            rows.append((g, int(e), scale + suffix, float(v)))
    return pd.DataFrame(rows, columns=["group", "episode", "measure", "mean"])


#: An infant "not settled" in a reunion cries (fusses or cries hard) in half of its 15-s
#: intervals or more: still distressed through the reunion despite her contact.
UNSETTLED_RATE = 0.5


def unsettled(table: pd.DataFrame, group_column: str = "abc_group") -> pd.DataFrame:
    """Share of each group's infants not settled in each reunion (crying in at least
    :data:`UNSETTLED_RATE` of its intervals), with the group's size."""
    rows = {}
    for g in GROUPS:
        part = table[table[group_column] == g]
        rows[g] = {f"ep{e}": float((part[f"ep{e}_crying"] >= UNSETTLED_RATE).mean())
                   if len(part) else np.nan for e in (5, 8)} | {"n": len(part)}
    return pd.DataFrame(rows).T


def wide(long: pd.DataFrame, group: str) -> pd.DataFrame:
    """One group's table: rows the episodes, columns the measures."""
    part = long[long["group"] == group]
    out = part.pivot_table(index="episode", columns="measure", values="mean", aggfunc="first")
    order = list(FREQUENCIES) + [s + t for t in ("_cg", "_st") for s in SCALES]
    out = out.reindex(index=range(1, 9), columns=order)
    out.columns = [SHORT[c] if c in SHORT else SHORT[c[:-3]] + c[-3:] for c in out.columns]
    return out


def markdown(long: pd.DataFrame, counts: dict[str, int], title: str,
             settled: pd.DataFrame | None = None) -> str:
    """The tables as Markdown (blank: not scored in that episode)."""
    lines = [title, ""]
    if settled is not None:
        lines += ["Infants not settled in the reunions (crying in half of the intervals or "
                  "more): " + "; ".join(f"{g} ep5 {row['ep5']:.0%}, ep8 {row['ep8']:.0%}"
                                        for g, row in settled.iterrows()), ""]
    for g in GROUPS:
        w = wide(long, g)
        lines += [f"**Group {g}** (n {counts.get(g, 0):,})", "",
                  "| ep | " + " | ".join(w.columns) + " |",
                  "|---" * (len(w.columns) + 1) + "|"]
        for e, row in w.iterrows():
            cells = [("" if np.isnan(v) else f"{v:.2f}") for v in row.to_numpy()]
            lines.append(f"| {e} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--population", default="global")
    ap.add_argument("-n", "--infants", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--markdown", type=Path)
    args = ap.parse_args(argv)
    result = run_cohort(population=get_population(args.population), n_infants=args.infants,
                        seed=args.seed, scales=True, progress=False)
    table = result.table
    long = episode_means(table, result.scales)
    counts = table["abc_group"].value_counts().to_dict()
    title = (f"Per-episode means by group, population `{args.population}`, "
             f"{args.infants:,} infants, seed {args.seed}")
    pd.set_option("display.width", 200)
    print(title)
    for g in GROUPS:
        print(f"\nGroup {g} (n {counts.get(g, 0):,})")
        print(wide(long, g).round(2).to_string())
    settled = unsettled(table)
    print("\nNot settled in the reunions (crying in >= half of the intervals):")
    print(settled.round(3).to_string())
    if args.markdown:
        args.markdown.write_text(markdown(long, counts, "### " + title, settled) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
