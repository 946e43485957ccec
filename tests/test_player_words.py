"""The player's words and data match what the coder counts, and the coder exercise is an
observation: AppTest for the pages, plain calls for the words.

Held and touching are what the coder calls contact (:mod:`simulation.observer.primitives`:
the contact zone), so the words for them come from the record's ``held`` and zones; a sentence
comparing an infant with avoidant infants appears only for one coded avoidant.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ["SSP_DASHBOARD_WARM"] = "0"  # no background warming while testing

from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard import player  # noqa: E402
from simulation.codes import Action, Cry, Gaze, Held, Target, Zone  # noqa: E402
from simulation.plots import room  # noqa: E402

APP = Path(__file__).resolve().parents[1] / "dashboard" / "main.py"
TIMEOUT = 600


def _row(action: Action, held: Held = Held.NONE, zone: Zone = Zone.FAR,
         stranger: Zone = Zone.ABSENT) -> dict:
    return {"action": int(action), "target": int(Target.CAREGIVER), "cry": int(Cry.NONE),
            "gaze": int(Gaze.CAREGIVER), "held": int(held), "zone_caregiver": int(zone),
            "zone_stranger": int(stranger)}


# --- the words -------------------------------------------------------------------------------


def test_a_held_infant_is_said_to_be_held():
    row = _row(Action.CONTACT_PASSIVE, Held.CAREGIVER, Zone.CONTACT)
    assert room.describe_second(row).startswith("Infant held by the caregiver, rests against")
    assert room.short_label(row) == "held, not holding on"
    by_stranger = _row(Action.PUSH_AWAY, Held.STRANGER, Zone.FAR, Zone.CONTACT)
    assert "held by the stranger, pushes the caregiver away" in room.describe_second(
        by_stranger)
    assert room.short_label(by_stranger) == "held, pushes away"


def test_not_holding_on_is_not_called_held_when_it_is_not():
    row = _row(Action.CONTACT_PASSIVE, Held.NONE, Zone.CONTACT)
    assert "held" not in room.describe_second(row)
    assert "held" not in room.short_label(row)


def test_contact_without_holding_on_is_said_as_touching():
    """The coder counts contact by the contact zone: arriving beside her, or playing
    against her, is contact, and the words say so."""
    arriving = _row(Action.APPROACH, zone=Zone.CONTACT)
    assert room.describe_second(arriving).startswith("Infant reaches the caregiver")
    assert room.short_label(arriving) == "reaches her"
    playing = _row(Action.EXPLORE, zone=Zone.CONTACT)
    assert "touching the caregiver" in room.describe_second(playing)
    assert room.short_label(playing) == "plays, touching her"
    near = _row(Action.EXPLORE, zone=Zone.NEAR)
    assert "touching" not in room.describe_second(near)
    assert room.short_label(near) == "plays"
    assert room.touching(_row(Action.IDLE, zone=Zone.NEAR, stranger=Zone.CONTACT)) == "stranger"
    assert room.touching(_row(Action.CONTACT_ACTIVE, zone=Zone.CONTACT)) is None


def test_every_act_has_words_a_legend_entry_and_a_pose():
    """Each of the infant's acts, the disorganized ones included (rocking, sitting dazed), is
    said in words, shown in the legend and drawn in a pose of its own in the player."""
    script = (Path(player.__file__).parent / "player.js").read_text()
    for action in Action:
        assert player.WORDS["action"][int(action)] and player.WORDS["action_short"][int(action)]
        assert action.name in player.LEGEND_ACTIONS
        if action != Action.IDLE:  # IDLE is the default pose
            assert f"case A.{action.name}:" in script
    assert room.short_label(_row(Action.ROCK)) == "rocks"
    assert room.describe_second(_row(Action.DAZED)).startswith("Infant sits dazed")


def test_an_approach_with_the_gaze_averted_is_labelled_so():
    averted = {**_row(Action.APPROACH, zone=Zone.MID), "gaze": int(Gaze.AWAY)}
    assert room.short_label(averted) == player.WORDS["averted_short"]
    assert "looking away" in room.short_label(averted)
    assert room.short_label(_row(Action.APPROACH, zone=Zone.MID)) == "crawls toward"


def test_the_payload_without_labels_keeps_only_presence_on_the_timeline():
    with_labels = player.payload([], 8, 0, False, scored=False)
    without = player.payload([], 8, 0, False, scored=False, labels=False, link=False)
    assert with_labels["labels"] is True and with_labels["link"] is True
    assert without["labels"] is False and without["link"] is False
    assert [r["col"] for r in without["rows"]] == ["pc", "ps"]
    assert {"action", "cry"} <= {r.get("col") for r in with_labels["rows"]}


# --- the pages ------------------------------------------------------------------------------


def open_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.query_params.clear()
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def players(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.json) for e in at.get("bidi_component")
            if e.proto.component_name == "ssp_player"]


def text(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


@pytest.mark.slow
def test_the_coder_exercise_hides_the_record_and_labels_until_submitted():
    at = open_page("coder")
    (shown,) = players(at)
    assert shown["labels"] is False and shown["link"] is False
    assert len(at.dataframe) == 0  # no running record
    assert "Hidden until you compare your scores" in text(at)
    # the instructor's switch
    at.toggle(key="coder.labels").set_value(True).run()
    (shown,) = players(at)
    assert shown["labels"] is True and len(at.dataframe) == 1
    at.toggle(key="coder.labels").set_value(False).run()
    assert players(at)[0]["labels"] is False and len(at.dataframe) == 0
    # comparing shows them, in the same run that shows the observer's answer
    at.radio(key="coder.1.8.0.choice").set_value("secure").run()
    assert players(at)[0]["labels"] is False
    at.button(key="coder.compare").click().run()
    assert not at.exception
    assert players(at)[0]["labels"] is True and len(at.dataframe) == 1
    assert any(m.label == "The observer's" for m in at.metric)


@pytest.mark.slow
def test_the_coder_exercise_asks_for_a_classification_before_comparing():
    at = open_page("coder")
    at.button(key="coder.compare").click().run()
    assert "Choose a classification first." in [w.value for w in at.warning]
    assert players(at)[0]["labels"] is False and len(at.dataframe) == 0


@pytest.mark.slow
@pytest.mark.parametrize("preset", ("sensitive", "rejecting"))
def test_hidden_distress_is_compared_with_avoidant_infants_only_for_one(preset):
    at = open_page("watch", preset=preset)
    badge = next(m.value for m in at.markdown if "Why the coder classified it" in m.value)
    body = text(at)
    shown = {m.label: m.value for m in at.metric}
    cry = float(shown["Crying in separations"].rstrip("%")) / 100
    arousal = float(shown["Arousal in separations"])
    hidden = "avoidant" in badge and cry < 0.25 and arousal >= 0.4
    assert ("as in avoidant infants' heart rate" in body) == hidden, (badge, cry, arousal)
    assert "In the separations this infant cried" in body


@pytest.mark.slow
def test_the_players_position_in_the_address_is_no_new_link():
    """The browser writes the paused position (``episode``, ``t``) into the address without
    telling the server; a later run that sees it must keep the settings the user changed."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()  # Watch, from the root address
    at.query_params["episode"] = "6"
    at.query_params["t"] = "12"
    at.number_input(key="watch.seed").set_value(3).run()
    assert not at.exception
    assert at.number_input(key="watch.seed").value == 3
    assert at.query_params.get("seed") == "3"
