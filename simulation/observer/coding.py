"""The observer's output for a record, and :func:`code_record`, which produces it.

:func:`code_record` takes a :class:`~simulation.record.BehaviourRecord` and nothing else: the
observer sees only what a coder behind the one-way mirror sees (docs/design.md, the observer).
It computes
the frequency measures (Ainsworth et al. 1978, ch. 3), the six interactive scales per episode and
adult (Appendix III), the A/B/C classification with subgroup (pp. 59-63), and the disorganization
rating (Main & Solomon 1990); :class:`Coding` holds them with the evidence that decided them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from simulation.observer.classification import classify, reunions_of
from simulation.observer.disorganization import (
    D_CUTOFF,
    INDICES,
    N_INDICES,
    rate_disorganization,
)
from simulation.observer.features import TOWARD, compute_features
from simulation.observer.frequencies import FREQUENCIES, frequency_rates
from simulation.observer.primitives import observe
from simulation.observer.scales import SCALES, score_scales
from simulation.observer.segments import N_EPISODES, episodes_of, intervals_of
from simulation.record import RECORD_FIELDS, BehaviourRecord

#: Classification names of the four groups.
CLASSIFICATION = {"A": "avoidant", "B": "secure", "C": "ambivalent", "D": "disorganized"}
#: Scales of the reunions that go into the per-infant table (search does not apply there).
FRAME_SCALES = tuple(s for s in SCALES if s != "search")
#: Frequency measures that go into the per-infant table.
FRAME_FREQUENCIES = ("exploration", "visual_exploration", "crying", "look_caregiver",
                     "look_stranger", "locomotion", "search")


@dataclass(frozen=True, eq=False)
class Coding:
    """What the observer coded, for n infants (row k = infant k of the record).

    - ``scales``: int8 (n, 8, 2, 6) [infant, episode - 1, toward (0 caregiver, 1 stranger),
      scale in :data:`SCALES` order], 1-7; **0 = not applicable** (toward an adult out of the
      room, search while the caregiver is present, an episode that never ran).
    - ``evidence_seconds`` / ``evidence_first``: same shape, int32: seconds of each scale's
      behaviour and the second of the episode at which it began (-1 if never).
    - ``frequencies``: name -> float (n, 8), intervals with the behaviour per 15-s interval.
    - ``durations``: (n, 8) seconds each episode actually ran; ``starts``: (n, 8) its first
      second in the record's row.
    - ``abc_group`` (A/B/C, forced), ``subgroup`` (A1...C2), ``group`` (A/B/C/D),
      ``classification`` (secure/avoidant/ambivalent/disorganized), ``step`` (the deciding step
      of the classification procedure, 1-7), ``d_rating`` (1-9): each (n,).
    - ``features``: name -> (n, 8, 2) observable features the scales were scored from;
      ``disorganization``: name -> (n, 8) counts of Main & Solomon (1990), ``indices`` and
      ``index_bouts`` (n, 8, 7) their seven indices (units in :data:`~simulation.observer.
      disorganization.INDICES`) and their bouts, plus ``points`` (n,).
    """

    scales: np.ndarray
    evidence_seconds: np.ndarray
    evidence_first: np.ndarray
    frequencies: dict[str, np.ndarray]
    durations: np.ndarray
    starts: np.ndarray
    abc_group: np.ndarray
    subgroup: np.ndarray
    group: np.ndarray
    classification: np.ndarray
    step: np.ndarray
    d_rating: np.ndarray
    features: dict[str, np.ndarray]
    disorganization: dict[str, np.ndarray]

    def __len__(self) -> int:
        return int(self.scales.shape[0])

    @property
    def n_infants(self) -> int:
        return len(self)

    def __getitem__(self, index: int | slice | np.ndarray | Sequence[int]) -> Coding:
        """The coding of a subset of infants (an int keeps one infant, as a Coding of one)."""
        if isinstance(index, (int, np.integer)):
            k = int(index) % len(self) if len(self) else int(index)
            index = slice(k, k + 1)
        return _map(self, lambda a: a[index])

    @classmethod
    def concat(cls, codings: Sequence[Coding]) -> Coding:
        """Join the codings of several records (e.g. chunks), infants in order."""
        if not codings:
            raise ValueError("nothing to concatenate")
        first = codings[0]
        out = {}
        for f in fields(cls):
            value = getattr(first, f.name)
            if isinstance(value, dict):
                out[f.name] = {
                    k: np.concatenate([getattr(c, f.name)[k] for c in codings]) for k in value
                }
            else:
                out[f.name] = np.concatenate([getattr(c, f.name) for c in codings])
        return cls(**out)

    def to_frame(self) -> pd.DataFrame:
        """One row per infant: classification, the reunion scales toward the caregiver, the
        frequency rates and durations of every episode (docs/design.md, contracts)."""
        cols: dict[str, np.ndarray] = {
            "abc_group": self.abc_group,
            "group": self.group,
            "classification": self.classification,
            "subgroup": self.subgroup,
            "d_rating": self.d_rating.astype(np.int64),
        }
        totals = self.disorganization["indices"].sum(axis=1)
        for i in range(N_INDICES):
            cols[f"d_index_{i + 1}"] = totals[:, i].astype(np.int64)
        for ep in (5, 8):
            for name in FRAME_SCALES:
                cols[f"ep{ep}_{name}"] = self.scales[:, ep - 1, 0, SCALES.index(name)].astype(
                    np.int64
                )
        for ep in range(1, N_EPISODES + 1):
            for name in FRAME_FREQUENCIES:
                cols[f"ep{ep}_{name}"] = self.frequencies[name][:, ep - 1]
        for ep in range(1, N_EPISODES + 1):
            cols[f"ep{ep}_duration"] = self.durations[:, ep - 1].astype(np.int64)
        return pd.DataFrame(cols)

    def scales_long(self) -> pd.DataFrame:
        """Every applicable scale score: columns infant (row within the record), episode
        (1-8), toward ("caregiver"/"stranger"), scale, score (1-7). Not-applicable (0) scores
        are left out. ``toward`` and ``scale`` are categoricals."""
        infant, ep, toward, scale = np.nonzero(self.scales)
        return pd.DataFrame(
            {
                "infant": infant.astype(np.int64),
                "episode": (ep + 1).astype(np.int64),
                "toward": pd.Categorical.from_codes(toward, categories=list(TOWARD)),
                "scale": pd.Categorical.from_codes(scale, categories=list(SCALES)),
                "score": self.scales[infant, ep, toward, scale].astype(np.int64),
            }
        )


def frame_columns() -> dict[str, str]:
    """The columns of :meth:`Coding.to_frame`, in order, with their meaning and units."""
    docs = {
        "abc_group": "forced A/B/C group (Ainsworth et al. 1978, pp. 59-63)",
        "group": "A, B, C, or D when the disorganization rating is 5 or more",
        "classification": "secure (B), avoidant (A), ambivalent (C) or disorganized (D)",
        "subgroup": "A1, A2, B1-B4, C1, C2 (the forced one for D)",
        "d_rating": "disorganization 1-9 (Main & Solomon 1990); D at 5 or more",
    }
    numerals = ("I", "II", "III", "IV", "V", "VI", "VII")
    for i, (name, unit) in enumerate(INDICES):
        docs[f"d_index_{i + 1}"] = (
            f"Main & Solomon (1990) index {numerals[i]}, {name}: {unit} in the caregiver's "
            "presence, summed over the episodes (unweighted; the D rating weighs the reunions "
            "double)")
    for ep in (5, 8):
        for name in FRAME_SCALES:
            docs[f"ep{ep}_{name}"] = (
                f"{name.replace('_', ' ')} toward the caregiver in episode {ep}, 1-7 "
                "(Ainsworth et al. 1978, Appendix III)"
            )
    for ep in range(1, N_EPISODES + 1):
        for name in FRAME_FREQUENCIES:
            docs[f"ep{ep}_{name}"] = (
                f"{name.replace('_', ' ')} in episode {ep}: intervals with the behaviour per "
                "15-s interval, 0-1"
            )
    for ep in range(1, N_EPISODES + 1):
        docs[f"ep{ep}_duration"] = f"seconds episode {ep} actually ran"
    return docs


def _map(coding: Coding, fn) -> Coding:
    out = {}
    for f in fields(Coding):
        value = getattr(coding, f.name)
        out[f.name] = {k: fn(v) for k, v in value.items()} if isinstance(value, dict) else fn(value)
    return Coding(**out)


def _as_uint8(record: BehaviourRecord) -> BehaviourRecord:
    """The record with every field as a ``uint8`` array (no copy if it is one; rows may be
    strided, as in the cohort engine's record, a view of a wider buffer)."""
    out = {}
    for name in RECORD_FIELDS:
        value = getattr(record, name)
        if value.dtype != np.uint8:
            if value.size and (value.min() < 0 or value.max() > 255):
                raise ValueError(f"record field {name!r} has codes outside 0..255")
            value = value.astype(np.uint8)
        out[name] = value
    return BehaviourRecord(**out)


def code_record(record: BehaviourRecord) -> Coding:
    """Code a behaviour record of any number of infants, as a trained observer would.

    The record is the only input (it has no field for caregiving or internal state).
    Frequencies: Ainsworth et al. (1978, ch. 3); scales: Appendix III; classification:
    pp. 59-63; disorganization: Main & Solomon (1990).
    """
    if not isinstance(record, BehaviourRecord):
        raise TypeError(f"code_record takes a BehaviourRecord, not {type(record).__name__}")
    record = _as_uint8(record)
    episodes = episodes_of(record.episode)
    frequencies = frequency_rates(record, episodes, intervals_of(episodes))
    primitives = observe(record, episodes)
    features = compute_features(primitives)
    scored = score_scales(features)
    disorganization = rate_disorganization(primitives)
    reunions = reunions_of(
        scored.scores,
        features.angry[:, :, 0],
        features.passive[:, :, 0],
        frequencies["crying"],
        episodes.duration,
    )
    decided = classify(reunions)
    d_rating = disorganization.rating
    group = np.where(d_rating >= D_CUTOFF, "D", decided.abc_group).astype("<U1")
    names = np.array(sorted(CLASSIFICATION))
    labels = np.array([CLASSIFICATION[g] for g in names])
    classification = labels[np.searchsorted(names, group)].astype("<U12")
    return Coding(
        scales=scored.scores,
        evidence_seconds=scored.evidence_seconds,
        evidence_first=scored.evidence_first,
        frequencies={name: frequencies[name] for name in FREQUENCIES},
        durations=episodes.duration.astype(np.int32),
        starts=episodes.start.astype(np.int32),
        abc_group=decided.abc_group,
        subgroup=decided.subgroup,
        group=group,
        classification=classification,
        step=decided.step,
        d_rating=d_rating,
        features=features.as_dict(),
        disorganization={
            "indices": disorganization.indices,
            "index_bouts": disorganization.index_bouts,
            "long_seconds": disorganization.long_seconds,
            "strong_freezes": disorganization.strong_freezes,
            "lapses": disorganization.lapses,
            "lapse_seconds": disorganization.lapse_seconds,
            "distressed": disorganization.distressed,
            "contradictions": disorganization.contradictions,
            "first": disorganization.first,
            "points": disorganization.points,
        },
    )
