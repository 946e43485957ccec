"""The Strange Situation teaching dashboard (Streamlit): ``ssp dashboard``.

``app.py`` serves ``main.py``, the entry point (``st.navigation`` over the pages in
``views/``); ``state`` keeps every page's settings in the URL; ``compute`` holds the cached
simulations and figures; ``ui`` the shared controls; ``player`` the room animated in the
browser; ``charts`` the Vega-Lite charts; ``latency`` the benchmark that drives it in a browser
(``ssp bench --dashboard``, never imported by the app). A teaching model, not a diagnostic tool.
"""

#: Environment variable: with "1", the app logs every completed page run on stderr (the
#: server's log) as ``ssp-dashboard-run <time.time()> <page> <seconds>``: how long the server
#: took to answer, without the browser's own rendering (read by ``ssp bench --dashboard`` and
#: tests/robust_load.py).
TIMING_ENV = "SSP_DASHBOARD_TIMING"
