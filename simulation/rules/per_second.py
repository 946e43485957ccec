"""Each second of the Strange Situation in fixed phases, and the compiled loop of the cohort
engine.

Phases: the procedure (episode changes, entries and exits), perception, the infant's decision,
the adults' decisions, the adults' act (move, walk out), the hand-over (pick up, put down) and the
infant's movement, the clocks. The Mesa model calls the same functions phase by phase from its
agents; the cohort engine runs :func:`run_chunk`, which advances each infant of a chunk second by
second through the whole procedure (infants never interact, so each runs to its end in turn, its
state in cache) and writes its record as it goes.
"""

from __future__ import annotations

import numpy as np

from ..episodes import MAX_SECONDS
from . import adults, infant, perception, transitions, unresolved
from .jit import kernel
from .observable import N_FIELDS, observe

#: Positions kept in a full trace (for drawing the room), in the order of ``run_chunk``'s
#: ``positions`` rows.
TRACE_POSITIONS = ("x", "y", "cg_x", "cg_y", "st_x", "st_y")


@kernel(inline=False)
def run_second(s, per, d, key, purpose, tick, p) -> None:
    """Advance one dyad by one second (in place; ``per`` receives its perception)."""
    transitions.advance(s)
    perception.perceive(s, per)
    unresolved.caregiver_dissociates(s, key, purpose, tick, p)
    infant.decide(s, per, d, key, purpose, tick, p)
    adults.caregiver_decide(s, per)
    adults.stranger_decide(s, per)
    adults.caregiver_act(s)
    adults.stranger_act(s)
    adults.hand_over(s)
    infant.move(s)
    transitions.count(s)


@kernel(inline=False)
def run_chunk(state, perception, dispositions, params, keys, purpose, record, by_episode,
              arousal, positions, seconds, lo, hi) -> None:
    """Run dyads ``lo .. hi - 1`` of ``state`` through the procedure, each to its end.

    Inputs: ``perception``, a scratch array of one
    :data:`~simulation.rules.perception.PERCEPTION`; the dyads' ``dispositions`` and draw
    ``keys``; the model's per-second constants ``params`` (one
    :data:`~simulation.rules.catalogue.SSP_PARAMS` record); the draws' ``purpose``.
    Outputs, written for these dyads only: ``record`` (uint8, fields x infants x
    ``MAX_SECONDS``, zeros on entry) the record codes; ``by_episode`` (infants x 8) the mean
    arousal in each episode; ``seconds`` the seconds each ran, counting the first second after
    its end (a record row of zeros); ``arousal`` (infants x ``MAX_SECONDS``) and ``positions``
    (6 x infants x ``MAX_SECONDS``) the per-second trace, unless they are empty.
    """
    p = params[()]
    per = perception[0]
    trace = arousal.shape[0] > 0
    entered = np.zeros(10, dtype=np.int64)  # the second each episode began (9: the end)
    sum_at = np.zeros(10)  # the running sum of arousal when it began
    for i in range(lo, hi):
        s = state[i]
        d = dispositions[i]
        key = keys[i]
        entered[:] = 0
        sum_at[:] = 0.0
        previous = 1
        running_sum = 0.0
        ticks = MAX_SECONDS
        for tick in range(MAX_SECONDS):
            run_second(s, per, d, key, purpose, tick, p)
            observe(s, record, i, tick)
            episode = record[0, i, tick]
            if episode != previous:
                entered[min(s.episode, 9)] = tick
                sum_at[min(s.episode, 9)] = running_sum
                previous = episode
            running_sum += np.float64(s.arousal)
            if trace:
                arousal[i, tick] = s.arousal if episode > 0 else np.float32(0.0)
                positions[0, i, tick] = s.x
                positions[1, i, tick] = s.y
                positions[2, i, tick] = s.cg_x
                positions[3, i, tick] = s.cg_y
                positions[4, i, tick] = s.st_x
                positions[5, i, tick] = s.st_y
            if episode == 0:
                ticks = tick + 1
                break
        if s.episode <= 8:  # not finished within the bound: cut at the last second
            entered[9] = MAX_SECONDS
            sum_at[9] = running_sum
        seconds[i] = ticks
        for e in range(1, 9):
            length = max(entered[e + 1] - entered[e], 1)
            by_episode[i, e - 1] = (sum_at[e + 1] - sum_at[e]) / length


def empty_outputs(n: int, trace: bool) -> tuple[np.ndarray, ...]:
    """Zeroed outputs of :func:`run_chunk`: record, by_episode, arousal, positions, seconds."""
    width = MAX_SECONDS if trace else 0
    return (np.zeros((N_FIELDS, n, MAX_SECONDS), dtype=np.uint8), np.zeros((n, 8)),
            np.zeros((n if trace else 0, width), dtype=np.float32),
            np.zeros((len(TRACE_POSITIONS), n if trace else 0, width), dtype=np.float32),
            np.zeros(n, dtype=np.int64))
