"""`ssp validate`: the quick run CI relies on, the known-failures mechanism, the options."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from simulation.cli import main
from simulation.validation import checks as checks_module
from simulation.validation import known_failures
from simulation.validation.checks import CHECKS, Check, Outcome


def ssp(*args, timeout=900):
    proc = subprocess.run([sys.executable, "-m", "simulation", *args], capture_output=True,
                          text=True, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.slow
def test_quick_validation_runs_and_passes(tmp_path):
    """What CI runs: every check, smaller cohorts; exit 0 (known failures listed)."""
    figures = tmp_path / "figures"
    code, out, err = ssp("validate", "--quick", "--quiet", "--figures", str(figures))
    assert code == 0, out + err
    for header in ("check", "kind", "reference", "expected", "simulated", "result"):
        assert header in out
    for check in CHECKS:
        assert check.name[:20] in out
    assert "calibrated:" in out and "predicted:" in out
    for name in known_failures.KNOWN_FAILURES:
        assert name in out  # the known failures are shown with their reasons
    for stem in ("distributions", "episodes", "reunions", "trends", "distribution-japan"):
        assert (figures / f"{stem}.png").stat().st_size > 10_000


def test_every_check_has_a_kind_reference_and_expectation():
    names = [c.name for c in CHECKS]
    assert len(names) == len(set(names))
    assert {c.kind for c in CHECKS} == {"calibrated", "predicted"}
    for c in CHECKS:
        assert c.reference and c.expected
    calibrated = {c.name for c in CHECKS if c.kind == "calibrated"}
    for key in ("global", "baltimore", "japan", "west-germany", "china", "low-risk-abcd"):
        assert f"distribution {key}" in calibrated
    assert set(known_failures.KNOWN_FAILURES) <= set(names)
    for reason in known_failures.KNOWN_FAILURES.values():
        assert len(reason) > 40  # a reason, with what was found


def fake(name, passed, error=False):
    def run(provider):
        if error:
            raise RuntimeError("broken check")
        return Outcome("simulated value", passed)

    return Check(name, "predicted", "a reference", "an expectation", run)


@pytest.fixture
def fake_checks(monkeypatch):
    def install(checks, known):
        monkeypatch.setattr(checks_module, "CHECKS", checks)
        monkeypatch.setattr(known_failures, "KNOWN_FAILURES", known)
    return install


def test_a_listed_failure_passes_and_strict_fails(fake_checks, capsys):
    fake_checks([fake("works", True), fake("fails", False)],
                {"fails": "the model does X where the literature reports Y"})
    assert main(["validate", "--quick", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "known" in out and "the model does X where the literature reports Y" in out
    assert main(["validate", "--quick", "--quiet", "--strict"]) == 1


def test_an_unlisted_failure_or_an_error_fails(fake_checks, capsys):
    fake_checks([fake("works", True), fake("fails", False)], {})
    assert main(["validate", "--quick", "--quiet"]) == 1
    assert "FAIL" in capsys.readouterr().out
    fake_checks([fake("works", True), fake("broken", True, error=True)], {"works": "listed"})
    assert main(["validate", "--quick", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "ERROR" in out and "broken check" in out
    assert "now pass: remove from the list" in out  # a listed check that passes is flagged


def test_json_output(fake_checks, capsys):
    fake_checks([fake("works", True), fake("fails", False)], {"fails": "a documented reason"})
    assert main(["validate", "--quick", "--quiet", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "quick" and data["exit_status"] == 0
    status = {c["name"]: c["status"] for c in data["checks"]}
    assert status == {"works": "pass", "fails": "known"}


def test_only_selects_checks_and_runs_them_for_real(capsys):
    assert main(["validate", "--quick", "--quiet", "--only", "distribution baltimore"]) == 0
    out = capsys.readouterr().out
    assert "distribution baltimore" in out and "distribution japan" not in out


@pytest.mark.parametrize("args, message", [
    (["--only", "no such check"], "no check name contains"),
    (["--seed", "x"], "--seed must be a whole number"),
])
def test_bad_input_is_one_line(args, message):
    code, out, err = ssp("validate", "--quick", *args, timeout=120)
    assert code == 2 and message in err and "Traceback" not in err


def test_figures_path_must_be_a_directory(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    code, out, err = ssp("validate", "--quick", "--only", "baltimore", "--figures", str(f),
                         timeout=120)
    assert code == 2 and "--figures must be a directory" in err
