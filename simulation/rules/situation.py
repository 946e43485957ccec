"""What the infant perceives each second, and how the situation drives its arousal.

Arousal is internal: the observer never sees it (DESIGN.md section 3). It is driven by the
situation (strange room, stranger, the caregiver's absence, being alone) and by contact with the
caregiver, filtered through the working model and temperament.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import room
from ..params import ModelParams
from ..ssp_state import REAL, SSPState
from .codes import ACTION, ADULT, HELD
from .dispositions import Dispositions

_CG_OVERTURES = (ADULT.ENTERING, ADULT.APPROACHING, ADULT.HOLDING, ADULT.RELEASING,
                 ADULT.CALLING)
_ST_OVERTURES = (ADULT.APPROACHING, ADULT.PLAYING, ADULT.HOLDING, ADULT.RELEASING)


def _is_any(values: np.ndarray, codes) -> np.ndarray:
    out = values == int(codes[0])
    for c in codes[1:]:
        out = out | (values == int(c))
    return out


@dataclass
class FloatMasks:
    """The masks the arousal rule weighs with, as 0/1 float32 (arithmetic, not branching)."""

    cg_in: np.ndarray
    cg_out: np.ndarray
    st_in: np.ndarray
    st_out: np.ndarray
    near_st: np.ndarray
    contact_cg: np.ndarray
    held_st: np.ndarray


@dataclass
class Perception:
    """The situation as the infant perceives it at the start of a second."""

    cg_in: np.ndarray
    st_in: np.ndarray
    d_cg: np.ndarray
    d_st: np.ndarray
    held_cg: np.ndarray
    held_st: np.ndarray
    contact_cg: np.ndarray  # held by, or touching, the caregiver
    contact_st: np.ndarray
    near_cg: np.ndarray  # within 1 m or in contact
    near_st: np.ndarray
    cg_overture: np.ndarray  # she enters, approaches, holds or puts down the infant
    st_overture: np.ndarray
    f: FloatMasks


def perceive(s: SSPState) -> Perception:
    d_cg = room.distance(s.x, s.y, s.cg_x, s.cg_y)
    d_st = room.distance(s.x, s.y, s.st_x, s.st_y)
    held_cg = s.held == HELD.CAREGIVER
    held_st = s.held == HELD.STRANGER
    contact_cg = s.cg_present & (held_cg | (d_cg <= room.CONTACT_DISTANCE))
    contact_st = s.st_present & (held_st | (d_st <= room.CONTACT_DISTANCE))
    near_st = s.st_present & (contact_st | (d_st <= room.NEAR_DISTANCE))
    cg_in = s.cg_present.astype(REAL)
    st_in = s.st_present.astype(REAL)
    masks = FloatMasks(cg_in=cg_in, cg_out=1.0 - cg_in, st_in=st_in, st_out=1.0 - st_in,
                       near_st=near_st.astype(REAL), contact_cg=contact_cg.astype(REAL),
                       held_st=held_st.astype(REAL))
    return Perception(
        cg_in=s.cg_present, st_in=s.st_present, d_cg=d_cg, d_st=d_st,
        held_cg=held_cg, held_st=held_st, contact_cg=contact_cg, contact_st=contact_st,
        near_cg=s.cg_present & (contact_cg | (d_cg <= room.NEAR_DISTANCE)),
        near_st=near_st,
        cg_overture=s.cg_present & _is_any(s.cg_act, _CG_OVERTURES),
        st_overture=s.st_present & _is_any(s.st_act, _ST_OVERTURES),
        f=masks,
    )


def stress(s: SSPState, per: Perception, d: Dispositions, p: ModelParams) -> np.ndarray:
    """The arousal the situation would settle the infant at.

    - the unfamiliar room, the stranger (more when near or holding), the caregiver's absence,
      being alone;
    - a trusted caregiver's presence buffers it (secure base, Ainsworth et al. 1978);
    - volatility keeps the infant vigilant toward a caregiver who may vanish, more after the
      first separation (Cassidy & Berlin 1994);
    - a feared caregiver is at once haven and threat: her nearness adds stress (Main & Hesse
      1990);
    - temperament scales it all (reactivity 0.5 = x1; Belsky & Rovine 1987).
    """
    f = per.f
    stranger = p.stranger_stress * f.st_in * (0.5 + 0.5 * f.near_st)
    absent = f.cg_out * (p.separation_stress + p.alone_stress * f.st_out)
    base = p.room_stress + stranger + absent
    sensitised = 1.0 + 0.5 * (s.episode >= 5).astype(REAL)
    proximity = np.maximum(np.clip(1.0 - per.d_cg / 3.0, 0.0, 1.0), f.contact_cg)
    present = base * d.buffer + d.vigilance * sensitised + d.fear_stress * proximity
    return (base + f.cg_in * (present - base)) * d.reactivity


def update_arousal(s: SSPState, per: Perception, d: Dispositions, u_noise: np.ndarray,
                   p: ModelParams) -> np.ndarray:
    """Next second's arousal: toward the situational stress, down with soothing contact.

    Self-calming is slow; contact with the caregiver soothes in proportion to soothability,
    less when the infant resists or avoids it, less when trust is low, under volatility (anger at
    a caregiver who may leave again) and fear; the stranger's contact soothes a little
    (Ainsworth et al. 1978, episodes 4 and 7).
    """
    a = s.arousal
    target = stress(s, per, d, p)
    rising = target > a
    rate = d.calm_rate + rising.astype(REAL) * (p.arousal_rise - d.calm_rate)
    a = a + rate * (target - a)
    refusing = (s.action == ACTION.RESIST_ANGRY) | (s.action == ACTION.AVOID)
    f = per.f
    soothe = (f.contact_cg * d.soothe * (1.0 - 0.7 * refusing.astype(REAL))
              + f.held_st * d.stranger_soothe)
    a = a - soothe * a + p.arousal_noise * (u_noise - 0.5)
    return np.clip(a, 0.0, 1.0)
