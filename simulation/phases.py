"""The order of one second of the Strange Situation: the phases, who does each, what it runs.

This tuple is the one place that says it. The Mesa model (:mod:`simulation.mesa_model`) steps
by iterating it: each phase is a method of the agent it names (``Infant.perceive``, ...) or of
the procedure, and runs the rules listed here. The cohort engine's compiled second
(``run_second`` in :mod:`simulation.rules.per_second`) calls the same rules in one compiled
function; a test reads its calls and holds them to this tuple, and watches the Mesa model call
exactly these rules in this order (tests/test_mesa_agents.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .rules import adults, infant, perception, transitions, unresolved


class Phase(NamedTuple):
    """One phase of a second: ``who`` does it (``"procedure"``, ``"infant"``, ``"caregiver"``,
    ``"stranger"``), by its method ``does``, which runs the compiled ``rules`` in order."""

    who: str
    does: str
    rules: tuple[Callable, ...]


#: One second, in order (docs/ODD.md, process overview and scheduling).
PHASES: tuple[Phase, ...] = (
    # the episode ends and the next begins: entries, exits, who still holds the infant
    Phase("procedure", "advance", (transitions.advance,)),
    # distances, contact, who is making an overture
    Phase("infant", "perceive", (perception.perceive,)),
    # an unresolved caregiver's dissociated moment at the reunions begins or runs on
    Phase("caregiver", "dissociate", (unresolved.caregiver_dissociates,)),
    # arousal, action and its target, crying, gaze
    Phase("infant", "decide", (infant.decide,)),
    # the adults' acts, from the script and from what the infant does this second
    Phase("caregiver", "decide", (adults.caregiver_decide,)),
    Phase("stranger", "decide", (adults.stranger_decide,)),
    # the adults walk (the caregiver carries the infant in) or walk out
    Phase("caregiver", "act", (adults.caregiver_act,)),
    Phase("stranger", "act", (adults.stranger_act,)),
    # the infant is picked up or put down, then moves by its action
    Phase("infant", "act", (adults.hand_over, infant.move)),
    # the clocks and the crying counters of the timing rules
    Phase("procedure", "count", (transitions.count,)),
)

#: Who takes part in a second, in the order they first act.
ROLES: tuple[str, ...] = tuple(dict.fromkeys(phase.who for phase in PHASES))
