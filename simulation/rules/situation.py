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
from ..record import Action, AdultAct, Held
from ..ssp_state import SSPState
from ..working_model import WorkingModel

_CG_OVERTURES = (AdultAct.ENTERING, AdultAct.APPROACHING, AdultAct.HOLDING, AdultAct.RELEASING)
_ST_OVERTURES = (AdultAct.APPROACHING, AdultAct.PLAYING, AdultAct.HOLDING, AdultAct.RELEASING)


def _is_any(values: np.ndarray, codes) -> np.ndarray:
    out = values == int(codes[0])
    for c in codes[1:]:
        out = out | (values == int(c))
    return out


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


def perceive(s: SSPState) -> Perception:
    d_cg = room.distance(s.x, s.y, s.cg_x, s.cg_y)
    d_st = room.distance(s.x, s.y, s.st_x, s.st_y)
    held_cg = s.held == Held.CAREGIVER
    held_st = s.held == Held.STRANGER
    contact_cg = s.cg_present & (held_cg | (d_cg <= room.CONTACT_DISTANCE))
    contact_st = s.st_present & (held_st | (d_st <= room.CONTACT_DISTANCE))
    return Perception(
        cg_in=s.cg_present, st_in=s.st_present, d_cg=d_cg, d_st=d_st,
        held_cg=held_cg, held_st=held_st, contact_cg=contact_cg, contact_st=contact_st,
        near_cg=s.cg_present & (contact_cg | (d_cg <= room.NEAR_DISTANCE)),
        near_st=s.st_present & (contact_st | (d_st <= room.NEAR_DISTANCE)),
        cg_overture=s.cg_present & _is_any(s.cg_act, _CG_OVERTURES),
        st_overture=s.st_present & _is_any(s.st_act, _ST_OVERTURES),
    )


def stress(s: SSPState, per: Perception, wm: WorkingModel, reactivity: np.ndarray,
           p: ModelParams) -> np.ndarray:
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
    stranger = per.st_in * p.stranger_stress * np.where(per.near_st, 1.0, 0.5)
    absent = ~per.cg_in * (p.separation_stress + ~per.st_in * p.alone_stress)
    base = p.room_stress + stranger + absent
    buffered = np.where(per.cg_in, base * (1.0 - p.base_buffer * wm.trust), base)
    sensitised = np.where(s.episode >= 5, 1.5, 1.0)
    proximity = np.where(per.contact_cg, 1.0, np.clip(1.0 - per.d_cg / 3.0, 0.0, 1.0))
    present_extra = (p.vigilance_stress * wm.volatility * sensitised
                     + p.fear_stress * wm.fear * proximity)
    total = buffered + per.cg_in * present_extra
    return total * (0.5 + reactivity)


def update_arousal(s: SSPState, per: Perception, wm: WorkingModel, reactivity: np.ndarray,
                   soothability: np.ndarray, u_noise: np.ndarray, p: ModelParams) -> np.ndarray:
    """Next second's arousal: toward the situational stress, down with soothing contact.

    Self-calming is slow; contact with the caregiver soothes in proportion to soothability,
    less when the infant resists or avoids it, less when trust is low, under volatility (anger at
    a caregiver who may leave again) and fear; the stranger's contact soothes a little
    (Ainsworth et al. 1978, episodes 4 and 7).
    """
    a = s.arousal
    target = stress(s, per, wm, reactivity, p)
    rate = np.where(target > a, p.arousal_rise, p.arousal_fall * (0.5 + soothability))
    a = a + rate * (target - a)
    refusing = (s.action == Action.RESIST_ANGRY) | (s.action == Action.AVOID)
    efficacy = ((0.05 + 0.95 * wm.trust) * (1.0 - p.volatility_blunting * wm.volatility)
                * (1.0 - wm.fear))
    efficacy = np.where(refusing, 0.3 * efficacy, efficacy)
    soothing = p.soothe_rate * (0.5 + soothability) * a
    a = a - per.contact_cg * soothing * efficacy - per.held_st * soothing * p.stranger_comfort
    a = a + p.arousal_noise * (u_noise - 0.5)
    return np.clip(a, 0.0, 1.0)
