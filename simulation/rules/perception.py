"""What the infant perceives at the start of each second: who is in the room, how near, who
holds it, and whether an adult is making an overture to it.

The adults read the same record (they react to what they can see of the infant after its
decision). Distances come from the room's geometry (:mod:`simulation.room`).
"""

from __future__ import annotations

import numpy as np

from .. import room
from ..codes import ADULT, HELD
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
    # the stranger's novelty (1 as she first enters, waning; set by the infant's decision,
    # :func:`simulation.rules.secure_base.stranger_novelty`)
    ("st_novel", REAL),
])

_CONTACT, _NEAR = f(room.CONTACT_DISTANCE), f(room.NEAR_DISTANCE)


@kernel
def caregiver_overture(act) -> bool:
    """The caregiver's act is an overture to the infant (entering, approaching, holding,
    putting down, calling, playing)."""
    return (act == ADULT.ENTERING or act == ADULT.APPROACHING or act == ADULT.HOLDING
            or act == ADULT.RELEASING or act == ADULT.CALLING or act == ADULT.PLAYING)


@kernel
def stranger_overture(act) -> bool:
    """The stranger's act is an overture to the infant (approaching, playing, holding,
    putting down)."""
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
    per.cg_overture = s.cg_present and caregiver_overture(s.cg_act)
    per.st_overture = s.st_present and stranger_overture(s.st_act)
