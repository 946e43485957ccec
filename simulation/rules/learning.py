"""Learning in the home year: the infant's working model of a caregiver, updated after every
occasion of need.

- Availability is tracked by a fast and a slow learner; volatility beyond chance is how much
  better the fast one predicts than the slow one: learners track volatility and raise their
  learning rate with it (Behrens et al. 2007).
- Expected rebuff is learned from answers; signal gain rises when only escalation was answered
  (hyperactivation; Cassidy & Berlin 1994), falls after rebuffs (deactivation: Main 1990;
  Cassidy & Kobak 1988) and settles to a moderate level when quiet bids are warmly answered,
  slowly if escalation used to pay intermittently (partial reinforcement resists extinction).
- Fear grows with frightening answers and fades slowly (Main & Hesse 1990); a frightened or
  dissociated answer (unresolved loss) brings no comfort and alarms: fear of the haven grows by a
  smaller step (:func:`alarm`; Main & Hesse 1990; Schuengel et al. 1999).
- Two expectations about protest, fed by different histories: *escalation paid*, how often
  escalated protest got an answer in the end when the first bid did not (intermittent
  reinforcement of hard signalling: the root of angry resistance, C1; Ainsworth et al. 1978;
  Cassidy & Berlin 1994), and *helplessness*, how often no signal, however loud, got an answer
  (bids that mostly go unanswered teach that signalling is futile: the root of passivity, C2;
  Seligman & Maier 1967; Ainsworth et al. 1978, C2).
- A warm, accepting answer settles the infant fully; a grudging one settles nothing more: every
  answer that does not rebuff lowers signal gain toward its resting level and learned
  volatility toward none in proportion to her warmth above one half (:func:`settle`;
  Ainsworth et al. 1978, acceptance and cooperation; Cassidy & Berlin 1994), so the most
  accepting care protects against hyperactivation as well as against avoidance.
- Learning consolidates with age: early experience is weighed in, not overwritten (Bowlby 1973).
- Expected rebuff guards itself: an infant that expects rebuff seeks close contact less and so
  tests the expectation less often (defensive exclusion; Bowlby 1980), so avoidance outlasts a
  change to warm care by months while rebuff is learned quickly by an infant that still seeks
  contact (:func:`tested`).
"""

from __future__ import annotations

import math

from .declaration import HOME, Param
from .jit import kernel

