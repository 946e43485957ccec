"""The observation room: a rectangle with a door, two chairs and the toys (metres).

Positions are continuous; agents move at bounded speed and contact is computed from positions
(docs/design.md, the model). The layout follows Ainsworth et al. (1978, Fig. 1) in spirit: the
caregiver's and the stranger's chairs against the wall opposite the door, toys in between.
"""

from __future__ import annotations

import numpy as np

from .rules.jit import f, kernel

WIDTH = 6.0
HEIGHT = 4.5
DOOR = (0.0, 2.25)
CAREGIVER_CHAIR = (5.0, 3.5)
STRANGER_CHAIR = (5.0, 1.0)
TOYS = (3.0, 2.25)
#: Where the caregiver puts the infant down in episode 1.
START = (2.6, 2.25)

#: Speeds in metres per second: a crawling 12-month-old, a walking adult.
INFANT_SPEED = 0.35
ADULT_SPEED = 0.9
#: Contact: centres within this distance (metres).
CONTACT_DISTANCE = 0.35
#: Distance zones a coder would judge (metres): near within 1 m, mid within 2.5 m.
NEAR_DISTANCE = 1.0
MID_DISTANCE = 2.5


# The geometry of one dyad, compiled with the rules (float32 in, float32 out).
_CONTACT, _NEAR, _MID = f(CONTACT_DISTANCE), f(NEAR_DISTANCE), f(MID_DISTANCE)
_WIDTH, _HEIGHT = f(WIDTH), f(HEIGHT)


@kernel
def step_toward(x, y, tx, ty, speed) -> tuple:
    """Move a point toward its target by at most ``speed`` metres (one second)."""
    dx = tx - x
    dy = ty - y
    dist = np.sqrt(dx * dx + dy * dy)
    frac = min(speed / max(dist, f(1e-6)), f(1.0))
    return x + dx * frac, y + dy * frac


@kernel
def distance(x1, y1, x2, y2):
    """Euclidean distance."""
    dx = x2 - x1
    dy = y2 - y1
    return np.sqrt(dx * dx + dy * dy)


@kernel
def zone(dist, present: bool, held: bool) -> int:
    """Distance zone code (:class:`simulation.codes.Zone`) from a distance in metres."""
    if not present:
        return 9
    if held:
        return 0
    # counted as whole numbers: numpy booleans added in plain Python (NUMBA_DISABLE_JIT=1)
    # would be a logical "or" (every distance beyond contact would be zone 1)
    return int(dist > _CONTACT) + int(dist > _NEAR) + int(dist > _MID)


@kernel
def clamp_to_room(x, y) -> tuple:
    """Keep a position inside the walls."""
    return min(max(x, f(0.0)), _WIDTH), min(max(y, f(0.0)), _HEIGHT)
