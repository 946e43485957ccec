"""The life course after the home year: occasions of need at every age, compiled.

Each occasion of need is the home year's (:mod:`simulation.life.borrowed`): the person signals
with the gain learned in the relationship with whoever answers; that figure attends or not, may
rebuff or frighten; the relationship's own working model learns from what happened, and so does
the person's *general* model (Bowlby 1973; Collins & Read 1994), each at its own plasticity.

- Relationship models: the parents' continues from the home year; every new relationship (an
  alternative figure, a partner, a therapist) starts from a declared mix of the general model
  and the population's starting point (``seed_general``); its plasticity falls with the months
  into the relationship, as the infant's does with age, down to ``relationship_floor``.
- The general model: revised by every relationship, its plasticity falling with age toward
  ``general_floor`` (never zero). With ``prototype_weight`` above 0 a share of it is the
  prototype laid down in infancy, which no later experience revises (Fraley 2002's prototype
  model; 0 gives pure revision).
- Who answers: a therapist (during therapy), a partner (adults with one), an alternative figure
  (while present), otherwise the parents (Hazan & Zeifman 1994: partners take over attachment
  functions from parents).
- Choice of partner: the partner's care is drawn from the partner population, shifted by the
  general model's expected availability (``assortative``): an assumption, stated.

Draws are keyed per (person, purpose, occasion), so a person's life is the same alone and in any
cohort; persons never interact. Arithmetic is float64, as in the home year.
"""

from __future__ import annotations

import numpy as np

from .. import rng
from .borrowed import (
    LEARNER,
    attention,
    breakthrough_chance,
    kernel,
    learn,
    next_preoccupied,
    occasion_outcome,
    plasticity,
    preoccupied_share,
)
from .draws import LifePurpose

#: The figures who answer occasions, in the order of the model rows.
FIGURES = ("parents", "alternative", "partner", "therapist")
PARENTS, ALTERNATIVE, PARTNER, THERAPIST = 0, 1, 2, 3
N_LEARNER = len(LEARNER)
#: The purposes of the course's draws, passed to :func:`life_course` as an argument (numba's
#: cache of this module is keyed by its own source only, so it must not freeze another
#: module's constants).
PURPOSES = np.array([LifePurpose.RESPONSE, LifePurpose.WHO, LifePurpose.PREOCCUPATION],
                    dtype=np.int64)
#: The population's starting point (the learner before any experience; the home year's).
TRUST, FAST, SLOW, VOL, REBUFF, GAIN, FEAR, PAID, HELPLESS = range(N_LEARNER)


@kernel
def effective_general(general, core, q, out) -> None:
    """The general model as read and carried: the prototype's share and the revisable rest."""
    w = q.prototype_weight
    for k in range(N_LEARNER):
        out[k] = w * core[k] + (1.0 - w) * general[k]


@kernel
def seed_relationship(general_now, start, q, out) -> None:
    """A new relationship's starting model: ``seed_general`` of the general model, the rest
    the population's starting point (Collins & Read 1994)."""
    w = q.seed_general
    for k in range(N_LEARNER):
        out[k] = w * general_now[k] + (1.0 - w) * start[k]


@kernel
def general_plasticity(age_months: float, q) -> float:
    """How much an occasion still changes the general model at this age: falling with age as
    the home year's plasticity does, toward a floor above zero (Fraley 2002: change remains
    possible)."""
    young = 1.0 / (1.0 + age_months / q.general_consolidation_months)
    return q.general_floor + (1.0 - q.general_floor) * young


@kernel
def relationship_plasticity(months: float, p, q) -> float:
    """Plasticity of a relationship's own model, by the months into it (the home year's rule,
    with a floor)."""
    return max(plasticity(months, p), q.relationship_floor)


@kernel
def partner_care(z, trust: float, q, out) -> None:
    """A partner's responsiveness, consistency and warmth from the partner population, shifted
    by the chooser's expected availability (``assortative``; 0.45 is about the population's
    mean trust at 12 months)."""
    rho = 0.4
    own = np.sqrt(1.0 - rho * rho)
    shift = q.assortative * (trust - 0.45)
    for k in range(3):
        value = q.partner_mean + q.partner_sd * (rho * z[0] + own * z[k + 1]) + shift
        out[k] = min(max(value, 0.0), 1.0)


