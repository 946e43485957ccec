"""The Strange Situation teaching dashboard (Streamlit): ``ssp dashboard``.

``app.py`` is the entry point (``st.navigation`` over the pages in ``views/``); ``state`` keeps
every page's settings in the URL; ``compute`` holds the cached simulations and figures; ``ui``
the shared controls. A teaching model, not a diagnostic tool.
"""
