"""Checks of the behaviour episode by episode: Ainsworth's normative trends.

Ainsworth, Blehar, Waters & Wall (1978, ch. 5, "Normative trends across episodes") and Ainsworth
& Bell (1970) describe how behaviour changes from episode to episode in the whole sample: the
mother's presence supports exploration; her departure and absence activate attachment behaviour
(crying, search) at the expense of exploration, which declines; the reunions activate proximity
and contact seeking, again at the expense of exploration. Chapter 6 adds how the groups differ
(A: explores throughout, little crying; C: little exploration even before separation, most
crying). These sources give directions, not numbers this project could confirm: every check
here tests a direction only (a difference of more than two standard errors), never a published
value. None of these measures enters the coder's group definitions (those rest on the reunion
scales toward the caregiver), and the calibration fitted only the A/B/C(/D) shares, so most are
``predicted`` (in sample: issue 13 tuned the behaviour to them). Four hold by construction and are
``implementation`` checks: search only in her absence, contact maintained when the script has her
pick the infant up, and curtailment that restates crying (each check's basis names the rule).

Each check is a pure function of the tables (:func:`episode_orders`, :func:`group_orders`,
:func:`above_floor`, :func:`curtailment_by_group`), wrapped to read the shared cohort.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..episodes import NOMINAL, SEPARATIONS
from .base import Z_ORDER, Check, Outcome, above_z, diff_z, paired_z, pct, share_diff_z
from .cohorts import CohortProvider

#: The population whose cohort the behaviour checks read (calibrated to the 1988 meta-analysis).
PROFILE_POPULATION = "global"
#: Label of the whole sample in :func:`episode_orders`.
ALL = "all"
#: Floor of Ainsworth's 1-7 interactive scales: 1 is "none".
SCALE_FLOOR = 1.0

NORMATIVE = "Ainsworth et al. 1978, ch. 5; Ainsworth & Bell 1970"
GROUPS_CH6 = "Ainsworth et al. 1978, ch. 6"


@dataclass(frozen=True)
class Order:
    """The measure in episode ``high`` above the measure in episode ``low``."""

    high: int
    low: int

    def __str__(self) -> str:
        return f"ep{self.high} > ep{self.low}"


def orders(highs: Sequence[int], lows: Sequence[int]) -> tuple[Order, ...]:
    """Every episode of ``highs`` above every episode of ``lows``."""
    return tuple(Order(h, lo) for h in highs for lo in lows if h != lo)


def _column(pattern: str, episode: int) -> str:
    return pattern.format(e=episode)


def _rows(table: pd.DataFrame, label: str, group_column: str) -> pd.DataFrame:
    return table if label == ALL else table[table[group_column] == label]


def _episode_means(rows: pd.DataFrame, pattern: str) -> dict[int, float]:
    return {e: float(rows[_column(pattern, e)].mean()) for e in range(1, 9)
            if _column(pattern, e) in rows}


def _means_text(means: dict[int, float]) -> str:
    return " ".join(f"{e}:{m:.2f}" for e, m in means.items())


def episode_orders(table: pd.DataFrame, pattern: str, wanted: Sequence[Order],
                   groups: Sequence[str] = (ALL,), group_column: str = "group") -> Outcome:
    """Within-infant comparisons of a measure between episodes.

    ``pattern`` names the measure's columns (``"ep{e}_crying"``); for each label of ``groups``
    (``"all"`` for the whole table, or a group letter) and each :class:`Order`, the paired
    difference (same infants; pairs with a missing value dropped) must exceed ``Z_ORDER``
    standard errors. A group with no infants, or a column missing, fails.
    """
    passed, parts, values, misses = True, [], {}, []
    for label in groups:
        rows = _rows(table, label, group_column)
        group_values = {"n": int(len(rows)), "means": _episode_means(rows, pattern),
                        "orders": []}
        values[label] = group_values
        if len(rows) < 2:
            passed = False
            misses.append(f"{label}: {len(rows)} infant(s)")
            continue
        for order in wanted:
            hi, lo = _column(pattern, order.high), _column(pattern, order.low)
            if hi not in rows or lo not in rows:
                passed = False
                misses.append(f"{label} {order}: not measured")
                group_values["orders"].append({"order": str(order), "diff": None, "z": None})
                continue
            pair = rows[[hi, lo]].dropna()
            d, z = paired_z(pair[hi], pair[lo])
            group_values["orders"].append({"order": str(order), "diff": d, "z": z,
                                           "n": int(len(pair))})
            if not z > Z_ORDER:
                passed = False
                misses.append(f"{label} {order} ({d:+.2f}, z {z:.1f})")
        parts.append(f"{label} (n {len(rows):,}) {_means_text(group_values['means'])}")
    note = f"; not: {', '.join(misses)}" if misses else "; every order holds"
    return Outcome("; ".join(parts) + note, passed, values)


def group_orders(table: pd.DataFrame, pattern: str, episodes: Sequence[int],
                 pairs: Sequence[tuple[str, str]], group_column: str = "group") -> Outcome:
    """Between-group comparisons: for each episode and each ``(high, low)`` pair of groups, the
    high group's mean above the low group's by more than ``Z_ORDER`` standard errors (Welch)."""
    passed, misses, values, parts = True, [], {}, []
    groups = sorted({g for pair in pairs for g in pair})
    for e in episodes:
        col = _column(pattern, e)
        scores = {g: (table.loc[table[group_column] == g, col].dropna() if col in table
                      else pd.Series([], dtype=float)) for g in groups}
        means = {g: float(v.mean()) if len(v) else float("nan") for g, v in scores.items()}
        values[f"ep{e}"] = {"means": means, "pairs": []}
        for high, low in pairs:
            d, z = diff_z(scores[high], scores[low])
            values[f"ep{e}"]["pairs"].append({"high": high, "low": low, "diff": d, "z": z})
            if not z > Z_ORDER:
                passed = False
                misses.append(f"ep{e} {high} > {low} ({d:+.2f}, z {z:.1f})")
        parts.append(f"ep{e}: " + " ".join(f"{g} {m:.2f}" for g, m in means.items()))
    note = f"; not: {', '.join(misses)}" if misses else ""
    return Outcome("; ".join(parts) + note, passed, values)


def above_floor(table: pd.DataFrame, pattern: str, episodes: Sequence[int],
                floor: float) -> Outcome:
    """The whole sample's mean in each episode above ``floor`` by more than ``Z_ORDER`` SE."""
    passed, parts, values = True, [], {}
    for e in episodes:
        col = _column(pattern, e)
        v = table[col].dropna() if col in table else pd.Series([], dtype=float)
        d, z = above_z(v, floor)
        ok = bool(z > Z_ORDER)
        passed = passed and ok
        mean = d + floor
        parts.append(f"ep{e} {mean:.2f} (z {z:.1f})" if len(v) else f"ep{e} not measured")
        values[f"ep{e}"] = {"mean": mean if len(v) else None, "z": z if len(v) else None,
                            "n": int(len(v))}
    return Outcome(", ".join(parts) + f" (floor {floor:g})", passed, values)


