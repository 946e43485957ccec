"""Sweeps of lives: experiment files with a [life] table run each cell through run_lives, one row
per person; the same tables whatever the workers, after an interruption and alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from robust_helpers import model_code

from simulation.fingerprint import model_fingerprint
from simulation.inputs import InputError
from simulation.life import LifeParams, run_lives
from simulation.life.measures import STYLES
from simulation.population_presets import get_population
from simulation.sweep import cell_shares, load_experiment, load_results, loads_experiment, run_sweep
from simulation.sweep.cells import base_value, cell_setup
from simulation.sweep.manifest import read_manifest
from simulation.sweep.spec import life_arguments, parse_experiment

LIVES = Path(__file__).parent / "experiment_files" / "good" / "lives.toml"
CELL_COLUMNS = ["cell_id", "cell_index", "point", "replicate", "life_partner_mean",
                "life_therapy"]


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """The lives experiment run serially in this process."""
    out = tmp_path_factory.mktemp("lives")
    code = model_code()
    result = run_sweep(LIVES, out, workers=1, progress=False)
    assert result.complete and result.ran == 4 and result.backend == "serial"
    (out.parent / f"{out.name}.code").write_text(code)
    return out


def assert_same_cells(out: Path, reference: Path) -> None:
    ours = {p.name: p.read_bytes() for p in sorted((out / "cells").iterdir())}
    theirs = {p.name: p.read_bytes() for p in sorted((reference / "cells").iterdir())}
    assert sorted(ours) == sorted(theirs)
    differ = [name for name in theirs if ours[name] != theirs[name]]
    if differ and model_code() != (reference.parent / f"{reference.name}.code").read_text():
        pytest.skip("the model's code was edited while this test ran; rerun")
    assert not differ, f"{differ} differ from the reference"


def test_the_life_table_is_parsed_into_run_lives_arguments():
    experiment = load_experiment(LIVES)
    assert experiment.base["life"] == {"to_age": 30, "child": False, "therapy_age": None,
                                       "params": {"partner_sd": 0.1}}
    assert [c.values for c in experiment.cells] == [
        {"life.partner_mean": m, "life.therapy": t} for m in (0.3, 0.9) for t in (False, True)]
    assert len({c.seed for c in experiment.cells}) == 1  # seeds = "common": the same persons
    kwargs = life_arguments(cell_setup(experiment, experiment.cells[3].explicit))
    assert kwargs["therapy_age"] == 26.0 and kwargs["to_age"] == 30 and not kwargs["child"]
    assert kwargs["life"] == LifeParams(partner_mean=0.9, partner_sd=0.1)
    assert kwargs["population"].name == "global"
    assert not {"caregiver", "age_months", "frozen"} & set(kwargs)
    off = life_arguments(cell_setup(experiment, experiment.cells[2].explicit))
    assert off["therapy_age"] is None  # therapy = false: no one, whatever therapy_age says
    assert base_value(experiment.base, "life.partner_mean") == LifeParams().partner_mean
    assert base_value(experiment.base, "life.partner_sd") == 0.1
    assert base_value(experiment.base, "life.therapy") is False
    assert base_value(experiment.base, "life.to_age") == 30


def test_one_at_a_time_and_whole_number_axes():
    text = LIVES.read_text().replace('design = "grid"', 'design = "one-at-a-time"').replace(
        '"life.therapy" = [false, true]', '"life.to_age" = [18, 30]')
    experiment = loads_experiment(text, "lives-oat")
    assert [c.label for c in experiment.cells] == [
        "base", "life.partner_mean = 0.3", "life.partner_mean = 0.9", "life.to_age = 18"]
    assert experiment.cells[3].values["life.to_age"] == 18
    assert type(experiment.cells[3].values["life.to_age"]) is int


def test_one_row_per_person_with_the_ssp_life_columns_and_the_design_columns(reference):
    table = load_results(reference)
    experiment = load_experiment(LIVES)
    assert len(table) == 4 * experiment.infants
    assert list(table.columns[:len(CELL_COLUMNS)]) == CELL_COLUMNS
    alone = run_lives(population=get_population("global"), n_persons=3, seed=1)
    assert list(table.columns[len(CELL_COLUMNS):]) == list(alone.columns)
    for cell in experiment.cells:
        rows = table[table["cell_id"] == cell.cell_id]
        assert rows["infant_id"].tolist() == list(range(experiment.infants))
        assert set(rows["life_partner_mean"]) == {cell.values["life.partner_mean"]}
        assert set(rows["therapy"]) == {int(cell.values["life.therapy"])}
    manifest = read_manifest(reference)
    assert manifest["rows"] == "person" and manifest["versions"]["code"] == model_fingerprint()
    assert manifest["columns"] == {"life_partner_mean": "life.partner_mean",
                                   "life_therapy": "life.therapy"}
    shares = cell_shares(table, column="adult_style", classes=STYLES)
    assert set(shares["class"]) == set(STYLES)
    assert (shares.groupby("cell_id")["count"].sum() == experiment.infants).all()


def test_a_cell_is_run_lives_with_the_cell_seed(reference):
    experiment = load_experiment(LIVES)
    table = load_results(reference)
    for cell in experiment.cells[1::2]:
        alone = run_lives(n_persons=experiment.infants, seed=cell.seed,
                          **life_arguments(cell_setup(experiment, cell.explicit)))
        ours = table[table["cell_id"] == cell.cell_id].drop(columns=CELL_COLUMNS)
        pd.testing.assert_frame_equal(ours.reset_index(drop=True), alone)


def test_two_worker_processes_give_identical_tables(reference, tmp_path):
    result = run_sweep(LIVES, tmp_path / "two", workers=2, progress=False)
    assert result.complete and result.backend == "process-pool" and result.workers == 2
    assert_same_cells(tmp_path / "two", reference)


def test_an_interrupted_run_resumes_to_the_same_tables(reference, tmp_path):
    out = tmp_path / "interrupted"
    shutil.copytree(reference, out)
    experiment = load_experiment(LIVES)
    for cell in experiment.cells[1:]:
        (out / "cells" / f"{cell.cell_id}.parquet").unlink()

    def stop(cell_id, status):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_sweep(LIVES, out, workers=1, progress=False, on_cell=stop)
    manifest = read_manifest(out)
    assert manifest["status"] == "interrupted"
    assert [c["status"] for c in manifest["cells"]] == ["done", "done", "missing", "missing"]
    result = run_sweep(LIVES, out, workers=1, progress=False)
    assert result.ran == 2 and result.skipped == 2 and result.complete
    assert_same_cells(out, reference)


def test_the_swept_life_settings_change_the_lives_of_the_same_persons(tmp_path):
    """Common seeds: the same persons in every cell (their infancy is the same); more responsive
    partners and therapy lower their attachment anxiety, and partners raise the share secure."""
    text = LIVES.read_text().replace("infants = 12", "infants = 300")
    experiment = loads_experiment(text, "lives-300")
    assert run_sweep(experiment, tmp_path / "lives", workers=1, progress=False).complete
    table = load_results(tmp_path / "lives")
    cells = {(r.life_partner_mean, r.life_therapy): g.reset_index(drop=True)
             for r, g in [(g.iloc[0], g) for _, g in table.groupby("cell_id", sort=False)]}
    first = cells[(0.3, False)]
    for rows in cells.values():
        assert rows["infant_group"].equals(first["infant_group"])
        assert rows["secure_at_1"].equals(first["secure_at_1"])

    def anxiety(key):
        return cells[key]["adult_anxiety"].mean()

    for mean in (0.3, 0.9):
        assert anxiety((mean, True)) < anxiety((mean, False)) - 0.05
    for therapy in (False, True):
        assert anxiety((0.9, therapy)) < anxiety((0.3, therapy)) - 0.1
        secure = {m: (cells[(m, therapy)]["adult_style"] == "secure").mean() for m in (0.3, 0.9)}
        assert secure[0.9] > secure[0.3] + 0.1
        assert np.nanmean(cells[(0.9, therapy)]["partner_responsiveness"]) > 0.8


def test_the_lives_example_in_the_experiments_readme_is_valid():
    text = (Path(__file__).resolve().parent.parent / "experiments" / "README.md").read_text()
    blocks = [b.split("```", 1)[0] for b in text.split("```toml\n")[1:]]
    lives = [b for b in blocks if "[life]" in b and "\n[life]" in b]
    assert len(lives) == 1
    experiment = loads_experiment(lives[0], "experiments/README.md")
    assert experiment.name == "my-lives" and len(experiment.cells) == 6
    assert experiment.base["life"]["params"] == {"partner_sd": 0.1}


_LIFE_NAMES = ["to_age", "child", "therapy", "therapy_age", *LifeParams.names()[:12],
               "partner_mean", "parent_age", "partner_responsiveness_mean", "", "life"]
_ANY = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=8),
                 st.lists(st.integers(0, 40), max_size=3),
                 st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))
_PLAUSIBLE = st.one_of(st.integers(0, 70), st.floats(-1, 80), st.booleans())


@settings(max_examples=150, deadline=None, database=None)
@given(life=st.dictionaries(st.sampled_from(_LIFE_NAMES), st.one_of(_PLAUSIBLE, _PLAUSIBLE, _ANY),
                            max_size=5),
       axis=st.one_of(st.none(), st.tuples(st.sampled_from(_LIFE_NAMES),
                                           st.lists(_PLAUSIBLE, min_size=1, max_size=3))))
def test_any_life_table_loads_in_range_or_is_refused_in_one_line(life, axis):
    data = {"name": "fuzz", "seed": 1, "infants": 3, "population": {"name": "global"},
            "life": life}
    if axis is not None:
        data["sweep"] = {"axes": {f"life.{axis[0]}": axis[1]}}
    try:
        experiment = parse_experiment(data, "fuzz.toml")
    except InputError as exc:
        message = str(exc)
        assert message.startswith("fuzz.toml: ") and "\n" not in message, message
        assert "Traceback" not in message and len(message) < 800
        event("refused")
        return
    event("loaded")
    info = {d["name"]: d for d in LifeParams.describe()}
    for cell in experiment.cells:
        kwargs = life_arguments(cell_setup(experiment, cell.explicit))
        assert 1 <= kwargs["to_age"] <= 60 and isinstance(kwargs["to_age"], int)
        q = kwargs["life"]
        for name, d in info.items():
            assert d["low"] <= getattr(q, name) <= d["high"]
        if kwargs["therapy_age"] is not None:
            assert 1 <= kwargs["therapy_age"] <= kwargs["to_age"]
        if kwargs["child"]:
            assert kwargs["to_age"] >= q.parent_age
