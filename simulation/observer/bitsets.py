"""Per-second masks packed along time, and their per-episode seconds, bouts and first occurrence.

A coder's measures are taken within each episode as actually run (Ainsworth et al. 1978, ch. 2):
how many seconds a behaviour lasted, in how many bouts (runs of consecutive seconds), and at which
second of the episode it first occurred. For 10,000 infants x 1,560 seconds these reductions
dominate the coding time, so masks are packed 8 seconds to a byte (:func:`numpy.packbits`) and
reduced on 64-bit words: a cumulative count per word, plus the bits of a partial word at each
episode bound. Boolean combinations of masks (and, or, not, one second later) are done on the
packed bytes, eight times fewer than the seconds.

A :class:`Packed` holds K masks at once, shape (K, n_infants, width) bytes; every reduction
returns arrays of shape (K, n_infants, 8), one value per episode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from simulation.observer.segments import Episodes

_LOW = np.array([(1 << (8 * k)) - 1 for k in range(8)], dtype=np.uint64)
_ONES = np.uint64(0x0101010101010101)
_HIGH = np.uint64(0x8080808080808080)
_M1 = np.uint64(0x5555555555555555)
_M2 = np.uint64(0x3333333333333333)
_M4 = np.uint64(0x0F0F0F0F0F0F0F0F)


def _select_table() -> np.ndarray:
    """``_SELECT[v, k]``: position (0 = earliest second) of the k-th set bit of byte ``v``."""
    table = np.full((256, 8), 8, dtype=np.int64)
    for v in range(256):
        ones = [i for i in range(8) if v & (0x80 >> i)]
        table[v, : len(ones)] = ones
    return table


_SELECT = _select_table()


def packed_width(n_seconds: int) -> int:
    """Bytes per packed row: whole 64-bit words, with at least one zero byte after the last
    second so that gathers at the end of the row stay in range."""
    return 8 * (n_seconds // 64 + 1)


def pack(mask: np.ndarray) -> np.ndarray:
    """Pack one boolean (n, n_seconds) mask into (n, width) bytes (earliest second first)."""
    n, t_len = mask.shape
    out = np.zeros((n, packed_width(t_len)), dtype=np.uint8)
    out[:, : -(-t_len // 8)] = np.packbits(mask, axis=1)
    return out


@dataclass(frozen=True, eq=False)
class _Plan:
    """Flat gather indices into a (K, n, width) stack at positions x (n, m)."""

    word: np.ndarray  # index of the 64-bit word holding x
    low: np.ndarray  # uint64 mask of the whole bytes before x within its word
    byte: np.ndarray  # index of the byte holding x
    shift: np.ndarray  # uint16 8 - x % 8: keeps the bits before x within its byte
    bit: np.ndarray  # uint8 7 - x % 8: brings x's own bit down to bit 0

    @classmethod
    def at(cls, x: np.ndarray, rows: np.ndarray, width: int) -> _Plan:
        return cls(
            word=rows * (width // 8) + (x >> 6),
            low=_LOW[(x >> 3) & 7],
            byte=rows * width + (x >> 3),
            shift=(8 - (x & 7)).astype(np.uint16),
            bit=(7 - (x & 7)).astype(np.uint8),
        )


class Packed:
    """K masks of one record packed along time: ``bytes`` has shape (K, n, width)."""

    def __init__(self, data: np.ndarray, episodes: Episodes) -> None:
        if data.ndim == 2:
            data = data[None]
        self.bytes = np.ascontiguousarray(data)
        self.episodes = episodes

    @classmethod
    def of(cls, masks: Sequence[np.ndarray], episodes: Episodes) -> Packed:
        """Pack boolean (n, n_seconds) masks (or already packed (n, width) rows)."""
        rows = [m if m.dtype == np.uint8 else pack(m) for m in masks]
        return cls(np.stack(rows), episodes)

    @classmethod
    def stack(cls, parts: Sequence[Packed]) -> Packed:
        return cls(np.concatenate([p.bytes for p in parts]), parts[0].episodes)

    def __len__(self) -> int:
        return int(self.bytes.shape[0])

    def __getitem__(self, k: int | slice) -> Packed:
        data = self.bytes[k]
        return Packed(data if data.ndim == 3 else data[None], self.episodes)

    def __and__(self, other: Packed) -> Packed:
        return Packed(self.bytes & other.bytes, self.episodes)

    def __or__(self, other: Packed) -> Packed:
        return Packed(self.bytes | other.bytes, self.episodes)

    def __invert__(self) -> Packed:
        return Packed(~self.bytes, self.episodes)

    def later(self, seconds: int = 1) -> Packed:
        """The mask as it was ``seconds`` earlier (value at t = mask at t - seconds)."""
        b = self.bytes
        for _ in range(seconds):
            prev = b >> np.uint8(1)
            prev[..., 1:] |= (b[..., :-1] & np.uint8(1)) * np.uint8(0x80)
            b = prev
        return Packed(b, self.episodes)

    def starts(self) -> Packed:
        """The first second of every run of consecutive set seconds."""
        return self & ~self.later()

    # -- reductions --------------------------------------------------------------------------

    def _rows(self) -> np.ndarray:
        k, n, _ = self.bytes.shape
        return np.arange(k * n, dtype=np.int64).reshape(k, n, 1)

    def _words(self) -> np.ndarray:
        return self.bytes.view("<u8")

    def _cumulative(self) -> np.ndarray:
        """Running count of set bits over all words of all rows, raveled, with a leading 0:
        ``cum[i]`` = set bits in words ``[0, i)`` of the raveled (K, n, words) array. Within a
        row, differences are counts; across rows it stays nondecreasing, so that one binary
        search serves every row."""
        if getattr(self, "_cum", None) is None:
            counts = np.bitwise_count(self._words().reshape(-1))
            big = counts.size * 64 >= np.iinfo(np.int32).max
            cum = np.zeros(counts.size + 1, dtype=np.int64 if big else np.int32)
            np.cumsum(counts, out=cum[1:])
            self._cum = cum
        return self._cum

    def _plan(self, name: str) -> _Plan:
        """Gather indices at the positions ``name`` ("bounds", "start" or "before_start"),
        computed once per episodes and stack size."""
        k = self.bytes.shape[0]
        key = (name, k, self.bytes.shape[2])
        plan = self.episodes.cache.get(key)
        if plan is None:
            ep = self.episodes
            if name == "bounds":
                x = np.concatenate([ep.start, ep.end[:, -1:]], axis=1)
            elif name == "start":
                x = ep.start
            else:  # the second before each episode (only where one exists; else second 0)
                x = np.where((ep.start > 0) & (ep.duration > 0), ep.start - 1, 0)
            plan = _Plan.at(x, self._rows(), self.bytes.shape[2])
            self.episodes.cache[key] = plan
        return plan

    def prefix(self, plan: _Plan) -> np.ndarray:
        """Running count of set seconds before the plan's positions, (K, n, m). Offset by the
        row's start in the global count: only differences within a row are counts."""
        word = self._words().reshape(-1)[plan.word] & plan.low
        partial = self.bytes.reshape(-1)[plan.byte].astype(np.uint16) >> plan.shift
        return self._cumulative()[plan.word] + np.bitwise_count(word) + np.bitwise_count(partial)

    def at(self, plan: _Plan) -> np.ndarray:
        """The masks at the plan's positions (each before ``n_seconds``): (K, n, m) bool."""
        byte = self.bytes.reshape(-1)[plan.byte]
        return ((byte >> plan.bit) & np.uint8(1)).astype(bool)

    def _at_bounds(self) -> np.ndarray:
        """Running counts at the 9 episode bounds (starts, and the end of episode 8)."""
        if getattr(self, "_bounds_count", None) is None:
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

        The first set second at or after an episode's start is the q-th set second of its row
        (q = the count before the start). It lies in the start's own word, or else a binary
        search over the running word counts of all rows finds its word; the byte within the word
        comes from a bytewise running count (SWAR), the bit from a table.
        """
        n_words = self.bytes.shape[2] // 8
        ep = self.episodes
        rows = self._rows()
        cum = self._cumulative()
        counts = self._at_bounds()
        q = counts[..., :-1]  # set seconds before each episode's start
        present = np.diff(counts, axis=2) > 0
        # Most often the bit lies in the word of the start itself; else binary search.
        glob = self._plan("start").word.copy()
        later = present & (cum[glob + 1] <= q)
        glob[later] = np.searchsorted(cum, q[later].astype(cum.dtype), side="right") - 1
        glob = np.minimum(glob, cum.size - 2)  # the word holding the q-th set bit
        rank = (q - cum[glob]).astype(np.uint64)
        w = glob - rows * n_words  # word within the row (beyond the row: nothing found)
        word = self._words().reshape(-1)[glob]
        counts = word - ((word >> np.uint64(1)) & _M1)
        counts = (counts & _M2) + ((counts >> np.uint64(2)) & _M2)
        counts = (counts + (counts >> np.uint64(4))) & _M4  # set bits per byte
        running = counts * _ONES  # byte i: set bits in bytes 0..i
        byte_i = np.bitwise_count((((rank * _ONES) | _HIGH) - running) & _HIGH).astype(np.uint64)
        shift = np.uint64(8) * byte_i
        has_before = byte_i > 0
        prev_shift = shift - np.uint64(8) * has_before.astype(np.uint64)
        before = np.where(has_before, (running >> prev_shift) & np.uint64(0xFF), np.uint64(0))
        value = (word >> np.minimum(shift, np.uint64(56))) & np.uint64(0xFF)
        within = np.clip((rank - before).astype(np.int64), 0, 7)
        pos = w * 64 + byte_i.astype(np.int64) * 8 + _SELECT[value.astype(np.int64), within]
        ok = present & (rank < 64) & (byte_i < 8) & (pos < ep.end)
        return np.where(ok, pos - ep.start, -1).astype(np.int32)
