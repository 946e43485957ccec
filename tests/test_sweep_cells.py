"""Designs and cells: order, stable seeds and ids, sampled designs, one-at-a-time, lists."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from simulation.rng import MAX_SEED
from simulation.sweep import load_experiment, loads_experiment
from simulation.sweep.cells import cell_seed

FILES = Path(__file__).parent / "experiment_files"

HEAD = """
name = "g"
seed = 42
infants = 10
replicates = {replicates}
[caregiving]
preset = "sensitive"
"""


def grid(axes: str, replicates: int = 1, extra: str = ""):
    return loads_experiment(HEAD.format(replicates=replicates) + extra + "[sweep.axes]\n" + axes)


def by_values(experiment):
    return {(tuple(sorted(c.values.items())), c.replicate): c for c in experiment.cells}


def test_grid_order_last_axis_fastest_and_replicates_within_points():
    e = grid('"caregiving.warmth" = [0.1, 0.9]\n"caregiving.consistency" = [0.2, 0.5, 0.8]\n',
             replicates=2)
    assert len(e.cells) == 12
    assert [c.index for c in e.cells] == list(range(12))
    first = [(c.values["caregiving.warmth"], c.values["caregiving.consistency"], c.replicate)
             for c in e.cells[:4]]
    assert first == [(0.1, 0.2, 0), (0.1, 0.2, 1), (0.1, 0.5, 0), (0.1, 0.5, 1)]
    assert [c.point for c in e.cells[:4]] == [0, 0, 1, 1]


def test_seeds_and_ids_do_not_depend_on_position():
    """Adding, removing or reordering axis values leaves every other cell's seed and id."""
    a = grid('"caregiving.warmth" = [0.1, 0.5, 0.9]\n', replicates=2)
    b = grid('"caregiving.warmth" = [0.9, 0.3, 0.1]\n', replicates=2)
    cells_a, cells_b = by_values(a), by_values(b)
    shared = set(cells_a) & set(cells_b)
    assert len(shared) == 4
    for key in shared:
        assert cells_a[key].seed == cells_b[key].seed
        assert cells_a[key].cell_id == cells_b[key].cell_id


def test_seeds_differ_between_cells_and_replicates_and_root_seeds():
    e = grid('"caregiving.warmth" = { from = 0, to = 1, steps = 11 }\n', replicates=3)
    seeds = [c.seed for c in e.cells]
    assert len(set(seeds)) == len(seeds)
    assert all(0 <= s <= MAX_SEED for s in seeds)
    values = {"caregiving.warmth": 0.5}
    assert cell_seed(1, values, 0) != cell_seed(2, values, 0)
    assert cell_seed(1, values, 0) == cell_seed(1, dict(values), 0)


def test_infants_change_ids_but_not_seeds():
    a = grid('"caregiving.warmth" = [0.1, 0.9]\n')
    b = loads_experiment(HEAD.format(replicates=1).replace("infants = 10", "infants = 20")
                         + '[sweep.axes]\n"caregiving.warmth" = [0.1, 0.9]\n')
    assert [c.seed for c in a.cells] == [c.seed for c in b.cells]
    assert not {c.cell_id for c in a.cells} & {c.cell_id for c in b.cells}


def test_base_setting_changes_ids_not_seeds():
    a = grid('"caregiving.warmth" = [0.1, 0.9]\n')
    b = grid('"caregiving.warmth" = [0.1, 0.9]\n', extra="[params]\nlearn_trust = 0.1\n")
    assert [c.seed for c in a.cells] == [c.seed for c in b.cells]
    assert not {c.cell_id for c in a.cells} & {c.cell_id for c in b.cells}


def test_common_random_numbers_share_seeds_within_a_replicate():
    text = HEAD.format(replicates=2) + '[sweep]\nseeds = "common"\n[sweep.axes]\n' \
        '"caregiving.warmth" = [0.1, 0.5, 0.9]\n'
    e = loads_experiment(text)
    rep0 = {c.seed for c in e.cells if c.replicate == 0}
    rep1 = {c.seed for c in e.cells if c.replicate == 1}
    assert len(rep0) == 1 and len(rep1) == 1 and rep0 != rep1
    assert len({c.cell_id for c in e.cells}) == 6


