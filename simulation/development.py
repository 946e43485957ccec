"""The home year: hundreds of occasions of need, vectorised over a cohort of infants.

The loop runs over occasions (not infants); each occasion calls the kernels of
:mod:`simulation.rules.development` on whole arrays. Draws are keyed by (seed, infant, purpose,
occasion), so infant k's year is the same in any cohort and alone in the Mesa model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import rng
from .caregiving import Caregiving, CaregivingHistory
from .params import ModelParams
from .rules import development as rules
from .working_model import WM_VARIABLES, WorkingModel


@dataclass
class CaregiverArrays:
    """One caregiver's spells as arrays: ``starts`` (S,) months, parameters (S, N)."""

    starts: np.ndarray
    responsiveness: np.ndarray
    consistency: np.ndarray
    warmth: np.ndarray
    frightening: np.ndarray

    @classmethod
    def from_history(cls, history: CaregivingHistory, n: int) -> CaregiverArrays:
        starts = np.array([s for s, _ in history.spells], dtype=np.float64)

        def column(name: str) -> np.ndarray:
            values = np.array([getattr(p, name) for _, p in history.spells], dtype=np.float64)
            return np.repeat(values[:, None], n, axis=1)

        return cls(starts, column("responsiveness"), column("consistency"), column("warmth"),
                   column("frightening"))

    @classmethod
    def from_arrays(cls, responsiveness, consistency, warmth, frightening) -> CaregiverArrays:
        """One spell from month 0 with per-infant parameters (a drawn population)."""
        return cls(np.zeros(1), *(np.asarray(a, dtype=np.float64)[None, :] for a in (
            responsiveness, consistency, warmth, frightening)))

    def spell_index(self, month: float) -> int:
        return int(np.searchsorted(self.starts, month, side="right") - 1)

    def take(self, index) -> CaregiverArrays:
        return CaregiverArrays(self.starts, self.responsiveness[:, index],
                               self.consistency[:, index], self.warmth[:, index],
                               self.frightening[:, index])


@dataclass
class CareArrays:
    """The caregiving arrangement of N infants as arrays."""

    primary: CaregiverArrays
    secondary: CaregiverArrays | None = None
    secondary_share: float = 0.0
    secondary_from: float = 0.0

    @classmethod
    def from_caregiving(cls, care: Caregiving, n: int) -> CareArrays:
        return cls(
            CaregiverArrays.from_history(care.primary, n),
            None if care.secondary is None else CaregiverArrays.from_history(care.secondary, n),
            care.secondary_share,
            care.secondary_from,
        )

    @property
    def caregivers(self) -> list[CaregiverArrays]:
        return [self.primary] if self.secondary is None else [self.primary, self.secondary]

    def take(self, index) -> CareArrays:
        return CareArrays(self.primary.take(index),
                          None if self.secondary is None else self.secondary.take(index),
                          self.secondary_share, self.secondary_from)


@dataclass
class Development:
    """Result of the home year: one working model per caregiver, and its monthly course."""

    models: list[WorkingModel]
    #: per caregiver, per variable: array (N, months + 1), the value at the end of each month
    monthly: list[dict[str, np.ndarray]] = field(default_factory=list)
    #: per caregiver: share of occasions that caregiver answered, per infant (observable stats)
    occasions: list[dict[str, np.ndarray]] = field(default_factory=list)


def develop(
    care: CareArrays,
    keys: np.ndarray,
    reactivity: np.ndarray,
    params: ModelParams,
    months: float = 12.0,
    frozen: bool = False,
) -> Development:
    """Run the home year(s) from birth to ``months`` for every infant.

    ``frozen=True`` is the ablation: experience happens but nothing is learned, so every infant
    keeps the initial working model.
    """
    n = keys.shape[0]
    p = params
    caregivers = care.caregivers
    models = [WorkingModel.initial(n, p.volatility_scale) for _ in caregivers]
    n_occasions = int(round(months * p.occasions_per_month))
    init = rng.uniform_quad(keys, rng.Purpose.SPELL_PRIMARY, 0)
    spell_high = [init[0] < 0.5, init[1] < 0.5]
    monthly = [{k: [v.copy()] for k, v in m.summary().items()} for m in models]
    answered_count = [np.zeros(n) for _ in caregivers]
    rebuff_count = [np.zeros(n) for _ in caregivers]
    in_charge_count = [np.zeros(n) for _ in caregivers]
    next_month_end = p.occasions_per_month

    for j in range(n_occasions):
        month = (j + 0.5) / p.occasions_per_month
        u_r1, u_r2, u_r3, u_rebuff = rng.uniform_quad(keys, rng.Purpose.RESPONSE, j)
        u_fright, u_who, u_sw1, u_sw2 = rng.uniform_quad(keys, rng.Purpose.FRIGHT, j)
        spell_high[0] = spell_high[0] ^ (u_sw1 < p.spell_switch)
        spell_high[1] = spell_high[1] ^ (u_sw2 < p.spell_switch)
        if len(caregivers) == 2 and month >= care.secondary_from:
            second = u_who < care.secondary_share
        else:
            second = np.zeros(n, dtype=bool)
        for c, (arrays, wm) in enumerate(zip(caregivers, models, strict=True)):
            in_charge = second if c == 1 else ~second
            if not in_charge.any():
                continue
            s = arrays.spell_index(month)
            r, cons = arrays.responsiveness[s], arrays.consistency[s]
            w, f = arrays.warmth[s], arrays.frightening[s]
            p_avail = rules.availability(spell_high[c], r, cons)
            answered, rebuffed, frightened = rules.occasion_outcome(
                p_avail, w, f, wm.signal_gain, reactivity, (u_r1, u_r2, u_r3), u_rebuff,
                u_fright, p)
            in_charge_count[c] += in_charge
            answered_count[c] += in_charge & (answered > 0)
            rebuff_count[c] += in_charge & rebuffed
            if not frozen:
                rules.learn(wm, in_charge, answered, rebuffed, frightened, p)
        if j + 1 >= next_month_end - 1e-9:
            next_month_end += p.occasions_per_month
            for m, store in zip(models, monthly, strict=True):
                for k, v in m.summary().items():
                    store[k].append(v.copy())

    monthly_arrays = [{k: np.stack(v, axis=1) for k, v in store.items()} for store in monthly]
    occasions = [
        {"occasions": in_charge_count[c], "answered": answered_count[c],
         "rebuffed": rebuff_count[c]}
        for c in range(len(caregivers))
    ]
    return Development(models, monthly_arrays, occasions)


__all__ = ["CareArrays", "CaregiverArrays", "Development", "develop", "WM_VARIABLES"]
