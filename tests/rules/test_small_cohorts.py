"""Small cohorts through the whole procedure, sized by ``SSP_TEST_INFANTS`` (a few infants as
plain Python, where one infant takes about 2 s of CPU; more compiled): the loops that call the
mechanisms, the home year (:mod:`simulation.rules.per_occasion`) and each second
(:mod:`simulation.rules.per_second`), give reproducible, replayable infants, the same in the Mesa
model, and the home year's learning moves the working model the way its mechanisms say."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from handmade import infants

from simulation import rng, run_cohort
from simulation.caregiving import CaregiverProfile, Caregiving, CaregivingHistory
from simulation.home_year import CareArrays, develop
from simulation.mesa_model import StrangeSituationModel
from simulation.params import ModelParams
from simulation.preparation import Setup, prepare
from simulation.record import RECORD_FIELDS
from simulation.strange_situation import run_ssp
from simulation.working_model import INITIAL

pytestmark = pytest.mark.rules

#: Infants through the whole procedure, and through the home year only.
N_SSP = infants(3, 40)
N_HOME = infants(30, 400)
MIX = CaregiverProfile(0.5, 0.3, 0.6, 0.3)  # exercises every behaviour


def home_year(profile: CaregiverProfile, n: int = N_HOME, frozen: bool = False):
    keys = rng.infant_keys(5, np.arange(n))
    care = CareArrays.from_caregiving(Caregiving(CaregivingHistory.constant(profile)), n)
    return develop(care, keys, np.full(n, 0.5), ModelParams(), frozen=frozen).models[0]


def test_a_cohort_is_classified_and_any_infant_replays_alone():
    cohort = run_cohort(MIX, N_SSP, seed=5, progress=False).table
    assert len(cohort) == N_SSP and set(cohort.abc_group) <= {"A", "B", "C"}
    last = [N_SSP - 1]
    alone = run_cohort(MIX, seed=5, infant_ids=last, progress=False).table
    pd.testing.assert_frame_equal(alone, cohort.iloc[last].reset_index(drop=True))


def test_the_mesa_model_gives_the_cohort_engines_infant_second_for_second():
    k = N_SSP - 1
    setup = Setup(seed=7, care=MIX)
    prepared = prepare(setup, np.arange(N_SSP))
    run = run_ssp(prepared.working_model, prepared.reactivity, prepared.soothability,
                  prepared.keys, setup.params, setup.age_months, trace=True)
    record = run.record.infant(k)
    running = record.episode[0] > 0
    trace = StrangeSituationModel(MIX, infant_id=k, seed=7).run().trace()
    for name in RECORD_FIELDS:
        assert np.array_equal(getattr(record, name)[0][running], trace[name].to_numpy()), name
    assert np.array_equal(run.arousal[k][running], trace["internal_arousal"].to_numpy())


def test_the_mesa_model_gives_an_unresolved_caregivers_infant_second_for_second():
    # her dissociated moments at the reunions are drawn and acted alike in both engines
    care = CaregiverProfile(0.6, 0.6, 0.6, 0.0, 1.0)
    k = N_SSP - 1
    setup = Setup(seed=8, care=care, params=ModelParams(reunion_dissociation=0.2))
    prepared = prepare(setup, np.arange(N_SSP))
    run = run_ssp(prepared.working_model, prepared.reactivity, prepared.soothability,
                  prepared.keys, setup.params, setup.age_months, trace=True,
                  unresolved=np.ones(N_SSP))
    record = run.record.infant(k)
    running = record.episode[0] > 0
    model = StrangeSituationModel(care, infant_id=k, seed=8,
                                  params=ModelParams(reunion_dissociation=0.2))
    trace = model.run().trace()
    for name in RECORD_FIELDS:
        assert np.array_equal(getattr(record, name)[0][running], trace[name].to_numpy()), name
    assert model.state["cg_unresolved"][0] == 1.0


def test_inconsistent_care_raises_signal_gain_and_volatility():
    inconsistent = home_year(CaregiverProfile(0.55, 0.1, 0.8))
    consistent = home_year(CaregiverProfile(0.55, 0.9, 0.8))
    assert inconsistent.signal_gain.mean() > consistent.signal_gain.mean() + 0.02
    assert inconsistent.volatility.mean() > consistent.volatility.mean() + 0.1


def test_cold_care_teaches_rebuff_and_warm_prompt_care_teaches_trust():
    rejecting = home_year(CaregiverProfile(0.5, 0.8, 0.1))
    sensitive = home_year(CaregiverProfile(0.9, 0.9, 0.9))
    assert rejecting.rebuff.mean() > sensitive.rebuff.mean() + 0.3
    assert sensitive.trust.mean() > rejecting.trust.mean() + 0.2
    assert rejecting.signal_gain.mean() < sensitive.signal_gain.mean()


def test_frightening_care_teaches_fear_and_frozen_learning_keeps_the_initial_model():
    frightening = home_year(CaregiverProfile(0.6, 0.6, 0.5, 0.6))
    assert frightening.fear.mean() > 0.05
    frozen = home_year(CaregiverProfile(0.6, 0.6, 0.5, 0.6), frozen=True)
    assert np.all(frozen.fear == INITIAL["fear"]) and np.all(frozen.trust == INITIAL["trust"])


def test_unresolved_care_teaches_fear_of_the_haven_and_less_trust_not_rebuff():
    resolved = home_year(CaregiverProfile(0.6, 0.6, 0.6, 0.0, 0.0))
    unresolved = home_year(CaregiverProfile(0.6, 0.6, 0.6, 0.0, 0.8))
    assert np.all(resolved.fear == 0.0)  # neither frightening nor unresolved: no fear at all
    assert unresolved.fear.mean() > 0.1
    assert unresolved.trust.mean() < resolved.trust.mean()
    assert abs(unresolved.rebuff.mean() - resolved.rebuff.mean()) < 0.05  # alarm, not rejection
