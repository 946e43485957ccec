"""``ssp dashboard``: start the Streamlit teaching app (same as ``streamlit run dashboard/app.py``).

The app is found where the ``dashboard`` package is installed, so the command works from any
directory and from a non-editable install. It binds to 127.0.0.1 unless ``--host`` says
otherwise (serving a class on a network is a deliberate choice).

``ssp dashboard`` owns what it starts: Streamlit runs in a process group of its own (with the
dashboard's worker processes, which it starts), and SIGINT (Ctrl+C), SIGTERM or SIGHUP (the
terminal closed) stop that whole group: Streamlit first, given :data:`GRACE` seconds to stop its
workers itself, then anything of the group still running.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
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
        raise InputError("the dashboard needs Streamlit, which is not installed: "
                         "pip install 'strange-situation[dashboard]'") from None
    cmd = streamlit_command(host, port, args.browser)
    print(f"Starting the dashboard at http://{host}:{port} (Ctrl+C to stop)", flush=True)
    # run in the app's directory so its .streamlit/config.toml applies
    return serve(cmd, app_path().parent)


#: Signals that stop the dashboard, and seconds Streamlit is given to stop its workers.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
GRACE = 10.0


class _Stop(Exception):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_stop(signum, frame) -> None:
    raise _Stop(signum)


def serve(cmd: list[str], cwd: Path) -> int:
    """Run ``cmd`` (the server) in a process group of its own until it ends or a stop signal
    comes; then stop the group. Returns the server's status, or 128 + the signal's number."""
    previous = {sig: signal.signal(sig, _raise_stop) for sig in STOP_SIGNALS}
    proc = None
    try:
        proc = subprocess.Popen(cmd, cwd=cwd, start_new_session=True)
        return proc.wait()
    except _Stop as stop:
        return 128 + stop.signum
    finally:
        for sig in STOP_SIGNALS:  # a second Ctrl+C must not cut the stopping short
            signal.signal(sig, signal.SIG_IGN)
        if proc is not None:
            stop_group(proc)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop_group(proc: subprocess.Popen, grace: float = GRACE) -> None:
    """Stop a server started in its own process group: SIGTERM to the server (Streamlit then
    shuts down, and its worker pool with it), then SIGKILL to whatever of the group is left."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
