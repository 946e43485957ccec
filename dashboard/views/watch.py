"""Watch one infant: a caregiver, a year at home, the eight episodes, the coder's verdict."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import compute, state, ui
from dashboard.state import Param
from simulation.episodes import EPISODES, REUNIONS, SEPARATIONS
from simulation.observer import SCALES
from simulation.plots.room import describe_second
from simulation.plots.timeline import arousal_and_crying, episode_summary, ethogram

PAGE = "watch"
PARAMS = [
    *ui.care_params("sensitive"),
    *ui.temperament_params(),
    ui.seed_param(),
    Param("episode", "int", 5, 1, 8),
    Param("t", "int", 20, 0, 600),
]
SCALE_SHORT = {"proximity_seeking": "proximity seeking", "contact_maintaining":
               "contact maintaining", "resistance": "resistance", "avoidance": "avoidance",
               "search": "search", "distance_interaction": "distance interaction"}


def episode_label(e: int) -> str:
    return f"{e}: {EPISODES[e - 1].name}"


def score_sheet(coding) -> pd.DataFrame:
    """The coder's interactive scales, episodes 2-8, toward caregiver and stranger."""
    rows = []
    for ep in EPISODES[1:]:
        for toward, who in ((0, "caregiver"), (1, "stranger")):
            scores = coding.scales[0, ep.number - 1, toward]
            if not scores.any():
                continue
            row = {"episode": episode_label(ep.number), "toward": who}
            for i, name in enumerate(SCALES):
                row[SCALE_SHORT[name]] = "-" if scores[i] == 0 else str(int(scores[i]))
            rows.append(row)
    return pd.DataFrame(rows)


ui.page_header(
    "Watch one infant",
    "Choose how the caregiver cares for the infant during its first year. At 12 months the "
    "pair goes through the eight episodes of the Strange Situation; a simulated coder, who sees "
    "only the infant's behaviour, scores it and classifies it. " + ui.legend_line())
values = state.load(PAGE, PARAMS, ui.care_adjust())

left, right = st.columns([1, 2.7], gap="large")
with left:
    st.subheader("Settings")
    care = ui.care_controls(PAGE)
    st.markdown("**Temperament**")
    reactivity, soothability = ui.temperament_controls(PAGE)
    seed = ui.seed_control(PAGE)

