"""What every literature check is made of: its kind, its outcome, and the small statistics the
checks share.

Three kinds of check, each saying what a pass is evidence of:

- ``calibrated``: a published figure the calibration fitted the population presets to
  (``experiments/calibration/calibrate.py``). A pass shows the fit holds on fresh infants; it is
  not evidence for the model.
- ``implementation``: true by construction: follows from how the coder defines the groups
  (Ainsworth et al. 1978, pp. 59-63: A by reunion avoidance, C by resistance, B by seeking and
  keeping contact; see :mod:`simulation.observer.classification`), or from a rule or the
  procedure's script that produces it by design (its ``basis`` names the rule). A pass shows the
  code does what it says; a failure would be a bug.
- ``predicted``: nothing in the fit, the definitions or a rule's design forces it. Only these
  count as validation. Each says whether it is ``in_sample``: True where the figure or direction
  it tests guided the model's development before the check was written (a development target:
  a pass is then weaker evidence), False where the model never saw it.

Every check carries a ``topic`` (:data:`TOPICS`) and a ``basis`` (why it is of its kind, and the
hidden variable it shares with other checks, where it does). A check is refused at definition
if any of this is missing.
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
    "implementation": "true by construction: follows from how the coder defines the groups "
                      "(reunion avoidance for A, resistance for C, seeking and keeping contact "
                      "for B) or from a rule or script that produces it by design: a pass shows "
                      "the code does what it says",
    "predicted": "nothing in the fit, the group definitions or a rule's design forces it: only "
                 "these count as validation (in sample: the figure guided development before "
                 "the check was written)",
}

#: What part of the model a check tests (field ``topic``).
TOPICS: dict[str, str] = {
    "distribution": "the published A/B/C(/D) shares of the populations",
    "behaviour": "behaviour in the room, episode by episode and by group",
    "caregiving": "how caregiving moves the classification (and the size of the association)",
    "ambivalence": "the ambivalent pathway: inconsistent care, hyperactivation, C1 and C2",
    "disorganization": "disorganization and its association with frightening care",
    "subgroups": "the subgroup split (A1-C2)",
    "temperament": "temperament's part beside caregiving",
    "change": "change of care: intervention and stability",
    "populations": "variation between and within populations",
    "life course": "from infancy to adulthood and the next generation",
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
    basis: str = ""  # why it is of its kind (what fits, defines or produces it; what it shares)
    topic: str = ""  # what part of the model it checks: one of TOPICS
    in_sample: bool | None = None  # predicted only: did the figure guide development?

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"check {self.name!r}: kind must be one of {list(KINDS)}, "
                             f"not {self.kind!r}")
        if self.topic not in TOPICS:
            raise ValueError(f"check {self.name!r}: topic must be one of {list(TOPICS)}, "
                             f"not {self.topic!r}")
        if not self.basis.strip():
            raise ValueError(f"check {self.name!r}: basis must say why it is {self.kind}")
        if self.kind == "predicted" and not isinstance(self.in_sample, bool):
            raise ValueError(f"check {self.name!r}: a predicted check must say whether it is "
                             "in_sample (True: its figure guided development before the check "
                             "was written; False: the model never saw it)")
        if self.kind != "predicted" and self.in_sample is not None:
            raise ValueError(f"check {self.name!r}: in_sample applies to predicted checks "
                             f"only, not to {self.kind}")

    @property
    def sample(self) -> str:
        """``in sample`` / ``out of sample`` for a predicted check, ``""`` otherwise."""
        if self.in_sample is None:
            return ""
        return "in sample" if self.in_sample else "out of sample"


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
