"""What a coder sees of one second: the codes of :class:`~simulation.record.BehaviourRecord`."""

from __future__ import annotations

import numpy as np

from .. import room
from ..record import PRESENT_CAREGIVER, PRESENT_STRANGER, RECORD_FIELDS, Held
from ..ssp_state import SSPState


def observe(s: SSPState) -> dict[str, np.ndarray]:
    """The record row of this second for every infant (uint8 codes; episode 0 once finished)."""
    running = s.episode <= 8
    d_cg = room.distance(s.x, s.y, s.cg_x, s.cg_y)
    d_st = room.distance(s.x, s.y, s.st_x, s.st_y)
    row = {
        "episode": np.where(running, s.episode, 0),
        "present": s.cg_present * PRESENT_CAREGIVER + s.st_present * PRESENT_STRANGER,
        "action": s.action,
        "target": s.target,
        "cry": s.cry,
        "gaze": s.gaze,
        "zone_caregiver": room.zone(d_cg, s.cg_present, s.held == Held.CAREGIVER),
        "zone_stranger": room.zone(d_st, s.st_present, s.held == Held.STRANGER),
        "held": s.held,
        "caregiver_act": s.cg_act,
        "stranger_act": s.st_act,
    }
    return {k: np.where(running, row[k], 0).astype(np.uint8) for k in RECORD_FIELDS}
