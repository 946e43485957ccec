"""Helplessness and passive resistance (C2): signalling without initiative.

Despair: a hyperactivated infant whose signals, however loud, often went unanswered (learned
helplessness, :func:`simulation.rules.learning.learn_protest_outcomes`; not trust) signals and
resists passively rather than approaching or pushing her away: it goes limp or fusses while she
presses contact (Ainsworth et al. 1978, C2 passive infants; Isabella & Belsky 1991,
under-involved care). Its signals join the infant's other signals to her
(:func:`simulation.rules.proximity.signal`).
"""

from __future__ import annotations

import numpy as np

from .declaration import INFANT, Param
from .jit import kernel
from .traits import Traits

PARAMS = (
    Param("passive_weight", 1.5, 0.0, 5.0, "passive resistance and helpless signalling per unit "
          "of arousal x helplessness", "Ainsworth et al. 1978, C2 infants; Isabella & Belsky "
          "1991", INFANT),
    Param("futile_full", 0.4, 0.05, 1.0, "learned helplessness (how often no signal, however "
          "loud, was answered) at which passivity is full", "Seligman & Maier 1967; Ainsworth "
          "et al. 1978, C2 infants", INFANT),
)

DISPOSITIONS = (
    ("helpless", "passive resistance, signalling without initiative (C2)"),
)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    # despair: signals that, however loud, went unanswered (Ainsworth et al. 1978, C2; Isabella &
    # Belsky 1991, under-involved care; Seligman & Maier 1967)
    return dict(helpless=p.passive_weight * t.hyper * np.minimum(t.H / p.futile_full, 1.0))


@kernel
def helpless(a, d):
    """Helplessness this second: arousal times the learned disposition."""
    return a * d.helpless


@kernel
def resist_passive(f_cg_pressing, helpless):
    """Passive resistance while she presses contact (picks it up, holds it, comes close)."""
    return f_cg_pressing * helpless
