"""Hostile input, generated at random (Hypothesis): caregiving, temperament and model parameters,
``ssp`` arguments, and experiment files. Every case either runs correctly or ends in one clear
message (``InputError`` in Python; one line on stderr and exit status 2 on the command line):
never a traceback, a hang (each case has a timeout) or a memory blow-up (the command-line and file
cases run in a child process under RLIMIT_AS, see ``robust_helpers.Sandbox``).

``SSP_FUZZ_EXAMPLES`` sets the examples per target (200 by default; the reported run used 5,000).
"""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from robust_helpers import (
    EXAMPLES,
    ROOT,
    RawToml,
    Sandbox,
    one_clear_line,
    toml_document,
)

from simulation import limits
from simulation.caregiving import (
    PROFILE_PARAMETERS,
    CaregiverProfile,
    CaregivingHistory,
)
from simulation.inputs import InputError
from simulation.params import ModelParams
from simulation.temperament import Temperament, TemperamentDistribution

#: Fuzzing (Hypothesis, a sandboxed child): the slow tier (``pytest -m "not slow"`` skips it).
pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
#: Huge integers overflow ``float()``; the Python API does not refuse them cleanly yet (see
#: ``test_huge_integers_are_refused_by_the_python_api``), so the general API strategy stays below.
FLOAT_SAFE_INT = 2**1000

# --- values: anything a caller might pass ---------------------------------------------------

finite_or_not = st.floats(allow_nan=True, allow_infinity=True)
unit_floats = st.floats(0.0, 1.0)
near_unit = st.one_of(unit_floats, st.sampled_from([-0.0, -1e-300, 1 + 1e-15, 5e-324,
                                                     np.nextafter(1.0, 2.0)]))
numberish = st.one_of(
    finite_or_not,
    near_unit,
    st.integers(-FLOAT_SAFE_INT, FLOAT_SAFE_INT),
    st.integers(0, 1),
    st.booleans(),
    st.none(),
    st.text(max_size=30),
    st.fractions(max_denominator=10**6),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
    unit_floats.map(np.float64),
    st.floats(width=32, allow_nan=True, allow_infinity=True).map(np.float32),
    st.integers(-(2**63), 2**63 - 1).map(np.int64),
    st.lists(unit_floats, max_size=3),
    unit_floats.map(lambda x: np.array([x])),
)


def _is_clean_unit(value) -> bool:
    """Would a careful validator accept ``value`` as a number on [0, 1]?"""
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | Fraction |
                                                              np.floating | np.integer):
        return False
    x = float(value)
    return not math.isnan(x) and 0.0 <= x <= 1.0


def _accepted_or_clear(build, values: dict, low=0.0, high=1.0):
    """Build, and check: accepted exactly when every value is a clean number in range (then
    stored as that float), refused otherwise with an InputError naming a bad parameter."""
    clean = all(_is_clean_unit(v) if (low, high) == (0.0, 1.0) else _in(v, low, high)
                for v in values.values())
    try:
        obj = build()
    except InputError as exc:
        message = str(exc)
        assert not clean, f"refused clean values {values}: {message}"
        named = [k for k in values if k in message]
        assert named, f"the message names no parameter: {message}"
        return None
    assert clean, f"accepted {values}"
    for k, v in values.items():
        stored = getattr(obj, k)
        assert type(stored) is float and stored == float(v), (k, v, stored)
    return obj


def _in(value, low, high) -> bool:
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | float | Fraction |
                                                              np.floating | np.integer):
        return False
    x = float(value)
    return not math.isnan(x) and low <= x <= high


# --- 1. caregiving, temperament and model parameters (Python API) ---------------------------

@FUZZ
@given(st.fixed_dictionaries({name: numberish for name in PROFILE_PARAMETERS}))
def test_caregiver_profile_accepts_exactly_numbers_on_the_unit_interval(values):
    profile = _accepted_or_clear(lambda: CaregiverProfile(**values), values)
    if profile is not None:
        assert 1.0 <= profile.sensitivity <= 9.0
        # a history of it, and a replacement by another random value, are validated too
        CaregivingHistory.constant(profile)


