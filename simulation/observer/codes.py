"""Record codes as ``uint8`` scalars, and the combined (action, target) code.

Comparing a ``uint8`` array with an ``IntEnum`` member upcasts the whole array to ``int64``
(five times slower); every comparison in the observer goes through :func:`u8` instead.
"""

from __future__ import annotations

import numpy as np

from simulation.record import Target

_N_TARGETS = len(Target)


def u8(code: int) -> np.uint8:
    """A record code as a ``uint8`` scalar."""
    return np.uint8(int(code))


def action_code(action: int, target: int) -> np.uint8:
    """The combined code of an (action, target) pair, as in :func:`combined_codes`."""
    return np.uint8(int(action) * _N_TARGETS + int(target))


def combined_codes(action: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Per-second combined (action, target) codes, so that one comparison tests both."""
    return action * np.uint8(_N_TARGETS) + target
