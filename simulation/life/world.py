"""What happens to each person, year by year, before any learning: the life's schedule.

Care from the parents (the caregiving schedule, continued past infancy, and changed by negative
life events), an alternative support figure, romantic partners beginning and ending, therapy.
All of it is drawn from keyed draws per (person, purpose, year), vectorised over persons, so a
person's schedule is the same alone and in any cohort. Nothing here looks at the working model:
the model enters only where the person chooses a partner (in the compiled course).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import rng
from .draws import LifePurpose
from .params import LifeParams

#: Negative life events (the list of Waters et al. 2000 and Weinfield, Sroufe & Egeland 2000),
#: and how each changes the care the child receives while it lasts: multipliers of the parents'
#: responsiveness, consistency and warmth, and frightening care added. The sizes are
#: assumptions; their directions follow the cited findings.
EVENT_EFFECTS: dict[str, dict[str, float]] = {
    # bereavement takes the surviving family's availability (Bowlby 1980); one parent fewer after
    "loss": {"responsiveness": 0.5, "consistency": 0.7, "warmth": 1.0, "frightening": 0.0},
    # conflict, moves, a parent leaving: less and less predictable care (Hetherington 1989)
    "divorce": {"responsiveness": 0.75, "consistency": 0.6, "warmth": 1.0, "frightening": 0.0},
    # a parent absorbed by illness, or a child in hospital: separations (Bowlby 1973)
    "illness": {"responsiveness": 0.5, "consistency": 0.8, "warmth": 1.0, "frightening": 0.0},
    # parental depression: withdrawn, inconsistent, less warm care (Lyons-Ruth et al. 1990)
    "psychiatric": {"responsiveness": 0.6, "consistency": 0.6, "warmth": 0.7,
                    "frightening": 0.1},
    # abuse: the caregiver as a source of fear (Carlson et al. 1989; Main & Hesse 1990)
    "abuse": {"responsiveness": 0.9, "consistency": 0.8, "warmth": 0.3, "frightening": 0.6},
}
EVENTS = tuple(EVENT_EFFECTS)
#: Parental life events are drawn for childhood: years of age 1 to 17.
CHILDHOOD_END = 18
CARE = ("responsiveness", "consistency", "warmth", "frightening")


@dataclass
class LifeSchedule:
    """Per-year arrays for N persons; year ``y`` is age ``1 + y`` to ``2 + y`` years."""

    #: care received from the parents (4, years, N): responsiveness, consistency, warmth, fright
    parent: np.ndarray
    #: events (5, years, N) bool: which life event began in which year (:data:`EVENTS`)
    events: np.ndarray
    #: (years, N) bool: an alternative support figure is present
    alt_on: np.ndarray
    #: (3, N): the alternative figure's responsiveness, consistency and warmth
    alt: np.ndarray
    #: (years, N) int: the partner (1, 2, ...) in this year, 0 if single
    partner: np.ndarray
    #: (partners + 1, 4, N): bell variates (shared, responsiveness, consistency, warmth) of
    #: each partner (row k for partner k; row 0 unused)
    partner_z: np.ndarray
    #: (years, N) bool: in therapy
    therapy_on: np.ndarray

    @property
    def event_count(self) -> np.ndarray:
        return self.events.sum(axis=(0, 1)).astype(np.int64)


def _bell_z(u: np.ndarray, i: int) -> np.ndarray:
    """A bell variate of unit variance from three uniforms (as the populations draw)."""
    return (rng.bell(u[i], u[i + 1], u[i + 2]) - 0.5) * 6.0


def parent_care(base: np.ndarray, events: np.ndarray, q: LifeParams) -> np.ndarray:
    """The care received (4, years, N): the parents' care ``base`` changed by life events.

    An event changes the care fully for ``event_years`` from the year it begins, and a share
    ``event_residual`` of the change stays for good (one parent fewer, a single-parent home, a
    parent who does not recover); overlapping events compound.
    """
    care = base.copy()
    years = base.shape[1]
    span = int(q.event_years)
    for e, name in enumerate(EVENTS):
        onset = events[e]
        active = np.zeros_like(onset)
        for y in range(years):
            active[y] = onset[max(0, y - span + 1):y + 1].any(axis=0)
        after = (np.cumsum(onset, axis=0) > 0) & ~active
        effect = EVENT_EFFECTS[name]
        for c, key in enumerate(CARE[:3]):
            lasting = 1.0 - q.event_residual * (1.0 - effect[key])
            care[c] = np.where(active, care[c] * effect[key],
                               np.where(after, care[c] * lasting, care[c]))
        added = np.where(active, effect["frightening"],
                         np.where(after, q.event_residual * effect["frightening"], 0.0))
        care[3] = np.clip(care[3] + added, 0.0, 1.0)
    return care


def draw_events(keys: np.ndarray, years: int, q: LifeParams) -> np.ndarray:
    """Which negative life event begins in which year of childhood: (5, years, N) bool.

    Each event happens at most once (a second loss of the same parent cannot).
    """
    rates = [q.loss_rate, q.divorce_rate, q.illness_rate, q.psychiatric_rate, q.abuse_rate]
    out = np.zeros((len(EVENTS), years, keys.shape[0]), dtype=bool)
    for y in range(min(years, CHILDHOOD_END - 1)):
        u = rng.uniforms(keys, LifePurpose.EVENTS, y, len(EVENTS))
        for e, rate in enumerate(rates):
            out[e, y] = (u[e] < rate) & ~out[e, :y].any(axis=0)
    return out


def draw_alternative(keys: np.ndarray, years: int, q: LifeParams):
    """Whether (and in which years) an alternative support figure is present, and its care."""
    u = rng.uniforms(keys, LifePurpose.ALT_FIGURE, 0, 16)
    has = u[0] < q.alt_chance
    start = 2.0 + u[1] * 14.0  # from age 2 to 16 (a grandparent, a teacher, a mentor)
    age = 1.0 + np.arange(years, dtype=np.float64)[:, None]
    on = has[None, :] & (age >= np.floor(start)[None, :]) & (
        age < np.floor(start)[None, :] + q.alt_years)
    care = np.stack([np.clip(q.alt_care + 0.1 * _bell_z(u, 2 + 3 * k), 0.0, 1.0)
                     for k in range(3)])
    return on, care


def draw_partners(keys: np.ndarray, years: int, q: LifeParams):
    """Relationships beginning and ending, year by year: (years, N) partner numbers, and each
    partner's bell variates (partners + 1, 4, N)."""
    n = keys.shape[0]
    partner = np.zeros((years, n), dtype=np.int64)
    current = np.zeros(n, dtype=np.int64)
    count = np.zeros(n, dtype=np.int64)
    together = np.zeros(n, dtype=np.float64)
    for y in range(years):
        age = 1.0 + y
        u, _ = rng.uniform_pair(keys, LifePurpose.PARTNERS, y)
        ends = (current > 0) & (u < q.partner_end / (1.0 + together))
        current = np.where(ends, 0, current)
        together = np.where(current > 0, together + 1.0, 0.0)
        begins = (current == 0) & ~ends & (age >= q.partner_from) & (u < q.partner_start)
        count = count + begins
        current = np.where(begins, count, current)
        partner[y] = current
    most = int(count.max()) if n else 0
    z = np.zeros((most + 1, 4, n))
    for k in range(1, most + 1):
        u = rng.uniforms(keys, LifePurpose.PARTNER_CARE, k, 12)
        z[k] = np.stack([_bell_z(u, 3 * i) for i in range(4)])
    return partner, z


