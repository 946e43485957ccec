"""The lecture in a real browser (``ssp dashboard``, headless Chromium): the examples open on
infants typical of their care, the consistent vs inconsistent pair shows more ambivalent
infants under inconsistent care, the page's settings fit above the fold at 1280x720 in
presentation mode, one click changes page, and quick arrow keys after a preset leave the
slider and the link in agreement.

Waits are for conditions (the app's "not running" state, an address, a text), generous for a
loaded machine; never a sleep that hopes.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard import compute, workers
from simulation.presets import PRESETS
from tests import test_browser as tb
from tests.test_browser import READY, SLOW, _done, _open, _player, _shoot, _until, viewport

# the browser tests' server, browser and screenshot folder (one per module)
server, browser, browser_page, shots = tb.server, tb.browser, tb.browser_page, tb.shots

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTH, HEIGHT = 1280, 720


def modal(care: tuple) -> str:
    """The modal group of a care for the default temperament, from a cohort run here."""
    table = workers.cohort_table(("profile", tuple(care)), None, compute.TYPICAL_SEED, 0,
                                 compute.TYPICAL_N, (0.5, 0.5), "primary", 12.0)
    return str(table["group"].value_counts().index[0])


def preset_care(name: str) -> tuple:
    return tuple(PRESETS[name].profile.as_dict().values())


def infant_lines(page) -> list[str]:
    """The sentences that place each shown infant among those its care makes."""
    return [t for t in page.get_by_text(re.compile(r"one of the \d+% of infants this care "
                                                   r"makes")).all_inner_texts()]


@pytest.mark.parametrize("preset", ("sensitive", "rejecting", "inconsistent", "frightening"))
def test_watch_default_shows_the_presets_modal_pattern(server, browser_page, preset):
    page = browser_page
    _open(page, f"{server}/watch?preset={preset}", READY["watch"])
    _player(page)
    group = modal(preset_care(preset))
    (line,) = infant_lines(page)
    assert f"makes {compute.GROUP_WORDS[group]}: the typical outcome" in line, line


def test_patterns_default_shows_each_rooms_modal_pattern(server, browser_page, shots):
    page = browser_page
    _open(page, f"{server}/patterns", READY["patterns"])
    _player(page)
    lines = infant_lines(page)
    assert len(lines) == 3, lines
    for name, line in zip(("sensitive", "rejecting", "inconsistent"), lines, strict=True):
        group = modal(preset_care(name))
        assert f"makes {compute.GROUP_WORDS[group]}: the typical outcome" in line, (name, line)
    _shoot(page, shots, "lecture-patterns-1440x1000")


def test_pair_mode_shows_more_ambivalent_infants_with_inconsistent_care(server, browser_page,
                                                                        shots):
    page = browser_page
    _open(page, f"{server}/patterns?mode=pair", READY["patterns"])
    _player(page)
    lines = page.get_by_text(re.compile(r"^Of \d+ infants like this one raised so")) \
        .all_inner_texts()
    assert len(lines) == 2, lines

    def c_share(line: str) -> int:
        found = re.search(r"ambivalent \(C\)\s*(\d+)%", line)
        return int(found.group(1)) if found else 0

    consistent, inconsistent = (c_share(x) for x in lines)
    assert inconsistent > consistent, lines
    _shoot(page, shots, "lecture-pair-1440x1000")


@pytest.mark.parametrize("name", ("watch", "patterns"))
def test_page_settings_fit_above_the_fold_in_presentation_mode(server, browser, shots, name):
    with viewport(browser, WIDTH, HEIGHT) as page:
        _open(page, f"{server}/{name}?present=1", READY[name])
        _player(page)
        page.wait_for_load_state("networkidle", timeout=SLOW)
        controls = [page.get_by_label("Infant no.", exact=True),
                    page.get_by_role("button", name="Typical infant", exact=True),
                    page.get_by_role("button", name="Atypical infant", exact=True)]
        if name == "watch":
            controls += [page.get_by_test_id("stSelectbox").first,  # the caregiving preset
                         page.get_by_role("button", name="Sliders")]
        else:
            controls += [page.get_by_text("Three ways", exact=True),
                         page.get_by_text("Consistent vs inconsistent", exact=True),
                         page.get_by_role("button", name="Temperament")]
            controls += page.get_by_test_id("stSelectbox").all()  # each room's care
            assert len(controls) == 9, controls
        for control in controls:
            box = control.bounding_box()
            assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= HEIGHT, \
                (name, control, box)
        # the room begins above the fold, under the settings
        room = page.locator(".roomsvg").first.bounding_box()
        assert room["y"] < HEIGHT / 2, room
        _shoot(page, shots, f"lecture-{name}-presentation-1280x720")


def test_every_page_is_one_click_away_in_presentation_mode(server, browser):
    from playwright.sync_api import expect

    titles = {"patterns": "Three patterns", "population": "Population",
              "explore": "Explore", "change": "Change over time", "coder": "Be the coder",
              "learn": "Learn", "life": "A life", "watch": "One infant"}
    with viewport(browser, WIDTH, HEIGHT) as page:
        _open(page, f"{server}/watch?present=1", READY["watch"])
        nav = page.get_by_test_id("stTopNav")
        for path, title in titles.items():
            link = nav.get_by_role("link", name=title, exact=True)
            expect(link).to_be_visible(timeout=SLOW)  # in the row, not in a "more" menu
            link.click()
            expect(page).to_have_url(re.compile(rf"/{path}(\?|$)"), timeout=SLOW)
            # a page's first visit on a fresh machine may compile its engine first (the life
            # course's, here, before test_browser_life has run): twice the usual wait
            expect(page.get_by_text(READY[path]).first).to_be_visible(timeout=2 * SLOW)
            _done(page)


def _query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


#: The Watch page's default consistency (the sensitive preset's), left out of the link.
DEFAULT_CONSISTENCY = PRESETS["sensitive"].profile.consistency


def test_quick_arrow_keys_after_a_preset_leave_slider_and_link_agreeing(server, browser):
    """Arrow keys pressed at once after a preset (no wait between them): when the page has
    settled, the slider, the preset and the link say the same."""
    with viewport(browser, 1440, 1000) as page:
        _open(page, f"{server}/watch?episode=8", READY["watch"])
        for trial in range(3):
            preset = ("inconsistent", "rejecting", "sensitive")[trial]
            page.get_by_test_id("stSelectbox").first.click()  # the caregiving preset
            page.get_by_role("option", name=f"{preset} care", exact=True).click()
            # the preset has reached the browser (the default one is left out of the link);
            # then at once, three keys
            page.wait_for_function(
                "() => (new URL(location.href).searchParams.get('preset') ?? 'sensitive') "
                f"=== '{preset}'", timeout=SLOW)
            thumb = page.get_by_role("slider", name="Consistency").first
            # and the slider shows the preset's value (under load the link can run ahead of the
            # slider: keys pressed before the slider is redrawn move the old value, and the
            # preset's value then lands on a page already marked custom)
            target = PRESETS[preset].profile.consistency
            _until(page, lambda thumb=thumb, target=target:
                   float(thumb.input_value()) == pytest.approx(target),
                   f"trial {trial}: the slider shows the preset", SLOW)
            thumb.focus()
            # then at once, three keys: the second and third are sent before the previous
            # key's run has answered (under load, while the selector still shows the preset)
            for _ in range(3):
                thumb.press("ArrowRight")
            moved = min(1.0, round(target + 0.15, 2))

            def agree(thumb=thumb) -> bool:
                query = _query(page)
                shown = float(thumb.input_value())  # the slider is a range input
                return (query.get("preset") == "custom"
                        and shown == pytest.approx(
                            float(query.get("consistency", DEFAULT_CONSISTENCY))))

            _until(page, agree, f"trial {trial}: slider and link agree", SLOW)
            _done(page)
            assert agree(), (trial, page.url)
            # every key counted: none was undone by the preset's stale selector
            assert float(thumb.input_value()) == pytest.approx(moved), (trial, page.url)
