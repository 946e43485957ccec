"""Disorganization rating 1-9 from the seven indices of Main & Solomon (1990) in the record.

Main & Solomon (1990) list the behaviours that mark a breakdown of the infant's strategy in the
parent's presence, in seven indices. The coder reads them from acts in context, **in the
caregiver's presence** only (an index with her out of the room is not counted), per episode:

I.   *Sequential display of contradictory behaviour*: strong seeking of the caregiver
     (approaching, signalling or clinging for 3 s or more in a row) followed within 3 s by a
     lapse (freezing, apprehension, rocking, a dazed look, a broken-off approach) or by abrupt
     avoidance of her lasting 3 s or more. Counted only when both sides are strong: the brief
     turning away mixed with approach of an A2 or B2 infant is organized (Ainsworth et al.
     1978). Bouts.
II.  *Simultaneous display of contradictory behaviour*: approaching her with head and gaze
     averted. Bouts.
III. *Undirected, misdirected, incomplete and interrupted movements*: approaches to her broken
     off; approaching, reaching for or clinging to the stranger while fussing or crying with
     the caregiver present (turning to the stranger for comfort). Bouts.
IV.  *Stereotypies, asymmetrical and mistimed movements, anomalous postures*: rocking. Bouts.
V.   *Freezing, stilling, slowed movements*: seconds of freezing; a freeze that holds
     :data:`STRONG_FREEZE` seconds (20) or more is a strong index, a shorter one (stilling) a
     weaker one.
VI.  *Direct indications of apprehension regarding the parent*: fearful face or backing off at
     her overtures. Bouts.
VII. *Direct indications of disorganization or disorientation*: dazed, trance-like, disoriented
     (not oriented to anyone). Seconds.

The 9-point rating rests on the number, intensity and duration of the indices (Main & Solomon
1990). Per episode: one point per index bout (the number); one more per bout of a lapse while
the infant fusses or cries (intensity); :data:`LONG_LAPSE_POINTS` per full :data:`LONG_LAPSE`
seconds of freezing, rocking or dazed stilling, and :data:`STRONG_FREEZE_POINTS` more per freeze
of :data:`STRONG_FREEZE` s or more (duration). Each episode's points are weighted 2 in the
reunions (5 and 8), where the indices are most diagnostic, and 1 elsewhere; the weighted sum maps
to the rating through :data:`RATING_THRESHOLDS`: 1 = none, 2-4 = some signs but not enough, 5 = D
(Main & Solomon's cutoff), 9 = strongest. D is always reported beside a forced best-fitting
A/B/C.
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
#: four lapses in the reunions, two of them with distress, or one strong freeze (Main & Solomon
#: 1990: moderate, repeated or prolonged indices).
RATING_THRESHOLDS = (1, 3, 5, 8, 11, 15, 20, 26)
#: Strong seeking (this many seconds in a row), then flight within this many seconds, is a
#: contradictory sequence; avoidance must last this long to be abrupt avoidance.
STRONG_RUN = 3
CONTRADICTION_WINDOW = 3
#: Every this many seconds of freezing, rocking or dazed stilling in an episode count as
#: LONG_LAPSE_POINTS more (duration).
LONG_LAPSE = 10
LONG_LAPSE_POINTS = 2
#: A freeze holding this many seconds is a strong index of its own (Main & Solomon 1990 name
#: freezing of about 20 s or more as strong, shorter stilling as weaker): STRONG_FREEZE_POINTS
#: more, so that one strong freeze with her present reaches D (8 points) anywhere.
STRONG_FREEZE = 20
STRONG_FREEZE_POINTS = 3
#: The seven indices (Main & Solomon 1990), their names and units in the per-infant table.
INDICES = (
    ("sequential contradictory behaviour (seeking her, then a lapse or abrupt avoidance)",
     "bouts"),
    ("simultaneous contradictory behaviour (approaching her with gaze averted)", "bouts"),
    ("interrupted or misdirected movements (approach broken off; turning to the stranger, "
     "distressed)", "bouts"),
    ("stereotypies and anomalous postures (rocking)", "bouts"),
    ("freezing and stilling", "seconds"),
    ("apprehension regarding the parent", "bouts"),
    ("disorganization or disorientation (dazed, disoriented)", "seconds"),
)
N_INDICES = len(INDICES)


@dataclass(frozen=True, eq=False)
class Disorganization:
    """Per-episode indices (n, 8), the weighted points and the rating (n,).

    ``indices`` is (n, 8, 7): the seven indices of Main & Solomon (1990) per episode, in the
    units of :data:`INDICES` (bouts, or seconds for V and VII), all with the caregiver present.
    """

    indices: np.ndarray
    index_bouts: np.ndarray  # (n, 8, 7) bouts of each index (what the rating counts)
    lapses: np.ndarray  # bouts of any D act (caregiver present)
    lapse_seconds: np.ndarray
    distressed: np.ndarray  # lapse bouts while fussing or crying
    contradictions: np.ndarray  # index I
    long_seconds: np.ndarray  # seconds of freezing, rocking or dazed stilling
    strong_freezes: np.ndarray  # freezes of STRONG_FREEZE s or more
    first: np.ndarray  # second of the episode of the first index, -1 if none
    points: np.ndarray  # (n,) weighted sum over episodes
    rating: np.ndarray  # (n,) 1-9


def _run_of(mask: Packed, seconds: int) -> Packed:
    """True at t when ``mask`` held for the ``seconds`` seconds up to and including t (runs
    doubled: a run of a + b seconds is a run of a now and of b, a seconds earlier)."""
    out: Packed | None = None
    covered, run, length, left = 0, mask, 1, seconds
    while left:
        if left & 1:
            out = run if out is None else out & run.later(covered)
            covered += length
        left >>= 1
        if left:
            run = run & run.later(length)
            length *= 2
    if out is None:
        raise ValueError("a run lasts at least one second")
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


def _stack(masks: list[Packed]) -> Packed:
    return Packed(np.concatenate([m.words for m in masks]), masks[0].episodes)


def rate_disorganization(p: Primitives) -> Disorganization:
    """Count the seven indices of Main & Solomon (1990) per episode and rate 1-9."""
    cg, st = p.caregiver, p.stranger
    here = cg.present
    lapse = p.lapse & here
    strong_seek = _run_of(cg.approach | cg.signal | cg.clinging, STRONG_RUN)  # at its 3rd s
    # a strong seeking run was going on 1..3 s before t: a lapse at t is sudden
    recent = _within(strong_seek, 1, CONTRADICTION_WINDOW)
    # turning away from her that began 0..2 s after the seeking and has lasted 3 s by t: the
    # context that makes it abrupt avoidance is the infant's own seeking just before, whatever
    # she does
    avoid_run = _run_of(cg.turning, STRONG_RUN)
    before_avoid = _within(strong_seek, STRONG_RUN, STRONG_RUN + CONTRADICTION_WINDOW - 1)
    sequential = ((p.lapse & recent) | (avoid_run & before_avoid)) & here
    simultaneous = cg.averted & here
    misdirected = (st.approach | st.signal | st.clinging) & p.crying
    interrupted = (cg.broken | misdirected) & here
    rock = p.rock & here
    freeze = p.freeze & here
    dazed = p.dazed & here
    strong = _run_of(freeze, STRONG_FREEZE)  # from the 20th second of a freeze on
    apprehension = p.apprehension & here
    # bouts of the seven indices, of lapses while distressed, of strong freezes, of lapses
    bouts = _stack([sequential, simultaneous, interrupted, rock, freeze, apprehension, dazed,
                    lapse & p.crying, strong, lapse]).bouts()
    # seconds of rocking, freezing, being dazed (distinct acts: their sum is the stilled
    # seconds) and of any lapse
    seconds = _stack([rock, freeze, dazed, lapse]).seconds()
    first = (lapse | sequential | simultaneous | interrupted).first()[0]
    indices = bouts[:N_INDICES].copy()  # (7, n, 8)
    indices[4], indices[6] = seconds[1], seconds[2]  # V and VII in seconds
    distressed, strong_freezes, lapses = bouts[7], bouts[8], bouts[9]
    long_seconds = seconds[0] + seconds[1] + seconds[2]
    lapse_seconds = seconds[3]
    per_episode = (bouts[:N_INDICES].sum(axis=0) + distressed
                   + LONG_LAPSE_POINTS * (long_seconds // LONG_LAPSE)
                   + STRONG_FREEZE_POINTS * strong_freezes)
    points = (per_episode * EPISODE_WEIGHTS[None, :N_EPISODES]).sum(axis=1)
    return Disorganization(
        indices=np.moveaxis(indices, 0, 2).astype(np.int32),
        index_bouts=np.moveaxis(bouts[:N_INDICES], 0, 2).astype(np.int32),
        lapses=lapses,
        lapse_seconds=lapse_seconds,
        distressed=distressed,
        contradictions=bouts[0],
        long_seconds=long_seconds,
        strong_freezes=strong_freezes,
        first=first,
        points=points,
        rating=rating_from_points(points),
    )


def episode_points(d: dict[str, np.ndarray], k: int) -> np.ndarray:
    """Infant ``k``'s weighted points per episode, from a coding's ``disorganization``."""
    index_bouts = d["index_bouts"][k].sum(axis=1)
    per_episode = (index_bouts + d["distressed"][k]
                   + LONG_LAPSE_POINTS * (d["long_seconds"][k] // LONG_LAPSE)
                   + STRONG_FREEZE_POINTS * d["strong_freezes"][k])
    return per_episode * EPISODE_WEIGHTS
