"""The "A life" page under AppTest: the what-if lowers this person's anxiety, the flows count
every person of the population, the Watch link names the same infant, bad URL values fall back
with a notice, and the page's person is the infant Watch shows for the same settings.

Assertions are about behaviour (a responsive partner lowers anxiety for this person and for most
anxious people raised the same way), never about particular shares.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

os.environ["SSP_DASHBOARD_WARM"] = "0"  # no background warming while testing

from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard import life_charts, life_words  # noqa: E402

pytestmark = pytest.mark.slow

APP = Path(__file__).resolve().parents[1] / "dashboard" / "main.py"
TIMEOUT = 600
NOTICE = "could not be used"


def open_life(**query) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.query_params.clear()
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.switch_page("views/life.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def specs(at: AppTest) -> list[dict]:
    """Every Vega-Lite specification on the page."""
    return [json.loads(e.proto.spec) for e in at.get("vega_lite_chart")]


def reunions(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.json) for e in at.get("bidi_component")
            if e.proto.component_name == "ssp_reunion"]


def test_a_responsive_partner_lowers_this_persons_anxiety():
    at = open_life()  # inconsistent care, a responsive partner from 22 (the defaults)
    shown = metrics(at)
    base = float(shown["Anxiety at 30"])
    changed = float(shown["With the what-if (partner)"])
    assert changed < base
    # the share among people raised the same way is said, as a share
    info = "\n".join(i.value for i in at.info)
    assert "people raised like this" in info and "%" in info
    # the what-if's partner is on the timeline from 22, and both adults are in the reunion
    timeline = next(s for s in specs(at) if s.get("title") == "A life from 1 to 30")
    rows = timeline["layer"][0]["data"]["values"]
    added = [r for r in rows if r["lane"].startswith("with the what-if")]
    assert added and min(r["from"] for r in added) == 22
    scenes = reunions(at)[0]["scenes"]
    assert len(scenes) == 2 and all(len(s["action"]) == 360 for s in scenes)
    # no what-if: no second adult, no share
    at.radio(key="life.whatif").set_value("none").run()
    assert not at.exception
    assert len(reunions(at)[0]["scenes"]) == 1
    assert not at.info
    assert "whatif" in at.query_params and at.query_params["whatif"] == "none"


def test_therapy_from_28_and_its_default_age():
    at = open_life(whatif="therapy", at=28, seed=4)
    shown = metrics(at)
    assert "With the what-if (therapy)" in shown
    assert at.slider(key="life.at").value == 28
    timeline = next(s for s in specs(at) if s.get("title") == "A life from 1 to 30")
    lanes = {r["lane"] for r in timeline["layer"][0]["data"]["values"]}
    assert "with the what-if: therapy" in lanes


def test_the_flows_count_every_person():
    at = open_life(persons=500)
    flows = next(s for s in specs(at) if "persons" in str(s.get("title", "")))
    assert "500 persons" in flows["title"]
    bands = pd.DataFrame(flows["layer"][0]["data"]["values"])
    per_link = bands.groupby("link")["persons"].first()
    assert per_link.sum() == 500
    # the continuity table shows the published figures beside this population's
    table = at.table[0].value
    assert {"published", "source", "this population"} <= set(table.columns)
    assert len(table) == len(life_words.SHOWN_CHECKS)


def test_flow_counts_and_bands_add_up():
    table = pd.DataFrame({"infant_group": list("AABBBCCD"),
                          "adult_style": ["secure", "dismissing", "secure", "secure",
                                          "fearful", "preoccupied", "secure", "fearful"]})
    counts = life_charts.flow_counts(table)
    assert counts["persons"].sum() == len(table) and len(counts) == 16
    spec = life_charts.flows(counts)
    bands = pd.DataFrame(spec["layer"][0]["data"]["values"])
    first = bands.groupby("link").first()
    assert ((first["y2"] - first["y"]) * len(table)).round(6).sum() == len(table)
    nodes = pd.DataFrame(spec["layer"][1]["data"]["values"])
    assert (nodes["y2"] - nodes["y"]).sum() == pytest.approx(2.0)  # both sides hold everyone


def test_the_watch_link_names_the_same_infant():
    from urllib.parse import parse_qs

    at = open_life(preset="rejecting", seed=7, reactivity=0.7)
    link = next(e for e in at.get("page_link") if "Watch this infant" in e.proto.label)
    assert link.proto.page.endswith("watch")
    query = {k: v[-1] for k, v in parse_qs(link.proto.query_string).items()}
    assert query["preset"] == "rejecting" and query["seed"] == "7"
    assert query["reactivity"] == "0.7" and query["soothability"] == "0.5"


def test_the_person_is_the_infant_watch_shows():
    from dashboard import compute, life_work

    spec = ("profile", (0.5, 0.1, 0.8, 0.0))
    person = life_work.people_run(spec, (0.5, 0.5), 2, compute.TYPICAL_SEED, 3, "none",
                                  22.0).person
    dyad = compute.workers.dyad_run(spec, None, 2, compute.TYPICAL_SEED, (0.5, 0.5),
                                    "primary", 12.0)
    assert person.row["infant_group"] == dyad.row["group"]
    assert person.row["infant_abc_group"] == dyad.row["abc_group"]


def test_bad_url_values_fall_back_with_a_notice():
    at = open_life(whatif="lottery", at=99, persons=7, pop="nowhere", seed="x")
    notice = "\n".join(w.value for w in at.warning)
    assert NOTICE in notice
    for name in ("whatif=lottery", "at=99", "persons=7", "pop=nowhere", "seed=x"):
        assert name in notice
    assert at.radio(key="life.whatif").value == "partner"
    assert at.slider(key="life.at").value == 22
    assert at.selectbox(key="life.persons").value == 1000


def test_the_same_people_in_a_worker_process_as_in_the_page():
    from dashboard import life_work
    from dashboard.workers import Pool

    args = (("profile", (0.5, 0.1, 0.8, 0.0)), (0.5, 0.5), 1, 0, 20, "therapy", 28.0)
    pool = Pool(1)
    try:
        there = pool.run(life_work.people_run, *args)
    finally:
        pool.shutdown()
    here = life_work.people_run(*args)
    pd.testing.assert_frame_equal(there.table, here.table)
    pd.testing.assert_frame_equal(there.person.years, here.person.years)
    assert there.person.reunion_codes == here.person.reunion_codes


def test_presentation_mode_and_settings_kept_in_the_link():
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update({"present": "1"})  # read once per session, at its first page
    at.run()
    at.query_params.clear()
    at.query_params.update({"present": "1", "preset": "rejecting", "whatif": "therapy",
                            "at": "28", "seed": "3"})
    at.switch_page("views/life.py")
    at.run()
    assert not at.exception
    assert at.sidebar.toggle[0].value is True
    assert at.query_params.get("present") == "1"
    assert not [w for w in at.warning if NOTICE in w.value]
    assert at.selectbox(key="life.preset").value == "rejecting"
    assert at.query_params.get("whatif") == "therapy" and at.query_params.get("seed") == "3"
    # a named preset says the sliders: they stay out of the link
    assert "responsiveness" not in at.query_params