PARAMS = (
    Param("consolidation_months", 1.5, 0.5, 100.0, "age (months) at which the working model's "
          "learning rates have halved: expectations consolidate, so early experience is weighed "
          "in and not overwritten by the last weeks (large: no consolidation)", "Bowlby 1973",
          HOME),
    Param("learn_trust", 0.04, 0.001, 0.5, "learning rate of expected availability (trust) at "
          "birth: slow, so the working model integrates months of care and stays stable (Waters "
          "1978)", "Waters 1978", HOME),
    Param("learn_fast", 0.35, 0.01, 1.0, "learning rate of the fast availability tracker "
          "(volatility)", "Behrens et al. 2007", HOME),
    Param("learn_slow", 0.03, 0.001, 0.5, "learning rate of the slow availability tracker "
          "(volatility)", "Behrens et al. 2007", HOME),
    Param("learn_volatility", 0.02, 0.001, 0.5, "learning rate of volatility beyond chance at "
          "birth (Behrens et al. 2007)", "Behrens et al. 2007", HOME),
    Param("volatility_scale", 0.12, 0.01, 1.0, "fast-minus-slow squared-error advantage that "
          "counts as volatility 1", "Behrens et al. 2007", HOME),
    Param("volatility_boost", 2.0, 0.0, 10.0, "how much volatility raises the learning rate of "
          "trust (Behrens 2007)", "Behrens et al. 2007", HOME),
    Param("learn_rebuff", 0.15, 0.001, 0.5, "learning rate of expected rebuff at birth while the "
          "infant still tests it (below `exclusion_onset`): fast enough that three months of "
          "rejecting care from 9 months teach avoidance by 12 (Vaughn et al. 1979; Egeland & "
          "Farber 1984: secure to insecure between 12 and 18 months with changed care)",
          "Main 1990; Vaughn et al. 1979", HOME),
    Param("exclusion_onset", 0.3, 0.0, 1.0, "expected rebuff above which the infant begins to "
          "keep from testing it (see `defensive_exclusion`): about where contact seeking gives "
          "way to deactivation", "Main 1990; Bowlby 1980", HOME),
    Param("defensive_exclusion", 20.0, 0.0, 50.0, "how much expecting rebuff keeps the infant "
          "from testing that expectation: above `exclusion_onset` the rebuff's learning rate is "
          "scaled by exp(-this x (expected rebuff - onset)), since an infant that expects rebuff "
          "seeks close contact less and so learns less often whether it is now welcome. "
          "Avoidance learned under rejection then outlasts a change to warm care by months "
          "(in the model, half the A infants still A three months after a change at 12; foster "
          "infants became secure with a nurturing foster mother within months: Dozier et al. "
          "2001), while a warmly raised infant learns rebuff quickly when care turns cold (0: "
          "no exclusion)",
          "Bowlby 1980 (defensive exclusion); Bretherton & Munholland 1999", HOME),
    Param("learn_gain", 0.04, 0.001, 0.5, "learning rate of signal gain at birth (hyper/"
          "deactivation)", "Cassidy & Kobak 1988", HOME),
    Param("escalation_reward", 2.0, 0.0, 5.0, "how strongly an answer that came only after "
          "escalating raises signal gain (hyperactivation)", "Cassidy & Berlin 1994", HOME),
    Param("rest_gain", 0.35, 0.0, 0.9, "signal gain a promptly and warmly answered infant "
          "settles to; gain above it is hyperactivation", "Cassidy & Berlin 1994", HOME),
    Param("rebuff_push", 1.5, 0.0, 5.0, "how strongly a rebuff lowers signal gain "
          "(deactivation)", "Main 1990; Cassidy & Kobak 1988", HOME),
    Param("partial_reinforcement", 0.8, 0.0, 1.0, "how much learned volatility slows the "
          "unlearning of hyperactivation once quiet bids are answered: signalling that was "
          "rewarded intermittently resists extinction (the partial-reinforcement extinction "
          "effect; Humphreys 1939)", "Humphreys 1939", HOME),
    Param("extinction", 0.1, 0.0, 2.0, "how strongly an unanswered occasion lowers signal gain "
          "(weak: intermittently rewarded signalling resists extinction)", "Humphreys 1939",
          HOME),
    Param("learn_fear", 0.35, 0.001, 1.0, "how much one frightening response adds to fear of the "
          "caregiver (a large step: fear is learned from few events)", "Main & Hesse 1990",
          HOME),
    Param("learn_alarm", 0.2, 0.0, 1.0, "how much one frightened or dissociated answer (her "
          "unresolved state: stilled, frightened look, absent while present) adds to fear of "
          "the caregiver: alarm at the haven, without aggression",
          "Main & Hesse 1990; Schuengel et al. 1999", HOME),
    Param("fear_decay", 0.004, 0.0, 0.2, "per-occasion fading of fear when nothing frightening "
          "happens", "Main & Hesse 1990", HOME),
    Param("learn_escalation_paid", 0.05, 0.0, 0.5, "learning rate (at birth) of escalation "
          "paid: on occasions whose first bid went unanswered, how often escalated protest got "
          "an answer in the end (intermittent reinforcement of hard signalling, the history of "
          "angry resistance; 0: not learned, an ablation)",
          "Cassidy & Berlin 1994", HOME),
    Param("learn_helplessness", 0.03, 0.0, 0.5, "learning rate (at birth) of helplessness: "
          "how often no signal, however loud, was answered (learned futility, the history of "
          "passivity; 0: not learned, an ablation)",
          "Seligman & Maier 1967; Ainsworth et al. 1978, C2", HOME),
    Param("warm_settling", 0.5, 0.0, 5.0, "how much a warm, accepting answer settles the "
          "infant's learned vigilance: on every answer that does not rebuff, signal gain relaxes "
          "toward `rest_gain` and volatility toward none at this multiple of their learning "
          "rates, times her warmth above 0.5 (2 x warmth - 1); a grudging answer (warmth at or "
          "below 0.5, not a rebuff) settles nothing. Mothers of secure infants were the most "
          "accepting and cooperative, mothers of ambivalent infants inconsistently available "
          "and not "
          "especially accepting (0: warmth acts only through rebuffs, an ablation)",
          "Ainsworth et al. 1978, ch. 7 (acceptance, cooperation); Cassidy & Berlin 1994; "
          "Belsky, Rovine & Taylor 1984", HOME),
)

