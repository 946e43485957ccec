"""``ssp bench``: time the cohort engine, the Mesa model and each phase; check issue 7's targets."""

from __future__ import annotations

import argparse
import sys

from ..inputs import InputError


def register(sub) -> None:
    from ..bench import DEFAULT_REPEAT, DEFAULT_SIZES, LARGE, QUICK_SIZES

    p = sub.add_parser(
        "bench", help="benchmark the engines (speed, memory, phases, machine)",
        description="Time the full procedure through the cohort engine for several cohort sizes "
        "(each in its own process, with its peak memory), one dyad through the Mesa model (the "
        "speed ratio), and one chunk phase by phase; print the machine and the performance "
        "targets, met or not. Figures are medians of repeated runs after a warm-up.")
    p.add_argument("--sizes", metavar="N,N,...",
                   help="cohort sizes, comma-separated, e.g. 1000,10000 or 1k,10k (default "
                   + ",".join(map(str, DEFAULT_SIZES)) + ")")
    p.add_argument("--repeat", metavar="N",
                   help=f"runs per figure after the warm-up (default {DEFAULT_REPEAT}, and 1 for "
                   f"cohorts of {LARGE:,} or more; when given, applies to every size)")
    p.add_argument("--quick", action="store_true",
                   help="a smoke run of a few seconds (sizes "
                   + ",".join(map(str, QUICK_SIZES)) + ", one run each)")
    p.add_argument("--no-mesa", action="store_true", help="skip the Mesa dyad")
    p.add_argument("--no-life", action="store_true",
                   help="skip the lives to 30 (timed for the size nearest 10,000)")
    p.add_argument("--threads", metavar="N",
                   help="also time each size on N threads (default: every usable core; 1: one "
                   "thread only)")
    p.add_argument("--seed", default="0", metavar="S", help="root seed (default 0)")
    p.add_argument("--json", action="store_true", help="print one JSON line instead of a table")
    p.add_argument("--dashboard", action="store_true",
                   help="instead of the engines, time the dashboard in headless Chromium: from a "
                   "control change to the new numbers on screen, per page (p50, p95); --repeat "
                   "sets the answers per page (default 9)")
    p.add_argument("--pages", metavar="P,P,...",
                   help="with --dashboard: the pages to time (default: all of watch, patterns, "
                   "population_1000, explore)")
    p.set_defaults(handler=bench_command)


def parse_sizes(text: str) -> list[int]:
    """``"1000,10k,100_000"`` -> ``[1000, 10000, 100000]``."""
    from ..limits import MAX_INFANTS

    sizes = []
    for part in text.split(","):
        item = part.strip().lower().replace("_", "")
        scale = 1
        if item.endswith("k"):
            item, scale = item[:-1], 1000
        try:
            value = int(item) * scale
        except ValueError:
            raise InputError(f"--sizes must be whole numbers separated by commas, "
                             f"got {text!r}") from None
        if not 1 <= value <= MAX_INFANTS:
            raise InputError(f"--sizes: each size must be 1 to {MAX_INFANTS:,}, got {value:,}")
        sizes.append(value)
    return sizes


def _parse_int(flag: str, text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InputError(f"{flag} must be a whole number, got {text!r}") from None
    if not low <= value <= high:
        raise InputError(f"{flag} must be {low} to {high}, got {value}")
    return value


def dashboard_command(args: argparse.Namespace) -> int:
    """``ssp bench --dashboard``: the dashboard's answer times in a real browser."""
    import json

    from dashboard.latency import (
        DEFAULT_SAMPLES,
        SCENARIOS,
        LatencyError,
        format_latency,
        measure,
    )

    samples = (_parse_int("--repeat", args.repeat, 1, 100) if args.repeat is not None
               else DEFAULT_SAMPLES)
    pages = None
    if args.pages is not None:
        pages = tuple(p.strip() for p in args.pages.split(",") if p.strip())
        known = {s.name for s in SCENARIOS}
        unknown = [p for p in pages if p not in known]
        if unknown or not pages:
            raise InputError(f"--pages must name some of {', '.join(sorted(known))}, got "
                             f"{args.pages!r}")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        result = measure(samples, pages, log=None if args.json else log)
    except LatencyError as exc:
        print(f"ssp bench: error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result.to_dict(), separators=(",", ":")) if args.json
          else format_latency(result))
    sys.stdout.flush()
    return 0


def bench_command(args: argparse.Namespace) -> int:
    from ..bench import BenchError, format_result, run_benchmark

    if args.dashboard:
        return dashboard_command(args)
    if args.pages is not None:
        raise InputError("--pages goes with --dashboard")
    from .run import parse_seed, parse_threads

    sizes = parse_sizes(args.sizes) if args.sizes is not None else None
    repeat = _parse_int("--repeat", args.repeat, 1, 1000) if args.repeat is not None else None
    seed = parse_seed(args.seed)
    threads = parse_threads(args.threads) if args.threads is not None else None

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        result = run_benchmark(sizes, repeat, quick=args.quick, mesa=not args.no_mesa,
                               seed=seed, threads=threads, log=None if args.json else log,
                               life=not args.no_life)
    except BenchError as exc:
        print(f"ssp bench: error: {exc}", file=sys.stderr)
        return 1
    print(result.to_json() if args.json else format_result(result))
    sys.stdout.flush()
    return 0
