"""Where the episodes lie in a record, and their 15-s scoring intervals.

A coder scores what happened within each episode as it was actually run: separations may be
curtailed and reunions extended (Ainsworth et al. 1978, ch. 2; Waters 2002), so every measure is
taken over the seconds of each episode found in the record, never over nominal durations.
Everything is vectorised over the ``(n_infants, n_seconds)`` arrays of a
:class:`~simulation.record.BehaviourRecord`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

N_EPISODES = 8
#: Seconds per scoring interval for the frequency measures (Ainsworth et al. 1978, ch. 3).
INTERVAL = 15


@dataclass(frozen=True, eq=False)
class Episodes:
    """Where each episode lies in each infant's row of the record.

    ``start`` and ``duration`` have shape (n, 8): the first second of episode ``e`` is
    ``start[:, e - 1]`` and it ran for ``duration[:, e - 1]`` seconds (0 if it was never run; its
    start is then where it would have begun). ``end_valid`` (n,) is the first second after the
    procedure ended (``n_seconds`` if it ran to the end of the row).
    """

    start: np.ndarray
    duration: np.ndarray
    end_valid: np.ndarray
    n_seconds: int
    #: Index arrays shared by every mask reduced over these episodes (see ``bitsets``).
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def end(self) -> np.ndarray:
        """First second after each episode, shape (n, 8)."""
        return self.start + self.duration

    @property
    def n_infants(self) -> int:
        return int(self.start.shape[0])


def episodes_of(episode: np.ndarray) -> Episodes:
    """Locate the episodes in an ``episode`` array of shape (n, n_seconds).

    Each row must run through its episodes in increasing order, each as one block of seconds
    (an episode may be missing), followed only by zeros (after the procedure ended). Anything else
    raises ``ValueError`` naming the first offending infant.
    """
    ep = np.asarray(episode)
    n, t_len = ep.shape
    if t_len == 0:
        zeros = np.zeros((n, N_EPISODES), dtype=np.int64)
        return Episodes(zeros, zeros.copy(), np.zeros(n, dtype=np.int64), 0)
    pos = np.flatnonzero(ep[:, 1:] != ep[:, :-1])
    row, col = np.divmod(pos, t_len - 1)
    col = col + 1
    new = ep[row, col]
    old = ep[row, col - 1]
    first = ep[:, 0]
    bad = ~(((new > old) & (old > 0)) | (new == 0)) | (new > N_EPISODES)
    bad_rows = np.unique(row[bad])
    bad_first = np.flatnonzero(first > N_EPISODES)
    if bad_rows.size or bad_first.size:
        k = int(np.min(np.concatenate([bad_rows, bad_first])))
        raise ValueError(
            f"infant {k}: episodes must run 1..8 in increasing order, each in one block, "
            "followed only by 0 (after the procedure ended)"
        )
    # bounds[:, e] = first second of episode e (1..8), bounds[:, 9] = end of the procedure.
    big = np.int64(t_len)
    bounds = np.full((n, N_EPISODES + 2), big, dtype=np.int64)
    starts = new > 0
    bounds[row[starts], new[starts].astype(np.int64)] = col[starts]
    has_first = first > 0
    bounds[np.flatnonzero(has_first), first[has_first].astype(np.int64)] = 0
    ends = new == 0
    bounds[row[ends], N_EPISODES + 1] = col[ends]
    bounds[~has_first, N_EPISODES + 1] = 0
    # An episode that never ran begins (and ends) where the next one that ran begins.
    nxt = np.minimum.accumulate(bounds[:, :0:-1], axis=1)[:, ::-1]  # nxt[:, j] = min(bounds[j+1:])
    start = np.minimum(bounds[:, 1 : N_EPISODES + 1], nxt[:, 1 : N_EPISODES + 1])
    end = nxt[:, 1 : N_EPISODES + 1]
    duration = np.where(bounds[:, 1 : N_EPISODES + 1] < big, end - start, 0)
    start = np.where(duration > 0, start, end)
    return Episodes(start, duration, bounds[:, N_EPISODES + 1].copy(), int(t_len))


@dataclass(frozen=True, eq=False)
class Intervals:
    """The 15-s scoring intervals of every episode, in record order, for a ``reduceat``.

    Each infant's row is cut into cells: its 8 episodes and, as a 9th cell, the padding after the
    procedure (one interval of weight 0, so that nothing after the end is counted). ``bounds``
    are flat indices into the raveled (n, n_seconds) arrays, the first second of every interval;
    ``weight`` its length in intervals (1, or the prorated last partial interval of an episode);
    ``cell_first`` (n * 9) the index of each cell's first interval and ``cell_count`` how many
    it has.
    """

    bounds: np.ndarray
    weight: np.ndarray
    cell_first: np.ndarray
    cell_count: np.ndarray
    n_infants: int


def intervals_of(episodes: Episodes) -> Intervals:
    """Lay out the 15-s intervals of every episode (the last partial one prorated)."""
    n, t_len = episodes.n_infants, episodes.n_seconds
    cells = N_EPISODES + 1
    start = np.concatenate([episodes.start, episodes.end_valid[:, None]], axis=1)
    length = np.concatenate([episodes.duration, t_len - episodes.end_valid[:, None]], axis=1)
    count = -(-length // INTERVAL)
    count[:, N_EPISODES] = np.minimum(length[:, N_EPISODES], 1)
    count = count.reshape(-1)
    first = np.cumsum(count) - count
    within = np.arange(int(count.sum()), dtype=np.int64) - np.repeat(first, count)
    base = (np.arange(n, dtype=np.int64)[:, None] * t_len + start).reshape(-1)
    offset = INTERVAL * within
    bounds = np.repeat(base, count) + offset
    left = np.repeat(length.reshape(-1), count) - offset
    weight = np.minimum(left, INTERVAL) / INTERVAL
    weight[np.repeat(np.arange(n * cells) % cells == N_EPISODES, count)] = 0.0
    return Intervals(bounds, weight, first, count, n)
