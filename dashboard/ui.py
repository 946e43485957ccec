"""Shared pieces of every page: presentation mode, PNG bytes of an exported figure, the
caregiving controls (a preset or sliders), classification badges, and the names of the two ways
of counting classifications (four-way A/B/C/D, or forced A/B/C).

Colours come from :mod:`simulation.plots.style`: one colour per classification on every page.
"""

from __future__ import annotations

import io
import re
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
    "unresolved": "Unresolved loss (frightened, dissociated)",
}
CARE_HELP = {name: text[0].upper() + text[1:] + "." for name, text in PROFILE_PARAMETERS.items()}

#: Every page: less empty space above the title (the room must fit above the fold at 1280 x 720),
#: and numbers, labels and badges that wrap instead of being cut off with an ellipsis.
BASE_CSS = """<style>
.stMainBlockContainer, .block-container { padding-top: 4rem !important; }
h1 { padding-top: 0.4rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] > div,
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] div, [data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricValue"] { font-size: 1.9rem; line-height: 1.2; }
.ssp-badge { display: inline-block; white-space: nowrap; }
</style>"""
#: Presentation mode: Streamlit sizes text in rem, so a larger root font enlarges everything.
#: The page's own header is compact (the title on one short line, no introduction, little space
#: around it) and the navigation row keeps every page visible at 1280 x 720 (no "more" menu):
#: the room and its settings must fit above the fold.
PRESENTATION_CSS = """<style>
html { font-size: 21px !important; }
.stMainBlockContainer, .block-container { padding-top: 3.4rem !important; }
h1 { font-size: 1.5rem !important; padding: 0 0 0.2rem 0 !important; }
h2 { font-size: 1.35rem !important; }
[data-testid="stTopNavLink"] p, [data-testid="stTopNavLink"] span { font-size: 0.78rem; }
[data-testid="stTopNavLink"] > span:first-child { display: none; }
[data-testid="stTopNavLink"] { padding-left: 0.45rem; padding-right: 0.45rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
</style>"""
#: The two ways of counting classifications, named the same way on every page.
FOUR_WAY = "four-way (A, B, C and D)"
FORCED = "forced A/B/C (each D infant counted in its best-fitting group)"


#: A model parameter's code name in a description ("(separation_stress 1, alone_stress 1)",
#: "(night_care)"): for the model's files, not for students.
CODE_NAMES = re.compile(r"\s*\((?:[a-z]+(?:_[a-z]+)+(?: [0-9.]+)?(?:, )?)+\)")


def student_text(text: str) -> str:
    """A description as students read it: without the model's code names (the sentence around
    them says the same in words)."""
    return CODE_NAMES.sub("", text).replace(". caregiving means", ". Caregiving means")


def presentation() -> bool:
    """True in presentation (projector) mode: larger fonts and figures."""
    return bool(st.session_state.get(state.PRESENT, False))


def page_header(title: str, intro: str) -> None:
    """The page's title and introduction (in presentation mode the title alone, compact: the
    instructor speaks the introduction, and the room needs the height)."""
    st.html(BASE_CSS)
    if presentation():
        st.html(PRESENTATION_CSS)
        st.title(title, anchor=False)
        return
    st.title(title, anchor=False)
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
                  container=None, sliders=None, on_preset: Callable[[], None] | None = None,
                  describe: bool = True, label_visibility: str = "visible") -> tuple[float, ...]:
    """A preset selector and the caregiving sliders; returns (r, c, w, f, u).

    ``sliders``: where the sliders go (default: under the preset, in ``container``);
    ``on_preset``: called after a preset has set the sliders; ``describe``: the preset's
    description under the selector.
    """
    box = container or st
    pkey = state.key(page, f"{prefix}preset")

    def preset_chosen() -> None:
        name = st.session_state[pkey]
        if name != CUSTOM:
            profile = PRESETS[name].profile
            for n in CARE_NAMES:
                state.set_value(page, f"{prefix}{n}", getattr(profile, n))
        if on_preset is not None:
            on_preset()

    def on_slider() -> None:
        st.session_state[pkey] = CUSTOM

    box.selectbox(f"{title}: preset", PRESET_NAMES + (CUSTOM,), key=pkey,
                  on_change=preset_chosen, format_func=preset_words,
                  label_visibility=label_visibility,
                  help="A named way of caring; moving a slider makes it custom.")
    name = st.session_state[pkey]
    if describe and name != CUSTOM:
        box.caption(f"{PRESETS[name].demonstrates} ({PRESETS[name].reference})")
    values = []
    for n in CARE_NAMES:
        values.append((sliders or box).slider(
            CARE_LABELS[n], 0.0, 1.0, step=STEP, key=state.key(page, f"{prefix}{n}"),
            on_change=on_slider, help=CARE_HELP[n]))
    return tuple(values)


def preset_words(name: str) -> str:
    """A preset as the selector shows it."""
    return f"{name} care" if name != CUSTOM else "custom (sliders)"


def care_words(values: Sequence[float]) -> str:
    """Caregiving settings in words: "responsiveness 0.5, consistency 0.1, warmth 0.8,
    frightening 0, unresolved loss 0"."""
    return ", ".join(f"{CARE_LABELS[n].split(' (')[0].lower()} {float(v):g}"
                     for n, v in zip(CARE_NAMES, values, strict=True))


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
    """The number of an infant, or of a sample of infants (``seed`` in the URL: short)."""
    return Param(name, "int", default, 0, MAX_SEED)


#: What the number picks, in a student's words: one infant of a way of caring, or one sample.
INFANT_LABEL = "Infant no."
SAMPLE_LABEL = "Sample no."


def seed_control(page: str, container=None, name: str = "seed", label: str = SAMPLE_LABEL,
                 help: str | None = None, label_visibility: str = "visible") -> int:
    """The number input that picks which infant (or which sample of infants) is shown."""
    box = container or st
    return int(box.number_input(
        label, 0, MAX_SEED, step=1, key=state.key(page, name), label_visibility=label_visibility,
        help=help or "Another number draws other infants, each with its own luck at home "
        "(the same number always gives exactly the same infants): change it to see chance "
        "at work."))


def metrics_row(items: Sequence[tuple[str, str]], help_texts: Sequence[str | None] = ()) -> None:
    cols = st.columns(len(items))
    for i, (col, (label, value)) in enumerate(zip(cols, items, strict=True)):
        col.metric(label, value, help=help_texts[i] if i < len(help_texts) else None)
