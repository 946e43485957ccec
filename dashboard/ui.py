"""Shared pieces of every page: presentation mode, PNG bytes of an exported figure, the
caregiving controls (a preset or sliders), classification badges, and the names of the two ways
of counting classifications (four-way A/B/C/D, or forced A/B/C).

Colours come from :mod:`simulation.plots.style`: one colour per classification on every page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st
from matplotlib.figure import Figure

from dashboard import state
from dashboard.state import Param
from simulation.caregiving import PROFILE_PARAMETERS
from simulation.plots.style import CLASS_COLOURS, GROUP_COLOURS
from simulation.presets import PRESETS

CUSTOM = "custom"
PRESET_NAMES = tuple(PRESETS)
CARE_NAMES = tuple(PROFILE_PARAMETERS)
#: Slider step for every [0, 1] parameter: coarse enough that the cache is hit.
STEP = 0.05
MAX_SEED = 99_999

#: Short labels of the caregiving parameters (sliders).
CARE_LABELS = {
    "responsiveness": "Responsiveness",
    "consistency": "Consistency",
    "warmth": "Warmth (accepts close contact)",
    "frightening": "Frightening",
}
CARE_HELP = {name: text[0].upper() + text[1:] + "." for name, text in PROFILE_PARAMETERS.items()}

#: Every page: less empty space above the title (the room must fit above the fold at 1280 x 720),
#: and numbers, labels and badges that wrap instead of being cut off with an ellipsis.
BASE_CSS = """<style>
.stMainBlockContainer, .block-container { padding-top: 4rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] > div,
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] div, [data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricValue"] { font-size: 1.9rem; line-height: 1.2; }
.ssp-badge { display: inline-block; white-space: nowrap; }
</style>"""
#: Presentation mode: Streamlit sizes text in rem, so a larger root font enlarges everything.
PRESENTATION_CSS = """<style>
html { font-size: 21px !important; }
h1 { font-size: 2.1rem !important; padding-top: 0 !important; }
</style>"""
#: The two ways of counting classifications, named the same way on every page.
FOUR_WAY = "four-way (A, B, C and D)"
FORCED = "forced A/B/C (each D infant counted in its best-fitting group)"


def presentation() -> bool:
    """True in presentation (projector) mode: larger fonts and figures."""
    return bool(st.session_state.get(state.PRESENT, False))


def page_header(title: str, intro: str) -> None:
    st.html(BASE_CSS)
    if presentation():
        st.html(PRESENTATION_CSS)
    st.title(title)
    st.markdown(intro, unsafe_allow_html=True)


def png_bytes(fig: Figure, dpi: int | None = None) -> bytes:
    """A figure as PNG bytes (in memory; nothing is written to disk)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi or 110, facecolor="white")
    return buf.getvalue()


def class_colour(classification: str) -> str:
    """The colour of a classification (or group letter) on every page."""
    return CLASS_COLOURS.get(classification, GROUP_COLOURS.get(classification, "#666666"))


def badge(classification: str, text: str | None = None) -> str:
    """An HTML badge in the classification's colour (markdown with ``unsafe_allow_html``)."""
    colour = class_colour(classification)
    label = text or classification
    return (f"<span class='ssp-badge' style='background:{colour};color:white;"
            f"padding:0.15em 0.55em;border-radius:0.4em;font-weight:600'>{label}</span>")


def legend_line() -> str:
    """The colour of each classification, as used on every page."""
    return "Colours: " + " ".join(badge(c) for c in CLASS_COLOURS)


# --- caregiving controls ------------------------------------------------------------------


def care_params(default: str = "sensitive", prefix: str = "") -> list[Param]:
    """URL settings of a caregiving control: a preset, or four sliders (``custom``)."""
    profile = PRESETS[default].profile
    out = [Param(f"{prefix}preset", "choice", default, options=PRESET_NAMES + (CUSTOM,))]
    for name in CARE_NAMES:
        out.append(Param(f"{prefix}{name}", "float", getattr(profile, name), 0.0, 1.0, STEP))
    return out


