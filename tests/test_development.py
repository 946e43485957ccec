"""The home year: what the infant learns depends on what happened to it, not on parameters."""

import numpy as np
import pytest

from simulation import rng
from simulation.caregiving import CaregiverProfile, Caregiving, CaregivingHistory
from simulation.home_year import CareArrays, develop
from simulation.params import ModelParams
from simulation.presets import get_preset
from simulation.working_model import INITIAL

N = 400


def learned(care, frozen=False, n=N, months=12.0, params=None):
    if isinstance(care, CaregiverProfile):
        care = Caregiving(CaregivingHistory.constant(care))
    keys = rng.infant_keys(3, np.arange(n))
    dev = develop(CareArrays.from_caregiving(care, n), keys, np.full(n, 0.5),
                  params or ModelParams(), months=months, frozen=frozen)
    return dev


@pytest.fixture(scope="module")
def models():
    return {name: learned(get_preset(name).profile).models[0].summary()
            for name in ("sensitive", "rejecting", "inconsistent", "under-involved",
                         "frightening")}


def mean(models, preset, var):
    return float(models[preset][var].mean())


def test_rebuff_expected_after_rejecting_care_and_signals_deactivated(models):
    assert mean(models, "rejecting", "rebuff") > mean(models, "sensitive", "rebuff") + 0.25
    assert mean(models, "rejecting", "signal_gain") < mean(models, "sensitive", "signal_gain")


def test_volatility_learned_from_spells_not_from_chance(models):
    # inconsistent care comes in spells: volatility beyond chance
    assert mean(models, "inconsistent", "volatility") > 0.25
    # steady care, whether often or rarely available, is far less volatile: what volatility
    # sensitive care leaves comes from life events, weeks in which she was away (spells too)
    assert mean(models, "sensitive", "volatility") < mean(models, "inconsistent", "volatility") / 3
    assert mean(models, "under-involved", "volatility") < 0.1
    # without life events, steady care teaches no volatility at all
    no_events = ModelParams().with_changes(life_event_rate=0.0)
    for preset in ("sensitive", "under-involved"):
        alone = learned(get_preset(preset).profile, params=no_events).models[0].summary()
        assert float(alone["volatility"].mean()) < 0.02


def test_volatility_needs_time_structure():
    # the same mean availability drawn afresh every occasion (spells switching every time)
    # cannot be told from steady care: no volatility beyond chance
    p = get_preset("inconsistent").profile
    keys = rng.infant_keys(3, np.arange(N))
    care = CareArrays.from_caregiving(Caregiving(CaregivingHistory.constant(p)), N)
    shuffled = develop(care, keys, np.full(N, 0.5), ModelParams(preoccupation_switch=0.5))
    spells = develop(care, keys, np.full(N, 0.5), ModelParams())
    assert shuffled.models[0].volatility.mean() < 0.1
    assert spells.models[0].volatility.mean() > 3 * shuffled.models[0].volatility.mean() + 0.2


def test_hyperactivation_where_escalation_pays(models):
    assert mean(models, "under-involved", "signal_gain") > mean(models, "sensitive",
                                                                "signal_gain") + 0.15
    assert mean(models, "under-involved", "trust") < mean(models, "sensitive", "trust") - 0.3


def test_fear_only_from_frightening_care(models):
    assert mean(models, "frightening", "fear") > 0.3
    assert max(mean(models, p, "fear") for p in ("sensitive", "rejecting")) == 0.0


def test_frozen_learning_keeps_the_initial_model():
    dev = learned(get_preset("rejecting").profile, frozen=True)
    summary = dev.models[0].summary()
    assert np.all(summary["trust"] == INITIAL["trust"])
    assert np.all(summary["rebuff"] == INITIAL["rebuff"])
    assert np.all(summary["signal_gain"] == INITIAL["signal_gain"])


def test_care_improving_at_six_months_lands_between_the_pure_cases():
    poor, good = get_preset("rejecting").profile, get_preset("sensitive").profile
    improving = Caregiving(CaregivingHistory(((0, poor), (6, good))))
    r_poor = learned(poor).models[0].rebuff.mean()
    r_good = learned(good).models[0].rebuff.mean()
    r_mixed = learned(improving).models[0].rebuff.mean()
    assert r_good < r_mixed < r_poor
    monthly = learned(improving).monthly[0]["rebuff"].mean(axis=0)
    assert monthly.shape == (13,)
    assert monthly[6] > monthly[12]  # the working model moves after care improves


def test_one_working_model_per_caregiver():
    cold = CaregivingHistory.constant(get_preset("rejecting").profile)
    warm = CaregivingHistory.constant(get_preset("sensitive").profile)
    care = Caregiving(cold, warm, secondary_share=0.5, secondary_from=0)
    dev = learned(care)
    assert len(dev.models) == 2
    assert dev.models[0].rebuff.mean() > dev.models[1].rebuff.mean() + 0.2
    share = dev.occasions[1]["occasions"] / (dev.occasions[0]["occasions"]
                                             + dev.occasions[1]["occasions"])
    assert abs(share.mean() - 0.5) < 0.03
