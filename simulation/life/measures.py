"""Measures of attachment after infancy, each from what it measures, with its own error.

- Self-report (ECR; Brennan, Clark & Shaver 1998): attachment anxiety and avoidance on 1-7 are
  a conscious self-description of *romantic* relationships, with declared measurement error. It
  reads the romantic model (the current partner's relationship model; for a single adult the
  model a new relationship would start from) mixed with the general model (``ecr_romantic``),
  and reported anxiety also carries the person's negative emotionality, here the temperamental
  reactivity (``ecr_temperament``; self-reported anxiety correlates with neuroticism, the
  interview does not: Noftle & Shaver 2006; Roisman et al. 2007). Anxiety reads
  hyperactivation (signal gain above rest), low expected availability and volatility; avoidance
  reads expected rebuff and deactivation (Mikulincer & Shaver 2007: the two dimensions as hyper-
  and deactivating strategies). The four categories of Bartholomew & Horowitz (1991) split the
  two scales at their midpoint (4); the three of Hazan & Shaver (1987) take the secure quadrant
  as secure and otherwise the larger of the two scales.
- Security in childhood reads the model of the parents (the measures of those ages are about
  the parents): the Cassidy-Marvin preschool procedure at 3, the Main-Cassidy reunion at 6, Kerns'
  security scale at 12, each with its error. In adulthood (18, 25, 30) the Adult Attachment
  Interview's state of mind about the parents reads both the model of the parents and the general
  model. It shares with the self-report only what the general model puts into the romantic one:
  the interview is about the parents and codes the discourse, the self-report is about partners
  and is a self-description, and the two are barely related (Roisman et al. 2007: r about .1).
"""

from __future__ import annotations

import numpy as np

from .. import rng
from ..params import ModelParams
from .draws import LifePurpose
from .params import LifeParams

#: The two self-report categorisations: Bartholomew & Horowitz's four (with the names popular
#: accounts use) and Hazan & Shaver's three.
STYLES = ("secure", "preoccupied", "dismissing", "fearful")
POPULAR_NAMES = {"secure": "secure", "preoccupied": "anxious-preoccupied",
                 "dismissing": "dismissive-avoidant", "fearful": "fearful-avoidant"}
STYLES3 = ("secure", "avoidant", "anxious")
#: The ages security is reported at, and the measure each stands for.
SECURITY_AGES: dict[int, str] = {
    1: "Strange Situation (the coded classification, B)",
    3: "Cassidy-Marvin preschool procedure (model of the parents)",
    6: "Main-Cassidy reunion procedure (model of the parents)",
    12: "Kerns security scale (model of the parents)",
    18: "Adult Attachment Interview (parents and general model)",
    25: "Adult Attachment Interview (parents and general model)",
    30: "Adult Attachment Interview (parents and general model)",
}
#: Rows of a model (:data:`simulation.life.borrowed.LEARNER`).
TRUST, REBUFF, GAIN, VOL = 0, 4, 5, 3
#: Measurement streams (the step of :data:`LifePurpose.MEASURES`).
_ECR, _AGE = 0, 10


def dimensions(model: np.ndarray, p: ModelParams, q: LifeParams) -> tuple[np.ndarray, ...]:
    """Latent anxiety and avoidance on [0, 1] of working models ``model`` (7, N).

    Hyperactivation counts from ``rest_gain + hyper_onset`` over ``hyper_span`` (the infant's
    definitions); avoidance rises around the rebuff threshold at which the infant's approach
    gives way (``rebuff_threshold``) and with deactivation (gain below rest).
    """
    volatility = np.clip(model[VOL] / p.volatility_scale, 0.0, 1.0)
    gain = model[GAIN]
    hyper = np.clip((gain - p.rest_gain - p.hyper_onset) / p.hyper_span, 0.0, 1.0)
    deact = np.clip((p.rest_gain - gain) / p.rest_gain, 0.0, 1.0)
    anxiety = 0.5 * hyper + 0.5 * (1.0 - model[TRUST]) + 0.3 * volatility
    rebuff = 1.0 / (1.0 + np.exp(-(model[REBUFF] - p.rebuff_threshold) / q.measure_steepness))
    avoidance = 0.8 * rebuff + 0.2 * deact
    return np.clip(anxiety, 0.0, 1.0), np.clip(avoidance, 0.0, 1.0)


def _normal(keys: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray]:
    """Two standard-normal-like errors per person (bell variates of unit variance)."""
    u = rng.uniforms(keys, LifePurpose.MEASURES, step, 6)
    return ((rng.bell(u[0], u[1], u[2]) - 0.5) * 6.0, (rng.bell(u[3], u[4], u[5]) - 0.5) * 6.0)


