"""Validation of user-supplied values: one clear message naming what is wrong.

Every public constructor calls these before storing a value (the scikit-learn convention), so a
bad parameter is refused where it enters, with its name and the range expected.
"""

from __future__ import annotations

import math
from numbers import Integral, Real


class InputError(ValueError):
    """A user error: bad parameter, file or path. The CLI prints it in one line, exit 2."""


def check_number(name: str, value: object, low: float, high: float) -> float:
    """Return ``value`` as a float if it is a finite real number in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InputError(f"{name} must be a number in [{low:g}, {high:g}], got {value!r}")
    try:
        number = float(value)
    except OverflowError:  # an integer beyond the largest float
        raise InputError(f"{name} must be a number in [{low:g}, {high:g}], got an integer of "
                         f"{len(str(abs(int(value)))):,} digits") from None
    if math.isnan(number) or not low <= number <= high:
        raise InputError(f"{name} must be a number in [{low:g}, {high:g}], got {value!r}")
    return number


def check_unit(name: str, value: object) -> float:
    """A number on [0, 1] (every caregiving and temperament parameter)."""
    return check_number(name, value, 0.0, 1.0)


def check_int(name: str, value: object, low: int, high: int) -> int:
    """An integer in [low, high] (counts, seeds)."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        if isinstance(value, Real) and not isinstance(value, bool) and float(value).is_integer():
            value = int(value)
        else:
            raise InputError(f"{name} must be an integer in [{low}, {high}], got {value!r}")
    number = int(value)
    if not low <= number <= high:
        raise InputError(f"{name} must be an integer in [{low}, {high}], got {value!r}")
    return number


def parse_number(name: str, text: str, low: float, high: float) -> float:
    """Parse a command-line string as a number in [low, high]."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise InputError(
            f"{name} must be a number in [{low:g}, {high:g}], got {text!r}"
        ) from None
    return check_number(name, value, low, high)