@kernel(inline=False)
def life_course(keys, purposes, reactivity, params, life, occasions, parent, alt_on, alt,
                partner, partner_z, therapy_on, start, initial, snap_of_year, general_out,
                relation_out, snaps_general, snaps_parent, partner_out, counts, lo,
                hi) -> None:
    """Run the life course of persons ``lo .. hi - 1`` (in place on the outputs).

    ``purposes``: :data:`PURPOSES`. ``occasions[y]``: occasions of need in year ``y`` (age ``1 +
    y``). ``parent`` (4, years, N) the care received from the parents; ``alt_on`` / ``partner``
    / ``therapy_on`` (years, N) the schedule; ``alt`` (3, N); ``partner_z`` (partners + 1, 4,
    N). ``start`` (7, N): the working model of the parents at 12 months (also the general
    model's and the prototype's start); ``initial`` (7,) the population's starting point.
    ``snap_of_year[y]``: index of the snapshot taken at the end of year ``y`` (-1: none).
    Outputs: ``general_out`` (7, N) the effective general model at the end; ``relation_out`` (7,
    N) the model of the last partner (or, for a single person, the model a new relationship
    would start from); ``snaps_general`` and ``snaps_parent`` (snapshots, 7, N); ``partner_out``
    (partners + 1, 3, N) each partner's care; ``counts`` (4, N) occasions answered by each
    figure.
    """
    p = params[()]
    q = life[()]
    years = occasions.shape[0]
    p_response, p_who, p_preoccupation = purposes[0], purposes[1], purposes[2]
    models = np.empty((4, N_LEARNER))
    general = np.empty(N_LEARNER)
    core = np.empty(N_LEARNER)
    eff = np.empty(N_LEARNER)
    care = np.empty((4, 4))  # per figure: responsiveness, consistency, warmth, frightening
    months_in = np.zeros(4)
    preoccupied = np.zeros(4, dtype=np.bool_)
    step_alt = np.empty(3)
    fresh = np.empty(N_LEARNER)
    for i in range(lo, hi):
        key = keys[i]
        for k in range(N_LEARNER):
            models[PARENTS, k] = start[k, i]
            general[k] = start[k, i]
            core[k] = start[k, i]
        months_in[:] = 0.0
        months_in[PARENTS] = 12.0
        preoccupied[:] = False
        care[THERAPIST, 0] = q.therapy_care
        care[THERAPIST, 1] = q.therapy_care
        care[THERAPIST, 2] = q.therapy_care
        care[THERAPIST, 3] = 0.0
        for k in range(3):
            care[ALTERNATIVE, k] = alt[k, i]
        care[ALTERNATIVE, 3] = 0.0
        for k in range(4):  # no partner yet (nothing carried over from the previous person)
            care[PARTNER, k] = 0.0
        j = 0  # occasion counter over the whole life (the draws' step)
        for y in range(years):
            for k in range(4):
                care[PARENTS, k] = parent[k, y, i]
            effective_general(general, core, q, eff)
            begins_alt = alt_on[y, i] and (y == 0 or not alt_on[y - 1, i])
            if begins_alt:
                seed_relationship(eff, initial, q, models[ALTERNATIVE])
                months_in[ALTERNATIVE] = 0.0
                preoccupied[ALTERNATIVE] = False
            k_partner = partner[y, i]
            if k_partner > 0 and (y == 0 or partner[y - 1, i] != k_partner):
                seed_relationship(eff, initial, q, models[PARTNER])
                months_in[PARTNER] = 0.0
                preoccupied[PARTNER] = False
                partner_care(partner_z[k_partner, :, i], eff[TRUST], q, step_alt)
                for k in range(3):
                    care[PARTNER, k] = step_alt[k]
                    partner_out[k_partner, k, i] = step_alt[k]
            if therapy_on[y, i] and (y == 0 or not therapy_on[y - 1, i]):
                seed_relationship(eff, initial, q, models[THERAPIST])
                months_in[THERAPIST] = 0.0
                preoccupied[THERAPIST] = False
            t_share = q.therapy_share if therapy_on[y, i] else 0.0
            r_share = q.partner_share if k_partner > 0 else 0.0
            a_share = q.alt_share if alt_on[y, i] else 0.0
            cut_t = t_share
            cut_r = cut_t + (1.0 - t_share) * r_share
            cut_a = cut_r + (1.0 - t_share) * (1.0 - r_share) * a_share
            n_occ = occasions[y]
            for o in range(n_occ):
                into_year = (o + 0.5) / n_occ * 12.0
                age_months = 12.0 * (1.0 + y) + into_year
                u_r1, u_r2, u_r3, u_rebuff = rng.quad_one(key, p_response, j)
                u_fright, u_who, u_s0, u_s1 = rng.quad_one(key, p_who, j)
                u_s2, u_s3, _, _ = rng.quad_one(key, p_preoccupation, j)
                j += 1
                for f in range(4):
                    u_sw = u_s0 if f == 0 else (u_s1 if f == 1 else (u_s2 if f == 2 else u_s3))
                    preoccupied[f] = next_preoccupied(
                        preoccupied[f], preoccupied_share(care[f, 0], care[f, 1]), u_sw, p)
                if u_who < cut_t:
                    f = THERAPIST
                elif u_who < cut_r:
                    f = PARTNER
                elif u_who < cut_a:
                    f = ALTERNATIVE
                else:
                    f = PARENTS
                r, cons = care[f, 0], care[f, 1]
                attending = attention(preoccupied[f], r, cons)
                reach = breakthrough_chance(preoccupied[f], cons, p)
                answered, rebuffed, frightened = occasion_outcome(
                    attending, reach, care[f, 2], care[f, 3], models[f, GAIN], reactivity[i],
                    (u_r1, u_r2, u_r3), u_rebuff, u_fright, p)
                counts[f, i] += 1.0
                rel_plastic = relationship_plasticity(months_in[f] + into_year, p, q)
                learn(models[f], answered, rebuffed, frightened, rel_plastic, p)
                g_plastic = general_plasticity(age_months, q)
                if f == THERAPIST:  # therapy works on the general model explicitly
                    g_plastic = min(g_plastic * q.therapy_reflection, 1.0)
                learn(general, answered, rebuffed, frightened, g_plastic, p)
            for f in range(4):
                months_in[f] += 12.0
            s = snap_of_year[y]
            if s >= 0:
                effective_general(general, core, q, eff)
                for k in range(N_LEARNER):
                    snaps_general[s, k, i] = eff[k]
                    snaps_parent[s, k, i] = models[PARENTS, k]
        effective_general(general, core, q, eff)
        single = years == 0 or partner[years - 1, i] == 0
        seed_relationship(eff, initial, q, fresh)
        for k in range(N_LEARNER):
            general_out[k, i] = eff[k]
            relation_out[k, i] = fresh[k] if single else models[PARTNER, k]
