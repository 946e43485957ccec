"""The A/B/C classification with subgroups: an ordered decision procedure over the reunions.

Ainsworth et al. (1978, pp. 59-63) classify an infant mainly from its behaviour toward the
caregiver in the reunion episodes 5 and 8, episode 8 being the most diagnostic: conspicuous
avoidance points to A, resistance together with contact seeking to C, active seeking and
maintaining of contact with little avoidance or resistance to B. The procedure below applies
their criteria (docs/literature.md, in paraphrase)
as explicit ordered steps; the first step whose rule
holds decides. The numeric cut-points are this observer's operationalisation: a scale score of 5
or more is "conspicuous"/"strong", 3-4 "some", 2 or less "little or none".

Reunion indices: for each scale, ``X = max(X8, X5 - 1)`` toward the caregiver, so that
episode 8 weighs most and episode 5 counts one point less (a scale not applicable counts as 1).

Steps (each step's rule is in :data:`STEPS`):

1. **A** - conspicuous avoidance (AV >= 5) dominating resistance (AV > RS), little contact
   maintaining (CM <= 4), unless episode 8 shows active seeking without avoidance
   (PS8 >= 5 and AV8 <= 2: that is B2, step 5). A1 if there was no approach in either reunion
   (PS <= 3 in both), else A2 (some greeting and approach mixed with strong avoidance).
2. **A1** - ignoring: some avoidance (AV >= 3) with no seeking, maintaining, greeting at a
   distance or resistance (PS, CM <= 2; DI <= 3; RS <= 2).
3. **C** - conspicuous resistance (RS >= 5) at least as strong as avoidance. C1 if the
   resistance in the reunions was mostly angry (angry share >= 0.5) and seeking strong
   (PS >= 5 or CM >= 5); else C2 (passive: mostly passive resistance or little initiative).
4. **B4** - some resistance (RS 3-4) with distress through the second half (crying in half of
   the 15-s intervals of episodes 6-8 or more).
5. **B2** - some avoidance in episode 5 (AV5 >= 3, more than in 8) and approach in
   episode 8 (PS8 >= 4).
6. **B3** - active seeking or maintaining of contact (PS >= 5 or CM >= 5): the prototype.
7. **B1** - the rest: little contact seeking, greets and interacts at a distance; some
   avoidance possible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulation.observer.scales import SCALES

_PS, _CM, _RS, _AV, _SR, _DI = range(len(SCALES))
#: A scale score at or above this is conspicuous (strong).
STRONG = 5
#: A scale score at or above this is "some".
SOME = 3
#: B4: distress through the second half means a crying rate of this or more over episodes 6-8.
LATE_DISTRESS = 0.5
#: C1 against C2: share of angry seconds in the reunion resistance toward the caregiver.
ANGRY_SHARE = 0.5


@dataclass(frozen=True)
class Step:
    """One step of the decision procedure."""

    number: int
    group: str
    rule: str  # the rule, in words
    criterion: str  # the criterion of Ainsworth et al. (1978, pp. 59-63), in paraphrase


STEPS: tuple[Step, ...] = (
    Step(1, "A", "avoidance in the reunions 5 or more, above resistance, contact maintaining 4 or "
         "less, and no active seeking free of avoidance in episode 8",
         "conspicuous avoidance of the caregiver in the reunions, little or no clinging, no "
         "resistance"),
    Step(2, "A", "some avoidance (3 or more) and no proximity seeking, contact maintaining, "
         "greeting at a distance or resistance", "ignores the caregiver on reunion: no "
         "greeting, no approach"),
    Step(3, "C", "resistance in the reunions 5 or more, at least as high as avoidance",
         "resistance to contact and interaction together with seeking of contact "
         "(ambivalence), little avoidance"),
    Step(4, "B", "some resistance (3-4) and crying in half the intervals of episodes 6-8 or "
         "more", "B4: wants contact, distressed through the second half, some resistance"),
    Step(5, "B", "avoidance 3 or more in episode 5 (more than in 8) and approach in episode 8",
         "B2: some avoidance in episode 5, approaches and seeks contact in episode 8"),
    Step(6, "B", "proximity seeking or contact maintaining in the reunions 5 or more",
         "B3: actively seeks and keeps contact, especially in episode 8"),
    Step(7, "B", "none of the above: little contact seeking, no strong avoidance or "
         "resistance", "B1: greets, interacts at a distance, little seeking of contact"),
)


@dataclass(frozen=True, eq=False)
class Reunions:
    """Reunion scores toward the caregiver (each (n,), N/A counted as 1) and the indices."""

    ep5: np.ndarray  # (n, 6) scores in episode 5
    ep8: np.ndarray  # (n, 6) scores in episode 8
    angry_share: np.ndarray  # (n,) angry share of reunion resistance seconds (0 if none)
    late_distress: np.ndarray  # (n,) crying rate over episodes 6-8

    def index(self, scale: int) -> np.ndarray:
        """``max(X8, X5 - 1)``: episode 8 weighs most."""
        return np.maximum(self.ep8[:, scale], self.ep5[:, scale] - 1)

    def best(self, scale: int) -> np.ndarray:
        """The higher of the two reunion scores."""
        return np.maximum(self.ep8[:, scale], self.ep5[:, scale])


def reunions_of(
    scales: np.ndarray,
    angry: np.ndarray,
    passive: np.ndarray,
    crying: np.ndarray,
    durations: np.ndarray,
) -> Reunions:
    """Collect the reunion measures from the coding arrays.

    ``scales`` (n, 8, 2, 6); ``angry``/``passive`` (n, 8) seconds of resistance toward the
    caregiver; ``crying`` (n, 8) crying rates; ``durations`` (n, 8) seconds run.
    """
    caregiver = np.maximum(scales[:, :, 0, :], 1)
    resist = angry[:, [4, 7]].sum(axis=1) + passive[:, [4, 7]].sum(axis=1)
    angry_share = np.divide(
        angry[:, [4, 7]].sum(axis=1), resist, out=np.zeros(resist.shape), where=resist > 0
    )
    late = durations[:, 5:8]
    late_total = late.sum(axis=1)
    late_distress = np.divide(
        (crying[:, 5:8] * late).sum(axis=1), late_total,
        out=np.zeros(late_total.shape), where=late_total > 0,
    )
    return Reunions(caregiver[:, 4], caregiver[:, 7], angry_share, late_distress)


@dataclass(frozen=True, eq=False)
class Classification:
    """Forced A/B/C group, subgroup and the deciding step (1-7), each (n,)."""

    abc_group: np.ndarray
    subgroup: np.ndarray
    step: np.ndarray


def classify(r: Reunions) -> Classification:
    """Apply the ordered steps (Ainsworth et al. 1978, pp. 59-63); the first that holds decides.

    The classification is forced: an infant whose reunions were not run (scales not
    applicable, counted as 1) falls through to step 7 (B1).
    """
    ps, cm, rs, av = (r.index(s) for s in (_PS, _CM, _RS, _AV))
    no_approach = r.best(_PS) <= SOME
    rules = [
        (av >= STRONG) & (av > rs) & (cm <= STRONG - 1)
        & ~((r.ep8[:, _PS] >= STRONG) & (r.ep8[:, _AV] <= 2)),
        (av >= SOME) & (r.best(_PS) <= 2) & (r.best(_CM) <= 2) & (r.best(_DI) <= SOME)
        & (r.best(_RS) <= 2),
        (rs >= STRONG) & (rs >= av),
        (rs >= SOME) & (r.late_distress >= LATE_DISTRESS),
        (r.ep5[:, _AV] >= SOME) & (r.ep5[:, _AV] > r.ep8[:, _AV]) & (r.ep8[:, _PS] >= 4),
        (ps >= STRONG) | (cm >= STRONG),
    ]
    n = r.ep5.shape[0]
    step = np.full(n, len(STEPS), dtype=np.int8)
    for number, rule in reversed(list(enumerate(rules, start=1))):
        step[rule] = number
    c1 = (r.angry_share >= ANGRY_SHARE) & ((ps >= STRONG) | (cm >= STRONG))
    subgroup = np.select(
        [step == 1, step == 2, step == 3, step == 4, step == 5, step == 6],
        [
            np.where(no_approach, "A1", "A2"),
            np.full(n, "A1"),
            np.where(c1, "C1", "C2"),
            np.full(n, "B4"),
            np.full(n, "B2"),
            np.full(n, "B3"),
        ],
        default="B1",
    ).astype("<U2")
    abc = np.array([s.group for s in STEPS])[step - 1].astype("<U1")
    return Classification(abc, subgroup, step)
