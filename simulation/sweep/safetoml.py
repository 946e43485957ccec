"""Reading an experiment file defensively: size capped, nesting checked, then ``tomllib``.

An experiment file may come from anyone (a colleague, a course page, an e-mail), so it is read as
data only: nothing in it is executed or imported. Before the parser runs, the raw bytes are
capped (:data:`~simulation.limits.MAX_EXPERIMENT_FILE_BYTES`) and a small scanner estimates the
nesting of arrays, inline tables and dotted keys (:data:`~simulation.limits.MAX_TOML_DEPTH`):
Python 3.11's ``tomllib`` raises ``RecursionError`` on deeply nested arrays and slows
quadratically on very long dotted keys, so both are refused before it sees them. After parsing,
the real nesting of the document is measured again, without recursion.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import Any

from ..inputs import InputError
from ..limits import MAX_EXPERIMENT_FILE_BYTES, MAX_TOML_DEPTH

_OPEN = "[{"
_CLOSE = "]}"
#: Characters after which a run of dot-separated key parts starts afresh.
_RESET = "=,[]{}\n"


def read_text(path: str | os.PathLike, limit: int = MAX_EXPERIMENT_FILE_BYTES) -> str:
    """The file's text, refused if missing, not a regular file, too big or not UTF-8."""
    p = Path(path)
    try:
        if not p.exists():
            raise InputError(f"experiment file {str(p)!r} does not exist")
        if not p.is_file():
            raise InputError(f"experiment file {str(p)!r} is not a regular file")
        with open(p, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:  # e.g. a file name too long, a file that cannot be read
        raise InputError(f"cannot read experiment file {str(p)!r}: "
                         f"{exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"{p}: file is larger than {limit:,} bytes (MAX_EXPERIMENT_FILE_BYTES); "
                         "an experiment file describes a sweep, it does not list data")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: not UTF-8 text (byte {exc.start})") from None


def nesting_estimate(text: str, stop_above: int = MAX_TOML_DEPTH) -> tuple[int, int]:
    """Deepest nesting seen and the line it is on, scanning outside strings and comments.

    Counts open arrays and inline tables plus the parts of the dotted key being read, which
    bounds the depth ``tomllib`` will recurse to. Stops early once ``stop_above`` is exceeded.
    The scan is linear and never fails: malformed text is left to the parser to report.
    """
    depth = 0
    dots = 0
    deepest = 0
    deepest_line = 1
    line = 1
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == '"' or c == "'":
            triple = text.startswith(c * 3, i)
            quote = c * 3 if triple else c
            j = i + len(quote)
            while j < n:
                if c == '"' and text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(quote, j):
                    break
                if text[j] == "\n":
                    line += 1
                    if not triple:
                        break  # unterminated string: the parser will say so
                j += 1
            i = j + len(quote)
            continue
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(depth - 1, 0)
        elif c == ".":
            dots += 1
        if c in _RESET:
            dots = 0
        if c == "\n":
            line += 1
        level = depth + dots + 1
        if level > deepest:
            deepest, deepest_line = level, line
            if deepest > stop_above:
                break
        i += 1
    return deepest, deepest_line


def structure_depth(value: Any) -> int:
    """Nesting depth of parsed TOML (tables and arrays), measured without recursion."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level + 1)
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level + 1)
            stack.extend((v, level + 1) for v in item)
    return deepest


def loads(text: str, where: str = "<experiment>", max_depth: int = MAX_TOML_DEPTH) -> dict:
    """Parse TOML text after the nesting check; every failure is an :class:`InputError`."""
    deepest, line = nesting_estimate(text, max_depth)
    if deepest > max_depth:
        raise InputError(f"{where}: line {line}: nested more than {max_depth} levels deep "
                         "(MAX_TOML_DEPTH); an experiment file needs only a few")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{where}: not valid TOML: {exc}") from None
    except ValueError:  # tomllib reads integers with int(), which refuses over 4,300 digits
        raise InputError(f"{where}: not valid TOML: an integer with more than "
                         f"{sys.get_int_max_str_digits():,} digits") from None
    except RecursionError:  # pragma: no cover - the scan above should prevent it
        raise InputError(f"{where}: nested too deeply to parse") from None
    if structure_depth(data) > max_depth:
        raise InputError(f"{where}: nested more than {max_depth} levels deep (MAX_TOML_DEPTH)")
    return data
