"""The figure modules the dashboard, ``ssp validate`` and the experiments share.

Each is a plain function from data to a matplotlib Figure with a ``presentation`` flag; the
room also animates to GIF bytes (nothing written to disk).
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from simulation import StrangeSituationModel, get_preset, run_cohort
from simulation.caregiving import CaregiverProfile, CaregivingHistory
from simulation.cell_design import CellDesign
from simulation.codes import Action
from simulation.literature import DISTRIBUTIONS
from simulation.plots import distribution, maps, profiles, room, timeline
from simulation.plots.style import CLASS_COLOURS


@pytest.fixture(scope="module")
def trace() -> pd.DataFrame:
    return StrangeSituationModel(get_preset("rejecting").profile, seed=1).run().trace()


@pytest.fixture(scope="module")
def cohort() -> pd.DataFrame:
    parts = [run_cohort(get_preset(name).profile, 40, 3, progress=False).table
             for name in ("sensitive", "rejecting", "inconsistent", "frightening")]
    return pd.concat(parts, ignore_index=True)


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=50)
    return buf.getvalue()


def _size(fig: Figure) -> float:
    w, h = fig.get_size_inches()
    return float(w * h)


def test_room_frame_draws_the_second_asked(trace):
    fig = room.room_frame(trace, 600)
    assert isinstance(fig, Figure)
    texts = " ".join(t.get_text() for t in fig.texts)
    ep = int(trace.loc[600, "episode"])
    assert f"Episode {ep}:" in texts
    assert room.describe_second(trace.iloc[600]) in texts.replace("\n", " ")
    assert _png(fig).startswith(b"\x89PNG")
    big = room.room_frame(trace, 600, presentation=True)
    assert _size(big) > _size(fig)


def test_room_frame_refuses_seconds_outside_the_procedure(trace):
    with pytest.raises(ValueError, match="outside the procedure"):
        room.room_frame(trace, len(trace))


def test_room_shows_who_is_present(trace):
    drawer = room.RoomDrawer(trace)
    alone = int(trace.index[trace["episode"] == 6][0])
    drawer.draw(alone)
    assert not drawer.caregiver.get_visible() and not drawer.stranger.get_visible()
    assert "out of the room" in drawer.absent.get_text()
    reunion = int(trace.index[trace["episode"] == 8][-1])
    drawer.draw(reunion)
    assert drawer.caregiver.get_visible()


def test_describe_second_uses_plain_words():
    row = {"action": int(Action.PUSH_AWAY), "target": 1, "cry": 2, "gaze": 1}
    assert room.describe_second(row) == ("Infant pushes the caregiver away, crying hard, "
                                         "looks at the caregiver")


def test_room_gif_is_an_animation_in_memory(trace):
    from PIL import Image

    seconds = room.episode_seconds(trace, 5)
    data = room.room_gif(trace, seconds, step=10, width=300)
    assert data.startswith(b"GIF8")
    image = Image.open(io.BytesIO(data))
    assert image.n_frames == len(seconds[::10])
    assert image.size[0] == pytest.approx(300, abs=2)


def test_ethogram_and_arousal_figures(trace):
    eth = timeline.ethogram(trace, title="t")
    labels = [t.get_text() for t in eth.axes[0].get_yticklabels()]
    assert "caregiver in room" in labels and "turns away" in labels and "cries hard" in labels
    ar = timeline.arousal_and_crying(trace)
    assert len(ar.axes[0].lines) >= 1
    assert _size(timeline.ethogram(trace, presentation=True)) > _size(eth)
    summary = timeline.episode_summary(trace)
    assert list(summary.index) == sorted(trace["episode"].unique())
    assert summary["seconds"].sum() == len(trace)
    assert ((summary[["crying", "exploring"]] >= 0) & (summary[["crying", "exploring"]] <= 1)
            ).all().all()


def test_distribution_against_published_names_its_source(cohort):
    fig = distribution.distribution_figure(cohort, DISTRIBUTIONS["global"])
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "van IJzendoorn & Kroonenberg (1988)" in texts
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == ["secure (B)", "avoidant (A)", "ambivalent (C)"]  # forced A/B/C
    four = distribution.distribution_figure(cohort, DISTRIBUTIONS["low-risk-abcd"])
    assert [t.get_text() for t in four.axes[0].get_xticklabels()] == list(CLASS_COLOURS)
    bars = [p for p in four.axes[0].patches if p.get_height() > 0]
    assert bars  # simulated and published bars
    shares = distribution.simulated_shares(cohort)
    assert shares["share"].sum() == pytest.approx(1.0)
    assert _png(fig)


def test_distribution_colours_are_the_class_colours(cohort):
    from matplotlib.colors import to_hex

    fig = distribution.distribution_figure(cohort)
    colours = [to_hex(p.get_facecolor()) for p in fig.axes[0].patches[:4]]
    assert colours == [c.lower() for c in CLASS_COLOURS.values()]


def test_subgroups_and_profiles(cohort):
    sub = distribution.subgroup_figure(cohort)
    assert [t.get_text() for t in sub.axes[0].get_xticklabels()] == list(
        distribution.SUBGROUPS)
    prof = profiles.episode_profile(cohort, ("crying", "exploration", "arousal"))
    assert len(prof.axes) == 3
    table = profiles.profile_table(cohort, "crying")
    assert list(table.columns) == list(range(1, 9))
    assert set(table.index) <= set(CLASS_COLOURS)
    reunion = profiles.reunion_profile(cohort, presentation=True)
    assert len(reunion.axes) == 2
    with pytest.raises(ValueError):
        profiles.episode_profile(cohort, ("happiness",))


def test_maps_from_a_grid_design():
    values = [0.2, 0.8]
    design = CellDesign.grid(responsiveness=values, consistency=values, warmth=[0.7])
    table = run_cohort(population=design, n_infants=4 * 12, seed=0, progress=False).table
    shares = maps.grid_shares(table)
    assert len(shares) == 4
    assert (shares["n"] == 12).all()
    assert np.allclose(shares[list(CLASS_COLOURS)].sum(axis=1), 1.0)
    fig = maps.classification_map(shares, current=(0.5, 0.5))
    assert any(line.get_marker() == "*" for line in fig.axes[0].lines)
    each = maps.share_maps(shares, current=(0.5, 0.5))
    assert len([a for a in each.axes if a.get_title() in CLASS_COLOURS]) == 4


def test_working_model_course():
    from simulation.preparation import Setup, prepare

    care = CaregivingHistory(((0.0, CaregiverProfile(0.5, 0.1, 0.8)),
                              (6.0, CaregiverProfile(0.85, 0.85, 0.85))))
    dev = prepare(Setup(seed=0, care=care), np.arange(20)).development
    rows = []
    for var, values in dev.monthly[0].items():
        for month in range(values.shape[1]):
            rows.append(("with the change", var, month, float(values[:, month].mean())))
    course = pd.DataFrame(rows, columns=["line", "variable", "month", "mean"])
    fig = profiles.working_model_course(course, change_month=6)
    titled = [a.get_title() for a in fig.axes if a.get_title()]
    assert titled == ["trust", "volatility", "rebuff", "signal gain", "fear"]


# --- the player's data and its assets ----------------------------------------------------------


def test_every_behaviour_code_has_words_and_a_pose_in_the_legend():
    from dashboard import player
    from simulation.codes import AdultAct, Cry, Gaze

    words = player.WORDS
    for action in Action:
        assert words["action"][int(action)] and words["action_short"][int(action)]
        assert action.name in player.LEGEND_ACTIONS  # every pose is explained
    assert set(words["adult"]) == {int(a) for a in AdultAct}
    assert set(words["gaze"]) == set(words["gaze_short"]) == {int(g) for g in Gaze}
    assert set(words["cry"]) == {int(Cry.FUSS), int(Cry.HARD)}
    js = (player.HERE / "player.js").read_text()
    for name in ("FREEZE", "APPROACH_BROKEN", "APPREHENSION", "PUSH_AWAY",
                 "GO_LIMP", "CONTACT_ACTIVE", "CONTACT_PASSIVE", "TURN_AWAY", "KICK", "SQUIRM",
                 "THROW_TOY", "SEARCH",
                 "SIGNAL", "DISTANCE_INTERACT", "APPROACH", "EXPLORE"):
        assert f"A.{name}" in js  # a pose of its own in the drawing code


def test_player_payload_of_one_dyad(trace):
    from types import SimpleNamespace

    from dashboard import player
    from simulation.observer.explanation import scored_moments
    from simulation.record import BehaviourRecord

    moments = scored_moments(BehaviourRecord.from_frame(trace))
    dyad = SimpleNamespace(trace=trace, moments=moments)
    data = player.dyad_payload(dyad, player.Shown("Rejecting care", "A1: avoidant", "#E69F00"))
    assert data["n"] == len(trace) and all(len(c) == len(trace) for c in data["cols"].values())
    assert [e for e, _, _ in data["episodes"]] == list(range(1, 9))
    assert data["cols"]["x"][10] == round(trace["x"].iloc[10] * 100)
    assert sum(len(v) for v in data["moments"].values()) == len(moments)
    whole = player.payload([data, data, data], 5, 30, presentation=True)
    assert whole["start"] == {"episode": 5, "t": 30} and len(whole["dyads"]) == 3
    assert any(row.get("moment") == "avoidance" for row in whole["rows"])
    hidden = player.payload([data], 8, 0, presentation=False, scored=False)
    assert not any(hidden["dyads"][0]["moments"].values()) and not hidden["moment_kinds"]
    assert not any("moment" in row for row in hidden["rows"])


def test_the_player_ships_as_package_data():
    """A plain ``pip install .`` must carry the player's JavaScript and CSS."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    data = tomllib.loads((root / "pyproject.toml").read_text())
    patterns = data["tool"]["setuptools"]["package-data"]["dashboard"]
    shipped = {p.relative_to(root / "dashboard").as_posix() for pattern in patterns
               for p in (root / "dashboard").glob(pattern)}
    assert {"player/player.js", "player/player.css"} <= shipped