@FUZZ
@given(st.fixed_dictionaries({"reactivity": numberish, "soothability": numberish}),
       st.fixed_dictionaries({"reactivity_mean": numberish, "soothability_mean": numberish}),
       st.fixed_dictionaries({"reactivity_sd": numberish, "soothability_sd": numberish}))
def test_temperament_accepts_exactly_numbers_in_range(fixed, means, sds):
    _accepted_or_clear(lambda: Temperament(**fixed), fixed)
    try:
        dist = TemperamentDistribution(**means, **sds)
    except InputError as exc:
        assert not (all(_is_clean_unit(v) for v in means.values())
                    and all(_in(v, 0.0, 0.5) for v in sds.values())), str(exc)
        assert any(k in str(exc) for k in (*means, *sds)), str(exc)
    else:
        from simulation.rng import infant_keys

        r, s = dist.draw(infant_keys(0, np.arange(5)))
        assert np.all((r >= 0) & (r <= 1) & (s >= 0) & (s <= 1))


param_names = st.one_of(st.sampled_from(ModelParams.names()),
                        st.text(min_size=1, max_size=40))


@FUZZ
@given(st.dictionaries(param_names, numberish, max_size=5))
def test_model_params_accept_exactly_known_names_in_range(changes):
    info = {d["name"]: d for d in ModelParams.describe()}
    known = all(k in info for k in changes)
    clean = known and all(_in(v, info[k]["low"], info[k]["high"]) for k, v in changes.items())
    try:
        params = ModelParams().with_changes(**changes)
    except InputError as exc:
        assert not clean, f"refused {changes}: {exc}"
        assert any(k in str(exc) for k in changes), str(exc)
    else:
        assert clean, f"accepted {changes}"
        for k, v in changes.items():
            assert getattr(params, k) == float(v)


@pytest.mark.parametrize("build", [lambda v: CaregiverProfile(v, 0.5, 0.5),
                                   lambda v: Temperament(v, 0.5),
                                   lambda v: ModelParams(learn_trust=v)])
def test_huge_integers_are_refused_by_the_python_api(build):
    with pytest.raises(InputError):
        build(10**400)


# --- 2. the command line: ssp run with random flags and values --------------------------------

def _number_texts():
    return st.one_of(
        unit_floats.map(repr), finite_or_not.map(repr), finite_or_not.map(lambda x: f"{x:g}"),
        st.integers().map(str), st.integers(10**300, 10**4000).map(str),
        st.sampled_from(["nan", "NaN", "-nan", "inf", "-inf", "Infinity", "1e309", "-1e-400",
                         "0x1p-2", "0x10", "1_000", "0,5", " 0.5 ", "0.5\n", "½", "٠.٥",
                         "０.５", "1e", "--1", "+.5", ".", "", " ", "\t", "0" * 5000,
                         "1" + "0" * 4400, "9" * 5000, "e" * 10_000, "-", "--"]),
    )


nasty_text = st.one_of(
    _number_texts(),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200),
    st.text(min_size=1, max_size=8).map(lambda s: s * 2000),  # very long
    st.sampled_from(["sensitive", "rejecting", "inconsistent", "global", "SENSITIVE",
                     "sensitive ", "../../etc/passwd", "\x00", "null", "{}", "[]",
                     "'; rm -rf /", "$(id)", "%s%n", "\u202e", "\ufeff"]),
)

FLAG_VALUES = {
    "--responsiveness": nasty_text, "--consistency": nasty_text, "--warmth": nasty_text,
    "--frightening": nasty_text, "--reactivity": nasty_text, "--soothability": nasty_text,
    "--preset": nasty_text, "--population": nasty_text, "--seed": nasty_text,
    "--age": nasty_text,
}
_unit_text = st.one_of(
    unit_floats.map(repr), unit_floats.map(lambda x: f"{x:.2f}"),
    st.sampled_from(["0", "1", "0.0", "1.0", ".5", "5e-1", " 0.5", "0.5 ", "+0.5", "-0",
                     "１", "1_0e-1", "0.25\n"]))
