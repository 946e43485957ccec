"""Enacted care: the care the infant meets at home differs from the caregiver's rated care.

A caregiver's parameters (responsiveness, consistency, warmth) are her care as a trait, what a
sensitivity rating measures. What one infant meets in its home year is that care as enacted in
this dyad: shifted by what the rating does not hold, the fit of this caregiver with this infant,
the family's stress and support, other people's care in the home, and the facets of care beside
sensitivity (mutuality, synchrony, stimulation, support, attitude) that De Wolff & van
IJzendoorn (1997) found each related to security: sensitivity is "an important but not
exclusive condition" of security. Each dyad's deviation is drawn once, on its own stream
(:data:`simulation.rng.Purpose.ENACTED_CARE`), around the caregiver's parameters with spread
``enacted_care_sd``: a shift shared by the three (the home's circumstances) and one of each's
own (the dyad's fit), in equal parts. It holds for the home year; after it a share of it
(``enacted_persistence`` of the life course) is where the care's yearly drift starts
(:func:`simulation.life.world.drift`), so it fades as the circumstances change while the
caregiver's trait stays.
"""

from __future__ import annotations

import numpy as np

from .. import rng
from .declaration import HOME, Constant, Param

PARAMS = (
    Param("enacted_care_sd", 0.25, 0.0, 0.3, "spread (sd, on the 0-1 scale) of the care a "
          "dyad enacts at home around the caregiver's rated responsiveness, consistency and "
          "warmth (fit, family stress and support, other caregivers, facets of care beside "
          "sensitivity): drawn once per dyad, so security depends on care the caregiver's "
          "rating does not measure (0: each infant meets exactly her parameters)",
          "De Wolff & van IJzendoorn 1997 (sensitivity important but not exclusive; "
          "mutuality, synchrony, stimulation, support and attitude each related to security); "
          "the size is assumed, set with the sensitivity-security r (.24) in view (in sample)",
          HOME),
)

#: The care parameters that are enacted (frightening care and unresolved loss are not shifted).
ENACTED = ("responsiveness", "consistency", "warmth")
#: Uniforms per dyad and caregiver: three bell variates for the shared shift and one per
#: parameter.
DRAWS = 12

CONSTANTS = (
    Constant("DRAWS", "uniforms drawn per dyad and caregiver (four bell variates of three)",
             "the layout of the random draws: one step of the enacted-care stream per caregiver"),
)


def deviations(keys: np.ndarray, caregiver: int, p) -> np.ndarray:
    """Each dyad's deviation of enacted from rated care, (3, N) in :data:`ENACTED` order.

    ``sd * (shared + own) / sqrt(2)`` with bell variates of unit variance: the three shifts
    correlate 0.5 and each has sd ``enacted_care_sd``. Caregiver ``caregiver`` (0 primary, 1
    secondary) has its own step of the stream, so the two caregivers' dyads differ.
    """
    u = rng.uniforms(keys, rng.Purpose.ENACTED_CARE, caregiver, DRAWS)
    z = [(rng.bell(u[3 * i], u[3 * i + 1], u[3 * i + 2]) - 0.5) * 6.0 for i in range(4)]
    scale = p.enacted_care_sd / np.sqrt(2.0)
    return np.stack([scale * (z[0] + z[k + 1]) for k in range(len(ENACTED))])


def enact(rated: np.ndarray, deviation: np.ndarray) -> np.ndarray:
    """Enacted care: the rated parameter (spells, N) shifted by the dyad's deviation (N),
    kept on [0, 1]."""
    return np.clip(rated + deviation[None, :], 0.0, 1.0)
