"""The model's own parameters: every default documented, every value validated.

These are the mechanism constants (learning rates, situational stress, behavioural weights), not
the caregiving users turn. Sweeps may vary any of them by name (``ModelParams.names()``); the
sensitivity-analysis study in ``experiments/`` shows which of them move the distribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .inputs import InputError, check_number


def _p(default: float, low: float, high: float, doc: str) -> Any:
    return field(default=default, metadata={"low": low, "high": high, "doc": doc})


@dataclass(frozen=True)
class ModelParams:
    """Mechanism constants of the home year and of the Strange Situation."""

    # --- the home year: the caregiver ---
    occasions_per_month: float = _p(
        50, 5, 200, "occasions of need (distress, fatigue, fear) per month at home")
    spell_switch: float = _p(
        0.06, 0.0, 0.5, "mean chance per occasion that an inconsistent caregiver's state changes "
        "between attuned spells and lapses (spells last days, not occasions; Ainsworth et al. "
        "1978: mothers of ambivalent infants inconsistently available)")
    escalation: float = _p(
        0.3, 0.0, 1.0, "rise in signal intensity per unanswered round")
    breakthrough: float = _p(
        0.3, 0.0, 1.0, "chance that a maximally loud signal reaches a caregiver who missed the "
        "first bid (quiet signals barely do: intensity cubed)")
    lapse_breakthrough: float = _p(
        0.7, 0.0, 1.0, "the same chance during a lapse of a fully inconsistent caregiver, who "
        "attends only to escalated signals (scaled by 1 - consistency): escalation rewarded "
        "intermittently, the root of hyperactivation (Cassidy & Berlin 1994)")
    rebuff_intensity: float = _p(
        0.6, 0.0, 1.0, "how much more a cold caregiver rebuffs intense demands for contact "
        "than mild ones (Ainsworth: rejecting mothers averse to close contact)")
    independence_training: float = _p(
        0.0, 0.0, 1.0, "cultural practice: how much caregivers turn away mild bids for contact "
        "to encourage early independence (Grossmann et al., Bielefeld); adds rebuffs of quiet "
        "bids")
    night_care: float = _p(
        0.0, 0.0, 0.8, "cultural practice: share of occasions of need that fall at night while "
        "the infant sleeps away from its parents (communal sleeping in the kibbutz: Sagi et "
        "al. 1994); then nobody attends to the first bid and only loud crying reaches the "
        "night watch")
    fright_rate: float = _p(
        0.08, 0.0, 1.0, "chance that a frightening caregiver's response frightens (times "
        "`frightening`): rare, so that how many frights an infant met is partly chance")
    temperament_signal: float = _p(
        0.0, 0.0, 1.0, "how much a reactive infant's first signal at home is louder (default "
        "off: with it on, reactive infants of cold caregivers meet more rebuffs and learn "
        "avoidance, against Belsky & Rovine 1987, who found temperament moving distress, not "
        "security)")
    life_event_rate: float = _p(
        1.5, 0.0, 6.0, "stressful life events per year (illness, a new sibling, family "
        "stress) that take the caregiver's availability for weeks at unforeseeable times "
        "(Vaughn, Egeland, Sroufe & Waters 1979): chance makes the same care give different "
        "outcomes (at most one begins in a month)")
    life_event_occasions: float = _p(
        60, 1, 300, "occasions a life event lasts (about five weeks)")
    life_event_severity: float = _p(
        0.9, 0.0, 1.0, "share of her availability a life event takes")
    # --- the home year: the infant's learning ---
    consolidation_months: float = _p(
        1.5, 0.5, 100.0, "age (months) at which the working model's learning rates have "
        "halved: expectations consolidate, so early experience is weighed in and not "
        "overwritten by the last weeks (large: no consolidation)")
    learn_trust: float = _p(
        0.04, 0.001, 0.5, "learning rate of expected availability (trust) at birth: slow, so "
        "the working model integrates months of care and stays stable (Waters 1978)")
    learn_fast: float = _p(
        0.35, 0.01, 1.0, "learning rate of the fast availability tracker (volatility)")
    learn_slow: float = _p(
        0.03, 0.001, 0.5, "learning rate of the slow availability tracker (volatility)")
    learn_volatility: float = _p(
        0.02, 0.001, 0.5, "learning rate of volatility beyond chance at birth (Behrens et al. "
        "2007)")
    volatility_scale: float = _p(
        0.12, 0.01, 1.0, "fast-minus-slow squared-error advantage that counts as volatility 1")
    volatility_boost: float = _p(
        2.0, 0.0, 10.0, "how much volatility raises the learning rate of trust (Behrens 2007)")
    learn_rebuff: float = _p(
        0.05, 0.001, 0.5, "learning rate of expected rebuff at birth")
    learn_gain: float = _p(
        0.04, 0.001, 0.5, "learning rate of signal gain at birth (hyper/deactivation)")
    escalation_reward: float = _p(
        2.0, 0.0, 5.0, "how strongly an answer that came only after escalating raises signal "
        "gain (hyperactivation)")
    rest_gain: float = _p(
        0.35, 0.0, 0.9, "signal gain a promptly and warmly answered infant settles to; gain "
        "above it is hyperactivation")
    hyper_onset: float = _p(
        0.05, 0.0, 0.5, "signal gain must exceed rest_gain by this much before it counts as "
        "hyperactivation (a little escalation now and then is ordinary)")
    hyper_span: float = _p(
        0.25, 0.05, 1.0, "signal gain this far beyond the onset counts as full hyperactivation "
        "(the scale of protest, helplessness and ambivalent clinging)")
    rebuff_push: float = _p(
        1.5, 0.0, 5.0, "how strongly a rebuff lowers signal gain (deactivation)")
    partial_reinforcement: float = _p(
        0.8, 0.0, 1.0, "how much learned volatility slows the unlearning of hyperactivation once "
        "quiet bids are answered: signalling that was rewarded intermittently resists "
        "extinction (the partial-reinforcement extinction effect; Humphreys 1939)")
    extinction: float = _p(
        0.1, 0.0, 2.0, "how strongly an unanswered occasion lowers signal gain (weak: "
        "intermittently rewarded signalling resists extinction)")
    learn_fear: float = _p(
        0.35, 0.001, 1.0, "how much one frightening response adds to fear of the caregiver "
        "(a large step: fear is learned from few events)")
    fear_decay: float = _p(
        0.004, 0.0, 0.2, "per-occasion fading of fear when nothing frightening happens")
    # --- the Strange Situation: arousal ---
    room_stress: float = _p(0.15, 0.0, 1.0, "stress of the unfamiliar room")
    stranger_stress: float = _p(0.15, 0.0, 1.0, "wariness of the stranger (more when near)")
    separation_stress: float = _p(
        0.25, 0.0, 1.5, "stress of the caregiver's absence (more unfamiliar separation: higher; "
        "Takahashi 1990)")
    alone_stress: float = _p(0.25, 0.0, 1.0, "extra stress of being alone")
    sensitisation: float = _p(
        0.15, 0.0, 2.0, "how much more stressful her absence is after the first separation: the "
        "separations' effects are cumulative (Ainsworth et al. 1978, ch. 5)")
    base_buffer: float = _p(
        0.6, 0.0, 1.0, "how much a trusted caregiver's presence buffers stress (secure base)")
    vigilance_stress: float = _p(
        0.3, 0.0, 1.0, "stress from uncertain availability: vigilance toward a caregiver who may "
        "vanish (Cassidy & Berlin 1994)")
    fear_stress: float = _p(
        0.5, 0.0, 2.0, "stress from a feared caregiver's nearness (Main & Hesse 1990)")
    arousal_rise: float = _p(0.05, 0.001, 1.0, "per-second approach of arousal to a higher stress")
    arousal_fall: float = _p(
        0.006, 0.0, 1.0, "per-second self-calming toward a lower stress (x 0.5 + soothability): "
        "slow, so that calming after separation comes mostly from contact, the haven")
    arousal_noise: float = _p(0.04, 0.0, 0.5, "per-second noise in arousal")
    soothe_rate: float = _p(0.035, 0.0, 0.5, "per-second soothing by the caregiver's contact")
    volatility_blunting: float = _p(
        0.75, 0.0, 1.0, "how much volatility makes contact less soothing (anger, Cassidy & "
        "Berlin 1994); low trust also makes it less reassuring")
    stranger_comfort: float = _p(0.5, 0.0, 1.0, "stranger's soothing relative to the caregiver's")
    # --- the Strange Situation: crying and frustration ---
    cry_floor: float = _p(0.05, 0.0, 1.0, "crying drive per unit arousal at zero signal gain")
    cry_gain: float = _p(
        1.35, 0.0, 3.0, "extra crying drive per unit arousal and unit signal gain: overt distress "
        "is not arousal (Sroufe & Waters 1977)")
    cry_onset: float = _p(
        0.08, 0.001, 1.0, "per-second build-up of crying toward its drive (crying starts with "
        "fussing and builds over seconds)")
    cry_settle: float = _p(0.05, 0.001, 1.0, "per-second settling of crying below its drive")
    cry_fuss: float = _p(0.4, 0.0, 2.0, "crying level at which a coder hears fussing")
    cry_hard: float = _p(0.56, 0.0, 2.0, "crying level at which a coder hears hard crying")
    cry_noise: float = _p(0.08, 0.0, 1.0, "second-to-second noise in what a coder hears")
    frustration_rise: float = _p(
        0.02, 0.0, 1.0, "per-second build-up of frustration while distressed and unmet (she is "
        "gone, out of reach, or putting the infant down)")
    frustration_fall: float = _p(
        0.03, 0.0, 1.0, "per-second fading of frustration in her soothing contact")
    # --- the Strange Situation: overt behaviour ---
    rebuff_threshold: float = _p(
        0.35, 0.0, 1.0, "expected rebuff at which approach gives way to deactivation: the pull "
        "to approach is a logistic switch, 1 / (1 + exp((rebuff - threshold) / steepness))")
    rebuff_steepness: float = _p(
        0.05, 0.01, 1.0, "how sharp that switch is (small: a strategy, large: a gradient)")
    greeting_weight: float = _p(
        1.5, 0.0, 20.0, "extra pull to greet or approach the caregiver while she enters and "
        "comes toward the infant (reunion salience), scaled by the pull to approach")
    displacement: float = _p(
        1.2, 0.0, 5.0, "deactivating infants' turning of attention to the toys when aroused in "
        "her presence (Main 1990)")
    alone_displacement: float = _p(
        0.5, 0.0, 1.0, "the same when she is gone, relative to her presence")
    avoid_weight: float = _p(
        1.5, 0.0, 5.0, "turning or moving away from an adult who makes an overture")
    resist_weight: float = _p(
        3.0, 0.0, 5.0, "angry resistance per unit of arousal x frustration x protest (the "
        "hyperactivated infant's anger at a figure it expects to reach)")
    passive_weight: float = _p(
        1.5, 0.0, 5.0, "passive resistance and helpless signalling per unit of arousal x "
        "helplessness")
    approach_weight: float = _p(1.5, 0.0, 5.0, "approach to the caregiver per unit of pull")
    explore_weight: float = _p(1.0, 0.0, 5.0, "exploration per unit of calm squared")
    explore_alone: float = _p(
        0.5, 0.0, 1.0, "exploration without the secure base present, relative to with it "
        "(Ainsworth et al. 1978, ch. 5: exploration declines in the separations)")
    vigilance_explore: float = _p(
        0.6, 0.0, 1.0, "how much vigilance holds exploration back (Cassidy & Berlin 1994)")
    distance_weight: float = _p(0.35, 0.0, 5.0, "smiling, showing toys from a distance")
    search_weight: float = _p(0.8, 0.0, 5.0, "going to the door in separations")
    lapse_weight: float = _p(
        0.5, 0.0, 5.0, "disorganized lapses per unit of arousal x fear in the caregiver's "
        "presence (graded: more fear, more lapses; Main & Hesse 1990)")
    conflict_weight: float = _p(
        0.8, 0.0, 5.0, "approaches broken off per unit of arousal where the pull to approach and "
        "the expectation of rebuff are balanced (approach-avoidance conflict, a route to D "
        "without frightening care; Main & Solomon 1990)")
    persistence: float = _p(4.0, 0.0, 20.0, "bout persistence: weight on continuing an action")
    decisiveness: float = _p(
        2.0, 0.5, 4.0, "exponent on the propensities before choosing (above 1: the strongest "
        "tendency wins more often; behaviour less noisy from one SSP to the next)")
    checkback: float = _p(0.12, 0.0, 1.0, "glances to the caregiver while exploring")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = check_number(f.name, getattr(self, f.name), f.metadata["low"],
                                 f.metadata["high"])
            object.__setattr__(self, f.name, value)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def describe(cls) -> list[dict[str, Any]]:
        """Name, default, range and meaning of every parameter (for docs and the CLI)."""
        return [
            {"name": f.name, "default": f.default, "low": f.metadata["low"],
             "high": f.metadata["high"], "doc": f.metadata["doc"]}
            for f in fields(cls)
        ]

    def with_changes(self, **changes: float) -> ModelParams:
        """A validated copy with some parameters changed; unknown names are refused."""
        unknown = set(changes) - set(self.names())
        if unknown:
            raise InputError(f"unknown model parameter(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT_PARAMS = ModelParams()
