"""The "A life" page's charts, drawn in the browser (Vega-Lite specifications as plain dicts,
shown with :func:`dashboard.charts.show`): a life's timeline, its general model by age, the adult
on the anxiety x avoidance plane, and the flows from the infant's group to the adult's style.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.charts import Spec, _tip, _values
from simulation.life.measures import POPULAR_NAMES, STYLES
from simulation.plots.style import GROUP_COLOURS

#: One colour per adult style: the infant group each is the popular analogue of (an analogy,
#: not an identity: the page says how modest the continuity is).
STYLE_COLOURS = {"secure": GROUP_COLOURS["B"], "preoccupied": GROUP_COLOURS["C"],
                 "dismissing": GROUP_COLOURS["A"], "fearful": GROUP_COLOURS["D"]}
GROUPS = ("A", "B", "C", "D")
#: Bartholomew & Horowitz's names with the popular ones.
STYLE_NAMES = {s: s if POPULAR_NAMES[s] == s else f"{s} ({POPULAR_NAMES[s]})" for s in STYLES}
LANES = ("parents", "alternative figure", "partners", "therapy", "life events")
#: The general model's three readings, named for students.
MODEL_NAMES = {"trust": "expected availability", "rebuff": "expected rebuff",
               "gain": "signal gain (how hard they signal)"}
#: Fit the container's width, keep the given height (Streamlit's default autosize for layered
#: charts with a title and a legend squeezed the plot to a sliver).
FIT = {"type": "fit-x", "contains": "padding"}
AGE_AXIS = {"field": "age", "type": "quantitative", "title": "age (years)",
            "scale": {"domain": [1, 30], "nice": False}, "axis": {"values": list(range(1, 31, 2))}}


def timeline_rows(years: pd.DataFrame, partners: pd.DataFrame, events: list[tuple[int, str]],
                  lane_suffix: str = "") -> pd.DataFrame:
    """Bars of the timeline: who cares for (or is with) the person, year by year."""
    rows = []
    for _, y in years.dropna(subset=["responsiveness"]).iterrows():
        a = int(y["age"])
        rows.append({"lane": "parents", "from": a, "to": a + 1,
                     "responsiveness": round(float(y["responsiveness"]), 2),
                     "what": f"parents' care at {a}: responsiveness {y['responsiveness']:.2f}, "
                             f"consistency {y['consistency']:.2f}, warmth {y['warmth']:.2f}"
                             + (f", frightening {y['frightening']:.2f}"
                                if y["frightening"] > 0 else "")})
        if y["alternative"]:
            rows.append({"lane": "alternative figure", "from": a, "to": a + 1,
                         "responsiveness": round(float(y["alternative_responsiveness"]), 2),
                         "what": "an alternative support figure (a grandparent, a teacher, a "
                                 f"mentor): responsiveness {y['alternative_responsiveness']:.2f}"})
        if y["therapy"]:
            rows.append({"lane": "therapy" + lane_suffix, "from": a, "to": a + 1,
                         "responsiveness": None, "what": "in therapy: a consistently "
                         "responsive figure, once a week"})
    for n, (_, p) in enumerate(partners.iterrows(), start=1):
        rows.append({"lane": "partners", "from": int(p["from_age"]), "to": int(p["to_age"]),
                     "responsiveness": round(float(p["responsiveness"]), 2),
                     "what": f"partner {n}, from {int(p['from_age'])} to {int(p['to_age'])}: "
                             f"responsiveness {p['responsiveness']:.2f}, consistency "
                             f"{p['consistency']:.2f}, warmth {p['warmth']:.2f}"})
    for age, name in events:
        rows.append({"lane": "life events", "from": age, "to": age + 1, "responsiveness": None,
                     "what": f"{name} at {age}", "event": name})
    return pd.DataFrame(rows, columns=["lane", "from", "to", "responsiveness", "what", "event"])


def timeline(rows: pd.DataFrame, what_if_age: float | None) -> Spec:
    """A life from 1 to 30: lanes of caregivers, figures, partners, therapy and events."""
    lanes = [lane for lane in LANES if lane in set(rows["lane"])] + sorted(
        set(rows["lane"]) - set(LANES))
    y = {"field": "lane", "type": "nominal", "title": None, "sort": lanes}
    bars = {"mark": {"type": "rect", "stroke": "white", "strokeWidth": 1},
            "transform": [{"filter": "datum.event == null"}],
            "encoding": {
                "x": {**AGE_AXIS, "field": "from"}, "x2": {"field": "to"}, "y": y,
                "color": {"condition": {"test": "datum.responsiveness == null",
                                        "value": "#009E73"},
                          "field": "responsiveness", "type": "quantitative",
                          "title": "responsiveness of whoever is there",
                          "scale": {"scheme": "blues", "domain": [0, 1]}},
                "tooltip": [_tip("what", "", "nominal")]}}
    events = {"mark": {"type": "point", "shape": "triangle-down", "filled": True, "size": 160,
                       "color": "#222222"},
              "transform": [{"filter": "datum.event != null"}],
              "encoding": {"x": {"field": "from", "type": "quantitative"}, "y": y,
                           "tooltip": [_tip("what", "", "nominal")]}}
    labels = {"mark": {"type": "text", "dy": -14, "align": "left", "dx": 4},
              "transform": [{"filter": "datum.event != null"}],
              "encoding": {"x": {"field": "from", "type": "quantitative"}, "y": y,
                           "text": {"field": "event"}}}
    data = _values(rows)
    layers = [{"data": data, **layer} for layer in (bars, events, labels)]
    if what_if_age is not None:
        layers.append({"mark": {"type": "rule", "strokeDash": [6, 4], "color": "#222"},
                       "data": {"values": [{"age": what_if_age}]},
                       "encoding": {"x": {"field": "age", "type": "quantitative"}}})
    return {"autosize": FIT, "layer": layers, "height": 34 * len(lanes),
            "title": "A life from 1 to 30"}


def model_course(frames: dict[str, pd.DataFrame], what_if_age: float | None) -> Spec:
    """The general model by age: expected availability, expected rebuff and signal gain, for
    each life in ``frames`` (as drawn, with a what-if)."""
    parts = []
    for life, f in frames.items():
        long = f[["age", *MODEL_NAMES]].melt("age", var_name="variable", value_name="value")
        long["variable"] = long["variable"].map(MODEL_NAMES)
        long["life"] = life
        parts.append(long)
    data = pd.concat(parts, ignore_index=True)
    data["value"] = data["value"].round(3)
    lines = {"data": _values(data), "mark": {"type": "line", "strokeWidth": 2.5},
             "encoding": {
                 "x": AGE_AXIS,
                 "y": {"field": "value", "type": "quantitative", "title": "general model (0-1)"},
                 "color": {"field": "variable", "type": "nominal", "title": None,
                           "scale": {"range": ["#0072B2", "#D55E00", "#009E73"]}},
                 "strokeDash": {"field": "life", "type": "nominal", "title": None,
                                "sort": list(frames)},
                 "tooltip": [_tip("life", "life", "nominal"), _tip("age", "age"),
                             _tip("variable", "", "nominal"), _tip("value", "value", fmt=".2f")]}}
    layers = [lines]
    if what_if_age is not None:
        layers.append({"mark": {"type": "rule", "strokeDash": [6, 4], "color": "#222"},
                       "data": {"values": [{"age": what_if_age}]},
                       "encoding": {"x": {"field": "age", "type": "quantitative"}}})
    return {"autosize": FIT, "layer": layers, "height": 200,
            "title": "The general model beneath it, at every birthday"}


def plane(others: pd.DataFrame, points: pd.DataFrame) -> Spec:
    """The anxiety x avoidance plane (ECR scales, 1-7) split at 4 into Bartholomew &
    Horowitz's four styles; ``others``: people raised the same way (faint), ``points``: the
    person (``life``, ``adult_anxiety``, ``adult_avoidance``), with an arrow between lives."""
    quads = pd.DataFrame([
        {"x": 1, "x2": 4, "y": 1, "y2": 4, "style": "secure", "lx": 2.5, "ly": 1.4},
        {"x": 1, "x2": 4, "y": 4, "y2": 7, "style": "preoccupied", "lx": 2.5, "ly": 6.5},
        {"x": 4, "x2": 7, "y": 1, "y2": 4, "style": "dismissing", "lx": 5.5, "ly": 1.6},
        {"x": 4, "x2": 7, "y": 4, "y2": 7, "style": "fearful", "lx": 5.5, "ly": 6.5}])
    quads["name"] = [s if POPULAR_NAMES[s] == s else f"{s}\n({POPULAR_NAMES[s]})"
                     for s in quads["style"]]
    scale = {"domain": [1, 7], "nice": False}
    x = {"field": "adult_avoidance", "type": "quantitative", "title": "avoidance (1-7)",
         "scale": scale}
    y = {"field": "adult_anxiety", "type": "quantitative", "title": "anxiety (1-7)",
         "scale": scale}
    layers = [
        {"data": _values(quads), "mark": {"type": "rect", "opacity": 0.16},
         "encoding": {"x": {"field": "x", "type": "quantitative", "scale": scale,
                            "title": "avoidance (1-7)"},
                      "x2": {"field": "x2"},
                      "y": {"field": "y", "type": "quantitative", "scale": scale,
                            "title": "anxiety (1-7)"}, "y2": {"field": "y2"},
                      "color": {"field": "style", "type": "nominal", "legend": None,
                                "scale": {"domain": list(STYLE_COLOURS),
                                          "range": list(STYLE_COLOURS.values())}}}},
        {"data": _values(quads), "mark": {"type": "text", "fontWeight": "bold",
                                                  "lineBreak": "\n"},
         "encoding": {"x": {"field": "lx", "type": "quantitative"},
                      "y": {"field": "ly", "type": "quantitative"},
                      "text": {"field": "name"}}},
        {"data": _values(others[["adult_anxiety", "adult_avoidance"]]),
         "mark": {"type": "circle", "size": 18, "color": "#777", "opacity": 0.35},
         "encoding": {"x": x, "y": y}},
    ]
    if len(points) > 1:
        a, b = points.iloc[0], points.iloc[-1]
        arrow = pd.DataFrame([{"x": a["adult_avoidance"], "y": a["adult_anxiety"],
                               "x2": b["adult_avoidance"], "y2": b["adult_anxiety"]}])
        layers.append({"data": _values(arrow),
                       "mark": {"type": "rule", "strokeWidth": 2.5, "color": "#222"},
                       "encoding": {"x": {"field": "x", "type": "quantitative"},
                                    "y": {"field": "y", "type": "quantitative"},
                                    "x2": {"field": "x2"}, "y2": {"field": "y2"}}})
    layers.append({"data": _values(points),
                   "mark": {"type": "point", "filled": True, "size": 260, "stroke": "#222",
                            "strokeWidth": 1.5},
                   "encoding": {"x": x, "y": y,
                                "shape": {"field": "life", "type": "nominal", "title": None,
                                          "sort": points["life"].tolist()},
                                "color": {"value": "#222222"},
                                "tooltip": [_tip("life", "", "nominal"),
                                            _tip("adult_anxiety", "anxiety", fmt=".2f"),
                                            _tip("adult_avoidance", "avoidance", fmt=".2f")]}})
    return {"autosize": FIT, "layer": layers, "height": 330,
            "title": "The adult at 30: self-report (ECR-style)"}


def flow_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Persons by infant group (A/B/C/D at 12 months) and adult style at 30 (every pair)."""
    counts = (table.groupby(["infant_group", "adult_style"]).size()
              .reindex(pd.MultiIndex.from_product([GROUPS, STYLES],
                                                  names=["infant_group", "adult_style"]),
                       fill_value=0).rename("persons").reset_index())
    return counts


