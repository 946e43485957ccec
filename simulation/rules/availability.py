"""The caregiver's availability at home, and her periods of preoccupation.

Consistency is the predictability of availability, separate from its mean: an inconsistent
caregiver alternates attuned periods and periods of preoccupation lasting days (Ainsworth et al.
1978: mothers of ambivalent infants inconsistently available). Preoccupied, she attends only to
escalated signals, so escalation pays intermittently. Life events (illness, a new sibling,
family stress) take her availability for weeks at unforeseeable times (Vaughn, Egeland, Sroufe &
Waters 1979); with communal sleeping, occasions at night reach only the night watch.

Words: she is "preoccupied" (present but unavailable) or "attuned"; a "lapse" is only the
infant's disorganized lapse in the Strange Situation (:mod:`simulation.rules.disorganized`), and
a "spell" only a period of a caregiving history (:mod:`simulation.caregiving`).
"""

from __future__ import annotations

from .declaration import HOME, Param
from .jit import kernel

PARAMS = (
    Param("preoccupation_switch", 0.06, 0.0, 0.5, "mean chance per occasion that an "
          "inconsistent caregiver's state changes between attuned and preoccupied (each lasts "
          "days, not occasions; Ainsworth et al. 1978: mothers of ambivalent infants "
          "inconsistently available)", "Ainsworth et al. 1978", HOME),
    Param("breakthrough", 0.3, 0.0, 1.0, "chance that a maximally loud signal reaches a "
          "caregiver who missed the first bid (quiet signals barely do: intensity cubed)",
          "Cassidy & Kobak 1988", HOME),
    Param("preoccupied_breakthrough", 0.7, 0.0, 1.0, "the same chance while a fully "
          "inconsistent caregiver is preoccupied, who attends only to escalated signals (scaled "
          "by 1 - consistency): escalation rewarded intermittently, the root of hyperactivation "
          "(Cassidy & Berlin 1994)", "Cassidy & Berlin 1994", HOME),
    Param("night_care", 0.0, 0.0, 0.8, "cultural practice: share of occasions of need that fall "
          "at night while the infant sleeps away from its parents (communal sleeping in the "
          "kibbutz: Sagi et al. 1994); then nobody attends to the first bid and only loud "
          "crying reaches the night watch", "Sagi et al. 1994", HOME),
    Param("life_event_rate", 1.5, 0.0, 6.0, "stressful life events per year (illness, a new "
          "sibling, family stress) that take the caregiver's availability for weeks at "
          "unforeseeable times (Vaughn, Egeland, Sroufe & Waters 1979): chance makes the same "
          "care give different outcomes (at most one begins in a month)",
          "Vaughn, Egeland, Sroufe & Waters 1979", HOME),
    Param("life_event_occasions", 60, 1, 300, "occasions a life event lasts (about five weeks)",
          "Vaughn, Egeland, Sroufe & Waters 1979", HOME),
    Param("life_event_severity", 0.9, 0.0, 1.0, "share of her availability a life event takes",
          "Vaughn, Egeland, Sroufe & Waters 1979", HOME),
)


@kernel
def attention(preoccupied: bool, r: float, c: float) -> float:
    """Chance that the caregiver attends to a first bid, attuned or preoccupied.

    Consistency ``c`` is how predictable her availability is, separate from its mean
    responsiveness ``r``: preoccupied, she attends with chance ``r * c`` (absent at ``c = 0``),
    attuned with ``r + (1 - r) * (1 - c)``, and she spends a share ``1 - r`` of the time
    preoccupied (:func:`preoccupied_share`), so the mean is ``r`` at every consistency.
    "Mostly available, sometimes absent without warning" is a high ``r`` with a low ``c``.
    """
    return r * c if preoccupied else r + (1.0 - r) * (1.0 - c)


@kernel
def preoccupied_share(r: float, c: float) -> float:
    """Share of the time an inconsistent caregiver spends preoccupied (``1 - r``; none if
    steady)."""
    return 1.0 - r if c < 1.0 else 0.0


@kernel
def next_preoccupied(preoccupied: bool, share: float, u: float, p) -> bool:
    """Whether she is preoccupied at the next occasion: preoccupation begins at rate
    ``2 * switch * share`` and ends at rate ``2 * switch * (1 - share)`` per occasion, so she
    spends ``share`` of the time preoccupied, days at a time (``switch``,
    ``preoccupation_switch``, is the mean rate of change of a balanced caregiver)."""
    switch = p.preoccupation_switch
    if preoccupied:
        return not (u < min(2.0 * switch * (1.0 - share), 1.0))
    return u < min(2.0 * switch * share, 1.0)


@kernel
def breakthrough_chance(preoccupied: bool, c: float, p) -> float:
    """Chance that a maximally loud signal reaches a caregiver who did not attend to the bid.

    Any caregiver can be reached by loud, persistent crying now and then (``breakthrough``); a
    preoccupied caregiver is reachable *only* that way, and more so the more her availability
    comes and goes (``preoccupied_breakthrough``, scaled by ``1 - c``): the mother who
    answers when the crying finally breaks through, which rewards escalation intermittently
    (Cassidy & Berlin 1994; Cassidy & Kobak 1988).
    """
    if not preoccupied:
        return p.breakthrough
    return p.breakthrough + (1.0 - c) * (p.preoccupied_breakthrough - p.breakthrough)


@kernel
def life_event_chance(p) -> float:
    """Chance that a life event begins in a month (``life_event_rate`` a year, 12 months)."""
    return min(p.life_event_rate / 12.0, 1.0)


@kernel
def life_event_length(p) -> int:
    """Occasions a life event lasts."""
    return int(p.life_event_occasions)


@kernel
def during_life_event(attending: float, p) -> float:
    """Her attention while a life event takes ``life_event_severity`` of it (Vaughn et al.
    1979)."""
    return attending * (1.0 - p.life_event_severity)


@kernel
def at_night(u: float, p) -> bool:
    """Whether an occasion falls at night, away from the parents (communal sleeping)."""
    return u < p.night_care