#: The learner's variables, in the order of a working model's row (:func:`learn`).
LEARNER = ("trust", "trust_fast", "trust_slow", "volatility_raw", "rebuff", "signal_gain",
           "fear", "escalation_paid", "helplessness")
#: The monthly snapshot's variables (``WorkingModel.summary``), in the order of its rows.
SNAPSHOT = ("trust", "volatility", "rebuff", "signal_gain", "fear")


@kernel
def plasticity(month: float, p) -> float:
    """How much one occasion still changes the working model at this age (1 at birth).

    Expectations consolidate as experience accumulates, so that months of earlier care are
    weighed in and not overwritten by the last few weeks (a learner whose confidence grows with
    experience; Bowlby 1973, working models increasingly stable): halved at
    ``consolidation_months``, a third at twice that age.
    """
    return 1.0 / (1.0 + month / p.consolidation_months)


@kernel
def tested(rebuff: float, p) -> float:
    """Share of answered occasions that still test the expectation of rebuff (1 with none).

    An infant that expects rebuff seeks close contact less, and so finds out less often whether
    it would now be welcome: expectations that guide behaviour tend to preclude their own
    disconfirmation (defensive exclusion, Bowlby 1980; Bretherton & Munholland 1999). Above
    ``exclusion_onset`` the rate falls as ``exp(-defensive_exclusion * (rebuff - onset))``; both
    outcomes are weighted alike, so the expectation still settles where the care puts it, only
    more slowly from higher up.
    """
    return math.exp(-p.defensive_exclusion * max(rebuff - p.exclusion_onset, 0.0))


@kernel
def learn(m, answered, rebuffed, frightened, plastic, p) -> None:
    """Update one working model ``m`` (a row of :data:`LEARNER` values) from one occasion.

    - Availability is tracked by a fast and a slow learner; volatility beyond chance is how much
      better the fast one predicts than the slow one (under steady care the slow one is better,
      under inconsistent care the fast one is): learners track volatility and raise their
      learning rate with it (Behrens et al. 2007).
    - Expected rebuff is learned from answers; signal gain rises when only escalation was
      answered (hyperactivation), falls after rebuffs (deactivation: Main 1990; Cassidy & Kobak
      1988) and settles to a moderate level when quiet bids are warmly answered, slowly if
      escalation used to pay intermittently (partial reinforcement resists extinction).
    - Fear grows with frightening answers and fades slowly (Main & Hesse 1990).
    - Escalation paid tracks, on occasions whose first bid went unanswered, how often a later
      round was (Cassidy & Berlin 1994); helplessness how often no round was answered
      (Seligman & Maier 1967) (:func:`learn_protest_outcomes`).
    - ``plastic`` (:func:`plasticity`) scales the expectations' learning rates (not the fast and
      slow trackers, which perceive recent availability, nor fear); expected rebuff's is also
      scaled by :func:`tested` (defensive exclusion).
    """
    trust, fast, slow, vol_raw, rebuff, g, fear = m[0], m[1], m[2], m[3], m[4], m[5], m[6]
    outcome = 1.0 if answered == 1 else 0.0  # answered promptly, at the first bid
    err_fast = outcome - fast
    err_slow = outcome - slow
    advantage = err_slow * err_slow - err_fast * err_fast
    vol_raw = vol_raw + plastic * p.learn_volatility * (advantage - vol_raw)
    volatility = min(max(vol_raw / p.volatility_scale, 0.0), 1.0)
    m[0] = trust + plastic * p.learn_trust * (1.0 + p.volatility_boost * volatility) * (
        outcome - trust)
    m[1] = fast + p.learn_fast * err_fast
    m[2] = slow + p.learn_slow * err_slow
    m[3] = vol_raw
    if answered > 0:
        m[4] = rebuff + plastic * p.learn_rebuff * tested(rebuff, p) * (
            (1.0 if rebuffed else 0.0) - rebuff)
    # the gain's target and rate by outcome: unanswered, answered at once, answered only after
    # escalating, or rebuffed
    if rebuffed:
        rate, target = p.rebuff_push, 0.0
    elif answered == 0:
        rate, target = p.extinction, 0.0
    elif answered == 1:  # unlearned slowly if escalation was rewarded intermittently
        rate, target = 1.0 - p.partial_reinforcement * volatility, p.rest_gain
    else:
        rate, target = p.escalation_reward, 1.0
    m[5] = g + plastic * p.learn_gain * rate * (target - g)
    m[6] = fear + p.learn_fear * (1.0 - fear) if frightened else fear - p.fear_decay * fear
    learn_protest_outcomes(m, answered, plastic, p)


