"""Ablations: the learned working model carries the differences (docs/design.md, quality bars)."""

import numpy as np
from behaviour import reunion_profile
from conftest import simulate

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
