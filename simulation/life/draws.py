"""The life course's streams of keyed draws (purposes beyond the infant's, in one place).

Every draw of the life course is a pure function of (root seed, person id, purpose, step)
through :mod:`simulation.rng`, so person k's life is the same alone and in any cohort or chunk.
The purposes start at 512, above every purpose of infancy (the Strange Situation's run to 160).
"""

from __future__ import annotations

from enum import IntEnum


class LifePurpose(IntEnum):
    """What a stream of the life course's draws is for."""

    RESPONSE = 512  # rounds of signalling answered, and rebuff (one quad per occasion)
    WHO = 513  # fright, which figure answers, two figures' preoccupation (one quad per occasion)
    PREOCCUPATION = 514  # the other two figures' preoccupation (one quad per occasion)
    EVENTS = 515  # negative life events (per year of childhood)
    ALT_FIGURE = 516  # whether, when and how responsive an alternative figure is
    PARTNERS = 517  # relationships beginning and ending (per year)
    PARTNER_CARE = 518  # each partner's care (per partner)
    MEASURES = 519  # measurement error of every measure (per measure)
    REUNION = 520  # the adult separation and reunion (per second)
    CAREGIVING = 521  # the adult's own caregiving (intergenerational loop)
    CARE_DRIFT = 522  # the parents' care drifting from year to year


#: Derives the second generation's root seed from the first's (children get their own draws).
CHILD_SEED_SALT = 0x5EED_C41D
