"""Where each group's care lies: the statistics, the population's covariance structure, and the
directions the calibration holds populations to."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation import care_structure, rng
from simulation.population import Population, Spread


def table(groups, consistency, warmth, responsiveness=None) -> pd.DataFrame:
    n = len(groups)
    return pd.DataFrame({"abc_group": groups, "consistency": consistency, "warmth": warmth,
                         "responsiveness": responsiveness if responsiveness is not None
                         else np.full(n, 0.5)})


def test_the_literatures_structure_meets_every_condition():
    # B warm and consistent, A cold, C inconsistent and moderately warm
    t = table(["A"] * 20 + ["B"] * 60 + ["C"] * 20,
              [0.6] * 20 + [0.8] * 60 + [0.4] * 20, [0.3] * 20 + [0.8] * 60 + [0.65] * 20)
    s = care_structure.of_table(t)
    assert s["share_B"] == pytest.approx(0.6) and s["consistency_C"] == pytest.approx(0.4)
    assert s["corr_consistency_C"] < -0.5
    assert all(v == 0.0 for v in care_structure.violations(s).values())


def test_warm_non_response_as_the_root_of_c_falls_short():
    # the pattern issue 20 found: C caregivers as consistent as B's, and warmer
    spread = np.tile([0.2, -0.2], 50)  # caregivers differ within groups; group means exact
    t = table(["A"] * 20 + ["B"] * 60 + ["C"] * 20,
              np.array([0.6] * 20 + [0.65] * 60 + [0.63] * 20) + spread,
              [0.35] * 20 + [0.65] * 60 + [0.77] * 20)
    short = care_structure.violations(care_structure.of_table(t))
    assert short["warmth:B:C"] > 0 and short["corr_consistency_C"] > 0
    assert short["consistency:B:C"] > 0 and short["warmth:B:A"] == 0


def test_probabilities_and_labels_give_the_same_structure():
    x = np.random.default_rng(1).uniform(size=(3, 300))
    labels = np.array(list("ABC"))[np.random.default_rng(2).integers(0, 3, 300)]
    w = np.stack([(labels == g).astype(float) for g in "ABC"], axis=1)
    t = pd.DataFrame({"abc_group": labels, "responsiveness": x[0], "consistency": x[1],
                      "warmth": x[2]})
    assert care_structure.structure(x, w) == pytest.approx(care_structure.of_table(t))


def test_loadings_set_the_correlations_of_the_caregiving_traits():
    keys = rng.infant_keys(3, np.arange(20_000))
    pop = Population("x", "x", Spread(0.5, 0.1), Spread(0.5, 0.1), Spread(0.5, 0.1),
                     loadings=(0.9, 0.8, 0.5))
    care = pop.draw(keys).primary
    x = np.stack([care.responsiveness[0], care.consistency[0], care.warmth[0]])
    r = np.corrcoef(x)
    implied = pop.trait_correlations()
    assert r[0, 1] == pytest.approx(implied["responsiveness-consistency"], abs=0.03)
    assert r[0, 2] == pytest.approx(implied["responsiveness-warmth"], abs=0.03)
    assert r[1, 2] == pytest.approx(implied["consistency-warmth"], abs=0.03)


def test_without_loadings_a_population_draws_as_before():
    """Populations written before loadings existed keep their draws: each loading is the
    old shared-factor weight ``correlation``."""
    keys = rng.infant_keys(4, np.arange(500))
    spreads = (Spread(0.6, 0.18), Spread(0.7, 0.2), Spread(0.5, 0.2))
    old = Population("x", "x", *spreads, correlation=0.4).draw(keys).primary
    same = Population("x", "x", *spreads, correlation=0.9,
                      loadings=(0.4, 0.4, 0.4)).draw(keys).primary
    for trait in ("responsiveness", "consistency", "warmth"):
        np.testing.assert_array_equal(getattr(old, trait), getattr(same, trait))


def test_loadings_are_checked():
    with pytest.raises(ValueError):
        Population("x", "x", Spread(0.5, 0.1), Spread(0.5, 0.1), Spread(0.5, 0.1),
                   loadings=(0.9, 0.8))
    with pytest.raises(ValueError):
        Population("x", "x", Spread(0.5, 0.1), Spread(0.5, 0.1), Spread(0.5, 0.1),
                   loadings=(0.9, 0.8, 1.5))
