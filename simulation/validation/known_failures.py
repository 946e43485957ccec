"""Checks the model is known to fail, each with what was found.

A check listed here that fails does not make ``ssp validate`` exit non-zero (``--strict`` does);
it is shown in the output with its reason. A listed check that passes is reported as such, so the
entry can be removed. Never list a check to hide a failure that is not understood: the reason
says what the simulation does and why it differs from the literature. Figures in the reasons are
from the full run (``ssp validate``, seed 2025; docs/validation.md) of the model calibrated at
fingerprint dd49b31f (experiments/calibration/README.md); the last four entries from the same
model on main at 22052bd, before the rework of the procedure's behaviour and of the ambivalent
pathway. The table above them always shows the current run's.
"""

from __future__ import annotations

#: check name -> what was found (shown in the output and in docs/validation.md).
KNOWN_FAILURES: dict[str, str] = {
    "secure rises with responsiveness (consistency 0.3)": (
        "At low consistency the secure share dips at middling responsiveness (40%, 87%, 68%, "
        "100%, 100%, 100% for responsiveness 0.2 to 0.95): the spells of availability are "
        "widest near responsiveness 0.5 (they sit (1 - consistency) x min(r, 1 - r) above and "
        "below it), so learned volatility, and C, peak there. The overall rise holds (+60 "
        "points), and at consistency 0.6 and 0.9 the rise is steady."),
    "ambivalent rises as consistency falls (responsiveness 0.7)": (
        "Inconsistency makes C only where the spells of availability are wide. At "
        "responsiveness 0.7 even the least consistent care (0.1) answers 43% of bids in its low "
        "spells and 97% in its high ones; the infants' learned volatility stays low (mean 0.08, "
        "against 0.47 at responsiveness 0.55 and 0.27 at 0.4, where the same consistency gives "
        "78% and 53% C), and C stays at 2% or less. At responsiveness 0.4 the rise holds (+56 "
        "points). Ainsworth's C mothers were inconsistent and insensitive together (Ainsworth "
        "et al. 1978); the model does not make C of unpredictable but mostly available care."),
    "avoidant: hidden arousal, little crying": (
        "The hidden-distress half holds: avoidant infants' internal arousal in separations is "
        "above the secure infants' (ep4 0.53 vs 0.46, ep6 0.78 vs 0.72, ep7 0.59 vs 0.53). "
        "Their crying is lower, but not half: 15-s intervals with crying 0.58 vs 0.92 (ep4), "
        "0.92 vs 0.99 (ep6), 0.69 vs 0.95 (ep7). Deactivation lowers the signal gain, yet "
        "crying also grows with arousal, which is higher in A; alone in episode 6 avoidant "
        "infants cry nearly as much as secure ones (Ainsworth et al. 1978 note that A infants "
        "may cry when left alone)."),
    "temperament does not reverse caregiving": (
        "The caregiving presets keep their modal group for low- and high-reactive infants "
        "alike (sensitive B, rejecting A, inconsistent and under-involved C), but in the global "
        "population the secure share moves by 13 points between low- and high-reactive infants "
        "(71% vs 58%; C 8% vs 20%), a little more than the 10 points the check allows: "
        "reactivity raises arousal in the procedure, and the most aroused of the infants with "
        "an uncertain working model resist."),
    "12-to-18-month stability": (
        "Same caregiver: 69% keep their classification from 12 to 18 months, just under the "
        "70% the check asks (Waters 1978: 48 of 50); care changed at 13 months lowers it to 46% "
        "(that relative prediction holds, z 18). What remains is in the procedure: one "
        "simulated Strange Situation classifies noisily near the group boundaries."),
    "within-country exceeds between-country variation": (
        "Simulated studies (each country's studies at its mean study size, drawn from the "
        "country's preset) differ within a country by sampling error alone (chi-square 47 on "
        "48 df), so within/between is 0.5 against the published 1.5. The presets have one "
        "caregiving distribution per country and no study-to-study differences (social class, "
        "risk, sub-culture), which the published within-country variation contains. A limit of "
        "the presets, not of the attachment mechanisms."),
    "reunion contact maintaining: high in B and C, low in A": (
        "The ordering holds (B and C far above A: A 1.6 in ep5, 2.0 in ep8), and in episode 8 "
        "B and C reach the scale midpoint (4.06, 4.11), but in episode 5 secure infants are "
        "just under it (B 3.96, C 4.19): the first reunion is brief, and many secure infants "
        "greet, are held and return to the toys (B1/B2 and B3 alike)."),
    "exploration declines into the separations": (
        "Exploration falls in episodes 4 and 7 (the stranger present: rate 0.53 and 0.52 "
        "against 0.88 in episode 2) but rises again when the infant is alone: 0.84 in "
        "episode 6 (secure infants 0.83), above episode 3 (0.81) and close to episode 2. With "
        "the caregiver gone no attachment action is available to the rules, and displacement "
        "toward the toys (rules/dispositions.py) applies to secure infants too, so distressed "
        "infants alone play while they cry; Ainsworth et al. (1978, ch. 5) found exploration "
        "declining through the separations."),
    "search higher with the caregiver away than present": (
        "Not measured. The coder scores search as Ainsworth's interactive scale, which applies "
        "to the separations only (Appendix III), and the per-infant table has no search rate "
        "per episode, so search with the caregiver present cannot be compared. The check "
        "reads ep{e}_search (intervals with search per 15-s interval, like ep{e}_crying): "
        "the observer would need to write it. Search in the separations is checked on its own "
        "and holds (3.5, 5.6, 4.7 in episodes 4, 6, 7 on the 1-7 scale)."),
    "inconsistent care raises the signal gain": (
        "The reverse: the learned signal gain is lower under the least consistent care than "
        "under steady care at the same mean (0.53 vs 0.57 at responsiveness 0.4, 0.47 vs 0.52 "
        "at 0.55, 0.44 vs 0.46 at 0.7). The gain rises only when an answer follows "
        "escalation, and inconsistent spells mostly answer quickly (high spells) or not at "
        "all (low spells): escalation is not what gets through. Hyperactivation by "
        "intermittent reward of escalated signals (Cassidy & Berlin 1994) is missing."),
    "disorganization probable, not certain, under frightening care": (
        "D is a switch on frightening care: in 'low-risk-abcd' 92% of infants whose "
        "caregiver was at times frightening are D (805 of 874) and none of the others; "
        "r(frightening, D) 0.95; the D rating is bimodal (706 of the 874 rated 9, 89 in the "
        "middle 3-7). Fear learned at home acts through a steep logistic switch on lapses "
        "(rules/dispositions.py). The published association of anomalous parenting with D "
        "is moderate (r = .34, Madigan et al. 2006)."),
}
