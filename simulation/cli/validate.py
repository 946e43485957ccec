"""``ssp validate``: the literature checks on fresh, seeded cohorts (docs/validation.md)."""

from __future__ import annotations

import argparse
import sys
import time

from ..inputs import InputError


def register(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="run the literature checks (calibrated, implementation and predicted)",
        description="Run every literature check on fresh cohorts with a fixed seed and print a "
        "table: check, kind, reference, expected, simulated, result. Kinds: calibrated = a "
        "published figure the population presets were fitted to; implementation = true by "
        "construction (follows from how the coder defines the groups, or from a rule or the "
        "script by design); predicted = nothing in the fit, the definitions or a rule's design "
        "forces it (only these count as validation; each says whether it is in sample, its "
        "figure having guided development, or out of sample). Exit status 0 when every "
        "check passes or fails only as listed, with its reason, among the known failures "
        "(shown below the table); 1 otherwise. See docs/validation.md.")
    p.add_argument("--quick", action="store_true",
                   help="smaller cohorts and wider tolerances for the calibrated checks (what "
                   "CI runs)")
    p.add_argument("--strict", action="store_true",
                   help="known failures count as failures (exit status 1)")
    p.add_argument("--figures", metavar="DIR", help="write the figures (PNG) into DIR")
    p.add_argument("--report", metavar="FILE",
                   help="rewrite the generated part of FILE (docs/validation.md: between its "
                   "two marker lines) with the results, and write the figures it shows into "
                   "figures/ beside it (validation-*.png)")
    p.add_argument("--json", action="store_true",
                   help="print the results as JSON instead of the table")
    p.add_argument("--seed", default=None, metavar="S",
                   help="root seed of the cohorts (default: the fixed validation seed)")
    p.add_argument("--only", metavar="TEXT", action="append",
                   help="run only checks whose name contains TEXT (repeatable)")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(handler=validate_command)


def validate_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .. import validation as vc
    from ..validation import checks as checks_module
    from ..validation import known_failures
    from .run import parse_seed

    seed = vc.VALIDATE_SEED if args.seed is None else parse_seed(args.seed)
    figures = None
    if args.figures is not None:
        figures = Path(args.figures)
        if figures.exists() and not figures.is_dir():
            raise InputError(f"--figures must be a directory, got the file {figures}")
    report, report_text = None, ""
    if args.report is not None:
        from ..validation import report as report_module

        if args.only:
            raise InputError("--report writes the whole page: leave out --only")
        report = Path(args.report)
        report_text = report_module.check_target(report)
        folder = report.parent / report_module.FIGURE_DIR
        if folder.exists() and not folder.is_dir():
            raise InputError(f"--report writes its figures into {folder}, which is a file")
    selected = list(checks_module.CHECKS)
    if args.only:
        selected = [c for c in selected if any(t.lower() in c.name.lower() for t in args.only)]
        if not selected:
            raise InputError(f"no check name contains {' or '.join(map(repr, args.only))}")
    sizes = vc.QUICK if args.quick else vc.FULL

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"  {message}", file=sys.stderr, flush=True)

    from ..compiled import ensure_compiled

    ensure_compiled(lambda line: print(line, file=sys.stderr, flush=True))
    provider = vc.CohortProvider(sizes, seed, progress=progress)
    start = time.perf_counter()
    rows = vc.run_checks(provider, selected, known_failures.KNOWN_FAILURES, progress)
    status = vc.exit_status(rows, strict=args.strict)
    if not args.json:
        print(f"ssp validate ({sizes.label}{', strict' if args.strict else ''}): seed {seed}, "
              f"{provider.infants_run:,} infants simulated, "
              f"{time.perf_counter() - start:.0f} s")
        print(vc.format_table(rows))
        print()
        print(vc.summary(rows))
        sys.stdout.flush()
    written = []
    if figures is not None:
        from ..validation.figures import write_figures

        written = write_figures(provider, figures)
    if report is not None:
        written += _write_report(report, report_text, provider, rows, status, sizes.label, seed,
                                 time.perf_counter() - start)
    elapsed = time.perf_counter() - start
    if args.json:
        from ..validation.runner import to_json

        meta = {"mode": sizes.label, "seed": seed, "strict": args.strict,
                "runtime_s": round(elapsed, 1), "infants": provider.infants_run,
                "exit_status": status, "figures": [str(p) for p in written]}
        print(to_json(rows, meta))
        return status
    for path in written:
        print(f"wrote {path}")
    verdict = ("all checks pass" if all(r.status == "pass" for r in rows) else
               "passes (known failures only)" if status == 0 else "FAILED")
    print(f"result: {verdict} (exit status {status}); {provider.infants_run:,} infants, "
          f"{elapsed:.0f} s in all")
    sys.stdout.flush()
    return status


def _write_report(path, current: str, provider, rows, status: int, mode: str, seed: int,
                  elapsed: float) -> list:
    """Write the figures the page shows and the page's generated block; return the files."""
    from ..validation import report as report_module
    from ..validation.figures import REPORT_FIGURES, write_figures

    written = write_figures(provider, path.parent / report_module.FIGURE_DIR,
                            prefix=report_module.FIGURE_PREFIX, per_population=False)
    meta = {"date": report_module.today(), "mode": mode, "seed": seed,
            "infants": provider.infants_run, "runtime_s": elapsed, "exit_status": status,
            "model": report_module.model_code()}
    report_module.write(path, current, report_module.render(rows, meta, REPORT_FIGURES))
    return [*written, path]
