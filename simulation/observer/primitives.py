"""What a coder notes second by second, as packed masks: the observer's only view of the record.

Each primitive is one comparison on the record's codes (who is present, what the infant does and
toward whom, where it looks, whether it is in contact, what the adult is doing), packed along time
(:mod:`simulation.observer.bitsets`). The features of the interactive scales
(:mod:`simulation.observer.features`) and the disorganization indices
(:mod:`simulation.observer.disorganization`) are combinations of these.

The record holds acts (a push, a kick, a turn to the toys), not the coder's categories: the
coder reads resistance and avoidance from acts in context, as the scales' instructions define
them (Ainsworth et al. 1978, Appendix III): a push, kick, thrown toy or angry squirm directed at
her while she holds the infant, approaches it or has just made an overture is resistance; going
limp then is passive resistance; turning or moving away from her soon after her entrance,
approach or overture is avoidance. A bout begun in that context counts whole; the same acts
begun at other moments are not coded.
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
    and set(D_ACTIONS) == {a for a in Action if Action.FREEZE <= a <= Action.DAZED}
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
    averted: Packed  # infant APPROACH toward her with the gaze AWAY (head and gaze averted)
    clinging: Packed  # infant CONTACT_ACTIVE toward her
    angry_acts: Packed  # infant pushes, kicks or throws a toy at her, or squirms in her arms
    # while fussing or crying (the acts of angry resistance, whatever the context)
    limp: Packed  # infant goes limp toward her (whatever the context)
    turning: Packed  # infant turns or moves away from her (whatever the context)
    pressing: Packed  # she holds the infant, approaches it, or made an overture in the last
    # RESIST_WINDOW seconds: contact or interaction she initiates, to be resisted
    prompting: Packed  # she entered, approached or made an overture in the last AVOID_WINDOW
    # seconds: the moments at which turning away from her is avoidance
    angry: Packed  # angry resistance of her: runs of angry acts toward her begun while she
    # presses (a bout begun in that context counts whole)
    passive: Packed  # passive resistance of her: runs of going limp begun while she presses
    avoid: Packed  # avoidance of her: runs of turning or moving away from her begun while she
    # prompts
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
    explore_idle: Packed  # infant EXPLORE or IDLE, or a kick or a toy thrown in play (busy with
    # toys or nothing, whoever is there)
    search: Packed  # infant SEARCH, or APPROACH toward the door
    door_gaze: Packed  # infant looks at the door
    crying: Packed  # fussing or crying
    lapse: Packed  # any of the D_ACTIONS (Main & Solomon 1990)
    freeze: Packed  # FREEZE (whoever is there)
    apprehension: Packed  # APPREHENSION
    rock: Packed  # ROCK (rocking, stereotypies)
    dazed: Packed  # DAZED (dazed, disoriented)

    @property
    def caregiver(self) -> AdultPrimitives:
        return self.adults[0]

    @property
    def stranger(self) -> AdultPrimitives:
        return self.adults[1]


class _Masks:
    """Per-second comparisons of the record's codes, each packed as it is made.

    Every comparison writes into one reused buffer (fresh pages for a full-size boolean array
    per comparison cost more than the comparisons themselves); only the packed bits are kept.
    """

    def __init__(self, shape: tuple[int, int], episodes: Episodes) -> None:
        self.mask = np.empty(shape, dtype=np.bool_)
        self.other = np.empty(shape, dtype=np.bool_)
        self.episodes = episodes

    def packed(self) -> Packed:
        return Packed(pack(self.mask), self.episodes)

    def any_of(self, *pairs: tuple[np.ndarray, int]) -> Packed:
        """Seconds where any of the ``(codes, value)`` pairs has its value."""
        (codes, value), *rest = pairs
        np.equal(codes, u8(value), out=self.mask)
        for codes, value in rest:
            np.equal(codes, u8(value), out=self.other)
            np.bitwise_or(self.mask, self.other, out=self.mask)
        return self.packed()

    def equal(self, codes: np.ndarray, *values: int) -> Packed:
        """Seconds whose code is any of ``values``."""
        return self.any_of(*((codes, value) for value in values))

    def compare(self, ufunc: np.ufunc, codes: np.ndarray, value: int) -> Packed:
        """Seconds where ``ufunc(codes, value)`` holds (e.g. ``np.less_equal``)."""
        ufunc(codes, u8(value), out=self.mask)
        return self.packed()

    def has_bit(self, codes: np.ndarray, bit: int) -> Packed:
        """Seconds whose code has ``bit`` set."""
        scratch = self.other.view(np.uint8)
        np.bitwise_and(codes, u8(bit), out=scratch)
        np.not_equal(scratch, u8(0), out=self.mask)
        return self.packed()


#: Seconds after her last overture (entering, approaching, holding, calling, playing) during
#: which an angry push, kick or thrown toy is resistance of her: resistance is to contact or
#: interaction the adult initiates (Ainsworth et al. 1978, Appendix III); a push with no one
#: pressing is not resistance.
RESIST_WINDOW = 3
#: Seconds after her entrance, approach or overture during which turning or moving away from
#: her is avoidance ("ignoring, turning away at reunion", Ainsworth et al. 1978, Appendix III):
#: the same turn to the toys while she sits and has not just entered is not.
AVOID_WINDOW = 15


def recent(mask: Packed, seconds: int) -> Packed:
    """Seconds at which ``mask`` held now or in the last ``seconds`` seconds (by doubling
    shifts: log2(seconds) shifts instead of ``seconds``)."""
    out, span = mask, 1  # out covers lags 0 .. span - 1
    while span <= seconds:
        step = min(span, seconds + 1 - span)
        out = out | out.later(step)
        span += step
    return out


def _adult(record: BehaviourRecord, masks: _Masks, code: np.ndarray,
           toward: int, gaze_away: Packed, crying: Packed) -> AdultPrimitives:
    target = Target.CAREGIVER if toward == 0 else Target.STRANGER
    gaze_at = Gaze.CAREGIVER if toward == 0 else Gaze.STRANGER
    bit = PRESENT_CAREGIVER if toward == 0 else PRESENT_STRANGER
    zone = record.zone_caregiver if toward == 0 else record.zone_stranger
    act = record.caregiver_act if toward == 0 else record.stranger_act

    def doing(action: Action) -> Packed:
        return masks.equal(code, action_code(action, target))

    approach = doing(Action.APPROACH)
    angry_acts = (masks.equal(code, *(action_code(a, target) for a in
                                      (Action.PUSH_AWAY, Action.KICK, Action.THROW_TOY)))
                  | (doing(Action.SQUIRM) & crying))
    limp = doing(Action.GO_LIMP)
    turning = doing(Action.TURN_AWAY)
    contact = masks.equal(zone, Zone.CONTACT)
    approaching = masks.equal(act, AdultAct.APPROACHING)
    overture = masks.equal(act, AdultAct.ENTERING, AdultAct.APPROACHING, AdultAct.HOLDING,
                           AdultAct.CALLING, AdultAct.PLAYING)
    pressing = contact | recent(overture, RESIST_WINDOW)
    prompting = recent(overture, AVOID_WINDOW)
    return AdultPrimitives(
        present=masks.has_bit(record.present, bit),
        approach=approach,
        contact=contact,
        signal=doing(Action.SIGNAL),
        broken=doing(Action.APPROACH_BROKEN),
        averted=approach & gaze_away,
        clinging=doing(Action.CONTACT_ACTIVE),
        angry_acts=angry_acts,
        limp=limp,
        turning=turning,
        pressing=pressing,
        prompting=prompting,
        angry=angry_acts.runs_from(pressing),
        passive=limp.runs_from(pressing),
        avoid=turning.runs_from(prompting),
        interact=doing(Action.DISTANCE_INTERACT),
        gaze=masks.equal(record.gaze, gaze_at),
        approaching=approaching,
        releasing=masks.equal(act, AdultAct.RELEASING),
        overture=overture,
    )


def observe(record: BehaviourRecord, episodes: Episodes) -> Primitives:
    """Pack every primitive mask of ``record`` (whose episodes are ``episodes``)."""
    code = combined_codes(record.action, record.target)
    masks = _Masks(record.action.shape, episodes)
    away = masks.equal(record.gaze, Gaze.AWAY)
    crying = masks.compare(np.greater, record.cry, Cry.NONE)
    return Primitives(
        episodes=episodes,
        adults=(_adult(record, masks, code, 0, away, crying),
                _adult(record, masks, code, 1, away, crying)),
        # rough play (a kick, a toy thrown, aimed at the toys) is play
        explore_idle=(masks.compare(np.less_equal, record.action, Action.IDLE)
                      | masks.equal(code, action_code(Action.KICK, Target.TOYS),
                                    action_code(Action.THROW_TOY, Target.TOYS))),
        # going to the door: SEARCH, or approaching the door
        search=masks.any_of((record.action, Action.SEARCH),
                            (code, action_code(Action.APPROACH, Target.DOOR))),
        door_gaze=masks.equal(record.gaze, Gaze.DOOR),
        crying=crying,
        lapse=(masks.compare(np.greater_equal, record.action, Action.FREEZE)
               & masks.compare(np.less_equal, record.action, Action.DAZED)),
        freeze=masks.equal(record.action, Action.FREEZE),
        apprehension=masks.equal(record.action, Action.APPREHENSION),
        rock=masks.equal(record.action, Action.ROCK),
        dazed=masks.equal(record.action, Action.DAZED),
    )