def drift(keys: np.ndarray, base: np.ndarray, q: LifeParams,
          enacted: np.ndarray | None = None) -> np.ndarray:
    """The parents' care after infancy drifting year by year around the caregiving schedule
    (responsiveness, consistency and warmth; frightening care does not drift): a first-order
    autoregression of persistence ``care_persistence`` and yearly change ``care_drift``.

    ``enacted`` (3, N): how the care the infant met in the home year deviated from the
    caregiver's parameters (:func:`simulation.rules.enacted.deviations`); the drift starts
    from its share ``enacted_persistence``, so the dyad's own deviation fades with the years
    while her trait stays (Fraley 2002: a stable factor plus change). None: the drift starts
    at the parameters.
    """
    care = base.copy()
    deviation = np.zeros((3, keys.shape[0]))
    if enacted is not None:
        deviation = q.enacted_persistence * np.asarray(enacted, dtype=np.float64)
    for y in range(base.shape[1]):
        u = rng.uniforms(keys, LifePurpose.CARE_DRIFT, y, 9)
        for c in range(3):
            deviation[c] = q.care_persistence * deviation[c] + q.care_drift * _bell_z(u, 3 * c)
        care[:3, y] = np.clip(base[:3, y] + deviation, 0.0, 1.0)
    return care


def schedule(keys: np.ndarray, base_care: np.ndarray, years: int, q: LifeParams,
             therapy_age: float | None = None,
             enacted: np.ndarray | None = None) -> LifeSchedule:
    """Every person's life schedule for ``years`` years after the first (ages 1 to 1 + years).

    ``base_care`` (4, years, N): the parents' care by the caregiving schedule, before events.
    ``therapy_age``: every person is in therapy from this age for ``therapy_years`` (None: no
    one is). ``enacted`` (3, N): the home year's deviation of enacted care, where the drift
    starts (see :func:`drift`).
    """
    n = keys.shape[0]
    events = draw_events(keys, years, q)
    alt_on, alt = draw_alternative(keys, years, q)
    partner, z = draw_partners(keys, years, q)
    age = 1.0 + np.arange(years, dtype=np.float64)
    if therapy_age is None:
        therapy = np.zeros((years, n), dtype=bool)
    else:
        mid = age + 0.5
        inside = (mid >= therapy_age) & (mid < therapy_age + max(q.therapy_years, 1.0))
        therapy = np.repeat(inside[:, None], n, axis=1)
    care = parent_care(drift(keys, base_care, q, enacted), events, q)
    return LifeSchedule(care, events, alt_on, alt, partner, z, therapy)
