"""`ssp run` and `ssp presets`: the command-line contract (docs/design.md), and clear refusals."""

import os
import stat
import subprocess
import sys

import pandas as pd
import pytest

from simulation.cli import main


def ssp(*args, cwd=None):
    """Run the command line in a subprocess (as a user would), return (code, out, err)."""
    proc = subprocess.run([sys.executable, "-m", "simulation", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def ssp_here(capsys, *args):
    """The command line's ``main`` in this process (what the entry point calls), return
    (code, out, err): the user's view without starting an interpreter per case (the entry point
    itself is run as a subprocess above and in ``test_module_and_help``)."""
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.slow
def test_run_prints_distribution_and_writes_one_row_per_infant(tmp_path):
    out = tmp_path / "infants.csv"
    scales = tmp_path / "scales.parquet"
    code, stdout, stderr = ssp("run", "--preset", "sensitive", "--infants", "40", "--seed",
                               "3", "--out", str(out), "--scales", str(scales), "--quiet")
    assert code == 0, stderr
    for name in ("secure", "avoidant", "ambivalent", "disorganized", "95% CI"):
        assert name in stdout
    table = pd.read_csv(out)
    assert len(table) == 40 and table["seed"].eq(3).all()
    indices = [f"d_index_{i}" for i in range(1, 8)]
    assert set(indices) <= set(table.columns) and (table[indices] >= 0).all().all()
    assert table["responsiveness"].eq(0.85).all()
    long = pd.read_parquet(scales)
    assert set(long["infant_id"]) == set(range(40))


def test_same_seed_same_file(tmp_path):
    a, b = tmp_path / "a.parquet", tmp_path / "b.parquet"
    args = ("--responsiveness", "0.4", "--consistency", "0.3", "--warmth", "0.6", "--infants",
            "30", "--seed", "9")
    assert main(["run", *args, "--out", str(a), "--quiet"]) == 0
    assert main(["run", *args, "--out", str(b), "--quiet"]) == 0
    pd.testing.assert_frame_equal(pd.read_parquet(a), pd.read_parquet(b))


def test_flags_override_the_preset(tmp_path):
    out = tmp_path / "t.csv"
    assert main(["run", "--preset", "rejecting", "--warmth", "0.9", "--infants", "5",
                 "--reactivity", "0.2", "--soothability", "0.7", "--out", str(out),
                 "--quiet"]) == 0
    t = pd.read_csv(out)
    assert t["warmth"].eq(0.9).all() and t["responsiveness"].eq(0.7).all()
    assert t["reactivity"].eq(0.2).all() and t["soothability"].eq(0.7).all()
    # the seven indices of Main & Solomon (1990), after the rating
    columns = list(t.columns)
    at = columns.index("d_rating")
    assert columns[at + 1: at + 8] == [f"d_index_{i}" for i in range(1, 8)]


def test_unresolved_flag_reaches_the_table(tmp_path):
    out = tmp_path / "u.csv"
    assert main(["run", "--unresolved", "0.8", "--infants", "5", "--out", str(out),
                 "--quiet"]) == 0
    t = pd.read_csv(out)
    assert t["unresolved"].eq(0.8).all() and t["frightening"].eq(0.0).all()
    assert list(t.columns).index("unresolved") == list(t.columns).index("frightening") + 1


@pytest.mark.parametrize("args, message", [
    (["--preset", "cuddly"], "unknown preset 'cuddly'"),
    (["--responsiveness", "1.5"], "--responsiveness must be a number in [0, 1]"),
    (["--warmth", "warm"], "--warmth must be a number in [0, 1]"),
    (["--consistency", "nan"], "--consistency must be a number in [0, 1]"),
    (["--unresolved", "1.2"], "--unresolved must be a number in [0, 1]"),
    (["--unresolved", "some"], "--unresolved must be a number in [0, 1]"),
    (["--infants", "0"], "--infants must be an integer in [1,"),
    (["--infants", "-5"], "--infants must be an integer in [1,"),
    (["--infants", "lots"], "--infants must be a whole number"),
    (["--infants", "100000000"], "run replicates with `ssp sweep`"),
    (["--seed", "-1"], "--seed must be an integer"),
    (["--population", "atlantis"], "unknown population 'atlantis'"),
    (["--age", "1"], "--age must be 11 to 20 months: the Strange Situation and its "
                     "classification are validated for infants of about 11 to 20 months "
                     "(Ainsworth et al. 1978"),
    (["--age", "10.9"], "--age must be 11 to 20 months"),
    (["--age", "24"], "--age must be 11 to 20 months"),
    (["--age", "twelve"], "--age must be 11 to 20 months"),
])
def test_bad_input_one_clear_line_exit_2(args, message, tmp_path, capsys):
    code, stdout, stderr = ssp_here(capsys, "run", *args, "--out", str(tmp_path / "x.csv"))
    assert code == 2
    assert message in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())  # nothing written


def test_bad_output_paths_refused_before_any_work(tmp_path, capsys):
    regular = tmp_path / "file.txt"
    regular.write_text("x")
    cases = [
        (tmp_path, "is a directory"),
        (regular / "out.csv", "is a file, not a directory"),
        (tmp_path / "missing" / "out.csv", "does not exist"),
        (tmp_path / "out.xlsx", "must end in .csv or .parquet"),
    ]
    for path, message in cases:
        code, _, stderr = ssp_here(capsys, "run", "--infants", "5", "--out", str(path))
        assert code == 2, path
        assert len(stderr.strip().splitlines()) == 1, stderr
        assert message in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


@pytest.mark.slow
def test_presets_lists_every_preset_with_parameters():
    code, stdout, _ = ssp("presets")
    assert code == 0
    for name in ("sensitive", "rejecting", "inconsistent", "under-involved", "frightening",
                 "unresolved", "global", "japan"):
        assert name in stdout
    assert "Ainsworth-sensitivity" in stdout


@pytest.mark.slow
def test_module_and_help():
    code, stdout, _ = ssp("--help")
    assert code == 0 and "run" in stdout
    code, _, stderr = ssp("run", "--no-such-flag")
    assert code == 2 and "unrecognized arguments" in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_output_files_honour_the_umask(tmp_path, umask, mode):
    """Results are files a research group can share: 0666 less the umask, not 0600."""
    out, scales = tmp_path / "infants.parquet", tmp_path / "scales.csv"
    old = os.umask(umask)
    try:
        assert main(["run", "--preset", "sensitive", "--infants", "3", "--out", str(out),
                     "--scales", str(scales), "--quiet"]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert stat.S_IMODE(scales.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["infants.parquet", "scales.csv"]
