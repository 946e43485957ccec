"""Disorganization rating 1-9 from the Main & Solomon (1990) indices visible in the record.

Main & Solomon (1990) list the behaviours that mark a breakdown of the infant's strategy in the
parent's presence: sequential or simultaneous contradictory behaviour; undirected, interrupted
movements; freezing, stilling; direct apprehension of the parent. Their 9-point scale runs from 1
(no sign) to 9 (strong, repeated signs); a rating of 5 or more places the infant in D, always
beside a forced best-fitting A/B/C.

Indices used here, counted per episode **in the caregiver's presence** only:

- *lapses*: bouts of ``Action.FREEZE``, ``APPROACH_BROKEN`` or ``APPREHENSION``;
- *lapses with distress*: lapse bouts while the infant fusses or cries (they count again);
- *long lapses*: each full 10 s of lapse in the episode counts two points (prolonged freezing
  or stilling);
- *contradictory sequences*: strong seeking of the caregiver (approaching, signalling or
  clinging for 3 s or more in a row) followed within 3 s by freezing or apprehension, or by
  abrupt avoidance of her lasting 3 s or more. Main & Solomon count these only when both sides
  are strong ("very strong attachment behaviour suddenly followed by avoidance, freezing"): the
  brief turning away mixed with approach of an A2 or B2 infant is organized avoidance
  (Ainsworth et al. 1978) and is not counted.

Each episode's count is weighted 2 in the reunions (5 and 8), where Main & Solomon's indices are
most diagnostic, and 1 elsewhere. The weighted sum (points) maps to the rating through
:data:`RATING_THRESHOLDS`: 1 = none, 2-4 = some signs but not enough, 5 = D, 9 = strongest.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulation.observer.bitsets import Packed
from simulation.observer.primitives import Primitives
from simulation.observer.segments import N_EPISODES

#: A rating of this or more is D (Main & Solomon 1990).
D_CUTOFF = 5
#: Weight of each episode's indices (reunions 5 and 8 count double).
EPISODE_WEIGHTS = np.array([1, 1, 1, 1, 2, 1, 1, 2], dtype=np.int64)
#: Rating = 1 + number of these thresholds the points reach (0 points = 1, 26+ points = 9): a
#: single brief lapse is a slight sign (2-3); D (5, 8 points) needs repeated indications, e.g.
#: four lapses in the reunions, two of them with distress, or 20 s of freezing in a reunion
#: (Main & Solomon 1990: moderate, repeated or prolonged indices).
RATING_THRESHOLDS = (1, 3, 5, 8, 11, 15, 20, 26)
#: Strong seeking (this many seconds in a row), then flight within this many seconds, is a
#: contradictory sequence; avoidance must last this long to be abrupt avoidance.
STRONG_RUN = 3
CONTRADICTION_WINDOW = 3
#: Every this many seconds of lapse in an episode count as LONG_LAPSE_POINTS more (prolonged
#: freezing or stilling is among Main & Solomon's strongest indices).
LONG_LAPSE = 10
LONG_LAPSE_POINTS = 2


@dataclass(frozen=True, eq=False)
class Disorganization:
    """Per-episode indices (n, 8), the weighted points and the rating (n,)."""

    lapses: np.ndarray  # bouts of freezing, broken approach or apprehension (caregiver present)
    lapse_seconds: np.ndarray
    distressed: np.ndarray  # lapse bouts while fussing or crying
    contradictions: np.ndarray  # seeking her, then avoidance/freezing within 3 s
    first: np.ndarray  # second of the episode of the first index, -1 if none
    points: np.ndarray  # (n,) weighted sum over episodes
    rating: np.ndarray  # (n,) 1-9


def _run_of(mask: Packed, seconds: int) -> Packed:
    """True at t when ``mask`` held for the ``seconds`` seconds up to and including t."""
    out, shifted = mask, mask
    for _ in range(seconds - 1):
        shifted = shifted.later()
        out = out & shifted
    return out


def _within(mask: Packed, first: int, last: int) -> Packed:
    """True at t when ``mask`` held at some second from t - last to t - first."""
    shifted = mask.later(first)
    out = shifted
    for _ in range(last - first):
        shifted = shifted.later()
        out = out | shifted
    return out


def rating_from_points(points: np.ndarray) -> np.ndarray:
    """Map weighted points to the 1-9 rating (Main & Solomon 1990: 1 none, 9 strongest)."""
    points = np.asarray(points)
    return (1 + sum((points >= c).astype(np.int64) for c in RATING_THRESHOLDS)).astype(np.int8)


def rate_disorganization(p: Primitives) -> Disorganization:
    """Count the Main & Solomon (1990) indices per episode and rate disorganization 1-9."""
    cg = p.caregiver
    lapse = p.lapse & cg.present
    strong_seek = _run_of(cg.approach | cg.signal | cg.clinging, STRONG_RUN)  # at its 3rd s
    # a strong seeking run was going on 1..3 s before t: flight at t is sudden
    recent = _within(strong_seek, 1, CONTRADICTION_WINDOW)
    # avoidance that began 0..2 s after the seeking and has lasted 3 s by t
    avoid_run = _run_of(cg.avoid, STRONG_RUN)
    before_avoid = _within(strong_seek, STRONG_RUN, STRONG_RUN + CONTRADICTION_WINDOW - 1)
    contradiction = ((p.lapse & recent) | (avoid_run & before_avoid)) & cg.present
    lapses = lapse.bouts()[0]
    lapse_seconds = lapse.seconds()[0]
    distressed = (lapse & p.crying).bouts()[0]
    contradictions = contradiction.bouts()[0]
    first = (lapse | contradiction).first()[0]
    per_episode = (lapses + distressed + contradictions
                   + LONG_LAPSE_POINTS * (lapse_seconds // LONG_LAPSE))
    points = (per_episode * EPISODE_WEIGHTS[None, :N_EPISODES]).sum(axis=1)
    return Disorganization(
        lapses=lapses,
        lapse_seconds=lapse_seconds,
        distressed=distressed,
        contradictions=contradictions,
        first=first,
        points=points,
        rating=rating_from_points(points),
    )
