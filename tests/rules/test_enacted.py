"""Enacted care: each dyad meets the caregiver's care shifted by its own deviation, drawn on its
own stream, so security depends on care her rated parameters do not hold; after infancy a share
of the deviation starts the drift of the parents' care, and fades."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from handmade import infants

from simulation import rng, run_cohort
from simulation.caregiving import CaregiverProfile, Caregiving, CaregivingHistory
from simulation.home_year import CareArrays, develop
from simulation.life.params import LifeParams
from simulation.life.world import drift
from simulation.params import ModelParams
from simulation.rules import enacted

pytestmark = pytest.mark.rules

N = 4000
KEYS = rng.infant_keys(11, np.arange(N))
CARE = CaregiverProfile(0.5, 0.5, 0.5)


def test_deviations_have_the_declared_spread_and_a_shared_part():
    p = ModelParams()
    d = enacted.deviations(KEYS, 0, p)
    assert d.shape == (3, N)
    assert np.abs(d.mean(axis=1)).max() < 0.01
    assert d.std(axis=1) == pytest.approx(np.full(3, p.enacted_care_sd), rel=0.06)
    r = np.corrcoef(d)
    assert r[0, 1] == pytest.approx(0.5, abs=0.05)  # the home's circumstances, shared
    # the two caregivers' dyads differ; a different spread scales the same draws
    assert np.corrcoef(d[0], enacted.deviations(KEYS, 1, p)[0])[0, 1] < 0.05
    half = enacted.deviations(KEYS, 0, p.with_changes(enacted_care_sd=p.enacted_care_sd / 2))
    assert np.allclose(half, d / 2)


def test_the_draw_is_keyed_by_infant_and_on_its_own_stream():
    p = ModelParams()
    d = enacted.deviations(KEYS, 0, p)
    assert np.array_equal(enacted.deviations(KEYS[7:9], 0, p), d[:, 7:9])
    other = rng.uniforms(KEYS, rng.Purpose.CAREGIVING, 0, 12)
    assert abs(np.corrcoef(other[0], d[0])[0, 1]) < 0.05


def test_enacted_care_is_the_rated_care_shifted_and_kept_on_the_scale():
    care = CareArrays.from_caregiving(Caregiving(CaregivingHistory.constant(
        CaregiverProfile(0.95, 0.5, 0.05, frightening=0.3))), N)
    met = care.enacted(KEYS, ModelParams())
    r = met.primary.responsiveness[0]
    assert r.min() >= 0.0 and r.max() <= 1.0 and r.std() > 0.1
    assert np.all(met.primary.frightening == 0.3)  # fright and unresolved loss are not shifted
    assert care.enacted(KEYS, ModelParams(enacted_care_sd=0.0)) is care


def test_the_draw_adds_variance_to_the_working_models_of_one_caregivers_infants():
    n = infants(20, 400)
    keys = KEYS[:n]
    care = CareArrays.from_caregiving(Caregiving(CaregivingHistory.constant(CARE)), n)
    reactivity = np.full(n, 0.5)

    def trust(sd: float) -> np.ndarray:
        p = ModelParams(enacted_care_sd=sd)
        return develop(care.enacted(keys, p), keys, reactivity, p).models[0].trust

    assert trust(0.22).std() > 1.5 * trust(0.0).std()


def test_the_same_seed_gives_the_same_table_and_the_table_reports_the_rated_care():
    n = infants(3, 40)
    a = run_cohort(CARE, n, seed=3, progress=False).table
    b = run_cohort(CARE, n, seed=3, progress=False).table
    pd.testing.assert_frame_equal(a, b)
    assert np.all(a["responsiveness"] == 0.5)
    off = run_cohort(CARE, n, seed=3, params=ModelParams(enacted_care_sd=0.0),
                     progress=False).table
    assert not a["internal_trust"].equals(off["internal_trust"])


def test_after_infancy_the_deviation_starts_the_drift_and_fades():
    q = LifeParams()
    years = 20
    base = np.full((4, years, N), 0.5)
    d = enacted.deviations(KEYS, 0, ModelParams())
    care = drift(KEYS, base, q, d)
    r_at = [np.corrcoef(d[0], care[0, y])[0, 1] for y in (0, 2, 15)]
    assert r_at[0] > 0.2 and r_at[0] > r_at[1] > r_at[2] and abs(r_at[2]) < 0.1
    # without it the drift starts at the parameters; persistence 0 drops it after infancy
    assert np.array_equal(drift(KEYS, base, q), drift(KEYS, base, q, 0.0 * d))
    assert np.array_equal(drift(KEYS, base, q.with_changes(enacted_persistence=0.0), d),
                          drift(KEYS, base, q))
