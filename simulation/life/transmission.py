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
  is partly chance;
- the care the child meets at home deviates from that rated care, as every dyad's does
  (:mod:`simulation.rules.enacted`), and the shared part of the deviation (attitude, mutuality,
  how the parent perceives the infant) follows partly from the parent's state of mind, the
  model the Adult Attachment Interview reads (``state_of_mind_care``): the unmeasured part of
  care through which the interview predicts the infant's security beyond sensitivity (van
  IJzendoorn 1995; Slade et al. 2005; Meins et al. 2001).

The child's classification comes only through that care and the infant engine: nothing maps the
parent's style to the child's class, and part of what is transmitted (warmth, fright) is not
sensitivity (Ainsworth's scale reads responsiveness and consistency; the state of mind's share of
the enacted deviation is not in the rated care either), so the transmission gap of van IJzendoorn
(1995) is not closed by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import rng
from ..caregiving import PROFILE_PARAMETERS, CaregiverProfile, ainsworth_sensitivity
from ..cell_design import CellDesign
from ..cohort import run_cohort
from ..home_year import CareArrays
from ..params import ModelParams
from ..rules import enacted
from .draws import CHILD_SEED_SALT, LifePurpose
from .measures import dimensions, interview_model, secure_margin
from .params import LifeParams

#: Care of a parent with neither anxiety nor avoidance, and how each moves it (assumed sizes).
CARE_BASE = {"responsiveness": 0.65, "consistency": 0.75, "warmth": 0.85}
ANXIETY_EFFECT = {"responsiveness": -0.25, "consistency": -0.5, "warmth": 0.0}
AVOIDANCE_EFFECT = {"responsiveness": -0.15, "consistency": 0.0, "warmth": -0.8}
PARTNER_SUPPORT = 0.05
#: How unresolved the care of a parent whose loss or abuse stayed unresolved is (assumed size).
UNRESOLVED_LEVEL = 0.8
#: Spread of the state of mind's secure margin (:func:`simulation.life.measures.secure_margin`)
#: that makes its term about unit variance, as the bell variate it mixes with: the margin's sd
#: among the global population's adults at 28 is about 0.2 (its mean about 0). A fixed scale,
#: not the cohort's, so a person's child is the same alone and in any cohort.
STATE_OF_MIND_SCALE = 0.2
#: Bound of the state of mind's term (the bell variates of the draws are bounded at 3 sd).
STATE_OF_MIND_BOUND = 3.0


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


def state_of_mind_term(margin: np.ndarray) -> np.ndarray:
    """The parent's state of mind as a term of about unit variance: the secure margin of the
    model the interview reads, over :data:`STATE_OF_MIND_SCALE`, bounded as a bell variate."""
    return np.clip(np.asarray(margin, dtype=np.float64) / STATE_OF_MIND_SCALE,
                   -STATE_OF_MIND_BOUND, STATE_OF_MIND_BOUND)


def shaped_deviations(keys: np.ndarray, margin: np.ndarray, p: ModelParams,
                      q: LifeParams) -> np.ndarray:
    """The child's enacted-care deviation (3, N) with its shared part shaped by the parent's
    state of mind (secure ``margin``, N).

    The dyad's draw is :func:`simulation.rules.enacted.deviations` (the primary caregiver's
    step, unchanged); its shared bell variate ``z0`` becomes ``sqrt(1 - w^2) z0 + w m`` with
    ``w = state_of_mind_care`` and ``m`` :func:`state_of_mind_term`, so the shift keeps about
    its spread and correlates ``w`` with the parent's state of mind. The parameters' own parts
    stay the dyad's.
    """
    drawn = enacted.deviations(keys, 0, p)
    w = q.state_of_mind_care
    if w == 0.0:
        return drawn
    # the shared variate of the draw: the first of enacted.deviations' bell variates
    u = rng.uniforms(keys, rng.Purpose.ENACTED_CARE, 0, enacted.DRAWS)
    z0 = (rng.bell(u[0], u[1], u[2]) - 0.5) * 6.0
    mixed = np.sqrt(1.0 - w * w) * z0 + w * state_of_mind_term(margin)
    return drawn + p.enacted_care_sd / np.sqrt(2.0) * (mixed - z0)[None, :]


