"""Every dashboard page under AppTest: it renders, a control changes the numbers shown, its
settings are read from and written to the URL, and bad URL values fall back with a notice.

Assertions are about behaviour (a different preset shows different numbers), never about
particular shares, which move as the model is tuned.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["SSP_DASHBOARD_WARM"] = "0"  # no background warming while testing

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
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


def shown_numbers(at: AppTest) -> tuple:
    """Everything numeric the page shows in metrics and tables."""
    return (tuple(metrics(at).items()),
            tuple(t.to_csv() for t in tables(at)))


# --- navigation and presentation ---------------------------------------------------------


def test_every_page_renders_after_navigation():
    at = open_page("watch")
    for page in ("patterns", "population", "explore", "change", "coder", "learn", "watch"):
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


def test_watch_renders_classification_sheet_and_explanation():
    at = open_page("watch")
    m = metrics(at)
    assert m["Ainsworth-sensitivity equivalent"] == "7.3 / 9"
    assert {"Subgroup", "D rating (1-9)", "Crying in separations",
            "Arousal in separations"} <= set(m)
    assert "Classified" in text(at)
    assert "into episode 5" in text(at)
    assert any("proximity seeking" in t.columns for t in tables(at))  # the score sheet
    assert "decided at step" in text(at)
    assert dict(at.query_params) == {}  # defaults are not written


def test_watch_preset_changes_the_numbers_and_the_url():
    at = open_page("watch")
    before = shown_numbers(at)
    at.selectbox(key="watch.preset").set_value("rejecting").run()
    assert not at.exception
    assert at.slider(key="watch.warmth").value == pytest.approx(0.15)
    assert metrics(at)["Ainsworth-sensitivity equivalent"] == "6.0 / 9"
    assert shown_numbers(at) != before
    assert dict(at.query_params) == {"preset": "rejecting"}


def test_watch_slider_makes_the_care_custom():
    at = open_page("watch")
    at.slider(key="watch.responsiveness").set_value(0.5).run()
    assert not at.exception
    assert at.selectbox(key="watch.preset").value == "custom"
    assert at.query_params["preset"] == "custom"
    assert at.query_params["responsiveness"] == "0.5"
    assert metrics(at)["Ainsworth-sensitivity equivalent"] == "4.7 / 9"


def test_watch_reads_its_url():
    at = open_page("watch", preset="inconsistent", episode=8, t=40, seed=3, reactivity=0.8)
    assert not notices(at)
    assert at.selectbox(key="watch.preset").value == "inconsistent"
    assert at.slider(key="watch.consistency").value == pytest.approx(0.1)
    assert at.select_slider(key="watch.episode").value == 8
    assert at.number_input(key="watch.seed").value == 3
    assert at.slider(key="watch.reactivity").value == pytest.approx(0.8)
    assert "0:40 into episode 8" in text(at)


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
    assert at.select_slider(key="watch.episode").value == 5
    assert at.slider(key="watch.reactivity").value == pytest.approx(0.5)
    assert metrics(at)["Ainsworth-sensitivity equivalent"] == "7.3 / 9"


def test_watch_step_and_play():
    at = open_page("watch")
    at.button(key="watch.fwd").click().run()
    assert "0:25 into episode 5" in text(at)
    assert at.query_params["t"] == "25"
    at.select_slider(key="watch.episode").set_value(6).run()
    assert "0:00 into episode 6" in text(at)
    at.toggle(key="watch.play").set_value(True).run()
    assert not at.exception
    at.button(key="watch.makegif").click().run()  # the whole procedure as a GIF
    assert not at.exception


# --- Three patterns ------------------------------------------------------------------------


def test_patterns_render_three_infants():
    at = open_page("patterns")
    body = text(at)
    for name in ("Sensitive care", "Rejecting care", "Inconsistent care"):
        assert name in body
    assert len(at.metric) == 9
    reunion = tables(at)[0]
    assert list(reunion["care"].unique()) == ["sensitive", "rejecting", "inconsistent"]


def test_patterns_episode_change_changes_the_numbers_and_the_url():
    at = open_page("patterns")
    before = [m.value for m in at.metric]
    at.select_slider(key="patterns.episode").set_value(4).run()
    assert not at.exception
    assert [m.value for m in at.metric] != before
    assert at.query_params["episode"] == "4"


def test_patterns_url_read_and_bad_values():
    at = open_page("patterns", seed=2, reactivity=0.7, episode=5)
    assert not notices(at)
    assert at.number_input(key="patterns.seed").value == 2
    assert at.select_slider(key="patterns.episode").value == 5
    bad = open_page("patterns", episode="eight", soothability="-1")
    assert "episode=eight" in notices(bad) and "soothability=-1" in notices(bad)
    assert bad.select_slider(key="patterns.episode").value == 8


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
    crying = tables(at)[0]  # the crying profile by classification
    assert list(crying.columns) == [str(e) for e in range(1, 9)] or len(crying.columns) == 8


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
    assert {"secure", "avoidant", "ambivalent", "disorganized"} <= set(metrics(at))


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


def test_coder_scores_and_compares():
    at = open_page("coder")
    assert "Your scores toward the caregiver" in [h.value for h in at.subheader]
    at.button(key="coder.compare").click().run()
    assert "Choose a classification first." in notices(at)
    at.radio(key="coder.choice").set_value("avoidant").run()
    at.slider(key="coder.score.avoidance").set_value(6).run()
    at.button(key="coder.compare").click().run()
    assert not at.exception
    m = metrics(at)
    assert m["Your classification"] == "avoidant"
    assert "The observer's" in m
    table = tables(at)[0]
    assert list(table["yours"]) == [1, 1, 1, 6]
    assert "How this infant was cared for" in text(at)


def test_coder_another_infant_changes_the_observer_scores():
    def observer_scores(at):
        at.radio(key="coder.choice").set_value("secure").run()
        at.button(key="coder.compare").click().run()
        return tables(at)[0]["observer"].tolist(), metrics(at)["The observer's"]

    seen = set()
    for infant in (1, 2, 3, 4):
        at = open_page("coder", infant=infant, episode=5)
        assert at.query_params.get("infant", "1") == str(infant)
        scores, label = observer_scores(at)
        seen.add((tuple(scores), label))
    assert len(seen) > 1


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
    assert at.select_slider(key="watch.episode").value == 8
    at.slider(key="watch.reactivity").set_value(0.7).run()
    assert at.selectbox(key="watch.preset").value == "rejecting"  # widgets win on reruns
    assert at.query_params["reactivity"] == "0.7"
