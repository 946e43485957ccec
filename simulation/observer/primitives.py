"""What a coder notes second by second, as packed masks: the observer's only view of the record.

Each primitive is one comparison on the record's codes (who is present, what the infant does and
toward whom, where it looks, whether it is in contact, what the adult is doing), packed along time
(:mod:`simulation.observer.bitsets`). The features of the interactive scales
(:mod:`simulation.observer.features`) and the disorganization indices
(:mod:`simulation.observer.disorganization`) are combinations of these.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulation.codes import (
    D_ACTIONS,
    PRESENT_CAREGIVER,
    PRESENT_STRANGER,
    Action,
    AdultAct,
    Cry,
    Gaze,
    Target,
    Zone,
    action_code,
    combined_codes,
    u8,
)
from simulation.observer.bitsets import Packed, pack
from simulation.observer.segments import Episodes
from simulation.record import BehaviourRecord

# Range tests below rely on this layout of the codes; fail loudly if the record changes it.
if not (
    {Action.EXPLORE, Action.IDLE} == {a for a in Action if a <= Action.IDLE}
    and set(D_ACTIONS) == {a for a in Action if a >= Action.FREEZE}
    and AdultAct.HOLDING == AdultAct.APPROACHING + 1
):
    raise ImportError("simulation.observer.primitives: unexpected layout of the record codes")


@dataclass(frozen=True, eq=False)
class AdultPrimitives:
    """Per-second masks concerning one adult (caregiver or stranger)."""

    present: Packed  # the adult is in the room (presence bit)
    approach: Packed  # infant APPROACH toward her
    contact: Packed  # in contact with or held by her (zone CONTACT)
    signal: Packed  # infant SIGNAL toward her (reaching, calling for contact)
    broken: Packed  # infant APPROACH_BROKEN toward her
    clinging: Packed  # infant CONTACT_ACTIVE toward her
    angry: Packed  # infant RESIST_ANGRY toward her
    passive: Packed  # infant RESIST_PASSIVE toward her
    avoid: Packed  # infant AVOID toward her
    interact: Packed  # infant DISTANCE_INTERACT toward her
    gaze: Packed  # infant looks at her
    approaching: Packed  # she is APPROACHING the infant
    releasing: Packed  # she is RELEASING (trying to put the infant down)
    overture: Packed  # she ENTERS, APPROACHES, HOLDS, CALLS or PLAYS with the infant: an
    # overture to answer


@dataclass(frozen=True, eq=False)
class Primitives:
    """All packed per-second masks of a record; ``adults`` = (caregiver, stranger)."""

    episodes: Episodes
    adults: tuple[AdultPrimitives, AdultPrimitives]
    explore_idle: Packed  # infant EXPLORE or IDLE (busy with toys or nothing, whoever is there)
    search: Packed  # infant SEARCH, or APPROACH toward the door
    door_gaze: Packed  # infant looks at the door
    crying: Packed  # fussing or crying
    lapse: Packed  # FREEZE, APPROACH_BROKEN or APPREHENSION (Main & Solomon 1990)

    @property
    def caregiver(self) -> AdultPrimitives:
        return self.adults[0]

    @property
    def stranger(self) -> AdultPrimitives:
        return self.adults[1]


def _adult(
    record: BehaviourRecord, episodes: Episodes, code: np.ndarray, toward: int
) -> AdultPrimitives:
    target = Target.CAREGIVER if toward == 0 else Target.STRANGER
    gaze_at = Gaze.CAREGIVER if toward == 0 else Gaze.STRANGER
    bit = PRESENT_CAREGIVER if toward == 0 else PRESENT_STRANGER
    zone = record.zone_caregiver if toward == 0 else record.zone_stranger
    act = record.caregiver_act if toward == 0 else record.stranger_act

    def packed(mask: np.ndarray) -> Packed:
        return Packed(pack(mask), episodes)

    def doing(action: Action) -> Packed:
        return packed(code == action_code(action, target))

    holding_or_approaching = (act - u8(AdultAct.APPROACHING)) <= u8(1)  # APPROACHING, HOLDING
    return AdultPrimitives(
        present=packed((record.present & u8(bit)) != 0),
        approach=doing(Action.APPROACH),
        contact=packed(zone == u8(Zone.CONTACT)),
        signal=doing(Action.SIGNAL),
        broken=doing(Action.APPROACH_BROKEN),
        clinging=doing(Action.CONTACT_ACTIVE),
        angry=doing(Action.RESIST_ANGRY),
        passive=doing(Action.RESIST_PASSIVE),
        avoid=doing(Action.AVOID),
        interact=doing(Action.DISTANCE_INTERACT),
        gaze=packed(record.gaze == u8(gaze_at)),
        approaching=packed(act == u8(AdultAct.APPROACHING)),
        releasing=packed(act == u8(AdultAct.RELEASING)),
        overture=packed((act == u8(AdultAct.ENTERING)) | holding_or_approaching
                        | (act == u8(AdultAct.CALLING)) | (act == u8(AdultAct.PLAYING))),
    )


def observe(record: BehaviourRecord, episodes: Episodes) -> Primitives:
    """Pack every primitive mask of ``record`` (whose episodes are ``episodes``)."""
    code = combined_codes(record.action, record.target)

    def packed(mask: np.ndarray) -> Packed:
        return Packed(pack(mask), episodes)

    search = (record.action == u8(Action.SEARCH)) | (code == action_code(Action.APPROACH,
                                                                           Target.DOOR))
    return Primitives(
        episodes=episodes,
        adults=(_adult(record, episodes, code, 0), _adult(record, episodes, code, 1)),
        explore_idle=packed(record.action <= u8(Action.IDLE)),
        search=packed(search),
        door_gaze=packed(record.gaze == u8(Gaze.DOOR)),
        crying=packed(record.cry > u8(Cry.NONE)),
        lapse=packed(record.action >= u8(Action.FREEZE)),
    )
