"""``ssp sweep``: one-line errors with exit status 2 that start no work; dry runs; a real run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulation import compiled
from simulation.cli import main
from simulation.sweep import read_manifest

FILES = Path(__file__).parent / "experiment_files"
BAD = sorted((FILES / "bad").glob("*.toml"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_files_one_line_exit_2_and_no_work(path, tmp_path, capsys):
    out = tmp_path / "out"
    status = main(["sweep", str(path), "--out", str(out), "--workers", "1"])
    captured = capsys.readouterr()
    assert status == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(f"ssp sweep: error: {path}")
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert not out.exists()  # nothing started


@pytest.mark.slow
def test_the_command_line_entry_point_reports_one_line(tmp_path):
    bad = FILES / "bad" / "deep-arrays.toml"
    proc = subprocess.run([sys.executable, "-m", "simulation", "sweep", str(bad), "--out",
                           str(tmp_path / "o")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "nested more than 16 levels" in proc.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "--workers must be in [1, 512], got 0"),
    (["--workers", "two"], "--workers must be a whole number, got 'two'"),
    (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "not both"),
])
def test_bad_options(args, message, tmp_path, capsys):
    good = FILES / "good" / "single.toml"
    status = main(["sweep", str(good), "--out", str(tmp_path / "o"), *args])
    err = capsys.readouterr().err
    assert status == 2 and message in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_missing_out_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["sweep", str(FILES / "good" / "single.toml")])
    assert info.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_unusable_out_directory(tmp_path, capsys):
    compiled.ensure_compiled()  # else the first compilation's notice is a line of its own
    a_file = tmp_path / "file"
    a_file.write_text("x")
    status = main(["sweep", str(FILES / "good" / "single.toml"), "--out", str(a_file)])
    err = capsys.readouterr().err
    assert status == 2 and "is a file, not a directory" in err and err.count("\n") == 1


def test_dry_run_lists_cells_without_running(tmp_path, capsys):
    status = main(["sweep", str(FILES / "good" / "history-secondary.toml"), "--out",
                   str(tmp_path / "o"), "--dry-run"])
    out = capsys.readouterr().out
    assert status == 0
    assert "4 design point(s) (list) x 1 replicate(s) = 4 cells of 8 infants" in out
    assert "[raised at 6 months] caregiving.spells.1.responsiveness = 0.85" in out
    assert not (tmp_path / "o").exists()


def test_a_run_then_a_resume(tmp_path, capsys):
    good = FILES / "good" / "single.toml"
    out = tmp_path / "o"
    status = main(["sweep", str(good), "--out", str(out), "--workers", "1", "--quiet",
                   "--format", "csv"])
    text = capsys.readouterr().out
    assert status == 0
    assert "running 2 cell(s) (serial, 1 worker(s))" in text
    assert "2 of 2 cells done" in text
    assert read_manifest(out)["format"] == "csv"
    assert len(list((out / "cells").glob("*.csv"))) == 2
    status = main(["sweep", str(good), "--out", str(out), "--quiet", "--format", "csv"])
    text = capsys.readouterr().out
    assert status == 0 and "2 cell(s) already done" in text and "nothing left to run" in text
    assert "running" not in text and "ran " not in text and "worker(s)" not in text
    status = main(["sweep", str(good), "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert status == 2 and "its cells are csv files, not parquet" in err
