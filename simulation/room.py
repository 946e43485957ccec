"""The observation room: a rectangle with a door, two chairs and the toys (metres).

Positions are continuous; agents move at bounded speed and contact is computed from positions
(DESIGN.md section 3, Space). The layout follows Ainsworth et al. (1978, Fig. 1) in spirit: the
caregiver's and the stranger's chairs against the wall opposite the door, toys in between.
"""

from __future__ import annotations

import numpy as np

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


def step_toward(
    x: np.ndarray, y: np.ndarray, tx: np.ndarray, ty: np.ndarray, speed: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Move each point toward its target by at most ``speed`` metres (one second)."""
    dx = tx - x
    dy = ty - y
    dist = np.sqrt(dx * dx + dy * dy)
    frac = np.minimum(speed / np.maximum(dist, 1e-6), 1.0)
    return x + dx * frac, y + dy * frac


def distance(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray) -> np.ndarray:
    """Euclidean distance, element by element."""
    dx = x2 - x1
    dy = y2 - y1
    return np.sqrt(dx * dx + dy * dy)


def zone(dist: np.ndarray, present: np.ndarray, held: np.ndarray) -> np.ndarray:
    """Distance zone codes (:class:`simulation.record.Zone`) from distances in metres."""
    z = ((dist > CONTACT_DISTANCE).view(np.uint8) + (dist > NEAR_DISTANCE).view(np.uint8)
         + (dist > MID_DISTANCE).view(np.uint8))
    z = z * (~held).view(np.uint8)
    return np.where(present, z, np.uint8(9))


def clamp_to_room(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Keep positions inside the walls."""
    return np.clip(x, 0.0, WIDTH), np.clip(y, 0.0, HEIGHT)
