"""``ssp sweep FILE.toml --out DIR``: run an experiment file's cells, resumably, in parallel."""

from __future__ import annotations

import argparse
import signal
import sys

from ..inputs import InputError
from ..limits import MAX_SWEEP_WORKERS


def register(sub) -> None:
    p = sub.add_parser(
        "sweep", help="run an experiment file (a sweep of cohorts), resumably",
        description="Run the cells of an experiment file (TOML: a grid or sampled design over "
        "caregiving, temperament and model parameters, times replicate cohorts) and write one "
        "table per cell to DIR/cells with a manifest. Running again on the same DIR runs only "
        "the missing cells. Results do not depend on --workers or the backend.")
    p.add_argument("file", metavar="FILE.toml", help="the experiment file")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="directory for the results (created; resumed if it holds this sweep)")
    p.add_argument("--workers", metavar="K",
                   help="local worker processes (default: the machine's cores; 1 runs in this "
                   "process)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a Dask cluster (e.g. tcp://host:8786; needs the [dask] extra)")
    p.add_argument("--force", action="store_true",
                   help="accept a DIR holding another experiment file or model code: rerun it, "
                   "keeping only cells whose settings and code are unchanged")
    p.add_argument("--format", choices=("parquet", "csv"), default=None,
                   help="cell table format (default: the file's [output] format, else parquet)")
    p.add_argument("--quiet", action="store_true",
                   help="no progress bar (it is off anyway when stderr is not a terminal)")
    p.add_argument("--dry-run", action="store_true",
                   help="validate the file and show the cells, without running anything")
    p.set_defaults(handler=sweep_command)


def parse_workers(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text)
    except ValueError:
        raise InputError(f"--workers must be a whole number, got {text!r}") from None
    if not 1 <= value <= MAX_SWEEP_WORKERS:
        raise InputError(f"--workers must be in [1, {MAX_SWEEP_WORKERS}], got {value}")
    return value


def _unit(experiment) -> str:
    """What a cell's rows are: infants, or persons whose lives run ([life])."""
    return "persons" if experiment.base.get("life") is not None else "infants"


def _plan_lines(experiment) -> list[str]:
    cells = experiment.cells
    points = len(cells) // experiment.replicates
    unit = _unit(experiment)
    lines = [f"experiment {experiment.name}: {points:,} design point(s) "
             f"({experiment.sweep.design}) x {experiment.replicates:,} replicate(s) = "
             f"{len(cells):,} cells of {experiment.infants:,} {unit} "
             f"({experiment.total_infants:,} {unit}), root seed {experiment.seed}"]
    if experiment.sweep.paths:
        lines.append("swept: " + ", ".join(experiment.sweep.paths))
    return lines


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def sweep_command(args: argparse.Namespace) -> int:
    # SIGTERM ends a sweep as Ctrl+C does (workers stopped, manifest written, "interrupted")
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        return _sweep(args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _sweep(args: argparse.Namespace) -> int:
    from ..sweep.spec import load_experiment

    workers = parse_workers(args.workers)
    if workers is not None and args.scheduler is not None:
        raise InputError("give --workers (local processes) or --scheduler (a Dask cluster), "
                         "not both")
    experiment = load_experiment(args.file)
    if args.dry_run:
        for line in _plan_lines(experiment):
            print(line)
        for cell in experiment.cells[:10]:
            settings = ", ".join(f"{k} = {v!r}" for k, v in cell.values.items())
            label = f"[{cell.label}] " if cell.label is not None else ""
            print(f"  {cell.cell_id}  replicate {cell.replicate}  seed {cell.seed}  "
                  f"{label}{settings}")
        if len(experiment.cells) > 10:
            print(f"  ... and {len(experiment.cells) - 10:,} more")
        return 0
    from ..compiled import ensure_compiled
    from ..sweep.runner import run_sweep

    if args.scheduler is None:  # local workers load what this process compiles
        ensure_compiled(lambda line: print(line, file=sys.stderr, flush=True))

    def started(result) -> None:
        for line in _plan_lines(experiment):
            print(line)
        if result.skipped:
            print(f"{result.skipped:,} cell(s) already done in {result.out}")
        damaged = list(result.damaged.values())
        for problem in damaged[:10]:
            print(f"damaged, removed and run again: {problem}")
        if len(damaged) > 10:
            print(f"... and {len(damaged) - 10:,} more damaged cell file(s) (the manifest "
                  "lists them all)")
        if result.cells > result.skipped:
            print(f"running {result.cells - result.skipped:,} cell(s) ({result.backend}, "
                  f"{result.workers} worker(s))")
        else:
            print("nothing left to run")
        sys.stdout.flush()

    result = run_sweep(experiment, args.out, workers=workers, scheduler=args.scheduler,
                       force=args.force, progress=False if args.quiet else None,
                       output_format=args.format, on_start=started)
    if result.ran or result.failed:
        rate = (f", {result.infants_per_second:,.0f} {_unit(experiment)}/s" if result.ran
                else "")
        print(f"ran {result.ran:,} cell(s) ({result.backend}, {result.workers} worker(s)) in "
              f"{result.seconds:.1f} s{rate}")
    print(f"{result.done:,} of {result.cells:,} cells done; results in {result.out} "
          "(load with simulation.sweep.load_results)")
    if result.failed:
        print(f"{len(result.failed)} cell(s) failed (run again to retry):", file=sys.stderr)
        for cell_id, error in list(result.failed.items())[:5]:
            print(f"  {cell_id}: {error}", file=sys.stderr)
        return 1
    return 0 if result.complete else 1
