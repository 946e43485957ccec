"""`ssp life`: the command-line contract, and clear refusals with nothing half-written."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from test_life_cohort import CONTRACT

from simulation.cli import main


def ssp_here(capsys, *args):
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_life_writes_the_contracts_columns_and_prints_the_figures(tmp_path, capsys):
    out = tmp_path / "lives.parquet"
    code, stdout, stderr = ssp_here(capsys, "life", "--population", "global", "--infants",
                                    "60", "--seed", "2", "--out", str(out), "--quiet",
                                    "--threads", "1")
    assert code == 0, stderr
    table = pd.read_parquet(out)
    assert list(table.columns[:len(CONTRACT)]) == CONTRACT
    assert len(table) == 60 and "child_group" not in table
    assert "infant secure (B) and adult secure (self-report) agree" in stdout
    assert "anxious-preoccupied" in stdout and "wrote 60 rows" in stdout
    # the same seed and caregiving give the same infants as `ssp run`
    infants = tmp_path / "infants.csv"
    assert main(["run", "--population", "global", "--infants", "60", "--seed", "2", "--out",
                 str(infants), "--quiet"]) == 0
    assert (pd.read_csv(infants)["group"].to_numpy() == table["infant_group"].to_numpy()).all()


def test_life_with_child_and_caregiving_flags(tmp_path, capsys):
    out = tmp_path / "lives.csv"
    code, stdout, stderr = ssp_here(capsys, "life", "--preset", "inconsistent", "--warmth",
                                    "0.8", "--infants", "30", "--child", "--out", str(out),
                                    "--quiet")
    assert code == 0, stderr
    table = pd.read_csv(out)
    assert {"child_group", "child_abc_group"} <= set(table.columns)
    assert set(table["child_group"]) <= {"A", "B", "C", "D"}
    assert "their children" in stdout


@pytest.mark.parametrize("args, message", [
    (["--to-age", "-1"], "--to-age must be an integer in [1, 60]"),
    (["--to-age", "abc"], "--to-age must be a whole number"),
    (["--to-age", "500"], "--to-age must be an integer in [1, 60]"),
    (["--infants", "0"], "--infants must be an integer in [1,"),
    (["--infants", "abc"], "--infants must be a whole number"),
    (["--seed", "-3"], "--seed must be an integer"),
    (["--threads", "0"], "--threads must be an integer"),
    (["--responsiveness", "2"], "--responsiveness must be a number in [0, 1]"),
    (["--population", "atlantis"], "unknown population 'atlantis'"),
    (["--population", "global", "--warmth", "0.5"], "cannot be combined with --population"),
    (["--child", "--to-age", "20"], "--child needs --to-age of at least 28"),
    (["--therapy-age", "40"], "--therapy-age must be a number in [1, 30]"),
])
def test_bad_input_one_clear_line_exit_2(args, message, tmp_path, capsys):
    code, _, stderr = ssp_here(capsys, "life", *args, "--out", str(tmp_path / "x.csv"))
    assert code == 2
    assert message in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())  # nothing written


def test_bad_output_paths_refused_before_any_work(tmp_path, capsys):
    regular = tmp_path / "file.txt"
    regular.write_text("x")
    for path, message in [(regular / "out.csv", "is a file, not a directory"),
                          (tmp_path / "out.xlsx", "must end in .csv or .parquet")]:
        code, _, stderr = ssp_here(capsys, "life", "--infants", "5", "--out", str(path))
        assert code == 2 and message in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


@pytest.mark.slow
def test_life_as_a_subprocess_exits_2_on_a_bad_age():
    proc = subprocess.run([sys.executable, "-m", "simulation", "life", "--to-age", "-1"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("ssp life: error: --to-age must be an integer in [1, 60], "
                                   "got -1")
