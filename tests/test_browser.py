"""The dashboard in a real browser: ``ssp dashboard`` on a free local port, headless Chromium.

Needs Debian's ``chromium`` at /usr/bin/chromium (Playwright drives it; no browser download).
The player is driven as a student would (play, pause, step, speed, scrub, episodes, the coder's
moments) and its state read from its data- attributes; the three patterns are checked to share
one clock; every page is checked for cut-off text at 1280x720 and 1440x1000, normal and
presentation mode. Screenshots are saved (to ``$SSP_ARTIFACTS`` if set, else a pytest temporary
directory, printed at the end).

Every wait is explicit and generous (a machine busy with other work must not fail a test): the
app's own "not running" state, an element or a value to appear, never a sleep that hopes.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.latency import CHROMIUM, CHROMIUM_ARGS, NOT_RUNNING

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Milliseconds to wait for anything the server computes (uncached, on a loaded machine).
SLOW = 300_000
PAGES = ("watch", "patterns", "population", "explore", "change", "coder", "learn", "life")
#: Every page, and the views of a page that show other things (checked for cut-off text).
CHECKED = (*((p, "") for p in PAGES), ("population", "view=watch"),
           ("population", "view=table"), ("change", "scenario=second"))
SIZES = ((1280, 720), (1440, 1000))
#: What each page shows once it has answered.
READY = {"watch": "Why the coder classified it", "patterns": "Reunion scores toward the caregiver",
         "population": "infants.", "explore": "At your square", "change": "Secure",
         "coder": "Your scores toward the caregiver", "learn": "Things to try",
         "life": "Why, in plain words"}


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


#: Script errors the pages raised in the browser (the player's JavaScript among them).
PAGE_ERRORS: list[str] = []


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module (Playwright's sync API runs once per thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        running = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                    headless=True)
        yield running
        running.close()


@contextmanager
def viewport(browser, width: int, height: int, requests: list | None = None):
    """A fresh page (its own context: its own session) of ``width`` x ``height`` pixels;
    every URL it asks for goes into ``requests``."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.set_default_timeout(SLOW)
        page.on("pageerror", lambda exc: PAGE_ERRORS.append(str(exc)))
        if requests is not None:
            page.on("request", lambda r: requests.append(r.url))
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def browser_page(browser):
    with viewport(browser, 1440, 1000) as page:
        yield page


def _done(page) -> None:
    """The app has finished its run and shows no error."""
    page.wait_for_selector(NOT_RUNNING, state="attached", timeout=SLOW)
    shown = page.get_by_test_id("stException")
    assert shown.count() == 0, shown.first.inner_text()


def _open(page, url: str, ready: str) -> None:
    from playwright.sync_api import expect

    page.goto(url, wait_until="domcontentloaded", timeout=SLOW)
    expect(page.get_by_text(ready).first).to_be_visible(timeout=SLOW)
    _done(page)


def _player(page):
    """The player once it has drawn its first second."""
    page.wait_for_selector(".ssp-player[data-master]", state="attached", timeout=SLOW)
    return page.locator(".ssp-player").first


def _until(page, test, what: str, timeout_ms: int = 60_000) -> None:
    """Poll ``test()`` until true (the player runs on the browser's clock)."""
    deadline = page.evaluate("Date.now()") + timeout_ms
    while not test():
        assert page.evaluate("Date.now()") < deadline, what
        page.wait_for_timeout(100)


def _int(locator, name: str) -> int:
    return int(locator.get_attribute(f"data-{name}"))


