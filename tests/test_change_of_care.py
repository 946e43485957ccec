"""Change of care takes the time it takes (issue 20, item 7): small cohorts through the home
year and the Strange Situation, classified by the coder.

A switch from sensitive to rejecting care at 9 months teaches avoidance by 12; a switch from
rejecting to sensitive care at 12 months does not erase it within weeks, but over months
(docs/validation.md, "Change of care").
"""

import pytest

from simulation import run_cohort
from simulation.caregiving import CaregivingHistory
from simulation.params import ModelParams
from simulation.presets import get_preset

N = 400
SENSITIVE = get_preset("sensitive").profile
REJECTING = get_preset("rejecting").profile
BETTER_AT_12 = CaregivingHistory(((0, REJECTING), (12, SENSITIVE)))


def avoidant(care, age=12.0, params=None):
    table = run_cohort(care, N, seed=5, age_months=age, params=params).table
    return float((table["abc_group"] == "A").mean())


@pytest.fixture(scope="module")
def sensitive_throughout():
    return avoidant(SENSITIVE)


def test_rejecting_care_from_nine_months_teaches_avoidance_by_twelve(sensitive_throughout):
    worse_at_9 = avoidant(CaregivingHistory(((0, SENSITIVE), (9, REJECTING))))
    assert worse_at_9 > sensitive_throughout + 0.15
    assert worse_at_9 < avoidant(REJECTING)  # three months are not a whole year


def test_sensitive_care_from_twelve_months_does_not_erase_avoidance_within_weeks(
        sensitive_throughout):
    at_13, at_20 = avoidant(BETTER_AT_12, 13.0), avoidant(BETTER_AT_12, 20.0)
    assert at_13 > sensitive_throughout + 0.4  # a month later most are still avoidant
    # eight months later most are not (with enacted care fewer are avoidant at the start:
    # 54% a month after the change)
    assert at_20 < at_13 - 0.2 and at_20 < 0.5


def test_defensive_exclusion_is_what_keeps_avoidance_after_care_improves():
    without = ModelParams(defensive_exclusion=0.0)
    assert avoidant(BETTER_AT_12, 13.0, without) < avoidant(BETTER_AT_12, 13.0) - 0.2