@dataclass
class ParentsCare(CareArrays):
    """The children's caregiving as arrays, enacted with the parents' state of mind
    (:func:`shaped_deviations`); the rated care is the parents' (as the table reports it)."""

    margin: np.ndarray = field(default_factory=lambda: np.zeros(0))
    life: LifeParams = field(default_factory=LifeParams)

    def enacted(self, keys: np.ndarray, params: ModelParams) -> CareArrays:
        if params.enacted_care_sd == 0.0:
            return self
        return CareArrays(self.primary.enacted(shaped_deviations(keys, self.margin, params,
                                                                 self.life)))


@dataclass(frozen=True)
class ParentsDesign(CellDesign):
    """The children's design: one cell per parent (``id % n_cells``), and each cell's parent's
    secure margin, which shapes the care its child meets (:class:`ParentsCare`)."""

    margins: tuple[float, ...] = ()
    life: LifeParams = field(default_factory=LifeParams)

    def draw_for_ids(self, infant_ids: np.ndarray) -> CareArrays:
        rated = super().draw_for_ids(infant_ids)
        margin = np.asarray(self.margins, dtype=np.float64)[self.cell_of(infant_ids)]
        return ParentsCare(rated.primary, margin=margin, life=self.life)


def _modulus(ids: np.ndarray) -> int:
    """Smallest number of design cells giving every id its own cell (``id % cells``)."""
    m = ids.size
    while np.unique(ids % m).size != ids.size:
        m += 1
    return m


def children(care: dict[str, np.ndarray], ids: np.ndarray, seed: int, p: ModelParams,
             threads: int, margin: np.ndarray | None = None,
             q: LifeParams | None = None) -> pd.DataFrame:
    """Each person's child (id = the person's id, under :func:`child_seed`) through the infant
    engine with that person's care: one design cell per person. ``margin`` (N): the persons'
    secure margins of state of mind, which shape the care their children meet with ``q``'s
    ``state_of_mind_care`` (None: the care is enacted as any dyad's)."""
    m = _modulus(ids)
    filler = CaregiverProfile(0.5, 0.5, 0.5, 0.0)
    cells = [filler] * m
    margins = [0.0] * m
    for k, person in enumerate(ids):
        cells[int(person) % m] = CaregiverProfile(
            *(float(care[name][k]) if name in care else 0.0 for name in PROFILE_PARAMETERS))
        if margin is not None:
            margins[int(person) % m] = float(margin[k])
    if margin is None:
        design = CellDesign(tuple(cells), name="children")
    else:
        design = ParentsDesign(tuple(cells), name="children", margins=tuple(margins),
                               life=q if q is not None else LifeParams())
    return run_cohort(population=design, seed=child_seed(seed), params=p, infant_ids=ids,
                      chunk_size=max(ids.size, 1), progress=False, threads=threads).table


def raise_children(table: pd.DataFrame, run, plan, keys: np.ndarray, ids: np.ndarray,
                   seed: int, p: ModelParams, q: LifeParams, threads: int) -> pd.DataFrame:
    """Add the second generation's columns to the lives' table."""
    snap = run.ages.index(int(q.parent_age))
    general = run.snaps_general[snap]
    year = int(q.parent_age) - 1
    partnered = (plan.partner[year] > 0).astype(np.float64)
    trauma = plan.events[0].any(axis=0) | plan.events[4].any(axis=0)  # loss or abuse
    care = parenting(general, partnered, trauma, keys, p, q)
    margin = secure_margin(interview_model(run.snaps_parent[snap], general, q), p, q)
    kids = children(care, ids, seed, p, threads, margin, q)
    out = table.copy()
    out["child_group"] = kids["group"].to_numpy()
    out["child_abc_group"] = kids["abc_group"].to_numpy()
    for name, values in care.items():
        out[f"child_care_{name}"] = np.round(values, 4)
    out["child_care_sensitivity"] = np.round(
        ainsworth_sensitivity(care["responsiveness"], care["consistency"]), 3)
    out["parent_state_of_mind"] = np.round(margin, 4)
    return out
