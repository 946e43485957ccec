"""The literature checks behind ``ssp validate``: :data:`CHECKS`, in report order.

Each :class:`Check` has a name, a kind, a reference, what the literature leads one to expect, and
``run(provider) -> Outcome`` (the simulated value and pass/fail). Three kinds
(:data:`simulation.validation.base.KINDS`):

- ``calibrated``: a published distribution the calibration fitted the population presets to
  (``experiments/calibration/calibrate.py``). Passing shows the fit holds on fresh infants; it is
  not evidence for the model.
- ``implementation``: follows from how the coder defines the groups (reunion avoidance for A,
  resistance for C, seeking and keeping contact for B). Passing shows the coder does what it
  says.
- ``predicted``: nothing in the fit or the definitions forces it. Only these count as
  validation.

This module holds the calibrated distributions, the behaviour by group, temperament, change of
care and the population-level checks; :mod:`.trends` the caregiving trends, :mod:`.normative`
Ainsworth's normative trends across episodes, :mod:`.subgroups` the subgroup distribution and
:mod:`.mechanisms` the hyperactivation and disorganization mechanisms.

Tolerances: a calibrated share passes within ``z`` combined standard errors (the published
sample's binomial error and the simulated cohort's own; ``z`` = 2, 3 with ``--quick``).
Orderings pass when the difference has the expected sign and is more than two standard errors
of the difference, unless the check says otherwise. Where the literature gives a direction and
no figure this project could confirm, only the direction is checked. The criteria are not
adjusted to pass: a check the model fails goes into
:mod:`simulation.validation.known_failures` with what was found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..caregiving import CaregiverProfile, CaregivingHistory
from ..cell_design import CellDesign
from ..home_year import CareArrays, CaregiverArrays
from ..literature import COUNTRIES, DISTRIBUTIONS, VIK_1988
from ..population_presets import get_population
from ..presets import get_preset
from ..temperament import Temperament
from .base import (
    KINDS,
    Z_ORDER,
    Check,
    Outcome,
    by_group,
    diff_z,
    mean_se,
    pct,
    share_se,
    short_source,
)
from .cohorts import CohortProvider, shares
from .life_course import life_course_checks
from .mechanisms import mechanism_checks
from .normative import PROFILE_POPULATION, normative_checks
from .published import published_checks
from .subgroups import subgroup_checks
from .trends import TRENDS, Trend, trend_checks, trend_series

__all__ = ["CHECKS", "KINDS", "PROFILE_POPULATION", "TRENDS", "Check", "Outcome", "Trend",
           "build_checks", "diff_z", "mean_se", "share_se", "trend_series"]

ABC = ("A", "B", "C")
ABCD = ("A", "B", "C", "D")


# ---------------------------------------------------------------------------------------------
# calibrated: the published distributions
# ---------------------------------------------------------------------------------------------
def distribution_check(key: str) -> Check:
    pub = DISTRIBUTIONS[key]
    four_way = "D" in pub.shares
    classes = ABCD if four_way else ABC
    column = "group" if four_way else "abc_group"
    raw = np.array([pub.shares[c] for c in classes])
    target = raw / raw.sum()  # published percentages are rounded
    published = " ".join(f"{c} {pct(v)}" for c, v in zip(classes, raw, strict=True))
    studies = f"{pub.studies} stud{'y' if pub.studies == 1 else 'ies'}"
    caveat = " (check)" if pub.check else ""

    def run(provider: CohortProvider) -> Outcome:
        table = provider.population(key)
        n = len(table)
        sim = shares(table[column], classes)
        se = np.hypot(share_se(target, pub.n), share_se(sim, n))
        z = (sim - target) / se
        z_ok = provider.sizes.z
        passed = bool(np.all(np.abs(z) <= z_ok))
        worst = classes[int(np.argmax(np.abs(z)))]
        text = " ".join(f"{c} {pct(v)}" for c, v in zip(classes, sim, strict=True))
        return Outcome(
            f"{text} (n {n:,}; largest |z| {np.abs(z).max():.1f}, {worst})", passed,
            {"published": dict(zip(classes, raw.tolist(), strict=True)),
             "simulated": dict(zip(classes, sim.tolist(), strict=True)),
             "z": dict(zip(classes, z.tolist(), strict=True)), "n": n, "published_n": pub.n,
             "tolerance_se": z_ok},
            expected=f"{published} (N {pub.n:,}, {studies}){caveat}; each within "
                     f"{z_ok:g} SE")

    label = "forced A/B/C" if not four_way else "A/B/C/D"
    return Check(f"distribution {key}", "calibrated", short_source(pub.source),
                 f"{published} (N {pub.n:,}, {studies}), {label}", run, figure="distributions",
                 basis="the population preset was fitted to this distribution "
                       "(experiments/calibration/calibrate.py); checked on fresh infants",
                 topic="distribution")


# ---------------------------------------------------------------------------------------------
# behaviour by group (Ainsworth et al. 1978, ch. 6-7), in the global population
# ---------------------------------------------------------------------------------------------

def _groups_abc(provider: CohortProvider) -> dict[str, pd.DataFrame]:
    return by_group(provider.population(PROFILE_POPULATION), "group")


def _order(groups: dict[str, pd.DataFrame], column: str, high: str, low: str
           ) -> tuple[bool, float, float]:
    d, z = diff_z(groups[high][column], groups[low][column])
    return z > Z_ORDER, d, z


def _means(groups: dict[str, pd.DataFrame], column: str, order: Sequence[str] = ABC) -> str:
    return " ".join(f"{g} {groups[g][column].mean():.2f}" for g in order if g in groups)


def exploration_check(provider: CohortProvider) -> Outcome:
    g = _groups_abc(provider)
    col = "ep2_exploration"
    ok_a, _, za = _order(g, col, "A", "C")
    ok_b, _, zb = _order(g, col, "B", "C")
    return Outcome(f"{_means(g, col)} (A-C z {za:.1f}, B-C z {zb:.1f})", ok_a and ok_b,
                   {g_: float(r[col].mean()) for g_, r in g.items()})


def crying_group_check(provider: CohortProvider) -> Outcome:
    g = _groups_abc(provider)
    cols = [f"ep{e}_crying" for e in range(1, 9)]
    mean_cry = {k: rows[cols].mean(axis=1) for k, rows in g.items()}
    _, za = diff_z(mean_cry["C"], mean_cry["A"])
    _, zb = diff_z(mean_cry["C"], mean_cry["B"])
    text = " ".join(f"{k} {mean_cry[k].mean():.2f}" for k in ABC if k in mean_cry)
    return Outcome(f"{text} (C-A z {za:.1f}, C-B z {zb:.1f})", za > Z_ORDER and zb > Z_ORDER,
                   {k: float(v.mean()) for k, v in mean_cry.items()})


#: Midpoint of Ainsworth's 1-7 interactive scales: "high" means at or above it, "low" below.
SCALE_MIDPOINT = 4.0


def reunion_check(scale: str, high: Sequence[str], low: Sequence[str],
                  levels: bool = False) -> Callable:
    """``high`` groups above ``low`` groups in episodes 5 and 8 (each pair by > 2 SE); with
    ``levels``, also the ``high`` groups' means at or above the scale midpoint and the ``low``
    groups' below it."""
    def run(provider: CohortProvider) -> Outcome:
        g = _groups_abc(provider)
        ok, parts, values = True, [], {}
        for e in (5, 8):
            col = f"ep{e}_{scale}"
            zs = []
            for h in high:
                for lo in low:
                    _, z = diff_z(g[h][col], g[lo][col])
                    zs.append(z)
                    ok = ok and z > Z_ORDER
            misplaced = []
            if levels:
                misplaced += [f"{h} not high" for h in high
                              if g[h][col].mean() < SCALE_MIDPOINT]
                misplaced += [f"{lo} not low" for lo in low
                              if g[lo][col].mean() >= SCALE_MIDPOINT]
                ok = ok and not misplaced
            note = f"; {', '.join(misplaced)}" if misplaced else ""
            parts.append(f"ep{e}: {_means(g, col)} (min z {min(zs):.1f}{note})")
            values[f"ep{e}"] = {k: float(r[col].mean()) for k, r in g.items()}
        return Outcome("; ".join(parts), ok, values)

    return run


