"""What a coder sees of one second: the codes of :class:`~simulation.record.BehaviourRecord`."""

from __future__ import annotations

from .. import room
from ..codes import HELD, PRESENT_CAREGIVER, PRESENT_STRANGER
from ..record import RECORD_FIELDS
from .jit import kernel

#: The fields :func:`observe` writes, in the order of its entries.
ORDER = ("episode", "present", "action", "target", "cry", "gaze", "zone_caregiver",
         "zone_stranger", "held", "caregiver_act", "stranger_act")
if ORDER != RECORD_FIELDS:  # pragma: no cover - a new record field needs a line in observe
    raise ImportError("simulation.rules.observable.observe must write every RECORD_FIELDS entry")
N_FIELDS = len(ORDER)


@kernel
def observe(s, record, i, t) -> None:
    """Write this second's record codes into ``record[:, i, t]`` (uint8, one row per field
    of :data:`ORDER`); all 0 once the procedure has ended."""
    if s.episode > 8:
        for k in range(N_FIELDS):
            record[k, i, t] = 0
        return
    record[0, i, t] = s.episode
    record[1, i, t] = PRESENT_CAREGIVER * s.cg_present + PRESENT_STRANGER * s.st_present
    record[2, i, t] = s.action
    record[3, i, t] = s.target
    record[4, i, t] = s.cry
    record[5, i, t] = s.gaze
    record[6, i, t] = room.zone(room.distance(s.x, s.y, s.cg_x, s.cg_y), s.cg_present,
                                s.held == HELD.CAREGIVER)
    record[7, i, t] = room.zone(room.distance(s.x, s.y, s.st_x, s.st_y), s.st_present,
                                s.held == HELD.STRANGER)
    record[8, i, t] = s.held
    record[9, i, t] = s.cg_act
    record[10, i, t] = s.st_act