def scales_wide(table: pd.DataFrame, scales: pd.DataFrame, scale: str,
                toward: str = "caregiver") -> pd.DataFrame:
    """One scale toward one adult as columns ``ep{e}_<scale>`` (NaN where not scored), row for
    row with ``table`` (joined on ``infant_id``), with ``table``'s ``group`` beside."""
    rows = scales[(scales["scale"] == scale) & (scales["toward"] == toward)]
    wide = rows.pivot_table(index="infant_id", columns="episode", values="score",
                            aggfunc="first", observed=True)
    wide.columns = [f"ep{int(e)}_{scale}" for e in wide.columns]
    out = table[["infant_id", "group"]].merge(wide, left_on="infant_id", right_index=True,
                                              how="left")
    return out.reset_index(drop=True)


def curtailed(table: pd.DataFrame) -> pd.DataFrame:
    """For each separation episode, whether it ran shorter than its nominal length (columns
    ``ep4``, ``ep6``, ``ep7``)."""
    return pd.DataFrame({f"ep{e}": table[f"ep{e}_duration"].to_numpy() < NOMINAL[e - 1]
                         for e in SEPARATIONS}, index=table.index)


def curtailment_by_group(table: pd.DataFrame, pairs: Sequence[tuple[str, str]],
                         group_column: str = "group") -> Outcome:
    """Share of infants with a separation cut short, by group: for each ``(high, low)`` pair,
    the high group's share above the low group's by more than ``Z_ORDER`` SE."""
    cut = curtailed(table)
    anyone = cut.any(axis=1)
    groups = [g for g in ("A", "B", "C", "D") if (table[group_column] == g).any()]
    shares, by_episode, counts = {}, {}, {}
    for g in groups:
        mask = (table[group_column] == g).to_numpy()
        counts[g] = int(mask.sum())
        shares[g] = float(anyone[mask].mean())
        by_episode[g] = {c: float(cut.loc[mask, c].mean()) for c in cut.columns}
    passed, misses, zs = True, [], {}
    for high, low in pairs:
        n_h, n_l = counts.get(high, 0), counts.get(low, 0)
        d, z = share_diff_z(shares.get(high, 0.0) * n_h, n_h, shares.get(low, 0.0) * n_l, n_l)
        zs[f"{high}>{low}"] = z
        if not (n_h and n_l and z > Z_ORDER):
            passed = False
            misses.append(f"{high} > {low} ({d:+.0%}, z {z:.1f})")
    detail = "; ".join(f"{g} {pct(shares[g])} (ep4/6/7 "
                       + "/".join(pct(v) for v in by_episode[g].values()) + ")"
                       for g in groups)
    note = f"; not: {', '.join(misses)}" if misses else ""
    return Outcome(f"any separation cut short: {detail}{note}", passed,
                   {"any": shares, "by_episode": by_episode, "n": counts, "z": zs})


