"""What the infant brings into the room, as the mechanisms' dispositions read it.

The working model (trust ``T``, volatility ``V``, expected rebuff ``R``, signal gain ``G``, fear
``F``, escalation paid ``P``, helplessness ``H``) and temperament do not change during the
procedure's twenty-odd minutes, so every term of the per-second rules that depends only on them
is computed once, by each mechanism's ``dispositions`` function, from one :class:`Traits`. Its
derived quantities are each owned by a mechanism: the pull to approach ``inh`` and its
complement ``deact`` (:func:`simulation.rules.deactivation.pull_to_approach`), hyperactivation
``hyper`` (:func:`simulation.rules.crying.hyperactivation`), vigilance ``vigilant`` and the
soothability factor ``sooth`` (:mod:`simulation.rules.arousal`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The dtype of the per-second state and of the dispositions.
FLOAT = np.float32


@dataclass(frozen=True)
class Traits:
    """One cohort's working models, temperament and derived quantities (float64 arrays)."""

    T: np.ndarray  # trust
    V: np.ndarray  # volatility
    R: np.ndarray  # expected rebuff
    G: np.ndarray  # signal gain
    F: np.ndarray  # fear
    P: np.ndarray  # escalation paid (intermittent reinforcement of protest)
    H: np.ndarray  # helplessness (bids that went unanswered however loud)
    reactivity: np.ndarray
    inh: np.ndarray  # the pull to approach (a switch on R)
    deact: np.ndarray  # 1 - inh: the deactivating strategy
    hyper: np.ndarray  # hyperactivation (signal gain above its rest level)
    vigilant: np.ndarray  # preoccupation with a caregiver whose availability is uncertain
    sooth: np.ndarray  # 0.5 + soothability
    ones: np.ndarray


def floor(low: float, value: np.ndarray) -> np.ndarray:
    """``low + (1 - low) * value``: a disposition that ``value`` raises from ``low`` to 1."""
    return low + (1.0 - low) * value
