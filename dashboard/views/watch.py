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


def hidden_distress(summary: pd.DataFrame, group: str) -> str:
    """One sentence comparing crying with arousal in the separations, from the numbers (the
    comparison with avoidant infants' heart rate only for an avoidant infant)."""
    seps = summary.loc[[e for e in SEPARATIONS if e in summary.index]]
    if seps.empty:
        return ""
    cry = float((seps["crying"] * seps["seconds"]).sum() / seps["seconds"].sum())
    arousal = float((seps["arousal"] * seps["seconds"]).sum() / seps["seconds"].sum())
    if group == "A" and cry < 0.25 and arousal >= 0.4:
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
INFANT = state.key(PAGE, "seed")


def _care(values: dict) -> tuple[tuple, tuple]:
    """The care spec and the temperament of the settings."""
    care = tuple(values[n] for n in ui.CARE_NAMES)
    return compute.profile_spec(care), (values["reactivity"], values["soothability"])


def _pattern() -> compute.CarePattern:
    """What the current care makes of infants of the current temperament."""
    return compute.care_pattern(*_care(state.values(PAGE, PARAMS)))


def _typical(values: dict, from_url: set[str]) -> None:
    """A link (or the first visit) without an infant number opens the care's typical infant."""
    ui.care_adjust()(values, from_url)
    if "seed" not in from_url:
        values["seed"] = compute.care_pattern(*_care(values)).typical()


def show_typical() -> None:
    st.session_state[INFANT] = _pattern().typical()


def show_atypical() -> None:
    current = int(st.session_state[INFANT])
    pattern = _pattern()
    found = pattern.atypical(current if current < len(pattern.groups) else -1)
    if found is None:
        st.session_state[f"{PAGE}.none_atypical"] = True
    else:
        st.session_state[INFANT] = found


values = state.load(PAGE, PARAMS, _typical)
present = ui.presentation()

if present:  # one compact row above the room; the sliders open from it
    cols = st.columns([2.2, 1.3, 1.25, 1.35, 1.2], vertical_alignment="bottom")
    sliders = cols[4].popover("Sliders", icon=":material/tune:", width="stretch")
    care = ui.care_controls(PAGE, container=cols[0], sliders=sliders, on_preset=show_typical,
                            describe=False, label_visibility="collapsed")
    sliders.markdown("**Temperament**")
    reactivity, soothability = ui.temperament_controls(PAGE, container=sliders)
    settings = cols[1]
    buttons = (cols[2], cols[3])
    right = st.container()
else:
    left, right = st.columns([1, 3.2], gap="medium")
    with left:
        st.subheader("Settings")
        care = ui.care_controls(PAGE, on_preset=show_typical)
        st.markdown("**Temperament**")
        reactivity, soothability = ui.temperament_controls(PAGE)
    settings = left
    buttons = (left, left)  # one under the other: the column is narrow at 1280 px
seed = ui.seed_control(PAGE, container=settings, label=ui.INFANT_LABEL,
                       label_visibility="collapsed" if present else "visible",
                       help="Which infant of this care you watch: infants raised the same way "
                       "differ in their luck at home. The page opens on a typical one.")
buttons[0].button("Typical infant", on_click=show_typical, width="stretch",
                  key=f"{PAGE}.typical",
                  help="The first infant whom this care makes what it makes of most infants.")
buttons[1].button("Atypical infant", on_click=show_atypical, width="stretch",
                  key=f"{PAGE}.atypical",
                  help="The next infant whom this care makes something else than most.")

spec, temperament = compute.profile_spec(care), (reactivity, soothability)
args = (spec, None, int(seed), compute.TYPICAL_SEED, temperament)
with right:
    with st.spinner("Raising the infant for a year and running the Strange Situation..."):
        pattern = compute.care_pattern(spec, temperament)
        dyad = compute.dyad(*args)
    row = dyad.row
    label = classification_label(row)
    colour = ui.class_colour(row["classification"])
    if st.session_state.pop(f"{PAGE}.none_atypical", False):
        st.info("Every infant of this care was classified alike: there is no atypical one.",
                icon=":material/info:")
    st.markdown(f"**Infant no. {int(seed)} of this care** {ui.badge(row['classification'], label)}"
                f" {compute.share_sentence(pattern, row['group'])}.", unsafe_allow_html=True)
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
            "full: crying hard). " + hidden_distress(summary, row["group"]))
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

shown = state.values(PAGE, PARAMS)
state.save(PAGE, PARAMS, omit=ui.care_omit(shown) | {"seed"},
           extra={} if int(shown["seed"]) == pattern.typical() else {"seed": str(shown["seed"])})
