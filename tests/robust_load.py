"""A class of students on the dashboard: concurrent browser sessions against a real server.

Used by ``test_robust_dashboard.py`` (a reduced class in CI) and runnable on its own for the full
class (see ``docs/classroom.md``)::

    .venv/bin/python tests/robust_load.py --sessions 30 --report load.json

It starts ``ssp dashboard`` on a free loopback port with an empty HOME, opens the population page
once (as an instructor does before class), then opens it in N browser contexts of one headless
Chromium at once: first all on one preset, then each on its own settings (distinct slider values
and seeds in the URL, so nothing comes from the cache). For each session it records the time
from navigation to the population's numbers on screen ("refreshed population") and to the end of
the page's run, whether the page said "from the cache", and any error shown; the server's memory
(RSS of its process tree) is sampled throughout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PAGE = "population"
#: The one preset the whole class opens first.
PRESET_QUERY = {"source": "caregiver", "preset": "sensitive", "seed": "7"}
#: The seed the class then moves to (also visited by the instructor first).
PRESET_NEW_SEED = 8


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def tree(pid: int) -> list[int]:
    found, todo = [pid], [pid]
    while todo:
        kids = _children(todo.pop())
        found += kids
        todo += kids
    return found


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes (from /proc/PID/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / ticks


class Server:
    """``python -m simulation dashboard --port P`` (no ``--host``: the default address)."""

    def __init__(self, home: Path, warm: bool = False):
        self.home = home
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="ssp-dashboard-", suffix=".log",
                                               delete=False)
        self.mpl = Path(tempfile.mkdtemp(prefix="ssp-mpl-"))
        from simulation.rules.jit import cache_directory

        cache = cache_directory()  # the compiled rules this machine has: not compiled again
        env = {**os.environ, "HOME": str(home), "MPLCONFIGDIR": str(self.mpl),
               **({"NUMBA_CACHE_DIR": str(cache.parent)} if cache is not None else {}),
               "SSP_DASHBOARD_WARM": "1" if warm else "0", "PYTHONUNBUFFERED": "1",
               "SSP_DASHBOARD_TIMING": "1",
               "PYTHONDONTWRITEBYTECODE": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "simulation", "dashboard", "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=HERE.parent,
            start_new_session=True)
        self.peak_mb = 0.0
        #: (time.time(), RSS in MB, CPU seconds) of the server's process tree
        self.samples: list[tuple[float, float, float]] = []
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            pids = tree(self.proc.pid)
            mb = rss_mb(pids)
            self.samples.append((time.time(), mb, cpu_seconds(pids)))
            self.peak_mb = max(self.peak_mb, mb)
            self._stop.wait(0.2)

    def during(self, start: float, end: float) -> tuple[float, float]:
        """Peak RSS (MB) and CPU seconds used between two times (time.time())."""
        inside = [s for s in self.samples if start <= s[0] <= end]
        before = [s for s in self.samples if s[0] < start]
        if not inside:
            return 0.0, 0.0
        base = before[-1][2] if before else inside[0][2]
        return max(s[1] for s in inside), inside[-1][2] - base

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        self._sampler.start()
                        return
            if self.proc.poll() is not None:
                break
            time.sleep(0.3)
        raise RuntimeError(f"the dashboard did not start:\n{self.text()}")

    def text(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def runs(self, start: float, end: float, page: str = PAGE) -> list[float]:
        """Seconds of the server's runs of ``page`` that ended between two times (time.time()):
        what the server took to answer, without any browser's rendering (from the
        ``ssp-dashboard-run`` lines the app logs under SSP_DASHBOARD_TIMING=1)."""
        out = []
        for line in self.text().splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[0] == "ssp-dashboard-run" and parts[2] == page:
                with contextlib.suppress(ValueError):
                    if start <= float(parts[1]) <= end:
                        out.append(float(parts[3]))
        return sorted(out)

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def __enter__(self) -> Server:
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass
class Session:
    index: int
    query: dict
    new_seed: int
    #: navigation -> the population's numbers on screen (a student opening a link)
    open_seconds: float | None = None
    #: a setting changed on the open page -> the new population's numbers (a slider moved)
    refresh_seconds: float | None = None
    #: the same, to the end of the page's run (figures drawn)
    refresh_idle_seconds: float | None = None
    #: what the page said of its own computation: "from the cache." or "simulated in X s."
    open_caption: str = ""
    refresh_caption: str = ""
    error: str | None = None


@dataclass
class Phase:
    name: str
    sessions: list[Session] = field(default_factory=list)
    seconds: float = 0.0
    start: float = 0.0  #: time.time() at the start, when the refreshes start, at the end
    refresh_start: float = 0.0
    end: float = 0.0
    peak_mb: float = 0.0
    server_cpu_seconds: float = 0.0
    server_cpu_refresh_seconds: float = 0.0  #: of which while the refreshes ran
    #: seconds of each server run of the page that ended while the refreshes ran
    server_runs: list[float] = field(default_factory=list)

    def times(self, what: str) -> list[float]:
        return sorted(getattr(s, what) for s in self.sessions if getattr(s, what) is not None)

    def summary(self) -> dict:
        out = {"phase": self.name, "sessions": len(self.sessions),
               "completed": sum(s.refresh_idle_seconds is not None for s in self.sessions),
               "errors": sum(s.error is not None for s in self.sessions),
               "refreshes_from_cache": sum("from the cache" in s.refresh_caption
                                           for s in self.sessions),
               "wall_seconds": round(self.seconds, 2),
               "server_cpu_seconds": round(self.server_cpu_seconds, 1),
               "server_cpu_refresh_seconds": round(self.server_cpu_refresh_seconds, 1),
               "refresh_wall_seconds": round(self.end - self.refresh_start, 2),
               "server_peak_rss_mb": round(self.peak_mb, 1)}
        for what in ("open_seconds", "refresh_seconds", "refresh_idle_seconds", "server_runs"):
            t = sorted(self.server_runs) if what == "server_runs" else self.times(what)
            if t:
                label = what.replace("_seconds", "").replace("server_runs", "server_run")
                out[f"{label}_p50"] = round(statistics.median(t), 2)
                out[f"{label}_p95"] = round(percentile(t, 95), 2)
                out[f"{label}_max"] = round(t[-1], 2)
        return out


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (as numpy's default) of sorted ``values``."""
    if len(values) == 1:
        return values[0]
    pos = (len(values) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def distinct_query(k: int) -> dict:
    """Session k's own settings: distinct slider values (on the sliders' 0.05 grid) and seed."""
    def grid(i: int) -> str:
        return f"{(i % 21) * 0.05:.2f}".rstrip("0").rstrip(".") or "0"

    return {"source": "caregiver", "responsiveness": grid(3 + k), "consistency": grid(5 + 3 * k),
            "warmth": grid(8 + 7 * k), "reactivity": grid(4 + 5 * k), "seed": str(1000 + k)}


async def _caption(page, seed: int, timeout_ms: float) -> str:
    caption = page.get_by_text(f"sample no. {seed}:", exact=False).first
    await caption.wait_for(state="visible", timeout=timeout_ms)
    return await caption.inner_text()


async def _idle(page, timeout_ms: float) -> None:
    from playwright.async_api import expect

    await asyncio.sleep(0.2)
    await expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=timeout_ms)


