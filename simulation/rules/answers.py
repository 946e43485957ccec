"""One occasion of need at home: the infant signals, the caregiver answers or not, and her
answer may rebuff close contact or frighten.

The infant's first bid is as loud as its learned signal gain; unanswered, it escalates over up
to three rounds. She attends to the first bid with the chance her state gives
(:mod:`simulation.rules.availability`); a bid she missed is answered only if the signal breaks
through. Mothers of avoidant infants were rejecting and averse to close bodily contact (Ainsworth
et al. 1978): the colder she is, the more she rebuffs, most for intense demands. A frightening
caregiver's answer frightens now and then (Main & Hesse 1990). A caregiver with unresolved loss
or trauma is at times frightened, dissociated or disoriented when the infant's need calls up her
own attachment experience: she stills, looks frightened, is absent while present (Main & Hesse
1990; Schuengel, Bakermans-Kranenburg & van IJzendoorn 1999): her answer then brings no comfort
and alarms the infant (:func:`dissociated`).
"""

from __future__ import annotations

from .declaration import HOME, Constant, Param
from .jit import kernel

PARAMS = (
    Param("escalation", 0.3, 0.0, 1.0, "rise in signal intensity per unanswered round",
          "Cassidy & Berlin 1994", HOME),
    Param("quietest_bid", 0.05, 0.0, 0.5, "the infant's first bid is at least this loud, however "
          "deactivated", "modelling choice", HOME),
    Param("temperament_signal", 0.0, 0.0, 1.0, "how much a reactive infant's first signal at home "
          "is louder (default off: with it on, reactive infants of cold caregivers meet more "
          "rebuffs and learn avoidance, against Belsky & Rovine 1987, who found temperament "
          "moving distress, not security)", "Belsky & Rovine 1987", HOME),
    Param("rebuff_intensity", 0.6, 0.0, 1.0, "how much more a cold caregiver rebuffs intense "
          "demands for contact than mild ones (Ainsworth: rejecting mothers averse to close "
          "contact)", "Ainsworth et al. 1978", HOME),
    Param("independence_training", 0.0, 0.0, 1.0, "cultural practice: how much caregivers turn "
          "away mild bids for contact to encourage early independence (Grossmann et al., "
          "Bielefeld); adds rebuffs of quiet bids", "Grossmann et al. (Bielefeld)", HOME),
    Param("fright_rate", 0.08, 0.0, 1.0, "chance that a frightening caregiver's response "
          "frightens (times `frightening`): rare, so that how many frights an infant met is "
          "partly chance", "Main & Hesse 1990", HOME),
    Param("dissociation_rate", 0.03, 0.0, 1.0, "chance that an unresolved caregiver's answer "
          "is frightened or dissociated (times `unresolved`): she stills, looks frightened, is "
          "absent while present; no comfort comes and the infant is alarmed (not aggression)",
          "Main & Hesse 1990; Schuengel et al. 1999", HOME),
)

#: Rounds of signalling per occasion: a first bid, then two escalations if unanswered.
ROUNDS = 3

CONSTANTS = (
    Constant("ROUNDS", "rounds of signalling per occasion: a first bid and two escalations",
             "the layout of the random draws: one keyed quadruple holds the three rounds' "
             "uniforms and the rebuff's"),
)


@kernel
def round_answered(attending: float, reach: float, intensity: float, first: bool) -> float:
    """Chance that one round of signalling at ``intensity`` is answered.

    Attention is a property of the occasion: she attends to the first bid with chance
    ``attending``; a bid she missed is answered in a later round only if the signal breaks
    through (``reach * intensity**3``: quiet signals barely do).
    """
    loud = intensity * intensity * intensity
    own = attending if first else 0.0
    return own + (1.0 - own) * reach * loud


@kernel
def rebuff_probability(warmth: float, intensity: float, p) -> float:
    """Chance that an answer rebuffs close contact.

    Mothers of avoidant infants were rejecting and averse to close bodily contact (Ainsworth et
    al. 1978): the colder the caregiver, the more she rebuffs, and more so the more intense the
    demand for contact. Where early independence is encouraged, mild bids are also turned away
    (``independence_training``; Grossmann et al., Bielefeld).
    """
    cold = (1.0 - warmth) * (1.0 - p.rebuff_intensity + p.rebuff_intensity * intensity)
    independence = p.independence_training * (1.0 - intensity)
    return cold + (1.0 - cold) * independence


@kernel
def occasion_outcome(attending, reach, warmth, frightening, gain, reactivity, u_rounds, u_rebuff,
                     u_fright, p) -> tuple:
    """What happened on one occasion: (round answered 1..3 or 0, rebuffed, frightened).

    The intensity of each round is the learned gain, louder for reactive infants if
    ``temperament_signal`` (reactivity centred on 0.5), rising by ``escalation`` per unanswered
    round; the earliest answered round wins.
    """
    first = min(max(gain + p.temperament_signal * (reactivity - 0.5), p.quietest_bid), 1.0)
    answered = 0
    intensity = first
    for k in range(ROUNDS):
        intensity = min(first + p.escalation * k, 1.0)
        if u_rounds[k] < round_answered(attending, reach, intensity, k == 0):
            answered = k + 1
            break
    if answered == 0:
        return 0, False, False
    rebuffed = u_rebuff < rebuff_probability(warmth, intensity, p)
    frightened = u_fright < frightening * p.fright_rate
    return answered, rebuffed, frightened


@kernel
def dissociated(answered: int, unresolved: float, u: float, p) -> bool:
    """Whether her answer on this occasion is frightened or dissociated (only an answer can be:
    she came, and is absent while present). ``u`` is the occasion's draw on its own stream
    (:attr:`simulation.rng.Purpose.DISSOCIATION`); chance ``dissociation_rate x unresolved``
    (Main & Hesse 1990; Schuengel et al. 1999)."""
    return answered > 0 and u < unresolved * p.dissociation_rate
