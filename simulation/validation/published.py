"""Predicted checks against published effect sizes: an association or an effect the model must
reproduce at the size a meta-analysis reports, not only in its direction.

- Frightening care and D: anomalous (frightening, frightened, disrupted) parental behaviour and
  infant disorganization, r = .34 over 12 studies, 851 families (Madigan, Bakermans-Kranenburg,
  van IJzendoorn, Moran, Pederson & Benoit 2006).
- Sensitivity and security: r = .24 over the 21 studies (N 1,099) that used the Strange
  Situation in non-clinical samples with observed sensitivity (De Wolff & van IJzendoorn 1997).
  The model's r is a true-score correlation (the caregiver's parameters against one coded
  procedure); it is attenuated by declared reliabilities before the comparison.
- An intervention of realistic size: randomized interventions moved sensitivity by d = 0.33 and
  attachment security by d = 0.20 (Bakermans-Kranenburg, van IJzendoorn & Juffer 2003: 88
  effects, n 7,636 for sensitivity and 1,503 for attachment).

Stability over early childhood (Opie et al. 2021, r = .28) is the life course's check "early-
childhood stability of security" (:mod:`.life_course`), not repeated here.

Each check is a pure function of tables (:func:`frightening_d_association`,
:func:`attenuated_association`, :func:`intervention_effect`), wrapped to read the shared cohorts.
A figure passes when the simulated value is within ``Z_ORDER`` combined standard errors of the
published one (the published sample's and the simulated cohort's).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..caregiving import CaregiverProfile, ainsworth_sensitivity
from ..cell_design import CellDesign
from .base import Z_ORDER, Check, Outcome, pct
from .cohorts import CohortProvider
from .life_course import corr_se

#: Madigan et al. (2006): anomalous parental behaviour and infant D.
MADIGAN_R, MADIGAN_N = 0.34, 851
D_POPULATION = "low-risk-abcd"
#: De Wolff & van IJzendoorn (1997): sensitivity and security, SSP, non-clinical samples.
DE_WOLFF_R, DE_WOLFF_N = 0.24, 1099
SENSITIVITY_POPULATION = "global"
#: Declared reliabilities that attenuate the model's true-score r: of an observed sensitivity
#: rating and of one Strange Situation's secure/insecure classification. Assumptions (the
#: calibration notes use the same), not figures this project confirmed: marked "(check)".
RELIABILITY_SENSITIVITY = 0.80
RELIABILITY_CLASSIFICATION = 0.65
#: Bakermans-Kranenburg et al. (2003): effects of randomized interventions.
INTERVENTION_D_SENSITIVITY = 0.33
INTERVENTION_D_SECURITY = 0.20
INTERVENTION_N_ATTACHMENT = 1503
#: The trial: families of the global population, care changed at this month, SSP at 12.
INTERVENTION_FAMILIES = 500
INTERVENTION_MONTH = 6.0
#: d from a log odds ratio (Hasselblad & Hedges 1995): d = ln(OR) * sqrt(3) / pi.
LOGIT_TO_D = float(np.sqrt(3.0) / np.pi)


def r_se(r: float, n: int) -> float:
    """Standard error of a correlation ``r`` from ``n`` cases: (1 - r^2) / sqrt(n - 1)."""
    return (1.0 - r * r) / np.sqrt(max(n - 1, 1))


def d_se(n: int, d: float = 0.0) -> float:
    """Standard error of a standardized difference over ``n`` cases in two equal arms."""
    n = max(n, 2)
    return float(np.sqrt(4.0 / n + d * d / (2.0 * n)))


def within(sim: float, se_sim: float, published: float, se_pub: float) -> tuple[bool, float]:
    """Whether ``sim`` is within ``Z_ORDER`` combined standard errors of ``published``; and z."""
    z = (sim - published) / float(np.hypot(se_sim, se_pub))
    return bool(abs(z) <= Z_ORDER), float(z)


# ---------------------------------------------------------------------------------------------
# frightening care and D (Madigan et al. 2006)
# ---------------------------------------------------------------------------------------------
def frightening_d_association(table: pd.DataFrame) -> Outcome:
    """r between the caregiver's anomalous behaviour and D (``group == "D"``), against Madigan
    et al.'s r = .34; with the share of D infants who had a frightening caregiver and P(D)
    without one (Granqvist et al. 2017: most D infants in low-risk samples have no frightening
    parent).

    Madigan et al. pooled codings of anomalous behaviour (Main & Hesse's frightening,
    frightened and dissociated behaviour; Lyons-Ruth's disrupted communication), so the
    caregiver's anomalous behaviour here is the larger of ``frightening`` and ``unresolved``
    (frightened, dissociated behaviour) where the table has both."""
    fright = table["frightening"].to_numpy(dtype=float)
    if "unresolved" in table.columns:
        fright = np.maximum(fright, table["unresolved"].to_numpy(dtype=float))
    is_d = (table["group"] == "D").to_numpy()
    r, se = corr_se(fright, is_d)
    passed, z = within(r, se, MADIGAN_R, r_se(MADIGAN_R, MADIGAN_N))
    any_f = fright > 0
    d_with_f = float(any_f[is_d].mean()) if is_d.any() else float("nan")
    p_d_none = float(is_d[~any_f].mean()) if (~any_f).any() else float("nan")
    return Outcome(f"r = {r:.2f} (z {z:+.1f} against .34; n {len(table):,}); "
                   f"{pct(d_with_f)} of D infants had a frightening or unresolved caregiver; "
                   f"P(D | none) {pct(p_d_none)}", passed,
                   {"r": r, "se": se, "z": z, "d_with_frightening": d_with_f,
                    "p_d_none": p_d_none, "n": int(len(table))})


# ---------------------------------------------------------------------------------------------
# sensitivity and security, attenuated (De Wolff & van IJzendoorn 1997)
# ---------------------------------------------------------------------------------------------
def attenuated_association(table: pd.DataFrame,
                           reliability_sensitivity: float = RELIABILITY_SENSITIVITY,
                           reliability_classification: float = RELIABILITY_CLASSIFICATION
                           ) -> Outcome:
    """The true-score r(sensitivity, secure) times sqrt(reliability x reliability) (Spearman's
    attenuation), against De Wolff & van IJzendoorn's r = .24."""
    secure = (table["classification"] == "secure").to_numpy(dtype=float)
    r_true, se_true = corr_se(table["sensitivity"].to_numpy(dtype=float), secure)
    factor = float(np.sqrt(reliability_sensitivity * reliability_classification))
    r_obs, se_obs = r_true * factor, se_true * factor
    passed, z = within(r_obs, se_obs, DE_WOLFF_R, r_se(DE_WOLFF_R, DE_WOLFF_N))
    return Outcome(f"true-score r = {r_true:.2f}, attenuated r = {r_obs:.2f} (x {factor:.2f}; "
                   f"z {z:+.1f} against .24; n {len(table):,})", passed,
                   {"r_true": r_true, "r_attenuated": r_obs, "factor": factor, "z": z,
                    "n": int(len(table))})


# ---------------------------------------------------------------------------------------------
# an intervention of realistic size (Bakermans-Kranenburg et al. 2003)
# ---------------------------------------------------------------------------------------------
def sensitivity_of(care: Sequence[CaregiverProfile]) -> np.ndarray:
    """Each caregiver's equivalent on Ainsworth's 1-9 sensitivity scale."""
    return np.array([ainsworth_sensitivity(c.responsiveness, c.consistency) for c in care])


def raised_care(families: Sequence[CaregiverProfile], d: float = INTERVENTION_D_SENSITIVITY
                ) -> tuple[tuple[CaregiverProfile, ...], float]:
    """The families' care after an intervention that raises each one's sensitivity by ``d``
    standard deviations of the families' sensitivity (through responsiveness, capped at 1);
    and the achieved d (lower than ``d`` where the cap binds)."""
    before = sensitivity_of(families)
    sd = float(before.std(ddof=1))
    after = tuple(c.replace(responsiveness=round(min(
        1.0, c.responsiveness + d * sd / (4.0 * (1.0 + c.consistency))), 4)) for c in families)
    achieved = float((sensitivity_of(after).mean() - before.mean()) / sd) if sd > 0 else 0.0
    return after, achieved


def security_d(control: pd.DataFrame, treated: pd.DataFrame) -> tuple[float, float]:
    """The intervention's effect on security as d (from the log odds ratio of secure in the two
    arms, Hasselblad & Hedges 1995) and its standard error."""
    a = float((treated["classification"] == "secure").sum()) + 0.5
    b = float(len(treated)) - a + 1.0
    c = float((control["classification"] == "secure").sum()) + 0.5
    e = float(len(control)) - c + 1.0
    log_or = np.log(a / b) - np.log(c / e)
    se = np.sqrt(1 / a + 1 / b + 1 / c + 1 / e)
    return float(log_or * LOGIT_TO_D), float(se * LOGIT_TO_D)


def intervention_effect(control: pd.DataFrame, treated: pd.DataFrame,
                        d_sensitivity: float) -> Outcome:
    """The simulated effect on security (d) against the published d = 0.20, for a sensitivity
    change of ``d_sensitivity``."""
    d, se = security_d(control, treated)
    se_pub = d_se(INTERVENTION_N_ATTACHMENT, INTERVENTION_D_SECURITY)
    passed, z = within(d, se, INTERVENTION_D_SECURITY, se_pub)
    s_c = float((control["classification"] == "secure").mean())
    s_t = float((treated["classification"] == "secure").mean())
    return Outcome(f"sensitivity d {d_sensitivity:.2f} from {INTERVENTION_MONTH:g} months: "
                   f"secure {pct(s_c)} -> {pct(s_t)}, security d = {d:.2f} (z {z:+.1f} "
                   f"against 0.20; {len(control):,} infants per arm)", passed,
                   {"d_security": d, "se": se, "z": z, "d_sensitivity": d_sensitivity,
                    "secure": [s_c, s_t], "n": int(len(control))})


def realistic_intervention(provider: CohortProvider) -> Outcome:
    from .checks import ChangedCareDesign, _families  # the shared family draw

    families = tuple(_families(INTERVENTION_FAMILIES))
    after, achieved = raised_care(families)
    n = max(INTERVENTION_FAMILIES, provider.sizes.arm)
    control = provider.design_cohort(CellDesign(families, name="trial: control"), n, 12.0)
    treated = provider.design_cohort(
        ChangedCareDesign(families, name="trial: sensitivity d 0.33", after=after,
                          change_month=INTERVENTION_MONTH), n, 12.0)
    return intervention_effect(control, treated, achieved)


# ---------------------------------------------------------------------------------------------
# the checks
# ---------------------------------------------------------------------------------------------
def published_checks() -> list[Check]:
    return [
        Check("frightening care and D at the published size", "predicted",
              "Madigan et al. 2006",
              f"population '{D_POPULATION}': r(anomalous care, D) = .34 (anomalous parental "
              f"behaviour and infant D, 12 studies, N {MADIGAN_N}), within {Z_ORDER:g} combined "
              "SE; the model's r is a true-score r, so an observed one would be lower still",
              lambda p: frightening_d_association(p.population(D_POPULATION)),
              basis="the calibration fitted the share of frightening caregivers to the D share, "
                    "not how strongly D depends on them; anomalous care is the larger of "
                    "frightening and unresolved. In sample: issue 20 lowered how frightening a "
                    "frightening caregiver of the low-risk population is (0.5 to 0.2) after "
                    "trial cohorts showed this r at about .6, and gave the population its "
                    "unresolved caregivers (a literature share, not fitted). Shares its cohort "
                    "and learned fear with 'disorganization probable, not certain, under "
                    "frightening care'",
              topic="disorganization", in_sample=True),
        Check("sensitivity-security association at the published size", "predicted",
              "De Wolff & van IJzendoorn 1997",
              f"global population: the true-score r(sensitivity, secure) attenuated by declared "
              f"reliabilities ({RELIABILITY_SENSITIVITY:g} for the sensitivity rating, "
              f"{RELIABILITY_CLASSIFICATION:g} for one procedure's classification: assumptions, "
              f"(check)) within {Z_ORDER:g} combined SE of r = .24 (21 Strange Situation "
              f"studies, non-clinical, N {DE_WOLFF_N:,}). The abstract says the .24 is after "
              "correction for attenuation (check): if so, the true-score r is the one to "
              "compare, and it is higher",
              lambda p: attenuated_association(p.population(SENSITIVITY_POPULATION)),
              basis="the calibration fitted the mean caregiving, not its spread, which sets "
                    "the association. In sample: the calibration notes already compared this "
                    "r, attenuated by the same assumed reliabilities, with .24, and issue 12 "
                    "named the r; the reliabilities were declared after the r was seen. Shares "
                    "its cohort and r with 'sensitivity-security association modest'",
              topic="caregiving", in_sample=True),
        Check("an intervention of realistic size", "predicted",
              "Bakermans-Kranenburg et al. 2003",
              f"{INTERVENTION_FAMILIES} families of the global population; from "
              f"{INTERVENTION_MONTH:g} months each one's sensitivity rises by d = 0.33 of the "
              "families' spread (through responsiveness); security at 12 months rises by d = "
              f"0.20 (n {INTERVENTION_N_ATTACHMENT:,}), within {Z_ORDER:g} combined SE (d from "
              "the log odds ratio)",
              realistic_intervention,
              basis="care the calibration never saw. Out of sample: no intervention of this "
                    "size was simulated before the check was written. Shares the consolidation "
                    "of learning with 'intervention at 6 months raises security' and the "
                    "stability check, and the family draw with the stability check",
              topic="change", in_sample=False),
    ]
