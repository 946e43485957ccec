"""``ssp run`` and ``ssp presets``: a cohort from a caregiving preset, flags or a population."""

from __future__ import annotations

import argparse
import sys
import time

from ..caregiving import PROFILE_PARAMETERS, CaregiverProfile
from ..inputs import InputError, check_int, parse_number
from ..limits import MAX_INFANTS, MAX_THREADS
from ..ssp_age import SSP_AGE_MONTHS, SSP_AGE_SOURCE, parse_ssp_age

#: Caregiving used when neither a preset nor a flag sets a parameter.
DEFAULT_PROFILE = {"responsiveness": 0.5, "consistency": 0.5, "warmth": 0.5,
                   "frightening": 0.0, "unresolved": 0.0}


def add_cohort_arguments(p, unit: str) -> None:
    """The flags ``ssp run`` and ``ssp life`` share: caregiving (a preset, a population or
    its parameters), temperament, how many ``unit`` and the root seed."""
    source = p.add_mutually_exclusive_group()
    source.add_argument("--preset", help="caregiving preset (see `ssp presets`)")
    source.add_argument("--population", help="population preset (see `ssp presets`)")
    for name in PROFILE_PARAMETERS:
        p.add_argument(f"--{name}", metavar="X", help=f"{PROFILE_PARAMETERS[name]} [0-1]")
    p.add_argument("--reactivity", metavar="X", help="fix every infant's reactivity [0-1]")
    p.add_argument("--soothability", metavar="X", help="fix every infant's soothability [0-1]")
    p.add_argument("--infants", default="1000", metavar="N",
                   help=f"number of {unit} (1 to {MAX_INFANTS:,}; default 1000)")
    p.add_argument("--seed", default="0", metavar="S", help="root seed (default 0)")


def register(sub) -> None:
    p = sub.add_parser(
        "run", help="run a cohort and print its distribution",
        description="Run N infants through the home year, the eight episodes and the coder; "
        "print the distribution and optionally write one row per infant. Caregiving comes from "
        "--preset, overridden by any caregiving flag (unset flags: responsiveness, consistency "
        "and warmth 0.5, frightening and unresolved 0), or from --population. Temperament is "
        "drawn from the population distribution unless --reactivity/--soothability fix it.")
    add_cohort_arguments(p, "infants")
    p.add_argument("--age", default="12", metavar="MONTHS",
                   help=f"age at the Strange Situation in months, {SSP_AGE_MONTHS[0]:g} to "
                   f"{SSP_AGE_MONTHS[1]:g}: the ages the procedure and its classification are "
                   f"validated for ({SSP_AGE_SOURCE}) (default 12)")
    p.add_argument("--out", metavar="FILE", help="write one row per infant (.csv or .parquet)")
    p.add_argument("--scales", metavar="FILE",
                   help="write every scale in every episode, long format (.csv or .parquet)")
    p.add_argument("--threads", metavar="N",
                   help=f"threads the simulation runs on (1 to {MAX_THREADS}; default: every "
                   "usable core); the results do not depend on it")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(handler=run_command)

    q = sub.add_parser("presets", help="list caregiving and population presets",
                       description="List the presets with their parameters and what each shows.")
    q.set_defaults(handler=presets_command)


def caregiving_from_args(args: argparse.Namespace) -> CaregiverProfile:
    """The caregiver profile from --preset and the caregiving flags."""
    from ..presets import get_preset

    values = dict(DEFAULT_PROFILE)
    if args.preset is not None:
        values = get_preset(args.preset).profile.as_dict()
    for name in PROFILE_PARAMETERS:
        text = getattr(args, name)
        if text is not None:
            values[name] = parse_number(f"--{name}", text, 0.0, 1.0)
    return CaregiverProfile(**values)


def temperament_from_args(args: argparse.Namespace):
    from ..temperament import Temperament, TemperamentDistribution

    react = args.reactivity
    sooth = args.soothability
    if react is None and sooth is None:
        return None
    base = TemperamentDistribution()
    if react is not None and sooth is not None:
        return Temperament(parse_number("--reactivity", react, 0, 1),
                           parse_number("--soothability", sooth, 0, 1))
    # one fixed, the other drawn: a distribution with zero spread on the fixed trait
    return TemperamentDistribution(
        reactivity_mean=base.reactivity_mean if react is None
        else parse_number("--reactivity", react, 0, 1),
        reactivity_sd=base.reactivity_sd if react is None else 0.0,
        soothability_mean=base.soothability_mean if sooth is None
        else parse_number("--soothability", sooth, 0, 1),
        soothability_sd=base.soothability_sd if sooth is None else 0.0,
    )