def hidden_arousal_check(provider: CohortProvider) -> Outcome:
    g = _groups_abc(provider)
    ok, parts, values = True, [], {}
    for e in (4, 6, 7):
        arousal_d, arousal_z = diff_z(g["A"][f"internal_arousal_ep{e}"],
                                      g["B"][f"internal_arousal_ep{e}"])
        cry_a = g["A"][f"ep{e}_crying"].mean()
        cry_b = g["B"][f"ep{e}_crying"].mean()
        not_lower = arousal_z > -Z_ORDER
        far_less_crying = cry_a <= 0.5 * cry_b
        ok = ok and not_lower and far_less_crying
        parts.append(f"ep{e}: arousal A {g['A'][f'internal_arousal_ep{e}'].mean():.2f} vs B "
                     f"{g['B'][f'internal_arousal_ep{e}'].mean():.2f}, crying A {cry_a:.2f} "
                     f"vs B {cry_b:.2f}")
        values[f"ep{e}"] = {"arousal_diff": arousal_d, "arousal_z": arousal_z,
                            "crying_A": float(cry_a), "crying_B": float(cry_b)}
    return Outcome("; ".join(parts), ok, values)


# ---------------------------------------------------------------------------------------------
# predicted: temperament (Belsky & Rovine 1987)
# ---------------------------------------------------------------------------------------------
LOW_REACTIVE = Temperament(reactivity=0.3, soothability=0.7)
HIGH_REACTIVE = Temperament(reactivity=0.7, soothability=0.3)
TEMPERAMENT_POPULATION = "global"
TEMPERAMENT_PRESETS = ("sensitive", "rejecting", "inconsistent", "under-involved")


