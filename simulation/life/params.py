"""The life course's parameters, in one place: each with its range, meaning and source.

These are the constants of the life after the home year (docs/ODD.md, "The life course"). Where
the literature gives a figure the source is named; where it is silent the value is an assumption
and says so. Rates are per year; shares are of occasions of need.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np

from ..inputs import InputError, check_number


def _p(default: float, low: float, high: float, doc: str, source: str) -> Any:
    return field(default=default, metadata={"low": low, "high": high, "doc": doc,
                                            "source": source})


ASSUMED = "assumed (the literature gives no figure)"


@dataclass(frozen=True)
class LifeParams:
    """Constants of the life course from 12 months to adulthood."""

    # --- occasions of need: fewer with age, and different in kind ---
    occasions_toddler: float = _p(
        25, 1, 100, "occasions of need per month from 1 to 3 years (falls, fears, fatigue, "
        "separations at day care)", ASSUMED + "; fewer than the home year's 50 as distress "
        "regulation grows (Kopp 1989)")
    occasions_child: float = _p(
        12, 1, 100, "occasions per month from 3 to 12 years (hurt, illness, fears, school "
        "trouble)", ASSUMED)
    occasions_adolescent: float = _p(
        6, 1, 100, "occasions per month from 12 to 18 years (stress, conflict, rejection)",
        ASSUMED)
    occasions_adult: float = _p(
        4, 1, 100, "occasions per month from 18 years (illness, loss, work and relationship "
        "stress) in which the adult turns to an attachment figure", ASSUMED)
    # --- the two levels of working model ---
    general_floor: float = _p(
        0.04, 0.0, 1.0, "the general model's plasticity floor: its learning rate (relative to "
        "birth) never falls below this (working models stay open to revision; Bowlby 1973)",
        ASSUMED + "; sized so that change in adulthood takes years")
    general_consolidation_months: float = _p(
        1.5, 0.5, 600.0, "age (months) at which the general model's plasticity has halved "
        "(above the floor); the home year's consolidation by default", "as the home year")
    relationship_floor: float = _p(
        0.005, 0.0, 1.0, "plasticity floor of a relationship's own model (months into the "
        "relationship set its consolidation, as the home year's age does)", ASSUMED)
    seed_general: float = _p(
        0.7, 0.0, 1.0, "weight of the general model in a new relationship's starting model "
        "(the rest is the population's starting point): expectations carried into a new "
        "relationship (Collins & Read 1994; Bretherton & Munholland 1999)", ASSUMED)
    prototype_weight: float = _p(
        0.25, 0.0, 1.0, "share of the general model that is the lasting prototype laid down "
        "in infancy (0: pure revision, continuity decays toward zero with the interval; above "
        "0: it plateaus; Fraley 2002)", "Fraley 2002 favoured a prototype; its size is assumed")
    # --- who answers an occasion ---
    alt_share: float = _p(
        0.25, 0.0, 1.0, "share of occasions an alternative support figure answers while "
        "present", ASSUMED)
    partner_share: float = _p(
        0.6, 0.0, 1.0, "share of an adult's occasions a romantic partner answers (partners "
        "take over attachment functions from parents; Hazan & Zeifman 1994)", ASSUMED)
    therapy_share: float = _p(
        0.15, 0.0, 1.0, "share of occasions the therapist answers during therapy (weekly "
        "sessions among the week's occasions)", ASSUMED)
    # --- the parents' care after infancy ---
    care_drift: float = _p(
        0.2, 0.0, 0.3, "sd of the yearly change of the parents' responsiveness, consistency "
        "and warmth (a first-order autoregression with care_persistence), so that security at "
        "3 and later depends on the care then and continuity falls with the interval: with the "
        "global population and enacted care the sensitivity met at 1 and at 4 years "
        "correlates about .45, at 1 and 19 about .28; the care is kept on [0, 1], and about a "
        "fifth of the children meet care at an end of the scale by 10 (a limit of the "
        "additive drift)", ASSUMED + "; observed maternal sensitivity correlates about .4-.5 "
        "across early childhood (NICHD Early Child Care Research Network), which includes "
        "measurement error; raised from 0.1 with the continuity checks in view (in sample)")
    enacted_persistence: float = _p(
        0.3, 0.0, 1.0, "share of the home year's enacted-care deviation (the dyad's fit and "
        "circumstances, simulation.rules.enacted) where the drift of the parents' care starts "
        "after infancy: the rest was the first year's circumstances, which change", ASSUMED +
        "; set with the early-childhood stability (Opie et al. 2021) and the fall of "
        "continuity with the interval in view (in sample)")
    care_persistence: float = _p(
        0.9, 0.0, 1.0, "year-to-year persistence of the parents' change of care", ASSUMED)
    # --- negative life events (per year of childhood, ages 1-17) ---
    loss_rate: float = _p(
        0.003, 0.0, 0.2, "loss of a parent (death) per year of childhood: about 5% by 18",
        "US estimates of parental death before 18 (about 5%); Waters et al. 2000 list")
    divorce_rate: float = _p(
        0.02, 0.0, 0.2, "parental divorce per year of childhood (about 30% by 18)",
        "US census-era estimates; Waters et al. 2000, Weinfield et al. 2000 list")
    illness_rate: float = _p(
        0.008, 0.0, 0.2, "life-threatening illness of a parent or the child per year",
        ASSUMED + " (Waters et al. 2000 list)")
    psychiatric_rate: float = _p(
        0.01, 0.0, 0.2, "onset of a parental psychiatric disorder (depression, most often) per "
        "year", ASSUMED + " (Waters et al. 2000 list)")
    abuse_rate: float = _p(
        0.006, 0.0, 0.2, "onset of physical or sexual abuse per year of childhood (about 10% "
        "by 18)", "maltreatment prevalence of the order of 10%; Weinfield et al. 2000 list")
    event_years: float = _p(
        2, 1, 10, "years a life event changes the care received (divorce, illness, "
        "disorder and abuse; a loss changes it for good)", ASSUMED)
    event_residual: float = _p(
        0.5, 0.0, 1.0, "share of a life event's change in care that stays for good (one parent "
        "fewer, a single-parent home, a parent who does not recover): events that change the "
        "family's circumstances predicted change in security 20 years on (Waters et al. 2000)",
        ASSUMED)
    # --- alternative support figures (Saunders et al. 2011) ---
    alt_chance: float = _p(
        0.3, 0.0, 1.0, "chance that a child has an alternative support figure (a grandparent, "
        "a teacher, a mentor) for some years", ASSUMED + "; Saunders et al. 2011 found them "
        "in earned-secure adults' histories")
    alt_years: float = _p(4, 1, 15, "years an alternative figure is present", ASSUMED)
    alt_care: float = _p(
        0.75, 0.0, 1.0, "mean responsiveness, consistency and warmth of alternative figures "
        "(sd 0.1)", ASSUMED)
    # --- romantic partners from adolescence ---
    partner_from: float = _p(
        16, 12, 30, "age (years) from which romantic relationships begin", ASSUMED)
    partner_start: float = _p(
        0.35, 0.0, 1.0, "chance per year that a single person begins a relationship", ASSUMED)
    partner_end: float = _p(
        0.35, 0.0, 1.0, "chance that a relationship ends in its first year; it falls as "
        "1 / (1 + years together)", ASSUMED)
    partner_mean: float = _p(
        0.6, 0.0, 1.0, "mean responsiveness, consistency and warmth of partners (sd "
        "partner_sd, correlated through a shared factor 0.4)", ASSUMED)
    partner_sd: float = _p(0.15, 0.0, 0.5, "spread of partners' care", ASSUMED)
    assortative: float = _p(
        0.2, 0.0, 1.0, "how much one's general model shifts the care of the partner one "
        "chooses (trusting people choose, and keep, more responsive partners): weak, as "
        "the evidence for choice by attachment style is mixed (Holmes & Johnson 2009)",
        ASSUMED)
    # --- therapy (optional) ---
    therapy_years: float = _p(
        1, 0.25, 5, "how long therapy lasts (years)", "typical length of the treatments "
        "reviewed by Taylor et al. 2015")
    therapy_reflection: float = _p(
        12, 1, 30, "how many times more an occasion with the therapist revises the general "
        "model than one with another figure: therapy works on expectations of others "
        "explicitly. Sized, when the self-report read the general model alone, so that a "
        "year of therapy lowered anxious adults' ECR anxiety by about a third of a standard "
        "deviation; with the romantic reading and the temperament it lowers it by about 0.4, "
        "most of it through negative emotionality (therapy_emotionality)",
        "assumed; reviews find attachment anxiety falling during therapy in most studies, "
        "without a pooled size (Taylor et al. 2015)")
    therapy_emotionality: float = _p(
        0.075, 0.0, 0.5, "how much a course of therapy lowers negative emotionality (on the "
        "reactivity scale, whose sd is 0.15) and with it the temperament's part of "
        "self-reported anxiety (ecr_temperament): about half a standard deviation",
        "Roberts et al. 2017 (meta-analysis: interventions, most of them therapy, raised "
        "emotional stability by about half a standard deviation)")
    therapy_care: float = _p(
        0.9, 0.0, 1.0, "the therapist's responsiveness, consistency and warmth: a consistently "
        "responsive figure", ASSUMED)
    # --- the adult's self-report and the measures of each age ---
    measure_steepness: float = _p(
        0.08, 0.01, 1.0, "steepness of expected rebuff's effect on reported avoidance around "
        "the infant's rebuff threshold", ASSUMED)
    ecr_error: float = _p(
        0.45, 0.0, 2.0, "measurement error (sd, 1-7 points) of the ECR scales: test-retest "
        "about .70-.90 (Brennan, Clark & Shaver 1998; Fraley et al. 2011)",
        "Brennan et al. 1998; Fraley et al. 2011")
    ecr_romantic: float = _p(
        0.5, 0.0, 1.0, "share of the romantic model in what the self-report reads (the current "
        "partner's relationship model, or for a single adult the model a new relationship "
        "would start from); the rest is the general model. The ECR asks how one experiences "
        "romantic relationships, the Adult Attachment Interview about one's parents: the "
        "domains differ, one reason the two barely relate (Roisman et al. 2007)",
        ASSUMED + "; the ECR's instructions ask about romantic relationships in general, not "
        "only the current one (Brennan, Clark & Shaver 1998), hence not 1")
    ecr_temperament: float = _p(
        0.5, 0.0, 1.0, "share of the person's negative emotionality (the temperamental "
        "reactivity, carried from infancy) in self-reported attachment anxiety; the rest reads "
        "the working model. Self-reported anxiety correlates about .4-.5 with neuroticism "
        "(Noftle & Shaver 2006) and self-reports relate to neuroticism where the interview "
        "does not (Roisman et al. 2007)", "Noftle & Shaver 2006; Roisman et al. 2007; the "
        "weight is assumed: at 0.5 reported anxiety correlates about .6 with the (error-free) "
        "reactivity, an observed .5 between two scales of reliability .85-.9")
    child_measure_error: float = _p(
        0.12, 0.0, 1.0, "error (sd, 0-1 scale) of the childhood measures (Cassidy-Marvin at "
        "3, Main-Cassidy at 6, Kerns' security scale at 12)", ASSUMED + "; their "
        "test-retest agreement is moderate")
    aai_error: float = _p(
        0.10, 0.0, 1.0, "error (sd, 0-1 scale) of the Adult Attachment Interview's secure "
        "reading (ages 18, 25, 30)", ASSUMED + "; AAI stability about 78-90% (Bakermans-"
        "Kranenburg & van IJzendoorn 1993)")
    aai_general: float = _p(
        0.5, 0.0, 1.0, "share of the general model in what the Adult Attachment Interview's "
        "secure reading reads; the rest is the model of the parents (the interview asks about "
        "childhood with the parents)", ASSUMED)
    # --- the intergenerational loop ---
    parent_age: float = _p(
        28, 18, 30, "age (years) at which the person raises the child (--child): the care "
        "follows from the general model at this age", "mean age at first birth, about 27-29")
    state_of_mind_care: float = _p(
        0.6, 0.0, 1.0, "loading of the parent's state of mind (the model the interview reads, "
        "at parent_age) on the shared part of the deviation of the care the child meets at "
        "home from the parent's rated care (simulation.rules.enacted): what a sensitivity "
        "rating misses of how a parent relates to her infant (attitude, mutuality, how she "
        "perceives and thinks of the infant) follows partly from her working model, so "
        "the enacted care of an autonomous parent is better than her rating, of a "
        "dismissing or preoccupied parent worse (0: the deviation is independent of the "
        "parent). The loading mixes the state of mind's term with the dyad's own draw, so "
        "the deviation keeps its spread",
        "van IJzendoorn 1995 (the transmission gap: sensitivity carries about a quarter of "
        "it); Verhage et al. 2016; Slade et al. 2005 and Meins et al. 2001 (the parent's "
        "reflective functioning and mind-mindedness predict security beyond sensitivity); the "
        "size is assumed, set with the transmission check in view (in sample): with the "
        "global population's lives r = .14 at 0, .23 at 0.3, .28 at 0.5, .32 at 0.6, with "
        "sensitivity carrying 49%, 32%, 30% and 27% of it")
    care_noise: float = _p(
        0.12, 0.0, 0.5, "sd of what else, beyond the general model, sets the person's care "
        "(temperament, circumstances, culture)", ASSUMED + "; sized so that sensitivity "
        "carries only part of transmission (van IJzendoorn 1995)")

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
        """Name, default, range, meaning and source of every parameter (for the ODD)."""
        return [{"name": f.name, "default": f.default, "low": f.metadata["low"],
                 "high": f.metadata["high"], "doc": f.metadata["doc"],
                 "source": f.metadata["source"]} for f in fields(cls)]

    def with_changes(self, **changes: float) -> LifeParams:
        """A validated copy with some parameters changed; unknown names are refused."""
        unknown = set(changes) - set(self.names())
        if unknown:
            raise InputError(f"unknown life-course parameter(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


#: The constants the compiled life course reads (float64), as one record.
LIFE_RECORD = np.dtype([(name, np.float64) for name in LifeParams.names()])


def life_record(q: LifeParams) -> np.ndarray:
    """``q`` as one :data:`LIFE_RECORD` (a 0-d structured array)."""
    out = np.zeros((), dtype=LIFE_RECORD)
    for name in LIFE_RECORD.names:
        out[name] = getattr(q, name)
    return out