def parse_count(text: str) -> int:
    try:
        value = int(str(text).replace("_", "").replace(",", ""))
    except ValueError:
        raise InputError(f"--infants must be a whole number, got {text!r}") from None
    if value > MAX_INFANTS:
        raise InputError(f"--infants is at most {MAX_INFANTS:,} per run (got {value:,}); for "
                         "more, run replicates with `ssp sweep` (optionally on a Dask cluster)")
    return check_int("--infants", value, 1, MAX_INFANTS)


def parse_seed(text: str) -> int:
    from ..rng import MAX_SEED

    try:
        value = int(text)
    except ValueError:
        raise InputError(f"--seed must be a whole number, got {text!r}") from None
    return check_int("--seed", value, 0, MAX_SEED)


def parse_threads(text: str) -> int:
    try:
        value = int(str(text).strip())
    except ValueError:
        raise InputError(f"--threads must be a whole number, got {text!r}") from None
    return check_int("--threads", value, 1, MAX_THREADS)


def format_distribution(table) -> str:
    """The distribution as a printed table: count, share and 95% interval per class."""
    from ..stats import class_shares

    lines = [f"{'classification':<14} {'n':>7} {'share':>7}   95% CI"]
    for name, row in class_shares(table["classification"]).iterrows():
        lines.append(f"{name:<14} {int(row['count']):>7d} {row['share']:>7.1%}   "
                     f"[{row['ci_low']:.1%}, {row['ci_high']:.1%}]")
    subs = table["subgroup"].value_counts(normalize=True).sort_index()
    lines.append("forced subgroups: " + "  ".join(f"{k} {v:.0%}" for k, v in subs.items()))
    lines.append(f"D rating: mean {table['d_rating'].mean():.2f}, "
                 f"{(table['d_rating'] >= 5).mean():.1%} at 5 or above")
    return "\n".join(lines)


def run_command(args: argparse.Namespace) -> int:
    from ..cohort import run_cohort
    from ..compiled import ensure_compiled
    from ..io import check_output_path, write_table

    n = parse_count(args.infants)
    seed = parse_seed(args.seed)
    age = parse_ssp_age("--age", args.age)
    threads = None if args.threads is None else parse_threads(args.threads)
    temperament = temperament_from_args(args)
    out = check_output_path(args.out) if args.out else None
    scales_out = check_output_path(args.scales) if args.scales else None
    if out is not None and scales_out is not None and out.resolve() == scales_out.resolve():
        raise InputError("--out and --scales must be different files")
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
    ensure_compiled(lambda line: print(line, file=sys.stderr, flush=True))
    start = time.perf_counter()
    result = run_cohort(care, n, seed, population=population, temperament=temperament,
                        age_months=age, scales=scales_out is not None,
                        progress=False if args.quiet else None, threads=threads)
    elapsed = time.perf_counter() - start
    print(f"{n:,} infants, seed {seed}, {label}")
    print(format_distribution(result.table))
    print(f"({elapsed:.1f} s)")
    if out is not None:
        write_table(result.table, out)
        print(f"wrote {len(result.table):,} rows to {out}")
    if scales_out is not None:
        write_table(result.scales, scales_out)
        print(f"wrote {len(result.scales):,} scale scores to {scales_out}")
    sys.stdout.flush()
    return 0


def presets_command(args: argparse.Namespace) -> int:
    from ..population_presets import get_population, population_names
    from ..presets import PRESETS

    print("Caregiving presets (ssp run --preset NAME):")
    print(f"  {'name':<15} {'resp':>5} {'cons':>5} {'warm':>5} {'fright':>6} {'unres':>5} "
          f"{'sens':>5}")
    for preset in PRESETS.values():
        pr = preset.profile
        print(f"  {preset.name:<15} {pr.responsiveness:>5.2f} {pr.consistency:>5.2f} "
              f"{pr.warmth:>5.2f} {pr.frightening:>6.2f} {pr.unresolved:>5.2f} "
              f"{pr.sensitivity:>5.1f}")
        print(f"      {preset.demonstrates} ({preset.reference})")
    print("  sens = Ainsworth-sensitivity equivalent, 1 + 8 x responsiveness x "
          "(1 + consistency) / 2")
    print()
    print("Population presets (ssp run --population NAME):")
    for name in population_names():
        pop = get_population(name)
        print(f"  {name:<15} {pop.description}")
    return 0
