"""The home year's rules the life course reuses, imported in one place.

The life course learns by the same rules as the infant at home (one occasion of need: who
attends, whether escalation breaks through, rebuff and fright; the working model's update; the
age's plasticity). They are imported here only, so that a move of the rules touches one file.
"""

from __future__ import annotations

from ..rules.answers import occasion_outcome
from ..rules.availability import (
    attention,
    breakthrough_chance,
    next_preoccupied,
    preoccupied_share,
)
from ..rules.catalogue import home_params
from ..rules.jit import kernel
from ..rules.learning import LEARNER, learn, plasticity

__all__ = ["LEARNER", "attention", "breakthrough_chance", "home_params", "kernel", "learn",
           "next_preoccupied", "occasion_outcome", "plasticity", "preoccupied_share"]