#: Values ``ssp run`` should accept, in the many ways they can be written.
VALID_VALUES = {
    **{f"--{name}": _unit_text for name in (*PROFILE_PARAMETERS, "reactivity", "soothability")},
    "--preset": st.sampled_from(["sensitive", "rejecting", "inconsistent", "under-involved",
                                 "frightening"]),
    "--population": st.sampled_from(["global", "baltimore", "japan", "low-risk-abcd"]),
    "--seed": st.one_of(st.integers(0, 2**63 - 1).map(str), st.sampled_from(["0", "007", " 9"])),
    "--age": st.one_of(st.floats(11, 20).map(repr), st.sampled_from(["12", "11", "20", "12.5"])),
}
#: Accepted runs stay cheap: at most this many infants.
CHEAP_INFANTS = 3


def _infants_texts():
    return st.one_of(
        st.integers(1, CHEAP_INFANTS).map(str),
        st.sampled_from(["0", "-1", "-0", "1.5", "1e3", "3.0", "nan", "inf", "", "three",
                         f"{limits.MAX_INFANTS + 1}", f"{limits.MAX_INFANTS + 1:,}",
                         f"{limits.MAX_INFANTS + 1:_}", "9" * 5000, "1" + "0" * 30,
                         "٣", "0x2", " 2", "2 ", "+2", "2\x00", "-" * 3]),
        nasty_text,
    )


def _expected_infants(text: str) -> int | None:
    """The infant count ``ssp run`` would accept, or None if it should refuse the text."""
    try:
        value = int(str(text).replace("_", "").replace(",", ""))
    except ValueError:
        return None
    return value if 1 <= value <= limits.MAX_INFANTS else None


@st.composite
def run_arguments(draw):
    """``ssp run`` arguments: random flags in random order, junk, paths; infants kept small."""
    argv = ["run"]
    hostile = draw(st.integers(0, 7)) > 0  # mostly hostile; one in eight well-formed values
    flags = draw(st.lists(st.sampled_from(sorted(FLAG_VALUES)), max_size=6))
    for flag in flags:
        valid = not hostile or draw(st.integers(0, 3)) > 0
        argv += [flag, draw(VALID_VALUES[flag] if valid else FLAG_VALUES[flag])]
    if draw(st.booleans()):
        argv.append("--quiet")
    out_kind = draw(st.sampled_from(["none", "none", "csv", "parquet", "bad-suffix", "dir",
                                     "enotdir", "missing-dir", "unicode", "same-as-scales"]
                                    if hostile else ["none", "csv", "parquet", "unicode"]))
    scales = draw(st.sampled_from(["none", "none", "none", "csv", "enotdir"] if hostile
                                  else ["none", "none", "csv"]))
    if hostile and draw(st.integers(0, 9)) == 0:  # junk: unknown flags, positionals, ...
        junk = draw(st.lists(st.one_of(nasty_text, st.sampled_from(
            ["--out", "--infants", "--preset", "--help-me", "-x", "--", "-1", "--seed=1"])),
            min_size=1, max_size=4))
        position = draw(st.integers(1, len(argv)))
        argv[position:position] = junk
    infants = draw(_infants_texts().filter(lambda t: (_expected_infants(t) or 0) <= CHEAP_INFANTS)
                   if hostile else st.integers(1, CHEAP_INFANTS).map(str))
    return argv, out_kind, scales, infants


def _path(kind: str, base: Path, n: int, role: str) -> str | None:
    if kind == "none":
        return None
    return {
        "csv": f"{role}{n}.csv", "parquet": f"{role}{n}.parquet",
        "bad-suffix": f"{role}{n}.txt", "dir": ".", "enotdir": f"a-file/{role}{n}.csv",
        "missing-dir": f"no-such-dir/{role}{n}.csv", "unicode": f"résumé-{n}-ĳ🙂.parquet",
        "same-as-scales": f"same{n}.csv",
    }[kind]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    log = tmp_path_factory.mktemp("sandbox") / "sandbox.log"
    with Sandbox(log=log) as box:
        yield box
    print(f"\nsandbox: {box.cases} cases, peak RSS {box.peak_kb / 1024:.0f} MiB, "
          f"slowest case {box.slowest:.1f} s")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("ssp-run")
    (base / "a-file").write_text("a regular file: paths under it fail with ENOTDIR\n")
    return base


