"""The unresolved caregiver in the Strange Situation: brief dissociated moments at the reunions.

The procedure's separations and reunions are attachment situations, the kind that call up a
caregiver's own unresolved loss or trauma; unresolved parents are then at times frightened,
dissociated or disoriented: they still, look frightened, are absent while present (Main & Hesse
1990; Schuengel, Bakermans-Kranenburg & van IJzendoorn 1999). Here, in the reunion episodes (5
and 8) and while she is in the room, an unresolved caregiver (``cg_unresolved`` of the dyad's
state, her parameter ``unresolved``) begins such a moment with chance ``unresolved x
reunion_dissociation`` each second; it lasts ``dissociation_seconds``. While it lasts she does
not respond or walk (:func:`simulation.rules.adults.caregiver_decide`), and the infant, seeing
her stilled and frightened, lapses more (:func:`simulation.rules.disorganized.weight`). The draw
is on its own stream (:func:`simulation.rng.dissociation_purpose`), taken only where she is
unresolved, so that no other draw shifts. Her script is otherwise the same as every
caregiver's.
"""

from __future__ import annotations

from .. import rng
from .declaration import SECOND, Constant, Param
from .jit import kernel

PARAMS = (
    Param("reunion_dissociation", 0.01, 0.0, 0.2, "chance per second of a reunion in her presence "
          "that an unresolved caregiver begins a dissociated moment (times `unresolved`): "
          "the reunions call up her own unresolved loss", "Main & Hesse 1990; Schuengel et al. "
          "1999", SECOND),
    Param("dissociation_seconds", 5.0, 1.0, 30.0, "seconds a dissociated moment lasts: brief "
          "stilling, a frightened look, absent while present", "Main & Hesse 1990", SECOND),
)

#: The dissociated moments' stream is the procedure's purpose code plus this offset
#: (:func:`simulation.rng.dissociation_purpose`).
OFFSET = rng.dissociation_purpose(0.0) - rng.ssp_purpose(0.0)

CONSTANTS = (
    Constant("OFFSET", "the dissociated moments' stream: the procedure's purpose code plus this",
             "the layout of the random draws: a stream of its own, above every procedure's code, "
             "so that no existing draw shifts"),
)


@kernel
def caregiver_dissociates(s, key, purpose, tick, p) -> None:
    """Her dissociated moment this second: a running one counts down; otherwise, in a reunion
    (episodes 5 and 8) while she is in the room, an unresolved caregiver begins one with chance
    ``cg_unresolved x reunion_dissociation`` (in place on ``s.cg_stilled``, seconds left)."""
    if s.cg_stilled > 0:
        s.cg_stilled -= 1
    elif s.cg_unresolved > 0.0 and s.cg_present and (s.episode == 5 or s.episode == 8):
        u = rng.quad_one(key, purpose + OFFSET, tick)[0]
        if u < s.cg_unresolved * p.reunion_dissociation:
            s.cg_stilled = int(p.dissociation_seconds)
