"""The pages' charts, drawn in the browser (Vega-Lite), with tooltips.

Each function returns a Vega-Lite specification (a dict, data inline) built from the same
tables the exported matplotlib figures are drawn from; :func:`show` puts it on the page with
its text sized for the mode (at least 14 px in presentation mode) and a download of the
matplotlib figure as PNG, rendered only when asked for. Specifications are written as plain
dicts rather than through Altair: Altair's validation and encoding inference took longer than
the simulation behind a chart (0.1-0.3 s a chart), and a page must answer within a second.
Colours are :mod:`simulation.plots.style`'s: one colour per classification.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
from simulation.stats import CLASSES, GROUP_OF

#: Chart text in pixels: (normal, presentation). Presentation mode asks for 14 px or more.
FONT = {False: 13, True: 16}
CLASS_SCALE = {"domain": list(CLASS_COLOURS), "range": list(CLASS_COLOURS.values())}
#: Lines that are not classifications (Change over time): black, vermilion, sky blue, grey.
LINE_COLOURS = ["#222222", "#D55E00", "#56B4E9", "#8C8C8C"]

Spec = dict


def styled(spec: Spec, presentation: bool) -> Spec:
    """Text sizes for the mode; labels never cut short."""
    fs = FONT[presentation]
    axis = {"labelFontSize": fs, "titleFontSize": fs, "labelLimit": 0, "titleLimit": 0}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        **spec,
        "config": {
            "axis": axis,
            "legend": {"labelFontSize": fs, "titleFontSize": fs, "labelLimit": 0,
                       "titleLimit": 0, "orient": "bottom", "direction": "horizontal"},
            "header": {"labelFontSize": fs, "titleFontSize": fs},
            "text": {"fontSize": fs},
            "title": {"fontSize": fs + 2, "anchor": "start"},
            "view": {"stroke": None},
        },
    }


def show(spec: Spec, presentation: bool, *, key: str,
         png: Callable[[], bytes] | None = None, name: str = "figure") -> None:
    """The chart, full width, and (if ``png`` is given) a button that downloads the matching
    matplotlib figure as PNG: ``png`` runs only when the button is pressed."""
    st.vega_lite_chart(styled(spec, presentation), width="stretch", key=key)
    if png is not None:
        st.download_button(f"Download figure (PNG): {name}", png, file_name=f"{name}.png",
                           mime="image/png", on_click="ignore", key=f"{key}.png",
                           icon=":material/download:")


def _values(frame: pd.DataFrame) -> dict:
    """Inline data: a table's rows, NaN as null."""
    clean = frame.astype(object).where(pd.notna(frame), None)
    return {"values": clean.to_dict("records")}


def _tip(field: str, title: str | None = None, kind: str = "quantitative",
         fmt: str | None = None) -> dict:
    out = {"field": field, "type": kind, "title": title or field}
    if fmt:
        out["format"] = fmt
    return out


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
                         "name": f"{e}: {EPISODES[e - 1].name}",
                         "short": f"{e} {SHORT_NAMES[e]}", "reunion": e in REUNIONS})
    return pd.DataFrame(rows)


def arousal_and_crying(trace: pd.DataFrame) -> Spec:
    """Internal arousal (a line, hidden from the coder) over overt crying (the area the coder
    hears: half height fussing, full height crying hard), reunions shaded."""
    heard = {0: "no crying", 1: "fussing", 2: "crying hard"}
    frame = pd.DataFrame({
        "second": trace["second"].to_numpy(),
        "episode": trace["episode"].to_numpy(),
        "arousal": trace["internal_arousal"].to_numpy().round(3),
        "crying": trace["cry"].to_numpy() / float(Cry.HARD),
        "heard": [heard[int(c)] for c in trace["cry"].to_numpy()],
    })
    bands = episode_bands(trace)
    x = {"field": "second", "type": "quantitative",
         "title": "seconds from the start of the procedure",
         "scale": {"domain": [0, len(frame)], "nice": False}}
    tips = [_tip("second"), _tip("episode"), _tip("heard", "crying (heard)", "nominal"),
            _tip("arousal", "arousal (hidden)", fmt=".2f")]
    return {
        "height": 230,
        "layer": [
            {"data": _values(bands[bands["reunion"]]), "mark": {"type": "rect",
                                                                "color": "#EDEDED"},
             "encoding": {"x": {"field": "start", "type": "quantitative"},
                          "x2": {"field": "end"},
                          "tooltip": [_tip("name", "reunion", "nominal")]}},
            {"data": _values(bands), "mark": {"type": "rule", "color": "#AAAAAA"},
             "encoding": {"x": {"field": "start", "type": "quantitative"}}},
            {"data": _values(frame), "mark": {"type": "area", "interpolate": "step-after",
                                              "color": CRYING_COLOUR, "opacity": 0.85},
             "encoding": {"x": x, "y": {"field": "crying", "type": "quantitative",
                                        "title": "level (0-1)",
                                        "scale": {"domain": [0, 1.02]}},
                          "tooltip": tips}},
            {"data": _values(frame), "mark": {"type": "line", "color": AROUSAL_COLOUR,
                                              "strokeWidth": 2},
             "encoding": {"x": x, "y": {"field": "arousal", "type": "quantitative"},
                          "tooltip": tips}},
            {"data": _values(bands), "mark": {"type": "text", "baseline": "bottom", "dy": -4,
                                              "color": "#444444"},
             "encoding": {"x": {"field": "mid", "type": "quantitative"}, "y": {"value": 0},
                          "text": {"field": "episode", "type": "nominal"},
                          "tooltip": [_tip("name", "episode", "nominal")]}},
        ],
    }


