"""The player in a real browser, for a lecture: projector-sized, true to the coder, linkable,
offline, and an observation exercise on "You be the coder".

``ssp dashboard`` on a free local port, driven by Playwright with Debian's chromium (as in
``test_browser.py``). Every wait is for a condition, with long timeouts: a busy machine must
not fail a test. Screenshots go to ``$SSP_ARTIFACTS`` if set, else a pytest temporary directory.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.latency import CHROMIUM, CHROMIUM_ARGS, NOT_RUNNING

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Milliseconds to wait for anything the server computes (uncached, on a loaded machine).
SLOW = 300_000
PAGES = ("watch", "patterns", "population", "explore", "change", "coder", "learn")
READY = {"watch": "Why the coder classified it", "patterns": "Reunion scores toward the caregiver",
         "population": "infants.", "explore": "At your square", "change": "Secure",
         "coder": "Your scores toward the caregiver", "learn": "Things to try"}
#: What the infant's pose must show at a second the coder scored as each kind of moment.
POSES = {
    "approach": lambda r: r["action"] == "approach",
    # in contact: held, clinging or resting against her, resisting her in her arms, or touching
    # her (arrived beside her, playing against her)
    "contact": lambda r: r["held"] == "caregiver" or r["touch"] == "caregiver" or r["action"] in (
        "contact_active", "contact_passive", "squirm", "go_limp"),
    "resistance": lambda r: r["action"] in ("push_away", "kick", "squirm", "throw_toy", "go_limp"),
    "avoidance": lambda r: r["action"] == "turn_away" or r["ignore"] == "1",
    "lapse": lambda r: r["action"] in ("freeze", "approach_broken", "apprehension"),
    "search": lambda r: r["action"] in ("search", "approach"),
}
#: The words in the room's label for each kind (the pose's label says the same).
LABELS = {"approach": ("crawls toward", "reaches her"),
          "contact": ("held", "clings", "touching her", "reaches her", "not holding on",
                      "pushes away", "goes limp"),
          "resistance": ("pushes away", "kicks", "squirms", "throws a toy", "goes limp"),
          "avoidance": ("turns away", "ignores her"),
          "lapse": ("freezes", "breaks off", "frightened"),
          "search": ("searches", "crawls toward")}


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


ERRORS: list[str] = []


@contextmanager
def viewport(browser, width: int = 1440, height: int = 1000, requests: list | None = None):
    """A fresh page (its own session); every URL it asks for goes into ``requests``."""
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


def _open(page, url: str, ready: str) -> None:
    from playwright.sync_api import expect

    page.goto(url, wait_until="domcontentloaded", timeout=SLOW)
    expect(page.get_by_text(ready).first).to_be_visible(timeout=SLOW)
    _done(page)


def _done(page) -> None:
    page.wait_for_selector(NOT_RUNNING, state="attached", timeout=SLOW)
    shown = page.get_by_test_id("stException")
    assert shown.count() == 0, shown.first.inner_text()


def _player(page):
    page.wait_for_selector(".ssp-player[data-master]", state="attached", timeout=SLOW)
    return page.locator(".ssp-player").first


def _until(page, test, what: str, timeout_ms: int = 120_000) -> None:
    deadline = page.evaluate("Date.now()") + timeout_ms
    while not test():
        assert page.evaluate("Date.now()") < deadline, what
        page.wait_for_timeout(100)


def _int(locator, name: str) -> int:
    return int(locator.get_attribute(f"data-{name}"))


def _pose(room) -> dict[str, str]:
    return {k: room.get_attribute(f"data-{k}") or "" for k in
            ("action", "held", "touch", "ignore", "label")}


def _query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


# --- the projector ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ("watch", "patterns"))
def test_play_and_badges_are_above_the_fold_in_presentation_mode(server, browser, shots, name):
    with viewport(browser, 1280, 720) as page:
        _open(page, f"{server}/{name}?present=1", READY[name])
        _player(page)
        page.wait_for_load_state("networkidle", timeout=SLOW)
        page.screenshot(path=str(shots / f"player-{name}-presentation-1280x720.png"))
        play = page.get_by_role("button", name="Play or pause")
        badges = page.locator(".ssp-player .badge").all()
        rooms = page.locator(".roomsvg").all()
        assert len(badges) == len(rooms) == (1 if name == "watch" else 3)
        for what, box in [("play", play.bounding_box())] + [
                ("badge", b.bounding_box()) for b in badges] + [
                ("room", r.bounding_box()) for r in rooms]:
            assert box["y"] >= 0 and box["y"] + box["height"] <= 720, (name, what, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, (name, what, box)
        # the infants are drawn large: legible poses from the back of a lecture hall
        for infant in page.locator(".roomsvg .infant > g").all():
            assert infant.bounding_box()["height"] >= 48, infant.bounding_box()
    assert not ERRORS, ERRORS


# --- the player matches the coder ------------------------------------------------------------


@pytest.mark.parametrize("preset", ("inconsistent", "sensitive", "rejecting"))
def test_a_jump_to_a_scored_moment_lands_on_its_pose(server, browser, shots, preset):
    with viewport(browser) as page:
        _open(page, f"{server}/watch?preset={preset}", READY["watch"])
        player = _player(page)
        room = page.locator(".room").first
        jumped = 0
        for button in page.locator(".ssp-player button.moment").all():
            kind = button.get_attribute("data-kind")
            count = int(re.search(r"\((\d+)\)", button.inner_text()).group(1))
            for _ in range(min(count, 8)):
                before = (player.get_attribute("data-moment-second"),
                          player.get_attribute("data-moment-kind"))
                button.click()
                _until(page, lambda b=before, c=count: c == 1 or (
                    player.get_attribute("data-moment-second"),
                    player.get_attribute("data-moment-kind")) != b, f"jump to {kind}")
                pose = _pose(room)
                assert POSES[kind](pose), (preset, kind, _int(room, "second"), pose)
                assert any(w in pose["label"] for w in LABELS[kind]), (kind, pose)
                jumped += 1
            if kind == "contact" and count:
                page.screenshot(path=str(shots / f"player-{preset}-contact.png"))
        assert jumped > 0
    assert not ERRORS, ERRORS


def test_a_held_infant_has_its_own_pose_and_words(server, browser, shots):
    with viewport(browser) as page:
        _open(page, f"{server}/watch?preset=sensitive", READY["watch"])
        player = _player(page)
        room = page.locator(".room").first
        button = page.locator(".ssp-player button.moment[data-kind='contact']")
        for _ in range(8):  # a bout of contact may begin as it reaches her: held soon after
            before = player.get_attribute("data-moment-second")
            button.click()
            _until(page, lambda b=before: player.get_attribute("data-moment-second") != b,
                   "jump to contact")
            for _ in range(3):
                if room.get_attribute("data-held"):
                    break
                m = _int(player, "master")
                page.get_by_role("button", name="One second forward").click()
                _until(page, lambda m=m: _int(player, "master") == m + 1, "a second on")
            if room.get_attribute("data-held"):
                break
        assert room.get_attribute("data-held") == "caregiver"
        assert room.locator(".infant .holdarm").count() == 1  # her arm around it
        assert "held by the caregiver" in room.locator(".doing").inner_text()
        assert room.get_attribute("data-label").startswith("held, ")
        page.screenshot(path=str(shots / "player-held.png"))


# --- the link carries the paused position ----------------------------------------------------


@pytest.mark.parametrize("name", ("watch", "patterns"))
def test_the_link_carries_the_paused_position(server, browser, name):
    with viewport(browser) as page:
        _open(page, f"{server}/{name}", READY[name])
        player = _player(page)
        page.get_by_role("button", name=re.compile(r"^Episode 7: ")).click()
        for _ in range(3):
            page.get_by_role("button", name="One second forward").click()
        _until(page, lambda: _int(player, "episode") == 7 and _int(player, "t") == 3, "7 at 3")
        _until(page, lambda: _query(page).get("episode") == "7" and _query(page).get("t") == "3",
               f"the address holds the paused second: {page.url}")
        link = page.url
        # playing does not write every frame; pausing writes where it stopped
        page.locator(".ssp-player select").select_option("40")
        page.get_by_role("button", name="Play or pause").click()
        _until(page, lambda: _int(player, "t") >= 20, "playing")
        page.get_by_role("button", name="Play or pause").click()
        _until(page, lambda: player.get_attribute("data-playing") == "0", "paused")
        e, t = _int(player, "episode"), _int(player, "t")
        _until(page, lambda: _query(page).get("t") == str(t)
               and _query(page).get("episode") == str(e), f"paused at {e}:{t}: {page.url}")
    with viewport(browser) as again:  # the link reopens that second, in a new session
        _open(again, link, READY[name])
        player = _player(again)
        _until(again, lambda: _int(player, "episode") == 7 and _int(player, "t") == 3,
               "reopened at 7:3")
    assert not ERRORS, ERRORS


def test_a_rerun_keeps_the_paused_position_in_the_link(server, browser):
    with viewport(browser) as page:
        _open(page, f"{server}/watch", READY["watch"])
        player = _player(page)
        page.get_by_role("button", name=re.compile(r"^Episode 6: ")).click()
        page.get_by_role("button", name="One second forward").click()
        _until(page, lambda: _query(page).get("t") == "1", "written")
        # another setting: the page runs again and writes its settings to the address
        box = page.get_by_role("spinbutton").first
        box.fill("3")
        box.press("Enter")
        _until(page, lambda: _query(page).get("seed") == "3", "seed in the address")
        _done(page)
        _until(page, lambda: _query(page).get("episode") == "6" and _query(page).get("t") == "1",
               f"still the paused second: {page.url}")
        assert _int(player, "episode") == 6 and _int(player, "t") == 1


# --- offline ---------------------------------------------------------------------------------


def test_no_request_leaves_the_dashboards_host(server, browser):
    """The pages as a user reaches them, through the navigation. (Every page and view opened
    by its address, in both modes and at both sizes, is checked by
    ``test_browser.test_no_text_is_cut_off_on_any_page``.)"""
    from playwright.sync_api import expect

    from tests.test_browser import elsewhere

    requests: list[str] = []
    with viewport(browser, 1280, 720, requests) as page:
        _open(page, f"{server}/watch", READY["watch"])
        page.get_by_role("link", name="Three patterns").first.click()
        expect(page.get_by_text(READY["patterns"]).first).to_be_visible(timeout=SLOW)
        page.wait_for_load_state("networkidle", timeout=SLOW)
    assert len(requests) > len(PAGES)
    assert not elsewhere(requests, server), elsewhere(requests, server)


# --- the coder exercise is observation -------------------------------------------------------


def test_the_coder_exercise_hides_the_record_and_labels_until_submitted(server, browser, shots):
    from playwright.sync_api import expect

    with viewport(browser) as page:
        _open(page, f"{server}/coder", READY["coder"])
        _player(page)
        room = page.locator(".room").first

        def labelled() -> bool:
            return bool(room.get_attribute("data-label")) or bool(
                room.locator(".doing").inner_text().strip())

        assert not labelled()
        assert page.locator(".ssp-player .lbl.infantlbl").count() == 0
        assert page.get_by_test_id("stDataFrame").count() == 0  # no running record
        page.screenshot(path=str(shots / "player-coder-hidden.png"))
        # the instructor's switch shows them
        page.get_by_text("Labels on").click()
        _done(page)
        _until(page, labelled, "labels on")
        expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=SLOW)
        page.get_by_text("Labels on").click()
        _done(page)
        _until(page, lambda: not labelled(), "labels off again")
        # the record goes once the page's run has ended (the player is drawn before it)
        _until(page, lambda: page.get_by_test_id("stDataFrame").count() == 0, "record hidden")
        # submitting shows them
        page.get_by_test_id("stRadioGroup").get_by_text("avoidant").click()
        _done(page)
        assert not labelled() and page.get_by_test_id("stDataFrame").count() == 0
        page.get_by_role("button", name="Compare with the observer").click()
        expect(page.get_by_text("Scales within one point").first).to_be_visible(timeout=SLOW)
        _done(page)
        _until(page, labelled, "labels after comparing")
        expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=SLOW)
        page.screenshot(path=str(shots / "player-coder-compared.png"))
    assert not ERRORS, ERRORS
