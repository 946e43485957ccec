"""The pages' charts, drawn in the browser (Vega-Lite through Altair), with tooltips.

Each function returns an Altair chart built from the same tables the exported (matplotlib)
figures are drawn from; :func:`show` puts it on the page with its text sized for the mode
(at least 14 px in presentation mode) and a download of the matplotlib figure as PNG, rendered
only when asked for. Colours are :mod:`simulation.plots.style`'s: one colour per classification.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from simulation.codes import Cry
from simulation.episodes import EPISODES, REUNIONS
from simulation.plots.style import (
    AROUSAL_COLOUR,
    CLASS_COLOURS,
    CRYING_COLOUR,
    GROUP_COLOURS,
    PUBLISHED_COLOUR,
)
from simulation.plots.timeline import SHORT_NAMES
from simulation.stats import CLASSES

#: Chart text in pixels: (normal, presentation). Presentation mode asks for 14 px or more.
FONT = {False: 13, True: 16}
CLASS_SCALE = alt.Scale(domain=list(CLASS_COLOURS), range=list(CLASS_COLOURS.values()))


def styled(chart: alt.TopLevelMixin, presentation: bool) -> alt.TopLevelMixin:
    """Text sizes for the mode, no border."""
    fs = FONT[presentation]
    return (chart.configure(font="Source Sans Pro, sans-serif")
            .configure_axis(labelFontSize=fs, titleFontSize=fs, labelLimit=0, titleLimit=0)
            .configure_legend(labelFontSize=fs, titleFontSize=fs, labelLimit=0, titleLimit=0,
                              orient="bottom", direction="horizontal", columns=0)
            .configure_title(fontSize=fs + 2, anchor="start")
            .configure_header(labelFontSize=fs, titleFontSize=fs)
            .configure_text(fontSize=fs)
            .configure_view(strokeWidth=0))


def show(chart: alt.TopLevelMixin, presentation: bool, *, key: str,
         png: Callable[[], bytes] | None = None, name: str = "figure") -> None:
    """The chart, full width, and (if ``png`` is given) a button that downloads the matching
    matplotlib figure as PNG: ``png`` runs only when the button is pressed."""
    st.altair_chart(styled(chart, presentation), width="stretch", key=key)
    if png is not None:
        st.download_button(f"Download figure (PNG): {name}", png, file_name=f"{name}.png",
                           mime="image/png", on_click="ignore", key=f"{key}.png",
                           icon=":material/download:")


def _pct(field: str, title: str) -> alt.Tooltip:
    return alt.Tooltip(field, title=title, format=".0%")


# --- one infant --------------------------------------------------------------------------


def episode_bands(trace: pd.DataFrame) -> pd.DataFrame:
    """One row per episode of a trace: its first and last second, name, whether a reunion."""
    ep = trace["episode"].to_numpy()
    rows = []
    for e in range(1, len(EPISODES) + 1):
        idx = np.flatnonzero(ep == e)
        if idx.size:
            rows.append({"episode": e, "start": int(idx[0]), "end": int(idx[-1]) + 1,
                         "mid": (int(idx[0]) + int(idx[-1]) + 1) / 2,
                         "name": EPISODES[e - 1].name, "short": f"{e} {SHORT_NAMES[e]}",
                         "reunion": e in REUNIONS})
    return pd.DataFrame(rows)


def arousal_and_crying(trace: pd.DataFrame, presentation: bool) -> alt.LayerChart:
    """Internal arousal (a line, hidden from the coder) over overt crying (the area the coder
    hears: half height fussing, full height crying hard), reunions shaded."""
    frame = pd.DataFrame({
        "second": trace["second"].to_numpy(),
        "episode": trace["episode"].to_numpy(),
        "arousal": trace["internal_arousal"].to_numpy().round(3),
        "crying": trace["cry"].to_numpy() / float(Cry.HARD),
        "heard": trace["cry"].map({0: "no crying", 1: "fussing", 2: "crying hard"}).to_numpy(),
    })
    bands = episode_bands(trace)
    x = alt.X("second:Q", title="seconds from the start of the procedure",
              scale=alt.Scale(domain=[0, len(frame)], nice=False))
    shade = alt.Chart(bands[bands["reunion"]]).mark_rect(color="#EDEDED").encode(
        x="start:Q", x2="end:Q", tooltip=[alt.Tooltip("name:N", title="reunion")])
    rules = alt.Chart(bands).mark_rule(color="#AAAAAA").encode(x="start:Q")
    labels = alt.Chart(bands).mark_text(baseline="bottom", dy=-4, color="#444444").encode(
        x="mid:Q", y=alt.value(0), text="episode:N",
        tooltip=[alt.Tooltip("name:N", title="episode")])
    cry = alt.Chart(frame).mark_area(interpolate="step-after", color=CRYING_COLOUR,
                                     opacity=0.85).encode(
        x=x, y=alt.Y("crying:Q", title="level (0-1)", scale=alt.Scale(domain=[0, 1.02])),
        tooltip=["second:Q", "episode:Q", alt.Tooltip("heard:N", title="crying (heard)"),
                 alt.Tooltip("arousal:Q", title="arousal (hidden)", format=".2f")])
    line = alt.Chart(frame).mark_line(color=AROUSAL_COLOUR, strokeWidth=2).encode(
        x=x, y="arousal:Q",
        tooltip=["second:Q", "episode:Q", alt.Tooltip("arousal:Q", title="arousal (hidden)",
                                                      format=".2f"),
                 alt.Tooltip("heard:N", title="crying (heard)")])
    return alt.layer(shade, rules, cry, line, labels).properties(height=230)


# --- a population --------------------------------------------------------------------------


def distribution(shares: pd.DataFrame, published, four_way: bool,
                 n: int) -> alt.LayerChart:
    """Simulated shares (class colours, 95% interval) beside a study's published bars
    (grey). ``shares``: from :func:`simulation.plots.distribution.simulated_shares` with the
    same ``four_way``."""
    rows = []
    for name, r in shares.iterrows():
        rows.append({"classification": name, "source": f"simulated (n = {n:,})",
                     "share": float(r["share"]), "low": float(r["ci_low"]),
                     "high": float(r["ci_high"]), "count": int(r["count"]),
                     "colour": CLASS_COLOURS[name]})
        if published is not None:
            from simulation.stats import GROUP_OF

            value = published.shares.get(GROUP_OF[name])
            if value is not None:
                rows.append({"classification": name,
                             "source": f"published: {published.label} (n = {published.n:,})",
                             "share": float(value), "low": np.nan, "high": np.nan,
                             "count": round(value * published.n), "colour": PUBLISHED_COLOUR})
    frame = pd.DataFrame(rows)
    order = list(shares.index)
    sources = list(dict.fromkeys(frame["source"]))
    x = alt.X("classification:N", sort=order, title=None,
              axis=alt.Axis(labelAngle=0))
    offset = alt.XOffset("source:N", sort=sources)
    tooltip = ["classification:N", "source:N", _pct("share:Q", "share"),
               alt.Tooltip("count:Q", title="infants"), _pct("low:Q", "95% interval from"),
               _pct("high:Q", "95% interval to")]
    title = "share of infants, " + ("four-way" if four_way else "forced A/B/C")
    bars = alt.Chart(frame).mark_bar().encode(
        x=x, xOffset=offset, y=alt.Y("share:Q", title=title, axis=alt.Axis(format="%"),
                                     scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("colour:N", scale=None), tooltip=tooltip)
    errors = alt.Chart(frame.dropna(subset=["low"])).mark_errorbar(ticks=True).encode(
        x=x, xOffset=offset, y=alt.Y("low:Q", title=title), y2="high:Q", tooltip=tooltip)
    text = alt.Chart(frame).mark_text(dy=-8, baseline="bottom").encode(
        x=x, xOffset=offset, y=alt.Y("top:Q", title=title),
        text=alt.Text("share:Q", format=".0%"),
        tooltip=tooltip).transform_calculate(top="isValid(datum.high) ? datum.high : "
                                                  "datum.share")
    legend = alt.Chart(frame).mark_point(opacity=0).encode(
        shape=alt.Shape("source:N", sort=sources, title=None))
    return alt.layer(bars, errors, text, legend).properties(height=300)


def subgroups(table: pd.DataFrame) -> alt.Chart:
    """Shares of the forced subgroups A1-C2, coloured by group."""
    from simulation.plots.distribution import SUBGROUPS

    counts = table["subgroup"].value_counts().reindex(SUBGROUPS, fill_value=0)
    n = max(1, len(table))
    frame = pd.DataFrame({"subgroup": SUBGROUPS, "share": counts.to_numpy() / n,
                          "infants": counts.to_numpy(),
                          "group": [s[0] for s in SUBGROUPS]})
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("subgroup:N", sort=list(SUBGROUPS), axis=alt.Axis(labelAngle=0),
                title="forced subgroup (each D infant in its best-fitting subgroup)"),
        y=alt.Y("share:Q", axis=alt.Axis(format="%"), title="share of infants"),
        color=alt.Color("group:N", scale=alt.Scale(domain=list(GROUP_COLOURS),
                                                   range=list(GROUP_COLOURS.values())),
                        legend=None),
        tooltip=["subgroup:N", _pct("share:Q", "share"), "infants:Q"],
    ).properties(height=260)


def episode_profile(table: pd.DataFrame, measure: str, title: str) -> alt.Chart:
    """Mean of ``ep{e}_{measure}`` per episode, one line per classification (four-way)."""
    rows = []
    for name in CLASSES:
        part = table[table["classification"] == name]
        if part.empty:
            continue
        for e in range(1, len(EPISODES) + 1):
            col = (f"internal_arousal_ep{e}" if measure == "arousal"
                   else f"ep{e}_{measure}")
            if col not in part:
                continue
            rows.append({"classification": name, "episode": e, "value": float(
                part[col].mean()), "infants": len(part),
                "name": EPISODES[e - 1].name})
    frame = pd.DataFrame(rows)
    return alt.Chart(frame).mark_line(point=True, strokeWidth=2.5).encode(
        x=alt.X("episode:O", axis=alt.Axis(labelAngle=0), title="episode"),
        y=alt.Y("value:Q", title=title),
        color=alt.Color("classification:N", scale=CLASS_SCALE, title=None),
        tooltip=["classification:N", "episode:O", "name:N",
                 alt.Tooltip("value:Q", title=title, format=".2f"), "infants:Q"],
    ).properties(height=240)


def reunion_scores(table: pd.DataFrame) -> alt.Chart:
    """Mean reunion scores toward the caregiver (episodes 5 and 8), per classification."""
    scales = {"proximity_seeking": "proximity seeking", "contact_maintaining":
              "contact maintaining", "resistance": "resistance", "avoidance": "avoidance"}
    rows = []
    for name in CLASSES:
        part = table[table["classification"] == name]
        if part.empty:
            continue
        for e in (5, 8):
            for scale, label in scales.items():
                rows.append({"classification": name, "episode": f"episode {e}",
                             "scale": label, "score": float(part[f"ep{e}_{scale}"].mean()),
                             "infants": len(part)})
    frame = pd.DataFrame(rows)
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("scale:N", sort=list(scales.values()), title=None,
                axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("classification:N", sort=list(CLASSES)),
        y=alt.Y("score:Q", title="mean score (1-7)", scale=alt.Scale(domain=[1, 7])),
        color=alt.Color("classification:N", scale=CLASS_SCALE, title=None),
        row=alt.Row("episode:N", title=None),
        tooltip=["classification:N", "episode:N", "scale:N",
                 alt.Tooltip("score:Q", format=".1f"), "infants:Q"],
    ).properties(height=170)


# --- the Explore map -------------------------------------------------------------------------


def classification_map(shares: pd.DataFrame, current: tuple[float, float]) -> alt.LayerChart:
    """Each (responsiveness, consistency) square coloured by its most common classification,
    paler where it dominates less; the star marks the current setting."""
    frame = shares.copy()
    frame["strength"] = frame[list(CLASSES)].max(axis=1)
    tooltip = [alt.Tooltip("responsiveness:Q", format=".1f"),
               alt.Tooltip("consistency:Q", format=".1f"),
               alt.Tooltip("dominant:N", title="most common"),
               *(_pct(f"{c}:Q", c) for c in CLASSES), alt.Tooltip("n:Q", title="infants")]
    squares = alt.Chart(frame).mark_rect(stroke="white", strokeWidth=1).encode(
        x=alt.X("responsiveness:O", title="responsiveness", sort="ascending",
                axis=alt.Axis(labelAngle=0, format=".1f")),
        y=alt.Y("consistency:O", title="consistency", sort="descending",
                axis=alt.Axis(format=".1f")),
        color=alt.Color("dominant:N", scale=CLASS_SCALE, title="most common"),
        opacity=alt.Opacity("strength:Q", scale=alt.Scale(domain=[0.25, 1], range=[0.35, 1]),
                            legend=None),
        tooltip=tooltip)
    grid = np.array(sorted(frame["responsiveness"].unique()))

    def nearest(v: float) -> float:
        return float(grid[np.argmin(np.abs(grid - (v + 1e-6)))])

    star = pd.DataFrame({"responsiveness": [nearest(current[0])],
                         "consistency": [nearest(current[1])], "label": ["your setting"]})
    mark = alt.Chart(star).mark_point(shape="diamond", size=380, filled=True, color="black",
                                      stroke="white", strokeWidth=2).encode(
        x=alt.X("responsiveness:O", sort="ascending"),
        y=alt.Y("consistency:O", sort="descending"),
        tooltip=[alt.Tooltip("label:N", title=""), "responsiveness:Q", "consistency:Q"])
    return alt.layer(squares, mark).properties(height=420)


def share_maps(shares: pd.DataFrame, current: tuple[float, float]) -> alt.Chart:
    """The share of each classification in every square, one small map per classification."""
    long = shares.melt(id_vars=["responsiveness", "consistency", "n"], value_vars=list(CLASSES),
                       var_name="classification", value_name="share")
    return alt.Chart(long).mark_rect(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("responsiveness:O", axis=alt.Axis(labelAngle=0, format=".1f",
                                                  values=[0.0, 0.5, 1.0])),
        y=alt.Y("consistency:O", sort="descending", axis=alt.Axis(format=".1f",
                                                                 values=[0.0, 0.5, 1.0])),
        color=alt.Color("share:Q", scale=alt.Scale(scheme="greys", domain=[0, 1]),
                        legend=alt.Legend(format="%", title="share")),
        facet=alt.Facet("classification:N", sort=list(CLASSES), columns=2, title=None),
        tooltip=["classification:N", alt.Tooltip("responsiveness:Q", format=".1f"),
                 alt.Tooltip("consistency:Q", format=".1f"), _pct("share:Q", "share"),
                 alt.Tooltip("n:Q", title="infants")],
    ).properties(width=190, height=190)


# --- change over time -----------------------------------------------------------------------


def working_model_course(frame: pd.DataFrame, variables: Sequence[str],
                         change_month: int | None) -> alt.Chart:
    """The working model month by month: the mean (line) and quartiles (band) per line."""
    data = frame[frame["variable"].isin(variables)].copy()
    data["variable"] = data["variable"].str.replace("_", " ")
    base = alt.Chart().encode(
        x=alt.X("month:Q", title="month of the first year", scale=alt.Scale(nice=False)),
        color=alt.Color("line:N", title=None,
                        scale=alt.Scale(range=["#222222", "#D55E00", "#56B4E9", "#8C8C8C"])))
    band = base.mark_area(opacity=0.18).encode(y=alt.Y("q25:Q", title="level (0-1)"),
                                              y2="q75:Q")
    line = base.mark_line(strokeWidth=2.5, point=True).encode(
        y="mean:Q", tooltip=["line:N", "variable:N", "month:Q",
                             alt.Tooltip("mean:Q", format=".2f"),
                             alt.Tooltip("q25:Q", title="lower quartile", format=".2f"),
                             alt.Tooltip("q75:Q", title="upper quartile", format=".2f")])
    layers = [band, line]
    if change_month:
        layers.append(alt.Chart().mark_rule(strokeDash=[4, 4], color="#555555").encode(
            x=alt.datum(float(change_month))))
    return alt.layer(*layers, data=data).properties(height=170, width=260).facet(
        facet=alt.Facet("variable:N", title=None, sort=list(v.replace("_", " ")
                                                            for v in variables)), columns=2)
