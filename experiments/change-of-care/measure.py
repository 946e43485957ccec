"""Change of care: how fast the classification follows a switch of care (issue 20, item 7).

Prints the share A (or C) at the Strange Situation age for the switches of docs/validation.md,
"Change of care", and the procedure's own test-retest agreement (the same working models, the
procedure rerun with independent draws). Model parameters can be overridden for an ablation.

    python experiments/change-of-care/measure.py                  # 2,000 infants, seeds 1-3
    python experiments/change-of-care/measure.py --infants 500 --seeds 1
    python experiments/change-of-care/measure.py --set defensive_exclusion=0
"""

from __future__ import annotations

import argparse

import numpy as np

from simulation import CaregivingHistory, get_population, rng, run_cohort
from simulation.observer import code_record
from simulation.params import ModelParams
from simulation.preparation import Setup, prepare
from simulation.presets import get_preset
from simulation.strange_situation import run_ssp

S, R, INC = (get_preset(n).profile for n in ("sensitive", "rejecting", "inconsistent"))


def switch(before, after, month: float) -> CaregivingHistory:
    return CaregivingHistory(((0.0, before), (month, after)))


#: (label, care, age in months, group counted)
CELLS = (
    [("sensitive throughout", S, 12.0, "A"), ("rejecting throughout", R, 12.0, "A")]
    + [(f"sensitive, rejecting from {m}", switch(S, R, m), 12.0, "A") for m in (6, 9, 10, 11)]
    + [("rejecting, sensitive from 12", switch(R, S, 12.0), a, "A")
       for a in (12.5, 13.0, 14.0, 15.0, 18.0, 20.0)]
    + [("rejecting throughout", R, 20.0, "A"), ("inconsistent throughout", INC, 12.0, "C")]
    + [("inconsistent, sensitive from 12", switch(INC, S, 12.0), a, "C")
       for a in (12.5, 13.0, 14.0, 15.0, 18.0, 20.0)]
    + [("sensitive throughout", S, 12.0, "C")]
    + [(f"sensitive, inconsistent from {m}", switch(S, INC, m), 12.0, "C") for m in (6, 9, 10, 11)]
    + [("sensitive, inconsistent from 12", switch(S, INC, 12.0), a, "C")
       for a in (13.0, 14.0, 15.0, 18.0)]
)


def retest(params: ModelParams, n: int) -> tuple[float, float]:
    """Forced A/B/C agreement and Cohen's kappa of two runs of the procedure on the same
    working models (global population, seed 1; the second run's draws from another root)."""
    setup = Setup(seed=1, population=get_population("global"), params=params)
    ids = np.arange(n)
    prep = prepare(setup, ids)
    p = setup.effective_params()

    def code(keys) -> np.ndarray:
        run = run_ssp(prep.working_model, prep.reactivity, prep.soothability, keys, p, 12.0)
        return code_record(run.record).to_frame()["abc_group"].to_numpy()

    x, y = code(prep.keys), code(rng.infant_keys(987654, ids))
    po = float((x == y).mean())
    pe = sum(float((x == c).mean() * (y == c).mean()) for c in "ABC")
    return po, (po - pe) / (1 - pe)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--infants", type=int, default=2000)
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    changes = {k: float(v) for k, v in (s.split("=", 1) for s in args.set)}
    params = ModelParams().with_changes(**changes)
    seeds = [int(s) for s in args.seeds.split(",")]
    for label, care, age, group in CELLS:
        share = np.mean([(run_cohort(care, args.infants, seed=s, age_months=age,
                                     params=params).table["abc_group"] == group).mean()
                         for s in seeds])
        print(f"{label:36s} age {age:4.1f}  {group} {share:6.1%}", flush=True)
    po, kappa = retest(params, args.infants)
    print(f"procedure test-retest (global, same working models): agreement {po:.1%}, "
          f"kappa {kappa:.2f}")


if __name__ == "__main__":
    main()
