"""How long the dashboard takes to answer in a real browser (``ssp bench --dashboard``).

:func:`measure` starts ``ssp dashboard`` on a free loopback port (:class:`Server`), opens each
measured page in headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright), and
changes a control again and again: the seed, typed in and confirmed with Enter, a fresh value
each time, so that every answer is computed and none comes from a cache. The time of one answer
runs from the key press to the moment the page shows its new numbers: the address bar carries
the new setting (the page writes it at the end of its run) and the app reports that it is no
longer running (Streamlit's ``data-test-script-state``). The first change on each page is a
warm-up and is not counted.

Pages: ``watch`` (one infant through the Mesa model), ``patterns`` (three infants),
``population_1000`` (a population of 1,000 infants), ``explore`` (the map, 1,210 infants),
``life`` (one life to 30, and 200 lives like it with and without a what-if). The issue's
targets (p50 at most 1 s for watch, population_1000 and life, 2 s for patterns and explore)
are reported beside the figures, never asserted by tests: the machine is shared.

The same :class:`Server` and :func:`chromium` serve the browser tests (tests/test_browser.py).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dashboard import TIMING_ENV

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
#: Seconds to wait for the server to answer its health check, and for one answer of a page.
START_TIMEOUT = 120.0
ANSWER_TIMEOUT = 300.0
#: Answers measured per page by default (after one warm-up).
DEFAULT_SAMPLES = 9
#: The box that picks the infant (Watch, Three patterns) or the sample of infants (the other
#: pages), by its label; its value is ``seed`` in the address.
NUMBER_BOX = re.compile(r"^(Infant no\.|Sample no\.)$")
#: The first seed typed: far from every page's default, so nothing is cached.
FIRST_SEED = 50_000


class LatencyError(RuntimeError):
    """The dashboard could not be measured (no browser, the server did not start, ...)."""


@dataclass(frozen=True)
class Scenario:
    """One measured page: its address, and what the page must show once it has answered."""

    name: str
    path: str
    target_s: float
    what: str


SCENARIOS = (
    Scenario("watch", "watch", 1.0, "one infant (sensitive care) through the Mesa model"),
    Scenario("patterns", "patterns", 2.0, "the same infant raised three ways"),
    Scenario("population_1000", "population?n=1000", 1.0,
             "a population of 1,000 infants (the 'global' preset)"),
    Scenario("explore", "explore", 2.0, "the map: 121 squares of 10 infants"),
    Scenario("life", "life", 1.0, "one life to 30 and 200 like it, as drawn and with a "
             "responsive partner at 22"),
)


@dataclass
class PageLatency:
    page: str
    what: str
    control: str
    samples_s: list[float]
    p50_s: float
    p95_s: float
    target_p50_s: float
    met: bool
    #: the server's own part: its page runs while the answers were measured (p50), the rest
    #: being the browser's (rendering) and the connection's
    server_p50_s: float | None = None


@dataclass
class LatencyResult:
    latency: dict[str, PageLatency]
    settings: dict
    machine: dict
    load_average: dict = field(default_factory=dict)
    wall_seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default) of ``values``."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``python -m simulation dashboard`` on a free loopback port, in its own process group.

    Use as a context manager: it waits for the health check (or raises :class:`LatencyError`
    with the end of the server's log) and stops the server and its workers on exit.
    """

    def __init__(self, env: dict[str, str] | None = None, warm: bool = False) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()
        environ = {**os.environ, "SSP_DASHBOARD_WARM": "1" if warm else "0",
                   "PYTHONUNBUFFERED": "1", **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "simulation", "dashboard", "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, env=environ, start_new_session=True)

    def text(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise LatencyError("the dashboard did not start:\n" + self.text()[-3000:])
            time.sleep(0.3)

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)  # ssp, streamlit and the pool
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def __enter__(self) -> Server:
        self.wait_ready()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
        self.log.close()


@contextmanager
def chromium(width: int = 1440, height: int = 1000) -> Iterator:
    """A Playwright page in Debian's headless Chromium (a fresh profile), ``width`` x
    ``height`` pixels."""
    if not Path(CHROMIUM).exists():
        raise LatencyError(f"{CHROMIUM} is missing: install Debian's chromium "
                           "(apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise LatencyError("playwright is not installed: pip install playwright (it comes "
                           "with the test extras: pip install '.[test]')") from None
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": width, "height": height})
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


#: The app has finished its run (Streamlit marks the root element).
NOT_RUNNING = "[data-testid='stApp'][data-test-script-state='notRunning']"


def wait_until_done(page, timeout_s: float = ANSWER_TIMEOUT) -> None:
    """Wait until the app has finished running and shows no exception. Polls the page (no
    fixed sleep): tolerant of a heavily loaded machine up to ``timeout_s``."""
    page.wait_for_selector(NOT_RUNNING, state="attached", timeout=timeout_s * 1000)
    errors = page.get_by_test_id("stException")
    if errors.count():
        raise LatencyError("the page failed: " + errors.first.inner_text()[:500])


def change_seed(page, seed: int, timeout_s: float = ANSWER_TIMEOUT) -> float:
    """Type ``seed`` in the page's Seed box, press Enter, and return the seconds until the page
    shows the answer (the address bar carries the seed and the run has ended)."""
    box = page.get_by_label(NUMBER_BOX)
    box.fill(str(seed), timeout=timeout_s * 1000)
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_url(lambda url: f"seed={seed}" in url, timeout=timeout_s * 1000,
                      wait_until="commit")
    wait_until_done(page, timeout_s)
    return time.perf_counter() - start


def server_runs(log: str, page: str, since: float) -> list[float]:
    """Seconds of the server's runs of ``page`` that ended after ``since`` (time.time()), from
    the ``ssp-dashboard-run`` lines the app logs under ``SSP_DASHBOARD_TIMING=1``."""
    out = []
    for line in log.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "ssp-dashboard-run" and parts[2] == page:
            try:
                if float(parts[1]) >= since:
                    out.append(float(parts[3]))
            except ValueError:
                continue
    return out


def _load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def measure(samples: int = DEFAULT_SAMPLES, pages: tuple[str, ...] | None = None,
            log: Callable[[str], None] | None = None) -> LatencyResult:
    """Start a server, measure every scenario (``pages`` names a subset), stop the server."""
    from simulation.bench import machine_info

    say = log or (lambda line: None)
    chosen = [s for s in SCENARIOS if pages is None or s.name in pages]
    if not chosen:
        raise LatencyError("no such dashboard page to measure; choose from "
                           + ", ".join(s.name for s in SCENARIOS))
    started = time.perf_counter()
    load = {"start": _load_average()}
    out: dict[str, PageLatency] = {}
    seed = FIRST_SEED
    say("starting the dashboard...")
    with Server(env={TIMING_ENV: "1"}) as server, chromium() as page:
        for scenario in chosen:
            say(f"{scenario.name}: opening the page...")
            page.goto(f"{server.base}/{scenario.path}", wait_until="domcontentloaded",
                      timeout=ANSWER_TIMEOUT * 1000)
            page.get_by_label(NUMBER_BOX).wait_for(timeout=ANSWER_TIMEOUT * 1000)
            wait_until_done(page)
            times = []
            for i in range(samples + 1):
                seed += 1
                if i == 1:
                    measured_from = time.time()
                seconds = change_seed(page, seed)
                if i:  # the first answer is a warm-up
                    times.append(seconds)
            runs = server_runs(server.text(), scenario.path.split("?")[0], measured_from)
            p50 = statistics.median(times)
            out[scenario.name] = PageLatency(
                page=scenario.name, what=scenario.what,
                control="the seed, a fresh value each time (nothing cached)", samples_s=[
                    round(t, 3) for t in times], p50_s=round(p50, 3),
                p95_s=round(percentile(times, 95), 3), target_p50_s=scenario.target_s,
                met=p50 <= scenario.target_s,
                server_p50_s=round(statistics.median(runs), 3) if runs else None)
            say(f"{scenario.name}: p50 {p50:.2f} s, p95 {percentile(times, 95):.2f} s")
    load["end"] = _load_average()
    return LatencyResult(latency=out, settings={"samples": samples, "warmup": 1,
                                                "viewport": "1440x1000",
                                                "workers": os.environ.get(
                                                    "SSP_DASHBOARD_WORKERS", "default")},
                         machine=machine_info(), load_average=load,
                         wall_seconds=round(time.perf_counter() - started, 1))


def format_latency(result: LatencyResult) -> str:
    """The measurements as a printed table."""
    lines = ["ssp bench --dashboard: from a control change to the new numbers on screen "
             "(headless Chromium)",
             f"{result.settings['samples']} answers per page after a warm-up; load average "
             f"{result.load_average.get('start')} at the start, "
             f"{result.load_average.get('end')} at the end",
             "",
             f"  {'page':<17} {'p50':>7} {'p95':>7} {'target p50':>11}  {'status':<8} "
             "server p50"]
    for r in result.latency.values():
        server = "-" if r.server_p50_s is None else f"{r.server_p50_s:.2f}s"
        lines.append(f"  {r.page:<17} {r.p50_s:>6.2f}s {r.p95_s:>6.2f}s "
                     f"{r.target_p50_s:>10.1f}s  {'met' if r.met else 'NOT MET':<8} {server}")
    lines.append("  (server p50: the page's own run on the server; the rest is the browser "
                 "drawing the answer)")
    lines.append(f"\n(took {result.wall_seconds:.0f} s)")
    return "\n".join(lines)
