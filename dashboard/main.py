"""The Strange Situation teaching dashboard: the pages' script, run by Streamlit (``app.py``).

A multipage app (``st.navigation``, its links in a row at the top of every page: one click to
change page): watch one infant, the three patterns side by side, a population against the
published distributions, the caregiving map, change over time, you be the coder, and the Learn
page. Every page keeps its settings in the URL, so a link reopens the scenario; presentation
mode (sidebar) enlarges fonts and figures for a projector.

The dashboard's pool starts its workers with ``spawn``, which imports this file in each of them
(as ``__mp_main__``): so nothing here touches Streamlit at import time, only :func:`main` does
(Streamlit's caches and pages made outside a server log warnings a user would have to ignore).

A teaching model, not a diagnostic tool.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The tab's icon, served by the dashboard itself (a Material icon would be fetched from the
#: internet: an offline classroom has none).
ICON = HERE / "icon.png"

#: The pages: file in views/, title, address and icon (the order of the navigation row).
PAGE_SPECS = (
    ("watch.py", "One infant", "watch", ":material/visibility:"),
    ("patterns.py", "Three patterns", "patterns", ":material/view_column:"),
    ("population.py", "Population", "population", ":material/groups:"),
    ("explore.py", "Explore", "explore", ":material/grid_on:"),
    ("change.py", "Change over time", "change", ":material/trending_up:"),
    ("coder.py", "Be the coder", "coder", ":material/edit_note:"),
    ("learn.py", "Learn", "learn", ":material/school:"),
    ("life.py", "A life", "life", ":material/timeline:"),
)


def pages() -> list:
    import streamlit as st

    return [st.Page(HERE / "views" / file, title=title, url_path=path, icon=icon)
            for file, title, path, icon in PAGE_SPECS]


def _presentation_from_url() -> bool:
    """Presentation mode: read from the URL once per session, then held by the toggle."""
    import streamlit as st

    from dashboard import state
    from dashboard.state import Param

    if state.PRESENT not in st.session_state:
        text = st.query_params.get(state.PRESENT)
        try:
            st.session_state[state.PRESENT] = (
                Param(state.PRESENT, "bool", False).parse(text) if text is not None else False)
        except ValueError:
            st.session_state[state.PRESENT] = False
    return bool(st.session_state[state.PRESENT])


def main() -> None:
    """One run of the app (Streamlit runs this file as ``__main__`` for every page view)."""
    import streamlit as st

    from dashboard import TIMING_ENV, compute, state, ui

    started = time.perf_counter()
    present = _presentation_from_url()
    # a projector gets the whole width: presentation mode opens with the sidebar folded away
    st.set_page_config(page_title="Strange Situation simulation",
                       page_icon=ICON, layout="wide",
                       initial_sidebar_state="collapsed" if present else "expanded")
    listed = pages()

    def home() -> None:
        """The root address opens "Watch one infant" under its own name, keeping the
        settings."""
        st.switch_page(listed[0], query_params=st.query_params.to_dict())

    # Streamlit serves the default page at "/" only, so every page that a link may name has its
    # own address, and the (hidden) default page forwards to the first of them. The pages'
    # links sit in a row at the top: one click to another page, no sidebar to open.
    page = st.navigation([st.Page(home, title="Home", url_path="home", default=True,
                                  visibility="hidden"), *listed], position="top")

    with st.sidebar:
        if present:
            # the projector's styles also from here, not only from each page's header: the
            # sidebar is drawn on every run at the same place, so the styles (the navigation
            # row's compact links among them) never lapse while one page gives way to the next,
            # when the row measures whether its links fit (a "more" menu otherwise)
            st.html(ui.PRESENTATION_CSS)
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