def _temperament_pair(provider: CohortProvider) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = provider.sizes.temperament
    return (provider.population(TEMPERAMENT_POPULATION, temperament=LOW_REACTIVE, n=n),
            provider.population(TEMPERAMENT_POPULATION, temperament=HIGH_REACTIVE, n=n))


def temperament_b_subgroup_check(provider: CohortProvider) -> Outcome:
    low, high = _temperament_pair(provider)

    def b12(t: pd.DataFrame) -> tuple[float, int]:
        b = t[t["abc_group"] == "B"]
        return (float(b["subgroup"].isin(["B1", "B2"]).mean()) if len(b) else float("nan"),
                len(b))

    (lo, n_lo), (hi, n_hi) = b12(low), b12(high)
    z = (lo - hi) / np.hypot(share_se(lo, n_lo), share_se(hi, n_hi))
    return Outcome(f"B1/B2 among B: low-reactive {pct(lo)} (of {n_lo:,}) vs high-reactive "
                   f"{pct(hi)} (of {n_hi:,}), z {z:.1f}", bool(z > Z_ORDER),
                   {"b12_of_b": [lo, hi], "z": float(z)})


def temperament_a1_b2_check(provider: CohortProvider) -> Outcome:
    low, high = _temperament_pair(provider)
    upper = ["A1", "A2", "B1", "B2"]
    lo, hi = (float(t["subgroup"].isin(upper).mean()) for t in (low, high))
    z = (lo - hi) / np.hypot(share_se(lo, len(low)), share_se(hi, len(high)))
    groups = {name: t["abc_group"].value_counts(normalize=True).reindex(list(ABC)).fillna(0.0)
              for name, t in (("low", low), ("high", high))}
    detail = ", ".join(f"{g} {pct(groups['low'][g])} vs {pct(groups['high'][g])}" for g in ABC)
    return Outcome(f"A1-B2: low-reactive {pct(lo)} vs high-reactive {pct(hi)} (z {z:.1f}); "
                   f"{detail}", bool(z > Z_ORDER),
                   {"a1_b2": [lo, hi], "z": float(z),
                    "abc": {k: v.to_dict() for k, v in groups.items()}})


