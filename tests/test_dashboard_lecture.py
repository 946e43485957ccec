"""The lecture's pages under AppTest: examples open on an infant typical of their care (chosen by
the simulation, checked here against a cohort run of our own), an atypical one on request and
said as such, the consistent vs inconsistent pair, the population's previous result kept in
view, a stale address or a stale preset never undoing a change, and a start without
Streamlit's warnings.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

os.environ["SSP_DASHBOARD_WARM"] = "0"  # no background warming while testing

from dashboard import compute, workers  # noqa: E402
from simulation.presets import PRESETS  # noqa: E402
from tests.test_dashboard_pages import open_page, players, text  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def modal_of(care: tuple, temperament=(0.5, 0.5)) -> tuple[str, int, float]:
    """(modal group, first infant in it, its share) from a cohort run here, not the page's."""
    table = workers.cohort_table(("profile", tuple(care)), None, compute.TYPICAL_SEED, 0,
                                 compute.TYPICAL_N, tuple(temperament), "primary", 12.0)
    counts = table["group"].value_counts()
    modal = counts.index[0]
    assert len(counts) == 1 or counts.iloc[0] > counts.iloc[1], "a tie: choose another care"
    return modal, int(table.index[table["group"] == modal][0]), counts.iloc[0] / len(table)


def preset_care(name: str) -> tuple:
    return tuple(PRESETS[name].profile.as_dict().values())


def group_of(label: str) -> str:
    """The group letter of a player's label ("C1: ambivalent", "disorganized (D), ...")."""
    if label.startswith("disorganized"):
        return "D"
    return label[0]


