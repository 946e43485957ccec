"""Declaring a mechanism's parameters and fixed constants beside the rules that read them.

Every number a rule uses is one of:

- a :class:`Param`: a model parameter (a field of :class:`simulation.params.ModelParams`, which is
  generated from these declarations), with its default, documented range, meaning and source;
  sweeps may vary it by name. ``read_by`` says where it is read: the home year's compiled loop
  (:data:`HOME`, a float64 record), the per-second compiled rules (:data:`SECOND`, a float32
  record) or the per-infant dispositions computed once before the procedure (:data:`INFANT`);
  the two compiled records are generated from it (:mod:`simulation.rules.catalogue`);
- a :class:`Constant`: a named module-level constant that is fixed on purpose, with why (a code
  value, the room's geometry, the laboratory protocol's script, the layout of the random draws);
  compiled in as a constant;
- an arithmetic identity written in place (``f(1.0) - a``).

``tests/rules/test_declarations.py`` checks that every module-level number of the rules is
declared one way or the other.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Read by the home year's compiled loop (a float64 record).
HOME = "home year"
#: Read by the per-second compiled rules of the Strange Situation (a float32 record).
SECOND = "second"
#: Read once per infant, computing its dispositions before the procedure (numpy, float64).
INFANT = "dispositions"


@dataclass(frozen=True)
class Param:
    """One model parameter, declared in the module of the mechanism that reads it."""

    name: str
    default: float
    low: float
    high: float
    meaning: str
    source: str
    read_by: str

    def __post_init__(self) -> None:
        if self.read_by not in (HOME, SECOND, INFANT):
            raise ValueError(f"{self.name}: read_by must be HOME, SECOND or INFANT")
        if not self.low <= self.default <= self.high:
            raise ValueError(f"{self.name}: default {self.default} outside its range")


@dataclass(frozen=True)
class Constant:
    """A named module-level constant of a rules module that is fixed on purpose."""

    name: str
    meaning: str
    why: str


#: Why the adults' timings are constants: the laboratory protocol, the same for every infant.
PROTOCOL = ("the laboratory protocol's script (Ainsworth et al. 1978, ch. 2): the same for every "
            "infant and every run, not a mechanism of the infant")
#: Why distances of movement are constants: where an actor goes, not whether it does.
GEOMETRY = ("geometry of movement in the room (where an actor goes, not whether): no behavioural "
            "mechanism depends on it")