_counter = itertools.count()


@FUZZ
@given(run_arguments())
def test_ssp_run_runs_or_says_one_line_exit_2(sandbox, run_dir, case):
    from simulation.io import read_table

    argv, out_kind, scales_kind, infants = case
    n = next(_counter)
    argv = list(argv)
    out = _path(out_kind, run_dir, n, "out")
    scales = _path(scales_kind, run_dir, n, "scales")
    if out_kind == "same-as-scales":
        scales = out
    if out is not None:
        argv += ["--out", out]
    if scales is not None:
        argv += ["--scales", scales]
    argv += ["--infants", infants]  # last, so it wins: an accepted run stays small
    before = {p.name for p in run_dir.iterdir()}
    note(f"argv = {argv!r}")
    answer = sandbox.main(argv, cwd=run_dir)
    after = {p.name for p in run_dir.iterdir()}
    new = after - before
    rc = answer["rc"]
    event(f"exit status {rc}")
    if rc == 0:
        assert "Traceback" not in answer["stderr"]
        n_infants = _expected_infants(infants)
        assert n_infants is not None and n_infants <= CHEAP_INFANTS, infants
        assert f"{n_infants:,} infants, seed" in answer["stdout"]
        for line in ("secure", "avoidant", "ambivalent", "disorganized", "D rating"):
            assert line in answer["stdout"]
        for path in (out, scales):
            if path is not None:
                table = read_table(run_dir / path)
                assert len(table) == n_infants or path == scales
        assert not [p for p in new if p.startswith(".")], new  # no temporary files left
    else:
        assert rc == 2, f"exit status {rc} (expected 2 for a refusal): {answer['stderr']}"
        one_clear_line(answer["stderr"], "ssp", echoed=argv)
        assert not new, f"a refused run left files: {new}"
        assert "wrote" not in answer["stdout"]


def test_a_file_name_too_long_for_ssp_run_is_a_user_error(sandbox, run_dir):
    answer = sandbox.main(["run", "--infants", "1", "--out", "n" * 300 + ".csv"], cwd=run_dir)
    assert answer["rc"] == 2


