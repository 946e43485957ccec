"""What the infant perceives each second, and how the situation drives its arousal.

Arousal is internal: the observer never sees it (docs/design.md, the model). It is driven by the
situation (strange room, stranger, the caregiver's absence, being alone) and by contact with the
caregiver, filtered through the working model and temperament.
"""

from __future__ import annotations

import numpy as np

from .. import room
from ..codes import ACTION, ADULT, HELD
from ..dyad_state import REAL
from .jit import f, kernel

#: The situation as the infant perceives it at the start of a second (one record per dyad).
PERCEPTION = np.dtype([
    ("cg_in", np.bool_), ("st_in", np.bool_),  # caregiver / stranger in the room
    ("d_cg", REAL), ("d_st", REAL),  # distances (metres)
    ("held_cg", np.bool_), ("held_st", np.bool_),
    ("contact_cg", np.bool_), ("contact_st", np.bool_),  # held by, or touching, the adult
    ("near_cg", np.bool_), ("near_st", np.bool_),  # within 1 m or in contact
    # she enters, approaches, holds, puts down, calls or plays with the infant
    ("cg_overture", np.bool_), ("st_overture", np.bool_),
])


_CONTACT, _NEAR = f(room.CONTACT_DISTANCE), f(room.NEAR_DISTANCE)

# --- constants of the situation's stress (ModelParams holds the stresses themselves) ---------
#: The stranger's stress is half when she keeps her distance, full when she is near or holds.
STRANGER_FAR = f(0.5)
#: After the first separation the infant is sensitised: vigilance counts this much more.
SENSITISED = f(0.5)
#: A feared caregiver's nearness stresses from this distance (metres) inward, fully in contact.
FEAR_RANGE = f(3.0)
#: Resisting or avoiding her contact takes this share of its soothing away.
REFUSED_SOOTHING = f(0.7)


@kernel
def _cg_overture(act) -> bool:
    return (act == ADULT.ENTERING or act == ADULT.APPROACHING or act == ADULT.HOLDING
            or act == ADULT.RELEASING or act == ADULT.CALLING or act == ADULT.PLAYING)


@kernel
def _st_overture(act) -> bool:
    return (act == ADULT.APPROACHING or act == ADULT.PLAYING or act == ADULT.HOLDING
            or act == ADULT.RELEASING)


@kernel
def perceive(s, per) -> None:
    """Fill the perception record ``per`` from the dyad's state ``s``."""
    per.d_cg = d_cg = room.distance(s.x, s.y, s.cg_x, s.cg_y)
    per.d_st = d_st = room.distance(s.x, s.y, s.st_x, s.st_y)
    per.cg_in = s.cg_present
    per.st_in = s.st_present
    per.held_cg = held_cg = s.held == HELD.CAREGIVER
    per.held_st = held_st = s.held == HELD.STRANGER
    per.contact_cg = contact_cg = s.cg_present and (held_cg or d_cg <= _CONTACT)
    per.contact_st = contact_st = s.st_present and (held_st or d_st <= _CONTACT)
    per.near_cg = s.cg_present and (contact_cg or d_cg <= _NEAR)
    per.near_st = s.st_present and (contact_st or d_st <= _NEAR)
    per.cg_overture = s.cg_present and _cg_overture(s.cg_act)
    per.st_overture = s.st_present and _st_overture(s.st_act)


@kernel
def stress(s, per, d, p):
    """The arousal the situation would settle the infant at.

    - the unfamiliar room, the stranger (more when near or holding), the caregiver's absence
      (more after the first separation: their effects are cumulative, Ainsworth et al. 1978,
      ch. 5), being alone;
    - a trusted caregiver's presence buffers it (secure base, Ainsworth et al. 1978);
    - volatility keeps the infant vigilant toward a caregiver who may vanish, more after the
      first separation (Cassidy & Berlin 1994);
    - a feared caregiver is at once haven and threat: her nearness adds stress (Main & Hesse
      1990);
    - temperament scales it all (reactivity 0.5 = x1; Belsky & Rovine 1987).
    """
    st_in, cg_in = f(per.st_in), f(per.cg_in)
    stranger = p.stranger_stress * st_in * (STRANGER_FAR + (f(1.0) - STRANGER_FAR)
                                             * f(per.near_st))
    # the separations' effects are cumulative: after the first, her absence weighs more
    again = f(s.episode >= 5)
    absent = (f(1.0) - cg_in) * (p.separation_stress * (f(1.0) + p.sensitisation * again)
                                 + p.alone_stress * (f(1.0) - st_in))
    base = p.room_stress + stranger + absent
    sensitised = f(1.0) + SENSITISED * again
    proximity = max(min(max(f(1.0) - per.d_cg / FEAR_RANGE, f(0.0)), f(1.0)),
                    f(per.contact_cg))
    present = base * d.buffer + d.vigilance * sensitised + d.fear_stress * proximity
    return (base + cg_in * (present - base)) * d.reactivity


@kernel
def update_arousal(s, per, d, u_noise, p):
    """Next second's arousal: toward the situational stress, down with soothing contact.

    Self-calming is slow; contact with the caregiver soothes in proportion to soothability,
    less when the infant resists or avoids it, less when trust is low, under volatility (anger at
    a caregiver who may leave again) and fear; the stranger's contact soothes a little
    (Ainsworth et al. 1978, episodes 4 and 7).
    """
    a = s.arousal
    target = stress(s, per, d, p)
    rate = d.calm_rate + f(target > a) * (p.arousal_rise - d.calm_rate)
    a = a + rate * (target - a)
    refusing = s.action == ACTION.RESIST_ANGRY or s.action == ACTION.AVOID
    soothe = (f(per.contact_cg) * d.soothe * (f(1.0) - REFUSED_SOOTHING * f(refusing))
              + f(per.held_st) * d.stranger_soothe)
    a = a - soothe * a + p.arousal_noise * (u_noise - f(0.5))
    return min(max(a, f(0.0)), f(1.0))


@kernel
def update_frustration(s, per, a, p):
    """Next second's frustration: the moment's part of angry protest.

    It builds while the infant is distressed and its need unmet: she is gone, or it wants her and
    she is out of reach, or she is putting it down while it is still upset (the protest at
    release Ainsworth et al. 1978 describe in C1 infants); it fades in her soothing contact.
    """
    bidding = (s.action == ACTION.APPROACH or s.action == ACTION.SIGNAL) and not per.contact_cg
    unmet = (not per.cg_in) or bidding or (per.held_cg and s.cg_act == ADULT.RELEASING)
    fr = s.frustration + p.frustration_rise * a * f(unmet) * (f(1.0) - s.frustration)
    fr = fr - p.frustration_fall * f(per.contact_cg and not unmet) * fr
    return min(max(fr, f(0.0)), f(1.0))
