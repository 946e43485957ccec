"""`ssp validate`: the quick run CI relies on (every check runs, reports its kind, and fails only
as a listed known failure), the kinds in its text and JSON, the known-failures mechanism,
`--report` and the options."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from simulation.cli import main
from simulation.validation import checks as checks_module
from simulation.validation import figures as figures_module
from simulation.validation import known_failures
from simulation.validation import report as report_module
from simulation.validation.base import KINDS, Check, Outcome
from simulation.validation.runner import exit_status


def ssp(*args, timeout=900):
    proc = subprocess.run([sys.executable, "-m", "simulation", *args], capture_output=True,
                          text=True, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def strict_json(text: str):
    """Parse JSON, refusing the non-standard NaN and Infinity."""
    def refuse(name):
        raise ValueError(f"non-standard JSON constant {name}")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.slow
def test_quick_validation_runs_every_check(tmp_path):
    """What CI runs: every check on smaller cohorts, as JSON; none breaks, each reports its
    kind, and none fails unless listed among the known failures (exit status 0)."""
    figures = tmp_path / "figures"
    code, out, err = ssp("validate", "--quick", "--quiet", "--json", "--figures", str(figures))
    data = strict_json(out)
    rows = {c["name"]: c for c in data["checks"]}
    assert set(rows) == {c.name for c in checks_module.CHECKS}
    for check in checks_module.CHECKS:
        row = rows[check.name]
        assert row["status"] != "ERROR", f"{check.name}: {row['simulated']}"
        assert row["kind"] == check.kind and row["reference"] == check.reference
        assert row["simulated"] and row["expected"]
        if row["status"] == "known":
            assert row["known_failure"] == known_failures.KNOWN_FAILURES[check.name]
    for kind, summary in data["kinds"].items():
        assert summary["checks"] == sum(c.kind == kind for c in checks_module.CHECKS)
        assert summary["meaning"] == KINDS[kind]
    # every failure is a known one, listed with what was found: an unlisted FAIL fails CI
    failed = [c["name"] for c in data["checks"] if c["status"] == "FAIL"]
    assert failed == [] and code == data["exit_status"] == 0, (failed, err)
    for stem in ("distributions", "episodes", "reunions", "trends", "normative", "subgroups",
                 "distribution-japan"):
        assert (figures / f"{stem}.png").stat().st_size > 10_000


def test_known_failures_name_checks_and_say_what_was_found():
    names = {c.name for c in checks_module.CHECKS}
    assert set(known_failures.KNOWN_FAILURES) <= names
    for reason in known_failures.KNOWN_FAILURES.values():
        assert len(reason) > 40  # a reason, with what was found


def fake(name, passed, error=False, kind="predicted"):
    def run(provider):
        if error:
            raise RuntimeError("broken check")
        return Outcome("simulated value |z| 3", passed, {"z": float("inf"), "none": float("nan")})

    return Check(name, kind, "a reference", "an expectation", run, basis=f"why {name}",
                 topic="behaviour", in_sample=False if kind == "predicted" else None)


@pytest.fixture
def fake_checks(monkeypatch):
    def install(checks, known):
        monkeypatch.setattr(checks_module, "CHECKS", checks)
        monkeypatch.setattr(known_failures, "KNOWN_FAILURES", known)
    return install


THREE_KINDS = [fake("fitted share", True, kind="calibrated"),
               fake("defined scale", True, kind="implementation"),
               fake("works", True), fake("fails", False)]


def test_the_text_output_reports_each_kind_with_its_meaning(fake_checks, capsys):
    fake_checks(THREE_KINDS, {"fails": "the model does X where the literature reports Y"})
    assert main(["validate", "--quick", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "implementation" in out
    assert "calibrated: 1 checks (1 pass)" in out
    assert "implementation: 1 checks (1 pass)" in out
    assert "predicted: 2 checks (1 pass, 1 known)" in out
    assert "only these count" in out  # the meaning of "predicted"


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
    assert "passes in this run: remove it" in out  # a listed check that passes is flagged


def test_json_output_has_kinds_and_standard_numbers(fake_checks, capsys):
    fake_checks(THREE_KINDS, {"fails": "a documented reason"})
    assert main(["validate", "--quick", "--quiet", "--json"]) == 0
    data = strict_json(capsys.readouterr().out)
    assert data["mode"] == "quick" and data["exit_status"] == 0
    status = {c["name"]: c["status"] for c in data["checks"]}
    assert status == {"fitted share": "pass", "defined scale": "pass", "works": "pass",
                      "fails": "known"}
    assert list(data["kinds"]) == list(KINDS)
    assert data["kinds"]["predicted"]["checks"] == 2
    assert data["kinds"]["predicted"]["known"] == 1
    row = next(c for c in data["checks"] if c["name"] == "defined scale")
    assert row["kind"] == "implementation" and row["basis"] == "why defined scale"
    assert row["values"] == {"z": "inf", "none": None}


def test_exit_status_follows_the_rows():
    from simulation.validation.runner import FAIL, KNOWN, PASS, Row

    check = fake("x", True)
    assert exit_status([Row(check, None, PASS, 0.0)]) == 0
    assert exit_status([Row(check, None, KNOWN, 0.0)]) == 0
    assert exit_status([Row(check, None, KNOWN, 0.0)], strict=True) == 1
    assert exit_status([Row(check, None, FAIL, 0.0)]) == 1


# ---------------------------------------------------------------------------------------------
# --report
# ---------------------------------------------------------------------------------------------
PAGE = f"""# Validation

