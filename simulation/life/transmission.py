"""The intergenerational loop: the adult raises a child, who goes through the Strange Situation.

The adult's care (responsiveness, consistency, warmth, frightening, unresolved) follows from their
general
model at ``parent_age`` and their circumstances, with declared noise:

- hyperactivation (attachment anxiety) makes care less consistent and a little less responsive:
  the parent's attention follows their own needs (Cassidy & Berlin 1994);
- deactivation (avoidance) makes care colder and less responsive to bids for contact (Main 1990);
- a partner at hand supports the parent's availability (Belsky 1984's model of parenting);
- fear makes care at times frightening; a loss or abuse that stays unresolved makes the parent
  at times frightened or dissociated when the child needs them (``unresolved``; Main & Hesse
  1990; Schuengel, Bakermans-Kranenburg & van IJzendoorn 1999); whether a loss stays unresolved
  is partly chance.

The child's classification comes only through that care and the infant engine: nothing maps the
parent's style to the child's class, and part of what is transmitted (warmth, fright) is not
sensitivity (Ainsworth's scale reads responsiveness and consistency), so the transmission gap of
van IJzendoorn (1995) is not closed by construction.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import rng
from ..caregiving import PROFILE_PARAMETERS, CaregiverProfile, ainsworth_sensitivity
from ..cell_design import CellDesign
from ..cohort import run_cohort
from ..params import ModelParams
from .draws import CHILD_SEED_SALT, LifePurpose
from .measures import dimensions
from .params import LifeParams

#: Care of a parent with neither anxiety nor avoidance, and how each moves it (assumed sizes).
CARE_BASE = {"responsiveness": 0.65, "consistency": 0.75, "warmth": 0.85}
ANXIETY_EFFECT = {"responsiveness": -0.25, "consistency": -0.5, "warmth": 0.0}
AVOIDANCE_EFFECT = {"responsiveness": -0.15, "consistency": 0.0, "warmth": -0.8}
PARTNER_SUPPORT = 0.05
#: How unresolved the care of a parent whose loss or abuse stayed unresolved is (assumed size).
UNRESOLVED_LEVEL = 0.8


def child_seed(seed: int) -> int:
    """The second generation's root seed (its own draws, derived from the first's)."""
    mixed = rng.infant_keys(seed, np.array([CHILD_SEED_SALT], dtype=np.int64))[0]
    return int(mixed) & rng.MAX_SEED


def parenting(general: np.ndarray, partnered: np.ndarray, trauma: np.ndarray,
              keys: np.ndarray, p: ModelParams, q: LifeParams) -> dict[str, np.ndarray]:
    """The care (five arrays on [0, 1]) a person gives their child, from their general model
    (7, N) and circumstances, with ``care_noise``."""
    anxiety, avoidance = dimensions(general, p, q)
    u = rng.uniforms(keys, LifePurpose.CAREGIVING, 0, 16)

    def z(i: int) -> np.ndarray:
        return (rng.bell(u[i], u[i + 1], u[i + 2]) - 0.5) * 6.0

    care = {}
    for k, name in enumerate(CARE_BASE):
        value = (CARE_BASE[name] + ANXIETY_EFFECT[name] * anxiety
                 + AVOIDANCE_EFFECT[name] * avoidance + PARTNER_SUPPORT * partnered
                 + q.care_noise * z(3 * k))
        care[name] = np.clip(value, 0.0, 1.0)
    unresolved = trauma & (u[9] < 0.3 + 0.4 * anxiety)
    care["frightening"] = np.clip(0.6 * general[6] + 0.05 * q.care_noise * z(10), 0.0, 1.0)
    care["unresolved"] = np.where(unresolved, UNRESOLVED_LEVEL, 0.0)
    return care


def _modulus(ids: np.ndarray) -> int:
    """Smallest number of design cells giving every id its own cell (``id % cells``)."""
    m = ids.size
    while np.unique(ids % m).size != ids.size:
        m += 1
    return m


def children(care: dict[str, np.ndarray], ids: np.ndarray, seed: int, p: ModelParams,
             threads: int) -> pd.DataFrame:
    """Each person's child (id = the person's id, under :func:`child_seed`) through the infant
    engine with that person's care: one design cell per person."""
    m = _modulus(ids)
    filler = CaregiverProfile(0.5, 0.5, 0.5, 0.0)
    cells = [filler] * m
    for k, person in enumerate(ids):
        cells[int(person) % m] = CaregiverProfile(
            *(float(care[name][k]) if name in care else 0.0 for name in PROFILE_PARAMETERS))
    design = CellDesign(tuple(cells), name="children")
    return run_cohort(population=design, seed=child_seed(seed), params=p, infant_ids=ids,
                      chunk_size=max(ids.size, 1), progress=False, threads=threads).table


def raise_children(table: pd.DataFrame, run, plan, keys: np.ndarray, ids: np.ndarray,
                   seed: int, p: ModelParams, q: LifeParams, threads: int) -> pd.DataFrame:
    """Add the second generation's columns to the lives' table."""
    general = run.snaps_general[run.ages.index(int(q.parent_age))]
    year = int(q.parent_age) - 1
    partnered = (plan.partner[year] > 0).astype(np.float64)
    trauma = plan.events[0].any(axis=0) | plan.events[4].any(axis=0)  # loss or abuse
    care = parenting(general, partnered, trauma, keys, p, q)
    kids = children(care, ids, seed, p, threads)
    out = table.copy()
    out["child_group"] = kids["group"].to_numpy()
    out["child_abc_group"] = kids["abc_group"].to_numpy()
    for name, values in care.items():
        out[f"child_care_{name}"] = np.round(values, 4)
    out["child_care_sensitivity"] = np.round(
        ainsworth_sensitivity(care["responsiveness"], care["consistency"]), 3)
    return out
