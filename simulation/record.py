"""The behaviour record: what a coder behind the one-way mirror sees, second by second.

This is the only input of the observer (:mod:`simulation.observer`). It carries the episode,
who is present, distance zones, what the infant and the adults do, the infant's crying and
gaze. It has no field for caregiving parameters, temperament, arousal or the working model:
the observer cannot see them because its input type does not carry them
(docs/design.md, the observer).

For a cohort every field is a compact ``uint8`` array of shape ``(n_infants, n_seconds)``;
seconds after an infant's procedure has ended are padded with ``episode == 0``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

#: The record's per-second fields, in order (all uint8, shape (n_infants, n_seconds)).
RECORD_FIELDS = (
    "episode",
    "present",
    "action",
    "target",
    "cry",
    "gaze",
    "zone_caregiver",
    "zone_stranger",
    "held",
    "caregiver_act",
    "stranger_act",
)


@dataclass(frozen=True)
class BehaviourRecord:
    """The observable record of one or many Strange Situations.

    Every field is a ``uint8`` array of shape ``(n_infants, n_seconds)``. ``episode`` is 1-8
    while the procedure runs and 0 after it ended (nothing after episode 8 is scored).
    """

    episode: np.ndarray
    present: np.ndarray
    action: np.ndarray
    target: np.ndarray
    cry: np.ndarray
    gaze: np.ndarray
    zone_caregiver: np.ndarray
    zone_stranger: np.ndarray
    held: np.ndarray
    caregiver_act: np.ndarray
    stranger_act: np.ndarray

    def __post_init__(self) -> None:
        shape = None
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, np.ndarray):
                raise TypeError(f"record field {f.name!r} must be a numpy array")
            if value.ndim != 2:
                raise ValueError(f"record field {f.name!r} must be 2-D (infants, seconds)")
            if shape is None:
                shape = value.shape
            elif value.shape != shape:
                raise ValueError(
                    f"record field {f.name!r} has shape {value.shape}, expected {shape}"
                )

    @property
    def n_infants(self) -> int:
        return int(self.episode.shape[0])

    @property
    def n_seconds(self) -> int:
        return int(self.episode.shape[1])

    def infant(self, k: int) -> BehaviourRecord:
        """The record of the k-th infant alone (shape (1, n_seconds))."""
        return BehaviourRecord(**{f: getattr(self, f)[k : k + 1] for f in RECORD_FIELDS})

    def episode_durations(self) -> np.ndarray:
        """Seconds actually run in each episode, shape (n_infants, 8)."""
        ep = self.episode
        return np.stack([(ep == e).sum(axis=1) for e in range(1, 9)], axis=1)

    @classmethod
    def from_frame(cls, frame) -> BehaviourRecord:
        """Build a one-infant record from a per-second trace DataFrame.

        Only the observable columns are read; any other column of the trace (positions,
        ``internal_*`` arousal and working model) is ignored.
        """
        missing = [c for c in RECORD_FIELDS if c not in frame.columns]
        if missing:
            raise ValueError(f"trace lacks record columns: {', '.join(missing)}")
        return cls(
            **{c: frame[c].to_numpy(dtype=np.uint8).reshape(1, -1) for c in RECORD_FIELDS}
        )
