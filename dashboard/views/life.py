"""A life: one person from birth to 30, what-ifs, and a population's flows from infancy to
adulthood (the life course, :mod:`simulation.life`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, compute, life_charts, life_compute, life_words, state, ui
from dashboard.player import reunion as reunion_player
from dashboard.state import Param
from simulation.population_presets import population_names

PAGE = "life"
WHAT_IF_DEFAULT_AGE = {"none": 22, "partner": 22, "therapy": 28}
WHAT_IF_LABELS = {"none": "none (the life as drawn)",
                  "partner": "a responsive partner from this age",
                  "therapy": "a year of therapy from this age"}
POPULATION_SIZES = (500, 1000, 2000)
PARAMS = [
    *ui.care_params("inconsistent"),
    *ui.temperament_params(),
    ui.seed_param(),
    Param("whatif", "choice", "partner", options=tuple(WHAT_IF_LABELS)),
    Param("at", "int", 22, 16, 29),
    Param("pop", "choice", "global", options=population_names()),
    Param("persons", "int", 1000, 500, 2000, options=POPULATION_SIZES),
]
CAUTION = (
    "**Read with care.** Continuity from infancy to adulthood is *modest* in the longitudinal "
    "studies (the table below gives their figures; some samples found none): most ambivalent "
    "infants do not become anxious adults, and many secure infants do not stay secure. The "
    "adult styles here are *self-report* (ECR-style questionnaires), which relates only "
    "weakly to the Adult Attachment Interview (Roisman et al. 2007): the two are not the same "
    "measure. This is a *teaching model*, not a diagnosis of anyone: no one's childhood fixes "
    "their adult relationships, and the popular accounts of attachment styles overstate how "
    "certain the link is.")

ui.page_header(
    "A life",
    "One person from birth to 30: the care they received, life events, other figures, "
    "partners and therapy, and the working model all of it revised. Then a what-if for the same "
    "person, and a whole population's paths from the infant at 12 months to the adult at 30.")
values = state.load(PAGE, PARAMS, ui.care_adjust())


def on_what_if() -> None:
    kind = st.session_state[state.key(PAGE, "whatif")]
    state.set_value(PAGE, "at", WHAT_IF_DEFAULT_AGE[kind])


left, right = st.columns([1, 3.2], gap="medium")
with left:
    st.subheader("The person")
    care = ui.care_controls(PAGE, title="Parents' care")
    st.markdown("**Temperament**")
    reactivity, soothability = ui.temperament_controls(PAGE)
    seed = ui.seed_control(PAGE, label=ui.INFANT_LABEL,
                           help="Which infant of this care: the same number is the same infant "
                           "in Watch, and the same life here.")
    st.subheader("What if")
    what_if = st.radio("Give the same person", tuple(WHAT_IF_LABELS),
                       format_func=WHAT_IF_LABELS.get, key=state.key(PAGE, "whatif"),
                       on_change=on_what_if,
                       help="The same life, changed from this age on; everything before "
                       "stays as drawn.")
    what_if_age = int(st.slider("From age", 16, 29, step=1, key=state.key(PAGE, "at"),
                                disabled=what_if == "none"))

present = ui.presentation()
spec = compute.profile_spec(care)
temperament = (reactivity, soothability)
with right:
    with st.spinner("Living a life from birth to 30..."):
        base, changed = life_compute.people_and_what_if(spec, temperament, int(seed), what_if,
                                                        float(what_if_age))
    person = base.person
    row = person.row
    crow = changed.person.row if changed is not None else None
    watch_query = {"seed": str(int(seed))}
    if values["preset"] != ui.CUSTOM:
        watch_query["preset"] = values["preset"]
    else:
        watch_query.update({"preset": ui.CUSTOM, **{n: f"{v:g}" for n, v in
                                                     zip(ui.CARE_NAMES, care, strict=True)}})
    watch_query.update({"reactivity": f"{reactivity:g}", "soothability": f"{soothability:g}"})
    cols = st.columns([0.9, 1.5, 1, 1.3])
    cols[0].metric("Infant at 12 months", row["infant_group"],
                   help=f"{life_words.GROUP_WORDS[row['infant_group']]}: the coded Strange "
                   "Situation at 12 months (open it in Watch below).")
    cols[1].metric("Adult style at 30", row["adult_style"],
                   help="Bartholomew & Horowitz's four styles from the self-report: secure, "
                   "preoccupied (anxious-preoccupied), dismissing (dismissive-avoidant), "
                   "fearful (fearful-avoidant).")
    cols[2].metric("Anxiety at 30", f"{row['adult_anxiety']:.1f}",
                   help="ECR-style attachment anxiety (1-7), read mostly from the romantic "
                   "model (the partner's), partly from the general model, with the person's "
                   "temperament (negative emotionality) and measurement error.")
    if crow is not None:
        cols[3].metric(f"With the what-if ({what_if})", f"{crow['adult_anxiety']:.1f}",
                       delta=f"{crow['adult_anxiety'] - row['adult_anxiety']:+.1f}",
                       delta_color="inverse",
                       help=f"The same person's anxiety at 30 with the what-if; style: "
                       f"{crow['adult_style']}.")
    st.page_link("views/watch.py", label="Watch this infant at 12 months",
                 help="Its Strange Situation on the Watch page: the same care, temperament and "
                 "infant number.", icon=":material/visibility:", query_params=watch_query)

    shown_age = float(what_if_age) if changed is not None else None
    rows = life_charts.timeline_rows(person.years, person.partners, person.events)
    if changed is not None:
        extra = life_charts.timeline_rows(changed.person.years, changed.person.partners, [])
        extra = extra[(extra["lane"].isin(["partners", "therapy"]))
                      & (extra["from"] >= what_if_age)]
        extra = extra.assign(lane=f"with the what-if: {what_if}")
        rows = pd.concat([rows, extra], ignore_index=True)
    charts.show(life_charts.timeline(rows, shown_age), present, key=f"{PAGE}.chart.timeline")
    frames = {"as drawn": person.years}
    if changed is not None:
        frames[f"what-if: {what_if}"] = changed.person.years
    charts.show(life_charts.model_course(frames, shown_age), present,
                key=f"{PAGE}.chart.model")

    plane_col, reunion_col = st.columns([1, 1.1], gap="medium")
    with plane_col:
        points = [{"life": "as drawn", "adult_anxiety": row["adult_anxiety"],
                   "adult_avoidance": row["adult_avoidance"]}]
        if crow is not None:
            points.append({"life": f"with the what-if ({what_if})",
                           "adult_anxiety": crow["adult_anxiety"],
                           "adult_avoidance": crow["adult_avoidance"]})
        charts.show(life_charts.plane(base.table, pd.DataFrame(points)), present,
                    key=f"{PAGE}.chart.plane")
        st.caption(f"Grey: the {len(base.table)} people raised the same way (the same care "
                   "and temperament, other draws of chance), as drawn.")
    with reunion_col:
        st.markdown("##### The adult separation and reunion")
        st.caption("A couple waits at a departure gate, the partner leaves for three minutes "
                   "and comes back (after Fraley & Shaver 1998). An observer who sees only "
                   "the behaviour rates it.")
        scenes = [reunion_player.Scene("As drawn", life_charts.STYLE_NAMES[row["adult_style"]],
                                       life_charts.STYLE_COLOURS[row["adult_style"]],
                                       person.reunion)]
        if changed is not None:
            scenes.append(reunion_player.Scene(
                f"With the what-if ({what_if})", life_charts.STYLE_NAMES[crow["adult_style"]],
                life_charts.STYLE_COLOURS[crow["adult_style"]], changed.person.reunion))
        reunion_player.show(reunion_player.payload(
            scenes, present, key=f"{seed}:{spec}:{temperament}:{what_if}:{what_if_age}"),
            key=f"{PAGE}.reunion")

    st.markdown("##### Why, in plain words")
    for line in life_words.why(person, what_if, what_if_age,
                               changed.person if changed is not None else None):
        st.markdown(line)
    if changed is not None:
        text, _ = life_words.what_if_share(base.table, changed.table, what_if, what_if_age)
        st.info(text, icon=":material/groups:")

st.divider()
st.subheader("A population: from the infant to the adult")
pop_col, size_col, _ = st.columns([1, 1, 2])
population = pop_col.selectbox("Population", population_names(), key=state.key(PAGE, "pop"),
                               help="A population of caregivers (as on the Population page).")
persons = size_col.selectbox("Persons", POPULATION_SIZES, key=state.key(PAGE, "persons"))
with st.spinner("Living a population's lives..."):
    lives = life_compute.population(population, int(persons))
flow_col, caution_col = st.columns([1.2, 1], gap="medium")
with flow_col:
    counts = life_charts.flow_counts(lives)
    charts.show(life_charts.flows(counts), present, key=f"{PAGE}.chart.flows")
    st.caption("Each band: the persons of one infant group (left: A, B, C, D, coded at 12 "
               "months) who report one adult style at 30 (right: secure, preoccupied, "
               "dismissing, fearful). Hover a band for its count.")
with caution_col:
    st.warning(CAUTION, icon=":material/info:")
st.markdown("##### Continuity here and in the studies")
st.caption(f"The life-course checks of `ssp validate` run on these {len(lives):,} lives "
           "(nothing in the life course was fitted to them). \"agrees\": within the check's "
           "stated margin at this population's size.")
st.table(life_words.continuity(lives), hide_index=True)

state.save(PAGE, PARAMS, omit=ui.care_omit(state.values(PAGE, PARAMS)))
