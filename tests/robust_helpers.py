"""Shared pieces of the robustness tests (``tests/test_robust_*.py``).

- :data:`EXAMPLES`: Hypothesis examples per fuzz target, 200 unless ``SSP_FUZZ_EXAMPLES`` says.
- :class:`Sandbox`: a child process (``robust_sandbox.py``) that runs fuzzed cases under an
  address-space limit, each with a timeout: a traceback, a hang or a memory blow-up in a case is
  reported as such, and the child is restarted.
- Sweep helpers: run ``ssp sweep`` as a real subprocess in its own session, find its pool
  workers in ``/proc``, wait for cell files, read the manifest, compare cell files.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: Examples per Hypothesis fuzz target (CI: 200; the reported run: SSP_FUZZ_EXAMPLES=5000).
EXAMPLES = int(os.environ.get("SSP_FUZZ_EXAMPLES", "200"))
#: Address-space limit of the sandbox (a blow-up ends in MemoryError there, not on the host).
SANDBOX_AS_BYTES = 2 << 30
#: Seconds a single fuzzed case may take before it counts as a hang.
CASE_TIMEOUT = 60.0


class SandboxFailure(AssertionError):
    """The child crashed, hung or ran out of memory on a case."""


def _limits(as_bytes: int, fsize: int | None) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (as_bytes, as_bytes))
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        os.setsid()

    return apply


class Sandbox:
    """A long-lived child that runs one case at a time under RLIMIT_AS, with a timeout."""

    def __init__(self, as_bytes: int = SANDBOX_AS_BYTES, timeout: float = CASE_TIMEOUT,
                 env: dict[str, str] | None = None, log: Path | None = None):
        self.as_bytes, self.timeout = as_bytes, timeout
        self.env = {**os.environ, "SSP_DASHBOARD_WARM": "0", **(env or {})}
        self.log_path = log
        self.proc: subprocess.Popen | None = None
        self.cases = 0
        self.peak_kb = 0
        self.slowest = 0.0

    # -- process ------------------------------------------------------------------------------
    def start(self) -> None:
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "robust_sandbox.py")], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=log, env=self.env, cwd=ROOT,
            preexec_fn=_limits(self.as_bytes, None), text=True, encoding="utf-8")
        if log is not subprocess.DEVNULL:
            log.close()
        hello = self._read(120.0)
        if not hello.get("ready"):
            raise SandboxFailure(f"the sandbox did not start: {hello}")

    def close(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
            self.proc = None

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _read(self, timeout: float) -> dict:
        assert self.proc is not None and self.proc.stdout is not None
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        try:
            if not sel.select(timeout):
                raise TimeoutError
        finally:
            sel.close()
        line = self.proc.stdout.readline()
        if not line:
            raise EOFError
        return json.loads(line)

    # -- cases -------------------------------------------------------------------------------
    def run(self, request: dict) -> dict:
        """Run one case; raise :class:`SandboxFailure` on a crash, hang or memory blow-up."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        what = json.dumps(request)[:300]
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            answer = self._read(self.timeout)
        except TimeoutError:
            self.close()
            raise SandboxFailure(f"no answer within {self.timeout:g} s (a hang?): {what}") \
                from None
        except (EOFError, BrokenPipeError):
            code = self.proc.wait(timeout=30)
            self.proc = None
            raise SandboxFailure(f"the sandbox died (status {code}, memory limit "
                                 f"{self.as_bytes >> 20} MiB?) on {what}") from None
        self.cases += 1
        self.peak_kb = max(self.peak_kb, answer.get("maxrss_kb", 0))
        self.slowest = max(self.slowest, answer.get("seconds", 0.0))
        crash = answer.get("crash")
        if crash:
            if "MemoryError" in crash:
                self.close()  # start afresh: the heap may be fragmented
            raise SandboxFailure(f"traceback on {what}:\n{crash}")
        return answer

    def main(self, argv: Sequence[str], cwd: str | os.PathLike | None = None) -> dict:
        return self.run({"op": "main", "argv": list(argv), "cwd": str(cwd) if cwd else None})

    def load(self, path: str | os.PathLike) -> dict:
        return self.run({"op": "load", "path": str(path)})


def one_clear_line(stderr: str, prefix: str, echoed: Sequence[str] = ()) -> str:
    """Assert ``stderr`` is one message starting with ``prefix``, with no traceback; return it.

    One line, except that argparse echoes an unrecognised argument as typed: line breaks inside
    ``echoed`` values (what the user passed) may appear in it (``ssp: error: unrecognized
    arguments: a<newline>b``).
    """
    assert "Traceback" not in stderr, stderr
    assert stderr.endswith("\n") and stderr.strip(), repr(stderr)
    allowed = sum(text.count("\n") for text in echoed)
    breaks = stderr.count("\n") - 1
    assert breaks <= allowed, f"expected one line on stderr, got {breaks + 1}:\n{stderr}"
    assert stderr.startswith(prefix), stderr[:300]
    assert len(stderr.strip()) > len(prefix) + 5, stderr
    return stderr.strip()


# --- sweeps as real subprocesses ---------------------------------------------------------------

def sweep_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", **extra}