# --- a population --------------------------------------------------------------------------


def distribution(shares: pd.DataFrame, published, four_way: bool, n: int) -> Spec:
    """Simulated shares (class colours, 95% interval) beside a study's published bars
    (grey). ``shares``: from :func:`simulation.plots.distribution.simulated_shares` with the
    same ``four_way``."""
    rows = []
    simulated = f"simulated (n = {n:,})"
    sources = [simulated]
    for name, r in shares.iterrows():
        rows.append({"classification": name, "source": simulated, "share": float(r["share"]),
                     "low": float(r["ci_low"]), "high": float(r["ci_high"]),
                     "top": float(r["ci_high"]), "infants": int(r["count"]),
                     "colour": CLASS_COLOURS[name]})
    if published is not None:
        label = f"published: {published.label} (n = {published.n:,})"
        sources.append(label)
        for name in shares.index:
            value = published.shares.get(GROUP_OF[name])
            if value is not None:
                rows.append({"classification": name, "source": label, "share": float(value),
                             "low": None, "high": None, "top": float(value),
                             "infants": round(value * published.n),
                             "colour": PUBLISHED_COLOUR})
    frame = pd.DataFrame(rows)
    order = list(shares.index)
    # the counting (four-way or forced A/B/C) is said above the chart: a longer title is cut
    # at 1280 x 720 in presentation mode
    title = "share of infants"
    x = {"field": "classification", "type": "nominal", "sort": order, "title": None,
         "axis": {"labelAngle": 0}}
    offset = {"field": "source", "type": "nominal", "sort": sources}
    y = {"type": "quantitative", "title": title, "axis": {"format": "%"},
         "scale": {"domain": [0, 1]}}
    tips = [_tip("classification", kind="nominal"), _tip("source", kind="nominal"),
            _tip("share", fmt=".0%"), _tip("infants"), _tip("low", "95% interval from",
                                                            fmt=".0%"),
            _tip("high", "95% interval to", fmt=".0%")]
    spec = {
        "height": 300,
        "data": _values(frame),
        "layer": [
            {"mark": "bar", "encoding": {
                "x": x, "xOffset": offset, "y": {**y, "field": "share"},
                "color": {"field": "colour", "type": "nominal", "scale": None},
                "tooltip": tips}},
            {"mark": {"type": "errorbar", "ticks": True, "color": "#222222"},
             "transform": [{"filter": "isValid(datum.low)"}],
             "encoding": {"x": x, "xOffset": offset, "y": {**y, "field": "low"},
                          "y2": {"field": "high"}, "tooltip": tips}},
            {"mark": {"type": "text", "dy": -8, "baseline": "bottom"},
             "encoding": {"x": x, "xOffset": offset, "y": {**y, "field": "top"},
                          "text": {"field": "share", "type": "quantitative", "format": ".0%"},
                          "tooltip": tips}},
        ],
    }
    if published is not None:  # the legend names the grey bars, in their own grey
        spec["layer"].append(
            {"mark": {"type": "square", "opacity": 0},
             "transform": [{"filter": {"field": "source", "equal": label}}],
             "encoding": {"fill": {"field": "source", "type": "nominal", "title": None,
                                   "scale": {"domain": [label], "range": [PUBLISHED_COLOUR]},
                                   "legend": {"symbolOpacity": 1, "symbolType": "square"}}}})
    return spec


