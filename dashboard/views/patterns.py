"""Three patterns: sensitive, rejecting and inconsistent care side by side (same infant), on one
clock: the three rooms play the same second of the same episode."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import compute, player, state, ui
from dashboard.state import Param
from simulation.observer import SCALES
from simulation.presets import PRESETS

PAGE = "patterns"
TRIO = ("sensitive", "rejecting", "inconsistent")
PARAMS = [
    *ui.temperament_params(),
    ui.seed_param(),
    Param("episode", "int", 8, 1, 8),
    Param("t", "int", 0, 0, 600),
]
REUNION_SCALES = ("proximity_seeking", "contact_maintaining", "resistance", "avoidance")


def label(row: dict) -> str:
    if row["group"] == "D":
        return f"D (best-fitting {row['subgroup']})"
    return f"{row['subgroup']}: {row['classification']}"


def reunion_table(dyads: dict) -> pd.DataFrame:
    rows = []
    for name in TRIO:
        coding = dyads[name][1].coding
        for e in (5, 8):
            rows.append({"care": name, "episode": e,
                         **{s.replace("_", " "): int(coding.scales[0, e - 1, 0, SCALES.index(s)])
                            for s in REUNION_SCALES}})
    return pd.DataFrame(rows)


ui.page_header(
    "Three patterns",
    "The same infant (same temperament, same seed) raised three ways, observed on one clock: "
    "press Play and watch the reunions (5 and 8), where the patterns differ most.")
values = state.load(PAGE, PARAMS)

c1, c2, c3 = st.columns(3)
with c1:
    reactivity = st.slider("Infant reactivity", 0.0, 1.0, step=ui.STEP,
                           key=state.key(PAGE, "reactivity"),
                           help="How strongly situations raise the infant's arousal.")
with c2:
    soothability = st.slider("Infant soothability", 0.0, 1.0, step=ui.STEP,
                             key=state.key(PAGE, "soothability"),
                             help="How fast contact with the caregiver calms the infant.")
with c3:
    seed = ui.seed_control(PAGE)

present = ui.presentation()
dyads = {}
shown = []
with st.spinner("Raising three infants..."):
    for name in TRIO:
        spec = compute.profile_spec(PRESETS[name].profile.as_dict().values())
        args = (spec, None, 0, int(seed), (reactivity, soothability))
        dyad = compute.dyad(*args)
        dyads[name] = (args, dyad)
        row = dyad.row
        shown.append(compute.player_dyad(args, f"{name.capitalize()} care", label(row),
                                         ui.class_colour(row["classification"])))
player.show(player.payload(shown, int(values["episode"]), int(values["t"]), present),
            key=f"{PAGE}.player")

st.subheader("Why each was classified so")
columns = st.columns(3, gap="medium")
for col, name in zip(columns, TRIO, strict=True):
    args, dyad = dyads[name]
    row = dyad.row
    p = PRESETS[name].profile
    with col:
        st.markdown(f"**{name.capitalize()} care** "
                    f"{ui.badge(row['classification'], label(row))}", unsafe_allow_html=True)
        st.caption(f"responsiveness {p.responsiveness:g}, consistency {p.consistency:g}, "
                   f"warmth {p.warmth:g}: {PRESETS[name].demonstrates}")
        for line in dyad.plain:
            st.markdown(line)

st.subheader("Reunion scores toward the caregiver")
st.table(reunion_table(dyads), hide_index=True)
st.caption("Ainsworth's interactive scales, 1 (none) to 7 (very strong). High avoidance in the "
           "reunions points to A, resistance together with proximity seeking to C.")

with st.expander("Downloads: each infant's whole procedure (PNG) and reunions (GIF)"):
    for name in TRIO:
        args, dyad = dyads[name]
        title = f"{name.capitalize()} care: {dyad.row['classification']}"
        st.download_button(f"{name.capitalize()} care, second by second (PNG)",
                           lambda a=args, t=title: compute.trace_png("ethogram", a, present, t),
                           file_name=f"ethogram-{name}.png", mime="image/png",
                           on_click="ignore", icon=":material/download:",
                           key=f"{PAGE}.dl.{name}")
        st.download_button(f"{name.capitalize()} care, episode 8 animated (GIF)",
                           lambda a=args: compute.episode_gif(a, 8, present),
                           file_name=f"episode-8-{name}.gif", mime="image/gif",
                           on_click="ignore", icon=":material/download:",
                           key=f"{PAGE}.dl.gif.{name}")

state.save(PAGE, PARAMS)
