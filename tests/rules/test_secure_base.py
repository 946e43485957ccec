"""The secure base and exploration."""

from __future__ import annotations

import numpy as np
import pytest
from handmade import disposed, dyad, present, propensities, second

from simulation.codes import GAZE
from simulation.rules import secure_base

pytestmark = pytest.mark.rules


def test_a_calm_infant_explores_more_with_her_in_the_room():
    s, per, d, p = dyad()
    without = propensities(s, per, d, p, 0.1)["EXPLORE"]
    present(per, d_cg=2.0)
    with_her = propensities(s, per, d, p, 0.1)
    assert with_her["EXPLORE"] > 1.5 * without
    assert with_her["EXPLORE"] == max(with_her.values())


def test_exploration_gives_way_as_distress_rises():
    s, per, d, p = dyad()
    present(per, d_cg=2.0)
    calm, upset = propensities(s, per, d, p, 0.1), propensities(s, per, d, p, 0.8)
    assert upset["EXPLORE"] < 0.2 * calm["EXPLORE"]
    assert upset["APPROACH"] > upset["EXPLORE"]


def test_vigilance_holds_exploration_back():
    assert disposed(volatility=0.9).explore < 0.6 * disposed(volatility=0.0).explore


def test_an_exploring_infant_glances_back_to_her_and_up_at_her_overtures():
    _, per, d, p = dyad()
    present(per, d_cg=2.0)
    u = np.linspace(0, 1, 400, endpoint=False, dtype=np.float32)
    looks = np.mean([secure_base.gaze_exploring(per, d, x, p) == GAZE.CAREGIVER for x in u])
    per.cg_overture = True
    looks_up = np.mean([secure_base.gaze_exploring(per, d, x, p) == GAZE.CAREGIVER for x in u])
    assert 0.05 < looks < looks_up


def test_the_stranger_is_watched_warily_while_she_makes_overtures():
    _, per, d, p = dyad()
    per.st_in = True
    u = np.linspace(0, 1, 400, endpoint=False, dtype=np.float32)
    glance = np.mean([secure_base.gaze_exploring(per, d, x, p) == GAZE.STRANGER for x in u])
    per.st_overture = True
    wary = np.mean([secure_base.gaze_exploring(per, d, x, p) == GAZE.STRANGER for x in u])
    assert glance == pytest.approx(second().watch_stranger, abs=0.01) and wary > 3 * glance