@settings(max_examples=max(5, EXAMPLES // 40), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(run_arguments())
def test_the_real_entry_point_sample(run_dir, case):
    """A sample through ``python -m simulation`` itself (a real process, real argv encoding)."""
    argv, out_kind, scales_kind, infants = case
    argv = [a for a in argv if "\x00" not in a]  # the OS cannot pass a NUL in argv
    infants = infants.replace("\x00", "")
    proc = subprocess.run([sys.executable, "-m", "simulation", *argv, "--infants", infants],
                          capture_output=True, text=True, errors="replace", timeout=120,
                          cwd=run_dir, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    if proc.returncode == 0:
        assert _expected_infants(infants) is not None
    else:
        assert proc.returncode == 2, proc.stderr
        one_clear_line(proc.stderr, "ssp", echoed=argv)


# --- 3. experiment files ----------------------------------------------------------------------

TOKENS = ["[", "]", "{", "}", "[[", "]]", "=", ".", ",", '"', "'", '"""', "'''", "\n", "#", " ",
          "\\", "name", "seed", "infants", "replicates", "caregiving", "sweep", "axes", "params",
          "temperament", "output", "design", "grid", "list", "points", "samples", "sampled",
          "spells", "from_month", "preset", "responsiveness", '"caregiving.warmth"', "1", "0.5",
          "-1", "1e999", "nan", "inf", "true", "false", "1979-05-27T07:32:00Z", "0x7f", "é",
          "\u0000", "\ud7ff", "🙂", "a.b.c.d.e.f.g.h", "[a]", "[[a]]", "{a=1}", "= =",
          "9" * 400, "9" * 4400, "0x" + "f" * 5000]


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=80)
       .map("".join))
def test_random_toml_text_is_refused_with_one_clear_message(sandbox, tmp_path_factory, text):
    path = tmp_path_factory.getbasetemp() / "random.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    answer = sandbox.load(path)
    if answer["rc"] == 2:
        assert answer["stderr"].startswith(str(path)), answer["stderr"]
        assert "\n" not in answer["stderr"], f"a message of several lines: {answer['stderr']}"


BASE_EXPERIMENT = {
    "name": "fuzz",
    "description": "a valid experiment the fuzzer mutates",
    "seed": 7,
    "infants": 4,
    "replicates": 2,
    "caregiving": {"preset": "sensitive", "warmth": 0.7},
    "temperament": {"reactivity_mean": 0.5, "reactivity_sd": 0.1},
    "params": {"learn_trust": 0.05},
    "ssp": {"age_months": 12, "caregiver": "primary"},
    "sweep": {"design": "grid", "axes": {"caregiving.consistency": [0.2, 0.8],
                                         "params.separation_stress": {"from": 0.2, "to": 0.6,
                                                                      "steps": 3}}},
    "output": {"format": "parquet", "scales": False},
}

leaf_values = st.one_of(
    finite_or_not, st.integers(), st.integers(10**19, 10**400), st.booleans(),
    st.text(max_size=20), st.text(min_size=1, max_size=3).map(lambda s: s * 10_000),
    st.sampled_from([RawToml("1979-05-27T07:32:00Z"), RawToml("07:32:00"), RawToml("9" * 4400),
                     RawToml("-" + "1" * 5000), RawToml("0b" + "1" * 5000), RawToml("1e99999"),
                     RawToml("1979-05-27"), "sensitive", "global", "grid", "list", "sampled",
                     "one-at-a-time", "csv", "caregiving.warmth", "params.learn_trust",
                     "secondary.share", "temperament.reactivity", "population.name", "ssp.frozen",
                     "caregiving.spells.0.warmth", 0, 1, -1, 0.0, 1.0, 1e300, 10_000, 100_001]),
)
any_value = st.recursive(leaf_values, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(
        ["from", "to", "steps", "low", "high", "log", "label", "preset", "warmth", "share",
         "caregiving.warmth", "params.learn_trust", "spells", "from_month", "name"])),
        inner, max_size=4)), max_leaves=12)


#: Values of the right kinds, for mutations that should often still load.
plausible_values = st.one_of(
    unit_floats, st.integers(0, 40), st.booleans(),
    st.sampled_from(["sensitive", "rejecting", "global", "japan", "grid", "one-at-a-time",
                     "sampled", "list", "csv", "parquet", "primary", "secondary", "per-cell",
                     "common", "random", "latin-hypercube"]),
    st.lists(unit_floats, min_size=1, max_size=4, unique=True),
    st.fixed_dictionaries({"from": unit_floats, "to": unit_floats, "steps": st.integers(1, 50)}),
    st.fixed_dictionaries({"low": st.floats(0.01, 0.4), "high": st.floats(0.5, 1.0),
                           "log": st.booleans()}),
)


def _at(tree, path):
    for part in path:
        tree = tree[part]
    return tree


def _paths(tree, prefix=()):
    """Every (path, container) in a nested dict/list."""
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield (*prefix, k)
            yield from _paths(v, (*prefix, k))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield (*prefix, i)
            yield from _paths(v, (*prefix, i))


@st.composite
def mutated_experiments(draw):
    import copy

    data = copy.deepcopy(BASE_EXPERIMENT)
    if draw(st.integers(0, 2)) == 0:  # gentle: values of the right kind at existing leaves
        for _ in range(draw(st.integers(1, 3))):
            leaves = [p for p in _paths(data) if not isinstance(_at(data, p), dict | list)]
            path = draw(st.sampled_from(leaves))
            old = _at(data, path)
            same_kind = {bool: st.booleans(), int: st.integers(0, 60),
                         float: st.one_of(unit_floats, st.sampled_from([0.0, 1.0, 5e-324]))}
            kind = same_kind.get(type(old), st.sampled_from(
                ["sensitive", "rejecting", "inconsistent", "fuzz-2", "grid", "one-at-a-time",
                 "csv", "primary", "x" * 200, "é🙂", ""]))
            _at(data, path[:-1])[path[-1]] = draw(st.one_of(kind, kind, plausible_values))
        return data
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(data))
        op = draw(st.sampled_from(["replace", "replace", "plausible", "plausible", "delete",
                                   "add", "add-axis"]))
        if op == "add-axis" and isinstance(data.get("sweep"), dict):
            axes = data["sweep"].setdefault("axes", {})
            if isinstance(axes, dict):
                axes[draw(st.one_of(st.sampled_from(leaf_values_paths), st.text(max_size=30)))] = \
                    draw(st.one_of(plausible_values, any_value))
            continue
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if op == "replace":
            parent[path[-1]] = draw(any_value)
        elif op == "plausible":
            parent[path[-1]] = draw(plausible_values)
        elif op == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=15))] = draw(any_value)
        else:
            parent.append(draw(any_value))
    return data


