"""Shared pieces of every page: presentation mode, figures with PNG downloads, the caregiving
controls (a preset or sliders, with the Ainsworth-sensitivity equivalent), classification badges.

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
from simulation.caregiving import PROFILE_PARAMETERS, ainsworth_sensitivity
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

#: Presentation mode: Streamlit sizes text in rem, so a larger root font enlarges everything.
PRESENTATION_CSS = "<style>html { font-size: 21px !important; }</style>"


def presentation() -> bool:
    """True in presentation (projector) mode: larger fonts and figures."""
    return bool(st.session_state.get(state.PRESENT, False))


def page_header(title: str, intro: str) -> None:
    if presentation():
        st.html(PRESENTATION_CSS)
    st.title(title)
    st.markdown(intro, unsafe_allow_html=True)


def png_bytes(fig: Figure, dpi: int | None = None) -> bytes:
    """A figure as PNG bytes (in memory; nothing is written to disk)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi or 110, facecolor="white")
    return buf.getvalue()


def show_png(png: bytes, name: str, caption: str | None = None, key: str | None = None) -> None:
    """Show a rendered figure with a button to download it as PNG."""
    st.image(png, caption=caption, width="stretch")
    st.download_button(f"Download figure (PNG): {name}", png, file_name=f"{name}.png",
                       mime="image/png", on_click="ignore", key=key or f"png-{name}",
                       icon=":material/download:")


def show_figure(fig: Figure, name: str, caption: str | None = None,
                key: str | None = None) -> bytes:
    png = png_bytes(fig)
    show_png(png, name, caption, key)
    return png


def badge(classification: str, text: str | None = None) -> str:
    """An HTML badge in the classification's colour (markdown with ``unsafe_allow_html``)."""
    colour = CLASS_COLOURS.get(classification, GROUP_COLOURS.get(classification, "#666666"))
    label = text or classification
    return (f"<span style='background:{colour};color:white;padding:0.15em 0.55em;"
            f"border-radius:0.4em;font-weight:600'>{label}</span>")


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
                  container=None, show_sensitivity: bool = True) -> tuple[float, ...]:
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
    if show_sensitivity:
        sens = ainsworth_sensitivity(values[0], values[1])
        box.metric("Ainsworth-sensitivity equivalent", f"{sens:.1f} / 9",
                   help="Ainsworth's 1-9 scale mixes how responsive and how consistent care is "
                   "(9 highly sensitive, 5 inconsistently sensitive, 1 highly insensitive). "
                   "Here 1 + 8 x responsiveness x (1 + consistency) / 2.")
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