def test_cell_columns():
    e = load_experiment(FILES / "good" / "history-secondary.toml")
    columns = e.cells[1].columns()
    assert columns["label"] == "raised at 6 months"
    assert columns["caregiving_spells_1_responsiveness"] == 0.85
    assert columns["secondary_share"] == 0.0  # the base value fills unswept paths
    assert columns["ssp_caregiver"] == "primary"
    assert e.cells[3].columns()["ssp_caregiver"] == "secondary"
    assert list(columns)[:4] == ["cell_id", "cell_index", "point", "replicate"]


def test_one_at_a_time_design():
    e = load_experiment(FILES / "good" / "one-at-a-time.toml")
    labels = [c.label for c in e.cells]
    assert labels[0] == "base"
    base = e.cells[0].values
    assert base == {"params.soothe_rate": 0.04, "params.base_buffer": 0.6}
    # each other cell differs from the base in exactly one setting
    for cell in e.cells[1:]:
        changed = [k for k in base if cell.values[k] != base[k]]
        assert len(changed) == 1
    assert len(e.cells) == 1 + 2 + 2  # soothe_rate 0.04 is the base value, not repeated


def test_sampled_design_is_deterministic_stratified_and_in_range():
    text = HEAD.format(replicates=1) + """
[sweep]
design = "sampled"
samples = 40
seed = 7
[sweep.axes]
"params.learn_trust" = { low = 0.01, high = 0.3, log = true }
"caregiving.warmth" = { low = 0.2, high = 0.6 }
"caregiving.preset" = ["sensitive", "rejecting"]
"""
    a = loads_experiment(text)
    b = loads_experiment(text)
    assert [c.values for c in a.cells] == [c.values for c in b.cells]
    warmth = np.array([c.values["caregiving.warmth"] for c in a.cells])
    assert warmth.min() >= 0.2 and warmth.max() <= 0.6
    # Latin hypercube: exactly one sample in each of the 40 strata
    strata = np.floor((warmth - 0.2) / 0.4 * 40).astype(int)
    assert sorted(np.minimum(strata, 39)) == list(range(40))
    trust = np.array([c.values["params.learn_trust"] for c in a.cells])
    log_strata = np.floor(np.log(trust / 0.01) / np.log(30) * 40).astype(int)
    assert sorted(np.minimum(log_strata, 39)) == list(range(40))
    presets = [c.values["caregiving.preset"] for c in a.cells]
    assert presets.count("sensitive") == 20
    other_seed = loads_experiment(text.replace("seed = 7", "seed = 8"))
    assert [c.values for c in other_seed.cells] != [c.values for c in a.cells]


def test_random_sampling_method():
    text = HEAD.format(replicates=1) + """
[sweep]
design = "sampled"
method = "random"
samples = 30
[sweep.axes]
"caregiving.warmth" = { low = 0.0, high = 1.0 }
"""
    e = loads_experiment(text)
    warmth = [c.values["caregiving.warmth"] for c in e.cells]
    assert len(set(warmth)) == 30 and all(0 <= w <= 1 for w in warmth)


def test_sampled_values_are_validated():
    text = HEAD.format(replicates=1) + """
[sweep]
design = "sampled"
samples = 3
[sweep.axes]
"caregiving.warmth" = { low = 0.5, high = 1.5 }
"""
    with pytest.raises(Exception, match=r"value 1.5: caregiving.warmth: must be in \[0, 1\]"):
        loads_experiment(text)


def test_single_point_with_replicates():
    e = load_experiment(FILES / "good" / "single.toml")
    assert len(e.cells) == 2
    assert e.cells[0].values == {}
    assert e.cells[0].seed != e.cells[1].seed
    assert e.total_infants == 16