@kernel
def learn_protest_outcomes(m, answered, plastic, p) -> None:
    """Escalation paid (row 7) and helplessness (row 8) from one occasion's outcome.

    An occasion ends one of three ways: the first bid answered (trust's event), an answer only
    after escalating, or no answer at all. Escalation paid learns only from occasions whose
    first bid went unanswered: did escalated protest get her in the end? (what protest is worth
    with a caregiver who comes and goes: high where loud crying reaches a preoccupied caregiver,
    Cassidy & Berlin 1994). Helplessness is the running frequency of occasions on which nothing,
    however loud, got an answer (Seligman & Maier 1967). Different histories feed them: care
    that gives in to hard protest raises the first, care that lets bids go unanswered the
    second.
    """
    if answered != 1:  # the first bid went unanswered: did escalating pay?
        paid = 1.0 if answered > 1 else 0.0
        m[7] = m[7] + plastic * p.learn_escalation_paid * (paid - m[7])
    futile = 1.0 if answered == 0 else 0.0
    m[8] = m[8] + plastic * p.learn_helplessness * (futile - m[8])


@kernel
def settle(m, warmth, plastic, p) -> None:
    """A warm answer settles the infant: signal gain (row 5) relaxes toward ``rest_gain`` and
    volatility (row 3) toward none, at ``warm_settling x warmth`` times their learning rates
    (scaled by ``plastic``). Call it after :func:`learn` on an answer that did not rebuff.

    When she does come, an accepting, cooperative answer calms fully, so there is nothing left
    to stay vigilant about; a grudging answer (warmth at or below 0.5, short of a rebuff)
    settles nothing beyond what the answer itself taught. It does not raise the gain: cold care
    teaches the avoidant infant to mute its signals (through rebuffs), and a first version in
    which grudging answers raised the gain made avoidant infants cry alone as much as secure
    ones (Ainsworth et al. 1978, ch. 7: mothers of
    secure infants the most accepting; Cassidy & Berlin 1994, the ambivalent infant's heightened
    attachment behaviour; Belsky, Rovine & Taylor 1984).
    """
    soothed = plastic * p.warm_settling * (2.0 * warmth - 1.0)
    if soothed > 0.0:
        m[3] = m[3] - min(soothed * p.learn_volatility, 1.0) * m[3]
        m[5] = m[5] + min(soothed * p.learn_gain, 1.0) * (p.rest_gain - m[5])


@kernel
def alarm(m, p) -> None:
    """A frightened or dissociated answer alarms the infant: fear of the haven grows by
    ``learn_alarm`` (Main & Hesse 1990: frightened as well as frightening behaviour; Schuengel
    et al. 1999). The occasion itself is learned as unanswered (:func:`learn` with no answer):
    she came but no comfort came."""
    m[6] = m[6] + p.learn_alarm * (1.0 - m[6])


@kernel
def snapshot(model, out, p) -> None:
    """The user-facing variables of one learner (``WorkingModel.summary``)."""
    out[0] = model[0]
    out[1] = min(max(model[3] / p.volatility_scale, 0.0), 1.0)
    out[2] = model[4]
    out[3] = model[5]
    out[4] = model[6]
