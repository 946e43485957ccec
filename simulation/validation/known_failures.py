"""Checks the model is known to fail, each with what was found.

A check listed here that fails does not make ``ssp validate`` exit non-zero (``--strict`` does); it
is shown in the output with its reason. A listed check that passes is reported as such, so the
entry can be removed once it passes in both the quick and the full run (a check on the border of
its threshold may pass in one and not the other: the quick run simulates fewer infants). Never list
a check to hide a failure that is not understood: the reason says what the simulation does and why
it differs from the literature. Figures in the reasons are from the full run (``ssp validate``,
seed 2025) of the model with enacted care (simulation/rules/enacted.py), before the populations
were recalibrated for it (the calibration of experiments/calibration/README.md, fitted without
it: the distributions' checks fail until the recalibration, and the figures below will move by a
few points with it). The table above them always shows the current run's.
"""

from __future__ import annotations

#: check name -> what was found (shown in the output and in docs/validation.md).
KNOWN_FAILURES: dict[str, str] = {
    "distribution low-risk-abcd": (
        "On the border of its tolerance in the full run: C 7.9% against the pooled 8.9% (z "
        "-2.0 in the calibration's confirmation cohort, seed 1978, and in the validation's, "
        "seed 2025); A, B and D within. The quick run passes (its cohort is smaller). The "
        "calibration fits this population's responsiveness, consistency and warmth and its "
        "share of frightening caregivers, with 18% unresolved caregivers fixed; C comes from "
        "inconsistent care, and under the care-structure prior and the ridge toward the "
        "anchor the fit keeps C a point low (a rerun with five bias-correction rounds gave "
        "the same). Left as found rather than loosening the tolerance."),
    "change follows negative life events": (
        "Not beyond chance: 37% of those who met a negative life event changed security "
        "between 1 and 18 years against 34% of the others (5,000 lives, quick and full run, "
        "the last calibration; 36% vs 36% before it, 32% vs 28% before enacted care). Events "
        "do move security: before the last calibration they lowered the chance of being "
        "secure at 18 by 5-7 points both for infants secure at 1 (53% with events, 59% "
        "without) and for insecure ones (23% vs 30%), so with most infants secure at 1 the "
        "change they add (secure to insecure) and the change they prevent (insecure to "
        "secure) cancel in 'changed'. Two things keep their share small: the parents' care "
        "drifts a lot without "
        "events (care_drift 0.2 a year with persistence 0.9, a stationary spread near 0.45), "
        "and the events fall over years 1-17 when the model of the parents has consolidated "
        "(plasticity falling with the months into the relationship), while the drift starts "
        "at 1. Waters et al. (2000) found change mostly from secure to insecure in a sample "
        "mostly secure and stable without events. A mechanism that would separate them (an "
        "event reopening the models, Bowlby 1980; or less drift and more of the parents' "
        "change of care caused by stress) moves the continuity checks the drift was set with "
        "and is not done."),
    "interview and self-report barely related": (
        "Related more than published: r = .40 between the interview's secure reading and the "
        "self-reported secure style at 30 (5,000 lives, full and quick run), against about .1 "
        "(Roisman et al. 2007); .58 when the self-report read the general model the interview "
        "also reads. The self-report describes romantic relationships (ecr_romantic 0.5: half "
        "the partner's model) and its anxiety carries the temperament (ecr_temperament, "
        "Noftle & Shaver 2006), but the romantic model is seeded from the general model and "
        "learns from the same partner, so the two still share it. A larger romantic share "
        "lowers r (0.7: .35; the romantic model alone: about .25) but takes the avoidant "
        "share of the three styles below its check's range (15%; partners seldom rebuff), so "
        "the value was lowered to keep that check; reading the interview from the model of "
        "the parents alone (aai_general 0) lowers r by .02-.04. What the interview codes "
        "beyond the models (coherence of discourse, unresolved loss) is not in the model."),
}
