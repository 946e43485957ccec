"""Frequency measures per 15-s interval, reported as rates per episode.

Ainsworth et al. (1978, ch. 3) scored crying, exploratory manipulation, locomotion, visual
exploration and looking at the caregiver and at the stranger by the number of 15-s intervals of an
episode in which each occurred (12 intervals in a full 3-min episode); search (going to or
oriented to the door) is measured the same way here, so that it can be compared between the
episodes with and without the caregiver (it is scored as an interactive scale only in the
separations). Because separations may be
curtailed and reunions extended (Waters 2002), raw interval counts would make a curtailed episode
look calm; every measure here is therefore a rate in [0, 1]: **intervals with the behaviour per
15-s interval** of the episode as actually run, the last partial interval counting by its length
(an episode of 70 s has 4 full intervals and one of 10/15). An episode that never ran has rate 0.
"""

from __future__ import annotations

import numpy as np

from simulation.codes import Action, Cry, Gaze, Target, u8
from simulation.observer.segments import INTERVAL, N_EPISODES, Episodes, Intervals, intervals_of
from simulation.record import BehaviourRecord

#: The frequency measures, in the order of their flag bits.
FREQUENCIES = (
    "exploration",  # exploratory manipulation: Action.EXPLORE
    "visual_exploration",  # looking at the toys without manipulating them
    "locomotion",  # crawling or walking: APPROACH (to anyone, the door) or APPROACH_BROKEN
    "crying",  # any crying (fussing or hard crying)
    "look_caregiver",  # gaze at the caregiver
    "look_stranger",  # gaze at the stranger
    "search",  # search: going to or oriented to the door (SEARCH, or approaching the door)
)


def frequency_masks(record: BehaviourRecord) -> dict[str, np.ndarray]:
    """Per-second boolean masks (n, n_seconds) of every frequency measure."""
    action, gaze = record.action, record.gaze
    explore = action == u8(Action.EXPLORE)
    approach = action == u8(Action.APPROACH)
    masks = {
        "exploration": explore,
        "visual_exploration": (gaze == u8(Gaze.TOYS)) & ~explore,
        "locomotion": approach | (action == u8(Action.APPROACH_BROKEN)),
        "crying": record.cry > u8(Cry.NONE),
        "look_caregiver": gaze == u8(Gaze.CAREGIVER),
        "look_stranger": gaze == u8(Gaze.STRANGER),
        "search": (action == u8(Action.SEARCH)) | (approach & (record.target == u8(Target.DOOR))),
    }
    return {name: masks[name] for name in FREQUENCIES}


def frequency_flags(record: BehaviourRecord) -> np.ndarray:
    """Per second, one byte whose bit ``i`` says whether measure ``FREQUENCIES[i]`` occurred:
    the masks of :func:`frequency_masks` combined (a test holds them equal), computed in two
    reused buffers instead of one fresh array per comparison (fresh pages cost more than the
    comparisons)."""
    action, gaze = record.action, record.gaze
    flags = np.zeros(action.shape, dtype=np.uint8)
    mask = np.empty(action.shape, dtype=np.bool_)
    spare = np.empty(action.shape, dtype=np.bool_)
    bits = mask.view(np.uint8)

    def add(name: str) -> None:
        np.left_shift(bits, np.uint8(FREQUENCIES.index(name)), out=bits)
        np.bitwise_or(flags, bits, out=flags)

    np.equal(action, u8(Action.EXPLORE), out=spare)  # kept: visual exploration excludes it
    np.copyto(mask, spare)
    add("exploration")
    np.equal(gaze, u8(Gaze.TOYS), out=mask)
    np.greater(mask, spare, out=mask)  # looking at the toys and not exploring
    add("visual_exploration")
    np.equal(action, u8(Action.APPROACH), out=spare)  # kept: approaching the door is search
    np.equal(action, u8(Action.APPROACH_BROKEN), out=mask)
    np.bitwise_or(mask, spare, out=mask)
    add("locomotion")
    np.greater(record.cry, u8(Cry.NONE), out=mask)
    add("crying")
    np.equal(gaze, u8(Gaze.CAREGIVER), out=mask)
    add("look_caregiver")
    np.equal(gaze, u8(Gaze.STRANGER), out=mask)
    add("look_stranger")
    np.equal(record.target, u8(Target.DOOR), out=mask)
    np.bitwise_and(mask, spare, out=spare)
    np.equal(action, u8(Action.SEARCH), out=mask)
    np.bitwise_or(mask, spare, out=mask)
    add("search")
    return flags


def frequency_rates(
    record: BehaviourRecord, episodes: Episodes, intervals: Intervals | None = None
) -> dict[str, np.ndarray]:
    """Rates of every measure in :data:`FREQUENCIES`, each a float array (n, 8).

    Intervals with the behaviour per 15-s interval (Ainsworth et al. 1978, ch. 3), over the
    seconds each episode actually ran.
    """
    if intervals is None:
        intervals = intervals_of(episodes)
    n = episodes.n_infants
    if intervals.bounds.size == 0:  # no seconds at all
        return {name: np.zeros((n, N_EPISODES)) for name in FREQUENCIES}
    flags = frequency_flags(record)
    hit = np.bitwise_or.reduceat(flags.reshape(-1), intervals.bounds)
    last = np.maximum(intervals.cell_first + intervals.cell_count - 1, 0)
    shortfall = 1.0 - intervals.weight[np.minimum(last, hit.size - 1)]
    occurred = np.zeros(hit.size + 1, dtype=np.uint8)  # a spare 0 at the end for empty cells
    columns = []
    for bit in range(len(FREQUENCIES)):
        np.bitwise_and(hit >> np.uint8(bit), np.uint8(1), out=occurred[:-1])
        # intervals with the behaviour per cell, the last (partial) one prorated
        count = np.add.reduceat(occurred, intervals.cell_first, dtype=np.int32)
        columns.append(count - occurred[last] * shortfall)
    per_cell = np.stack(columns, axis=1)
    per_cell[intervals.cell_count == 0] = 0.0
    per_cell = per_cell.reshape(n, N_EPISODES + 1, len(FREQUENCIES))[:, :N_EPISODES]
    length = (episodes.duration / INTERVAL)[:, :, None]
    rates = np.divide(per_cell, length, out=np.zeros_like(per_cell), where=length > 0)
    return {name: np.ascontiguousarray(rates[:, :, i]) for i, name in enumerate(FREQUENCIES)}