leaf_values_paths = ["caregiving.warmth", "caregiving.preset", "caregiving.responsiveness",
                     "params.learn_trust", "params.occasions_per_month", "temperament.reactivity",
                     "temperament.reactivity_sd", "ssp.age_months", "ssp.frozen", "ssp.caregiver",
                     "secondary.share", "population.name", "caregiving.spells.0.warmth",
                     "caregiving..warmth", "caregiving.warmth.x", ".", "params.🙂"]


@FUZZ
@given(mutated_experiments())
def test_mutated_experiment_files_load_or_are_refused_clearly(sandbox, tmp_path_factory, data):
    text = toml_document(data)
    note(text[:3000])
    path = tmp_path_factory.getbasetemp() / "mutated.toml"
    path.write_text(text, encoding="utf-8")
    answer = sandbox.load(path)
    event("loaded" if answer["rc"] == 0 else "refused")
    assert answer["seconds"] < 20, f"validating took {answer['seconds']:.1f} s"
    if answer["rc"] == 0:
        assert 1 <= answer["cells"] <= limits.MAX_SWEEP_CELLS
        assert answer["cells"] * answer["infants"] <= limits.MAX_SWEEP_INFANTS
    else:
        assert answer["rc"] == 2
        message = answer["stderr"]
        assert message.startswith(str(path)), message
        assert "\n" not in message, f"a message of several lines: {message}"
        assert len(message) < 3000, f"an overlong message ({len(message)} characters)"


