"""Change over time: care that improves at a chosen age, or a second, responsive caregiver."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, compute, state, ui
from dashboard.state import Param
from simulation.presets import PRESETS
from simulation.stats import CLASSES
from simulation.working_model import WM_VARIABLES

PAGE = "change"
SIZES = (100, 200, 400, 800)
PARAMS = [
    Param("scenario", "choice", "improves", options=("improves", "second")),
    Param("before", "choice", "inconsistent", options=ui.PRESET_NAMES),
    Param("after", "choice", "sensitive", options=ui.PRESET_NAMES),
    Param("month", "int", 6, 1, 11),
    Param("primary", "choice", "rejecting", options=ui.PRESET_NAMES),
    Param("second", "choice", "sensitive", options=ui.PRESET_NAMES),
    Param("share", "float", 0.4, 0.05, 0.95, ui.STEP),
    Param("from_month", "int", 0, 0, 11),
    Param("n", "int", 400, 1, 800, options=SIZES),
    ui.seed_param(),
]
#: Infants whose home year is followed month by month (the course is an average).
COURSE_N = 200
#: Working-model variables drawn month by month.
COURSE_VARIABLES = ("trust", "volatility", "rebuff", "fear")


def profile(name: str) -> tuple:
    return tuple(PRESETS[name].profile.as_dict().values())


def shares_row(table: pd.DataFrame) -> dict[str, float]:
    counts = table["classification"].value_counts(normalize=True)
    return {c: float(counts.get(c, 0.0)) for c in CLASSES}


def shares_table(rows: dict[str, pd.DataFrame]) -> pd.DataFrame:
    out = pd.DataFrame({label: shares_row(t) for label, t in rows.items()}).T
    return (out * 100).round().astype(int).astype(str) + "%"


def course_frame(course: pd.DataFrame, line_of: dict[str, str]) -> pd.DataFrame:
    out = course[course["caregiver"].isin(line_of)].copy()
    out["line"] = out["caregiver"].map(line_of)
    return out


def omit(values) -> set[str]:
    if values["scenario"] == "improves":
        return {"primary", "second", "share", "from_month"}
    return {"before", "after", "month"}


ui.page_header(
    "Change over time",
    "Attachment is learned, and it can change when care changes (Bakermans-Kranenburg, van "
    "IJzendoorn & Juffer 2003); it is also specific to each relationship (Fox, Kimmerly & "
    "Schafer 1991). Try care that improves at a chosen age, or a second caregiver who shares "
    "the care. " + ui.legend_line())
state.load(PAGE, PARAMS)

left, right = st.columns([1, 2.7], gap="large")
with left:
    st.subheader("Settings")
    scenario = st.radio("Scenario", ("improves", "second"), key=state.key(PAGE, "scenario"),
                        format_func=lambda s: {"improves": "care changes at an age",
                                               "second": "a second caregiver"}[s])
    if scenario == "improves":
        before = st.selectbox("Care from birth", ui.PRESET_NAMES,
                              key=state.key(PAGE, "before"))
        after = st.selectbox("Care after the change", ui.PRESET_NAMES,
                             key=state.key(PAGE, "after"))
        month = st.slider("Month of the change", 1, 11, key=state.key(PAGE, "month"))
    else:
        primary = st.selectbox("First caregiver", ui.PRESET_NAMES,
                               key=state.key(PAGE, "primary"))
        second = st.selectbox("Second caregiver", ui.PRESET_NAMES,
                              key=state.key(PAGE, "second"))
        share = st.slider("Share of care by the second caregiver", 0.05, 0.95, step=ui.STEP,
                          key=state.key(PAGE, "share"))
        from_month = st.slider("Second caregiver from month", 0, 11,
                               key=state.key(PAGE, "from_month"))
    n = st.select_slider("Number of infants", SIZES, key=state.key(PAGE, "n"))
    seed = ui.seed_control(PAGE)

present = ui.presentation()
with right:
    if scenario == "improves":
        changed = ("history", ((0.0, profile(before)), (float(month), profile(after))))
        runs = {
            f"{before}, then {after} from month {month}": changed,
            f"{before} all year": ("profile", profile(before)),
            f"{after} from birth": ("profile", profile(after)),
        }
        short = ("With the change", "Without the change", f"{after.capitalize()} from birth")
        tables = {}
        bar = st.progress(0.0, text="Raising three groups of infants...")
        for i, (label, spec) in enumerate(runs.items()):
            tables[label] = compute.cohort(spec, None, int(n), int(seed), label=None)
            bar.progress((i + 1) / len(runs), text=f"Raising three groups ({i + 1} of 3)")
        bar.empty()
        labels = list(tables)
        cols = st.columns(3)
        for col, label, name in zip(cols, labels, short, strict=True):
            col.metric(f"Secure: {name.lower()}", f"{shares_row(tables[label])['secure']:.0%}",
                       help=f"Share of infants classified secure at 12 months: {label}.")
        st.markdown("**Classification at 12 months** (the Strange Situation with the caregiver):")
        st.table(shares_table(tables))
        course = compute.monthly_course(changed, COURSE_N, int(seed))
        unchanged = compute.monthly_course(runs[labels[1]], COURSE_N, int(seed))
        frame = pd.concat([
            course_frame(course, {"primary": "with the change"}),
            course_frame(unchanged, {"primary": "without the change"})])
        st.markdown("**The working model, month by month** (internal: the coder never sees "
                    "it; line: mean, band: the middle half of the infants):")
        charts.show(charts.working_model_course(frame, COURSE_VARIABLES, month), present,
                    key=f"{PAGE}.chart.course",
                    png=lambda: compute.course_png(frame, month, present),
                    name="working-model-course")
        trust_end = frame[(frame["variable"] == "trust") & (frame["month"] == frame["month"].max())]
        st.caption("Trust at 12 months: " + ", ".join(
            f"{r.line} {r.mean:.2f}" for r in trust_end.itertuples()) + ". The dashed line marks "
            "the change; the working model moves at the infant's learning rate, so what it "
            "learned before the change still weighs on it.")
    else:
        spec = ("two", ((0.0, profile(primary)),), ((0.0, profile(second)),), float(share),
                float(from_month))
        with_first = compute.cohort(spec, None, int(n), int(seed), caregiver="primary",
                                    label="The Strange Situation with the first caregiver")
        with_second = compute.cohort(spec, None, int(n), int(seed), caregiver="secondary",
                                     label="The Strange Situation with the second caregiver")
        c1, c2, c3 = st.columns(3)
        c1.metric("Secure with the first", f"{shares_row(with_first)['secure']:.0%}",
                  help=f"The Strange Situation with the first caregiver ({primary} care).")
        c2.metric("Secure with the second", f"{shares_row(with_second)['secure']:.0%}",
                  help=f"The Strange Situation with the second caregiver ({second} care).")
        agree = float((with_first["classification"].to_numpy()
                       == with_second["classification"].to_numpy()).mean())
        c3.metric("Same with both", f"{agree:.0%}",
                  help="The same infants observed twice, once with each caregiver. With mother "
                  "and with father, agreement is only modest (Fox, Kimmerly & Schafer 1991).")
        st.markdown("**Classification with each caregiver** (same infants):")
        st.table(shares_table({f"with the first ({primary})": with_first,
                               f"with the second ({second})": with_second}))
        cross = pd.crosstab(with_first["classification"].to_numpy(),
                            with_second["classification"].to_numpy()).reindex(
            index=list(CLASSES), columns=list(CLASSES), fill_value=0)
        cross.index.name = None
        cross.columns.name = None
        st.markdown("Infants by their classification with the first caregiver (rows) and with "
                    "the second (columns):")
        st.table(cross)
        course = compute.monthly_course(spec, COURSE_N, int(seed))
        frame = course_frame(course, {"primary": f"first caregiver ({primary})",
                                      "secondary": f"second caregiver ({second})"})
        st.markdown("**The working model of each caregiver, month by month** (internal; line: "
                    "mean, band: the middle half of the infants):")
        charts.show(charts.working_model_course(frame, COURSE_VARIABLES, from_month or None),
                    present, key=f"{PAGE}.chart.course2",
                    png=lambda: compute.course_png(frame, from_month or None, present),
                    name="working-model-two-caregivers")
        st.caption("The infant learns a working model of each caregiver from what each one "
                   "did: one model per relationship.")
    with st.expander("What the working-model variables mean"):
        st.markdown("\n".join(f"- **{k.replace('_', ' ')}**: {v}"
                              for k, v in WM_VARIABLES.items()))
    st.caption("Stability of infant classifications is high in stable families and lower when "
               "life circumstances change (Waters 1978; Vaughn, Egeland, Sroufe & Waters 1979). "
               "'Earned security' is a term for adults; for infants we speak of change in "
               "security.")

state.save(PAGE, PARAMS, omit=omit(state.values(PAGE, PARAMS)))