def care_adjust(prefix: str = "") -> Callable[[dict[str, Any], set[str]], None]:
    """A preset from the URL sets the sliders; sliders without a preset mean ``custom``."""

    def adjust(values: dict[str, Any], from_url: set[str]) -> None:
        p = f"{prefix}preset"
        sliders = {f"{prefix}{n}" for n in CARE_NAMES}
        if p not in from_url and sliders & from_url:
            values[p] = CUSTOM
        if values[p] != CUSTOM:
            profile = PRESETS[values[p]].profile
            for name in CARE_NAMES:
                values[f"{prefix}{name}"] = getattr(profile, name)

    return adjust


def care_omit(values: dict[str, Any], prefix: str = "") -> set[str]:
    """Slider settings left out of the URL when a named preset already says them."""
    if values[f"{prefix}preset"] == CUSTOM:
        return set()
    return {f"{prefix}{n}" for n in CARE_NAMES}


def care_controls(page: str, prefix: str = "", title: str = "Caregiving",
                  container=None) -> tuple[float, ...]:
    """A preset selector and the four caregiving sliders; returns (r, c, w, f)."""
    box = container or st
    pkey = state.key(page, f"{prefix}preset")

    def on_preset() -> None:
        name = st.session_state[pkey]
        if name != CUSTOM:
            profile = PRESETS[name].profile
            for n in CARE_NAMES:
                state.set_value(page, f"{prefix}{n}", getattr(profile, n))

    def on_slider() -> None:
        st.session_state[pkey] = CUSTOM

    box.selectbox(f"{title}: preset", PRESET_NAMES + (CUSTOM,), key=pkey, on_change=on_preset,
                  format_func=lambda n: n if n != CUSTOM else "custom (sliders)",
                  help="A named way of caring; moving a slider makes it custom.")
    name = st.session_state[pkey]
    if name != CUSTOM:
        box.caption(f"{PRESETS[name].demonstrates} ({PRESETS[name].reference})")
    values = []
    for n in CARE_NAMES:
        values.append(box.slider(CARE_LABELS[n], 0.0, 1.0, step=STEP,
                                 key=state.key(page, f"{prefix}{n}"), on_change=on_slider,
                                 help=CARE_HELP[n]))
    return tuple(values)


def temperament_params(prefix: str = "") -> list[Param]:
    return [Param(f"{prefix}reactivity", "float", 0.5, 0.0, 1.0, STEP),
            Param(f"{prefix}soothability", "float", 0.5, 0.0, 1.0, STEP)]


def temperament_controls(page: str, prefix: str = "", container=None) -> tuple[float, float]:
    box = container or st
    r = box.slider("Infant reactivity", 0.0, 1.0, step=STEP,
                   key=state.key(page, f"{prefix}reactivity"),
                   help="How strongly situations raise the infant's arousal (temperament).")
    s = box.slider("Infant soothability", 0.0, 1.0, step=STEP,
                   key=state.key(page, f"{prefix}soothability"),
                   help="How fast contact with the caregiver calms the infant (temperament).")
    return r, s


def seed_param(default: int = 0, name: str = "seed") -> Param:
    return Param(name, "int", default, 0, MAX_SEED)


def seed_control(page: str, container=None, name: str = "seed", label: str = "Seed") -> int:
    box = container or st
    return int(box.number_input(label, 0, MAX_SEED, step=1, key=state.key(page, name),
                                help="The same seed gives exactly the same infant(s); change it "
                                "to see chance at work."))


def metrics_row(items: Sequence[tuple[str, str]], help_texts: Sequence[str | None] = ()) -> None:
    cols = st.columns(len(items))
    for i, (col, (label, value)) in enumerate(zip(cols, items, strict=True)):
        col.metric(label, value, help=help_texts[i] if i < len(help_texts) else None)
