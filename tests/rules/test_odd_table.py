"""docs/ODD.md's table from behaviour to code names only functions, parameters and constants
that exist, and names every parameter."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from simulation.params import ModelParams
from simulation.rules import catalogue

pytestmark = pytest.mark.rules

ODD = Path(__file__).resolve().parents[2] / "docs" / "ODD.md"
SECTION = "## 8. From each behaviour to the code that makes it"


def table() -> list[list[str]]:
    """The rows of the section's table (behaviour, functions, parameters, constants)."""
    text = ODD.read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[:section.index("\n## ", len(SECTION))]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    assert rows[0].startswith("| behaviour") and set(rows[1]) <= set("|-")
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def test_the_table_is_there_and_every_row_names_code():
    rows = table()
    assert len(rows) >= 15
    assert all(len(r) == 4 and names(r[1]) for r in rows)


def test_every_function_it_cites_exists():
    for row in table():
        for ref in names(row[1]):
            module, _, function = ref.rpartition(".")
            assert module and function, ref
            mod = importlib.import_module(f"simulation.rules.{module}")
            assert callable(getattr(mod, function, None)), f"ODD cites {ref}, which does not exist"


def test_every_parameter_it_cites_exists_and_every_parameter_is_cited():
    cited = [n for row in table() for n in names(row[2])]
    unknown = set(cited) - set(ModelParams.names())
    assert not unknown, f"ODD cites parameters that do not exist: {sorted(unknown)}"
    missing = set(ModelParams.names()) - set(cited)
    assert not missing, f"parameters missing from ODD's table: {sorted(missing)}"


def test_every_constant_it_cites_is_a_declared_constant():
    declared = {c.name for _, c in catalogue.CONSTANTS}
    cited = {n for row in table() for n in names(row[3])}
    assert cited <= declared, sorted(cited - declared)
