"""A population: N infants under one way of caring or a population preset, against the
published distributions; subgroups, episode profiles, and any infant replayed exactly."""

from __future__ import annotations

import time

import streamlit as st

from dashboard import charts, compute, player, state, ui
from dashboard.state import Param
from simulation.episodes import SEPARATIONS
from simulation.literature import DISTRIBUTIONS
from simulation.plots.distribution import simulated_shares
from simulation.plots.profiles import profile_table
from simulation.population_presets import get_population, population_names

PAGE = "population"
SIZES = (100, 200, 300, 400, 600, 800, 1000, 1500, 2000, 3000, 5000)
AUTO = "auto"
PARAMS = [
    Param("source", "choice", "population", options=("caregiver", "population")),
    *ui.care_params("sensitive"),
    Param("population", "choice", "global", options=population_names()),
    Param("n", "int", 400, 1, 5000, options=SIZES),
    ui.seed_param(),
    Param("reactivity", "float", 0.5, 0.0, 1.0, ui.STEP),
    Param("compare", "choice", AUTO, options=(AUTO, *DISTRIBUTIONS)),
    Param("view", "choice", "subgroups", options=("subgroups", "episodes", "reunions",
                                                   "hidden", "table", "watch")),
    Param("infant", "int", 0, 0, 4999),
]
VIEWS = {"subgroups": "Subgroups", "episodes": "Episode by episode", "reunions": "Reunions",
         "hidden": "Hidden distress", "table": "The infants", "watch": "Watch one of them"}
TABLE_COLUMNS = ["infant_id", "classification", "subgroup", "d_rating", "responsiveness",
                 "consistency", "warmth", "frightening", "unresolved", "sensitivity", "reactivity",
                 "soothability", "ep5_proximity_seeking", "ep5_avoidance", "ep5_resistance",
                 "ep8_proximity_seeking", "ep8_avoidance", "ep8_resistance"]

FLOAT_COLUMNS = ("responsiveness", "consistency", "warmth", "frightening", "unresolved",
                 "sensitivity", "reactivity", "soothability")


@st.cache_data(max_entries=8, show_spinner=False)
def csv_bytes(cohort_args: tuple) -> bytes:
    """The per-infant table as CSV (made when its download is asked for)."""
    return compute.cohort(*cohort_args, label=None).to_csv(index=False).encode()


def hidden_distress(table) -> str:
    """Avoidant infants' crying against their hidden arousal in the separations, beside the
    others', in numbers (the finding is stated only if these numbers show it)."""
    cry = table[[f"ep{e}_crying" for e in SEPARATIONS]].mean(axis=1)
    arousal = table[[f"internal_arousal_ep{e}" for e in SEPARATIONS]].mean(axis=1)
    avoidant = (table["classification"] == "avoidant").to_numpy()
    if avoidant.sum() == 0 or avoidant.all():
        return ("Hidden distress compares avoidant infants with the others; this population "
                "has " + ("no avoidant infant." if avoidant.sum() == 0 else "no other."))
    a_cry, o_cry = float(cry[avoidant].mean()), float(cry[~avoidant].mean())
    a_ar, o_ar = float(arousal[avoidant].mean()), float(arousal[~avoidant].mean())
    text = (f"In the separations (episodes 4, 6, 7) the {int(avoidant.sum())} avoidant "
            f"infants cried at a rate of {a_cry:.2f} per 15-s interval against {o_cry:.2f} for "
            f"the others, while their hidden arousal averaged {a_ar:.2f} against {o_ar:.2f}. ")
    if a_cry < o_cry and (o_cry - a_cry) > (o_ar - a_ar):
        text += ("They cry less than their arousal alone would suggest: distress the coder "
                 "does not hear (Sroufe & Waters 1977, heart rate).")
    else:
        text += ("Here their crying is not lower than their arousal would suggest: no hidden "
                 "distress shows in this population.")
    return text


def previous(args: tuple, shares: dict[str, float], what: str) -> tuple | None:
    """The result before the last change of settings, kept in the session so that it stays on
    the screen beside the new one ("was 21% C, now 72%"); None before the first change."""
    last = st.session_state.get(f"{PAGE}.last")
    if last is None or last[0] != args:
        if last is not None:
            st.session_state[f"{PAGE}.previous"] = last[1:]
        st.session_state[f"{PAGE}.last"] = (args, what, shares)
    return st.session_state.get(f"{PAGE}.previous")


def omit(values) -> set[str]:
    out = ui.care_omit(values)
    if values["source"] == "population":
        out |= {p.name for p in ui.care_params("sensitive")}
    else:
        out.add("population")
    return out


ui.page_header(
    "A population",
    "Many infants, each with its own temperament and its own luck: how are they classified, "
    "and how does that compare with what researchers found? In a real population caregiving "
    "explains only part of security (De Wolff & van IJzendoorn 1997). " + ui.legend_line())
state.load(PAGE, PARAMS, ui.care_adjust())