# ---------------------------------------------------------------------------------------------
# the checks
# ---------------------------------------------------------------------------------------------
PRESEPARATION = (2, 3)
REUNION_EPISODES = (5, 8)
EXPLORATION_DECLINE = orders(PRESEPARATION, SEPARATIONS)
EXPLORATION_REUNIONS = orders((2,), REUNION_EPISODES)
#: Crying: low before separation and up in episode 4; highest when alone (episode 6), so
#: episode 7 (the stranger back) below 6.
CRYING_RISE = orders((4,), (1, 2, 3))
CRYING_PEAK = orders((6,), (1, 2, 3, 4, 5, 7, 8))
SEEKING_REUNIONS = (Order(8, 5), Order(5, 2), Order(8, 2))
MAINTAINING_REUNIONS = (Order(5, 2), Order(8, 2))


def _table(provider: CohortProvider) -> pd.DataFrame:
    return provider.population(PROFILE_POPULATION)


def _scale(provider: CohortProvider, scale: str) -> pd.DataFrame:
    return scales_wide(_table(provider), provider.scales(PROFILE_POPULATION), scale)


def exploration_declines(provider: CohortProvider) -> Outcome:
    return episode_orders(_table(provider), "ep{e}_exploration", EXPLORATION_DECLINE,
                          (ALL, "B"))


def exploration_reunions(provider: CohortProvider) -> Outcome:
    return episode_orders(_table(provider), "ep{e}_exploration", EXPLORATION_REUNIONS,
                          (ALL, "B"))


def avoidant_explore(provider: CohortProvider) -> Outcome:
    return group_orders(_table(provider), "ep{e}_exploration", SEPARATIONS, [("A", "B")])


def crying_trend(provider: CohortProvider) -> Outcome:
    return episode_orders(_table(provider), "ep{e}_crying", CRYING_RISE + CRYING_PEAK,
                          (ALL, "B", "C"))


def avoidant_cry_less(provider: CohortProvider) -> Outcome:
    return group_orders(_table(provider), "ep{e}_crying", SEPARATIONS, [("B", "A")])


def search_in_separations(provider: CohortProvider) -> Outcome:
    return above_floor(_scale(provider, "search"), "ep{e}_search", SEPARATIONS, SCALE_FLOOR)


#: Columns a search measure with the caregiver present would need: a rate per 15-s interval in
#: every episode (``ep{e}_search``). Search as an interactive scale applies to the separations
#: only (Ainsworth et al. 1978, Appendix III), so the scale cannot make this comparison.
SEARCH_RATE = "ep{e}_search"
SEARCH_AWAY_ABOVE_PRESENT = orders(SEPARATIONS, (2, 3, 5, 8))


def search_away_above_present(provider: CohortProvider) -> Outcome:
    table = _table(provider)
    outcome = episode_orders(table, SEARCH_RATE, SEARCH_AWAY_ABOVE_PRESENT)
    if _column(SEARCH_RATE, 2) not in table:
        outcome.simulated = ("not measured: the per-infant table has no search rate per "
                             "episode (ep{e}_search), and the search scale is scored only in "
                             "the separations")
        outcome.passed = False
    return outcome


def seeking_rises(provider: CohortProvider) -> Outcome:
    return episode_orders(_scale(provider, "proximity_seeking"), "ep{e}_proximity_seeking",
                          SEEKING_REUNIONS)


def maintaining_rises(provider: CohortProvider) -> Outcome:
    return episode_orders(_scale(provider, "contact_maintaining"),
                          "ep{e}_contact_maintaining", MAINTAINING_REUNIONS)


def curtailment(provider: CohortProvider) -> Outcome:
    return curtailment_by_group(_table(provider), [("C", "B"), ("B", "A")])