def subgroups(table: pd.DataFrame) -> Spec:
    """Shares of the forced subgroups A1-C2, coloured by group."""
    from simulation.plots.distribution import SUBGROUPS

    counts = table["subgroup"].value_counts().reindex(SUBGROUPS, fill_value=0)
    n = max(1, len(table))
    frame = pd.DataFrame({"subgroup": SUBGROUPS, "share": counts.to_numpy() / n,
                          "infants": counts.to_numpy(),
                          "group": [s[0] for s in SUBGROUPS]})
    return {
        "height": 260, "data": _values(frame), "mark": "bar",
        "encoding": {
            "x": {"field": "subgroup", "type": "nominal", "sort": list(SUBGROUPS),
                  "axis": {"labelAngle": 0},
                  "title": "forced subgroup (each D infant in its best-fitting subgroup)"},
            "y": {"field": "share", "type": "quantitative", "axis": {"format": "%"},
                  "title": "share of infants"},
            "color": {"field": "group", "type": "nominal", "legend": None,
                      "scale": {"domain": list(GROUP_COLOURS),
                                "range": list(GROUP_COLOURS.values())}},
            "tooltip": [_tip("subgroup", kind="nominal"), _tip("share", fmt=".0%"),
                        _tip("infants")]},
    }


def episode_profile(table: pd.DataFrame, measure: str, title: str) -> Spec:
    """Mean of ``ep{e}_{measure}`` (or the hidden arousal) per episode, one line per
    classification (four-way)."""
    rows = []
    for name in CLASSES:
        part = table[table["classification"] == name]
        if part.empty:
            continue
        for e in range(1, len(EPISODES) + 1):
            col = f"internal_arousal_ep{e}" if measure == "arousal" else f"ep{e}_{measure}"
            if col in part:
                rows.append({"classification": name, "episode": e,
                             "value": round(float(part[col].mean()), 4), "infants": len(part),
                             "name": EPISODES[e - 1].name})
    return {
        "height": 240, "data": _values(pd.DataFrame(rows)),
        "mark": {"type": "line", "point": True, "strokeWidth": 2.5},
        "encoding": {
            "x": {"field": "episode", "type": "ordinal", "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "title": title},
            "color": {"field": "classification", "type": "nominal", "scale": CLASS_SCALE,
                      "title": None},
            "tooltip": [_tip("classification", kind="nominal"), _tip("episode"),
                        _tip("name", kind="nominal"), _tip("value", title, fmt=".2f"),
                        _tip("infants")]},
    }


def reunion_scores(table: pd.DataFrame) -> Spec:
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
                             "scale": label, "infants": len(part),
                             "score": round(float(part[f"ep{e}_{scale}"].mean()), 2)})
    return {
        "data": _values(pd.DataFrame(rows)), "mark": "bar", "height": 170,
        "encoding": {
            "x": {"field": "scale", "type": "nominal", "sort": list(scales.values()),
                  "title": None, "axis": {"labelAngle": 0}},
            "xOffset": {"field": "classification", "type": "nominal", "sort": list(CLASSES)},
            "y": {"field": "score", "type": "quantitative", "title": "mean score (1-7)",
                  "scale": {"domain": [1, 7]}},
            "color": {"field": "classification", "type": "nominal", "scale": CLASS_SCALE,
                      "title": None},
            "row": {"field": "episode", "type": "nominal", "title": None},
            "tooltip": [_tip("classification", kind="nominal"), _tip("episode", kind="nominal"),
                        _tip("scale", kind="nominal"), _tip("score", fmt=".1f"),
                        _tip("infants")]},
    }


# --- the Explore map -------------------------------------------------------------------------


def _nearest(grid: np.ndarray, v: float) -> float:
    return float(grid[np.argmin(np.abs(grid - (v + 1e-6)))])  # halves round up