def infant_line(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**Infant no."))


@pytest.mark.parametrize("preset", list(PRESETS))
def test_watch_opens_each_preset_on_an_infant_typical_of_it(preset):
    at = open_page("watch", preset=preset)
    modal, first, share = modal_of(preset_care(preset))
    assert at.number_input(key="watch.seed").value == first
    (player,) = players(at)
    assert group_of(player["dyads"][0]["label"]) == modal
    line = infant_line(at)
    assert f"one of the {share:.0%} of infants this care makes {compute.GROUP_WORDS[modal]}" \
        in line
    assert line.endswith("the typical outcome.")
    assert "seed" not in at.query_params  # the typical infant needs no number in the link


def test_inconsistent_care_opens_on_an_ambivalent_infant_and_shows_a_secure_one_on_request():
    at = open_page("watch", preset="inconsistent")
    modal, first, _ = modal_of(preset_care("inconsistent"))
    assert modal == "C"  # the preset demonstrates C (its description says so)
    at.button(key="watch.atypical").click().run()
    shown = at.number_input(key="watch.seed").value
    assert shown != first
    (player,) = players(at)
    assert group_of(player["dyads"][0]["label"]) != modal
    assert "an atypical infant" in infant_line(at)
    assert at.query_params["seed"] == str(shown)  # an atypical infant is named in the link
    at.button(key="watch.typical").click().run()
    assert at.number_input(key="watch.seed").value == first


def test_a_preset_chosen_on_the_page_opens_its_typical_infant():
    at = open_page("watch")
    at.selectbox(key="watch.preset").set_value("rejecting").run()
    _, first, _ = modal_of(preset_care("rejecting"))
    assert at.number_input(key="watch.seed").value == first


def test_patterns_open_on_an_infant_typical_of_every_room():
    at = open_page("patterns")
    seed = at.number_input(key="patterns.seed").value
    (player,) = players(at)
    for name, dyad in zip(("sensitive", "rejecting", "inconsistent"), player["dyads"],
                          strict=True):
        modal, _, _ = modal_of(preset_care(name))
        assert group_of(dyad["label"]) == modal, (name, seed, dyad["label"])
    assert text(at).count(": the typical outcome.") == 3


def population_line(body: str, title: str) -> dict[str, float]:
    """A room's "Of 200 infants like this one raised so:" shares, by group letter."""
    section = body.split(f"**{title}**", 1)[1]
    line = next(x for x in section.splitlines() if x.startswith("Of "))
    return {g: float(v) / 100 for g, v in re.findall(r"\((\w)\)</span> (\d+)%", line)}


def test_pair_mode_same_infant_consistent_against_inconsistent_care():
    at = open_page("patterns", mode="pair")
    (player,) = players(at)
    assert [d["title"] for d in player["dyads"]] == ["Consistent care", "Inconsistent care"]
    body = text(at)
    steady = population_line(body, "Consistent care")
    spells = population_line(body, "Inconsistent care")
    assert spells.get("C", 0) > steady.get("C", 0)
    base = PRESETS["inconsistent"].profile
    for care, shares in (((base.responsiveness, PRESETS["sensitive"].profile.consistency,
                           base.warmth, 0.0), steady),
                         ((base.responsiveness, base.consistency, base.warmth, 0.0), spells)):
        modal, _, share = modal_of(care)
        assert shares[modal] == pytest.approx(share, abs=0.006)
    # the same responsiveness in both rooms, moved by one slider
    at.slider(key="patterns.responsiveness").set_value(0.8).run()
    assert at.query_params["responsiveness"] == "0.8"
    assert at.query_params["mode"] == "pair"


def test_patterns_rooms_take_any_care():
    at = open_page("patterns")
    at.selectbox(key="patterns.r2_preset").set_value("frightening").run()
    (player,) = players(at)
    assert [d["title"] for d in player["dyads"]] == ["Sensitive care", "Frightening care",
                                                     "Inconsistent care"]
    assert at.query_params["r2_preset"] == "frightening"


def test_population_keeps_the_previous_result_in_view():
    at = open_page("population", source="caregiver", preset="sensitive")
    assert "Before your last change" not in text(at)
    at.selectbox(key="population.preset").set_value("inconsistent").run()
    body = text(at)
    assert "Before your last change** (sensitive care: responsiveness 0.85" in body
    was = re.search(r"ambivalent was (\d+)%, now (\d+)%", body)
    assert was and int(was.group(2)) > int(was.group(1))


def test_one_way_of_caring_is_not_set_beside_the_published_studies():
    at = open_page("population", source="caregiver", preset="inconsistent")
    body = text(at)
    assert "not set beside the published distributions" in body
    assert "Simulated beside published" not in body
    assert at.get("arrow_vega_lite_chart") == [] or all(
        "published" not in str(c.proto) for c in at.get("arrow_vega_lite_chart"))
    at = open_page("population", source="population", population="japan")
    body = text(at)
    assert "Simulated beside published" in body
    assert not re.search(r"\b[a-z]+_[a-z]+\b", "\n".join(c.value for c in at.caption))


def test_a_stale_address_from_the_browser_does_not_undo_a_change():
    """The browser sends its address with every rerun; a quick second change can carry the
    address from before the previous run's: it must not be taken for a followed link."""
    at = open_page("watch", episode=8)
    stale = {k: at.query_params[k] for k in at.query_params}
    assert stale == {"episode": "8"}
    at.selectbox(key="watch.preset").set_value("inconsistent").run()
    assert at.query_params["preset"] == "inconsistent"
    at.query_params.clear()
    at.query_params.update(stale)  # the address before the preset
    at.slider(key="watch.consistency").set_value(0.2).run()
    assert at.slider(key="watch.consistency").value == pytest.approx(0.2)
    assert at.selectbox(key="watch.preset").value == "custom"
    assert at.query_params["consistency"] == "0.2"
    assert at.query_params["preset"] == "custom"


def test_a_stale_preset_from_the_browser_does_not_undo_a_key():
    """Arrow keys just after a preset: the second key is sent while the browser's selector
    still shows the preset (the server has made it "custom" since). Streamlit takes that for
    the preset chosen again and calls its callback first; the key must still count, and the
    slider, the selector and the link agree."""
    at = open_page("watch", episode=8)
    at.selectbox(key="watch.preset").set_value("inconsistent").run()
    low = PRESETS["inconsistent"].profile.consistency
    at.slider(key="watch.consistency").set_value(low + 0.05).run()  # the first key
    assert at.selectbox(key="watch.preset").value == "custom"
    at.selectbox(key="watch.preset").set_value("inconsistent")  # the browser's stale copy
    at.slider(key="watch.consistency").set_value(low + 0.1).run()  # the second key
    assert at.slider(key="watch.consistency").value == pytest.approx(low + 0.1)
    assert at.selectbox(key="watch.preset").value == "custom"
    assert at.query_params["preset"] == "custom"
    assert float(at.query_params["consistency"]) == pytest.approx(low + 0.1)
    # the other sliders stay the preset's, and choosing the preset for real still sets them all
    assert at.query_params["warmth"] == str(PRESETS["inconsistent"].profile.warmth)
    at.selectbox(key="watch.preset").set_value("rejecting").run()
    assert at.slider(key="watch.consistency").value == pytest.approx(
        PRESETS["rejecting"].profile.consistency)
    assert at.query_params["preset"] == "rejecting"


def test_a_link_from_another_page_is_still_followed():
    at = open_page("watch")
    at.selectbox(key="watch.preset").set_value("rejecting").run()
    at.switch_page("views/learn.py").run()
    at.query_params.clear()
    at.query_params.update({"preset": "inconsistent"})
    at.switch_page("views/watch.py").run()
    assert at.selectbox(key="watch.preset").value == "inconsistent"


def test_pool_workers_import_the_app_without_streamlit_warnings():
    """The pool's workers import main.py as ``__mp_main__``: nothing may touch Streamlit."""
    code = ("import runpy, sys; runpy.run_path(sys.argv[1], run_name='__mp_main__'); "
            "print('imported')")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "dashboard" / "main.py")],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "imported" in done.stdout
    assert "WARNING" not in done.stderr and "Warning" not in done.stderr, done.stderr


def test_a_population_pattern_names_its_typical_and_atypical_infants():
    pattern = compute.population_pattern("low-risk-abcd")
    table = workers.cohort_table(None, "low-risk-abcd", compute.TYPICAL_SEED, 0,
                                 compute.TYPICAL_N, None, "primary", 12.0)
    assert pattern.groups == tuple(table["group"])
    assert pattern.modal == table["group"].value_counts().index[0]
    assert pattern.groups[pattern.typical()] == pattern.modal
    assert pattern.groups[:pattern.typical()].count(pattern.modal) == 0
    k = pattern.atypical()
    assert pattern.groups[k] != pattern.modal
    assert pattern.atypical(k) != k and pattern.groups[pattern.atypical(k)] != pattern.modal
    assert sum(share for _, share in pattern.shares) == pytest.approx(1.0)
