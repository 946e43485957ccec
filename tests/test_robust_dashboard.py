"""The dashboard on a class server: bound to loopback unless told otherwise, no page writes to
the server's disk or opens a path a user gave, the population size is capped, and a class of
concurrent browser sessions is served (a reduced class here: ``SSP_LOAD_SESSIONS``, default 6;
the full 30-session figures come from ``tests/robust_load.py``, see ``docs/classroom.md``).

Timing targets are not asserted here (they live in the benchmark and the report); the load test
asserts that every session completes without an error, and prints its figures.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_helpers import EXAMPLES, one_clear_line

from simulation import limits
from simulation.cli import main as ssp

os.environ["SSP_DASHBOARD_WARM"] = "0"

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "dashboard"
APP = DASHBOARD / "main.py"  # the pages' script (app.py serves it)
PAGES = ("watch", "patterns", "population", "explore", "change", "coder", "learn", "life")
SESSIONS = int(os.environ.get("SSP_LOAD_SESSIONS", "6"))


# --- ssp dashboard: where it listens ------------------------------------------------------------

def _dashboard_command(argv: list[str], monkeypatch) -> tuple[int, list | None, str]:
    """Run ``ssp dashboard ARGV`` in process with the server start captured, not run."""
    import simulation.cli.dashboard as cli_dashboard

    started: list = []

    def fake_serve(cmd, cwd):
        started.append((cmd, {"cwd": cwd}))
        return 0

    monkeypatch.setattr(cli_dashboard, "serve", fake_serve)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            rc = ssp(["dashboard", *argv])
        except SystemExit as exc:
            rc = exc.code if isinstance(exc.code, int) else 1
    return rc, (started[0] if started else None), err.getvalue()


def _option(cmd: list[str], name: str) -> str:
    return cmd[cmd.index(name) + 1]


def test_ssp_dashboard_listens_on_loopback_unless_told(monkeypatch):
    rc, started, _ = _dashboard_command([], monkeypatch)
    assert rc == 0
    cmd, kwargs = started
    assert _option(cmd, "--server.address") == "127.0.0.1"
    assert _option(cmd, "--server.headless") == "true"
    assert _option(cmd, "--browser.gatherUsageStats") == "false"
    assert "shell" not in kwargs  # an argument list, never a shell line
    rc, (cmd, _), _ = _dashboard_command(["--host", "0.0.0.0", "--port", "8600"], monkeypatch)
    assert rc == 0 and _option(cmd, "--server.address") == "0.0.0.0"
    assert _option(cmd, "--server.port") == "8600"


host_texts = st.one_of(
    st.sampled_from(["127.0.0.1", "0.0.0.0", "::1", "localhost", "", " ", "a b", "0.0.0.0 ",
                     "--server.port", "-h", "\n", "host\x00", "$(id)", ";rm -rf /", "ü.example"]),
    st.text(max_size=40))
port_texts = st.one_of(st.integers(-5, 70000).map(str), st.sampled_from(
    ["", "80.5", "0x50", "nan", "1e3", "8501 ", "٨٥٠١", "99999999999999999999999"]),
    st.text(max_size=10))


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(host_texts, port_texts)
def test_ssp_dashboard_arguments_start_exactly_what_was_asked_or_refuse(monkeypatch, host, port):
    rc, started, err = _dashboard_command(["--host", host, "--port", port], monkeypatch)
    if rc == 0:
        cmd, _ = started
        assert _option(cmd, "--server.address") == host.strip()
        assert 1 <= int(_option(cmd, "--server.port")) <= 65535
        assert not any(c.isspace() for c in host.strip()) and host.strip()
    else:
        assert rc == 2 and started is None
        one_clear_line(err, "ssp", echoed=[host, port])


@pytest.mark.browser
@pytest.mark.slow
def test_the_real_server_listens_on_loopback_only(class_run):
    addresses = class_run["listening"]
    assert addresses, "the server's listening socket was not found"
    assert set(addresses) <= {"127.0.0.1", "[v6]00000000000000000000000001000000"}, addresses


# --- no page writes to disk or opens a path from the user ---------------------------------------

WRITING_CALLS = re.compile(
    r"\bopen\(|\.write_(text|bytes)\(|\bto_(parquet|pickle|excel|feather|json|hdf)\(|"
    r"\bwrite_table\(|\bmkdir\(|\bmakedirs\(|\bshutil\.|\btempfile\.|\bos\.(remove|unlink|"
    r"rename|replace)\(|\bfile_uploader\(|\bread_(csv|parquet|table|json|pickle)\(|"
    r"\bload_results\(|\bload_experiment\(")


#: Modules of the dashboard package that the app never imports: the benchmark that drives a
#: server and a browser from outside (its server log and browser profile are temporary files).
NOT_SERVED = {"latency.py"}


def test_the_dashboard_source_has_no_file_writing_or_path_reading_calls():
    """A second guard beside the runtime check below: grep every dashboard module the app
    runs (and check that it never imports the ones it does not run)."""
    offenders = []
    for path in sorted(DASHBOARD.rglob("*.py")):
        if path.name in NOT_SERVED:
            continue
        for name in NOT_SERVED:
            if f"dashboard.{name.removesuffix('.py')}" in path.read_text():
                offenders.append(f"{path.relative_to(ROOT)} imports dashboard.{name}")
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if WRITING_CALLS.search(code):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
            # savefig and to_csv only into memory (a buffer, or no path at all)
            if "savefig(" in code and "savefig(buf" not in code:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
            if ".to_csv(" in code and ".to_csv(index=False)" not in code:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def _param_names() -> set[str]:
    names = {"seed", "preset", "reactivity", "soothability", "present", "caregiver", "age"}
    for path in [*DASHBOARD.glob("*.py"), *(DASHBOARD / "views").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Param"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                names.add(node.args[0].value)
    return names


HOSTILE_PATHS = ["/etc/passwd", "../../../../etc/shadow", "file:///etc/hosts",
                 "~/.ssh/id_rsa", "/proc/self/environ", "C:\\boot.ini"]
MARKERS = ("passwd", "shadow", "/etc/hosts", ".ssh", "environ", "boot.ini")


class FileEvents:
    """An audit hook recording every file opened for writing, and every file opened at all,
    while ``recording`` is set (audit hooks cannot be removed: it stays, idle, afterwards)."""

    def __init__(self):
        self.recording = False
        self.writes: list[str] = []
        self.opened: list[str] = []
        self.lock = threading.Lock()
        sys.addaudithook(self.hook)

    def hook(self, event: str, args: tuple) -> None:
        if not self.recording:
            return
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            if isinstance(path, int):  # a descriptor already open: the worker pool's pipes
                return
            text = str(path)
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
            with self.lock:
                self.opened.append(text)
                if writing:
                    self.writes.append(f"open {text} {mode or flags}")
        elif event in ("os.rename", "os.remove", "os.mkdir", "os.rmdir", "os.truncate",
                       "shutil.copyfile", "shutil.rmtree", "os.symlink", "os.link"):
            with self.lock:
                self.writes.append(f"{event} {args[:2]}")


@pytest.fixture(scope="module")
def file_events() -> FileEvents:
    return FileEvents()


@pytest.mark.slow
def test_no_page_writes_to_disk_or_opens_a_path_from_the_url(file_events, tmp_path,
                                                             monkeypatch):
    """Every page runs (AppTest) with the working directory and HOME an empty directory and
    every URL setting a path: nothing is written anywhere, no such path is opened, and the
    directories stay empty."""
    from streamlit.testing.v1 import AppTest

    from simulation.compiled import ensure_compiled

    # the rules compiled first (in the real home's cache), as a server's pool does before it
    # serves: numba's cache in the user's cache directory is the one thing the dashboard writes
    ensure_compiled(mesa=True, life=True)
    home = tmp_path / "home"
    work = tmp_path / "work"
    mpl = tmp_path / "matplotlib"  # Matplotlib's font cache, written on its first import
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("MPLCONFIGDIR", str(mpl))
    monkeypatch.chdir(work)
    names = sorted(_param_names())
    at = AppTest.from_file(str(APP), default_timeout=600)
    file_events.recording = True
    try:
        at.run()
        for i, page in enumerate(PAGES):
            at.switch_page(f"views/{page}.py")
            at.query_params.clear()
            at.query_params.update({name: HOSTILE_PATHS[(i + j) % len(HOSTILE_PATHS)]
                                    for j, name in enumerate(names)})
            at.run()
            assert not at.exception, (page, [e.value for e in at.exception])
            assert any("could not be used" in w.value for w in at.warning), page
    finally:
        file_events.recording = False
    assert file_events.opened, "the audit hook saw no file opened at all"
    writes = [w for w in file_events.writes if str(mpl) not in w]
    assert not writes, "\n".join(writes[:20])
    opened = [p for p in file_events.opened if any(m in p for m in MARKERS)]
    assert not opened, opened
    assert not list(home.iterdir()) and not list(work.iterdir())


@pytest.mark.slow
def test_the_population_size_is_capped_with_a_notice():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=600)
    at.run()
    at.switch_page("views/population.py")
    at.query_params.update({"n": str(limits.MAX_DASHBOARD_INFANTS + 1), "seed": "3"})
    at.run()
    assert not at.exception
    notice = "\n".join(w.value for w in at.warning)
    assert f"n={limits.MAX_DASHBOARD_INFANTS + 1}" in notice
    sizes = [s for s in at.select_slider if s.label == "Number of infants"][0].options
    assert max(int(str(v).replace(",", "")) for v in sizes) == limits.MAX_DASHBOARD_INFANTS


# --- a class on a real server --------------------------------------------------------------

@pytest.fixture(scope="module")
def class_run(tmp_path_factory):
    """A real server and a class of SESSIONS browser sessions (see robust_load.py)."""
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("/usr/bin/chromium is missing: install Debian's chromium")
    from robust_load import run_class

    home = tmp_path_factory.mktemp("server-home")
    result = run_class(SESSIONS, timeout=600, home=home)
    print()
    for phase in result["phases"].values():
        print(phase.summary())
    print(f"server RSS idle {result['server_idle_rss_mb']:.0f} MB, peak "
          f"{result['server_peak_rss_mb']:.0f} MB")
    return result


@pytest.mark.browser
@pytest.mark.slow
def test_a_class_is_served_one_preset_then_each_its_own_settings(class_run):
    phases = class_run["phases"]
    for key in ("first", "preset", "distinct"):
        phase = phases[key]
        problems = [(s.index, s.query, s.error) for s in phase.sessions if s.error]
        assert not problems, f"{phase.name}: {problems}"
        assert all(s.open_seconds is not None and s.refresh_idle_seconds is not None
                   for s in phase.sessions), phase.name
    # one preset: after the instructor's visit, no session computes a population again (a
    # cohort of 400 takes over a second; the page says how long its own call took)
    for s in phases["preset"].sessions:
        for caption in (s.open_caption, s.refresh_caption):
            assert _own_seconds(caption) < 1.0, caption
    # each its own settings: computed, not taken from the cache
    assert not any("from the cache" in s.refresh_caption for s in phases["distinct"].sessions)
    assert "Traceback" not in class_run["log"], class_run["log"][-3000:]


def _own_seconds(caption: str) -> float:
    if "from the cache" in caption:
        return 0.0
    found = re.search(r"simulated in ([0-9.]+) s", caption)
    assert found, caption
    return float(found.group(1))


@pytest.mark.browser
@pytest.mark.slow
def test_the_server_wrote_nothing_in_its_home_or_working_directory(class_run):
    assert class_run["home_files"] == [], class_run["home_files"]
    assert class_run["app_dir_changes"] == [], class_run["app_dir_changes"]