def classification_map(shares: pd.DataFrame, current: tuple[float, float]) -> Spec:
    """Each (responsiveness, consistency) square coloured by its most common classification,
    paler where it dominates less; the diamond marks the current setting."""
    frame = shares.copy()
    frame["strength"] = frame[list(CLASSES)].max(axis=1)
    grid = np.array(sorted(frame["responsiveness"].unique()))
    star = pd.DataFrame({"responsiveness": [_nearest(grid, current[0])],
                         "consistency": [_nearest(grid, current[1])],
                         "label": ["your setting"]})
    x = {"field": "responsiveness", "type": "ordinal", "title": "responsiveness",
         "sort": "ascending", "axis": {"labelAngle": 0, "format": ".1f"}}
    y = {"field": "consistency", "type": "ordinal", "title": "consistency",
         "sort": "descending", "axis": {"format": ".1f"}}
    tips = [_tip("responsiveness", fmt=".1f"), _tip("consistency", fmt=".1f"),
            _tip("dominant", "most common", "nominal"),
            *(_tip(c, fmt=".0%") for c in CLASSES), _tip("n", "infants")]
    return {
        "height": 420,
        "layer": [
            {"data": _values(frame), "mark": {"type": "rect", "stroke": "white",
                                              "strokeWidth": 1},
             "encoding": {"x": x, "y": y,
                          "color": {"field": "dominant", "type": "nominal",
                                    "scale": CLASS_SCALE, "title": "most common"},
                          "opacity": {"field": "strength", "type": "quantitative",
                                      "legend": None,
                                      "scale": {"domain": [0.25, 1], "range": [0.35, 1]}},
                          "tooltip": tips}},
            {"data": _values(star), "mark": {"type": "point", "shape": "diamond", "size": 380,
                                             "filled": True, "color": "black",
                                             "stroke": "white", "strokeWidth": 2},
             "encoding": {"x": x, "y": y,
                          "tooltip": [_tip("label", "", "nominal"), _tip("responsiveness"),
                                      _tip("consistency")]}},
        ],
    }


def share_maps(shares: pd.DataFrame) -> Spec:
    """The share of each classification in every square, one small map per classification."""
    long = shares.melt(id_vars=["responsiveness", "consistency", "n"], value_vars=list(CLASSES),
                       var_name="classification", value_name="share")
    return {
        "data": _values(long), "mark": {"type": "rect", "stroke": "white", "strokeWidth": 0.5},
        "width": 190, "height": 190,
        "encoding": {
            "x": {"field": "responsiveness", "type": "ordinal",
                  "axis": {"labelAngle": 0, "format": ".1f", "values": [0.0, 0.5, 1.0]}},
            "y": {"field": "consistency", "type": "ordinal", "sort": "descending",
                  "axis": {"format": ".1f", "values": [0.0, 0.5, 1.0]}},
            "color": {"field": "share", "type": "quantitative",
                      "scale": {"scheme": "greys", "domain": [0, 1]},
                      "legend": {"format": "%", "title": "share"}},
            "facet": {"field": "classification", "type": "nominal", "sort": list(CLASSES),
                      "columns": 2, "title": None},
            "tooltip": [_tip("classification", kind="nominal"),
                        _tip("responsiveness", fmt=".1f"), _tip("consistency", fmt=".1f"),
                        _tip("share", fmt=".0%"), _tip("n", "infants")]},
    }


# --- change over time -----------------------------------------------------------------------


def working_model_course(frame: pd.DataFrame, variables: Sequence[str],
                         change_month: int | None) -> Spec:
    """The working model month by month: the mean (line) and quartiles (band) per line."""
    data = frame[frame["variable"].isin(variables)].copy()
    data["variable"] = data["variable"].str.replace("_", " ")
    for col in ("mean", "q25", "q75"):
        data[col] = data[col].round(3)
    x = {"field": "month", "type": "quantitative", "title": "month of the first year",
         "scale": {"nice": False}}
    colour = {"field": "line", "type": "nominal", "title": None,
              "scale": {"range": LINE_COLOURS}}
    layers = [
        {"mark": {"type": "area", "opacity": 0.18},
         "encoding": {"x": x, "color": colour,
                      "y": {"field": "q25", "type": "quantitative", "title": "level (0-1)"},
                      "y2": {"field": "q75"}}},
        {"mark": {"type": "line", "strokeWidth": 2.5, "point": True},
         "encoding": {"x": x, "color": colour,
                      "y": {"field": "mean", "type": "quantitative"},
                      "tooltip": [_tip("line", kind="nominal"), _tip("variable", kind="nominal"),
                                  _tip("month"), _tip("mean", fmt=".2f"),
                                  _tip("q25", "lower quartile", fmt=".2f"),
                                  _tip("q75", "upper quartile", fmt=".2f")]}},
    ]
    if change_month:
        layers.append({"mark": {"type": "rule", "strokeDash": [4, 4], "color": "#555555"},
                       "encoding": {"x": {"datum": float(change_month),
                                          "type": "quantitative"}}})
    return {
        "data": _values(data),
        "facet": {"field": "variable", "type": "nominal", "title": None,
                  "sort": [v.replace("_", " ") for v in variables]},
        "columns": 2,
        "spec": {"width": 260, "height": 170, "layer": layers},
    }
