"""A child process that runs fuzzed cases under resource limits (see ``robust_helpers.Sandbox``).

Started as ``python tests/robust_sandbox.py``; the parent sets RLIMIT_AS (and optionally
RLIMIT_FSIZE) before it starts. It reads one JSON request per line on stdin and answers one JSON
line on its protocol channel (the original stdout; fd 1 itself is pointed at stderr so that
nothing a case prints can garble the protocol). Requests:

- ``{"op": "main", "argv": [...], "cwd": DIR}``: ``simulation.cli.main(argv)`` in process,
  capturing its stdout and stderr; ``SystemExit`` (argparse) gives the exit status.
- ``{"op": "load", "path": FILE}``: ``simulation.sweep.load_experiment(FILE)`` (and its cells).
- ``{"op": "loads", "text": TEXT}``: ``simulation.sweep.loads_experiment(TEXT)``.

Each answer: ``rc`` (exit status, or 0/2 for a load), ``stdout``, ``stderr`` (truncated),
``error`` (exception type of a refused load), ``crash`` (the traceback of anything that was not a
clean exit or an ``InputError``), ``seconds`` and ``maxrss_kb`` (peak RSS of this process so far).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys
import time
import traceback

KEEP = 4000  # characters of stdout/stderr sent back (the first and last half of them)


def _keep(text: str) -> str:
    if len(text) <= KEEP:
        return text
    return f"{text[:KEEP // 2]}[... {len(text) - KEEP:,} characters ...]{text[-KEEP // 2:]}"


def _main(request: dict) -> dict:
    from simulation.cli import main

    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    crash = None
    try:
        if request.get("cwd"):
            os.chdir(request["cwd"])
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = main(request["argv"])
            except SystemExit as exc:  # argparse: usage errors (2) and --help (0)
                code = exc.code
                rc = code if isinstance(code, int) else (0 if code is None else 1)
    except BaseException:  # noqa: BLE001 - anything else is what we are looking for
        rc, crash = None, traceback.format_exc()
    finally:
        os.chdir(cwd)
    return {"rc": rc, "stdout": _keep(out.getvalue()), "stderr": _keep(err.getvalue()),
            "stderr_chars": len(err.getvalue()), "crash": crash}


def _load(request: dict) -> dict:
    from simulation.inputs import InputError
    from simulation.sweep import load_experiment, loads_experiment

    try:
        if request["op"] == "load":
            experiment = load_experiment(request["path"])
        else:
            experiment = loads_experiment(request["text"])
        cells = len(experiment.cells)
        return {"rc": 0, "cells": cells, "infants": experiment.infants, "crash": None,
                "stderr": "", "stdout": ""}
    except InputError as exc:
        return {"rc": 2, "error": "InputError", "stderr": _keep(str(exc)), "crash": None,
                "stderr_chars": len(str(exc)), "stdout": ""}
    except BaseException:  # noqa: BLE001
        return {"rc": None, "crash": traceback.format_exc(), "stderr": "", "stdout": ""}


def serve() -> None:
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.__stdout__ = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0),
                                                   write_through=True)
    # warm the imports so that the first case's time is its own
    import simulation.cli  # noqa: F401
    import simulation.sweep.spec  # noqa: F401

    protocol.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        start = time.perf_counter()
        answer = _main(request) if request["op"] == "main" else _load(request)
        answer["seconds"] = time.perf_counter() - start
        answer["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        protocol.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    serve()
