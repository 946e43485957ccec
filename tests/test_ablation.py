"""Ablations: the learned working model carries the differences (docs/design.md, quality bars)."""

import numpy as np
import pytest
from behaviour import reunion_profile
from conftest import simulate

from simulation.cohort import run_cohort
from simulation.params import ModelParams
from simulation.population import Population, Spread
from simulation.presets import get_preset


def test_frozen_learning_erases_the_presets_reunion_differences(preset_runs, frozen_runs):
    learned = {k: reunion_profile(preset_runs[k][1].record) for k in frozen_runs}
    frozen = {k: reunion_profile(run.record) for k, (_, run) in frozen_runs.items()}
    for measure in ("contact", "avoid", "resist", "explore", "crying"):
        spread_learned = max(v[measure] for v in learned.values()) - min(
            v[measure] for v in learned.values())
        spread_frozen = max(v[measure] for v in frozen.values()) - min(
            v[measure] for v in frozen.values())
        assert spread_frozen < 0.2 * spread_learned + 0.01, measure


def test_swapping_working_models_swaps_reunion_behaviour(preset_runs):
    sen_prep, sen_run = preset_runs["sensitive"]
    rej_prep, rej_run = preset_runs["rejecting"]
    # sensitive infants with the rejected infants' working models, and vice versa; same
    # infants, temperament and draws otherwise
    _, sen_with_rej = simulate(get_preset("sensitive").profile, wm=rej_prep.working_model)
    _, rej_with_sen = simulate(get_preset("rejecting").profile, wm=sen_prep.working_model)
    a, b = reunion_profile(sen_with_rej.record), reunion_profile(rej_with_sen.record)
    ref_rej, ref_sen = reunion_profile(rej_run.record), reunion_profile(sen_run.record)
    for m in ("avoid", "contact", "explore"):
        assert np.isclose(a[m], ref_rej[m], rtol=0.15, atol=0.01), m
        assert np.isclose(b[m], ref_sen[m], rtol=0.15, atol=0.01), m


# --- C1 and C2 from different histories (issue 20, item 5) ------------------------------------

#: A population where C is common: unresponsive, inconsistent care that is not cold (the
#: caregiving traits correlated through a shared factor, as in calibrated populations).
AMBIVALENT = Population("ambivalent", "C-rich population for the C1/C2 ablation",
                        Spread(0.35, 0.18), Spread(0.55, 0.2), Spread(0.72, 0.2),
                        loadings=(0.9, 0.8, 0.7))
N_SUBGROUPS = 1500


@pytest.fixture(scope="module")
def c_subgroups():
    """C1 and C2 counts with the full model and with each protest learner ablated."""
    out = {}
    for label, changes in (("full", {}),
                           ("no intermittency", {"learn_escalation_paid": 0.0,
                                                 "learn_volatility": 0.001}),
                           ("no helplessness", {"learn_helplessness": 0.0})):
        table = run_cohort(population=AMBIVALENT, n_infants=N_SUBGROUPS, seed=20,
                           params=ModelParams().with_changes(**changes), progress=False).table
        counts = table["subgroup"].value_counts()
        out[label] = {k: int(counts.get(k, 0)) for k in ("C1", "C2")}
    return out


def test_without_learning_that_she_comes_and_goes_there_is_no_angry_c1(c_subgroups):
    """C1's history is intermittency: escalation that paid now and then, and availability that
    came and went (learned volatility); with neither learned, no infant is angry."""
    full, ablated = c_subgroups["full"], c_subgroups["no intermittency"]
    assert full["C1"] >= 40 and full["C2"] >= 40
    assert ablated["C1"] <= 0.1 * full["C1"]


def test_without_learned_helplessness_c2_gives_way_and_c1_stays(c_subgroups):
    full, ablated = c_subgroups["full"], c_subgroups["no helplessness"]
    assert ablated["C2"] <= 0.35 * full["C2"]
    assert ablated["C1"] >= 0.7 * full["C1"]
