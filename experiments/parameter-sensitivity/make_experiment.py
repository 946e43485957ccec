"""Write ``experiment.toml`` from the model's documented parameters (run after they change).

Each parameter of :class:`simulation.params.ModelParams` gets two values, half and one and a half
times its default, clipped to its documented range (a parameter whose default is 0 gets one
value, 30% of its range). The test suite checks that the file covers every parameter.

    python experiments/parameter-sensitivity/make_experiment.py
"""

from __future__ import annotations

from pathlib import Path

from simulation.params import ModelParams

HERE = Path(__file__).resolve().parent

HEAD = '''\
# Sensitivity analysis of the model's own parameters: which of them move the distribution, and
# how much? One at a time, each mechanism constant is set to half and to one and a half times its
# default (clipped to its documented range; constants whose default is 0 are set to 30% of their
# range), the others at their defaults, in the "global" population preset. Common random numbers
# (the same infants in every cell of a replicate) make the differences sharp. About 220 design
# points x 2 replicate cohorts of 1,000 infants. Written by make_experiment.py from
# ModelParams.describe(): rerun it when the parameters change.
#
#   ssp sweep experiments/parameter-sensitivity/experiment.toml --out results/parameter-sensitivity
#   python experiments/parameter-sensitivity/figure.py results/parameter-sensitivity

name = "parameter-sensitivity"
description = """One-at-a-time sensitivity of the A/B/C/D distribution to every model parameter \\
(half and one and a half times its default), global population, common random numbers."""
seed = 2020
infants = 1000
replicates = 2

[population]
name = "global"

[sweep]
design = "one-at-a-time"
seeds = "common"

[sweep.axes]
'''


def values_for(default: float, low: float, high: float) -> list[float]:
    """Half and one and a half times the default, within [low, high] (0: 30% of the range)."""
    if default == 0:
        return [round(low + 0.3 * (high - low), 6)]
    values = [max(low, float(f"{default * 0.5:.6g}")), min(high, float(f"{default * 1.5:.6g}"))]
    return [v for v in dict.fromkeys(values) if v != default]


def experiment_text() -> str:
    lines = []
    for d in ModelParams.describe():
        values = ", ".join(repr(float(v)) for v in values_for(d["default"], d["low"], d["high"]))
        lines.append(f'"params.{d["name"]}" = [{values}]  # default {d["default"]:g}; '
                     f'range [{d["low"]:g}, {d["high"]:g}]')
    return HEAD + "\n".join(lines) + "\n"


if __name__ == "__main__":
    (HERE / "experiment.toml").write_text(experiment_text())
    print(f"wrote {HERE / 'experiment.toml'}")
