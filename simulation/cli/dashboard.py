"""``ssp dashboard``: start the Streamlit teaching app (same as ``streamlit run dashboard/app.py``).

The app is found where the ``dashboard`` package is installed, so the command works from any
directory and from a non-editable install. It binds to 127.0.0.1 unless ``--host`` says
otherwise (serving a class on a network is a deliberate choice).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from ..inputs import InputError, check_int


def register(sub) -> None:
    p = sub.add_parser(
        "dashboard", help="start the teaching dashboard (Streamlit)",
        description="Start the Streamlit teaching app: watch one infant, the three patterns, "
        "a population against the published distributions, the caregiving map, change over "
        "time, you be the coder, and the Learn page. Open the printed address in a browser.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1, this machine only; "
                   "0.0.0.0 serves the local network)")
    p.add_argument("--port", default="8501", help="port to listen on (default 8501)")
    p.add_argument("--browser", action="store_true",
                   help="open a browser window (default: just print the address)")
    p.set_defaults(handler=dashboard_command)


def app_path() -> Path:
    """The installed path of ``dashboard/app.py``."""
    try:
        import dashboard
    except ImportError as exc:  # pragma: no cover - packaging error
        raise InputError("the dashboard package is not installed with this copy of the "
                         "simulation; reinstall it (pip install .)") from exc
    path = Path(dashboard.__file__).resolve().parent / "app.py"
    if not path.is_file():  # pragma: no cover - packaging error
        raise InputError(f"the dashboard app is missing from the installation ({path})")
    return path


def streamlit_command(host: str, port: int, browser: bool = False) -> list[str]:
    """The ``streamlit run`` command line for the installed app."""
    return [
        sys.executable, "-m", "streamlit", "run", str(app_path()),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "false" if browser else "true",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--theme.base", "light",
        "--theme.primaryColor", "#3A3A3A",
    ]


def dashboard_command(args: argparse.Namespace) -> int:
    try:
        port = int(args.port)
    except ValueError:
        raise InputError(f"--port must be a whole number, got {args.port!r}") from None
    port = check_int("--port", port, 1, 65535)
    host = str(args.host).strip()
    if not host or any(c.isspace() for c in host):
        raise InputError(f"--host must be a host name or address, got {args.host!r}")
    try:
        import streamlit  # noqa: F401
    except ImportError:
        raise InputError("streamlit is not installed; install it with pip install "
                         "'streamlit>=1.45'") from None
    cmd = streamlit_command(host, port, args.browser)
    print(f"Starting the dashboard at http://{host}:{port} (Ctrl+C to stop)", flush=True)
    try:
        # run in the app's directory so its .streamlit/config.toml applies
        return subprocess.call(cmd, cwd=app_path().parent)
    except KeyboardInterrupt:
        return 130
