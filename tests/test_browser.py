"""The dashboard in a real browser: ``ssp dashboard`` on a free local port, headless Chromium.

Needs Debian's ``chromium`` at /usr/bin/chromium (Playwright drives it; no browser download).
Each page is opened, a control is changed, the result text is checked, and a screenshot is
saved (to ``$SSP_ARTIFACTS`` if set, else a pytest temporary directory, printed at the end).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
#: Seconds to wait for a page's first result (simulations run uncached in a fresh server).
SLOW = 240_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server():
    """``ssp dashboard`` on a free port; yields its base URL; stopped afterwards."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install "
                    "chromium)")
    port = _free_port()
    env = {**os.environ, "SSP_DASHBOARD_WARM": "0", "PYTHONUNBUFFERED": "1"}
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulation", "dashboard", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail("the dashboard did not start:\n" + log.read().decode(errors="replace"))
            time.sleep(0.3)
        yield base
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # ssp and the streamlit it started
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("SSP_ARTIFACTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    yield path
    print(f"\nscreenshots in {path}")


@pytest.fixture(scope="module")
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(SLOW)
        yield page
        context.close()


def _open(page, url: str, ready: str) -> None:
    from playwright.sync_api import expect

    page.goto(url, wait_until="domcontentloaded")
    expect(page.get_by_text(ready).first).to_be_visible(timeout=SLOW)


def _idle(page) -> None:
    """Wait until the app has finished its run (the "running" indicator is gone)."""
    from playwright.sync_api import expect

    time.sleep(0.5)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=SLOW)
    time.sleep(0.5)


def _shoot(page, shots: Path, name: str) -> None:
    _idle(page)
    page.screenshot(path=str(shots / f"{name}.png"))
    page.set_viewport_size({"width": 1440, "height": 2600})
    time.sleep(1.0)
    page.screenshot(path=str(shots / f"{name}-long.png"))
    page.set_viewport_size({"width": 1440, "height": 1000})


def _slider(page, label: str, key: str, times: int = 1) -> None:
    thumb = page.get_by_role("slider", name=label).first
    thumb.focus()
    for _ in range(times):
        thumb.press(key)


def _metric_values(page) -> list[str]:
    return page.get_by_test_id("stMetricValue").all_inner_texts()


def test_root_opens_watch_and_bad_link_falls_back(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/?preset=nobody&seed=abc", "Classified")
    expect(page.get_by_text("could not be used").first).to_be_visible()
    expect(page.get_by_text("preset=nobody").first).to_be_visible()
    assert "/watch" in page.url
    _shoot(page, shots, "0-bad-link-notice")


def test_watch_one_infant(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/watch", "Classified")
    expect(page.get_by_text("7.3 / 9").first).to_be_visible()
    _shoot(page, shots, "1-watch")
    page.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name="rejecting").click()
    expect(page.get_by_text("6.0 / 9").first).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*preset=rejecting.*"))
    _shoot(page, shots, "1-watch-rejecting")


def test_three_patterns(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/patterns", "Reunion scores toward the caregiver")
    _shoot(page, shots, "2-patterns")
    _slider(page, "Episode", "ArrowLeft")
    expect(page.get_by_text("Episode 7: stranger returns").first).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*episode=7.*"))
    _shoot(page, shots, "2-patterns-episode-7")


def test_population(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/population?n=300", "300 infants.")
    _shoot(page, shots, "3-population")
    _slider(page, "Number of infants", "ArrowRight")
    expect(page.get_by_text("400 infants.").first).to_be_visible(timeout=SLOW)
    expect(page).not_to_have_url(re.compile(r".*[?&]n=.*"))
    _shoot(page, shots, "3-population-400")


def test_explore(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/explore", "At the star's square")
    expect(page.get_by_text("responsiveness 0.9, consistency 0.9").first).to_be_visible()
    _shoot(page, shots, "4-explore")
    _slider(page, "Responsiveness", "ArrowLeft", times=4)
    expect(page.get_by_text("responsiveness 0.7, consistency 0.9").first).to_be_visible(
        timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*responsiveness=0\.65.*"))
    _shoot(page, shots, "4-explore-moved")


def test_change_over_time(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/change?n=100", "Secure: with the change")
    _shoot(page, shots, "5-change")
    page.get_by_test_id("stRadioGroup").get_by_text("a second caregiver").click()
    expect(page.get_by_text("Same with both").first).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*scenario=second.*"))
    _shoot(page, shots, "5-change-second-caregiver")


def test_you_be_the_coder(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/coder", "Your scores toward the caregiver")
    _shoot(page, shots, "6-coder")
    page.get_by_test_id("stRadioGroup").get_by_text("avoidant").click()
    _idle(page)
    page.get_by_role("button", name="Compare with the observer").click()
    expect(page.get_by_text("Scales within one point").first).to_be_visible(timeout=SLOW)
    _shoot(page, shots, "6-coder-compared")


def test_learn(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/learn", "Things to try")
    _shoot(page, shots, "7-learn")
    _slider(page, "Responsiveness", "ArrowLeft")
    expect(page.get_by_text("6.9 / 9").first).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*responsiveness=0\.8.*"))
    _shoot(page, shots, "7-learn-moved")
    page.get_by_text("Rejecting care: watch the infant ignore her at reunion").click()
    expect(page.get_by_text("6.0 / 9").first).to_be_visible(timeout=SLOW)  # rejecting care
    expect(page).to_have_url(re.compile(r".*/watch\?.*preset=rejecting.*"))


def test_presentation_mode(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/watch?present=1&preset=inconsistent", "Classified")
    expect(page).to_have_url(re.compile(r".*present=1.*"))
    _shoot(page, shots, "8-watch-presentation")