def temperament_reversal_check(provider: CohortProvider) -> Outcome:
    parts, ok, values = [], True, {}
    for name in TEMPERAMENT_PRESETS:
        profile = get_preset(name).profile
        modes = []
        for temp in (LOW_REACTIVE, HIGH_REACTIVE):
            t = provider.care(profile, f"{name}, temperament {temp}",
                              n=provider.sizes.temperament // 4, temperament=temp)
            modes.append(t["abc_group"].value_counts().idxmax())
        ok = ok and modes[0] == modes[1]
        parts.append(f"{name} {modes[0]}/{modes[1]}")
        values[name] = modes
    low, high = _temperament_pair(provider)
    b_lo, b_hi = (low["abc_group"] == "B").mean(), (high["abc_group"] == "B").mean()
    shift = float(b_hi - b_lo)
    ok = ok and abs(shift) <= 0.10
    values["population_secure"] = [float(b_lo), float(b_hi)]
    return Outcome(f"modal group low/high reactive: {', '.join(parts)}; population secure "
                   f"{pct(b_lo)} vs {pct(b_hi)} ({shift:+.0%})", ok, values)


# ---------------------------------------------------------------------------------------------
# predicted: change of care (intervention, stability)
# ---------------------------------------------------------------------------------------------
INTERVENTION_BASE = CaregiverProfile(responsiveness=0.3, consistency=0.6, warmth=0.7)
INTERVENTION_BETTER = INTERVENTION_BASE.replace(responsiveness=0.8)


def intervention_check(provider: CohortProvider) -> Outcome:
    n = provider.sizes.arm
    control = provider.care(INTERVENTION_BASE, "intervention: control", n=n)
    treated = provider.care(CaregivingHistory(((0.0, INTERVENTION_BASE),
                                               (6.0, INTERVENTION_BETTER))),
                            "intervention: responsiveness raised at 6 months", n=n)
    always = provider.care(INTERVENTION_BETTER, "intervention: responsive from birth", n=n)
    s = [float((t["classification"] == "secure").mean()) for t in (control, treated, always)]
    z = (s[1] - s[0]) / np.hypot(share_se(s[1], n), share_se(s[0], n))
    return Outcome(f"secure: unchanged care {pct(s[0])}, raised at 6 months {pct(s[1])} "
                   f"(z {z:.1f}); responsive from birth {pct(s[2])}", bool(z > Z_ORDER),
                   {"secure": s, "z": float(z)})


#: Change of care (issue 20): the presets, and the months of the two switches.
CHANGE_WARM, CHANGE_COLD = get_preset("sensitive").profile, get_preset("rejecting").profile
CHANGE_WORSE_AT, CHANGE_BETTER_AT = 9.0, 12.0


def change_of_care_check(provider: CohortProvider) -> Outcome:
    """Avoidance learned in months and unlearned in months, not weeks."""
    n = provider.sizes.arm
    worse = CaregivingHistory(((0.0, CHANGE_WARM), (CHANGE_WORSE_AT, CHANGE_COLD)))
    better = CaregivingHistory(((0.0, CHANGE_COLD), (CHANGE_BETTER_AT, CHANGE_WARM)))

    def avoidant(care, label: str, age: float = 12.0) -> float:
        table = provider.care(care, label, n=n, age_months=age)
        return float((table["abc_group"] == "A").mean())

    warm = avoidant(CHANGE_WARM, "change: sensitive throughout")
    cold = avoidant(CHANGE_COLD, "change: rejecting throughout")
    learned = avoidant(worse, "change: sensitive, rejecting from 9 months")
    kept = avoidant(better, "change: rejecting, sensitive from 12 months", 13.0)
    later = avoidant(better, "change: rejecting, sensitive from 12 months", 18.0)
    z_learned = (learned - warm) / np.hypot(share_se(learned, n), share_se(warm, n))
    z_later = (kept - later) / np.hypot(share_se(kept, n), share_se(later, n))
    ok = bool(z_learned > Z_ORDER and kept >= cold / 2 and z_later > Z_ORDER)
    return Outcome(f"A at 12: sensitive {pct(warm)}, rejecting {pct(cold)}, rejecting from 9 "
                   f"months {pct(learned)} (z {z_learned:.1f}); sensitive from 12 months: A at "
                   f"13 {pct(kept)}, at 18 {pct(later)} (z {z_later:.1f})", ok,
                   {"warm": warm, "cold": cold, "learned": learned, "kept": kept,
                    "later": later})


STABILITY_POPULATION = "global"
STABILITY_FAMILIES = 20
#: "Mostly repeats": at least this share of infants keep their four-way classification.
STABILITY_MIN = 0.70


def _families(n: int) -> list[CaregiverProfile]:
    """``n`` caregivers drawn from the stability population (its first ``n`` infants' care)."""
    from .. import rng

    pop = get_population(STABILITY_POPULATION)
    care = pop.draw(rng.infant_keys(4242, np.arange(n, dtype=np.int64))).caregivers[0]

    def value(name: str, i: int) -> float:
        a = np.asarray(getattr(care, name))
        return float(a[0, i] if a.ndim > 1 else a[i])

    return [CaregiverProfile(*(round(value(p, i), 3) for p in (
        "responsiveness", "consistency", "warmth", "frightening"))) for i in range(n)]


@dataclass(frozen=True)
class ChangedCareDesign(CellDesign):
    """Caregiving cells whose care changes at ``change_month`` to ``after[cell]``: infant
    ``id`` gets ``cells[id % n]`` until then and ``after[id % n]`` from then on (the same
    infants as in the unchanged :class:`CellDesign`, in one cohort)."""

    after: tuple[CaregiverProfile, ...] = ()
    change_month: float = 13.0

    def draw_for_ids(self, infant_ids: np.ndarray) -> CareArrays:
        cell = self.cell_of(infant_ids)

        def column(name: str) -> np.ndarray:
            before = np.array([getattr(c, name) for c in self.cells])[cell]
            later = np.array([getattr(c, name) for c in self.after])[cell]
            return np.vstack([before, later])

        return CareArrays(CaregiverArrays(
            np.array([0.0, self.change_month]), *(column(name) for name in (
                "responsiveness", "consistency", "warmth", "frightening", "unresolved"))))


def stability_check(provider: CohortProvider) -> Outcome:
    families = _families(STABILITY_FAMILIES)
    others = [families[(i + STABILITY_FAMILIES // 2) % STABILITY_FAMILIES]
              for i in range(STABILITY_FAMILIES)]
    n = max(STABILITY_FAMILIES, provider.sizes.arm)
    same = CellDesign(tuple(families), name="stability")
    changed = ChangedCareDesign(tuple(families), name="stability, care changed",
                                after=tuple(others), change_month=13.0)
    at12 = provider.design_cohort(same, n, 12.0)
    at18 = provider.design_cohort(same, n, 18.0)
    at18c = provider.design_cohort(changed, n, 18.0)
    base = at12["classification"].to_numpy()
    a_same = float(np.mean(base == at18["classification"].to_numpy()))
    a_changed = float(np.mean(base == at18c["classification"].to_numpy()))
    z = (a_same - a_changed) / np.hypot(share_se(a_same, n), share_se(a_changed, n))
    passed = bool(a_same >= STABILITY_MIN and z > Z_ORDER)
    return Outcome(f"same classification at 12 and 18 months: same care {pct(a_same)}, care "
                   f"changed at 13 months {pct(a_changed)} (z {z:.1f}; {n:,} infants, "
                   f"{STABILITY_FAMILIES} families)", passed,
                   {"same_care": a_same, "changed_care": a_changed, "z": float(z),
                    "infants": n})


# ---------------------------------------------------------------------------------------------
# predicted: populations
# ---------------------------------------------------------------------------------------------
#: Published ratio of within- to between-country variation (van IJzendoorn & Kroonenberg 1988).
WITHIN_BETWEEN_PUBLISHED = 1.5


def within_between_check(provider: CohortProvider) -> Outcome:
    """The meta-analysis re-run on simulated studies.

    Each of the 32 studies is simulated as a cohort of its country's mean study size from its
    sample of the country preset (:meth:`simulation.population.Population.sample`: the
    caregiving means moved by the population's declared ``study_sd``, as a sample of one class,
    risk level or sub-culture differs from the country's); the Pearson chi-square of the
    studies x A/B/C table (the inertia that correspondence analysis decomposes) is split into
    the part between countries and the part within them.
    """
    rows = []
    for country in COUNTRIES:
        pub = DISTRIBUTIONS[country]
        size = max(10, round(pub.n / pub.studies))
        for s in range(pub.studies):
            part = provider.study(country, s, size)["abc_group"].to_numpy()
            rows.append((country, [int(np.sum(part == c)) for c in ABC]))
    counts = np.array([r[1] for r in rows], dtype=float)
    country = np.array([r[0] for r in rows])
    total = counts.sum(axis=0)
    expected_all = counts.sum(axis=1, keepdims=True) * total / total.sum()
    chi_total = float(np.sum((counts - expected_all) ** 2 / np.maximum(expected_all, 1e-9)))
    country_counts = np.array([counts[country == c].sum(axis=0) for c in COUNTRIES])
    exp_c = country_counts.sum(axis=1, keepdims=True) * total / total.sum()
    chi_between = float(np.sum((country_counts - exp_c) ** 2 / np.maximum(exp_c, 1e-9)))
    chi_within = chi_total - chi_between
    df_between = (len(COUNTRIES) - 1) * 2
    df_within = (len(rows) - len(COUNTRIES)) * 2
    ratio = chi_within / chi_between if chi_between > 0 else float("inf")
    passed = ratio >= 1.0
    return Outcome(
        f"within/between = {ratio:.2f} (chi-square within {chi_within:.0f} on {df_within} df, "
        f"between {chi_between:.0f} on {df_between} df; {len(rows)} simulated studies)",
        passed, {"ratio": ratio, "chi_within": chi_within, "chi_between": chi_between,
                 "df_within": df_within, "df_between": df_between})


SENSITIVITY_POPULATION = "global"
#: "Modest": De Wolff & van IJzendoorn (1997) combined r = .24 over 66 studies.
SENSITIVITY_RANGE = (0.10, 0.40)


def sensitivity_check(provider: CohortProvider) -> Outcome:
    table = provider.population(SENSITIVITY_POPULATION)
    secure = (table["classification"] == "secure").to_numpy(dtype=float)
    r = float(np.corrcoef(table["sensitivity"].to_numpy(dtype=float), secure)[0, 1])
    n = len(table)
    half = 1.96 * (1 - r * r) / np.sqrt(max(n - 1, 1))
    low, high = SENSITIVITY_RANGE
    passed = bool(r - half <= high and r + half >= low)  # the 95% CI overlaps the range
    return Outcome(f"r = {r:.2f} (95% CI {r - half:.2f} to {r + half:.2f}; n {n:,})", passed,
                   {"r": r, "n": n, "ci": [r - half, r + half]})


# ---------------------------------------------------------------------------------------------
# the list
# ---------------------------------------------------------------------------------------------
#: Why the temperament checks are in sample, and what they share.
TEMPERAMENT_BASIS = ("temperament arms the calibration never saw. In sample: both were known "
                     "failures that passed after the recalibration of issue 12/13 (and the "
                     "reversal check is still one); the three share the two temperament arms")


def build_checks() -> list[Check]:
    """Every check, grouped by kind (calibrated, implementation, predicted)."""
    checks = [distribution_check(k) for k in
              ("global", "baltimore", *COUNTRIES, "low-risk-abcd")]
    ains = "Ainsworth et al. 1978"
    defined = ("the coder's classification defines the groups by these reunion scales "
               "(simulation/observer/classification.py, after Ainsworth et al. 1978, "
               "pp. 59-63): {}")
    checks += [
        Check("reunion avoidance highest in A", "implementation", ains,
              "avoidance in ep5 and ep8: A > B and A > C",
              reunion_check("avoidance", ["A"], ["B", "C"]), "reunions",
              defined.format("A needs reunion avoidance of 5 or more (or ignoring)"), "behaviour"),
        Check("reunion resistance highest in C", "implementation", ains,
              "resistance in ep5 and ep8: C > A and C > B",
              reunion_check("resistance", ["C"], ["A", "B"]), "reunions",
              defined.format("C needs reunion resistance of 5 or more"), "behaviour"),
        Check("reunion proximity seeking: high in B and C, low in A", "implementation", ains,
              "proximity seeking in ep5 and ep8: B > A and C > A; B and C at or above the "
              "scale midpoint (4), A below it",
              reunion_check("proximity_seeking", ["B", "C"], ["A"], levels=True), "reunions",
              defined.format("B3 needs seeking or maintaining of 5 or more; A rules out "
                             "seeking free of avoidance"), "behaviour"),
        Check("reunion contact maintaining: high in B and C, low in A", "implementation", ains,
              "contact maintaining in ep5 and ep8: B > A and C > A; B and C at or above the "
              "scale midpoint (4), A below it",
              reunion_check("contact_maintaining", ["B", "C"], ["A"], levels=True),
              "reunions", defined.format("A needs contact maintaining of 4 or less, B3 "
                                         "seeking or maintaining of 5 or more"), "behaviour"),
    ]
    checks += trend_checks()
    checks += [
        Check("exploration in episode 2: A and B above C", "predicted",
              f"{ains}, ch. 6; Cassidy & Berlin 1994",
              "mean ep2 exploration rate: A > C and B > C", exploration_check, "episodes",
              "exploration does not enter the group definitions. In sample: issue 13 (the "
              "attachment-exploration balance) tuned exploration by group with this order in "
              "view. Shares a hidden variable with the other exploration checks: the "
              "attachment-exploration balance (arousal against expected rebuff, "
              "rules/secure_base.py, rules/deactivation.py)", "behaviour", True),
        Check("crying highest in C", "predicted", f"{ains}; Cassidy & Berlin 1994",
              "mean crying rate over the 8 episodes: C > A and C > B", crying_group_check,
              "episodes", "crying does not enter the definition of C (only B4's, within B). In "
              "sample: issue 13 (graded crying) tuned crying so that it differs by group. Shares "
              "the learned signal gain and arousal with the other crying checks",
              "behaviour", True),
        Check("avoidant: hidden arousal, little crying", "predicted",
              "Sroufe & Waters 1977; Spangler & Grossmann 1993",
              "separations (ep4, 6, 7): A's internal arousal not below B's (z > -2), A's "
              "crying at most half of B's", hidden_arousal_check, "episodes",
              "arousal is internal and crying does not enter the definition of A; 'at most "
              "half' is the project's reading of 'little crying', not a published ratio. In "
              "sample: a known failure that issue 13 named and the crying rework was tuned to "
              "pass. Shares the crying data of 'avoidant infants cry less in the separations' "
              "(episodes 4, 6, 7, A against B)", "behaviour", True),
    ]
    checks += normative_checks()
    checks += subgroup_checks()
    checks += mechanism_checks()
    checks += published_checks()
    checks += [
        Check("temperament moves B1/B2 vs B3/B4", "predicted", "Belsky & Rovine 1987",
              "low- vs high-reactive infants (reactivity/soothability 0.3/0.7 vs 0.7/0.3), "
              "global population: more B1/B2 (fewer B3/B4) among the secure",
              temperament_b_subgroup_check, basis=TEMPERAMENT_BASIS, topic="temperament",
              in_sample=True),
        Check("temperament: less reactive in A1-B2", "predicted", "Belsky & Rovine 1987",
              "low- vs high-reactive infants, global population: more of the low-reactive in "
              "A1-B2 (and so more of the high-reactive in B3-C2)", temperament_a1_b2_check,
              basis=TEMPERAMENT_BASIS, topic="temperament", in_sample=True),
        Check("temperament does not reverse caregiving", "predicted",
              "Belsky & Rovine 1987; docs/design.md",
              "each caregiving preset keeps its modal A/B/C group across temperaments; the "
              "population's secure share moves by at most 10 points",
              temperament_reversal_check,
              basis="'at most 10 points' is the design's reading of 'a few points' "
                    "(docs/design.md, the model). " + TEMPERAMENT_BASIS, topic="temperament",
              in_sample=True),
        Check("intervention at 6 months raises security", "predicted",
              "Bakermans-Kranenburg et al. 2003",
              "responsiveness 0.3 -> 0.8 at 6 months: secure at 12 months above unchanged care",
              intervention_check,
              basis="care the calibration never saw. In sample: issue 12 (outcomes vary, the "
                    "first months persist) changed how learning consolidates with this "
                    "comparison in view. Shares the consolidation of learning with the "
                    "stability checks and the realistic intervention", topic="change",
              in_sample=True),
        Check("change of care takes months", "predicted",
              "Vaughn et al. 1979; Egeland & Farber 1984; Dozier et al. 2001",
              "sensitive care turning rejecting at 9 months: more A at 12 than sensitive "
              "throughout; rejecting care turning sensitive at 12: a month later at least half "
              "as many A as rejecting throughout, and fewer at 18 than at 13",
              change_of_care_check,
              basis="care the calibration never saw; 'at least half' and the two ages are the "
                    "project's reading of 'change over months, not weeks' (changes of "
                    "classification between 12 and 18 months with changed care: Vaughn et al. "
                    "1979, Egeland & Farber 1984; secure with a nurturing foster mother 'in a "
                    "matter of months': Dozier et al. 2001), not published figures. In sample: "
                    "issue 20 measured these cells and set the rebuff's learning rate and "
                    "defensive exclusion with them in view. Shares the consolidation of "
                    "learning with the stability and intervention checks", topic="change",
              in_sample=True),
        Check("12-to-18-month stability", "predicted", "Waters 1978; Vaughn et al. 1979",
              f"same caregiver: >= {STABILITY_MIN:.0%} keep their classification; lower when "
              "care changed at 13 months (another family's care)", stability_check,
              basis="the calibration fitted 12-month shares only. In sample: a known failure "
                    "since the first validation, passed and failed again as issue 12 reworked "
                    "consolidation and life events with it in view. The 18-month procedure is "
                    "within the procedure's validated ages (11-20 months)", topic="change",
              in_sample=True),
        Check("within-country exceeds between-country variation", "predicted",
              short_source(VIK_1988),
              f"within/between about {WITHIN_BETWEEN_PUBLISHED:g} (chi-square split of 32 "
              "studies x A/B/C); at least 1", within_between_check,
              basis="the calibration fitted each country's pooled shares, not how its studies "
                    "differ. In sample: it failed (0.44, sampling error alone) until each "
                    "simulated study drew its own sample of the country's caregiving "
                    "(Population.study_sd, an assumption with no published figure, set at 0.08 "
                    "after 0.04 and 0.06 fell short at the validation seed); the ratio rests "
                    "on 32 studies and moves with the seed (0.08: 1.11 at the validation seed, "
                    "1.58 at seed 7)", topic="populations", in_sample=True),
        Check("sensitivity-security association modest", "predicted",
              "De Wolff & van IJzendoorn 1997",
              f"r(sensitivity, secure) about .24 in the global population: modest, "
              f"{SENSITIVITY_RANGE[0]:.2f} to {SENSITIVITY_RANGE[1]:.2f} (the simulated r's "
              "95% CI overlapping that range)", sensitivity_check,
              basis="the calibration fitted the mean caregiving, not its spread, which sets "
                    "the association. In sample: issue 12 measured this r (.40-.42 against .24) "
                    "and asked for the spreads to be grounded; the calibration notes compare "
                    "the r with .24. Shares its cohort and its r with 'sensitivity-security "
                    "association at the published size'", topic="caregiving", in_sample=True),
    ]
    checks += life_course_checks()
    order = list(KINDS)
    return sorted(checks, key=lambda c: order.index(c.kind))


CHECKS: list[Check] = build_checks()
