"""Three patterns: sensitive, rejecting and inconsistent care side by side (same infant)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import compute, state, ui
from dashboard.state import Param
from simulation.episodes import EPISODES
from simulation.observer import SCALES
from simulation.plots.room import describe_second
from simulation.plots.timeline import episode_summary, ethogram
from simulation.presets import PRESETS

PAGE = "patterns"
TRIO = ("sensitive", "rejecting", "inconsistent")
PARAMS = [
    *ui.temperament_params(),
    ui.seed_param(),
    Param("episode", "int", 8, 1, 8),
    Param("t", "int", 20, 0, 600),
]
REUNION_SCALES = ("proximity_seeking", "contact_maintaining", "resistance", "avoidance")

ui.page_header(
    "Three patterns",
    "The same infant (same temperament, same seed) raised three ways, then observed in the "
    "Strange Situation: the classic classroom comparison. Step through the episodes and watch "
    "the reunions (5 and 8), where the patterns differ most. " + ui.legend_line())
state.load(PAGE, PARAMS)

with st.container(border=True):
    c1, c2, c3, c4 = st.columns([1, 1, 1, 2])
    with c1:
        reactivity = st.slider("Infant reactivity", 0.0, 1.0, step=ui.STEP,
                               key=state.key(PAGE, "reactivity"))
    with c2:
        soothability = st.slider("Infant soothability", 0.0, 1.0, step=ui.STEP,
                                 key=state.key(PAGE, "soothability"))
    with c3:
        seed = ui.seed_control(PAGE)
    ekey, tkey = state.key(PAGE, "episode"), state.key(PAGE, "t")
    with c4:
        episode = st.select_slider(
            "Episode", options=list(range(1, 9)), key=ekey,
            format_func=lambda e: f"{e}: {EPISODES[e - 1].name}",
            on_change=lambda: st.session_state.__setitem__(tkey, 0))
        play = st.toggle("Play the episode (all three at once)", key=f"{PAGE}.play")

present = ui.presentation()
dyads = {}
progress = st.progress(0.0, text="Raising three infants...")
for i, name in enumerate(TRIO):
    spec = compute.profile_spec(PRESETS[name].profile.as_dict().values())
    args = (spec, None, 0, int(seed), (reactivity, soothability))
    dyads[name] = (args, compute.dyad(*args))
    progress.progress((i + 1) / len(TRIO), text=f"Raising three infants ({i + 1} of 3)")
progress.empty()

shortest = min(int((d.trace["episode"] == episode).sum()) for _, d in dyads.values())
if not play:
    if st.session_state.get(tkey, 0) > max(0, shortest - 1):
        st.session_state[tkey] = max(0, shortest - 1)
    t = st.slider(f"Second of episode {episode} (the same moment for all three)", 0,
                  max(1, shortest - 1), key=tkey)
st.caption(f"Episode {episode}: {EPISODES[episode - 1].event}.")

columns = st.columns(3, gap="medium")
for col, name in zip(columns, TRIO, strict=True):
    args, dyad = dyads[name]
    row = dyad.row
    with col:
        p = PRESETS[name].profile
        st.markdown(f"#### {name.capitalize()} care")
        st.caption(f"responsiveness {p.responsiveness:g}, consistency {p.consistency:g}, "
                   f"warmth {p.warmth:g}: {PRESETS[name].demonstrates}")
        label = row["subgroup"] if row["group"] != "D" else f"D ({row['subgroup']})"
        text = f"{label}: {row['classification']}"
        st.markdown(f"Classified {ui.badge(row['classification'], text)}",
                    unsafe_allow_html=True)
        summary = episode_summary(dyad.trace)
        ep_row = summary.loc[episode] if episode in summary.index else None
        if ep_row is not None:
            m1, m2, m3 = st.columns(3)
            m1.metric("Crying", f"{ep_row['crying']:.0%}", help="Share of seconds of this "
                      "episode with fussing or crying.")
            m2.metric("Playing", f"{ep_row['exploring']:.0%}",
                      help="Share of seconds of this episode playing with the toys.")
            m3.metric("Arousal", f"{ep_row['arousal']:.2f}",
                      help="Mean internal arousal (0-1), hidden from the coder.")
        if play:
            st.image(compute.episode_gif(args, episode, present, width=460, text_scale=1.5),
                     width="stretch")
        else:
            start = int(dyad.trace.index[dyad.trace["episode"] == episode][0])
            second = start + int(t)
            st.image(compute.room_png(args, second, present, 1.5), width="stretch")
            st.markdown(describe_second(dyad.trace.iloc[second]) + ".")

st.subheader("Reunion scores toward the caregiver")
rows = []
for name in TRIO:
    coding = dyads[name][1].coding
    for e in (5, 8):
        rows.append({"care": name, "episode": e,
                     **{s.replace("_", " "): int(coding.scales[0, e - 1, 0, SCALES.index(s)])
                        for s in REUNION_SCALES}})
st.table(pd.DataFrame(rows), hide_index=True)
st.caption("Ainsworth's interactive scales, 1 (none) to 7 (very strong). High avoidance in the "
           "reunions points to A, resistance together with proximity seeking to C.")

st.subheader("The whole procedure, second by second")
for name in TRIO:
    ui.show_figure(ethogram(dyads[name][1].trace, presentation=present,
                            title=f"{name.capitalize()} care: "
                            f"{dyads[name][1].row['classification']}"),
                   f"ethogram-{name}", key=f"{PAGE}.png.{name}")

state.save(PAGE, PARAMS)