async def _errors(page, session: Session) -> None:
    shown = page.get_by_test_id("stException")
    if await shown.count():
        session.error = (await shown.first.inner_text())[:500]


async def _open(page, base: str, session: Session, timeout_ms: float) -> None:
    """Open the page on the session's settings (its URL) and wait for the population."""
    try:
        query = "&".join(f"{k}={v}" for k, v in session.query.items())
        start = time.perf_counter()
        await page.goto(f"{base}/{PAGE}?{query}", wait_until="commit", timeout=timeout_ms)
        session.open_caption = await _caption(page, int(session.query["seed"]), timeout_ms)
        session.open_seconds = time.perf_counter() - start
        await _idle(page, timeout_ms)
        await _errors(page, session)
    except Exception as exc:  # noqa: BLE001 - recorded: a session that did not complete
        session.error = f"open: {type(exc).__name__}: {str(exc)[:300]}"


async def _refresh(page, session: Session, timeout_ms: float) -> None:
    """Change the seed on the open page (type it, Enter) and wait for the new population."""
    if session.error:
        return
    try:
        box = page.get_by_label("Sample no.", exact=True)
        await box.fill(str(session.new_seed), timeout=timeout_ms)
        start = time.perf_counter()
        await box.press("Enter", timeout=timeout_ms)
        session.refresh_caption = await _caption(page, session.new_seed, timeout_ms)
        session.refresh_seconds = time.perf_counter() - start
        await _idle(page, timeout_ms)
        session.refresh_idle_seconds = time.perf_counter() - start
        await _errors(page, session)
    except Exception as exc:  # noqa: BLE001
        session.error = f"refresh: {type(exc).__name__}: {str(exc)[:300]}"


async def _phase(browser, base: str, name: str, sessions: list[Session],
                 timeout: float) -> Phase:
    """All sessions open their pages at once, then all change their seed at once."""
    phase = Phase(name, sessions)
    contexts = [await browser.new_context(viewport={"width": 1280, "height": 900})
                for _ in sessions]
    try:
        pages = [await c.new_page() for c in contexts]
        phase.start, start = time.time(), time.perf_counter()
        await asyncio.gather(*(_open(p, base, s, timeout * 1000)
                               for p, s in zip(pages, sessions, strict=True)))
        phase.refresh_start = time.time()
        await asyncio.gather(*(_refresh(p, s, timeout * 1000)
                               for p, s in zip(pages, sessions, strict=True)))
        phase.seconds, phase.end = time.perf_counter() - start, time.time()
    finally:
        for c in contexts:
            await c.close()
    return phase


