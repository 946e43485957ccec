"""Predicted checks of the subgroup distribution (A1, A2, B1-B4, C1, C2) in the global population.

Ainsworth et al. (1978) describe B3 as the prototype and the most common subgroup, B4 as a small
subgroup of B, and found both C subgroups, the angry (C1) and the passive (C2). Only the
directions are checked: this project has not confirmed the published counts per subgroup. The
calibration fitted the A/B/C shares, not how each group splits, so these are ``predicted``
(though the split follows the coder's subgroup rules, which use the same scales and, for B4,
late crying).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .base import Z_ORDER, Check, Outcome, pct, share_se
from .cohorts import CohortProvider

SUBGROUPS = ("A1", "A2", "B1", "B2", "B3", "B4", "C1", "C2")
SUBGROUP_POPULATION = "global"
SOURCE = "Ainsworth et al. 1978 (the subgroups)"


def subgroup_counts(table: pd.DataFrame) -> dict[str, int]:
    """Infants in each (forced) subgroup, in :data:`SUBGROUPS` order."""
    counts = table["subgroup"].value_counts()
    return {s: int(counts.get(s, 0)) for s in SUBGROUPS}


def _shares_text(counts: dict[str, int], keys=SUBGROUPS) -> str:
    n = max(sum(counts.values()), 1)
    return " ".join(f"{s} {pct(counts[s] / n)}" for s in keys)


def most_common(table: pd.DataFrame, subgroup: str = "B3") -> Outcome:
    """``subgroup`` more common than every other subgroup by more than ``Z_ORDER`` SE (shares of
    one sample: var(p1 - p2) = (p1 + p2 - (p1 - p2)^2) / n)."""
    counts = subgroup_counts(table)
    n = max(len(table), 1)
    p = counts[subgroup] / n
    zs, misses = {}, []
    for other in SUBGROUPS:
        if other == subgroup:
            continue
        q = counts[other] / n
        var = max(p + q - (p - q) ** 2, 0.25 / n) / n
        z = (p - q) / np.sqrt(var)
        zs[other] = float(z)
        if not z > Z_ORDER:
            misses.append(f"{other} (z {z:.1f})")
    note = f"; not above: {', '.join(misses)}" if misses else ""
    return Outcome(f"{_shares_text(counts)} (n {len(table):,}){note}", not misses,
                   {"counts": counts, "z": zs})


def minority_of(table: pd.DataFrame, subgroup: str = "B4", group: str = "B") -> Outcome:
    """``subgroup`` under half of its group, by more than ``Z_ORDER`` SE."""
    counts = subgroup_counts(table)
    members = [s for s in SUBGROUPS if s.startswith(group)]
    n = sum(counts[s] for s in members)
    share = counts[subgroup] / max(n, 1)
    z = float((0.5 - share) / share_se(share, n)) if n else float("-inf")
    return Outcome(f"{subgroup} {pct(share)} of {group} ({counts[subgroup]:,} of {n:,}; "
                   f"z {z:.1f}); {group}: {_shares_text(counts, members)}",
                   bool(n and z > Z_ORDER),
                   {"share": share, "n_group": n, "z": z, "counts": counts})


def all_present(table: pd.DataFrame, group: str = "C") -> Outcome:
    """Every subgroup of ``group`` occurs (at least one infant each)."""
    counts = subgroup_counts(table)
    members = [s for s in SUBGROUPS if s.startswith(group)]
    n = sum(counts[s] for s in members)
    absent = [s for s in members if counts[s] == 0]
    text = ", ".join(f"{s} {counts[s]:,} ({pct(counts[s] / max(n, 1))} of {group})"
                     for s in members)
    note = f"; absent: {', '.join(absent)}" if absent else ""
    return Outcome(f"{text} (n {len(table):,}){note}", not absent,
                   {"counts": {s: counts[s] for s in members}, "n_group": n})


def _table(provider: CohortProvider) -> pd.DataFrame:
    return provider.population(SUBGROUP_POPULATION)


def subgroup_checks() -> list[Check]:
    basis = ("direction only; the calibration fitted the A/B/C shares, not how each group "
             "splits into subgroups. In sample: issue 13 measured the subgroup split (B4 28% "
             "of B) and reworked crying, which B4 reads, with it in view. The two share one "
             "split of one cohort")
    return [
        Check("subgroups: B3 the most common", "predicted", SOURCE,
              f"global population: B3 more common than every other subgroup (> {Z_ORDER:g} SE)",
              lambda p: most_common(_table(p), "B3"), "subgroups", basis, "subgroups", True),
        Check("subgroups: B4 a minority of B", "predicted", SOURCE,
              f"global population: B4 under half of B (> {Z_ORDER:g} SE)",
              lambda p: minority_of(_table(p), "B4", "B"), "subgroups", basis, "subgroups",
              True),
        Check("subgroups: C1 and C2 both present", "implementation", SOURCE,
              "global population: both C subgroups occur, the angry (C1) and the passive (C2)",
              lambda p: all_present(_table(p), "C"), "subgroups",
              "true by construction: the infant has two resistance codes, angry "
              "(rules/protest.py) and passive (rules/helplessness.py), and the coder splits C "
              "by their shares (observer/classification.py: C1 when the angry share of reunion "
              "resistance is 0.5 or more): with both codes in use, both subgroups occur",
              "ambivalence"),
    ]
