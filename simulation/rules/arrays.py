"""Array helpers for the per-second kernels (the cohort engine's hot path)."""

from __future__ import annotations

import numpy as np


def put(values: np.ndarray, mask: np.ndarray, new) -> np.ndarray:
    """``np.where(mask, new, values)``, skipped when no element is selected.

    Most transitions of the scripts fire for few infants in any given second; testing
    ``mask.any()`` costs a fraction of a ``where``. The result is the same element by element,
    so a cohort and a single dyad still agree bit for bit.
    """
    return np.where(mask, new, values) if mask.any() else values
