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

from simulation.codes import Action, AdultAct, Cry, Gaze, Held, Target, u8
from simulation.observer.segments import INTERVAL, N_EPISODES, Episodes, Intervals, intervals_of
from simulation.record import BehaviourRecord

#: The frequency measures, in the order of their flag bits.
FREQUENCIES = (
    "exploration",  # exploratory manipulation: Action.EXPLORE
    "visual_exploration",  # looking around the room or at the toys without manipulating them
    "locomotion",  # crawling or walking about: approaches, and any move nearer or farther
    # from an adult who stays where she is (:func:`locomotion_mask`)
    "crying",  # any crying (fussing or hard crying)
    "look_caregiver",  # gaze at the caregiver
    "look_stranger",  # gaze at the stranger
    "search",  # search: going to or oriented to the door (SEARCH, or approaching the door)
)


#: Adult acts during which the adult stays where she is (sitting, talking, calling from her
#: chair, pausing in the doorway, putting the infant down): a change in the infant's distance
#: zone to her is the infant's own movement.
STILL_ADULT_ACTS = (AdultAct.SITTING, AdultAct.TALKING, AdultAct.CALLING, AdultAct.ENTERING,
                    AdultAct.RELEASING)


#: The first this many seconds of a search bout count as locomotion (the infant goes to the
#: door; later seconds may be spent there, oriented to it): with no one in the room (episode 6)
#: no distance zone shows the infant's movement.
SEARCH_SETTING_OFF = 3


#: The still acts as bits of one mask (``1 << code``): one shift and one AND test a whole
#: array of act codes (faster than a lookup table).
_STILL_BITS = np.uint16(sum(1 << int(a) for a in STILL_ADULT_ACTS))
if max(int(a) for a in AdultAct) >= 16:  # pragma: no cover - the mask holds 16 codes
    raise ImportError("STILL_ADULT_ACTS' bit mask needs a wider integer")


def _still(act: np.ndarray) -> np.ndarray:
    """Per second, whether the adult's act keeps her where she is."""
    bits = np.left_shift(np.uint16(1), act, dtype=np.uint16)
    bits &= _STILL_BITS
    return bits != 0


def _moved_from(zone: np.ndarray, act: np.ndarray, out: np.ndarray) -> None:
    """OR into ``out`` the seconds in which the infant's zone to an adult who stayed still
    (this second and the last) differs from the previous second's. An absent adult's act is
    ABSENT, never still, so her zone (ABSENT) never counts."""
    if zone.shape[-1] < 2:
        return
    still = _still(act)
    moved = zone[:, 1:] != zone[:, :-1]
    moved &= still[:, 1:]
    moved &= still[:, :-1]
    out[:, 1:] |= moved


def locomotion_mask(record: BehaviourRecord) -> np.ndarray:
    """Per-second locomotion as a coder sees it (Ainsworth et al. 1978, ch. 3: crawling or
    walking about, whatever its goal): the infant, not held, approaches someone or something
    (or breaks off an approach), sets off for the door (the first
    :data:`SEARCH_SETTING_OFF` seconds of a search bout), or its distance zone to an adult who
    stays where she is changes from one second to the next (it crawled nearer or farther: to
    the toys, the door, away). The record carries no positions: moving about among the toys
    within one zone is not seen (a limit of this measure)."""
    action = record.action
    out = action == u8(Action.APPROACH)
    out |= action == u8(Action.APPROACH_BROKEN)
    search = action == u8(Action.SEARCH)
    if search.any():
        # searching in each of the last SEARCH_SETTING_OFF seconds: a bout under way
        going = np.zeros_like(search)
        going[:, SEARCH_SETTING_OFF:] = search[:, :-SEARCH_SETTING_OFF]
        for lag in range(1, SEARCH_SETTING_OFF):
            going[:, SEARCH_SETTING_OFF:] &= search[:, SEARCH_SETTING_OFF - lag:-lag]
        out |= search & ~going  # the first seconds of a bout: going to the door
    _moved_from(record.zone_caregiver, record.caregiver_act, out)
    _moved_from(record.zone_stranger, record.stranger_act, out)
    out &= record.held == u8(Held.NONE)
    return out


def frequency_masks(record: BehaviourRecord) -> dict[str, np.ndarray]:
    """Per-second boolean masks (n, n_seconds) of every frequency measure."""
    action, gaze = record.action, record.gaze
    explore = action == u8(Action.EXPLORE)
    approach = action == u8(Action.APPROACH)
    masks = {
        "exploration": explore,
        "visual_exploration": (gaze == u8(Gaze.TOYS)) & ~explore,
        "locomotion": locomotion_mask(record),
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
    np.copyto(mask, locomotion_mask(record))
    add("locomotion")
    np.equal(action, u8(Action.APPROACH), out=spare)  # kept: approaching the door is search
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
