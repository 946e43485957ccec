"""The Strange Situation for a cohort: N dyads through the eight episodes, compiled.

Each infant runs second by second through :func:`simulation.rules.per_second.run_second` inside
the compiled loop :func:`simulation.rules.per_second.run_chunk`; no Python runs per infant or per
second.
The observable record is kept as compact ``uint8`` codes; arousal (internal) is kept as
per-episode means, or per second when a trace is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import dyad_state, rng, room
from .params import ModelParams
from .record import RECORD_FIELDS, BehaviourRecord
from .rules.catalogue import ssp_params
from .rules.dispositions import dispositions
from .rules.per_second import TRACE_POSITIONS, empty_outputs, run_chunk
from .rules.perception import PERCEPTION
from .threads import over_ranges
from .working_model import WorkingModel


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
    threads: int = 1,
    unresolved: np.ndarray | None = None,
) -> SSPRun:
    """Run the eight episodes for every infant; returns the record and internals.

    ``unresolved``: the caregiver's unresolved loss at the procedure, per infant (none: 0), for
    her dissociated moments at the reunions (:mod:`simulation.rules.unresolved`).

    ``threads``: run contiguous ranges of the infants at once on this many threads.
    """
    keys = np.ascontiguousarray(keys, dtype=np.uint64)
    n = keys.shape[0]
    state = dyad_state.start(*toy_spots(keys), unresolved)
    disp = dispositions(wm, reactivity, soothability, params)
    constants, purpose = ssp_params(params), rng.ssp_purpose(age_months)
    record, by_episode, arousal, positions, seconds = empty_outputs(n, trace)

    def run(lo: int, hi: int) -> None:
        run_chunk(state, np.zeros(1, dtype=PERCEPTION), disp, constants, keys, purpose, record,
                  by_episode, arousal, positions, seconds, lo, hi)

    over_ranges(n, threads, run)
    width = int(seconds.max()) if n else 0
    # views of the buffer, which is as wide as the longest possible procedure
    out = BehaviourRecord(**{f: record[k, :, :width] for k, f in enumerate(RECORD_FIELDS)})
    if not trace:
        return SSPRun(record=out, arousal_by_episode=by_episode)
    # after an infant's end its positions stay where they were (its record row is zeros)
    columns = np.arange(width)
    last = np.minimum(columns[None, :], seconds[:, None] - 1)
    rows = np.arange(n)[:, None]
    return SSPRun(
        record=out,
        arousal_by_episode=by_episode,
        arousal=np.ascontiguousarray(arousal[:, :width]),
        positions={k: positions[j][rows, last] for j, k in enumerate(TRACE_POSITIONS)},
    )
