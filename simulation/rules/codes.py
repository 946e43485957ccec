"""The record's codes as ``numpy.int8`` scalars, for the per-second kernels.

Comparing an ``int8`` array with an ``IntEnum`` member makes numpy convert the member and
upcast the comparison (about ten times slower than with an ``int8`` scalar); the kernels
therefore compare with these namespaces, which mirror :mod:`simulation.record`'s enums.
"""

from __future__ import annotations

from enum import IntEnum
from types import SimpleNamespace

import numpy as np

from ..record import Action, AdultAct, Cry, Gaze, Held, Target


def int8_codes(enum: type[IntEnum]) -> SimpleNamespace:
    """``enum``'s members as ``np.int8`` attributes of a namespace."""
    return SimpleNamespace(**{m.name: np.int8(m.value) for m in enum})


ACTION = int8_codes(Action)
ADULT = int8_codes(AdultAct)
TARGET = int8_codes(Target)
GAZE = int8_codes(Gaze)
CRY = int8_codes(Cry)
HELD = int8_codes(Held)
