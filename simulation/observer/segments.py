"""Episode structure of a record and fast per-episode reductions of per-second masks.

Everything here is vectorised over the ``(n_infants, n_seconds)`` arrays of a
:class:`~simulation.record.BehaviourRecord`. A coder scores what happened within each episode as
it was actually run (Ainsworth et al. 1978, ch. 2; Waters 2002: separations may be curtailed,
reunions extended), so every reduction is taken over the seconds of one episode: how many seconds
a behaviour lasted, in how many bouts (runs of consecutive seconds), and the second of the episode
at which it first occurred.

Masks are packed into bits along time (:func:`numpy.packbits`), so that counting, bouts and first
occurrences cost a pass over ``n_seconds / 8`` bytes per infant plus gathers at the episode bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

N_EPISODES = 8
#: Seconds per scoring interval for the frequency measures (Ainsworth et al. 1978, ch. 3).
INTERVAL = 15

# bit_length of every byte value: the first set bit of a big-endian byte v is at 8 - bitlen(v).
_BITLEN = np.array([int(v).bit_length() for v in range(256)], dtype=np.int64)


@dataclass(frozen=True)
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


class Bits:
    """A boolean (n, n_seconds) mask packed along time, with per-episode reductions."""

    def __init__(self, mask: np.ndarray, episodes: Episodes) -> None:
        packed = np.packbits(mask, axis=1)
        # One zero byte of padding so that gathers at the very end stay in range.
        self.bytes = np.concatenate([packed, np.zeros((packed.shape[0], 1), np.uint8)], axis=1)
        self.episodes = episodes
        self._cum: np.ndarray | None = None

    @classmethod
    def from_bytes(cls, packed: np.ndarray, episodes: Episodes) -> Bits:
        obj = cls.__new__(cls)
        obj.bytes = packed
        obj.episodes = episodes
        obj._cum = None
        return obj

    def _cumulative(self) -> np.ndarray:
        if self._cum is None:
            counts = np.bitwise_count(self.bytes)
            cum = np.zeros((self.bytes.shape[0], self.bytes.shape[1] + 1), dtype=np.int32)
            np.cumsum(counts, axis=1, dtype=np.int32, out=cum[:, 1:])
            self._cum = cum
        return self._cum

    def prefix(self, x: np.ndarray) -> np.ndarray:
        """Number of set seconds in ``[0, x)`` for positions ``x`` of shape (n, m)."""
        b = x >> 3
        r = (x & 7).astype(np.uint16)
        byte = np.take_along_axis(self.bytes, b, axis=1).astype(np.uint16)
        partial = np.bitwise_count(byte >> (8 - r))
        return np.take_along_axis(self._cumulative(), b, axis=1) + partial

    def at(self, x: np.ndarray) -> np.ndarray:
        """The mask at positions ``x`` (n, m), each ``0 <= x < n_seconds``."""
        byte = np.take_along_axis(self.bytes, x >> 3, axis=1)
        return ((byte >> (7 - (x & 7)).astype(np.uint8)) & 1).astype(bool)

    def seconds(self) -> np.ndarray:
        """Seconds with the behaviour in each episode, shape (n, 8)."""
        ep = self.episodes
        return (self.prefix(ep.end) - self.prefix(ep.start)).astype(np.int32)

    def starts(self) -> Bits:
        """The first second of every run of consecutive set seconds."""
        b = self.bytes
        prev = b >> 1
        prev[:, 1:] |= (b[:, :-1] & 1) << 7
        return Bits.from_bytes(b & ~prev, self.episodes)

    def bouts(self) -> np.ndarray:
        """Bouts (runs of consecutive seconds) in each episode, shape (n, 8).

        A run that spans an episode boundary counts once in each episode.
        """
        ep = self.episodes
        count = self.starts().seconds()
        s = ep.start
        inside = (s > 0) & (ep.duration > 0)
        safe = np.where(inside, s, 1)
        crossing = inside & self.at(safe) & self.at(safe - 1)
        return count + crossing

    def first(self) -> np.ndarray:
        """Second of the episode (0-based) at which the behaviour first occurs; -1 if never."""
        ep = self.episodes
        b = self.bytes
        n_bytes = b.shape[1]
        s = ep.start
        b0 = np.minimum(s >> 3, n_bytes - 1)
        byte0 = np.take_along_axis(b, b0, axis=1) & (np.uint8(0xFF) >> (s & 7).astype(np.uint8))
        pos0 = b0 * 8 + 8 - _BITLEN[byte0]
        nonzero = np.where(b != 0, np.arange(n_bytes), n_bytes - 1)
        nxt = np.minimum.accumulate(nonzero[:, ::-1], axis=1)[:, ::-1]
        nb = np.take_along_axis(nxt, np.minimum(b0 + 1, n_bytes - 1), axis=1)
        pos1 = nb * 8 + 8 - _BITLEN[np.take_along_axis(b, nb, axis=1)]
        pos = np.where(byte0 != 0, pos0, pos1)
        return np.where(pos < ep.end, pos - s, -1).astype(np.int32)


@dataclass(frozen=True)
class Intervals:
    """The 15-s scoring intervals of every episode, laid out for :func:`numpy.logical_or.reduceat`.

    ``bounds`` are flat indices into the raveled (n, n_seconds) arrays: the first second of every
    interval, plus the first second after each infant's procedure when padding follows. ``cell``
    gives, for each bound, the flat (infant, episode) index it belongs to (-1 for padding) and
    ``weight`` its length in intervals (1, or the prorated share of the last partial interval).
    """

    bounds: np.ndarray
    cell: np.ndarray
    weight: np.ndarray
    n_infants: int


def intervals_of(episodes: Episodes) -> Intervals:
    """Lay out the 15-s intervals of every episode (the last partial one prorated)."""
    n = episodes.n_infants
    dur = episodes.duration
    k_max = int(-(-dur.max() // INTERVAL)) if dur.size else 0
    k = np.arange(k_max, dtype=np.int64)
    offset = k * INTERVAL
    valid = offset[None, None, :] < dur[:, :, None]
    row = np.arange(n, dtype=np.int64)[:, None, None]
    first = row * episodes.n_seconds + episodes.start[:, :, None] + offset[None, None, :]
    length = np.minimum(dur[:, :, None] - offset[None, None, :], INTERVAL)
    cell = np.broadcast_to(row * N_EPISODES + np.arange(N_EPISODES)[None, :, None], valid.shape)
    padded = (episodes.end_valid < episodes.n_seconds)[:, None]
    pad_first = np.arange(n)[:, None] * episodes.n_seconds + episodes.end_valid[:, None]
    keep = np.concatenate([valid.reshape(n, -1), padded], axis=1)
    bounds = np.concatenate([first.reshape(n, -1), pad_first], axis=1)[keep]
    cells = np.concatenate([cell.reshape(n, -1), np.full((n, 1), -1)], axis=1)[keep]
    weight = np.concatenate(
        [length.reshape(n, -1) / INTERVAL, np.zeros((n, 1))], axis=1
    )[keep]
    return Intervals(bounds, cells, weight, n)


def interval_rate(mask: np.ndarray, intervals: Intervals, episodes: Episodes) -> np.ndarray:
    """Share of an episode's 15-s intervals in which ``mask`` occurred, shape (n, 8).

    The rate is "intervals with the behaviour per 15-s interval": the last partial interval
    counts by its length, so a curtailed episode is scored on the time it actually ran. An episode
    that never ran has rate 0.
    """
    n = intervals.n_infants
    if intervals.bounds.size == 0:
        return np.zeros((n, N_EPISODES))
    hit = np.logical_or.reduceat(mask.reshape(-1), intervals.bounds)
    keep = intervals.cell >= 0
    per_cell = np.bincount(
        intervals.cell[keep], weights=(hit[keep] * intervals.weight[keep]),
        minlength=n * N_EPISODES,
    ).reshape(n, N_EPISODES)
    length = episodes.duration / INTERVAL
    return np.divide(per_cell, length, out=np.zeros_like(per_cell), where=length > 0)
