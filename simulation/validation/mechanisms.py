"""Checks of the mechanisms behind C and D (beyond the shares the trends check).

- Hyperactivation: care that answers unpredictably rewards escalation intermittently, and the
  infant learns to signal harder (Cassidy & Berlin 1994; Cassidy & Kobak 1988): the learned
  signal gain (``internal_signal_gain``) is higher under inconsistent than under consistent care
  at the same mean responsiveness. An implementation check: the learning rule moves the gain
  this way by design.
- Where C comes from in the populations: the caregivers of C infants less consistent than those
  of B infants (consistency correlated negatively with C), and those of B infants warmer than
  those of A infants (Ainsworth et al. 1978; Cassidy & Berlin 1994). An implementation check:
  the calibration holds the populations to it (a prior in its objective, on a covariance
  structure chosen for it), so a pass shows the calibrated populations carry it, not that the
  model predicts it. That the caregivers of B infants are also warmer than those of C infants
  is not imposed: a predicted check.
- Disorganization is probable, not certain, under frightening care: frightening care is one
  risk factor for D among others (Main & Hesse 1990; van IJzendoorn et al. 1999), and its
  published association with D is moderate (Madigan et al. 2006), so neither a certain D nor an
  all-or-none D rating fits.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import care_structure
from ..stats import wilson_interval
from .base import Z_ORDER, Check, Outcome, diff_z, pct
from .cohorts import CohortProvider
from .trends import AMBIVALENT_RESPONSIVENESS, ambivalent_trend

#: "Well below 1": P(D | frightening care) passes when its 95% upper bound is under this. The
#: project's reading of "probable, not certain"; no published P(D | frightening care) is used.
D_CERTAINTY_MAX = 0.8
#: D ratings 1-9 (Main & Solomon 1990); D at 5 or more. The middle of the scale:
MIDDLE_RATINGS = (3, 4, 5, 6, 7)
D_POPULATION = "low-risk-abcd"
#: The populations whose care structure is checked (held to the calibration's prior).
STRUCTURE_POPULATIONS = ("global", "baltimore")


def care_by_group(provider: CohortProvider, conditions=care_structure.PRIOR) -> Outcome:
    """Where each group's care lies in the calibrated populations (forced A/B/C), against
    ``conditions`` (by default those the calibration imposes)."""
    passed, parts, values = True, [], {}
    for name in STRUCTURE_POPULATIONS:
        s = care_structure.of_table(provider.population(name))
        short = care_structure.violations(s, conditions)
        ok = not any(v > 0 for v in short.values())
        passed = passed and ok
        parts.append(f"{name}: {care_structure.describe(s)}"
                     + ("" if ok else f" (short: {', '.join(k for k, v in short.items() if v)})"))
        values[name] = s
    return Outcome("; ".join(parts), passed, values)


def gain_by_consistency(table: pd.DataFrame, low_cell: int, high_cell: int,
                        column: str = "internal_signal_gain") -> tuple[float, float, float, float]:
    """Mean ``column`` in the least consistent cell (``low_cell``) and the most consistent
    (``high_cell``), their difference and its z (Welch)."""
    low = table.loc[table["cell"] == low_cell, column]
    high = table.loc[table["cell"] == high_cell, column]
    d, z = diff_z(low, high)
    return float(low.mean()), float(high.mean()), d, z


def inconsistency_raises_gain(provider: CohortProvider) -> Outcome:
    passed, parts, values = True, [], {}
    for r in AMBIVALENT_RESPONSIVENESS:
        trend = ambivalent_trend(r)
        levels = trend.levels
        low_cell, high_cell = int(np.argmin(levels)), int(np.argmax(levels))
        lo, hi, d, z = gain_by_consistency(trend.table(provider), low_cell, high_cell)
        ok = bool(z > Z_ORDER)
        passed = passed and ok
        parts.append(f"resp. {r:g}: consistency {levels[low_cell]:g} {lo:.2f} vs "
                     f"{levels[high_cell]:g} {hi:.2f} (z {z:.1f})")
        values[f"{r:g}"] = {"inconsistent": lo, "consistent": hi, "diff": d, "z": z}
    return Outcome("; ".join(parts), passed, values)


def d_probabilistic(table: pd.DataFrame) -> Outcome:
    """Among infants whose caregiver was at times frightening: P(D) with its 95% upper bound
    under :data:`D_CERTAINTY_MAX`, and the middle D ratings (3-7) given at least as often as the
    top rating (9): not a switch on frightening care."""
    fright = (table["frightening"].to_numpy(dtype=float) > 0)
    is_d = (table["group"] == "D").to_numpy()
    n_f = int(fright.sum())
    k = int(is_d[fright].sum())
    p = k / max(n_f, 1)
    _, upper = wilson_interval(k, n_f)
    upper = float(upper)
    p_none = float(is_d[~fright].mean()) if (~fright).any() else float("nan")
    ratings = table.loc[fright, "d_rating"].to_numpy(dtype=int)
    hist = {int(v): int(np.sum(ratings == v)) for v in range(1, 10)}
    middle = sum(hist[v] for v in MIDDLE_RATINGS)
    spread = n_f > 0 and middle >= hist[9]
    certain_not = n_f > 0 and upper < D_CERTAINTY_MAX
    f = table["frightening"].to_numpy(dtype=float)
    r = (float(np.corrcoef(f, is_d.astype(float))[0, 1])
         if f.std() > 0 and is_d.std() > 0 else float("nan"))
    histogram = " ".join(f"{v}:{hist[v]}" for v in range(1, 10))
    return Outcome(
        f"P(D | frightening care) {pct(p)} (95% up to {pct(upper)}; {k:,} of {n_f:,}), "
        f"P(D | none) {pct(p_none)}; r(frightening, D) {r:.2f}; D ratings under frightening "
        f"care {histogram} (middle 3-7: {middle:,}, 9: {hist[9]:,})",
        bool(spread and certain_not),
        {"p_d_frightening": p, "upper": upper, "p_d_none": p_none, "n_frightening": n_f,
         "r": r, "ratings": hist, "middle": middle})


def mechanism_checks() -> list[Check]:
    margins = ", ".join(f"{c.meaning} (by {c.margin:g})" for c in care_structure.PRIOR)
    free = tuple(c for c in care_structure.CONDITIONS if not c.prior)
    return [
        Check("care by group: C caregivers inconsistent, A caregivers cold",
              "implementation", "Ainsworth et al. 1978, ch. 7; Cassidy & Berlin 1994",
              f"populations {', '.join(STRUCTURE_POPULATIONS)}, forced A/B/C: {margins}",
              care_by_group, "",
              "true by construction of the calibrated populations, not a prediction: the "
              "calibration (experiments/calibration/calibrate.py) holds every population "
              "without a cultural mechanism to these directions (a prior in its objective, "
              "simulation/care_structure.py), on a covariance structure of the caregiving "
              "traits (loadings on a shared factor: responsiveness and consistency high, "
              "warmth lower; Ainsworth's home scales intercorrelated highly) chosen so that C "
              "arises with inconsistent, unresponsive care and not with warm non-response. "
              "Within the model (rules/availability.py, rules/answers.py) C comes from low "
              "responsiveness with enough warmth; consistency adds little at a fixed "
              "responsiveness, so the correlation with consistency is the population's "
              "covariance at work", "ambivalence"),
        Check("care by group: B caregivers warmer than C caregivers", "predicted",
              "Ainsworth et al. 1978, ch. 7",
              f"populations {', '.join(STRUCTURE_POPULATIONS)}, forced A/B/C: "
              + ", ".join(f"{c.meaning} (by {c.margin:g})" for c in free),
              lambda p: care_by_group(p, free), "",
              "not imposed: the calibration reports it but does not hold populations to it "
              "(simulation/care_structure.py PRIOR); the loadings were chosen with the other "
              "conditions in view. In sample: issue 20 found the opposite (C caregivers warmer) "
              "and asked for B the most accepting. Shares its cohorts and the covariance "
              "structure with 'care by group: C caregivers inconsistent, A caregivers cold'",
              "ambivalence", True),
        Check("inconsistent care raises the signal gain", "implementation",
              "Cassidy & Berlin 1994; Cassidy & Kobak 1988",
              "learned signal gain (internal) higher at consistency 0.1 than at 1, at the same "
              f"responsiveness ({', '.join(f'{r:g}' for r in AMBIVALENT_RESPONSIVENESS)}; "
              f"warmth 0.7) (> {Z_ORDER:g} SE)", inconsistency_raises_gain, "",
              "true by construction: the learning rule (rules/learning.py) raises the gain "
              "when only escalation was answered, faster the more volatility the infant has "
              "learned (partial_reinforcement x volatility), and inconsistent care answers in "
              "spells, which is what volatility learns: the gain rises under it by design, read "
              "from the working model, not the coder. Shares its cohorts with the ambivalent "
              "trends", "ambivalence"),
        Check("disorganization probable, not certain, under frightening care", "predicted",
              "Main & Hesse 1990; van IJzendoorn et al. 1999; Madigan et al. 2006",
              f"population '{D_POPULATION}', caregivers at times frightening: P(D) well below "
              f"1 (95% upper bound under {D_CERTAINTY_MAX:g}: the project's reading, no "
              "published figure) and the D rating spread over its scale (ratings 3-7 at least "
              "as common as 9)", lambda p: d_probabilistic(p.population(D_POPULATION)),
              "", "the calibration fitted the share of frightening caregivers to the D share, "
              "not how D depends on them. In sample: issue 12 asked for exactly this (D "
              "probable, not certain; the rating spread) and graded D until it held. Shares "
              "its cohort and learned fear with 'frightening care and D at the published size'",
              "disorganization", True),
    ]
