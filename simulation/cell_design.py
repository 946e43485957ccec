"""Designs: many caregiving settings in one cohort, one setting per infant.

A :class:`CellDesign` assigns infant ``id`` the caregiving of cell ``id % n_cells``, so a whole
grid (say responsiveness x consistency) runs as one vectorised cohort: the dashboard's map and
quick sweeps use it. It plays the part of a population in :func:`simulation.run_cohort`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .caregiving import PROFILE_PARAMETERS, CaregiverProfile
from .home_year import CareArrays, CaregiverArrays
from .inputs import InputError
from .params import ModelParams


@dataclass(frozen=True)
class CellDesign:
    """Caregiving cells; infant ``id`` gets ``cells[id % len(cells)]``."""

    cells: tuple[CaregiverProfile, ...]
    name: str = "design"
    params: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        cells = tuple(self.cells)
        if not cells or not all(isinstance(c, CaregiverProfile) for c in cells):
            raise InputError("a design needs one or more CaregiverProfile cells")
        object.__setattr__(self, "cells", cells)
        ModelParams().with_changes(**self.params)

    @classmethod
    def grid(cls, **axes: Sequence[float]) -> CellDesign:
        """All combinations of the given caregiving values (others at their profile default).

        ``CellDesign.grid(responsiveness=[...], consistency=[...], warmth=[0.7])``; cells vary
        fastest along the last axis given.
        """
        unknown = set(axes) - set(PROFILE_PARAMETERS)
        if unknown:
            raise InputError(f"unknown caregiving parameter(s): {', '.join(sorted(unknown))}")
        base = {"responsiveness": 0.5, "consistency": 0.5, "warmth": 0.5, "frightening": 0.0,
                "unresolved": 0.0}
        names = list(axes)
        mesh = np.meshgrid(*[np.asarray(axes[n], dtype=float) for n in names], indexing="ij")
        flat = [m.ravel() for m in mesh]
        cells = tuple(CaregiverProfile(**{**base, **{n: float(f[i]) for n, f in
                                                     zip(names, flat, strict=True)}})
                      for i in range(flat[0].size))
        return cls(cells)

    @property
    def n_cells(self) -> int:
        return len(self.cells)

    def cell_of(self, infant_ids: np.ndarray) -> np.ndarray:
        return np.asarray(infant_ids, dtype=np.int64) % self.n_cells

    def model_params(self, base: ModelParams | None = None) -> ModelParams:
        return (base or ModelParams()).with_changes(**self.params)

    def draw_for_ids(self, infant_ids: np.ndarray) -> CareArrays:
        cell = self.cell_of(infant_ids)
        values = {name: np.array([getattr(c, name) for c in self.cells])[cell]
                  for name in PROFILE_PARAMETERS}
        return CareArrays(CaregiverArrays.from_arrays(**values))
