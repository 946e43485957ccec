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
    "change follows negative life events": (
        "No longer found: 37% of those who met a negative life event changed security between 1 "
        "and 18 years against 35% of the others (full run; the quick run 36% vs 37%); before "
        "enacted care 32% vs 28%. Security now changes more often without events: the home "
        "year's enacted care fades after infancy and the parents' care drifts more (care_drift "
        "0.2), so the events' share of the change is small, as in Waters et al. (2000) and "
        "Weinfield et al. (2000), where it was found in one sample and not in the other. With "
        "fewer infants secure at 1 before the recalibration (54% against 65%), events that "
        "make secure infants insecure and keep insecure ones so also cancel in 'changed'."),
    "continuity falls with the interval toward a plateau": (
        "On the border in the quick run: r(1, 3) = 0.35 and r(1, 25) = 0.30, a fall not yet "
        "beyond two standard errors at the quick run's 2,000 lives; the full run passes (0.34 "
        "and 0.30; 0.41 and 0.42 before enacted care). The fall comes from the home year's "
        "enacted care fading after infancy and the parents' care drifting over the years "
        "(a stable factor plus change, Fraley 2002); the models of the parents consolidate "
        "early, so most of the fall is over by the school years."),
    "interview and self-report barely related": (
        "Related more than published: r = .35 between the interview's secure reading and the "
        "self-reported secure style at 30 (5,000 lives), against about .1 (Roisman et al. "
        "2007); .58 when the self-report read the general model the interview also reads. The "
        "self-report now describes romantic relationships (ecr_romantic: mostly the partner's "
        "model) and its anxiety carries the temperament (ecr_temperament, Noftle & Shaver "
        "2006), but the romantic model is seeded from the general model and learns from the "
        "same partner, so the two still share it. Reading the romantic model alone lowers r "
        "to about .25 and takes the avoidant share of the three styles below 15% (partners "
        "seldom rebuff), a failure of that check; reading the interview from the model of the "
        "parents alone (aai_general 0) lowers it by .02-.04. What the interview codes beyond "
        "the models (coherence of discourse, unresolved loss) is not in the model."),
    "intergenerational transmission with a gap": (
        "Weaker since enacted care: r = 0.15 between the parent's interview and the child's B "
        "(0.25 before; published .31-.47), and the child's rated sensitivity carries 53% of it "
        "(46% before; the check asks less than half). The child's home year runs on care its "
        "dyad enacts, whose deviation from the parent's rated care is drawn independently of the "
        "parent's state of mind, so it dilutes transmission and the part that goes around "
        "sensitivity. In the literature the transmission gap is the unmeasured part of care "
        "(van IJzendoorn 1995): letting the parent's general model shape the enacted deviation "
        "(attitude, mutuality) is the next step."),
}
