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
from simulation.codes import Action
from simulation.design import CellDesign
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
    row = {"action": int(Action.RESIST_ANGRY), "target": 1, "cry": 2, "gaze": 1}
    assert room.describe_second(row) == ("Infant pushes the caregiver away angrily, crying "
                                         "hard, looks at the caregiver")


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
    assert "caregiver in room" in labels and "avoids" in labels and "cries hard" in labels
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