def normative_checks() -> list[Check]:
    basis = ("direction only (the sources give no figures this project confirmed); no "
             "exploration, crying, search or duration enters the group definitions, and the "
             "calibration fitted only the A/B/C(/D) shares. In sample: issue 13 (the "
             "attachment-exploration balance, graded crying) reworked the behaviour until "
             "these trends held")
    exploration = (basis + ". Shares the attachment-exploration balance (arousal against "
                   "expected rebuff) with the other exploration checks")
    crying = (basis + ". Shares the learned signal gain and arousal with the other crying "
              "checks")
    scale_basis = ("direction only; the coder defines the groups by the reunion scales, but "
                   "nothing fixes their level relative to episode 2, nor episode 8 against 5. "
                   "In sample: issue 13 asked for it, and issue 20 added rules aimed at these "
                   "orders: approach and reaching weaker before the first separation "
                   "(approach_preseparation) and stronger after the second "
                   "(approach_cumulative, rules/proximity.py), so the orders follow in part "
                   "from those parameters by design. Shares the script with 'contact "
                   "maintaining rises in the reunions': she approaches in both reunions and "
                   "picks the infant up in episode 8 (rules/adults.py)")
    script = ("true by construction: the script has the caregiver pick the infant up when she "
              "reaches it in episode 8 and hold a distressed infant in episode 5, while in "
              "episode 2 she sits and does not initiate (rules/adults.py); a held infant scores "
              "contact maintaining")
    search_rule = ("true by construction: search (going to the door) is possible only while "
                   "she is out of the room, and grows with arousal (rules/search.py: free, "
                   "aroused and she is gone), which every separation raises")
    curtail_rule = ("true by construction: the procedure cuts a separation short after a "
                    "minute of net hard crying (rules/transitions.py, "
                    "CURTAIL_HARD_CRY_SECONDS), so curtailment by group restates the crying "
                    "order by group, checked by 'crying highest in C' and 'avoidant infants cry "
                    "less in the separations'")
    return [
        Check("exploration declines into the separations", "predicted", NORMATIVE,
              "exploration rate (per 15-s interval) lower in each separation (ep4, 6, 7) than "
              "in each preseparation episode (ep2, 3), whole sample and secure infants "
              f"(paired, > {Z_ORDER:g} SE)", exploration_declines, "normative", exploration,
              "behaviour", True),
        Check("exploration lower in the reunions than in episode 2", "predicted", NORMATIVE,
              "exploration rate in ep5 and ep8 below ep2, whole sample and secure infants "
              f"(paired, > {Z_ORDER:g} SE)", exploration_reunions, "normative", exploration,
              "behaviour", True),
        Check("avoidant infants explore through the separations", "predicted", GROUPS_CH6,
              f"exploration rate in ep4, 6, 7: A above B (> {Z_ORDER:g} SE)",
              avoidant_explore, "normative", exploration, "behaviour", True),
        Check("crying rises in episode 4 and peaks in episode 6", "predicted", NORMATIVE,
              "crying rate: ep4 above ep1-3 (low before separation); ep6 (alone) above every "
              "other episode, so ep7 below ep6; whole sample, B and C "
              f"(paired, > {Z_ORDER:g} SE)", crying_trend, "normative", crying, "behaviour",
              True),
        Check("avoidant infants cry less in the separations", "predicted", GROUPS_CH6,
              f"crying rate in ep4, 6, 7: B above A (> {Z_ORDER:g} SE)", avoidant_cry_less,
              "normative", crying, "behaviour", True),
        Check("search in the separations", "implementation", NORMATIVE,
              "search for the caregiver (scale 1-7, 1 = none) in ep4, 6, 7 above 1 "
              f"(> {Z_ORDER:g} SE)", search_in_separations, "normative", search_rule,
              "behaviour"),
        Check("search higher with the caregiver away than present", "implementation", NORMATIVE,
              "search rate (per 15-s interval) in each separation (ep4, 6, 7) above each "
              f"episode with the caregiver present (ep2, 3, 5, 8) (paired, > {Z_ORDER:g} SE)",
              search_away_above_present, "normative", search_rule, "behaviour"),
        Check("proximity seeking rises in the reunions", "predicted", NORMATIVE,
              "proximity and contact seeking toward the caregiver: ep8 above ep5, both above "
              f"ep2 (paired, > {Z_ORDER:g} SE)", seeking_rises, "normative", scale_basis,
              "behaviour", True),
        Check("contact maintaining rises in the reunions", "implementation", NORMATIVE,
              "contact maintaining toward the caregiver: ep5 and ep8 above ep2 "
              f"(paired, > {Z_ORDER:g} SE)", maintaining_rises, "normative", script,
              "behaviour"),
        Check("curtailment falls on hard criers: C above B above A", "implementation",
              "Ainsworth et al. 1978, ch. 2, 6; Waters 2002",
              "share of infants with a separation cut short (after about a minute of hard "
              f"crying): C above B, B above A (> {Z_ORDER:g} SE)", curtailment, "normative",
              curtail_rule, "behaviour"),
    ]
