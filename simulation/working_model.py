"""The infant's internal working model of one caregiver: what it learned at home.

Everything here is learned from what happened to the infant (docs/design.md, the model); nothing is
set from the caregiver's parameters. The observer never sees it: it appears in output only in
columns prefixed ``internal_``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

#: The working-model variables users see (``internal_<name>`` columns), with their meaning.
WM_VARIABLES: dict[str, str] = {
    "trust": "expected availability: how likely a bid for comfort is answered",
    "volatility": "volatility beyond chance: how unpredictably availability comes and goes",
    "rebuff": "expected rebuff: how likely an answer rejects close contact",
    "signal_gain": "how intensely it pays to signal (high: hyperactivation, low: deactivation)",
    "fear": "fear of the caregiver, from frightening episodes",
    "escalation_paid": "when the first bid went unanswered, how often escalated protest got an "
                       "answer in the end (intermittent reinforcement: angry resistance, C1)",
    "helplessness": "how often no signal, however loud, got an answer (learned futility: "
                    "passivity, C2)",
}

#: The learner's state before any experience.
INITIAL = {"trust": 0.5, "trust_fast": 0.5, "trust_slow": 0.5, "volatility_raw": 0.0,
           "rebuff": 0.2, "signal_gain": 0.5, "fear": 0.0, "escalation_paid": 0.0,
           "helplessness": 0.0}


@dataclass
class WorkingModel:
    """Arrays of shape (n_infants,), one working model per infant for one caregiver."""

    trust: np.ndarray
    trust_fast: np.ndarray
    trust_slow: np.ndarray
    volatility_raw: np.ndarray
    rebuff: np.ndarray
    signal_gain: np.ndarray
    fear: np.ndarray
    escalation_paid: np.ndarray
    helplessness: np.ndarray
    volatility_scale: float = 0.12

    @classmethod
    def initial(cls, n: int, volatility_scale: float = 0.12) -> WorkingModel:
        return cls(**{k: np.full(n, v, dtype=np.float64) for k, v in INITIAL.items()},
                   volatility_scale=volatility_scale)

    @property
    def volatility(self) -> np.ndarray:
        """Volatility beyond chance on [0, 1]."""
        return np.clip(self.volatility_raw / self.volatility_scale, 0.0, 1.0)

    def copy(self) -> WorkingModel:
        return WorkingModel(**{f.name: (getattr(self, f.name).copy()
                                        if isinstance(getattr(self, f.name), np.ndarray)
                                        else getattr(self, f.name)) for f in fields(self)})

    def take(self, index) -> WorkingModel:
        """The working models of a subset (or a permutation) of infants."""
        return WorkingModel(**{f.name: (getattr(self, f.name)[index]
                                        if isinstance(getattr(self, f.name), np.ndarray)
                                        else getattr(self, f.name)) for f in fields(self)})

    def summary(self) -> dict[str, np.ndarray]:
        """The user-facing variables (see :data:`WM_VARIABLES`)."""
        return {"trust": self.trust, "volatility": self.volatility, "rebuff": self.rebuff,
                "signal_gain": self.signal_gain, "fear": self.fear,
                "escalation_paid": self.escalation_paid, "helplessness": self.helplessness}