left, right = st.columns([1, 2.7], gap="large")
with left:
    st.subheader("Settings")
    source = st.radio("Infants raised by", ("caregiver", "population"), key=state.key(PAGE,
                      "source"), horizontal=True,
                      format_func=lambda s: {"caregiver": "one way of caring",
                                             "population": "a population preset"}[s],
                      help="One way of caring for every infant, or caregivers drawn from a "
                      "population calibrated to a published sample.")
    if source == "caregiver":
        care = ui.care_controls(PAGE)
        care_spec, pop_name = compute.profile_spec(care), None
    else:
        pop_name = st.selectbox("Population", population_names(),
                                key=state.key(PAGE, "population"))
        population = get_population(pop_name)
        st.caption(ui.student_text(population.description))
        care_spec = None
    n = st.select_slider("Number of infants", SIZES, key=state.key(PAGE, "n"),
                         help="More infants: narrower confidence intervals, longer runs.")
    reactivity = st.slider("Mean infant reactivity", 0.0, 1.0, step=ui.STEP,
                           key=state.key(PAGE, "reactivity"),
                           help="Temperament is drawn per infant around this mean "
                           "(Belsky & Rovine 1987: more reactive infants toward B3-C2).")
    seed = ui.seed_control(PAGE)
    compare = AUTO
    if source == "population":
        compare = st.selectbox("Compare with", (AUTO, *DISTRIBUTIONS),
                               key=state.key(PAGE, "compare"),
                               format_func=lambda k: "the matching study" if k == AUTO
                               else DISTRIBUTIONS[k].label)

temperament = ("mean", reactivity)
if compare == AUTO:
    key = get_population(pop_name).source if pop_name else "global"
    published = DISTRIBUTIONS.get(key, DISTRIBUTIONS["global"])
else:
    published = DISTRIBUTIONS[compare]
present = ui.presentation()

