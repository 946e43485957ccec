"""The home year's rules the life course reuses, imported in one place.

The life course learns by the same rules as the infant at home (one occasion of need: who
attends, whether escalation breaks through, rebuff and fright; the working model's update; the
age's plasticity). They are imported here only, so that a move of the rules touches one file.
"""

from __future__ import annotations

from ..rules.jit import kernel
from ..rules.occasions import (
    LEARNER,
    breakthrough_chance,
    home_params,
    lapse_share,
    learn,
    next_spell,
    occasion_outcome,
    plasticity,
    spell_availability,
)

__all__ = ["LEARNER", "breakthrough_chance", "home_params", "kernel", "lapse_share", "learn",
           "next_spell", "occasion_outcome", "plasticity", "spell_availability"]
