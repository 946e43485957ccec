"""Checks the model is known to fail, each with what was found.

A check listed here that fails does not make ``ssp validate`` exit non-zero (``--strict`` does); it
is shown in the output with its reason. A listed check that passes is reported as such, so the
entry can be removed once it passes in both the quick and the full run (a check on the border of
its threshold may pass in one and not the other: the quick run simulates fewer infants). Never list
a check to hide a failure that is not understood: the reason says what the simulation does and why
it differs from the literature. Figures in the reasons are from the full run (``ssp validate``,
seed 2025; docs/validation.md) of the model as calibrated after the rework of the procedure's
behaviour and of the ambivalent pathway (experiments/calibration/README.md). The table above them
always shows the current run's.
"""

from __future__ import annotations

#: check name -> what was found (shown in the output and in docs/validation.md).
KNOWN_FAILURES: dict[str, str] = {
    "sensitivity-security association at the published size": (
        "Too strong since issue 20: the true-score r(sensitivity, secure) in the global "
        "population is 0.57 (attenuated 0.41 against 0.24); it was 0.39 (attenuated 0.28, a "
        "pass) before. Two changes of issue 20 raised it, measured on the same 3,000 infants: "
        "the C1/C2 learners (0.39 -> 0.53 with the old calibration): passivity grows with "
        "learned helplessness (how often nothing, however loud, was answered) and anger needs a "
        "history of intermittency, so C sits with A at the low end of the sensitivity scale "
        "(the old trust-based formulas under the new calibration gave 0.48; the volatility "
        "term of anger, which brought back C from inconsistency where care is responsive, left "
        "it at 0.55); and the recalibration under the care-structure prior (C less consistent "
        "than B), which lowered the populations' mean responsiveness (global 0.61 -> 0.51). "
        "Care decides security more than the literature shows; giving more weight to what "
        "care does not explain is the next step."),
    "sensitivity-security association modest": (
        "The same finding as 'sensitivity-security association at the published size': r = 0.57 "
        "in the global population, above the modest range (0.10-0.40); 0.39 before issue 20."),
    "early-childhood stability of security": (
        "Too stable: secure at 1 and at 3, r = 0.41 against Opie et al.'s 0.28 (within 0.10). It "
        "follows the strong dependence of security on care (see 'sensitivity-security "
        "association at the published size'): with the same caregiver's care continuing, "
        "security at 3 repeats security at 1 more than it does in the longitudinal samples."),
    "infancy-to-adulthood continuity is modest": (
        "On the border: r = 0.42 from 1 to 18 years (the quick run reads the same 5,000 lives), "
        "the check asks for less than 0.40 (Fraley 2002: about 0.27). The same cause as "
        "'early-childhood stability of security'."),
    "continuity falls with the interval toward a plateau": (
        "r(1, 3) = 0.41 and r(1, 25) = 0.42 (full run): continuity does not fall with the "
        "interval once security depends on care as strongly as it now does (see "
        "'sensitivity-security association at the published size'); before issue 20 it fell "
        "from 0.37 to 0.32. The defensive exclusion of issue 20 (expected rebuff guards "
        "itself) also slowed the toddler years' change."),
    "care by group: B caregivers warmer than C caregivers": (
        "The caregivers of C infants come out as warm as those of B infants or a little warmer "
        "in every population (after the recalibration, global: B 0.68, C 0.69; low-risk-abcd: "
        "B 0.69, C 0.71), though less consistent (0.56 vs 0.72) and less responsive (0.39 vs "
        "0.57). In the model C needs care that is not rejecting "
        "(enough warmth that expected rebuff stays below the switch to avoidance) as well as "
        "unavailable, so C is selected for warmth; Ainsworth's mothers of ambivalent infants "
        "were not rejecting either, but the mothers of secure infants were the most "
        "accepting. What would make the most accepting care protect against C as well as "
        "against A (e.g. warm answers soothing hyperactivation) is future work."),
    "crying rises in episode 4 and peaks in episode 6": (
        "On the border for ambivalent infants, who cry in nearly every interval of both late "
        "separations: ep6 0.88 vs ep7 0.86 in the full run (z 2.7, a pass), 0.88 vs 0.87 in the "
        "quick run (z 1.2, a fail); the whole sample (0.33, 0.60, 0.52) and secure infants "
        "(0.33, 0.61, 0.54) hold in both. Half of the C infants' episodes 6 are cut short after "
        "a minute of hard crying (rate 0.92), and those infants enter episode 7 crying hard and "
        "cry in 0.99 of its intervals (0.75 after a full episode 6); held by the stranger, "
        "their crying is seldom hard for a net minute, so episode 7 is almost never cut short "
        "(1%). The rates sit at the measure's ceiling, so the order of the two episodes is not "
        "resolved for this group; Ainsworth et al. (1978, ch. 5) report the trend for the "
        "sample as a whole."),
    "avoidant: hidden arousal, little crying": (
        "Avoidant infants cry more than half as often as secure ones when left alone: episode "
        "6, A 0.35 vs B 0.61 (full run; 0.34 vs 0.61 quick), where the check's threshold, the "
        "project's reading of 'little crying' (at most half of B's rate) and not a published "
        "ratio, asks for 0.31 at most. The hidden arousal holds in every separation (ep6: A "
        "0.65 vs B 0.64) and avoidant infants cry far less in episodes 4 (0.09 vs 0.33) and 7 "
        "(0.25 vs 0.54), with the stranger; alone, half of them cry in a quarter of the "
        "intervals or fewer and a quarter in three quarters or more. Ainsworth et al. (1978) "
        "note that avoidant infants may cry when left alone."),
    "12-to-18-month stability": (
        "Just under the threshold: with the same caregiver 68% keep their classification from "
        "12 to 18 months (the check asks 70%, after Waters 1978: 48 of 50 in stable middle-class "
        "families); care changed at 13 months lowers it to 56% (that relative prediction "
        "holds, z 9.6). Two things move a classification in the model between the two "
        "procedures: life events in the six months between (Vaughn et al. 1979 found stability "
        "lower under family stress), and one Strange Situation's noise near the group "
        "boundaries."),
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
}
