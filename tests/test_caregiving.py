"""Caregiving and temperament inputs: validated, with a message naming the parameter."""

import math

import pytest

from simulation.caregiving import (
    CaregiverProfile,
    Caregiving,
    CaregivingHistory,
    ainsworth_sensitivity,
)
from simulation.inputs import InputError
from simulation.params import ModelParams
from simulation.temperament import Temperament, TemperamentDistribution


@pytest.mark.parametrize("name", ["responsiveness", "consistency", "warmth", "frightening",
                                  "unresolved"])
@pytest.mark.parametrize("bad", [math.nan, -0.1, 1.5, math.inf, "0.5", None, True])
def test_profile_refuses_bad_values_naming_the_parameter(name, bad):
    values = {"responsiveness": 0.5, "consistency": 0.5, "warmth": 0.5, "frightening": 0.0,
              "unresolved": 0.0}
    values[name] = bad
    with pytest.raises(InputError, match=name) as info:
        CaregiverProfile(**values)
    assert "[0, 1]" in str(info.value)


def test_profile_accepts_bounds_and_integers():
    p = CaregiverProfile(0, 1, 1, 0)
    assert p.consistency == 1.0 and isinstance(p.consistency, float)


def test_unresolved_defaults_to_zero_and_follows_frightening():
    p = CaregiverProfile(0.5, 0.5, 0.5, 0.1)
    assert p.unresolved == 0.0
    assert list(p.as_dict())[3:] == ["frightening", "unresolved"]
    assert p.replace(unresolved=0.7).unresolved == 0.7


def test_sensitivity_equivalent_follows_ainsworth_anchors():
    assert ainsworth_sensitivity(1.0, 1.0) == 9.0  # highly sensitive
    assert ainsworth_sensitivity(1.0, 0.0) == 5.0  # inconsistently sensitive
    assert ainsworth_sensitivity(0.0, 1.0) == 1.0  # highly insensitive
    assert ainsworth_sensitivity(0.3, 0.9) < 4.0  # insensitive however steady


def test_history_validation():
    a, b = CaregiverProfile(0.2, 0.5, 0.5), CaregiverProfile(0.9, 0.9, 0.9)
    h = CaregivingHistory(((0, a), (6, b)))
    assert h.profile_at(5.9) == a and h.profile_at(6) == b
    with pytest.raises(InputError, match="month 0"):
        CaregivingHistory(((2, a),))
    with pytest.raises(InputError, match="increasing"):
        CaregivingHistory(((0, a), (6, b), (6, a)))
    with pytest.raises(InputError, match="CaregiverProfile"):
        CaregivingHistory(((0, {"responsiveness": 1}),))
    with pytest.raises(InputError, match="at least one"):
        CaregivingHistory(())


def test_second_caregiver_arrangement():
    h = CaregivingHistory.constant(CaregiverProfile(0.5, 0.5, 0.5))
    care = Caregiving(h, h, secondary_share=0.4, secondary_from=6)
    assert care.caregivers == ("primary", "secondary")
    with pytest.raises(InputError, match="secondary caregiver"):
        Caregiving(h, None, secondary_share=0.3)
    with pytest.raises(InputError, match="unknown caregiver 'father'"):
        care.history("father")


def test_temperament_validation():
    with pytest.raises(InputError, match="reactivity"):
        Temperament(reactivity=2)
    with pytest.raises(InputError, match="soothability_sd"):
        TemperamentDistribution(soothability_sd=0.9)


def test_model_params_validated_by_name():
    with pytest.raises(InputError, match="learn_trust"):
        ModelParams(learn_trust=-1)
    with pytest.raises(InputError, match="unknown model parameter"):
        ModelParams().with_changes(no_such_thing=1)
    described = {d["name"]: d for d in ModelParams.describe()}
    assert all(d["doc"] for d in described.values())
    assert described["separation_stress"]["default"] == ModelParams().separation_stress


def test_a_population_draws_unresolved_caregivers_on_a_stream_of_their_own():
    import dataclasses

    import numpy as np

    from simulation import rng
    from simulation.population_presets import get_population, population_from_dict

    calibrated = get_population("low-risk-abcd")
    assert calibrated.unresolved_share > 0.0  # the low-risk population carries some
    assert get_population("global").unresolved_share == 0.0
    base = dataclasses.replace(calibrated, unresolved_share=0.0)
    mixed = dataclasses.replace(base, unresolved_share=0.3)
    keys = rng.infant_keys(1, np.arange(4000))
    a, b = base.draw(keys).primary, mixed.draw(keys).primary
    for name in ("responsiveness", "consistency", "warmth", "frightening"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name  # no draw shifts
    assert np.all(a.unresolved == 0.0)
    assert abs(np.mean(b.unresolved > 0) - 0.3) < 0.03
    assert 0.0 <= b.unresolved.min() and b.unresolved.max() <= 1.0
    spec = {"description": "x", "responsiveness": [0.5, 0.1], "consistency": [0.5, 0.1],
            "warmth": [0.5, 0.1], "unresolved_share": 0.2, "unresolved": [0.6, 0.1]}
    read = population_from_dict("x", spec)
    assert read.unresolved_share == 0.2 and read.unresolved.mean == 0.6
    with pytest.raises(InputError, match="unresolved_share"):
        dataclasses.replace(base, unresolved_share=1.5)
