"""What a coder sees of one second: the codes of :class:`~simulation.record.BehaviourRecord`."""

from __future__ import annotations

import numpy as np

from .. import room
from ..record import PRESENT_CAREGIVER, PRESENT_STRANGER
from ..ssp_state import SSPState
from .codes import HELD


def observe(s: SSPState) -> dict[str, np.ndarray]:
    """The record row of this second for every infant (uint8 codes; all 0 once finished)."""
    d_cg = room.distance(s.x, s.y, s.cg_x, s.cg_y)
    d_st = room.distance(s.x, s.y, s.st_x, s.st_y)
    u8 = np.uint8
    row = {
        "episode": s.episode.view(u8),
        "present": (s.cg_present.view(u8) * u8(PRESENT_CAREGIVER)
                    + s.st_present.view(u8) * u8(PRESENT_STRANGER)),
        "action": s.action.view(u8),
        "target": s.target.view(u8),
        "cry": s.cry.view(u8),
        "gaze": s.gaze.view(u8),
        "zone_caregiver": room.zone(d_cg, s.cg_present, s.held == HELD.CAREGIVER),
        "zone_stranger": room.zone(d_st, s.st_present, s.held == HELD.STRANGER),
        "held": s.held.view(u8),
        "caregiver_act": s.cg_act.view(u8),
        "stranger_act": s.st_act.view(u8),
    }
    running = s.episode <= 8
    if not running.all():
        keep = running.view(u8)
        row = {k: v * keep for k, v in row.items()}
    return row