def _shoot(page, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"))


def _infant(page) -> int:
    """The number of the infant the page shows (Watch, Three patterns)."""
    return int(page.get_by_label("Infant no.", exact=True).input_value())


def _dyad_masks(preset: str, infant: int):
    """The coder's per-second masks for infant no. ``infant`` of ``preset`` (as a page shows
    it: infant ``infant`` of root seed 0)."""
    from dashboard.compute import profile_spec
    from dashboard.workers import dyad_run
    from simulation.observer.explanation import coder_masks
    from simulation.presets import PRESETS
    from simulation.record import BehaviourRecord

    spec = profile_spec(PRESETS[preset].profile.as_dict().values())
    dyad = dyad_run(spec, None, infant, 0, (0.5, 0.5), "primary", 12.0)
    return coder_masks(BehaviourRecord.from_frame(dyad.trace)), len(dyad.trace)


# --- the player ----------------------------------------------------------------------------


def test_root_opens_watch_and_bad_link_falls_back(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/?preset=nobody&seed=abc", "Why the coder classified it")
    expect(page.get_by_text("could not be used").first).to_be_visible(timeout=SLOW)
    expect(page.get_by_text("preset=nobody").first).to_be_visible(timeout=SLOW)
    assert "/watch" in page.url
    _shoot(page, shots, "0-bad-link-notice")


def test_an_address_with_two_segments_opens_its_page(server, browser_page):
    page = browser_page
    _open(page, f"{server}/watch/extra?preset=rejecting", "Why the coder classified it")
    assert re.search(r"/watch\?(.*&)?preset=rejecting", page.url), page.url
    _player(page)


def test_watch_player_controls(server, browser_page, shots):
    page = browser_page
    _open(page, f"{server}/watch?preset=inconsistent", "Why the coder classified it")
    player = _player(page)
    room = page.locator(".room").first
    start = _int(player, "master")
    assert _int(room, "episode") == 5 and _int(room, "t") == 0  # where the page starts
    assert room.get_attribute("data-action")
    page.get_by_role("button", name="One second forward").click()
    _until(page, lambda: _int(player, "master") == start + 1, "one second forward")
    page.get_by_role("button", name="One second back").click()
    _until(page, lambda: _int(player, "master") == start, "one second back")
    # play: the clock runs in the browser; pause: it stops
    page.locator(".ssp-player select").select_option("40")
    _until(page, lambda: player.get_attribute("data-speed") == "40", "speed 40")
    page.get_by_role("button", name="Play or pause").click()
    _until(page, lambda: _int(player, "master") >= start + 20, "playing", 120_000)
    assert player.get_attribute("data-playing") == "1"
    page.get_by_role("button", name="Play or pause").click()
    _until(page, lambda: player.get_attribute("data-playing") == "0", "paused")
    stopped = _int(player, "master")
    page.wait_for_timeout(1000)
    assert _int(player, "master") == stopped
    # scrub, jump to an episode, the next episode
    page.locator(".ssp-player input.scrub").fill("100")
    _until(page, lambda: _int(player, "master") == 100, "scrubbed to 100")
    page.get_by_role("button", name=re.compile(r"^Episode 8: ")).click()
    _until(page, lambda: _int(room, "episode") == 8 and _int(room, "t") == 0, "episode 8")
    page.get_by_role("button", name="Start of this episode, or the one before").click()
    _until(page, lambda: _int(room, "episode") == 7, "back to episode 7")
    page.get_by_role("button", name="Next episode").click()
    _until(page, lambda: _int(room, "episode") == 8, "on to episode 8")
    # the timeline: a click seeks there, and its cursor follows the clock
    before = _int(player, "master")
    box = page.locator(".tlsvg").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2)
    _until(page, lambda: _int(player, "master") != before, "clicked on the timeline")
    cursor = float(page.locator(".tlsvg .cursor").get_attribute("x1"))
    assert abs(cursor - box["width"] * 0.6) < 4
    # the keyboard: space plays and pauses
    player.focus()
    page.keyboard.press("Space")
    _until(page, lambda: player.get_attribute("data-playing") == "1", "space plays")
    page.keyboard.press("Space")
    _until(page, lambda: player.get_attribute("data-playing") == "0", "space pauses")
    _shoot(page, shots, "1-watch-player")
    assert not PAGE_ERRORS, PAGE_ERRORS


def test_jumping_to_a_scored_moment_lands_where_the_coder_scored_it(server, browser_page,
                                                                    shots):
    page = browser_page
    _open(page, f"{server}/watch?preset=inconsistent", "Why the coder classified it")
    player = _player(page)
    room = page.locator(".room").first
    masks, n = _dyad_masks("inconsistent", _infant(page))
    assert _int(room, "n") == n  # the same infant as the page's
    jumped = 0
    for button in page.locator(".ssp-player button.moment").all():
        kind = button.get_attribute("data-kind")
        count = int(re.search(r"\((\d+)\)", button.inner_text()).group(1))
        assert button.is_disabled() == (count == 0)
        if count == 0:
            continue
        seen = set()
        for _ in range(min(count, 3)):
            before = player.get_attribute("data-moment-second")
            button.click()
            _until(page, lambda b=before, c=count: c == 1
                   or player.get_attribute("data-moment-second") != b, f"jump to {kind}")
            second = _int(room, "second")
            assert masks[kind][second], (kind, second)  # the coder scored it there
            assert player.get_attribute("data-moment-kind") == kind
            seen.add(second)
            jumped += 1
        assert len(seen) == min(count, 3)  # each press goes on to the next one
        assert page.locator(".jumpnote").inner_text().strip()
        if kind == "resistance":
            assert room.get_attribute("data-action") in ("push_away", "kick", "squirm", "throw_toy",
                                                          "go_limp")
            _shoot(page, shots, "1-watch-resistance")
    assert jumped > 0


def test_three_patterns_play_on_one_clock(server, browser_page, shots):
    page = browser_page
    _open(page, f"{server}/patterns?episode=4", "Reunion scores toward the caregiver")
    player = _player(page)
    rooms = page.locator(".room")
    assert rooms.count() == 3

    def in_step() -> None:
        master_episode, master_t = _int(player, "episode"), _int(player, "t")
        for i in range(3):
            r = rooms.nth(i)
            assert _int(r, "episode") == master_episode
            if r.get_attribute("data-over") == "1":  # its episode ended earlier: it waits
                assert _int(r, "t") < master_t
            else:
                assert _int(r, "t") == master_t

    in_step()
    page.locator(".ssp-player select").select_option("40")
    page.get_by_role("button", name="Play or pause").click()
    _until(page, lambda: _int(player, "episode") >= 6, "playing into episode 6", 180_000)
    page.get_by_role("button", name="Play or pause").click()
    _until(page, lambda: player.get_attribute("data-playing") == "0", "paused")
    in_step()
    page.get_by_role("button", name=re.compile(r"^Episode 5: ")).click()
    _until(page, lambda: _int(player, "episode") == 5, "episode 5")
    page.locator(".ssp-player input.scrub").fill(str(_int(player, "master") + 45))
    _until(page, lambda: _int(player, "t") == 45, "45 s into the reunion")
    in_step()
    _shoot(page, shots, "2-patterns-mid-reunion")
    # a scored moment of one of the three: that infant's room shows the scored second
    button = page.locator(".ssp-player button.moment[data-kind='approach']")
    if not button.is_disabled():
        button.click()
        _until(page, lambda: player.get_attribute("data-moment-kind") == "approach", "jumped")
        which = _int(player, "moment-dyad")
        preset = ("sensitive", "rejecting", "inconsistent")[which]
        masks, _ = _dyad_masks(preset, _infant(page))
        assert masks["approach"][_int(rooms.nth(which), "second")]
        in_step()
    assert not PAGE_ERRORS, PAGE_ERRORS


# --- projector-ready: no cut-off text, the room above the fold, large chart text -------------


TRUNCATED = """() => {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const r = el.getBoundingClientRect();
      // not drawn, off the screen (the folded sidebar), or hidden for screen readers only
      if (r.width <= 2 || r.height <= 2 || r.right <= 0 || r.left >= innerWidth) continue;
      const text = (el.innerText || '').trim();
      if (!text) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden') continue;
      const clips = ['hidden', 'clip', 'auto', 'scroll'].includes(cs.overflowX)
                    || cs.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${el.tagName.toLowerCase()}.${el.className}: ` +
                   `${text.slice(0, 60)} (${el.scrollWidth} > ${el.clientWidth})`);
      }
      if (el.classList.contains('ssp-badge') && el.getClientRects().length > 1) {
        found.push(`badge broken over lines: ${text}`);
      }
    }
  };
  visit(document);
  return found;
}"""


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("present", (False, True), ids=("normal", "presentation"))
def test_no_text_is_cut_off_on_any_page(server, browser, size, present, shots):
    """Every page and view: no text cut off, and no request leaves the dashboard's host (the
    app works offline: no font, script or image from elsewhere)."""
    width, height = size
    requests: list[str] = []
    with viewport(browser, width, height, requests) as page:
        problems = {}
        for name, view in CHECKED:
            flag = "&present=1" if present else ""
            _open(page, f"{server}/{name}?seed=0&{view}{flag}", READY[name])
            if name in ("watch", "patterns", "coder") or view == "view=watch":
                _player(page)
            page.wait_for_load_state("networkidle", timeout=SLOW)
            found = page.evaluate(TRUNCATED)
            if found:
                problems[f"{name}?{view}"] = found
            if present and size == (1280, 720):
                suffix = f"-{view.replace('=', '-')}" if view else ""
                _shoot(page, shots, f"9-{name}{suffix}-presentation-1280x720")
        assert not problems, problems
    assert len(requests) > len(CHECKED)
    assert not elsewhere(requests, server), elsewhere(requests, server)


def elsewhere(requests: list[str], server: str) -> list[str]:
    """The requested URLs that leave the dashboard's host (data: and blob: URLs stay)."""
    from urllib.parse import urlparse

    host = urlparse(server).netloc
    return sorted({u for u in requests if urlparse(u).scheme not in ("data", "blob")
                   and urlparse(u).netloc != host})


@pytest.mark.parametrize("present", (False, True), ids=("normal", "presentation"))
def test_the_room_is_above_the_fold_at_1280x720(server, browser, present):
    with viewport(browser, 1280, 720) as page:
        for name in ("watch", "patterns"):
            flag = "?present=1" if present else ""
            _open(page, f"{server}/{name}{flag}", READY[name])
            _player(page)
            for svg in page.locator(".roomsvg").all():
                box = svg.bounding_box()
                assert box["y"] >= 0 and box["y"] + box["height"] <= 720, (name, box)
                assert box["width"] >= 250, (name, box)  # and large enough to see


@pytest.mark.parametrize("name", ("watch", "patterns"))
def test_presentation_text_in_the_player_is_at_least_14_px(server, browser, name):
    with viewport(browser, 1280, 720) as page:
        _open(page, f"{server}/{name}?present=1", READY[name])
        _player(page)
        sizes = page.evaluate("""() => {
          const deep = (sel, root = document) => [...root.querySelectorAll(sel),
            ...[...root.querySelectorAll('*')].filter((e) => e.shadowRoot)
              .flatMap((e) => deep(sel, e.shadowRoot))];
          const px = (el) => parseFloat(getComputedStyle(el).fontSize);
          // SVG text is scaled with its drawing: its size on screen is its box's height
          const rendered = (el) => el.getBoundingClientRect().height / 1.2;
          return {
            room: deep('.ssp-player .lbl.infantlbl').map(rendered),
            timeline: deep('.ssp-player .tltext.tlrow').map(px),
            words: deep('.ssp-player .doing').map(px),
          };
        }""")
        for part, values in sizes.items():
            assert values and min(values) >= 14, (part, values)


# --- the other pages answer their controls ------------------------------------------------


def _slider(page, label: str, key: str, *urls: str) -> None:
    """Press ``key`` on a slider once per expected address, waiting after each press until the
    address shows the new value and the page has answered (a key pressed while the page runs
    may be lost)."""
    from playwright.sync_api import expect

    for url in urls:
        thumb = page.get_by_role("slider", name=label).first
        thumb.focus()
        thumb.press(key)
        expect(page).to_have_url(re.compile(url), timeout=SLOW)
        _done(page)


def test_population(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/population?n=300", "300 infants.")
    _shoot(page, shots, "3-population")
    _slider(page, "Number of infants", "ArrowRight", r"^(?!.*[?&]n=).*$")
    expect(page.get_by_text("400 infants.").first).to_be_visible(timeout=SLOW)
    expect(page).not_to_have_url(re.compile(r".*[?&]n=.*"), timeout=SLOW)
    _done(page)
    _shoot(page, shots, "3-population-400")


def test_explore(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/explore", "At your square")
    expect(page.get_by_text("responsiveness 0.9, consistency 0.9").first).to_be_visible(
        timeout=SLOW)
    _shoot(page, shots, "4-explore")
    _slider(page, "Responsiveness", "ArrowLeft", *(rf".*responsiveness={v}(&|$).*"
                                                   for v in ("0.8", "0.75", "0.7", "0.65")))
    expect(page.get_by_text("responsiveness 0.7, consistency 0.9").first).to_be_visible(
        timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*responsiveness=0\.65.*"), timeout=SLOW)
    _done(page)
    _shoot(page, shots, "4-explore-moved")


def test_change_over_time(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/change?n=100", "Secure: with the change")
    _shoot(page, shots, "5-change")
    page.get_by_test_id("stRadioGroup").get_by_text("a second caregiver").click()
    expect(page.get_by_text("Same with both").first).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*scenario=second.*"), timeout=SLOW)
    _done(page)
    _shoot(page, shots, "5-change-second-caregiver")


def test_you_be_the_coder(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/coder", "Your scores toward the caregiver")
    player = _player(page)
    assert page.locator(".ssp-player .jumps.scored").is_hidden()  # no answers given away
    assert _int(player, "episode") == 8
    _shoot(page, shots, "6-coder")
    page.get_by_test_id("stRadioGroup").get_by_text("avoidant").click()
    _done(page)
    page.get_by_role("button", name="Compare with the observer").click()
    expect(page.get_by_text("Scales within one point").first).to_be_visible(timeout=SLOW)
    _done(page)
    _shoot(page, shots, "6-coder-compared")


def test_learn(server, browser_page, shots):
    from playwright.sync_api import expect

    page = browser_page
    _open(page, f"{server}/learn", "Things to try")
    _slider(page, "Responsiveness", "ArrowLeft", r".*responsiveness=0\.8.*")
    expect(page.get_by_text("6.9 / 9").first).to_be_visible(timeout=SLOW)
    expect(page).to_have_url(re.compile(r".*responsiveness=0\.8.*"), timeout=SLOW)
    _done(page)
    _shoot(page, shots, "7-learn")
    page.get_by_text("Rejecting care: a typical infant ignores her at reunion").click()
    expect(page).to_have_url(re.compile(r".*/watch\?.*preset=rejecting.*"), timeout=SLOW)
    expect(page.get_by_text("Why the coder classified it").first).to_be_visible(timeout=SLOW)
    _done(page)
    player = _player(page)
    _until(page, lambda: _int(player, "episode") == 8, "the link's episode")
