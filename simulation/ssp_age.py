"""The ages at which the Strange Situation and its classification are meant to be used.

The procedure and its A/B/C(/D) classification were developed and validated for infants of
about one year to about a year and a half: Ainsworth, Blehar, Waters & Wall (1978) observed the
Baltimore infants at about 12 months (49-54 weeks; one sample just after tests at 8.5-11
months), Waters (1978) classified the same infants at 12 and 18 months, and later work uses the
procedure from about 11 to about 20 months (Solomon & George, "The measurement of attachment
security in infancy and childhood", Handbook of Attachment; the upper bound is marked "(check)":
this project could not confirm it in the chapter's text). Younger infants have no clear-cut
attachment to be separated from; older children need the preschool systems (Cassidy & Marvin;
Main & Cassidy), which code other behaviour.

The command line (``ssp run --age``) and sweep specifications (``ssp.age_months``) accept only
this range, with one message that says so. The library's :func:`simulation.cohort.run_cohort`
keeps 1-36 months for research on the model itself (for example how its working model develops
month by month, or what the model does outside the procedure's range), where the caller knows
the classification there has no published meaning. Nothing of the model imports this module.
"""

from __future__ import annotations

from .inputs import InputError, check_number, parse_number

#: Youngest and oldest age (months) the procedure and its classification are meant for.
SSP_AGE_MONTHS: tuple[float, float] = (11.0, 20.0)
#: Where the range comes from, as the error message and the help name it.
SSP_AGE_SOURCE = ("Ainsworth et al. 1978; Waters 1978; Solomon & George, Handbook of "
                  "Attachment")


def age_message(name: str) -> str:
    """What an age outside the range is told: the range and its source."""
    low, high = SSP_AGE_MONTHS
    return (f"{name} must be {low:g} to {high:g} months: the Strange Situation and its "
            f"classification are validated for infants of about {low:g} to {high:g} months "
            f"({SSP_AGE_SOURCE})")


def check_ssp_age(name: str, value: float) -> float:
    """``value`` if it is a number in :data:`SSP_AGE_MONTHS`, else :class:`InputError` with
    :func:`age_message`."""
    low, high = SSP_AGE_MONTHS
    try:
        return check_number(name, value, low, high)
    except InputError:
        raise InputError(f"{age_message(name)}, got {value!r}") from None


def parse_ssp_age(name: str, text: str) -> float:
    """A command-line age: a number in :data:`SSP_AGE_MONTHS` (one message otherwise)."""
    low, high = SSP_AGE_MONTHS
    try:
        return parse_number(name, text, low, high)
    except InputError:
        raise InputError(f"{age_message(name)}, got {text!r}") from None
