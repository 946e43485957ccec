"""The record's codes as ``int8`` constants for the compiled rules.

Numba types an ``IntEnum`` member as a 64-bit integer, and a rule that returns either a member or
an ``int8`` from the state cannot be typed. The rules therefore use these namespaces (named tuples
of ``numpy.int8``, which numba compiles as constants); they mirror :mod:`simulation.record`'s
enums member for member.
"""

from __future__ import annotations

from collections import namedtuple
from enum import IntEnum

import numpy as np

from ..record import Action, AdultAct, Cry, Gaze, Held, Target


def int8_codes(enum: type[IntEnum]):
    """``enum``'s members as ``np.int8`` fields of a named tuple."""
    names = [m.name for m in enum]
    return namedtuple(enum.__name__ + "Codes", names)(*[np.int8(m.value) for m in enum])


ACTION = int8_codes(Action)
ADULT = int8_codes(AdultAct)
TARGET = int8_codes(Target)
GAZE = int8_codes(Gaze)
CRY = int8_codes(Cry)
HELD = int8_codes(Held)
