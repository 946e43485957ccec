"""Explore: the map of classifications over responsiveness x consistency."""

from __future__ import annotations

import numpy as np
import streamlit as st

from dashboard import compute, state, ui
from dashboard.state import Param
from simulation.caregiving import ainsworth_sensitivity
from simulation.plots.maps import classification_map, share_maps
from simulation.stats import CLASSES

PAGE = "explore"
PER_CELL = (10, 20, 40)
PARAMS = [
    Param("warmth", "float", 0.7, 0.0, 1.0, ui.STEP),
    Param("frightening", "float", 0.0, 0.0, 1.0, ui.STEP),
    Param("responsiveness", "float", 0.85, 0.0, 1.0, ui.STEP),
    Param("consistency", "float", 0.85, 0.0, 1.0, ui.STEP),
    Param("per_cell", "int", 10, 1, 40, options=PER_CELL),
    ui.seed_param(),
]

ui.page_header(
    "Explore",
    "Every square is a group of infants raised with one combination of responsiveness "
    "(across) and consistency (up), with the warmth and frightening behaviour you choose. Its "
    "colour is the classification most of them received. Where do the patterns live, and where "
    "are the borders? " + ui.legend_line())
state.load(PAGE, PARAMS)

left, right = st.columns([1, 2.7], gap="large")
with left:
    st.subheader("The whole map")
    warmth = st.slider("Warmth (accepts close contact)", 0.0, 1.0, step=ui.STEP,
                       key=state.key(PAGE, "warmth"), help=ui.CARE_HELP["warmth"])
    frightening = st.slider("Frightening", 0.0, 1.0, step=ui.STEP,
                            key=state.key(PAGE, "frightening"), help=ui.CARE_HELP["frightening"])
    per_cell = st.select_slider("Infants per square", PER_CELL, key=state.key(PAGE, "per_cell"),
                                help="More infants per square: smoother map, longer run.")
    seed = ui.seed_control(PAGE)
    st.subheader("Your setting (the star)")
    resp = st.slider("Responsiveness", 0.0, 1.0, step=ui.STEP,
                     key=state.key(PAGE, "responsiveness"), help=ui.CARE_HELP["responsiveness"])
    cons = st.slider("Consistency", 0.0, 1.0, step=ui.STEP, key=state.key(PAGE, "consistency"),
                     help=ui.CARE_HELP["consistency"])
    st.metric("Ainsworth-sensitivity equivalent", f"{ainsworth_sensitivity(resp, cons):.1f} / 9")

present = ui.presentation()
with right:
    shares = compute.grid(float(warmth), float(frightening), int(per_cell), int(seed))
    grid = np.array(compute.GRID)

    def nearest(v: float) -> float:  # halves round up: 0.85 is in the 0.9 square
        return float(grid[np.argmin(np.abs(grid - (v + 1e-6)))])

    nx, ny = nearest(resp), nearest(cons)
    cell = shares[(shares["responsiveness"] == nx) & (shares["consistency"] == ny)].iloc[0]
    st.markdown(f"**At the star's square** (responsiveness {nx:g}, consistency {ny:g}; "
                f"{int(cell['n'])} infants): mostly "
                f"{ui.badge(cell['dominant'])}", unsafe_allow_html=True)
    cols = st.columns(4)
    for col, name in zip(cols, CLASSES, strict=True):
        col.metric(name, f"{cell[name]:.0%}")
    tab_dom, tab_each = st.tabs(["Most common classification", "Share of each"])
    with tab_dom:
        ui.show_figure(classification_map(shares, current=(resp, cons), presentation=present),
                       "classification-map", key=f"{PAGE}.png.map")
    with tab_each:
        ui.show_figure(share_maps(shares, current=(resp, cons), presentation=present),
                       "share-maps", key=f"{PAGE}.png.shares")
    counts = shares["dominant"].value_counts()
    st.markdown("**Most common classification, across the map:** " + ", ".join(
        f"{name} in {int(counts.get(name, 0))} squares" for name in CLASSES) + ".")
    secure = shares.pivot(index="consistency", columns="responsiveness", values="secure")
    st.caption(f"Secure share across the map: from {secure.min().min():.0%} to "
               f"{secure.max().max():.0%}. {int(shares['n'].sum()):,} infants in "
               f"{len(shares)} squares, seed {seed}.")
    with st.expander("Things to notice"):
        st.markdown(
            "- Along the top (consistent care), raising responsiveness moves the square from "
            "the insecure patterns toward secure.\n"
            "- Along the bottom (care that comes and goes in spells), ambivalent (C) appears "
            "even where responsiveness is fair: the infant learns that availability is "
            "unpredictable.\n"
            "- Lower the warmth: avoidant (A) spreads, because answered bids end in rebuff.\n"
            "- Raise frightening: disorganized (D) appears across the map, whatever the "
            "responsiveness: fear of the haven is a different route.")

state.save(PAGE, PARAMS)
