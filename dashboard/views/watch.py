"""Watch one infant: a caregiver, a year at home, the eight episodes, the coder's verdict."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, compute, player, state, ui
from dashboard.state import Param
from simulation.episodes import EPISODES, REUNIONS, SEPARATIONS
from simulation.observer import SCALES
from simulation.plots.timeline import episode_summary

PAGE = "watch"
PARAMS = [
    *ui.care_params("sensitive"),
    *ui.temperament_params(),
    ui.seed_param(),
    Param("episode", "int", 5, 1, 8),
    Param("t", "int", 0, 0, 600),
]
SCALE_SHORT = {"proximity_seeking": "proximity seeking", "contact_maintaining":
               "contact maintaining", "resistance": "resistance", "avoidance": "avoidance",
               "search": "search", "distance_interaction": "distance interaction"}
#: What the score sheet shows where a scale does not apply (an em dash, not a list bullet).
NOT_SCORED = "\u2014"


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
                row[SCALE_SHORT[name]] = NOT_SCORED if scores[i] == 0 else str(int(scores[i]))
            rows.append(row)
    return pd.DataFrame(rows)


def classification_label(row: dict) -> str:
    if row["group"] == "D":
        return f"disorganized (D), best-fitting {row['subgroup']}"
    return f"{row['subgroup']}: {row['classification']}"


def episode_table(summary: pd.DataFrame) -> pd.DataFrame:
    """Per episode: seconds run, seconds crying and playing (counts, with their share), and
    the mean internal arousal."""
    out = pd.DataFrame({"episode": [episode_label(e) for e in summary.index],
                        "seconds run": summary["seconds"].astype(int)})
    for col, name in (("crying", "seconds crying"), ("exploring", "seconds playing")):
        seconds = (summary[col] * summary["seconds"]).round().astype(int)
        out[name] = [f"{s} ({share:.0%})" for s, share in zip(seconds, summary[col],
                                                               strict=True)]
    out["mean arousal (hidden)"] = [f"{a:.2f}" for a in summary["arousal"]]
    return out


def hidden_distress(summary: pd.DataFrame, avoidant: bool) -> str:
    """One sentence comparing crying with arousal in the separations, from the numbers; the
    comparison with avoidant infants' heart rate only for an infant coded avoidant (A)."""
    seps = summary.loc[[e for e in SEPARATIONS if e in summary.index]]
    if seps.empty:
        return ""
    cry = float((seps["crying"] * seps["seconds"]).sum() / seps["seconds"].sum())
    arousal = float((seps["arousal"] * seps["seconds"]).sum() / seps["seconds"].sum())
    if avoidant and cry < 0.25 and arousal >= 0.4:
        return (f"In the separations this infant cried in only {cry:.0%} of the seconds while "
                f"its arousal averaged {arousal:.2f}: distress the coder cannot hear, as in "
                "avoidant infants' heart rate (Sroufe & Waters 1977).")
    return (f"In the separations this infant cried in {cry:.0%} of the seconds, with a mean "
            f"arousal of {arousal:.2f}.")


ui.page_header(
    "Watch one infant",
    "A caregiver cares for the infant through its first year; at 12 months the pair goes "
    "through the eight episodes while a simulated coder, who sees only the infant's behaviour, "
    "scores and classifies it.")
values = state.load(PAGE, PARAMS, ui.care_adjust())

left, right = st.columns([1, 3.2], gap="medium")
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
    label = classification_label(row)
    colour = ui.class_colour(row["classification"])
    data = player.payload([compute.player_dyad(args, "Classified", label, colour)],
                          int(values["episode"]), int(values["t"]), present)
    player.show(data, key=f"{PAGE}.player")

    trace = dyad.trace
    summary = episode_summary(trace)
    seps = summary.loc[[e for e in SEPARATIONS if e in summary.index]]
    sep_cry = float((seps["crying"] * seps["seconds"]).sum() / max(1, seps["seconds"].sum()))
    sep_arousal = float((seps["arousal"] * seps["seconds"]).sum()
                        / max(1, seps["seconds"].sum()))
    ui.metrics_row(
        [("Subgroup (forced A/B/C)", row["subgroup"]), ("D rating (1-9)", str(row["d_rating"])),
         ("Crying in separations", f"{sep_cry:.0%}"),
         ("Arousal in separations", f"{sep_arousal:.2f}")],
        ["Forced best-fitting A/B/C subgroup (Ainsworth et al. 1978): every infant has one, "
         "a disorganized one too.",
         "Main & Solomon (1990): D at 5 or above, always with a best-fitting A/B/C.",
         "Share of the seconds of episodes 4, 6 and 7 with fussing or crying (what the coder "
         "hears).",
         "Mean internal arousal in episodes 4, 6 and 7 (0-1): hidden from the coder."])

    st.markdown(f"##### Why the coder classified it {ui.badge(row['classification'], label)}",
                unsafe_allow_html=True)
    for line in dyad.plain:
        st.markdown(line)
    with st.expander("The coder's criterion, step by step (for those who want it)"):
        for line in dyad.explanation.splitlines():
            st.markdown(f"- {line}")

    tab_arousal, tab_sheet, tab_export = st.tabs(
        ["Arousal and crying", "Score sheet", "Downloads"])
    with tab_arousal:
        st.markdown(
            "The orange line is the infant's **internal arousal**, which the coder cannot see; "
            "the blue area is its **crying**, which the coder hears (half height: fussing; "
            "full: crying hard). " + hidden_distress(summary, row["abc_group"] == "A"))
        charts.show(charts.arousal_and_crying(trace), present,
                    key=f"{PAGE}.chart.arousal",
                    png=lambda: compute.trace_png("arousal", args, present),
                    name="arousal-and-crying")
        st.table(episode_table(summary), hide_index=True)
    with tab_sheet:
        st.markdown(
            "Ainsworth's interactive scales, 1 (none) to 7 (very strong), scored per episode "
            "toward each adult in the room (Ainsworth et al. 1978, Appendix III). The reunion "
            f"episodes {REUNIONS[0]} and {REUNIONS[1]} weigh most. {NOT_SCORED} means not "
            "scored (the scale does not apply there).")
        st.table(score_sheet(dyad.coding), hide_index=True)
    with tab_export:
        st.markdown("Figures to keep or print (drawn when you press the button):")
        st.download_button("The whole procedure, second by second (PNG)",
                           lambda: compute.trace_png("ethogram", args, present),
                           file_name="ethogram.png", mime="image/png", on_click="ignore",
                           icon=":material/download:", key=f"{PAGE}.dl.ethogram")
        for e in REUNIONS:
            st.download_button(f"Episode {e}, animated (GIF)",
                               lambda e=e: compute.episode_gif(args, e, present),
                               file_name=f"episode-{e}.gif", mime="image/gif",
                               on_click="ignore", icon=":material/download:",
                               key=f"{PAGE}.dl.gif{e}")
        st.download_button("The whole procedure, animated (GIF, takes a few seconds)",
                           lambda: compute.episode_gif(args, None, False, step=4, width=520),
                           file_name="strange-situation.gif", mime="image/gif",
                           on_click="ignore", icon=":material/download:",
                           key=f"{PAGE}.dl.gifall")

state.save(PAGE, PARAMS, omit=ui.care_omit(state.values(PAGE, PARAMS)))
