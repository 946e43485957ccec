"""``ssp life``: a cohort from birth to adulthood (and optionally the next generation)."""

from __future__ import annotations

import argparse
import sys
import time

from ..caregiving import PROFILE_PARAMETERS
from ..inputs import InputError, check_int, parse_number
from ..limits import MAX_THREADS
from .run import (
    add_cohort_arguments,
    caregiving_from_args,
    parse_count,
    parse_seed,
    parse_threads,
    temperament_from_args,
)


def register(sub) -> None:
    p = sub.add_parser(
        "life", help="run lives from birth to adulthood and print the adult styles",
        description="Run N persons through the home year and the 12-month Strange Situation "
        "(as `ssp run`), then on through childhood, adolescence and adulthood: care continuing "
        "and changed by life events, alternative figures, partners, optional therapy. Prints "
        "the infant-to-adult figures and optionally writes one row per person. Caregiving "
        "flags as for `ssp run`.")
    add_cohort_arguments(p, "persons")
    p.add_argument("--to-age", default="30", metavar="YEARS",
                   help="age the lives run to, in whole years (1 to 60; default 30)")
    p.add_argument("--child", action="store_true",
                   help="each person raises a child (at 28) who goes through the Strange "
                   "Situation (needs --to-age 28 or more)")
    p.add_argument("--therapy-age", metavar="YEARS",
                   help="every person is in therapy for a year from this age (default: none)")
    p.add_argument("--out", metavar="FILE", help="write one row per person (.csv or .parquet)")
    p.add_argument("--threads", metavar="N",
                   help=f"threads the simulation runs on (1 to {MAX_THREADS}; default: every "
                   "usable core); the results do not depend on it")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=life_command)


def parse_age(text: str) -> int:
    from ..life.run import MAX_AGE

    try:
        value = int(str(text).strip())
    except ValueError:
        raise InputError(f"--to-age must be a whole number of years, got {text!r}") from None
    return check_int("--to-age", value, 1, MAX_AGE)


def format_life(table) -> str:
    """The infant-to-adult figures: the distributions and how they are linked."""
    import pandas as pd

    lines = []
    infant = table["infant_group"].value_counts(normalize=True).reindex(
        ["B", "A", "C", "D"], fill_value=0.0)
    lines.append("infant (12 months): " + "  ".join(f"{k} {v:.1%}" for k, v in infant.items()))
    if "adult_style" in table:
        from ..life.measures import POPULAR_NAMES, STYLES, STYLES3

        adult = table["adult_style"].value_counts(normalize=True).reindex(STYLES,
                                                                          fill_value=0.0)
        lines.append("adult self-report, four styles: " + "  ".join(
            f"{k} ({POPULAR_NAMES[k]}) {v:.1%}" if k != "secure" else f"{k} {v:.1%}"
            for k, v in adult.items()))
        three = table["adult_style3"].value_counts(normalize=True).reindex(STYLES3,
                                                                           fill_value=0.0)
        lines.append("adult self-report, three styles: " + "  ".join(
            f"{k} {v:.1%}" for k, v in three.items()))
        secure_adult = table["adult_style"] == "secure"
        secure_infant = table["infant_group"] == "B"
        lines.append(f"infant secure (B) and adult secure (self-report) agree: "
                     f"{(secure_adult == secure_infant).mean():.1%}")
        c = table["infant_group"] == "C"
        if c.any():
            lines.append(f"C infants who report a preoccupied style as adults: "
                         f"{(table.loc[c, 'adult_style'] == 'preoccupied').mean():.1%} "
                         f"(of {int(c.sum()):,})")
        cross = pd.crosstab(table["infant_group"], table["adult_style"], normalize="index")
        lines.append("infant group -> adult style (row shares):")
        lines.append(cross.reindex(columns=list(STYLES), fill_value=0.0).round(2).to_string())
    if "child_group" in table:
        child = table["child_group"].value_counts(normalize=True).reindex(
            ["B", "A", "C", "D"], fill_value=0.0)
        lines.append("their children (12 months): " + "  ".join(
            f"{k} {v:.1%}" for k, v in child.items()))
    return "\n".join(lines)


def life_command(args: argparse.Namespace) -> int:
    from ..compiled import ensure_compiled
    from ..io import check_output_path, write_table
    from ..life import LifeParams, run_lives

    n = parse_count(args.infants)
    seed = parse_seed(args.seed)
    to_age = parse_age(args.to_age)
    therapy_age = (None if args.therapy_age is None
                   else parse_number("--therapy-age", args.therapy_age, 1.0, float(to_age)))
    threads = None if args.threads is None else parse_threads(args.threads)
    q = LifeParams()
    if args.child and to_age < q.parent_age:
        raise InputError(f"--child needs --to-age of at least {q.parent_age:g} (the age at "
                         f"which the child is raised), got {to_age}")
    temperament = temperament_from_args(args)
    out = check_output_path(args.out) if args.out else None
    if args.population is not None:
        from ..population_presets import get_population

        if any(getattr(args, k) is not None for k in PROFILE_PARAMETERS):
            raise InputError("caregiving flags cannot be combined with --population")
        population = get_population(args.population)
        care, label = None, f"population {population.name}"
    else:
        population = None
        care = caregiving_from_args(args)
        label = (f"preset {args.preset}: " if args.preset else "") + ", ".join(
            f"{k} {v:g}" for k, v in care.as_dict().items())
    ensure_compiled(lambda line: print(line, file=sys.stderr, flush=True), life=True)
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=n, unit="life", file=sys.stderr, leave=False)
    start = time.perf_counter()
    try:
        table = run_lives(care, n, seed, population=population, temperament=temperament,
                          life=q, to_age=to_age, child=args.child, therapy_age=therapy_age,
                          progress=None if bar is None else bar.update, threads=threads)
    finally:
        if bar is not None:
            bar.close()
    elapsed = time.perf_counter() - start
    print(f"{n:,} lives to {to_age} years, seed {seed}, {label}")
    print(format_life(table))
    print(f"({elapsed:.1f} s)")
    if out is not None:
        write_table(table, out)
        print(f"wrote {len(table):,} rows to {out}")
    sys.stdout.flush()
    return 0
