"""The dashboard's server: Streamlit running :mod:`dashboard.main`, behind one small rule for
addresses (``ssp dashboard``, or ``streamlit run app.py``).

Streamlit serves every page at a one-segment address (``/watch``) and answers any other path
with its page shell, whose scripts and styles are addressed relative to the path: at
``/watch/extra`` they resolve under ``/watch/`` and the page stays blank (streamlit/streamlit
issue 8013). :class:`OnePagePerAddress` sends such an address to its first segment's page
(``/watch/extra?seed=3`` to ``/watch?seed=3``), so a mistyped or truncated link still opens a
page. Everything else is Streamlit's own: ``st.App`` runs the pages' script unchanged.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.responses import RedirectResponse

HERE = Path(__file__).resolve().parent
#: Path segments of Streamlit's own routes and assets, never a page.
RESERVED = {"_stcore", "static", "media", "component", "app"}


class OnePagePerAddress:
    """ASGI middleware: a path of two or more segments that is none of Streamlit's routes or
    files is redirected to its first segment, keeping the query (a link's settings)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            parts = [p for p in scope["path"].split("/") if p]
            # Streamlit's own routes answer under any page's address too (its client
            # addresses them relative to the page: /watch/_stcore/health)
            if len(parts) > 1 and not RESERVED & set(parts) and "." not in parts[-1]:
                query = scope.get("query_string", b"").decode("latin-1")
                target = f"/{parts[0]}" + (f"?{query}" if query else "")
                await RedirectResponse(target, status_code=302)(scope, receive, send)
                return
        await self.app(scope, receive, send)


app = st.App(str(HERE / "main.py"), middleware=[Middleware(OnePagePerAddress)])