Hand-written text before.

{report_module.BEGIN}
old generated text
{report_module.END}

Hand-written text after.
"""


@pytest.fixture
def no_figures(monkeypatch):
    """Figures would simulate every population: the report tests stub them."""
    made = []

    def write(provider, out, presentation=True, prefix="", per_population=True):
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in figures_module.REPORT_FIGURES:
            path = out / f"{prefix}{name}.png"
            path.write_bytes(b"png")
            paths.append(path)
        made.append((out, prefix, per_population))
        return paths

    monkeypatch.setattr(figures_module, "write_figures", write)
    return made


def test_report_rewrites_only_the_generated_part(fake_checks, no_figures, tmp_path, capsys):
    fake_checks(THREE_KINDS, {"fails": "the model does X where the literature reports Y"})
    page = tmp_path / "validation.md"
    page.write_text(PAGE)
    assert main(["validate", "--quick", "--quiet", "--report", str(page)]) == 0
    text = page.read_text()
    assert text.startswith("# Validation\n\nHand-written text before.\n")
    assert text.endswith("Hand-written text after.\n")
    assert "old generated text" not in text
    block = text.split(report_module.BEGIN)[1].split(report_module.END)[0]
    for kind in ("Calibrated", "Implementation", "Predicted"):
        assert f"### {kind} checks" in block
    assert ("| defined scale | behaviour | a reference | an expectation | simulated value "
            "\\|z\\| 3 | pass |") in block
    # predicted checks say whether they are in sample, in their table and in the counts
    assert "| fails | behaviour | out of sample | a reference |" in block
    assert "predicted checks: 0 in sample (0 pass), 2 out of sample (1 pass)" in block
    assert "**fails** (predicted; fails): the model does X where the literature reports Y" \
        in block
    assert "mode quick, seed 2025" in block
    for name in figures_module.REPORT_FIGURES:
        assert f"(figures/validation-{name}.png)" in block
        assert (tmp_path / "figures" / f"validation-{name}.png").exists()
    assert no_figures == [(tmp_path / "figures", "validation-", False)]
    assert f"wrote {page}" in capsys.readouterr().out
    # run again: the same page, the block replaced again, not doubled
    assert main(["validate", "--quick", "--quiet", "--report", str(page)]) == 0
    assert page.read_text().count(report_module.BEGIN) == 1


def test_report_makes_a_new_page(fake_checks, no_figures, tmp_path):
    fake_checks([fake("works", True)], {})
    page = tmp_path / "new.md"
    assert main(["validate", "--quick", "--quiet", "--report", str(page)]) == 0
    text = page.read_text()
    assert text.count(report_module.BEGIN) == 1 and text.count(report_module.END) == 1


@pytest.mark.parametrize("setup, args, message", [
    (lambda d: (d / "v.md").write_text("# no markers\n"), [], "marker lines"),
    (lambda d: (d / "v.md").write_text(f"{report_module.END}\n{report_module.BEGIN}\n"), [],
     "marker lines"),
    (lambda d: (d / "v.md").write_text(PAGE), ["--only", "works"], "leave out --only"),
    (lambda d: ((d / "v.md").write_text(PAGE), (d / "figures").write_text("a file")), [],
     "which is a file"),
])
def test_report_refuses_bad_targets_before_running(fake_checks, no_figures, tmp_path, capsys,
                                                   setup, args, message):
    ran = []
    fake_checks([Check("works", "predicted", "r", "e",
                       lambda p: ran.append(1) or Outcome("v", True), basis="b",
                       topic="behaviour", in_sample=False)], {})
    setup(tmp_path)
    page = tmp_path / "v.md"
    before = page.read_text()
    assert main(["validate", "--quick", "--quiet", "--report", str(page), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert page.read_text() == before and not ran and not no_figures


def test_report_into_a_missing_folder_is_refused(fake_checks, no_figures, tmp_path, capsys):
    fake_checks([fake("works", True)], {})
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for target in (tmp_path / "missing" / "v.md", blocker / "v.md"):
        assert main(["validate", "--quick", "--quiet", "--report", str(target)]) == 2
        assert "does not exist" in capsys.readouterr().err
    assert not no_figures
