"""Where each group's care lies in a population: the caregiving of A, B and C infants.

Ainsworth et al. (1978, ch. 7-8) found the mothers of the three groups apart on the home
scales: mothers of secure (B) infants the most sensitive and accepting; mothers of avoidant (A)
infants rejecting, averse to close bodily contact; mothers of ambivalent (C) infants insensitive
and inconsistently available, but not rejecting (Cassidy & Berlin 1994: C arises from low or
inconsistent availability). In a simulated population this reads as: the caregivers of C infants
less consistent than those of B infants, consistency correlated negatively with C, and the
caregivers of B infants the warmest.

:func:`structure` computes these from weights (an infant's probability of each group, as the
calibration's emulator gives them, or 0/1 labels of a simulated cohort); :func:`of_table` from
a cohort's table; :data:`CONDITIONS` states the directions with the margins the calibration
holds populations to (``experiments/calibration/calibrate.py``) and that ``ssp validate``
checks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: The caregiving traits, in the order of the rows of :func:`structure`'s ``care``.
TRAITS = ("responsiveness", "consistency", "warmth")
GROUPS = ("A", "B", "C")


@dataclass(frozen=True)
class Condition:
    """A direction the group's care must take: ``value(s) >= margin``."""

    name: str
    meaning: str
    margin: float
    source: str
    #: held by the calibration's prior (False: reported, and checked as a prediction)
    prior: bool = True

    def value(self, s: dict[str, float]) -> float:
        if self.name == "corr_consistency_C":
            return -s["corr_consistency_C"]
        trait, high, low = self.name.split(":")
        return s[f"{trait}_{high}"] - s[f"{trait}_{low}"]


#: The directions (and margins) a population's care should take; the calibration holds
#: populations to those with ``prior`` (see :data:`PRIOR`).
CONDITIONS = (
    Condition("corr_consistency_C", "consistency correlates negatively with C (-r at least the "
              "margin)", 0.1, "Ainsworth et al. 1978; Cassidy & Berlin 1994"),
    Condition("consistency:B:C", "caregivers of C infants less consistent than those of B "
              "infants", 0.05, "Ainsworth et al. 1978; Cassidy & Berlin 1994"),
    Condition("warmth:B:C", "caregivers of B infants warmer (more accepting) than those of C "
              "infants", 0.01, "Ainsworth et al. 1978, ch. 7", prior=False),
    Condition("warmth:B:A", "caregivers of B infants warmer (more accepting) than those of A "
              "infants (A: rejecting)", 0.05, "Ainsworth et al. 1978, ch. 7"),
)


#: The conditions the calibration's prior holds populations to. Not B warmer than C: in this
#: model C needs care that is not rejecting as well as unavailable, so without more the caregivers
#: of C infants are selected for warmth; warm answers settling the infant's vigilance
#: (``warm_settling``, simulation/rules/learning.py) make B's the warmer, and the check reports
#: it as a prediction, so the fit is not held to it.
PRIOR = tuple(c for c in CONDITIONS if c.prior)


def structure(care: np.ndarray, weights: np.ndarray) -> dict[str, float]:
    """Group shares, mean care by group and corr(consistency, C).

    ``care`` (3, n): responsiveness, consistency, warmth of n infants' caregivers; ``weights``
    (n, 3): each infant's probability (or 0/1 indicator) of A, B, C. The correlation is the
    point-biserial correlation of consistency with being C (with probabilities: the
    correlation of consistency with the indicator whose expectation they are).
    """
    care = np.asarray(care, dtype=float)
    w = np.asarray(weights, dtype=float)
    total = np.maximum(w.sum(axis=0), 1e-12)
    out: dict[str, float] = {}
    for j, g in enumerate(GROUPS):
        out[f"share_{g}"] = float(w[:, j].sum() / max(w.sum(), 1e-12))
        for i, t in enumerate(TRAITS):
            out[f"{t}_{g}"] = float((care[i] * w[:, j]).sum() / total[j])
    c = care[1]
    p_c = w[:, 2] / np.maximum(w.sum(axis=1), 1e-12)
    share = float(p_c.mean())
    sd = float(c.std()) * np.sqrt(max(share * (1.0 - share), 0.0))
    out["corr_consistency_C"] = (float((np.mean(c * p_c) - c.mean() * share) / sd)
                                 if sd > 0 else float("nan"))
    return out


def of_table(table: pd.DataFrame, column: str = "abc_group") -> dict[str, float]:
    """:func:`structure` of a simulated cohort (forced A/B/C by default)."""
    labels = table[column].to_numpy()
    weights = np.stack([(labels == g).astype(float) for g in GROUPS], axis=1)
    care = np.stack([table[t].to_numpy(dtype=float) for t in TRAITS])
    return structure(care, weights)


def violations(s: dict[str, float], conditions=CONDITIONS) -> dict[str, float]:
    """How far each condition falls short of its margin (0 where it holds)."""
    return {c.name: max(0.0, c.margin - c.value(s)) for c in conditions}


def describe(s: dict[str, float]) -> str:
    """One line: shares, mean care by group and the correlation."""
    groups = "; ".join(f"{g} {s[f'share_{g}']:.1%}: r {s[f'responsiveness_{g}']:.2f} c "
                       f"{s[f'consistency_{g}']:.2f} w {s[f'warmth_{g}']:.2f}" for g in GROUPS)
    return f"{groups}; corr(consistency, C) {s['corr_consistency_C']:+.2f}"