async def _class(base: str, sessions: int, timeout: float) -> dict[str, Phase]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                          headless=True)
        try:
            # the instructor opens the preset before class, and the seed the class will use
            first = await _phase(browser, base, "the instructor's visit (uncached)",
                                 [Session(0, PRESET_QUERY, PRESET_NEW_SEED)], timeout)
            preset = await _phase(browser, base, f"{sessions} sessions, one preset",
                                  [Session(i, PRESET_QUERY, PRESET_NEW_SEED)
                                   for i in range(sessions)], timeout)
            distinct = await _phase(browser, base,
                                    f"{sessions} sessions, each its own settings",
                                    [Session(i, distinct_query(i), 3000 + i)
                                     for i in range(sessions)], timeout)
        finally:
            await browser.close()
    return {"first": first, "preset": preset, "distinct": distinct}


def _client(base: str, sessions: int, timeout: float, out: Path) -> None:
    """The browser side (run in its own, lowest-priority process by :func:`run_class`)."""
    phases = asyncio.run(_class(base, sessions, timeout))
    out.write_text(json.dumps({k: asdict(p) for k, p in phases.items()}))


def _phase_from(data: dict) -> Phase:
    sessions = [Session(**s) for s in data.pop("sessions")]
    return Phase(sessions=sessions, **data)


def run_class(sessions: int, timeout: float = 600, home: Path | None = None) -> dict:
    """Start a server, run the class, stop the server; return phases and server facts."""
    own_home = home is None
    home = Path(tempfile.mkdtemp(prefix="ssp-home-")) if own_home else home
    app_dir = HERE.parent / "dashboard"  # the server's working directory (ssp dashboard)

    def snapshot() -> dict[str, int]:
        return {str(p.relative_to(app_dir)): p.stat().st_mtime_ns for p in app_dir.rglob("*")
                if "__pycache__" not in p.parts}

    before = snapshot()
    with Server(home) as server:
        idle_mb = rss_mb(tree(server.proc.pid))
        # The browsers are the load, not the system under test: on a real class they run on
        # the students' machines. Here they share the server's cores, so they run at the
        # lowest priority (nice 19), and the server keeps the CPU it needs.
        out = Path(tempfile.mkdtemp(prefix="ssp-load-")) / "phases.json"
        client = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--client", server.base,
             "--sessions", str(sessions), "--timeout", str(timeout), "--report", str(out)],
            preexec_fn=lambda: os.nice(19), capture_output=True, text=True,
            timeout=4 * timeout + 120)
        if client.returncode != 0:
            raise RuntimeError(f"the load client failed:\n{client.stderr[-3000:]}")
        phases = {k: _phase_from(v) for k, v in json.loads(out.read_text()).items()}
        for phase in phases.values():
            phase.peak_mb, phase.server_cpu_seconds = server.during(phase.start, phase.end)
            phase.server_cpu_refresh_seconds = server.during(phase.refresh_start, phase.end)[1]
            phase.server_runs = server.runs(phase.refresh_start, phase.end)
        listening = listening_addresses(server.port)
    return {"phases": phases, "server_idle_rss_mb": idle_mb, "server_peak_rss_mb":
            server.peak_mb, "log": server.text(), "home_files": sorted(
                str(p.relative_to(home)) for p in home.rglob("*")),
            "listening": listening, "matplotlib_files": sorted(
                str(p.relative_to(server.mpl)) for p in server.mpl.rglob("*")),
            "app_dir_changes": sorted(set(snapshot().items()) ^ set(before.items()))}


def listening_addresses(port: int) -> list[str]:
    """Local addresses in LISTEN state on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                parts = line.split()
                address, port_hex = parts[1].split(":")
                if parts[3] == "0A" and int(port_hex, 16) == port:  # 0A = LISTEN
                    if width == 8:
                        octets = bytes.fromhex(address)[::-1]
                        found.append(".".join(str(b) for b in octets))
                    else:
                        found.append("[v6]" + address)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--client", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        _client(args.client, args.sessions, args.timeout, args.report)
        return
    result = run_class(args.sessions, args.timeout)
    report = {k: v for k, v in result.items() if k not in ("phases", "log")}
    report["phases"] = {k: p.summary() for k, p in result["phases"].items()}
    report["sessions"] = {k: [asdict(s) for s in p.sessions]
                          for k, p in result["phases"].items()}
    report["server_log_tracebacks"] = result["log"].count("Traceback")
    text = json.dumps(report, indent=1)
    print(json.dumps({k: report[k] for k in ("phases", "server_idle_rss_mb",
                                             "server_peak_rss_mb", "listening", "home_files",
                                             "server_log_tracebacks")}, indent=1))
    if args.report:
        args.report.write_text(text)


if __name__ == "__main__":
    main()
