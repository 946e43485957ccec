"""Explore: the map of classifications over responsiveness x consistency."""

from __future__ import annotations

import numpy as np
import streamlit as st

from dashboard import charts, compute, state, ui
from dashboard.state import Param
from simulation.stats import CLASSES

PAGE = "explore"
PER_CELL = (10, 20, 30, 40)
PARAMS = [
    Param("warmth", "float", 0.7, 0.0, 1.0, ui.STEP),
    Param("frightening", "float", 0.0, 0.0, 1.0, ui.STEP),
    Param("responsiveness", "float", 0.85, 0.0, 1.0, ui.STEP),
    Param("consistency", "float", 0.85, 0.0, 1.0, ui.STEP),
    Param("per_cell", "int", compute.EXPLORE_PER_CELL, 1, 40, options=PER_CELL),
    ui.seed_param(),
]

ui.page_header(
    "Explore",
    "Every square is a group of infants raised with one combination of responsiveness "
    "(across) and consistency (up), with the warmth and frightening behaviour you choose; its "
    "colour is the classification most of them received, pale where it is only a narrow "
    "majority. Where do the patterns live?")
state.load(PAGE, PARAMS)

left, right = st.columns([1, 3], gap="medium")
with left:
    st.subheader("The whole map")
    warmth = st.slider("Warmth (accepts close contact)", 0.0, 1.0, step=ui.STEP,
                       key=state.key(PAGE, "warmth"), help=ui.CARE_HELP["warmth"])
    frightening = st.slider("Frightening", 0.0, 1.0, step=ui.STEP,
                            key=state.key(PAGE, "frightening"), help=ui.CARE_HELP["frightening"])
    per_cell = st.select_slider("Infants per square", PER_CELL, key=state.key(PAGE, "per_cell"),
                                help="More infants per square: smoother map, longer run.")
    seed = ui.seed_control(PAGE)
    st.subheader("Your setting (the diamond)")
    resp = st.slider("Responsiveness", 0.0, 1.0, step=ui.STEP,
                     key=state.key(PAGE, "responsiveness"), help=ui.CARE_HELP["responsiveness"])
    cons = st.slider("Consistency", 0.0, 1.0, step=ui.STEP, key=state.key(PAGE, "consistency"),
                     help=ui.CARE_HELP["consistency"])

present = ui.presentation()
with right:
    shares = compute.grid(float(warmth), float(frightening), int(per_cell), int(seed))
    grid = np.array(compute.GRID)

    def nearest(v: float) -> float:  # halves round up: 0.85 is in the 0.9 square
        return float(grid[np.argmin(np.abs(grid - (v + 1e-6)))])

    def at(x: float, y: float):
        return shares[(shares["responsiveness"] == x) & (shares["consistency"] == y)].iloc[0]

    nx, ny = nearest(resp), nearest(cons)
    cell = at(nx, ny)
    st.markdown(f"**At your square** (responsiveness {nx:g}, consistency {ny:g}; "
                f"{int(cell['n'])} infants), {ui.FOUR_WAY}: mostly "
                f"{ui.badge(cell['dominant'])}", unsafe_allow_html=True)
    st.markdown(" &nbsp;·&nbsp; ".join(f"{ui.badge(name)} {cell[name]:.0%}" for name in CLASSES),
                unsafe_allow_html=True)
    tab_dom, tab_each = st.tabs(["Most common classification", "Share of each"])
    with tab_dom:
        charts.show(charts.classification_map(shares, (resp, cons)), present,
                    key=f"{PAGE}.chart.map",
                    png=lambda: compute.map_png("classification", float(warmth),
                                                float(frightening), int(per_cell), int(seed),
                                                (resp, cons), present),
                    name="classification-map")
    with tab_each:
        charts.show(charts.share_maps(shares), present, key=f"{PAGE}.chart.shares",
                    png=lambda: compute.map_png("shares", float(warmth), float(frightening),
                                                int(per_cell), int(seed), (resp, cons),
                                                present),
                    name="share-maps")
    counts = shares["dominant"].value_counts()
    st.markdown("**Most common classification, across the map:** " + ", ".join(
        f"{name} in {int(counts.get(name, 0))} squares" for name in CLASSES) + ".")
    secure = shares.pivot(index="consistency", columns="responsiveness", values="secure")
    st.caption(f"Secure share across the map: from {secure.min().min():.0%} to "
               f"{secure.max().max():.0%}. {int(shares['n'].sum()):,} infants in "
               f"{len(shares)} squares, sample no. {seed}. A pale square is one where the most "
               "common classification has only a narrow majority (the paler, the closer the "
               "race: down to a quarter of the infants); a deep one is where nearly all agree.")
    with st.expander("What this map shows (from its numbers), and things to try",
                     expanded=False):
        top, bottom = grid.max(), grid.min()
        low_c = shares[shares["consistency"] <= 0.2 + 1e-9]
        high_c = shares[shares["consistency"] >= 0.8 - 1e-9]
        fair = lambda t: t[t["responsiveness"] >= 0.5 - 1e-9]  # noqa: E731
        st.markdown(
            f"- Along the top row (consistency {top:g}), the secure share is "
            f"{at(bottom, top)['secure']:.0%} at responsiveness {bottom:g} and "
            f"{at(top, top)['secure']:.0%} at responsiveness {top:g}.\n"
            f"- Where responsiveness is 0.5 or more, ambivalent (C) takes "
            f"{fair(low_c)['ambivalent'].mean():.0%} of the infants in the bottom rows "
            f"(consistency 0.2 or less: care that comes and goes in spells) and "
            f"{fair(high_c)['ambivalent'].mean():.0%} in the top rows (0.8 or more).\n"
            f"- Disorganized (D) takes {shares['disorganized'].mean():.0%} of the infants over "
            f"the whole map at frightening {frightening:g}.\n"
            "- To try: lower the warmth and see whether avoidant (A) spreads; raise "
            "frightening and see where disorganized (D) appears.")

state.save(PAGE, PARAMS)
