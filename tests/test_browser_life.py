"""The "A life" page in a real browser (headless Chromium, ``ssp dashboard`` on a free port):
its charts render, the adult separation and reunion animates and pauses, nothing is fetched
from another host, and screenshots are saved at 1280x720 (presentation mode) and 1440x1000
(to ``$SSP_ARTIFACTS`` if set, else a pytest temporary directory).

Waits are for conditions (the app's "not running" state, an element, a value), generous for a
busy machine; never a sleep that hopes.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from dashboard.latency import CHROMIUM, CHROMIUM_ARGS, NOT_RUNNING

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SLOW = 300_000
READY = "Why, in plain words"
ERRORS: list[str] = []


@pytest.fixture(scope="module")
def server(dashboard_server):
    """The session's ``ssp dashboard`` (tests/conftest.py): its base URL."""
    return dashboard_server


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("SSP_ARTIFACTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    yield path
    print(f"\nscreenshots in {path}")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        running = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                    headless=True)
        yield running
        running.close()


@contextmanager
def viewport(browser, width: int, height: int, requests: list | None = None):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.set_default_timeout(SLOW)
        page.on("pageerror", lambda exc: ERRORS.append(str(exc)))
        if requests is not None:
            page.on("request", lambda r: requests.append(r.url))
        yield page
    finally:
        context.close()


def _open(page, url: str) -> None:
    from playwright.sync_api import expect

    page.goto(url, wait_until="domcontentloaded", timeout=SLOW)
    expect(page.get_by_text(READY).first).to_be_visible(timeout=SLOW)
    page.wait_for_selector(NOT_RUNNING, state="attached", timeout=SLOW)
    shown = page.get_by_test_id("stException")
    assert shown.count() == 0, shown.first.inner_text()


def _until(page, test, what: str, timeout_ms: int = 120_000) -> None:
    deadline = page.evaluate("Date.now()") + timeout_ms
    while not test():
        assert page.evaluate("Date.now()") < deadline, what
        page.wait_for_timeout(100)


def _second(player) -> int:
    return int(player.get_attribute("data-second") or -1)


@pytest.mark.parametrize("width, height, query, name", [
    (1440, 1000, "", "life-1440x1000.png"),
    (1280, 720, "?present=1", "life-1280x720-present.png")])
def test_the_page_draws_its_charts_and_the_reunion_animates(server, browser, shots, width,
                                                            height, query, name):
    requests: list[str] = []
    with viewport(browser, width, height, requests) as page:
        _open(page, f"{server}/life{query}")
        # four Vega-Lite charts: the timeline, the general model, the plane, the flows
        _until(page, lambda: page.locator("[data-testid='stVegaLiteChart'] canvas, "
                                          "[data-testid='stVegaLiteChart'] svg.marks").count()
               >= 4, "the four charts were not drawn")
        player = page.locator(".ssp-reunion").first
        player.wait_for(state="attached", timeout=SLOW)
        assert player.locator(".rscene").count() == 2  # as drawn, and with the what-if
        # it plays by itself: the clock moves and the partner leaves (the apart phase)
        _until(page, lambda: _second(player) >= 70, "the reunion did not play into the "
               "separation")
        page.screenshot(path=str(shots / name))
        page.screenshot(path=str(shots / f"full-{name}"), full_page=True)
        player.locator(".rbtn").click()  # pause
        _until(page, lambda: player.get_attribute("data-playing") == "0", "pause failed")
        paused = _second(player)
        page.wait_for_timeout(600)
        assert _second(player) == paused
        # the scene shows what the record says at that second
        scene = player.locator(".rscene").first
        assert scene.get_attribute("data-action") in ("other", "seek", "contact", "protest",
                                                      "withdraw")
        page.wait_for_load_state("networkidle", timeout=SLOW)
    host = urlparse(server).netloc
    elsewhere = sorted({u for u in requests if urlparse(u).scheme not in ("data", "blob")
                        and urlparse(u).netloc != host})
    assert not elsewhere, elsewhere
    assert not ERRORS, ERRORS
