"""The experiment file format: guarded parsing, validation, one clear message per bad file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.inputs import InputError
from simulation.limits import MAX_EXPERIMENT_FILE_BYTES, MAX_TOML_DEPTH
from simulation.sweep import load_experiment, loads_experiment, safetoml
from simulation.sweep.spec import cohort_arguments

FILES = Path(__file__).parent / "experiment_files"
GOOD = sorted((FILES / "good").glob("*.toml"))
BAD = sorted((FILES / "bad").glob("*.toml"))

MINIMAL = """
name = "m"
seed = 1
infants = 10
[caregiving]
preset = "sensitive"
"""


def expected_message(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode("latin-1")
    assert first.startswith("# expect: "), f"{path.name} must start with '# expect: ...'"
    return first.removeprefix("# expect: ")


def test_there_are_enough_example_files():
    assert len(GOOD) >= 5
    assert len(BAD) >= 40


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_good_files_validate(path):
    experiment = load_experiment(path)
    assert experiment.cells
    assert len({c.cell_id for c in experiment.cells}) == len(experiment.cells)
    for cell in experiment.cells[:3]:
        from simulation.sweep.cells import cell_setup

        cohort_arguments(cell_setup(experiment, cell.explicit))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_files_are_refused_with_file_key_and_reason(path):
    with pytest.raises(InputError) as info:
        load_experiment(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert expected_message(path) in message
    assert "\n" not in message
    assert "Traceback" not in message


def test_oversized_file_is_refused_before_reading_it_all(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(MINIMAL + "# padding\n" * (MAX_EXPERIMENT_FILE_BYTES // 10 + 1))
    with pytest.raises(InputError, match="larger than 1,048,576 bytes"):
        load_experiment(path)
    with pytest.raises(InputError, match="larger than"):
        loads_experiment(path.read_text())


def test_missing_and_non_regular_files(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_experiment(tmp_path / "nope.toml")
    with pytest.raises(InputError, match="not a regular file"):
        load_experiment(tmp_path)


def test_deep_arrays_would_crash_tomllib_but_are_refused_first():
    text = MINIMAL + "[params]\nx = " + "[" * 3000 + "]" * 3000 + "\n"
    with pytest.raises(RecursionError):
        tomllib.loads(text)
    with pytest.raises(InputError, match="nested more than"):
        loads_experiment(text)


def test_nesting_scan_ignores_brackets_in_strings_and_comments():
    text = MINIMAL + 'description = "' + "[" * 100 + '"\n# ' + "{" * 100 + "\n"
    text += "x = '''" + "[" * 50 + "\n" + "." * 50 + "'''\n"
    depth, _ = safetoml.nesting_estimate(text)
    assert depth <= 3
    data = safetoml.loads(text)
    assert data["caregiving"]["description"] == "[" * 100


def test_nesting_scan_counts_dotted_keys_and_headers():
    assert safetoml.nesting_estimate("a.b.c = 1")[0] == 3
    assert safetoml.nesting_estimate("[a.b.c.d]\nx = 1")[0] == 5
    assert safetoml.nesting_estimate("x = [0.5, 1.5, 2.5]")[0] <= 3
    deep = ".".join(["k"] * (MAX_TOML_DEPTH + 1)) + " = 1"
    with pytest.raises(InputError, match="line 1: nested more than"):
        safetoml.loads(deep)


toml_values = st.recursive(
    st.one_of(st.integers(-5, 5), st.floats(0, 1), st.text("ab[]{}.#'\"", max_size=5),
              st.booleans()),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.sampled_from("abc.d"), children, max_size=3)),
    max_leaves=12)


def _dump(value) -> str:
    """A minimal TOML writer for inline values (enough for the property below)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_dump(v) for v in value) + "]"
    return "{" + ", ".join(f'"{k}" = {_dump(v)}' for k, v in value.items()) + "}"


@settings(max_examples=200, deadline=None)
@given(toml_values)
def test_nesting_estimate_bounds_the_parsed_depth(value):
    text = f"x = {_dump(value)}\n"
    data = tomllib.loads(text)
    estimate, _ = safetoml.nesting_estimate(text, stop_above=10**6)
    assert safetoml.structure_depth(data) <= estimate


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_is_refused_cleanly_or_accepted(text):
    try:
        loads_experiment(text)
    except InputError as exc:
        assert "\n" not in str(exc).split(": ", 1)[0]


