"""The studies in experiments/ cannot rot: every experiment file validates, and a scaled-down
version of each runs through the sweep runner and its figure script (EMA Workbench's rule: every
example is run by the tests)."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

from simulation.params import ModelParams
from simulation.sweep import load_experiment, run_sweep, safetoml
from simulation.sweep.spec import parse_experiment

EXPERIMENTS = Path(__file__).resolve().parent.parent / "experiments"
STUDIES = sorted(p.parent for p in EXPERIMENTS.glob("*/experiment.toml"))
REQUIRED = {"phase-map", "sensitivity-security", "intervention", "cross-cultural",
            "parameter-sensitivity"}


def test_the_studies_are_there():
    assert REQUIRED <= {p.name for p in STUDIES}
    for study in STUDIES:
        assert (study / "README.md").exists(), study.name
        assert (study / "figure.py").exists(), study.name


@pytest.mark.parametrize("study", STUDIES, ids=[p.name for p in STUDIES])
def test_experiment_file_validates(study):
    experiment = load_experiment(study / "experiment.toml")
    assert experiment.name == study.name
    assert experiment.cells


def test_phase_map_is_at_least_21_by_21_cells_of_500():
    experiment = load_experiment(EXPERIMENTS / "phase-map" / "experiment.toml")
    sizes = {a.path: len(a.values) for a in experiment.sweep.axes}
    assert sizes["caregiving.responsiveness"] >= 21 and sizes["caregiving.consistency"] >= 21
    assert experiment.infants >= 500


def test_parameter_sensitivity_covers_every_model_parameter_at_its_current_default():
    study = EXPERIMENTS / "parameter-sensitivity"
    experiment = load_experiment(study / "experiment.toml")
    swept = {a.path.removeprefix("params.") for a in experiment.sweep.axes}
    missing = set(ModelParams.names()) - swept
    hint = "run python experiments/parameter-sensitivity/make_experiment.py"
    assert not missing, f"parameters not in the sensitivity analysis: {sorted(missing)}; {hint}"
    spec = importlib.util.spec_from_file_location("make_experiment", study / "make_experiment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (study / "experiment.toml").read_text() == module.experiment_text(), (
        f"the parameters' defaults or ranges changed since experiment.toml was written; {hint}")


def scaled_down(path: Path):
    """The same experiment with 6 infants, one replicate and at most a few design points."""
    text = path.read_text()
    data = safetoml.loads(text, str(path))
    data["infants"] = 6
    data["replicates"] = 1
    sweep = data.get("sweep", {})
    design = sweep.get("design", "grid")
    if "axes" in sweep:
        axes = sweep["axes"]
        if design == "one-at-a-time":
            for key in list(axes)[1:]:
                del axes[key]
        for key, spec in axes.items():
            if isinstance(spec, list):
                axes[key] = [spec[0], spec[-1]] if len(spec) > 1 else spec
            elif isinstance(spec, dict) and "steps" in spec:
                spec["steps"] = min(spec["steps"], 2)
    if "points" in sweep:
        sweep["points"] = sweep["points"][:2]
    if design == "sampled":
        sweep["samples"] = 2
    # the text must differ from the real file's: it is what a results directory is checked by
    return parse_experiment(data, str(path), text + "\n# scaled down by the tests\n")


def run_figure(study: Path, results: Path, png: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"figure_{study.name.replace('-', '_')}",
                                                  study / "figure.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(results), "--out", str(png)]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("study", STUDIES, ids=[p.name for p in STUDIES])
def test_scaled_down_study_runs_and_draws_its_figure(study, tmp_path):
    experiment = scaled_down(study / "experiment.toml")
    assert 1 <= len(experiment.cells) <= 4
    result = run_sweep(experiment, tmp_path / "results", workers=2, progress=False)
    assert result.complete and not result.failed
    png = tmp_path / "figure.png"
    run_figure(study, tmp_path / "results", png)
    assert png.stat().st_size > 10_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_scaled_down_files_still_parse_as_plain_toml():
    for study in STUDIES:
        tomllib.loads((study / "experiment.toml").read_text())


def test_the_format_example_in_the_experiments_readme_is_valid():
    from simulation.sweep import loads_experiment

    text = (EXPERIMENTS / "README.md").read_text()
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    experiment = loads_experiment(example, "experiments/README.md")
    assert experiment.name == "my-study"
    assert len(experiment.cells) == 21 * 3 * 2
