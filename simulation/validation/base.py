"""What every literature check is made of: its kind, its outcome, and the small statistics the
checks share.

Three kinds of check, each saying what a pass is evidence of:

- ``calibrated``: a published figure the calibration fitted the population presets to
  (``experiments/calibration/calibrate.py``). A pass shows the fit holds on fresh infants; it is
  not evidence for the model.
- ``implementation``: follows from how the coder defines the groups (Ainsworth et al. 1978,
  pp. 59-63: A by reunion avoidance, C by resistance, B by seeking and keeping contact; see
  :mod:`simulation.observer.classification`). A pass shows the coder does what it says; a
  failure would be a bug.
- ``predicted``: nothing in the fit or in the definitions forces it. Only these count as
  validation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from .cohorts import CohortProvider

#: The kinds of check, in report order, with what a pass is evidence of.
KINDS: dict[str, str] = {
    "calibrated": "a published figure the population presets were fitted to: a pass shows the "
                  "fit holds on fresh infants, not that the model is right",
    "implementation": "follows from how the coder defines the groups (reunion avoidance for A, "
                      "resistance for C, seeking and keeping contact for B): a pass shows the "
                      "coder does what it says",
    "predicted": "nothing in the fit or in the group definitions forces it: only these count "
                 "as validation",
}

#: Difference (in standard errors) that counts as "above" / "rises".
Z_ORDER = 2.0


@dataclass
class Outcome:
    """What a check found: the simulated value (text), pass/fail, and the numbers behind it."""

    simulated: str
    passed: bool
    values: dict = field(default_factory=dict)
    expected: str | None = None  # overrides the check's expected text (e.g. with --quick's z)


@dataclass(frozen=True)
class Check:
    """One literature check: ``run(provider)`` simulates (through the shared cohorts) and
    returns its :class:`Outcome`."""

    name: str
    kind: str  # one of KINDS
    reference: str
    expected: str
    run: Callable[[CohortProvider], Outcome]
    figure: str = ""  # the figure (file stem) that shows it
    basis: str = ""  # why it is of its kind (what fits or defines it; or what it rests on)
    topic: str = "infancy"  # what part of the model it checks ("infancy", "life course")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"check {self.name!r}: kind must be one of {list(KINDS)}, "
                             f"not {self.kind!r}")


# ---------------------------------------------------------------------------------------------
# small statistics
# ---------------------------------------------------------------------------------------------
def share_se(p, n) -> np.ndarray:
    """Binomial standard error of a share (floored at half a case, so 0% has an error)."""
    n = np.maximum(np.asarray(n, dtype=float), 1.0)
    p = np.clip(np.asarray(p, dtype=float), 0.5 / n, 1.0 - 0.5 / n)
    return np.sqrt(p * (1.0 - p) / n)


def mean_se(values: pd.Series | np.ndarray) -> tuple[float, float]:
    """Mean and its standard error (infinite for fewer than two values)."""
    v = np.asarray(values, dtype=float)
    if v.size < 2:
        return (float(v.mean()) if v.size else float("nan")), float("inf")
    return float(v.mean()), float(v.std(ddof=1) / np.sqrt(v.size))


def _z(d: float, se: float) -> float:
    if se > 0:
        return d / se
    return float(np.inf if d > 0 else -np.inf if d < 0 else 0.0)


def diff_z(a, b) -> tuple[float, float]:
    """Difference of means of two independent samples and its z (Welch)."""
    ma, sa = mean_se(a)
    mb, sb = mean_se(b)
    d = ma - mb
    return d, _z(d, float(np.hypot(sa, sb)))


def paired_z(high, low) -> tuple[float, float]:
    """Mean of the paired differences ``high - low`` (one pair per infant) and its z."""
    d, se = mean_se(np.asarray(high, dtype=float) - np.asarray(low, dtype=float))
    return d, _z(d, se)


def above_z(values, floor: float) -> tuple[float, float]:
    """Mean minus ``floor`` and its z (one sample)."""
    m, se = mean_se(values)
    return m - floor, _z(m - floor, se)


def share_diff_z(k1: float, n1: int, k2: float, n2: int) -> tuple[float, float]:
    """Difference of two shares ``k1/n1 - k2/n2`` and its z (unpooled)."""
    p1, p2 = k1 / max(n1, 1), k2 / max(n2, 1)
    d = p1 - p2
    return d, _z(d, float(np.hypot(share_se(p1, n1), share_se(p2, n2))))


def short_source(source: str) -> str:
    """A source of :mod:`simulation.literature` as a short citation ("van IJzendoorn &
    Kroonenberg 1988", "Ainsworth et al. 1978"): each source named once, with its year once."""
    for prefix, short in (("van IJzendoorn & Kroonenberg", "van IJzendoorn & Kroonenberg 1988"),
                          ("Ainsworth, Blehar", "Ainsworth et al. 1978"),
                          ("van IJzendoorn, Schuengel", "van IJzendoorn et al. 1999")):
        if source.startswith(prefix):
            return short
    return source.split(",")[0]


def pct(x: float) -> str:
    return f"{x:.0%}"


def by_group(table: pd.DataFrame, column: str = "group") -> dict[str, pd.DataFrame]:
    """The rows of each group (only groups that occur)."""
    return {g: rows for g, rows in table.groupby(column, observed=True)}