def test_nothing_in_the_file_is_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = MINIMAL.replace('name = "m"', 'name = "m"\ndescription = "__import__(\'os\').system('
                           f"'touch {marker}')\"")
    experiment = loads_experiment(text)
    assert "__import__" in experiment.description
    assert not marker.exists()


def test_profile_defaults_preset_and_overrides():
    experiment = loads_experiment(MINIMAL.replace('preset = "sensitive"',
                                                  'preset = "rejecting"\nwarmth = 0.3'))
    spell = experiment.base["caregiving"]["spells"][0]
    assert spell["preset"] == "rejecting"
    assert spell["warmth"] == 0.3
    assert spell["responsiveness"] == 0.7  # from the preset
    plain = loads_experiment(MINIMAL.replace('preset = "sensitive"', "warmth = 0.9"))
    spell = plain.base["caregiving"]["spells"][0]
    assert (spell["responsiveness"], spell["consistency"], spell["frightening"]) == (
        0.5, 0.5, 0.0)


def test_cohort_arguments_build_the_library_objects():
    from simulation.caregiving import Caregiving
    from simulation.temperament import Temperament, TemperamentDistribution

    experiment = load_experiment(FILES / "good" / "history-secondary.toml")
    kwargs = cohort_arguments(experiment.base)
    care = kwargs["care"]
    assert isinstance(care, Caregiving)
    assert [m for m, _ in care.primary.spells] == [0.0, 6.0]
    assert care.secondary is not None and care.secondary_from == 6.0
    assert isinstance(kwargs["temperament"], TemperamentDistribution)
    assert kwargs["temperament"].reactivity_sd == 0.1
    fixed = cohort_arguments(load_experiment(FILES / "good" / "population.toml").base)
    assert fixed["temperament"] == Temperament(0.5, 0.5)
    assert fixed["population"].name == "global"
    one = loads_experiment(MINIMAL + "[temperament]\nreactivity = 0.8\n")
    t = cohort_arguments(one.base)["temperament"]
    assert (t.reactivity_mean, t.reactivity_sd) == (0.8, 0.0)
    assert t.soothability_sd == TemperamentDistribution().soothability_sd
    assert cohort_arguments(loads_experiment(MINIMAL).base)["temperament"] is None


def test_axes_may_be_quoted_or_nested_and_keep_file_order():
    text = MINIMAL + """
[sweep.axes]
caregiving.warmth = [0.2, 0.8]
"params.learn_trust" = [0.02, 0.05]
caregiving.consistency = { from = 0.1, to = 0.3, steps = 3 }
"""
    experiment = loads_experiment(text)
    paths = [a.path for a in experiment.sweep.axes]
    assert set(paths) == {"caregiving.warmth", "params.learn_trust", "caregiving.consistency"}
    consistency = next(a for a in experiment.sweep.axes if a.path == "caregiving.consistency")
    assert consistency.values == (0.1, 0.2, 0.3)
    assert len(experiment.cells) == 12


def test_population_parameter_conflict_is_refused(monkeypatch):
    from simulation import population_presets as populations
    from simulation.population import Population

    base = populations.get_population("global")
    cultural = Population(**{**base.__dict__, "params": {"separation_stress": 0.6}})
    monkeypatch.setattr(populations, "get_population", lambda name: cultural)
    text = """
name = "c"
seed = 1
infants = 5
[population]
name = "global"
[params]
separation_stress = 0.3
"""
    with pytest.raises(InputError, match="params.separation_stress: population 'global' sets"):
        loads_experiment(text)


def test_sweeping_a_history_needs_the_spell_index():
    text = """
name = "h"
seed = 1
infants = 5
[[caregiving.spells]]
from_month = 0
preset = "sensitive"
[sweep.axes]
"caregiving.warmth" = [0.1, 0.9]
"""
    with pytest.raises(InputError, match="is a history; sweep 'caregiving.spells.N.warmth'"):
        loads_experiment(text)


def test_experiment_hash_is_of_the_text():
    a = loads_experiment(MINIMAL)
    b = loads_experiment(MINIMAL + "\n# a comment\n")
    assert a.sha256 != b.sha256
    assert a.sha256 == loads_experiment(MINIMAL).sha256
