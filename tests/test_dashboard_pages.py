"""Every dashboard page under AppTest: it renders, a control changes the numbers shown, its
settings are read from and written to the URL, and bad URL values fall back with a notice.

Assertions are about behaviour (a different preset shows different numbers), never about
particular shares, which move as the model is tuned. The player (a browser component) is
checked here through the data it is sent; tests/test_browser.py drives it in Chromium.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

os.environ["SSP_DASHBOARD_WARM"] = "0"  # no background warming while testing

from streamlit.testing.v1 import AppTest  # noqa: E402

from simulation.observer.explanation import coder_masks  # noqa: E402
from simulation.presets import get_preset  # noqa: E402
from simulation.record import BehaviourRecord  # noqa: E402

pytestmark = pytest.mark.slow

APP = Path(__file__).resolve().parents[1] / "dashboard" / "main.py"  # the pages' script
#: Seconds one run may take (uncached simulations on a slow machine).
TIMEOUT = 600
NOTICE = "could not be used"


def open_page(page: str, **query) -> AppTest:
    """The app on ``page`` (a file under dashboard/views), its URL carrying ``query``."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    params = {k: str(v) for k, v in query.items()}
    if page == "watch":  # the root address forwards to Watch, with the settings
        at.query_params.update(params)
        at.run()
    else:
        at.run()
        at.query_params.clear()
        at.query_params.update(params)
        at.switch_page(f"views/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [s.value for s in at.success]
    return "\n".join(parts)


def notices(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def tables(at: AppTest) -> list:
    return [t.value for t in at.table]


def players(at: AppTest) -> list[dict]:
    """The data sent to each player on the page."""
    return [json.loads(e.proto.json) for e in at.get("bidi_component")
            if e.proto.component_name == "ssp_player"]


def shown_numbers(at: AppTest) -> tuple:
    """Everything numeric the page shows in metrics and tables."""
    return (tuple(metrics(at).items()),
            tuple(t.to_csv() for t in tables(at)))


# --- navigation and presentation ---------------------------------------------------------


def test_every_page_renders_after_navigation():
    at = open_page("watch")
    for page in ("patterns", "population", "explore", "change", "coder", "learn", "life", "watch"):
        at.switch_page(f"views/{page}.py")
        at.query_params.clear()
        at.query_params.update({"n": "100"} if page in ("population", "change") else {})
        at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.title, page


def test_settings_survive_a_page_switch():
    at = open_page("watch")
    at.selectbox(key="watch.preset").set_value("rejecting").run()
    at.switch_page("views/learn.py").run()
    at.switch_page("views/watch.py").run()
    assert at.selectbox(key="watch.preset").value == "rejecting"
    assert at.slider(key="watch.warmth").value == pytest.approx(0.15)


def test_presentation_mode_from_the_url_and_kept_in_it():
    at = open_page("watch", present=1, preset="inconsistent")
    assert at.sidebar.toggle[0].value is True
    assert at.query_params.get("present") == "1"
    assert not notices(at)
    at.sidebar.toggle[0].set_value(False).run()
    assert "present" not in at.query_params


# --- Watch one infant ----------------------------------------------------------------------


def test_watch_renders_classification_player_sheet_and_explanation():
    at = open_page("watch")
    m = metrics(at)
    assert {"Subgroup (forced A/B/C)", "D rating (1-9)", "Crying in separations",
            "Arousal in separations"} <= set(m)
    assert "Ainsworth-sensitivity equivalent" not in m  # it misled for rejecting care
    assert "Why the coder classified it" in text(at)
    assert "looks like" in text(at)  # the plain-words why
    assert any("proximity seeking" in t.columns for t in tables(at))  # the score sheet
    sheet = next(t for t in tables(at) if "proximity seeking" in t.columns)
    assert "-" not in sheet.to_numpy().ravel().tolist()  # dashes render as bullets
    (player,) = players(at)
    assert len(player["dyads"]) == 1 and player["start"] == {"episode": 5, "t": 0}
    assert dict(at.query_params) == {}  # defaults are not written


def test_watch_sends_the_trace_once_with_the_coders_moments():
    """Every moment the player can jump to lies on seconds the coder scored that behaviour."""
    at = open_page("watch", preset="inconsistent")
    (player,) = players(at)
    dyad = player["dyads"][0]
    n = dyad["n"]
    assert all(len(v) == n for v in dyad["cols"].values())
    assert sum(length for _, _, length in dyad["episodes"]) == n
    # rebuild the record from what the browser got, and ask the coder
    cols = dyad["cols"]
    episode = np.zeros(n, dtype=np.uint8)
    for e, start, length in dyad["episodes"]:
        episode[start:start + length] = e
    present = (np.array(cols["pc"]) * 1 + np.array(cols["ps"]) * 2).astype(np.uint8)
    record = BehaviourRecord(**{k: np.asarray(v, dtype=np.uint8).reshape(1, -1) for k, v in {
        "episode": episode, "present": present, "action": cols["action"],
        "target": cols["target"], "cry": cols["cry"], "gaze": cols["gaze"],
        "zone_caregiver": cols["zc"], "zone_stranger": cols["zs"], "held": cols["held"],
        "caregiver_act": cols["ca"], "stranger_act": cols["sa"]}.items()})
    masks = coder_masks(record)
    jumps = 0
    for kind, moments in dyad["moments"].items():
        for start, length, ep in moments:
            assert masks[kind][start:start + length].all(), (kind, start, length)
            assert set(episode[start:start + length]) == {ep}
            jumps += 1
        assert sum(length for _, length, _ in moments) == int(masks[kind].sum())
    assert jumps > 0


def test_watch_preset_changes_the_numbers_and_the_url():
    at = open_page("watch")
    before = shown_numbers(at)
    trace_before = players(at)[0]["dyads"][0]["cols"]["action"]
    at.selectbox(key="watch.preset").set_value("rejecting").run()
    assert not at.exception
    assert at.slider(key="watch.warmth").value == pytest.approx(0.15)
    assert shown_numbers(at) != before
    assert players(at)[0]["dyads"][0]["cols"]["action"] != trace_before
    assert dict(at.query_params) == {"preset": "rejecting"}


def test_watch_slider_makes_the_care_custom():
    at = open_page("watch")
    at.slider(key="watch.responsiveness").set_value(0.5).run()
    assert not at.exception
    assert at.selectbox(key="watch.preset").value == "custom"
    assert at.query_params["preset"] == "custom"
    assert at.query_params["responsiveness"] == "0.5"


def test_watch_reads_its_url():
    at = open_page("watch", preset="inconsistent", episode=8, t=40, seed=3, reactivity=0.8)
    assert not notices(at)
    assert at.selectbox(key="watch.preset").value == "inconsistent"
    consistency = get_preset("inconsistent").profile.consistency
    assert at.slider(key="watch.consistency").value == pytest.approx(consistency)
    assert at.number_input(key="watch.seed").value == 3
    assert at.slider(key="watch.reactivity").value == pytest.approx(0.8)
    assert players(at)[0]["start"] == {"episode": 8, "t": 40}  # the player starts there
    assert at.query_params["episode"] == "8" and at.query_params["t"] == "40"


def test_watch_custom_sliders_from_the_url_and_quantised():
    at = open_page("watch", responsiveness="0.537", warmth="0.2")
    assert at.selectbox(key="watch.preset").value == "custom"
    assert at.slider(key="watch.responsiveness").value == pytest.approx(0.55)
    assert at.slider(key="watch.warmth").value == pytest.approx(0.2)


def test_watch_bad_url_values_fall_back_with_a_notice():
    at = open_page("watch", preset="nobody", seed="abc", episode="9", t="-3",
                   reactivity="2.5", soothability="nan")
    notice = notices(at)
    assert NOTICE in notice
    for name in ("preset=nobody", "seed=abc", "episode=9", "t=-3", "reactivity=2.5",
                 "soothability=nan"):
        assert name in notice
    assert at.selectbox(key="watch.preset").value == "sensitive"
    assert at.number_input(key="watch.seed").value == 0
    assert players(at)[0]["start"] == {"episode": 5, "t": 0}
    assert at.slider(key="watch.reactivity").value == pytest.approx(0.5)


def test_watch_downloads_are_made_when_asked():
    at = open_page("watch")
    labels = [b.label for b in at.get("download_button")]
    assert any("(PNG)" in label for label in labels) and any("(GIF" in label for label in labels)


# --- Three patterns ------------------------------------------------------------------------


def test_patterns_render_three_infants_on_one_player():
    at = open_page("patterns")
    body = text(at)
    for name in ("Sensitive care", "Rejecting care", "Inconsistent care"):
        assert name in body
    (player,) = players(at)  # one player: one clock for the three
    assert [d["title"] for d in player["dyads"]] == ["Sensitive care", "Rejecting care",
                                                     "Inconsistent care"]
    assert all(d["label"] for d in player["dyads"])
    reunion = tables(at)[0]
    assert list(reunion["care"].unique()) == ["Sensitive care", "Rejecting care",
                                              "Inconsistent care"]
    assert "looks like" in body  # each one's plain why


def test_patterns_seed_changes_the_infants_and_the_url():
    at = open_page("patterns")
    before = [d["cols"]["action"] for d in players(at)[0]["dyads"]]
    at.number_input(key="patterns.seed").set_value(4).run()
    assert not at.exception
    assert [d["cols"]["action"] for d in players(at)[0]["dyads"]] != before
    assert at.query_params["seed"] == "4"


def test_patterns_url_read_and_bad_values():
    at = open_page("patterns", seed=2, reactivity=0.7, episode=5, t=30)
    assert not notices(at)
    assert at.number_input(key="patterns.seed").value == 2
    assert players(at)[0]["start"] == {"episode": 5, "t": 30}
    bad = open_page("patterns", episode="eight", soothability="-1")
    assert "episode=eight" in notices(bad) and "soothability=-1" in notices(bad)
    assert players(bad)[0]["start"]["episode"] == 8


# --- A population --------------------------------------------------------------------------


def _shares(at: AppTest) -> dict[str, float]:
    return {k.removesuffix(" share"): float(v.rstrip("%")) for k, v in metrics(at).items()
            if k.endswith(" share")}


def test_population_renders_distribution_against_published():
    at = open_page("population", n=200)
    shares = _shares(at)
    assert set(shares) == {"secure", "avoidant", "ambivalent", "disorganized"}
    assert sum(shares.values()) == pytest.approx(100.0, abs=0.5)
    assert "200 infants." in text(at)
    for view in ("episodes", "reunions", "hidden", "table", "watch", "subgroups"):
        at.radio(key="population.view").set_value(view).run()
        assert not at.exception, view
        assert at.query_params.get("view", "subgroups") == view
    at.radio(key="population.view").set_value("episodes").run()
    crying = tables(at)[0]  # the crying profile by classification, two decimals
    assert len(crying.columns) == 8
    assert all(len(v.split(".")[1]) == 2 for v in crying.to_numpy().ravel())


def test_population_says_what_is_counted_and_that_the_preset_was_fitted():
    at = open_page("population", n=200)  # the global preset against its own source
    body = text(at) + "\n".join(i.value for i in at.info)
    assert "four-way (A, B, C and D)" in body
    assert "forced A/B/C (each D infant counted in its best-fitting group)" in body
    assert "was fitted to these published shares" in body
    other = open_page("population", n=200, compare="japan")
    assert "was fitted" not in text(other) + "\n".join(i.value for i in other.info)


def test_population_hidden_distress_is_stated_from_its_numbers():
    at = open_page("population", n=200, view="hidden")
    body = text(at)
    import re

    found = re.search(r"the (\d+) avoidant infants cried at a rate of ([0-9.]+) per 15-s "
                      r"interval against ([0-9.]+) for the others, while their hidden arousal "
                      r"averaged ([0-9]+\.[0-9]+) against ([0-9]+\.[0-9]+)", body)
    assert found, body
    a_cry, o_cry, a_ar, o_ar = (float(found.group(i)) for i in range(2, 6))
    if a_cry < o_cry and (o_cry - a_cry) > (o_ar - a_ar):
        assert "distress the coder does not hear" in body
    else:
        assert "no hidden distress shows" in body


def test_population_preset_change_changes_the_numbers():
    at = open_page("population", source="caregiver", preset="sensitive", n=200)
    before = shown_numbers(at)
    at.selectbox(key="population.preset").set_value("rejecting").run()
    assert not at.exception
    assert shown_numbers(at) != before
    assert at.query_params["preset"] == "rejecting"
    at.select_slider(key="population.n").set_value(100).run()
    assert "100 infants." in text(at)
    assert at.query_params["n"] == "100"


def test_population_infant_replays_exactly():
    at = open_page("population", source="caregiver", preset="inconsistent", n=100, infant=7,
                   view="watch")
    assert at.number_input(key="population.infant").value == 7
    assert "it replays exactly" in text(at)
    assert len(players(at)) == 1 and "looks like" in text(at)
    at = open_page("population", population="japan", n=100, infant=3, view="watch")
    assert "it replays exactly" in text(at)


def test_population_bad_url_values():
    at = open_page("population", n=123, population="atlantis", compare="mars", source="both")
    notice = notices(at)
    for name in ("n=123", "population=atlantis", "compare=mars", "source=both"):
        assert name in notice
    assert at.select_slider(key="population.n").value == 400
    assert "400 infants." in text(at)


# --- Explore -------------------------------------------------------------------------------


def test_explore_renders_the_map_and_the_star():
    at = open_page("explore")
    body = text(at)
    assert "responsiveness 0.9, consistency 0.9" in body
    assert "squares" in body
    assert "Ainsworth-sensitivity equivalent" not in metrics(at)
    shares = [line for line in at.markdown if "&nbsp;·&nbsp;" in line.value]
    assert len(shares) == 1 and shares[0].value.count("%") == 4  # apart, not run together


def test_explore_warmth_changes_the_map_and_the_url():
    at = open_page("explore")
    before = text(at)
    at.slider(key="explore.warmth").set_value(0.1).run()
    assert not at.exception
    assert at.query_params["warmth"] == "0.1"
    after = text(at)
    assert after != before
    at.slider(key="explore.responsiveness").set_value(0.3).run()
    assert "responsiveness 0.3, consistency 0.9" in text(at)
    assert at.query_params["responsiveness"] == "0.3"


def test_explore_url_read_and_bad_values():
    at = open_page("explore", consistency=0.2, per_cell=10)
    assert not notices(at)
    assert "consistency 0.2" in text(at)
    bad = open_page("explore", warmth="-1", per_cell="7", consistency="x")
    for name in ("warmth=-1", "per_cell=7", "consistency=x"):
        assert name in notices(bad)
    assert bad.slider(key="explore.warmth").value == pytest.approx(0.7)


# --- Change over time ----------------------------------------------------------------------


def test_change_improving_care_renders_and_responds():
    at = open_page("change", n=100)
    assert {"Secure: with the change", "Secure: without the change"} <= set(metrics(at))
    before = shown_numbers(at)
    at.selectbox(key="change.before").set_value("rejecting").run()
    assert not at.exception
    assert shown_numbers(at) != before
    assert at.query_params["before"] == "rejecting"


def test_change_second_caregiver():
    at = open_page("change", n=100, scenario="second", share=0.5)
    assert not notices(at)
    m = metrics(at)
    assert {"Secure with the first", "Secure with the second", "Same with both"} <= set(m)
    before = shown_numbers(at)
    at.selectbox(key="change.second").set_value("frightening").run()
    assert shown_numbers(at) != before
    assert at.query_params["second"] == "frightening"
    assert at.query_params["scenario"] == "second"


def test_change_bad_url_values():
    at = open_page("change", n=100, month=13, before="kind", scenario="later")
    for name in ("month=13", "before=kind", "scenario=later"):
        assert name in notices(at)
    assert at.slider(key="change.month").value == 6


# --- You be the coder ----------------------------------------------------------------------


def _answer(infant: int = 1, episode: int = 8, seed: int = 0) -> str:
    return f"coder.{infant}.{episode}.{seed}"


def test_coder_scores_and_compares():
    at = open_page("coder")
    assert "Your scores toward the caregiver" in [h.value for h in at.subheader]
    (player,) = players(at)
    assert player["dyads"][0]["label"] == ""  # the classification stays hidden
    assert player["scored"] is False and not any(player["dyads"][0]["moments"].values())
    assert player["start"]["episode"] == 8
    at.button(key="coder.compare").click().run()
    assert "Choose a classification first." in notices(at)
    at.radio(key=f"{_answer()}.choice").set_value("avoidant").run()
    at.slider(key=f"{_answer()}.score.avoidance").set_value(6).run()
    at.button(key="coder.compare").click().run()
    assert not at.exception
    m = metrics(at)
    assert m["Your classification"] == "avoidant"
    assert "The observer's" in m
    table = tables(at)[0]
    assert list(table["yours"]) == [1, 1, 1, 6]
    assert "How this infant was cared for" in text(at)
    assert "looks like" in text(at)


def test_coder_another_infant_starts_with_a_blank_sheet():
    at = open_page("coder")
    at.slider(key=f"{_answer()}.score.avoidance").set_value(6).run()
    at.radio(key=f"{_answer()}.choice").set_value("avoidant").run()
    at.number_input(key="coder.infant").set_value(2).run()
    assert not at.exception
    assert at.slider(key=f"{_answer(2)}.score.avoidance").value == 1
    assert at.radio(key=f"{_answer(2)}.choice").value is None


def test_coder_infants_have_their_own_caregiving():
    def observer_scores(at, infant):
        at.radio(key=f"{_answer(infant, 5)}.choice").set_value("secure").run()
        at.button(key="coder.compare").click().run()
        return tables(at)[0]["observer"].tolist(), metrics(at)["The observer's"]

    seen, care = set(), set()
    for infant in (1, 2, 3, 4, 5, 6):
        at = open_page("coder", infant=infant, episode=5)
        assert at.query_params.get("infant", "1") == str(infant)
        seen.add(tuple(observer_scores(at, infant)[0]))
        care.add(next(m.value for m in at.markdown if "How this infant was cared for" in m.value))
    assert len(seen) > 1
    assert len(care) == 6  # drawn per infant: no cycle through a few presets


def test_coder_bad_url_values():
    at = open_page("coder", infant=0, episode=6)
    assert "infant=0" in notices(at) and "episode=6" in notices(at)
    assert at.number_input(key="coder.infant").value == 1


# --- Learn ---------------------------------------------------------------------------------


def test_learn_renders_sections_and_calculator():
    at = open_page("learn")
    headers = [h.value for h in at.header]
    for section in ("What it is", "The eight episodes", "The patterns", "How the model works",
                    "Things to notice", "Things to try", "What the model leaves out",
                    "From infancy to adulthood, with care", "References"):
        assert section in headers
    assert "not a diagnostic tool" in text(at)
    assert "not measured continuity" in text(at)
    assert metrics(at)["Sensitivity equivalent"] == "7.3 / 9"
    assert "leaves out warmth and frightening behaviour" in text(at)
    at.slider(key="learn.consistency").set_value(0.0).run()
    assert metrics(at)["Sensitivity equivalent"] == "4.4 / 9"
    assert at.query_params["consistency"] == "0"


def test_learn_bad_url_values():
    at = open_page("learn", responsiveness="lots")
    assert "responsiveness=lots" in notices(at)
    assert metrics(at)["Sensitivity equivalent"] == "7.3 / 9"


def test_a_link_followed_inside_the_session_brings_its_settings():
    at = open_page("watch")
    at.switch_page("views/learn.py").run()
    at.query_params.clear()
    at.query_params.update({"preset": "rejecting", "episode": "8"})
    at.switch_page("views/watch.py").run()  # as the Learn page's "things to try" links do
    assert at.selectbox(key="watch.preset").value == "rejecting"
    assert players(at)[0]["start"]["episode"] == 8
    at.slider(key="watch.reactivity").set_value(0.7).run()
    assert at.selectbox(key="watch.preset").value == "rejecting"  # widgets win on reruns
    assert at.query_params["reactivity"] == "0.7"