def start_sweep(file: Path, out: Path, log: Path, *args: str,
                preexec_fn: Callable[[], None] | None = None) -> subprocess.Popen:
    """``python -m simulation sweep FILE --out OUT --quiet ARGS`` in a new session.

    The child starts with SIGINT at its default, as from a terminal: a shell that runs the tests
    in the background (``pytest ... &``) ignores SIGINT, and a child would inherit that.
    """
    def prepare() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if preexec_fn is not None:
            preexec_fn()

    handle = open(log, "ab")  # noqa: SIM115 - the child holds it
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "simulation", "sweep", str(file), "--out", str(out),
             "--quiet", *args], env=sweep_env(), stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=prepare, cwd=ROOT)
    finally:
        handle.close()


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover
        return True
    return True


def wait_group_gone(pgid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not group_alive(pgid)


def kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.append(int(entry.name))
    return out


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        found += kids
        todo += kids
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def pool_workers(runner: int) -> list[int]:
    """The process pool's worker processes of a running sweep (loky's workers)."""
    return [pid for pid in children(runner)
            if "popen_loky" in cmdline(pid) and "resource_tracker" not in cmdline(pid)]


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    return sum(rss_kb(p) for p in [pid, *descendants(pid)])


def cell_files(out: Path, suffix: str = ".parquet") -> list[Path]:
    cells = out / "cells"
    try:
        return sorted(p for p in cells.iterdir()
                      if p.name.endswith(suffix) and not p.name.startswith("."))
    except OSError:
        return []


def wait_for(predicate: Callable[[], bool], timeout: float, proc: subprocess.Popen | None = None,
             what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the sweep ended (status {proc.returncode}) before {what}")
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def manifest_of(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def statuses(manifest: dict) -> dict[str, str]:
    return {c["cell_id"]: c["status"] for c in manifest["cells"]}


def cell_bytes(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in cell_files(out, "")}


def model_code() -> str:
    """The fingerprint of the model's files now (not the one this process cached)."""
    from simulation.fingerprint import model_fingerprint

    return model_fingerprint.__wrapped__()


def make_reference(experiment_file: Path, out: Path) -> Path:
    """The uninterrupted run (serial, in this process), with the model code it ran."""
    from simulation.sweep import run_sweep

    code = model_code()
    result = run_sweep(experiment_file, out, workers=1, progress=False)
    assert result.complete, result.failed
    (out.parent / f"{out.name}.model-code").write_text(code)
    return out


def assert_same_tables(out: Path, reference: Path) -> None:
    """Every cell file of ``out`` equals the reference's, byte for byte (else, frame by frame
    with the differing columns named)."""
    import pytest

    ours, theirs = cell_bytes(out), cell_bytes(reference)
    assert sorted(ours) == sorted(theirs), (sorted(ours), sorted(theirs))
    for name, data in theirs.items():
        if ours[name] == data:
            continue
        stamp = reference.parent / f"{reference.name}.model-code"
        if stamp.exists() and stamp.read_text() != model_code():
            pytest.skip("the model's code was edited while this test ran (fresh worker "
                        "processes imported other code than the reference run); rerun")
        a = pd.read_parquet(out / "cells" / name)
        b = pd.read_parquet(reference / "cells" / name)
        cols = [c for c in b.columns if c not in a.columns or not a[c].equals(b[c])]
        raise AssertionError(f"{name} differs from the uninterrupted run (columns {cols[:8]})")
    from simulation.sweep import load_results

    pd.testing.assert_frame_equal(load_results(out), load_results(reference))


def assert_manifest_truthful(out: Path, final: bool = False) -> dict:
    """What the manifest says is done has an intact cell file; if ``final``, exactly so."""
    from simulation.io import read_table

    manifest = manifest_of(out)
    files = {p.name for p in cell_files(out, "." + manifest["format"])}
    for cell in manifest["cells"]:
        name = Path(cell["file"]).name
        if cell["status"] == "done":
            assert name in files, f"manifest says {cell['cell_id']} is done; no file"
            table = read_table(out / cell["file"])
            assert len(table) == manifest["infants_per_cell"]
            assert set(table["cell_id"]) == {cell["cell_id"]}
        elif final:
            assert name not in files, f"{cell['cell_id']} has a file but is {cell['status']}"
    return manifest


# --- writing TOML (for generated experiment files) ------------------------------------------

class RawToml(str):
    """A value written into TOML as is (e.g. a date-time literal, which JSON cannot say)."""


def toml_string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_value(value) -> str:
    if isinstance(value, RawToml):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_string(str(k))} = {toml_value(v)}"
                               for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_document(data: dict) -> str:
    """A TOML document: scalars first, then one ``[table]`` per top-level table (nested tables
    and arrays inline)."""
    lines = [f"{toml_string(str(k))} = {toml_value(v)}" for k, v in data.items()
             if not isinstance(v, dict)]
    for k, v in data.items():
        if isinstance(v, dict):
            lines.append(f"[{toml_string(str(k))}]")
            lines += [f"{toml_string(str(kk))} = {toml_value(vv)}" for kk, vv in v.items()]
    return "\n".join(lines) + "\n"