args = (compute.profile_spec(care), None, 0, int(seed), (reactivity, soothability))
present = ui.presentation()
with right:
    with st.spinner("Raising the infant for a year and running the Strange Situation..."):
        dyad = compute.dyad(*args)
    row = dyad.row
    label = f"{row['subgroup']}: {row['classification']}"
    if row["group"] == "D":
        label = f"disorganized (best-fitting {row['subgroup']})"
    st.markdown(f"### Classified {ui.badge(row['classification'], label)}",
                unsafe_allow_html=True)
    trace = dyad.trace
    summary = episode_summary(trace)
    sep_cry = summary.loc[list(SEPARATIONS), "crying"].mean()
    sep_arousal = summary.loc[list(SEPARATIONS), "arousal"].mean()
    ui.metrics_row(
        [("Subgroup", row["subgroup"]), ("D rating (1-9)", str(row["d_rating"])),
         ("Crying in separations", f"{sep_cry:.0%}"),
         ("Arousal in separations", f"{sep_arousal:.2f}")],
        ["Forced best-fitting A/B/C subgroup (Ainsworth et al. 1978).",
         "Main & Solomon (1990): D at 5 or above, always with a best-fitting A/B/C.",
         "Share of seconds with fussing or crying in episodes 4, 6 and 7 (what the coder "
         "hears).",
         "Mean internal arousal in episodes 4, 6 and 7 (0-1): hidden from the coder."])
    lines = dyad.explanation.splitlines()
    st.info(lines[1] if len(lines) > 1 else lines[0], icon=":material/gavel:")

    tab_room, tab_strip, tab_arousal, tab_sheet, tab_why = st.tabs(
        ["The room", "The whole procedure", "Arousal and crying", "Coder's score sheet",
         "Why this classification"])

    with tab_room:
        ekey, tkey = state.key(PAGE, "episode"), state.key(PAGE, "t")
        starts = trace.groupby("episode")["second"].min()
        lengths = trace.groupby("episode").size()

        def reset_t() -> None:
            st.session_state[tkey] = 0

        c1, c2 = st.columns([3, 1])
        episode = c1.select_slider("Episode", options=list(range(1, 9)), key=ekey,
                                   format_func=episode_label, on_change=reset_t)
        play = c2.toggle("Play the episode", key=f"{PAGE}.play",
                         help="Animate the whole episode (about 24 times real speed); "
                         "switch off to pause and step second by second.")
        length = int(lengths.get(episode, 1))
        st.caption(f"Episode {episode}: {EPISODES[episode - 1].event}. It ran {length} s "
                   f"(nominal {EPISODES[episode - 1].nominal} s).")
        dyad_args = args
        if play:
            with st.spinner("Drawing the animation..."):
                gif = compute.episode_gif(dyad_args, episode, present)
            st.image(gif, width="stretch", caption=f"Episode {episode}, animated")
            st.download_button("Download this episode (GIF)", gif,
                               file_name=f"episode-{episode}.gif", mime="image/gif",
                               on_click="ignore", icon=":material/download:")
        else:
            if st.session_state.get(tkey, 0) > length - 1:
                st.session_state[tkey] = length - 1

            def step(delta: int) -> None:
                st.session_state[tkey] = min(length - 1, max(0, st.session_state[tkey] + delta))

            b1, b2, b3 = st.columns([1, 6, 1])
            b1.button("-5 s", on_click=step, args=(-5,), key=f"{PAGE}.back",
                      icon=":material/skip_previous:")
            t = b2.slider("Second of the episode", 0, max(1, length - 1), key=tkey,
                          label_visibility="collapsed")
            b3.button("+5 s", on_click=step, args=(5,), key=f"{PAGE}.fwd",
                      icon=":material/skip_next:")
            second = int(starts[episode]) + min(int(t), length - 1)
            st.markdown(f"{t // 60}:{t % 60:02d} into episode {episode}: "
                        f"**{describe_second(trace.iloc[second])}.**")
            ui.show_png(compute.room_png(dyad_args, second, present), "room",
                        key=f"{PAGE}.png.room")
        with st.expander("A GIF of the whole procedure"):
            if st.button("Make the GIF (takes a few seconds)", key=f"{PAGE}.makegif"):
                st.session_state[f"{PAGE}.gif_for"] = dyad_args
            if st.session_state.get(f"{PAGE}.gif_for") == dyad_args:
                with st.spinner("Drawing every few seconds of the procedure..."):
                    whole = compute.episode_gif(dyad_args, None, False, step=4, width=520)
                st.download_button("Download the whole procedure (GIF)", whole,
                                   file_name="strange-situation.gif", mime="image/gif",
                                   on_click="ignore", icon=":material/download:")

    with tab_strip:
        st.markdown("Every second of the procedure: who is in the room, what the infant does, "
                    "and when it cries. Reunions (5 and 8), the most telling episodes, are "
                    "shaded.")
        ui.show_figure(ethogram(trace, presentation=present), "ethogram", key=f"{PAGE}.png.eth")

    with tab_arousal:
        st.markdown(
            "The orange line is the infant's **internal arousal**, which the coder cannot see; "
            "the blue area is its **crying**, which the coder hears. An avoidant infant may cry "
            "little while its arousal stays high (Sroufe & Waters 1977, heart rate; Spangler & "
            "Grossmann 1993, cortisol).")
        ui.show_figure(arousal_and_crying(trace, presentation=present), "arousal-and-crying",
                       key=f"{PAGE}.png.arousal")
        shown = summary.copy()
        shown["crying"] = (shown["crying"] * 100).round().astype(int).astype(str) + "%"
        shown["exploring"] = (shown["exploring"] * 100).round().astype(int).astype(str) + "%"
        shown["arousal"] = shown["arousal"].round(2)
        shown = shown.rename(columns={"seconds": "seconds run", "crying": "seconds crying",
                                      "exploring": "seconds playing",
                                      "arousal": "mean arousal (internal)"})
        st.table(shown)

    with tab_sheet:
        st.markdown(
            "Ainsworth's interactive scales, 1 (none) to 7 (very strong), scored per episode "
            "toward each adult in the room (Ainsworth et al. 1978, Appendix III). The reunion "
            f"episodes {REUNIONS[0]} and {REUNIONS[1]} weigh most. '-' means not scored (the "
            "scale does not apply there).")
        st.table(score_sheet(dyad.coding), hide_index=True)

    with tab_why:
        st.markdown("The coder's reasoning, in plain words (it never sees the caregiving, the "
                    "temperament or the arousal):")
        for line in dyad.explanation.splitlines():
            st.markdown(f"- {line}")

state.save(PAGE, PARAMS, omit=ui.care_omit(state.values(PAGE, PARAMS)))