def flows(counts: pd.DataFrame, gap: float = 0.03, steps: int = 24) -> Spec:
    """A sankey-like chart: bands from the infant's group (left) to the adult's style (right),
    each as wide as its share of the persons."""
    total = max(int(counts["persons"].sum()), 1)
    share = counts.assign(share=counts["persons"] / total)
    left_tot = share.groupby("infant_group")["share"].sum().reindex(GROUPS, fill_value=0)
    right_tot = share.groupby("adult_style")["share"].sum().reindex(STYLES, fill_value=0)

    def tops(tot: pd.Series) -> dict[str, float]:
        out, y = {}, 0.0
        for name, v in tot.items():
            out[name] = y
            y += v + gap
        return out

    left_top, right_top = tops(left_tot), tops(right_tot)
    left_used = dict(left_top)
    right_used = dict(right_top)
    bands = []
    t = np.linspace(0.0, 1.0, steps)
    ease = t * t * (3 - 2 * t)
    for g in GROUPS:
        for s in STYLES:
            v = float(share.loc[(share["infant_group"] == g) & (share["adult_style"] == s),
                                "share"].iloc[0])
            if v <= 0:
                continue
            l0, r0 = left_used[g], right_used[s]
            left_used[g] += v
            right_used[s] += v
            n = int(round(v * total))
            within = v / left_tot[g] if left_tot[g] else 0.0
            for k in range(steps):
                top = l0 + (r0 - l0) * ease[k]
                bands.append({"link": f"{g}-{s}", "group": g, "x": round(0.08 + 0.84 * t[k], 4),
                              "y": round(top, 5), "y2": round(top + v, 5), "persons": n,
                              "what": f"{n} of the {int(round(left_tot[g] * total))} {g} "
                                      f"infants ({within:.0%}) {STYLE_NAMES[s]} at 30"})
    nodes = []
    for side, tot, top, x0, x1 in (("infant", left_tot, left_top, 0.0, 0.08),
                                   ("adult", right_tot, right_top, 0.92, 1.0)):
        for name, v in tot.items():
            label = name
            nodes.append({"x": x0, "x2": x1, "y": top[name], "y2": top[name] + v,
                          "key": name, "label": f"{label}: {v:.0%}",
                          "lx": x0 - 0.005 if side == "infant" else x1 + 0.005,
                          "ly": top[name] + v / 2, "align": "right" if side == "infant"
                          else "left"})
    nodes_df = pd.DataFrame(nodes)
    height = float(1.0 + gap * 3)
    y_scale = {"domain": [height, 0], "nice": False, "zero": False}
    colour = {"scale": {"domain": list(GROUPS) + list(STYLES),
                        "range": [GROUP_COLOURS[g] for g in GROUPS]
                        + [STYLE_COLOURS[s] for s in STYLES]}, "legend": None}
    return {
        "autosize": FIT,
        "layer": [
            {"data": _values(pd.DataFrame(bands)), "mark": {"type": "area", "opacity": 0.45,
                                                            "interpolate": "linear"},
             "encoding": {"x": {"field": "x", "type": "quantitative", "axis": None,
                                "scale": {"domain": [-0.22, 1.3]}},
                          "y": {"field": "y", "type": "quantitative", "axis": None,
                                "scale": y_scale},
                          "y2": {"field": "y2"}, "detail": {"field": "link"},
                          "color": {"field": "group", "type": "nominal", **colour},
                          "tooltip": [_tip("what", "", "nominal")]}},
            {"data": _values(nodes_df), "mark": {"type": "rect"},
             "encoding": {"x": {"field": "x", "type": "quantitative"}, "x2": {"field": "x2"},
                          "y": {"field": "y", "type": "quantitative"}, "y2": {"field": "y2"},
                          "color": {"field": "key", "type": "nominal", **colour},
                          "tooltip": [_tip("label", "", "nominal")]}},
            {"data": _values(nodes_df[nodes_df["align"] == "right"]),
             "mark": {"type": "text", "align": "right", "baseline": "middle"},
             "encoding": {"x": {"field": "lx", "type": "quantitative"},
                          "y": {"field": "ly", "type": "quantitative"},
                          "text": {"field": "label"}}},
            {"data": _values(nodes_df[nodes_df["align"] == "left"]),
             "mark": {"type": "text", "align": "left", "baseline": "middle"},
             "encoding": {"x": {"field": "lx", "type": "quantitative"},
                          "y": {"field": "ly", "type": "quantitative"},
                          "text": {"field": "label"}}},
        ],
        "height": 340,
        "title": f"Infant at 12 months (left) to adult at 30 (right), {total:,} persons",
    }
