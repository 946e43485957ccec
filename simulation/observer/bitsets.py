"""Per-second masks packed along time, and their per-episode seconds, bouts and first occurrence.

A coder's measures are taken within each episode as actually run (Ainsworth et al. 1978, ch. 2):
how many seconds a behaviour lasted, in how many bouts (runs of consecutive seconds), and at which
second of the episode it first occurred. For 10,000 infants x 1,560 seconds these reductions
dominate the coding time, so masks are packed 64 seconds to a word (:func:`numpy.packbits`,
little-endian bit order, so that second ``64 w + b`` of a row is bit ``b`` of its word ``w``) and
reduced on the words: a running count per word, plus the bits of one word at each episode bound.
Boolean combinations of masks (and, or, not, one second later) are done on the words, 64 times
fewer than the seconds.

A :class:`Packed` holds K masks at once, shape (K, n_infants, words); every reduction returns
arrays of shape (K, n_infants, 8), one value per episode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from simulation.observer.segments import Episodes

#: ``_BELOW[b]``: the bits of a word before bit ``b`` (seconds earlier in the same word).
_BELOW = np.array([(1 << b) - 1 for b in range(64)], dtype=np.uint64)
_ONE = np.uint64(1)


def packed_words(n_seconds: int) -> int:
    """Words per packed row: enough for every second plus at least one spare bit, so that the
    position just after the last second still lies in the row."""
    return n_seconds // 64 + 1


def pack(mask: np.ndarray) -> np.ndarray:
    """Pack one boolean (n, n_seconds) mask into (n, words) little-endian ``uint64`` words."""
    n, t_len = mask.shape
    out = np.zeros((n, 8 * packed_words(t_len)), dtype=np.uint8)
    out[:, : -(-t_len // 8)] = np.packbits(mask, axis=1, bitorder="little")
    return out.view("<u8")


@dataclass(frozen=True, eq=False)
class _Plan:
    """Flat gather indices into a (K, n, words) stack at positions x (n, m)."""

    word: np.ndarray  # raveled index of the word holding x
    below: np.ndarray  # uint64 mask of the bits before x within its word
    bit: np.ndarray  # uint64 x % 64

    @classmethod
    def at(cls, x: np.ndarray, rows: np.ndarray, n_words: int) -> _Plan:
        return cls(
            word=rows * n_words + (x >> 6),
            below=_BELOW[x & 63],
            bit=(x & 63).astype(np.uint64),
        )


class Packed:
    """K masks of one record packed along time: ``words`` has shape (K, n, words)."""

    def __init__(self, words: np.ndarray, episodes: Episodes) -> None:
        if words.ndim == 2:
            words = words[None]
        self.words = np.ascontiguousarray(words, dtype="<u8")
        self.episodes = episodes
        self._cum: np.ndarray | None = None
        self._bounds_count: np.ndarray | None = None

    @classmethod
    def of(cls, masks: Sequence[np.ndarray], episodes: Episodes) -> Packed:
        """Pack boolean (n, n_seconds) masks (or already packed (n, words) rows)."""
        rows = [m if m.dtype == np.dtype("<u8") else pack(m) for m in masks]
        return cls(np.stack(rows), episodes)

    def __len__(self) -> int:
        return int(self.words.shape[0])

    def __and__(self, other: Packed) -> Packed:
        return Packed(self.words & other.words, self.episodes)

    def __or__(self, other: Packed) -> Packed:
        return Packed(self.words | other.words, self.episodes)

    def __invert__(self) -> Packed:
        return Packed(~self.words, self.episodes)

    def later(self, seconds: int = 1) -> Packed:
        """The mask as it was ``seconds`` earlier (value at t = mask at t - seconds), 0 <=
        ``seconds`` < 64."""
        if not 0 <= seconds < 64:
            raise ValueError("later() shifts by 0 to 63 seconds")
        w = self.words
        if seconds == 0:
            return Packed(w, self.episodes)
        out = w << np.uint64(seconds)
        out[..., 1:] |= w[..., :-1] >> np.uint64(64 - seconds)
        return Packed(out, self.episodes)

    def starts(self) -> Packed:
        """The first second of every run of consecutive set seconds."""
        return self & ~self.later()

    def runs_from(self, seeds: Packed) -> Packed:
        """The seconds of this mask's runs from a seed onward: ``t`` is set when the mask holds
        at every second from some seed ``s <= t`` to ``t`` (a bout begun in a context keeps
        it). By doubling: each pass spreads as far again as the last (up to 32 s more per pass),
        and it stops at the first pass that spreads nothing (no run reaches further)."""
        x = Packed(self.words & seeds.words, self.episodes)
        held, step = self, 1  # held: the mask holds over the last ``step`` seconds
        while True:
            grown = x | (x.later(step) & held)
            if np.array_equal(grown.words, x.words):
                return x
            x = grown
            if step < 32:
                held = held & held.later(step)
                step += step

    # -- reductions --------------------------------------------------------------------------

    def _rows(self) -> np.ndarray:
        k, n, _ = self.words.shape
        return np.arange(k * n, dtype=np.int64).reshape(k, n, 1)

    def _flat(self) -> np.ndarray:
        return self.words.reshape(-1)

    def _cumulative(self) -> np.ndarray:
        """Running count of set bits over all words of all rows, raveled, with a leading 0:
        ``cum[i]`` = set bits in words ``[0, i)`` of the raveled (K, n, words) array. Within a
        row, differences are counts; across rows it stays nondecreasing, so that one binary
        search serves every row."""
        if self._cum is None:
            counts = np.bitwise_count(self._flat())
            big = counts.size * 64 >= np.iinfo(np.int32).max
            cum = np.zeros(counts.size + 1, dtype=np.int64 if big else np.int32)
            np.cumsum(counts, out=cum[1:])
            self._cum = cum
        return self._cum

    def _plan(self, name: str) -> _Plan:
        """Gather indices at the positions ``name`` ("bounds", "start" or "before_start"),
        computed once per episodes and stack size."""
        k, _, n_words = self.words.shape
        key = (name, k, n_words)
        plan = self.episodes.cache.get(key)
        if plan is None:
            ep = self.episodes
            if name == "bounds":
                x = np.concatenate([ep.start, ep.end[:, -1:]], axis=1)
            elif name == "start":
                x = ep.start
            else:  # the second before each episode (only where one exists; else second 0)
                x = np.where((ep.start > 0) & (ep.duration > 0), ep.start - 1, 0)
            plan = _Plan.at(x, self._rows(), n_words)
            self.episodes.cache[key] = plan
        return plan

    def prefix(self, plan: _Plan) -> np.ndarray:
        """Running count of set seconds before the plan's positions, (K, n, m). Offset by the
        row's start in the global count: only differences within a row are counts."""
        word = self._flat()[plan.word] & plan.below
        return self._cumulative()[plan.word] + np.bitwise_count(word)

    def at(self, plan: _Plan) -> np.ndarray:
        """The masks at the plan's positions (each before ``n_seconds``): (K, n, m) bool."""
        return ((self._flat()[plan.word] >> plan.bit) & _ONE).astype(bool)

    def _at_bounds(self) -> np.ndarray:
        """Running counts at the 9 episode bounds (starts, and the end of episode 8)."""
        if self._bounds_count is None:
            self._bounds_count = self.prefix(self._plan("bounds"))
        return self._bounds_count

    def seconds(self) -> np.ndarray:
        """Seconds with the behaviour in each episode, (K, n, 8)."""
        return np.diff(self._at_bounds(), axis=2).astype(np.int32)

    def bouts(self) -> np.ndarray:
        """Bouts (runs of consecutive seconds) in each episode, (K, n, 8).

        A run spanning an episode boundary counts once in each episode.
        """
        ep = self.episodes
        inside = (ep.start > 0) & (ep.duration > 0)
        crossing = inside & self.at(self._plan("start")) & self.at(self._plan("before_start"))
        return self.starts().seconds() + crossing

    def first(self) -> np.ndarray:
        """Second of the episode (0-based) at which the behaviour first occurs; -1 if never:
        (K, n, 8).

        It is the lowest set bit at or after the start in the start's own word; failing that,
        the lowest set bit of the first nonempty word after it, found by one binary search over
        the running word counts of all rows (the count before that word equals the count before
        the start).
        """
        ep = self.episodes
        n_words = self.words.shape[2]
        flat = self._flat()
        counts = self._at_bounds()
        present = np.diff(counts, axis=2) > 0
        start = self._plan("start")
        glob = start.word.copy()
        word = flat[glob] & ~start.below
        later = present & (word == 0)
        if later.any():
            cum = self._cumulative()
            q = counts[..., :-1][later].astype(cum.dtype)
            glob[later] = np.searchsorted(cum, q, side="right") - 1
            word[later] = flat[glob[later]]
        lowest = word & (~word + _ONE)  # isolate the lowest set bit
        offset = np.bitwise_count(lowest - _ONE).astype(np.int64)  # its position in the word
        pos = (glob - self._rows() * n_words) * 64 + offset
        ok = present & (word != 0) & (pos < ep.end)
        return np.where(ok, pos - ep.start, -1).astype(np.int32)
