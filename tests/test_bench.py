"""``ssp bench`` runs and reports every figure (quick mode; no timing assertions)."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from simulation.bench import QUICK_SIZES, format_result, run_benchmark
from simulation.cli import main
from simulation.cli.bench import parse_sizes
from simulation.inputs import InputError

TARGET_NAMES = {
    "10,000 infants, full procedure", "100,000 infants, full procedure",
    "100,000 infants, peak memory", "cohort vs Mesa, per infant",
    "per-infant time, 10,000 vs 100,000", "10,000 lives to 30 vs 10,000 infants",
}


#: The benchmark run for real: the slow tier.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench_json():
    """``ssp bench --quick --json``, run once for the module."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["bench", "--quick", "--json"]) == 0
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1, "--json prints exactly one line"
    return json.loads(lines[0])


def test_cohort_sizes_each_with_speed_and_memory(bench_json):
    cohort = bench_json["cohort"]
    assert [c["size"] for c in cohort] == sorted(QUICK_SIZES)
    for c in cohort:
        assert c["repeats"] == len(c["seconds"]) >= 1
        assert c["median_seconds"] > 0
        assert c["infants_per_second"] == pytest.approx(c["size"] / c["median_seconds"])
        assert c["ms_per_infant"] > 0
        # peak RSS of the worker process, above what its imports alone took
        assert c["peak_rss_bytes"] >= c["baseline_rss_bytes"] > 10e6
        assert c["first_call_seconds"] > 0


def test_cohort_on_several_threads(bench_json):
    threads = bench_json["settings"]["threads"]
    assert threads == bench_json["machine"]["cores_usable"] or threads == 256
    for c in bench_json["cohort"]:
        many = c["threaded"]
        if threads == 1:
            assert many is None
            continue
        assert many["threads"] == threads and len(many["seconds"]) == c["repeats"]
        assert many["speedup"] == pytest.approx(c["median_seconds"] / many["median_seconds"])


def test_one_thread_only():
    result = run_benchmark(quick=True, sizes=[60], mesa=False, phase_size=0, repeat=1,
                           threads=1)
    assert result.cohort[0].threaded is None and result.settings["threads"] == 1
    assert "threads" not in format_result(result).split("Cohort engine")[1].splitlines()[1]


def test_mesa_speed_ratio(bench_json):
    mesa = bench_json["mesa"]
    assert mesa["median_seconds"] > 0
    assert mesa["seconds_simulated"] > 8 * 30  # eight episodes, at least 30 s each
    assert mesa["cohort_size"] in QUICK_SIZES
    assert mesa["speed_ratio"] > 0
    assert mesa["speed_ratio"] == pytest.approx(
        mesa["median_seconds"] / (mesa["cohort_ms_per_infant"] / 1e3))


def test_life_course_row(bench_json):
    life = bench_json["life"]
    assert life["size"] == max(QUICK_SIZES)  # the size nearest 10,000
    assert life["to_age"] == 30 and life["median_seconds"] > 0
    assert life["ratio"] == pytest.approx(life["median_seconds"] / life["cohort_seconds"])
    targets = {t["name"]: t for t in bench_json["targets"]}
    assert targets["10,000 lives to 30 vs 10,000 infants"]["status"] == "not measured"


def test_phase_breakdown(bench_json):
    phases = bench_json["phases"]
    names = list(phases["seconds"])
    assert names[:2] == ["development", "episodes"]
    assert names[-1] == "table"
    coding = names[2:-1]
    assert coding == (["coding", "classification"] if phases["coding_split"]
                      else ["coding+classification"])
    assert set(phases["covers"]) == set(names)
    assert all(v > 0 for v in phases["seconds"].values())
    assert sum(phases["share"].values()) == pytest.approx(1.0)
    assert phases["total_seconds"] == pytest.approx(sum(phases["seconds"].values()))


def test_machine(bench_json):
    machine = bench_json["machine"]
    for key in ("cpu", "cores", "python", "platform", "numpy", "blas", "compiler"):
        assert machine[key], key
    assert machine["compiler"]["numba"]
    assert machine["cores"] >= 1


def test_targets_reported_not_measured_in_quick_mode(bench_json):
    targets = {t["name"]: t for t in bench_json["targets"]}
    assert set(targets) == TARGET_NAMES
    for t in targets.values():
        assert t["goal"] and t["status"] in {"met", "NOT MET", "not measured"}
    # quick mode has no 10,000 or 100,000 cohort; the Mesa ratio is measured
    assert targets["10,000 infants, full procedure"]["status"] == "not measured"
    assert targets["cohort vs Mesa, per infant"]["met"] is not None


def test_table_output():
    result = run_benchmark(quick=True, sizes=[50], mesa=False, phase_size=0, repeat=1)
    text = format_result(result)
    for heading in ("machine", "Cohort engine", "Targets (issues 7 and 21)", "not measured"):
        assert heading in text
    assert result.mesa is None and result.phases is None
    assert json.loads(result.to_json())["cohort"][0]["size"] == 50


def test_parse_sizes():
    assert parse_sizes("1000, 10k,100_000") == [1000, 10_000, 100_000]
    for bad in ("ten", "0", "1,,2", "2000000"):
        with pytest.raises(InputError):
            parse_sizes(bad)


@pytest.mark.parametrize("argv", [["--sizes", "lots"], ["--repeat", "0"], ["--seed", "-1"],
                                  ["--threads", "0"], ["--threads", "two"],
                                  ["--pages", "watch"],
                                  ["--dashboard", "--pages", "watch,home"],
                                  ["--dashboard", "--pages", ","],
                                  ["--dashboard", "--repeat", "0"]])
def test_bad_arguments_exit_2(argv, capsys):
    assert main(["bench", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ssp bench: error:") and "Traceback" not in err


# --- ssp bench --dashboard: the dashboard's answers in a real browser ------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_dashboard_latency_one_json_line_per_page():
    """``ssp bench --dashboard --json`` on one page and one answer: the shape of its line
    (the figures themselves are not asserted: the machine is shared)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["bench", "--dashboard", "--json", "--repeat", "2",
                     "--pages", "watch,population_1000"]) == 0
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result["latency"]) == {"watch", "population_1000"}
    for page in result["latency"].values():
        assert len(page["samples_s"]) == 2 and all(s > 0 for s in page["samples_s"])
        assert 0 < page["p50_s"] <= page["p95_s"] <= max(page["samples_s"]) + 1e-9
        assert page["target_p50_s"] in (1.0, 2.0) and isinstance(page["met"], bool)
        assert page["server_p50_s"] is None or page["server_p50_s"] > 0
    assert result["machine"]["cores"] >= 1