with right:
    started = time.perf_counter()
    cohort_args = (care_spec, pop_name, int(n), int(seed), temperament)
    table = compute.cohort(*cohort_args, label="Simulating the population")
    elapsed = time.perf_counter() - started
    shares = simulated_shares(table, four_way=True)
    what = (f"population preset {pop_name}" if pop_name else
            f"{ui.preset_words(st.session_state[state.key(PAGE, 'preset')])}: "
            + ui.care_words(care)) + f", mean reactivity {reactivity:g}, sample no. {seed}"
    before = previous(cohort_args, {name: float(r["share"]) for name, r in shares.iterrows()},
                      what)
    st.markdown(f"**{len(table):,} infants.** Share of each classification, {ui.FOUR_WAY}:")
    cols = st.columns(4)
    for col, (name, r) in zip(cols, shares.iterrows(), strict=True):
        col.markdown(ui.badge(name), unsafe_allow_html=True)
        col.metric(f"{name} share", f"{r['share']:.0%}", label_visibility="collapsed",
                   help=f"{int(r['count'])} infants; 95% Wilson interval "
                   f"{r['ci_low']:.1%} to {r['ci_high']:.1%}")
        was = f" (was {before[1][name]:.0%})" if before else ""
        col.caption(f"{int(r['count'])} infants, 95% CI {r['ci_low']:.0%}-{r['ci_high']:.0%}"
                    + was)
    st.caption(f"{what}: " + ("from the cache." if elapsed < 0.05 else
                              f"simulated in {elapsed:.1f} s."))
    if before:
        st.markdown("**Before your last change** (" + before[0] + "): " + ", ".join(
            f"{name} was {before[1][name]:.0%}, now {float(shares.loc[name, 'share']):.0%}"
            for name in shares.index) + ".")

    if source == "caregiver":
        st.info("Every infant here has the same caregiver settings, so these shares are not "
                "set beside the published distributions: those come from populations of many "
                "caregivers, caring in many ways. To compare with the studies, choose "
                "*a population preset* above.", icon=":material/info:")
    else:
        four_way = "D" in published.shares
        counted = ui.FOUR_WAY if four_way else ui.FORCED
        st.markdown(f"**Simulated beside published: {published.label}**, {counted}. "
                    "Coloured bars: simulated; grey bars: published.")
        if not four_way:
            st.caption("The published studies report only A, B and C, so here every "
                       "simulated infant is counted in its best-fitting A, B or C, "
                       "disorganized ones too: these bars are not the four-way shares above.")
        sim = simulated_shares(table, four_way=four_way)
        charts.show(charts.distribution(sim, published, four_way, len(table)), present,
                    key=f"{PAGE}.chart.dist",
                    png=lambda: compute.population_png("distribution", cohort_args, present,
                                                       published.key),
                    name="distribution")
        if get_population(pop_name).source == published.key:
            st.info(f"The population preset '{pop_name}' was fitted to these published shares "
                    "(its caregiving and temperament were calibrated so that its forced A/B/C "
                    "shares come close to them): agreement here shows the fit, not an "
                    "independent test of the model.", icon=":material/tune:")
        if published.check:
            st.caption("The published figures for single countries come from a secondary "
                       "summary of van IJzendoorn & Kroonenberg (1988); small countries rest on "
                       "one or two studies, so expect sampling error.")
    st.download_button("Download the per-infant table (CSV)", lambda: csv_bytes(cohort_args),
                       file_name="infants.csv", mime="text/csv", on_click="ignore",
                       icon=":material/download:", key=f"{PAGE}.csv")

    # one view at a time, so that a slider answers quickly
    view = st.radio("Look closer", tuple(VIEWS), key=state.key(PAGE, "view"), horizontal=True,
                    format_func=VIEWS.get)
    if view == "subgroups":
        d_share = float((table["group"] == "D").mean())
        st.markdown(f"Forced subgroups: each disorganized infant (D, {d_share:.0%} of this "
                    "population) is counted in its best-fitting subgroup.")
        charts.show(charts.subgroups(table), present, key=f"{PAGE}.chart.sub",
                    png=lambda: compute.population_png("subgroups", cohort_args, present),
                    name="subgroups")
    elif view == "episodes":
        charts.show(charts.episode_profile(table, "crying", "crying rate (per 15-s interval)"),
                    present, key=f"{PAGE}.chart.prof",
                    png=lambda: compute.population_png("episodes", cohort_args, present),
                    name="episode-profile")
        st.markdown(f"Mean crying rate per episode, by classification ({ui.FOUR_WAY}):")
        st.table(profile_table(table, "crying").map(lambda v: f"{v:.2f}"))
    elif view == "reunions":
        st.markdown(f"Mean reunion scores toward the caregiver, by classification "
                    f"({ui.FOUR_WAY}).")
        charts.show(charts.reunion_scores(table), present, key=f"{PAGE}.chart.reunion",
                    png=lambda: compute.population_png("reunions", cohort_args, present),
                    name="reunion-profile")
    elif view == "hidden":
        st.markdown("Crying (what the coder hears) beside internal arousal (what it cannot "
                    "see), episode by episode. " + hidden_distress(table))
        charts.show(charts.episode_profile(table, "crying", "crying (heard)"), present,
                    key=f"{PAGE}.chart.hcry")
        charts.show(charts.episode_profile(table, "arousal", "arousal (hidden)"), present,
                    key=f"{PAGE}.chart.har",
                    png=lambda: compute.population_png("hidden", cohort_args, present),
                    name="hidden-distress")
    elif view == "table":
        shown = [c for c in TABLE_COLUMNS if c in table.columns]
        st.dataframe(table[shown], hide_index=True, height=320,
                     column_config={c: st.column_config.NumberColumn(format="%.2f")
                                    for c in FLOAT_COLUMNS})
        st.caption("Columns prefixed internal_ (in the CSV) are the model's working model and "
                   "arousal: the coder never sees them.")
    else:
        ikey = state.key(PAGE, "infant")
        if st.session_state.get(ikey, 0) > len(table) - 1:
            st.session_state[ikey] = len(table) - 1
        infant = int(st.number_input("Infant number", 0, len(table) - 1, step=1, key=ikey,
                                     help="Any infant of this population, replayed alone "
                                     "through the Mesa model: the same infant, second by "
                                     "second."))
        args = (care_spec, pop_name, infant, int(seed), temperament)
        with st.spinner(f"Replaying infant {infant}..."):
            dyad = compute.dyad(*args)
        in_cohort = table.iloc[infant]
        same = (dyad.row["subgroup"] == in_cohort["subgroup"]
                and dyad.row["classification"] == in_cohort["classification"])
        replayed = f"{dyad.row['subgroup']}: {dyad.row['classification']}"
        st.markdown(
            f"In the population infant {infant} was classified **{in_cohort['subgroup']}, "
            f"{in_cohort['classification']}**; replayed alone it is "
            f"{ui.badge(dyad.row['classification'], replayed)}"
            f" {'(the same: it replays exactly)' if same else '(differs: please report this)'}.",
            unsafe_allow_html=True)
        st.caption(f"Its caregiver: responsiveness {dyad.row['responsiveness']:.2f}, consistency "
                   f"{dyad.row['consistency']:.2f}, warmth {dyad.row['warmth']:.2f}, frightening "
                   f"{dyad.row['frightening']:.2f}. Its temperament: reactivity "
                   f"{dyad.row['reactivity']:.2f}, soothability {dyad.row['soothability']:.2f}.")
        player.show(player.payload(
            [compute.player_dyad(args, f"Infant {infant}", replayed,
                                 ui.class_colour(dyad.row["classification"]))], 5, 0, present,
            link=False),
            key=f"{PAGE}.player")
        st.markdown("**Why the coder classified it so**")
        for line in dyad.plain:
            st.markdown(line)
        with st.expander("The coder's criterion, step by step"):
            for line in dyad.explanation.splitlines():
                st.markdown(f"- {line}")

state.save(PAGE, PARAMS, omit=omit(state.values(PAGE, PARAMS)))
