"""Named caregiving presets: one click from a name to a way of caring, and what it shows.

Each preset is a :class:`~simulation.caregiving.CaregiverProfile` with a line on what it
demonstrates and the literature it stands for. A profile is the caregiver's trait; each dyad meets
it as enacted care, varied around it (:mod:`simulation.rules.enacted`), so a preset gives its
pattern to most infants, not to all: the inconsistent, under-involved, frightening and unresolved
presets are set far enough out that their pattern is the most common outcome. Population
presets (distributions calibrated to published samples) live in
:mod:`simulation.population_presets`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .caregiving import CaregiverProfile
from .inputs import InputError


@dataclass(frozen=True)
class Preset:
    name: str
    profile: CaregiverProfile
    demonstrates: str
    reference: str


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("sensitive", CaregiverProfile(0.85, 0.85, 0.85, 0.0),
           "prompt, steady, warm care: the infant uses her as a secure base and a haven (B)",
           "Ainsworth et al. 1978; De Wolff & van IJzendoorn 1997"),
    Preset("rejecting", CaregiverProfile(0.7, 0.8, 0.15, 0.0),
           "she answers but rebuffs close contact: the infant learns to expect rebuff and "
           "deactivates, ignoring her at reunion (A)",
           "Ainsworth et al. 1978 (mothers averse to close contact); Main 1990"),
    Preset("inconsistent", CaregiverProfile(0.3, 0.05, 0.7, 0.0),
           "periods of availability and of preoccupation: the infant stays vigilant, signals "
           "hard, seeks contact and resists it angrily (C1)",
           "Ainsworth et al. 1978; Cassidy & Berlin 1994"),
    Preset("under-involved", CaregiverProfile(0.15, 0.8, 0.8, 0.0),
           "rarely answers unless the infant escalates: loud signalling is intermittently "
           "rewarded; the infant wants contact but is passive and hard to soothe (C2)",
           "Isabella & Belsky 1991; Cassidy & Berlin 1994"),
    Preset("frightening", CaregiverProfile(0.6, 0.6, 0.7, 0.35),
           "the haven is at times the source of fear: approach breaks off, the infant freezes "
           "in her presence (D, with a best-fitting A/B/C)",
           "Main & Hesse 1990; Main & Solomon 1990"),
    Preset("unresolved", CaregiverProfile(0.6, 0.6, 0.7, 0.0, 1.0),
           "unresolved loss: otherwise middling, warm-enough care in which she is at times "
           "frightened or dissociated when the infant needs her (stills, looks frightened, is "
           "absent while present): the infant learns alarm at the haven, a route to D "
           "without frightening care",
           "Main & Hesse 1990; Schuengel, Bakermans-Kranenburg & van IJzendoorn 1999"),
)}


def get_preset(name: str) -> Preset:
    """The preset called ``name`` (a clear error listing the valid names otherwise)."""
    try:
        return PRESETS[name]
    except (KeyError, TypeError):
        raise InputError(
            f"unknown preset {name!r}; choose one of: {', '.join(PRESETS)}") from None
