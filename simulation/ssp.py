"""The Strange Situation for a cohort: N dyads advanced second by second as arrays.

The loop runs over seconds, never over infants; each second is
:func:`simulation.rules.second.run_second`. The observable record is kept as compact ``uint8``
codes; arousal (internal) is kept as per-episode means, or per second when a trace is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import rng, room
from .params import ModelParams
from .procedure import MAX_SECONDS
from .record import RECORD_FIELDS, BehaviourRecord
from .rules.dispositions import Dispositions
from .rules.observable import observe
from .rules.second import run_second
from .ssp_state import SSPState
from .working_model import WorkingModel

#: Positions kept in a full trace (for drawing the room).
TRACE_POSITIONS = ("x", "y", "cg_x", "cg_y", "st_x", "st_y")


@dataclass
class SSPRun:
    """The record of N Strange Situations and their internal side."""

    record: BehaviourRecord
    #: mean arousal per episode, shape (N, 8) (internal: never shown to the observer)
    arousal_by_episode: np.ndarray
    #: per-second arousal, shape (N, seconds), only with ``trace=True``
    arousal: np.ndarray | None = None
    #: per-second positions (metres), only with ``trace=True``
    positions: dict[str, np.ndarray] | None = None


def toy_spots(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where among the toys each infant plays (a keyed draw, so the same in any cohort)."""
    u1, u2, _, _ = rng.uniform_quad(keys, rng.Purpose.TEMPERAMENT, 1)
    return room.TOYS[0] + (u1 - 0.5) * 1.2, room.TOYS[1] + (u2 - 0.5) * 1.2


def run_ssp(
    wm: WorkingModel,
    reactivity: np.ndarray,
    soothability: np.ndarray,
    keys: np.ndarray,
    params: ModelParams,
    age_months: float = 12.0,
    trace: bool = False,
) -> SSPRun:
    """Run the eight episodes for every infant; returns the record and internals."""
    n = keys.shape[0]
    s = SSPState.start(*toy_spots(keys))
    dispositions = Dispositions.of(wm, reactivity, soothability, params)
    purpose = rng.ssp_purpose(age_months)
    buffers = {f: np.zeros((MAX_SECONDS, n), dtype=np.uint8) for f in RECORD_FIELDS}
    arousal = np.zeros((MAX_SECONDS, n), dtype=np.float32)
    # the tick at which each infant entered each episode (index 9: when it finished)
    entered = np.zeros((10, n), dtype=np.int64)
    cols = np.arange(n)
    previous = np.ones(n, dtype=np.uint8)
    position_trace = ({k: np.zeros((MAX_SECONDS, n), dtype=np.float32)
                       for k in TRACE_POSITIONS} if trace else None)
    ticks = 0
    for tick in range(MAX_SECONDS):
        if not s.running.any():
            break
        run_second(s, dispositions, keys, purpose, tick, params)
        row = observe(s)
        for f in RECORD_FIELDS:
            buffers[f][tick] = row[f]
        arousal[tick] = s.arousal
        changed = row["episode"] != previous
        if changed.any():
            who = np.nonzero(changed)[0]
            entered[np.minimum(s.episode[who], 9), who] = tick
            previous = row["episode"]
        if trace:
            for k in TRACE_POSITIONS:
                position_trace[k][tick] = getattr(s, k)
        ticks = tick + 1
    record = BehaviourRecord(**{f: np.ascontiguousarray(buffers[f][:ticks].T)
                                for f in RECORD_FIELDS})
    entered[9] = np.where(s.running, ticks, entered[9])  # not finished: cut at the last tick
    # mean arousal per episode from running sums over time (episodes are contiguous)
    running_sum = np.zeros((ticks + 1, n))
    np.cumsum(arousal[:ticks], axis=0, dtype=np.float64, out=running_sum[1:])
    by_episode = np.empty((n, 8))
    for e in range(1, 9):
        start, stop = entered[e], entered[e + 1]
        total = running_sum[stop, cols] - running_sum[start, cols]
        by_episode[:, e - 1] = total / np.maximum(stop - start, 1)
    arousal_trace = None
    if trace:
        arousal_trace = np.where(record.episode > 0, arousal[:ticks].T, np.float32(0.0))
    return SSPRun(
        record=record,
        arousal_by_episode=by_episode,
        arousal=arousal_trace,
        positions=None if not trace else {
            k: np.ascontiguousarray(v[:ticks].T) for k, v in position_trace.items()},
    )