def _deep(kind: str, depth: int) -> str:
    head = 'name = "deep"\nseed = 1\ninfants = 1\n[caregiving]\npreset = "sensitive"\n'
    if kind == "arrays":
        return head + "[params]\nx = " + "[" * depth + "1" + "]" * depth + "\n"
    if kind == "inline":
        return head + "[params]\nx = " + "{a = " * depth + "1" + "}" * depth + "\n"
    if kind == "dotted":
        return head + "[params]\n" + ".".join(["a"] * depth) + " = 1\n"
    if kind == "header":
        return head + "[" + ".".join(["t"] * depth) + "]\n"
    if kind == "array-tables":
        return head + "[[" + ".".join(["t"] * depth) + "]]\n"
    if kind == "unclosed":
        return head + "[params]\nx = " + "[" * depth + "\n"
    if kind == "mixed":
        return head + "[params]\nx = " + "[{a = " * (depth // 2) + "1" + "}]" * (depth // 2)
    raise AssertionError(kind)


@FUZZ
@given(st.sampled_from(["arrays", "inline", "dotted", "header", "array-tables", "unclosed",
                        "mixed"]),
       st.one_of(st.integers(1, 40), st.integers(40, 200_000)))
def test_deeply_nested_files_are_refused_quickly(sandbox, tmp_path_factory, kind, depth):
    path = tmp_path_factory.getbasetemp() / "deep.toml"
    path.write_text(_deep(kind, depth), encoding="utf-8")
    answer = sandbox.load(path)
    assert answer["seconds"] < 10, f"{kind} x {depth}: {answer['seconds']:.1f} s"
    if depth > limits.MAX_TOML_DEPTH + 1:
        assert answer["rc"] == 2
    if answer["rc"] == 2:
        assert answer["stderr"].startswith(str(path))


@st.composite
def enormous_texts(draw):
    """Files around and beyond MAX_EXPERIMENT_FILE_BYTES, of several shapes."""
    size = draw(st.one_of(st.integers(1000, 50_000),
                          st.integers(limits.MAX_EXPERIMENT_FILE_BYTES - 2000,
                                      limits.MAX_EXPERIMENT_FILE_BYTES + 2000),
                          st.integers(limits.MAX_EXPERIMENT_FILE_BYTES, 4 * (1 << 20))))
    shape = draw(st.sampled_from(["keys", "array", "string", "comment", "points", "axis",
                                  "tables", "binary", "unicode"]))
    head = 'name = "big"\nseed = 1\ninfants = 1\n[caregiving]\npreset = "sensitive"\n'
    unit = {
        "keys": lambda i: f"k{i} = {i}\n",
        "comment": lambda i: "# " + "c" * 70 + "\n",
        "tables": lambda i: f"[t{i}]\n",
        "unicode": lambda i: f"# {'🙂' * 20}\n",
    }
    if shape in unit:
        body, i = [], 0
        total = len(head)
        while total < size:
            piece = unit[shape](i)
            body.append(piece)
            total += len(piece.encode())
            i += 1
        return head + "".join(body)
    if shape == "array":
        n = max(1, size // 5)
        return head + "[sweep.axes]\n\"caregiving.warmth\" = [" + ", ".join(["0.5"] * n) + "]\n"
    if shape == "axis":
        n = max(1, size // 8)
        values = ", ".join(f"{i / n:.5f}" for i in range(n))
        return head + "[sweep]\n[sweep.axes]\n\"caregiving.warmth\" = [" + values + "]\n"
    if shape == "points":
        n = max(1, size // 40)
        return head + "[sweep]\ndesign = \"list\"\n" + "".join(
            f"[[sweep.points]]\n\"caregiving.warmth\" = {i / (n + 1):.6f}\n" for i in range(n))
    if shape == "string":
        return head + 'description = "' + "x" * size + '"\n'
    import random

    noise = random.Random(draw(st.integers(0, 2**32))).randbytes(size)
    return head + noise.decode("latin-1")


@settings(max_examples=max(20, EXAMPLES // 10), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(enormous_texts())
def test_enormous_files_are_refused_or_loaded_within_bounds(sandbox, tmp_path_factory, text):
    path = tmp_path_factory.getbasetemp() / "big.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    size = path.stat().st_size
    before = sandbox.peak_kb
    answer = sandbox.load(path)
    event(f"{'loaded' if answer['rc'] == 0 else 'refused'}, "
          f"{'over' if size > limits.MAX_EXPERIMENT_FILE_BYTES else 'within'} the size limit")
    assert answer["seconds"] < 30, f"{size:,} bytes took {answer['seconds']:.1f} s"
    grew_mb = (answer["maxrss_kb"] - before) / 1024
    assert grew_mb < 400, f"{size:,} bytes raised peak RSS by {grew_mb:.0f} MiB"
    if size > limits.MAX_EXPERIMENT_FILE_BYTES:
        assert answer["rc"] == 2 and "MAX_EXPERIMENT_FILE_BYTES" in answer["stderr"]


# --- 4. ssp sweep: its arguments and paths ------------------------------------------------------

GOOD = ROOT / "tests" / "experiment_files" / "good" / "single.toml"


@FUZZ
@given(st.lists(st.sampled_from(["--workers", "--format", "--scheduler", "--out"]),
                max_size=3, unique=True).flatmap(
    lambda flags: st.tuples(st.just(flags), st.lists(nasty_text, min_size=len(flags),
                                                     max_size=len(flags)))),
       st.sampled_from([str(GOOD), "missing.toml", ".", "a-file/x.toml", "a-file",
                        "n" * 300 + ".toml", "/dev/null", "/proc/self/status"]))
def test_ssp_sweep_dry_run_arguments(sandbox, run_dir, flags_values, file):
    flags, values = flags_values
    argv = ["sweep", file, "--dry-run"]
    for flag, value in zip(flags, values, strict=True):
        argv += [flag, value]
    if "--out" not in flags:
        argv += ["--out", "sweep-out"]
    answer = sandbox.main(argv, cwd=run_dir)
    if answer["rc"] == 0:
        assert "experiment single" in answer["stdout"]
    else:
        assert answer["rc"] == 2, f"exit {answer['rc']}: {answer['stderr']}"
        one_clear_line(answer["stderr"], "ssp", echoed=argv)


def test_the_named_limits_say_how_to_go_beyond_them(sandbox, run_dir):
    """Each limit that protects the machine is refused with its name or a way beyond it."""
    big = limits.MAX_INFANTS + 1
    answer = sandbox.main(["run", "--infants", str(big)], cwd=run_dir)
    line = one_clear_line(answer["stderr"], "ssp run: error:")
    assert answer["rc"] == 2 and "ssp sweep" in line and f"{limits.MAX_INFANTS:,}" in line
    for name in ("sweep-oversized.toml", "sweep-too-many-infants.toml", "infants-too-many.toml"):
        answer = sandbox.main(["sweep", str(ROOT / "tests" / "experiment_files" / "bad" / name),
                               "--out", "o", "--dry-run"], cwd=run_dir)
        line = one_clear_line(answer["stderr"], "ssp sweep: error:")
        assert answer["rc"] == 2
        assert ("split the experiment" in line or "MAX_" in line
                or f"{limits.MAX_INFANTS:,}" in line), line
    path = run_dir / "huge.toml"
    path.write_bytes(b"#" * (limits.MAX_EXPERIMENT_FILE_BYTES + 1))
    answer = sandbox.main(["sweep", str(path), "--out", "o", "--dry-run"], cwd=run_dir)
    line = one_clear_line(answer["stderr"], "ssp sweep: error:")
    assert "MAX_EXPERIMENT_FILE_BYTES" in line
    answer = sandbox.main(["sweep", str(GOOD), "--out", "o", "--workers",
                           str(limits.MAX_SWEEP_WORKERS + 1)], cwd=run_dir)
    assert answer["rc"] == 2 and str(limits.MAX_SWEEP_WORKERS) in answer["stderr"]


# --- what the fuzzing found, kept as plain regression cases -----------------------------------

HEAD = 'name = "found"\nseed = 1\ninfants = 1\n'
FOUND = {
    # tomllib reads integers with int(): over 4,300 digits it raised ValueError (a traceback)
    "int-over-4300-digits": HEAD.replace("seed = 1", "seed = " + "9" * 4400)
    + '[caregiving]\npreset = "sensitive"\n',
    # float() of an integer beyond 1.8e308 raised OverflowError (a traceback)
    "int-beyond-float": HEAD + "[caregiving]\nresponsiveness = " + "9" * 400 + "\n",
    # a key holding a line break was echoed raw: a message of several lines
    "key-with-line-break": HEAD + '[caregiving]\n"warm\\nth" = 0.5\n',
    # a whole table was echoed: a message of tens of thousands of characters
    "table-echoed": HEAD + '[caregiving]\npreset = "sensitive"\n[name]\nx = "' + "0" * 50_000
    + '"\n',
}


@pytest.mark.parametrize("case", sorted(FOUND))
def test_what_fuzzing_found_in_experiment_files(sandbox, run_dir, case):
    path = run_dir / f"{case}.toml"
    path.write_text(FOUND[case], encoding="utf-8")
    answer = sandbox.main(["sweep", str(path), "--out", "o", "--dry-run"], cwd=run_dir)
    assert answer["rc"] == 2
    line = one_clear_line(answer["stderr"], f"ssp sweep: error: {path}")
    assert len(line) < 1000


@pytest.mark.parametrize("where", ["file", "out"])
def test_a_file_name_too_long_for_ssp_sweep_is_a_user_error(sandbox, run_dir, where):
    long = "n" * 300
    argv = (["sweep", long + ".toml", "--out", "o"] if where == "file"
            else ["sweep", str(GOOD), "--out", long])
    answer = sandbox.main(argv, cwd=run_dir)
    assert answer["rc"] == 2, answer["stderr"]
    line = one_clear_line(answer["stderr"], "ssp sweep: error:")
    assert "too long" in line
