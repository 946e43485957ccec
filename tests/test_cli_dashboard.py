"""``ssp dashboard`` owns what it starts: SIGTERM, SIGINT and SIGHUP each stop Streamlit and
every worker process of the dashboard's pool, and free the port.

Each run starts the real command, opens the page once in headless Chromium (the first visit
starts the worker pool), waits for the pool's workers, sends the signal to ``ssp dashboard``
alone, and checks that no process of the tree it had is left and nothing listens on the port.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from robust_helpers import cmdline, descendants

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
#: Seconds to wait for the server, and for its pool's workers (under heavy load).
START_TIMEOUT = 180
#: The pool's processes wanted (SSP_DASHBOARD_WORKERS).
WORKERS = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_time(pid: int) -> str | None:
    """The process's start time (to tell it from a later process with its pid), ``None`` if
    it is gone (a zombie counts as gone: it runs nothing and holds no port)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else fields[19]


def _listening(port: int) -> bool:
    """Whether any socket listens on ``port`` (from /proc/net/tcp and tcp6)."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                    return True
    return False


def _workers(pid: int) -> list[int]:
    """The dashboard pool's worker processes (loky's) under ``pid``."""
    return [p for p in descendants(pid) if "loky.backend.popen_loky" in cmdline(p)]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install "
                    "chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                    headless=True)
        yield browser
        browser.close()


def _wait(predicate, timeout: float, what: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what} (status {proc.poll()}):\n{log.read_text(errors='replace')}")
        time.sleep(0.2)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_stop_signal_stops_streamlit_and_every_worker(browser, sig, tmp_path):
    port, log = _free_port(), tmp_path / "dashboard.log"
    env = {**os.environ, "SSP_DASHBOARD_WORKERS": str(WORKERS), "PYTHONUNBUFFERED": "1"}

    def healthy() -> bool:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=2) as answer:
                return answer.status == 200
        return False

    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "simulation", "dashboard", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    tree: dict[int, str | None] = {}
    try:
        _wait(healthy, START_TIMEOUT, "the dashboard did not start", proc, log)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/", wait_until="domcontentloaded")
        _wait(lambda: len(_workers(proc.pid)) >= WORKERS, START_TIMEOUT,
              "the dashboard's pool did not start its workers", proc, log)
        tree = {pid: _start_time(pid) for pid in [proc.pid, *descendants(proc.pid)]}
        assert len(tree) >= 2 + WORKERS  # ssp, streamlit, the workers (and their helpers)
        os.kill(proc.pid, sig)  # ssp dashboard alone, as a terminal or a service manager
        code = proc.wait(timeout=60)
        page.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(
                _start_time(pid) == started for pid, started in tree.items()):
            time.sleep(0.1)
        left = [f"{pid} {cmdline(pid)[:100]}" for pid, started in tree.items()
                if _start_time(pid) == started]
        assert not left, f"left running after {sig.name}: {left}"
        assert not _listening(port), f"something still listens on port {port}"
        assert code == 128 + sig, log.read_text(errors="replace")
        assert "Traceback" not in log.read_text(errors="replace")
    finally:
        for pid, started in tree.items():
            if _start_time(pid) == started:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
