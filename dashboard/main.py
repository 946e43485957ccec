"""The Strange Situation teaching dashboard: the pages' script, run by Streamlit (``app.py``).

A multipage app (``st.navigation``): watch one infant, the three patterns side by side, a
population against the published distributions, the caregiving map, change over time, you be the
coder, and the Learn page. Every page keeps its settings in the URL, so a link reopens the
scenario; presentation mode (sidebar) enlarges fonts and figures for a projector.

A teaching model, not a diagnostic tool.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import streamlit as st

from dashboard import TIMING_ENV, compute, state
from dashboard.state import Param

HERE = Path(__file__).resolve().parent
#: The tab's icon, served by the dashboard itself (a Material icon would be fetched from the
#: internet: an offline classroom has none).
ICON = HERE / "icon.png"

PAGES = [
    st.Page(HERE / "views" / "watch.py", title="Watch one infant", url_path="watch",
            icon=":material/visibility:"),
    st.Page(HERE / "views" / "patterns.py", title="Three patterns", url_path="patterns",
            icon=":material/view_column:"),
    st.Page(HERE / "views" / "population.py", title="A population", url_path="population",
            icon=":material/groups:"),
    st.Page(HERE / "views" / "explore.py", title="Explore", url_path="explore",
            icon=":material/grid_on:"),
    st.Page(HERE / "views" / "change.py", title="Change over time", url_path="change",
            icon=":material/trending_up:"),
    st.Page(HERE / "views" / "coder.py", title="You be the coder", url_path="coder",
            icon=":material/edit_note:"),
    st.Page(HERE / "views" / "learn.py", title="Learn", url_path="learn",
            icon=":material/school:"),
    st.Page(HERE / "views" / "life.py", title="A life", url_path="life",
            icon=":material/timeline:"),
]


def _presentation_from_url() -> bool:
    """Presentation mode: read from the URL once per session, then held by the toggle."""
    if state.PRESENT not in st.session_state:
        text = st.query_params.get(state.PRESENT)
        try:
            st.session_state[state.PRESENT] = (
                Param(state.PRESENT, "bool", False).parse(text) if text is not None else False)
        except ValueError:
            st.session_state[state.PRESENT] = False
    return bool(st.session_state[state.PRESENT])


def home() -> None:
    """The root address opens "Watch one infant" under its own name, keeping the settings."""
    st.switch_page(PAGES[0], query_params=st.query_params.to_dict())


def main() -> None:
    """One run of the app (Streamlit runs this file as ``__main__`` for every page view)."""
    started = time.perf_counter()
    present = _presentation_from_url()
    # a projector gets the whole width: presentation mode opens with the sidebar folded away
    st.set_page_config(page_title="Strange Situation simulation",
                       page_icon=ICON, layout="wide",
                       initial_sidebar_state="collapsed" if present else "expanded")
    # Streamlit serves the default page at "/" only, so every page that a link may name has its
    # own address, and the (hidden) default page forwards to the first of them.
    page = st.navigation([st.Page(home, title="Home", url_path="home", default=True,
                                  visibility="hidden"), *PAGES])

    with st.sidebar:
        st.toggle("Presentation mode", key=state.PRESENT,
                  help="Larger fonts and figures, for a projector. Kept in the page's link.")
        st.caption("The address bar always holds a link to what is on the screen: copy it to "
                   "reopen this scenario (in class, or in an assignment).")
        st.caption("A teaching model, not a diagnostic tool.")

    compute.start_warming()
    page.run()
    if os.environ.get(TIMING_ENV) == "1":
        print(f"ssp-dashboard-run {time.time():.3f} {page.url_path or 'home'} "
              f"{time.perf_counter() - started:.3f}", file=sys.stderr, flush=True)


# The pool's worker processes (started with "spawn") import the app's main file under the name
# "__mp_main__": they must not run the app (it would start warming, and so more workers).
if __name__ != "__mp_main__":
    main()
