"""Every number of the rules is declared: a parameter beside the formula that reads it, or a
named constant that says why it is fixed; the parameter lists are generated from them."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import re
from pathlib import Path

import numpy as np
import pytest
from handmade import disposed, working_model

from simulation.params import ModelParams
from simulation.rules import catalogue, dispositions
from simulation.rules.declaration import HOME, INFANT, SECOND, Constant

pytestmark = pytest.mark.rules

RULES_DIR = Path(catalogue.__file__).resolve().parent
#: Numbers that are arithmetic identities, not constants of the model.
IDENTITIES = {0, 1, 2}


def literal_constants(path: Path) -> set[str]:
    """Module-level names bound to an expression that contains a number other than 0, 1, 2."""
    found = set()
    for node in ast.parse(path.read_text()).body:
        if not isinstance(node, ast.Assign) or any(
                isinstance(t, ast.Name) and t.id in ("PARAMS", "CONSTANTS") for t in node.targets):
            continue  # the declarations themselves
        numbers = [n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant)
                   and isinstance(n.value, int | float) and not isinstance(n.value, bool)]
        if any(x not in IDENTITIES for x in numbers):
            for target in node.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id.lstrip("_").isupper():
                        found.add(name.id)
    return found


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.py")), ids=lambda p: p.name)
def test_every_module_level_number_of_the_rules_is_declared(path):
    declared = {c.name for m, c in catalogue.CONSTANTS if Path(m.__file__).resolve() == path}
    # a module of the rules' infrastructure (not a mechanism) declares its own
    module = importlib.import_module(f"simulation.rules.{path.stem}")
    declared |= {c.name for c in getattr(module, "CONSTANTS", ()) if isinstance(c, Constant)}
    assert literal_constants(path) <= declared, (
        f"{path.name}: declare these as a Param (PARAMS) or say why they are fixed (CONSTANTS)")


def test_every_declared_constant_exists_and_says_why():
    for module, constant in catalogue.CONSTANTS:
        assert hasattr(module, constant.name), (module.__name__, constant.name)
        assert constant.meaning and len(constant.why) > 10


def test_model_params_are_generated_from_the_declarations():
    fields = dataclasses.fields(ModelParams)
    assert [f.name for f in fields] == [p.name for p in catalogue.PARAMS]
    assert len(set(ModelParams.names())) == len(catalogue.PARAMS)
    for f, p in zip(fields, catalogue.PARAMS, strict=True):
        assert (f.default, f.metadata["low"], f.metadata["high"]) == (p.default, p.low, p.high)
        assert p.meaning and p.source


def test_the_compiled_records_hold_exactly_the_parameters_their_loops_read():
    home = {p.name for p in catalogue.PARAMS if p.read_by == HOME}
    second = {p.name for p in catalogue.PARAMS if p.read_by == SECOND}
    assert set(catalogue.HOME_PARAMS.names) == home
    assert set(catalogue.SSP_PARAMS.names) == second | {"squared", "powered"}


@pytest.mark.parametrize("module", catalogue.MECHANISMS, ids=lambda m: m.__name__)
def test_each_parameter_is_read_in_the_module_that_declares_it(module):
    source = inspect.getsource(module)
    for p in getattr(module, "PARAMS", ()):
        assert re.search(rf"\bp\.{p.name}\b", source), f"{module.__name__} never reads {p.name}"
        if p.read_by == INFANT:  # read once per infant: in its dispositions, not per second
            assert re.search(rf"\bp\.{p.name}\b", inspect.getsource(module.dispositions)) or \
                p.name in ("rebuff_threshold", "rebuff_steepness", "hyper_onset", "hyper_span")


def test_each_mechanism_computes_exactly_the_dispositions_it_declares():
    t = dispositions.traits(working_model(), np.array([0.5]), np.array([0.5]), ModelParams())
    declared = []
    for module in dispositions.DISPOSED:
        names = [n for n, _ in module.DISPOSITIONS]
        assert set(module.dispositions(t, ModelParams())) == set(names), module.__name__
        declared += names
    assert list(dispositions.DISPOSITIONS.names) == declared  # each field declared once
    d = disposed()
    assert all(np.isfinite(d[n]) for n in declared)


@pytest.mark.parametrize("module", catalogue.MECHANISMS, ids=lambda m: m.__name__)
def test_each_mechanism_has_its_own_test_file(module):
    name = module.__name__.rpartition(".")[2]
    if name == "per_occasion":  # the home year's loop: tested through small cohorts
        name = "small_cohorts"
    assert (Path(__file__).parent / f"test_{name}.py").is_file()


def test_the_compiled_rules_fingerprint_covers_every_module_with_compiled_rules():
    from simulation.fingerprint import RULES, model_modules

    covered = set(model_modules(RULES))
    compiled = {f"simulation.rules.{p.stem}" for p in RULES_DIR.glob("*.py")
                if "@kernel" in p.read_text()}
    assert compiled and compiled <= covered, sorted(compiled - covered)


def test_a_renamed_parameter_is_refused_with_its_new_name():
    from simulation.inputs import InputError

    with pytest.raises(InputError, match=r"spell_switch \(now preoccupation_switch\)"):
        ModelParams().with_changes(spell_switch=0.1)
