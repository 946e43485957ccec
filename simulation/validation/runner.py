"""Run the checks, decide pass/fail against the known-failures list, format the report."""

from __future__ import annotations

import json
import math
import shutil
import textwrap
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .base import KINDS, Check, Outcome
from .cohorts import CohortProvider

#: Status words of a row.
PASS, FAIL, KNOWN, ERROR = "pass", "FAIL", "known", "ERROR"


@dataclass
class Row:
    check: Check
    outcome: Outcome | None
    status: str  # pass, FAIL, known (a listed failure), ERROR
    seconds: float
    error: str = ""
    listed: str = ""  # the known-failure reason, if the check is listed

    @property
    def expected(self) -> str:
        if self.outcome is not None and self.outcome.expected:
            return self.outcome.expected
        return self.check.expected

    @property
    def simulated(self) -> str:
        return self.outcome.simulated if self.outcome is not None else f"error: {self.error}"


def run_checks(provider: CohortProvider, checks: Sequence[Check], known: dict[str, str],
               progress: Callable[[str], None] | None = None) -> list[Row]:
    rows = []
    for check in checks:
        start = time.perf_counter()
        listed = known.get(check.name, "")
        try:
            outcome = check.run(provider)
            error = ""
        except Exception as exc:  # a broken check is reported, not hidden
            outcome, error = None, f"{type(exc).__name__}: {exc}"
            if progress is not None:
                progress(traceback.format_exc())
        if outcome is None:
            status = ERROR
        elif outcome.passed:
            status = PASS
        else:
            status = KNOWN if listed else FAIL
        rows.append(Row(check, outcome, status, time.perf_counter() - start, error, listed))
        if progress is not None:
            progress(f"{status:>5}  {check.name} ({rows[-1].seconds:.1f} s)")
    return rows


def exit_status(rows: Sequence[Row], strict: bool = False) -> int:
    """0 when every check passes or fails only as listed (not with ``strict``); else 1."""
    bad = {FAIL, ERROR} | ({KNOWN} if strict else set())
    return 1 if any(r.status in bad for r in rows) else 0


def format_table(rows: Sequence[Row], width: int | None = None) -> str:
    """The rows as a text table with wrapped cells (check, kind, reference, expected,
    simulated, result)."""
    width = width or max(120, min(200, shutil.get_terminal_size((160, 24)).columns))
    fixed = {"check": 30, "kind": 14, "reference": 22, "result": 6}
    rest = max(40, width - sum(fixed.values()) - 3 * 5)
    widths = {**fixed, "expected": rest // 2, "simulated": rest - rest // 2}
    order = ("check", "kind", "reference", "expected", "simulated", "result")

    def line(cells: dict[str, str]) -> list[str]:
        wrapped = {k: textwrap.wrap(cells[k], widths[k]) or [""] for k in order}
        height = max(len(v) for v in wrapped.values())
        return [" | ".join(f"{(wrapped[k][i] if i < len(wrapped[k]) else ''):<{widths[k]}}"
                           for k in order).rstrip() for i in range(height)]

    out = line({k: k for k in order})
    out.append("-+-".join("-" * widths[k] for k in order))
    for r in rows:
        out += line({"check": r.check.name, "kind": r.check.kind,
                     "reference": r.check.reference, "expected": r.expected,
                     "simulated": r.simulated, "result": r.status})
    return "\n".join(out)


def counts_by_kind(rows: Sequence[Row]) -> dict[str, dict[str, int]]:
    """For each kind (in :data:`KINDS` order): how many checks, and how many of each status."""
    out = {}
    for kind in KINDS:
        ks = [r for r in rows if r.check.kind == kind]
        out[kind] = {"checks": len(ks), **{s: sum(r.status == s for r in ks)
                                           for s in (PASS, FAIL, KNOWN, ERROR)}}
    return out


def listed_state(row: Row) -> str:
    """How a check on the known-failures list fared in this run, in words."""
    if row.status == KNOWN:
        return "fails"
    if row.status == PASS:  # the quick run's fewer infants may still fail a border case
        return "passes in this run: remove it once it passes in the quick and full runs"
    return f"{row.status} in this run"


def sample_line(rows: Sequence[Row]) -> str:
    """The predicted checks in and out of sample, with how many of each pass."""
    parts = []
    for flag, word in ((True, "in sample"), (False, "out of sample")):
        ks = [r for r in rows if r.check.kind == "predicted" and r.check.in_sample is flag]
        parts.append(f"{len(ks)} {word} ({sum(r.status == PASS for r in ks)} pass)")
    return "predicted checks: " + ", ".join(parts)


def summary(rows: Sequence[Row]) -> str:
    """Counts by kind, what each kind is evidence of, and the known failures with reasons."""
    lines = []
    for kind, counts in counts_by_kind(rows).items():
        detail = ", ".join(f"{n} {s}" for s, n in counts.items() if n and s != "checks")
        lines.append(textwrap.fill(f"{kind}: {counts['checks']} checks"
                                   + (f" ({detail})" if detail else "")
                                   + f" - {KINDS[kind]}", 100, subsequent_indent="  "))
    lines.append(sample_line(rows))
    listed = [r for r in rows if r.listed]
    if listed:
        lines.append("")
        lines.append("Known failures (simulation.validation.known_failures):")
        for r in listed:
            lines.append(textwrap.fill(f"- {r.check.name} [{listed_state(r)}]: {r.listed}", 100,
                                       subsequent_indent="  "))
    return "\n".join(lines)


def to_json(rows: Sequence[Row], meta: dict) -> str:
    """The results as JSON: ``meta``, ``kinds`` (each kind's meaning and counts) and
    ``checks`` (one object per check, with the numbers behind it under ``values``)."""
    counts = counts_by_kind(rows)
    return json.dumps({
        **meta,
        "kinds": {kind: {"meaning": meaning, **counts[kind]} for kind, meaning in KINDS.items()},
        "checks": [{
            "name": r.check.name, "kind": r.check.kind, "topic": r.check.topic,
            "in_sample": r.check.in_sample,
            "reference": r.check.reference,
            "basis": r.check.basis, "figure": r.check.figure or None,
            "expected": r.expected, "simulated": r.simulated, "status": r.status,
            "passed": r.status == PASS, "known_failure": r.listed or None,
            "seconds": round(r.seconds, 2),
            "values": plain(r.outcome.values) if r.outcome is not None else None,
        } for r in rows],
    }, indent=1)


def plain(value):
    """``value`` with numpy scalars as Python numbers, NaN as None and infinities as the
    strings "inf" / "-inf", so that the JSON is standard."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value
