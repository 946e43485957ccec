"""You be the coder: watch a reunion, score it, classify, then compare with the observer."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import compute, player, state, ui
from dashboard.state import Param
from simulation.observer import SCALE_TABLES, SCALES, describe_scale
from simulation.plots.room import describe_second
from simulation.population_presets import get_population

PAGE = "coder"
N_MYSTERY = 100
PARAMS = [
    Param("infant", "int", 1, 1, N_MYSTERY),
    Param("episode", "int", 8, 5, 8, options=(5, 8)),
    ui.seed_param(),
]
SCORED = ("proximity_seeking", "contact_maintaining", "resistance", "avoidance")
CHOICES = ("secure", "avoidant", "ambivalent")
#: Where the mystery infants come from: each is one infant of this population preset, with its
#: own caregiving and temperament drawn from the population (hidden until the student scored).
MYSTERY_POPULATION = "low-risk-abcd"


def anchors_help(index: int) -> str:
    table = SCALE_TABLES[index]
    lines = [f"1: {table.none}"] + [f"{a.point}: {a.meaning}"
                                     for a in sorted(table.anchors, key=lambda a: a.point)]
    return "  \n".join(lines)


def running_record(trace: pd.DataFrame, episode: int, every: int = 5) -> pd.DataFrame:
    """What a coder would jot down: the behaviour every few seconds of the episode."""
    rows = trace[trace["episode"] == episode]
    out = []
    for _, r in rows.iloc[::every].iterrows():
        t = int(r["t_in_episode"])
        out.append({"time": f"{t // 60}:{t % 60:02d}", "what the infant does":
                    describe_second(r)})
    return pd.DataFrame(out)


ui.page_header(
    "You be the coder",
    "Behind the one-way mirror you see only what the infant does. Watch a reunion, score "
    "Ainsworth's scales toward the caregiver, choose a classification, then compare with the "
    "simulated observer. You will not know how this infant was cared for until you have "
    "scored it.")
state.load(PAGE, PARAMS)

c1, c2, c3 = st.columns([1, 1, 1])
infant = int(c1.number_input("Mystery infant", 1, N_MYSTERY, step=1,
                             key=state.key(PAGE, "infant")))
episode = int(c2.radio("Reunion", (5, 8), key=state.key(PAGE, "episode"), horizontal=True,
                       format_func=lambda e: f"episode {e}"))
seed = ui.seed_control(PAGE, container=c3, label="Set of infants (seed)")

args = (None, MYSTERY_POPULATION, infant, int(seed), None)
with st.spinner("Bringing the infant into the room..."):
    dyad = compute.dyad(*args)
trace = dyad.trace
case = (infant, episode, int(seed))
#: every answer widget belongs to one case: another infant starts with a blank sheet
answer = f"{PAGE}.{infant}.{episode}.{int(seed)}"


def compare() -> None:
    """The student submits (a callback: the page then runs with the answers shown)."""
    if st.session_state.get(f"{answer}.choice") is None:
        st.session_state[f"{PAGE}.need_choice"] = True
    else:
        st.session_state[f"{PAGE}.submitted"] = case


submitted = (st.session_state.get(f"{PAGE}.submitted") == case
             and st.session_state.get(f"{answer}.choice") is not None)

head, switch = st.columns([3, 1], vertical_alignment="bottom")
head.subheader(f"Episode {episode}: the caregiver returns")
labels_on = switch.toggle(
    "Labels on", key=f"{PAGE}.labels",
    help="For the instructor: the words for what the infant does, in the room and as a "
    "running record. A student scores from the poses alone; the words appear once the "
    "scores are compared.")
# the student observes: the coder's scored moments, the words for what the infant does and the
# running record stay hidden until the scores are compared (or the instructor turns labels on)
words = labels_on or submitted
player.show(player.payload([compute.player_dyad(args, f"Mystery infant {infant}", "",
                                                "#666666")],
                           episode, 0, ui.presentation(), scored=False, labels=words,
                           link=False),
            key=f"{PAGE}.player")
seconds = int((trace["episode"] == episode).sum())
st.caption(f"The episode ran {seconds} s. A reunion is lengthened until the infant is "
           "reasonably comforted.")

record, score = st.columns([1, 1], gap="large")
with record:
    st.subheader("The running record")
    if words:
        st.caption("What the infant does every 5 s of the episode, as a coder would jot it "
                   "down.")
        st.dataframe(running_record(trace, episode), hide_index=True, height=360)
    else:
        st.caption("Hidden until you compare your scores: watch the infant's poses in the room "
                   "(the legend under the player says what each pose shows), as a coder "
                   "behind the mirror would. Then the record shows what it did every 5 s.")

with score:
    st.subheader("Your scores toward the caregiver")
    yours = {}
    for name in SCORED:
        i = SCALES.index(name)
        yours[name] = st.slider(SCALE_TABLES[i].title, 1, 7, 1, key=f"{answer}.score.{name}",
                                help=anchors_help(i))
    choice = st.radio("Your classification", CHOICES, key=f"{answer}.choice", horizontal=True,
                      index=None)
    lapses = st.checkbox("I saw disorganized lapses", key=f"{answer}.d",
                         help="Freezing, an approach broken off, or apprehension of the "
                         "caregiver (Main & Solomon 1990).")
    st.button("Compare with the observer", type="primary", key=f"{PAGE}.compare",
              on_click=compare)
    if st.session_state.pop(f"{PAGE}.need_choice", False):
        st.warning("Choose a classification first.")

if submitted:
    st.divider()
    row = dyad.row
    observer = {name: int(dyad.coding.scales[0, episode - 1, 0, SCALES.index(name)])
                for name in SCORED}
    table = pd.DataFrame({
        "scale": [SCALE_TABLES[SCALES.index(n)].title for n in SCORED],
        "yours": [yours[n] for n in SCORED],
        "observer": [observer[n] for n in SCORED],
    })
    table["difference"] = table["yours"] - table["observer"]
    matched = int((table["difference"].abs() <= 1).sum())
    m1, m2, m3 = st.columns(3)
    m1.metric("Scales within one point", f"{matched} of {len(SCORED)}")
    m2.metric("Your classification", choice)
    m3.metric("The observer's", f"{row['classification']} ({row['subgroup']})")
    pattern = compute.population_pattern(MYSTERY_POPULATION, int(seed))
    st.caption(f"Mystery infant {infant} is "
               + compute.share_sentence(pattern, row["group"], "of this population who are")
               + ". Try another number for a different case.")
    same = choice == row["classification"] or (row["group"] == "D"
                                                 and choice == CHOICES[["B", "A", "C"].index(
                                                     row["abc_group"])])
    if same:
        st.success("You agree with the observer's classification.")
    else:
        st.warning("You and the observer disagree. Look at the scales where you differ most, "
                   "and remember the observer weighs both reunions.")
    st.table(table.set_index("scale"))
    st.markdown("**Why the observer scored as it did** (episode "
                f"{episode}, toward the caregiver):")
    for name in SCORED:
        st.markdown("- " + describe_scale(dyad.coding, 0, episode, 0, SCALES.index(name)))
    st.markdown("**Why, in plain words:**")
    for line in dyad.plain:
        st.markdown(line)
    with st.expander("The observer's whole reasoning (both reunions)"):
        for line in dyad.explanation.splitlines():
            st.markdown(f"- {line}")
    if row["d_rating"] >= 5 or lapses:
        st.info(f"Disorganization rating: {row['d_rating']} of 9 (D at 5 or above). You "
                f"{'did' if lapses else 'did not'} mark lapses.")
    st.markdown(
        f"**How this infant was cared for** (drawn from the population "
        f"'{MYSTERY_POPULATION}': {get_population(MYSTERY_POPULATION).description.split(':')[0]}"
        f"): responsiveness {row['responsiveness']:.2f}, consistency {row['consistency']:.2f}, "
        f"warmth {row['warmth']:.2f}, frightening {row['frightening']:.2f}; its temperament: "
        f"reactivity {row['reactivity']:.2f}, soothability {row['soothability']:.2f}.")
    st.caption("The observer never sees the caregiving; nor did you. Same caregiving does not "
               "always give the same classification: temperament and chance matter too.")

state.save(PAGE, PARAMS)