def romantic_reading(general: np.ndarray, relation: np.ndarray, q: LifeParams) -> np.ndarray:
    """The model a self-report of romantic attachment reads: ``ecr_romantic`` of the romantic
    model ``relation``, the rest the general model (both (7, N))."""
    return q.ecr_romantic * relation + (1.0 - q.ecr_romantic) * general


def emotionality(reactivity: np.ndarray, therapy_courses: np.ndarray, q: LifeParams
                 ) -> np.ndarray:
    """Negative emotionality in adulthood: the temperamental reactivity, lowered by
    ``therapy_emotionality`` for each course of therapy received (``therapy_courses``, 0-1:
    the share of a course of ``therapy_years`` behind the person; Roberts et al. 2017)."""
    courses = np.clip(np.asarray(therapy_courses, dtype=np.float64), 0.0, 1.0)
    return np.clip(np.asarray(reactivity, dtype=np.float64) - q.therapy_emotionality * courses,
                   0.0, 1.0)


def ecr(general: np.ndarray, relation: np.ndarray, reactivity: np.ndarray,
        therapy_courses: np.ndarray, keys: np.ndarray, p: ModelParams, q: LifeParams):
    """ECR-style anxiety and avoidance (1-7) with error: read from the romantic and general
    models (:func:`romantic_reading`); reported anxiety is ``ecr_temperament`` the person's
    negative emotionality (:func:`emotionality`; Noftle & Shaver 2006), the rest the model's."""
    anxiety, avoidance = dimensions(romantic_reading(general, relation, q), p, q)
    w = q.ecr_temperament
    anxiety = (1.0 - w) * anxiety + w * emotionality(reactivity, therapy_courses, q)
    e1, e2 = _normal(keys, _ECR)
    return (np.clip(1.0 + 6.0 * anxiety + q.ecr_error * e1, 1.0, 7.0),
            np.clip(1.0 + 6.0 * avoidance + q.ecr_error * e2, 1.0, 7.0))


def four_styles(anxiety: np.ndarray, avoidance: np.ndarray) -> np.ndarray:
    """Bartholomew & Horowitz's four categories from the two scales, split at 4."""
    high_anx, high_avo = anxiety >= 4.0, avoidance >= 4.0
    out = np.where(high_anx, np.where(high_avo, "fearful", "preoccupied"),
                   np.where(high_avo, "dismissing", "secure"))
    return out.astype(object)


def three_styles(anxiety: np.ndarray, avoidance: np.ndarray) -> np.ndarray:
    """Hazan & Shaver's three: secure below 4 on both, else the larger scale's style."""
    secure = (anxiety < 4.0) & (avoidance < 4.0)
    out = np.where(secure, "secure", np.where(anxiety > avoidance, "anxious", "avoidant"))
    return out.astype(object)


def secure_reading(model: np.ndarray, keys: np.ndarray, age: int, error: float,
                   p: ModelParams, q: LifeParams) -> np.ndarray:
    """Whether a measure of ``age`` reads a model as secure: both latent dimensions, each with
    the measure's error, below the midpoint."""
    anxiety, avoidance = dimensions(model, p, q)
    e1, e2 = _normal(keys, _AGE + age)
    return ((anxiety + error * e1 < 0.5) & (avoidance + error * e2 < 0.5)).astype(np.int8)


def interview_model(parent: np.ndarray, general: np.ndarray, q: LifeParams) -> np.ndarray:
    """The model the Adult Attachment Interview reads, the adult's state of mind with respect to
    attachment: ``aai_general`` of the general model, the rest the model of the parents (both
    (7, N))."""
    return (1.0 - q.aai_general) * parent + q.aai_general * general


def secure_margin(model: np.ndarray, p: ModelParams, q: LifeParams) -> np.ndarray:
    """How far inside the secure region a model is: 0.5 minus the larger of its latent anxiety
    and avoidance (above 0: read as secure without error, as :func:`secure_reading` reads)."""
    anxiety, avoidance = dimensions(model, p, q)
    return 0.5 - np.maximum(anxiety, avoidance)


def security_at_ages(snaps_parent: np.ndarray, snaps_general: np.ndarray, ages: list[int],
                     keys: np.ndarray, p: ModelParams, q: LifeParams) -> dict[int, np.ndarray]:
    """Security (0/1) at each age after 1, from the snapshot of that age (see the module)."""
    out = {}
    for s, age in enumerate(ages):
        if age < 18:
            out[age] = secure_reading(snaps_parent[s], keys, age, q.child_measure_error, p, q)
        else:
            out[age] = secure_reading(interview_model(snaps_parent[s], snaps_general[s], q),
                                      keys, age, q.aai_error, p, q)
    return out
