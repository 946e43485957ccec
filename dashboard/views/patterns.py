"""Three patterns: one infant raised in several ways, side by side on one clock (the rooms play
the same second of the same episode).

Two modes: the three patterns (three rooms, each with its own caregiving: by default sensitive,
rejecting and inconsistent care), and the pair that carries the core argument: the same infant,
the same responsiveness and warmth, with consistent against inconsistent care. Under each room,
the share of each classification among infants of this temperament raised the same way, so one
infant is never taken for the rule.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import compute, player, state, ui
from dashboard.state import Param
from simulation.observer import SCALES
from simulation.presets import PRESETS

PAGE = "patterns"
TRIO = ("sensitive", "rejecting", "inconsistent")
ROOMS = ("r1_", "r2_", "r3_")
THREE, PAIR = "three", "pair"
MODES = {THREE: "Three ways", PAIR: "Consistent vs inconsistent"}
#: The pair's defaults: the inconsistent preset's responsiveness and warmth, and its
#: consistency against the sensitive preset's.
PAIR_BASE = PRESETS["inconsistent"].profile
PARAMS = [
    Param("mode", "choice", THREE, options=tuple(MODES)),
    *(p for prefix, name in zip(ROOMS, TRIO, strict=True) for p in ui.care_params(name, prefix)),
    Param("responsiveness", "float", PAIR_BASE.responsiveness, 0.0, 1.0, ui.STEP),
    Param("warmth", "float", PAIR_BASE.warmth, 0.0, 1.0, ui.STEP),
    Param("high", "float", PRESETS["sensitive"].profile.consistency, 0.0, 1.0, ui.STEP),
    Param("low", "float", PAIR_BASE.consistency, 0.0, 1.0, ui.STEP),
    *ui.temperament_params(),
    ui.seed_param(),
    Param("episode", "int", 8, 1, 8),
    Param("t", "int", 0, 0, 600),
]
REUNION_SCALES = ("proximity_seeking", "contact_maintaining", "resistance", "avoidance")
INFANT = state.key(PAGE, "seed")


def label(row: dict) -> str:
    if row["group"] == "D":
        return f"D (best-fitting {row['subgroup']})"
    return f"{row['subgroup']}: {row['classification']}"


def rooms(values: dict) -> list[tuple[str, tuple[float, ...], str]]:
    """(title, caregiving (r, c, w, f, u), description) of each room in the current mode."""
    if values["mode"] == PAIR:
        r, w = values["responsiveness"], values["warmth"]
        return [("Consistent care", (r, values["high"], w, 0.0, 0.0),
                 f"steady: consistency {values['high']:g}"),
                ("Inconsistent care", (r, values["low"], w, 0.0, 0.0),
                 f"comes and goes in spells: consistency {values['low']:g}")]
    out = []
    for prefix in ROOMS:
        name = values[f"{prefix}preset"]
        care = tuple(values[f"{prefix}{n}"] for n in ui.CARE_NAMES)
        title = f"{name.capitalize()} care" if name != ui.CUSTOM else "Custom care"
        text = PRESETS[name].demonstrates if name != ui.CUSTOM else ui.care_words(care)
        out.append((title, care, text))
    return out


def patterns(values: dict) -> list[compute.CarePattern]:
    temperament = (values["reactivity"], values["soothability"])
    return [compute.care_pattern(compute.profile_spec(care), temperament)
            for _, care, _ in rooms(values)]


def typical_of_all(found: list[compute.CarePattern]) -> int:
    """The first infant whom every room's care makes what it makes of most infants (or, if no
    infant is, the one typical in the most rooms)."""
    n = len(found[0].groups)
    typical = [sum(p.groups[k] == p.modal for p in found) for k in range(n)]
    return typical.index(max(typical))


def atypical_after(found: list[compute.CarePattern], after: int) -> int | None:
    """The next infant after ``after`` (cycling) whom at least one room's care makes something
    else than most."""
    n = len(found[0].groups)
    for step in range(1, n + 1):
        k = (after + step) % n
        if any(p.groups[k] != p.modal for p in found):
            return k
    return None


def _typical(values: dict, from_url: set[str]) -> None:
    """A link (or the first visit) without an infant number opens the typical infant."""
    for prefix in ROOMS:
        ui.care_adjust(prefix)(values, from_url)
    if "seed" not in from_url:
        values["seed"] = typical_of_all(patterns(values))


def show_typical() -> None:
    st.session_state[INFANT] = typical_of_all(patterns(state.values(PAGE, PARAMS)))


def show_atypical() -> None:
    found = patterns(state.values(PAGE, PARAMS))
    current = int(st.session_state[INFANT])
    k = atypical_after(found, current if current < len(found[0].groups) else -1)
    if k is None:
        st.session_state[f"{PAGE}.none_atypical"] = True
    else:
        st.session_state[INFANT] = k


def shares_line(pattern: compute.CarePattern) -> str:
    """The care's population line: each group's share among infants like this one."""
    return f"Of {compute.TYPICAL_N} infants like this one raised so: " + " &nbsp;".join(
        f"{ui.badge(g, compute.GROUP_WORDS[g])} {share:.0%}" for g, share in pattern.shares)


def reunion_table(shown: list) -> pd.DataFrame:
    rows = []
    for title, dyad in shown:
        coding = dyad.coding
        for e in (5, 8):
            rows.append({"care": title, "episode": e,
                         **{s.replace("_", " "): int(coding.scales[0, e - 1, 0, SCALES.index(s)])
                            for s in REUNION_SCALES}})
    return pd.DataFrame(rows)


ui.page_header(
    "Three patterns",
    "The same infant (same temperament, same luck at home) raised in different ways, observed "
    "on one clock: press Play and watch the reunions (5 and 8), where the patterns differ most. "
    "*Consistent vs inconsistent* keeps responsiveness and warmth and changes only whether the "
    "care holds steady.")
values = state.load(PAGE, PARAMS, _typical)
present = ui.presentation()
collapsed = "collapsed" if present else "visible"

top = st.columns([3.3, 0.8, 1.2, 1.3, 1.4], vertical_alignment="bottom")


def mode_chosen() -> None:
    """A new mode opens its typical infant (a second click on the chosen mode deselects it:
    that keeps the three patterns)."""
    if st.session_state[state.key(PAGE, "mode")] is None:
        st.session_state[state.key(PAGE, "mode")] = THREE
    show_typical()


mode = top[0].segmented_control("Compare", tuple(MODES), key=state.key(PAGE, "mode"),
                                format_func=MODES.get, on_change=mode_chosen,
                                label_visibility=collapsed, width="stretch") or THREE
seed = ui.seed_control(PAGE, container=top[1], label=ui.INFANT_LABEL,
                       label_visibility=collapsed,
                       help="Which infant you watch, the same one in every room (infants "
                       "raised the same way differ in their luck at home). The page opens on "
                       "an infant typical of every room's care.")
top[2].button("Typical infant", on_click=show_typical, width="stretch",
              key=f"{PAGE}.typical",
              help="The first infant whom every room's care makes what it makes of most.")
top[3].button("Atypical infant", on_click=show_atypical, width="stretch",
              key=f"{PAGE}.atypical",
              help="The next infant whom at least one room's care makes something else than "
              "most.")
with top[4].popover("Temperament", width="stretch"):
    reactivity, soothability = ui.temperament_controls(PAGE)

if mode == PAIR:
    cols = st.columns(4)
    cols[0].slider("Responsiveness (both)", 0.0, 1.0, step=ui.STEP,
                   key=state.key(PAGE, "responsiveness"), help=ui.CARE_HELP["responsiveness"])
    cols[1].slider("Warmth (both)", 0.0, 1.0, step=ui.STEP,
                   key=state.key(PAGE, "warmth"), help=ui.CARE_HELP["warmth"])
    # short labels: one line each at 1280 px in presentation mode
    cols[2].slider("Consistency, consistent", 0.0, 1.0, step=ui.STEP,
                   key=state.key(PAGE, "high"))
    cols[3].slider("Consistency, inconsistent", 0.0, 1.0, step=ui.STEP,
                   key=state.key(PAGE, "low"))
else:
    cols = st.columns(3)
    for i, (prefix, col) in enumerate(zip(ROOMS, cols, strict=True)):
        inner = col.columns([2.3, 1], vertical_alignment="bottom")
        ui.care_controls(PAGE, prefix=prefix, title=f"Room {i + 1}", container=inner[0],
                         sliders=inner[1].popover("", icon=":material/tune:", width="stretch",
                                                  help="The four caregiving sliders"),
                         on_preset=show_typical, describe=False, label_visibility=collapsed)

current = state.values(PAGE, PARAMS)
temperament = (reactivity, soothability)
shown, cares = [], []
with st.spinner("Raising the infant in each room..."):
    found = patterns(current)
    for (title, care, text), pattern in zip(rooms(current), found, strict=True):
        args = (compute.profile_spec(care), None, int(seed), compute.TYPICAL_SEED, temperament)
        dyad = compute.dyad(*args)
        row = dyad.row
        cares.append((title, care, text, pattern, args, dyad))
        shown.append(compute.player_dyad(args, title, label(row),
                                         ui.class_colour(row["classification"])))
if st.session_state.pop(f"{PAGE}.none_atypical", False):
    st.info("Every infant was classified alike in every room: there is no atypical one.",
            icon=":material/info:")
player.show(player.payload(shown, int(values["episode"]), int(values["t"]), present),
            key=f"{PAGE}.player")

columns = st.columns(len(cares), gap="medium")
for col, (title, _care, _text, pattern, _args, dyad) in zip(columns, cares, strict=True):
    with col:
        st.markdown(f"**{title}**: infant no. {int(seed)} is "
                    f"{ui.badge(dyad.row['classification'], label(dyad.row))}, "
                    f"{compute.share_sentence(pattern, dyad.row['group'])}.",
                    unsafe_allow_html=True)
        st.markdown(shares_line(pattern), unsafe_allow_html=True)

st.subheader("Why each was classified so")
columns = st.columns(len(cares), gap="medium")
for col, (title, care, text, _pattern, _args, dyad) in zip(columns, cares, strict=True):
    with col:
        st.markdown(f"**{title}** {ui.badge(dyad.row['classification'], label(dyad.row))}",
                    unsafe_allow_html=True)
        st.caption(f"{ui.care_words(care)}: {text}")
        for line in dyad.plain:
            st.markdown(line)

st.subheader("Reunion scores toward the caregiver")
st.table(reunion_table([(title, dyad) for title, *_, dyad in cares]), hide_index=True)
st.caption("Ainsworth's interactive scales, 1 (none) to 7 (very strong). High avoidance in the "
           "reunions points to A, resistance together with proximity seeking to C.")

with st.expander("Downloads: each infant's whole procedure (PNG) and reunions (GIF)"):
    for i, (title, *_, args, dyad) in enumerate(cares):
        name = f"room-{i + 1}"
        heading = f"{title}: {dyad.row['classification']}"
        st.download_button(f"{title}, second by second (PNG)",
                           lambda a=args, t=heading: compute.trace_png("ethogram", a, present, t),
                           file_name=f"ethogram-{name}.png", mime="image/png",
                           on_click="ignore", icon=":material/download:",
                           key=f"{PAGE}.dl.{name}")
        st.download_button(f"{title}, episode 8 animated (GIF)",
                           lambda a=args: compute.episode_gif(a, 8, present),
                           file_name=f"episode-8-{name}.gif", mime="image/gif",
                           on_click="ignore", icon=":material/download:",
                           key=f"{PAGE}.dl.gif.{name}")

shown_values = state.values(PAGE, PARAMS)
omit = {"seed"} | {f"{prefix}{n}" for prefix in ROOMS for n in ui.CARE_NAMES
                   if shown_values[f"{prefix}preset"] != ui.CUSTOM}
state.save(PAGE, PARAMS, omit=omit,
           extra={} if int(shown_values["seed"]) == typical_of_all(found)
           else {"seed": str(shown_values["seed"])})
