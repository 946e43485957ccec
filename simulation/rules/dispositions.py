"""What the infant brings into the room: its dispositions, the per-infant constants of the
Strange Situation's rules.

The working model and temperament do not change during the procedure, so every term of the
per-second rules that depends only on them is computed once, here, by each mechanism's
``dispositions`` function (its ``DISPOSITIONS`` declare the fields it computes and their
meaning), from the derived quantities of :class:`~simulation.rules.traits.Traits`.
"""

from __future__ import annotations

import numpy as np

from ..working_model import WorkingModel
from . import (
    arousal,
    crying,
    deactivation,
    disorganized,
    helplessness,
    protest,
    proximity,
    search,
    secure_base,
)
from .traits import FLOAT, Traits

#: The mechanisms that compute dispositions, in the order of the :data:`DISPOSITIONS` fields.
DISPOSED = (arousal, secure_base, proximity, deactivation, protest, helplessness, search,
            disorganized, crying)
#: One infant's dispositions (each field declared, with its meaning, by its mechanism).
DISPOSITIONS = np.dtype([(name, FLOAT) for m in DISPOSED for name, _ in m.DISPOSITIONS])


def traits(wm: WorkingModel, reactivity: np.ndarray, soothability: np.ndarray, p) -> Traits:
    """The working model, temperament and the derived quantities the mechanisms read."""
    T, V, R = wm.trust, wm.volatility, wm.rebuff
    G, F = wm.signal_gain, wm.fear
    # expected rebuff switches the strategy: above the threshold, approach gives way to
    # deactivation (Main 1990; Cassidy & Kobak 1988)
    inh = deactivation.pull_to_approach(R, p)
    hyper = crying.hyperactivation(G, p)
    return Traits(T=T, V=V, R=R, G=G, F=F, P=wm.escalation_paid, H=wm.helplessness,
                  reactivity=reactivity, inh=inh, deact=1.0 - inh,
                  hyper=hyper, vigilant=arousal.vigilance(T, V, hyper),
                  sooth=arousal.soothing_factor(soothability), ones=np.ones_like(T))


def dispositions(wm: WorkingModel, reactivity: np.ndarray, soothability: np.ndarray,
                 p) -> np.ndarray:
    """Every infant's dispositions, an array of :data:`DISPOSITIONS` records (``p``: the
    model's ``ModelParams``)."""
    t = traits(wm, reactivity, soothability, p)
    out = np.empty(np.shape(t.T), dtype=DISPOSITIONS)
    for m in DISPOSED:
        for name, value in m.dispositions(t, p).items():
            out[name] = np.asarray(value, dtype=FLOAT)
    return out
