"""The ``ssp`` command line (also ``python -m simulation``).

Each subcommand lives in its own module with ``register(subparsers)``; a user error (bad
parameter, file or path) prints one line and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from ..inputs import InputError

#: Subcommand modules under ``simulation.cli``, in the order ``ssp --help`` lists them
#: (``run`` registers ``ssp run`` and ``ssp presets``).
COMMANDS = ("run", "life", "sweep", "validate", "bench", "dashboard")


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> Parser:
    parser = Parser(prog="ssp", description="Simulate Ainsworth's Strange Situation: caregiving, "
                    "the infant's working model, the eight episodes, a coder's classification.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for name in COMMANDS:
        import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except InputError as exc:
        print(f"ssp {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"ssp {args.command}: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" {exc.filename!r}" if exc.filename else ""
        print(f"ssp {args.command}: error: cannot complete{where}: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
