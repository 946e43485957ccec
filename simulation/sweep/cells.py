"""From an experiment to cells: design points x replicates, each with a stable id and seed.

A *cell* is one cohort: one design point (a value for every swept setting) and one replicate.

- **Seed** (docs/design.md, reproducibility): ``cell_seed(root, values, replicate)`` hashes
  the root seed with the cell's swept values and replicate number (SHA-256, first 63 bits),
  never its position or completion order, so results do not depend on workers, backends or
  scheduling. With ``[sweep] seeds = "common"`` every design point of a replicate shares one
  seed (common random numbers: the same infants under each setting, for sharper comparisons).
- **Infants** are ``0 .. infants - 1`` within each cell; their draws are keyed by (cell seed,
  infant id, purpose, step), so growing ``infants`` keeps the first infants unchanged.
- **Id**: the first 16 hex digits of a SHA-256 of everything that determines the cell's table
  (the explicit setup, infants, seed, scales). Cell files are named by it, so a resumed or
  edited (``--force``) experiment reuses exactly the cells whose content is unchanged.

Designs: ``grid`` (every combination, the last axis varying fastest), ``one-at-a-time`` (the
base point, then each axis varied alone over its values), ``sampled`` (Latin hypercube or
independent uniform samples from keyed draws of ``[sweep] seed``: the same on every machine),
``list`` (explicit points), or a single point when the file has no ``[sweep]``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import rng
from ..inputs import InputError
from ..limits import MAX_SWEEP_CELLS, MAX_SWEEP_INFANTS
from .spec import Experiment, apply_values, check_buildable, column_name, normalize_setup

#: Version of the seed and id derivation (part of every hash; change it only with a reason).
SCHEME = "ssp-sweep/1"
_SAMPLE_PURPOSE = 0x5EED


@dataclass(frozen=True)
class Cell:
    """One cohort of the sweep."""

    index: int  #: position in design order (points in order, replicates within a point)
    point: int  #: the design point's number
    replicate: int
    values: dict[str, Any]  #: swept path -> value (every swept path, base values included)
    explicit: dict[str, Any]  #: the paths this point sets (the rest are at base)
    label: str | None
    seed: int
    cell_id: str

    def columns(self) -> dict[str, Any]:
        """Identity and parameter columns added to every row of this cell's table."""
        cols: dict[str, Any] = {"cell_id": self.cell_id, "cell_index": self.index,
                                "point": self.point, "replicate": self.replicate}
        if self.label is not None:
            cols["label"] = self.label
        cols.update({column_name(p): v for p, v in self.values.items()})
        return cols


def canonical(value: Any) -> str:
    """Canonical JSON (sorted keys, no spaces; floats in shortest round-trip form)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False)


def _hash63(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("ascii")).digest()[:8], "big") >> 1


def cell_seed(root_seed: int, values: dict[str, Any], replicate: int,
              scheme: str = "per-cell") -> int:
    """The cell's seed from the root seed and the cell's stable key (never its position)."""
    key = "common" if scheme == "common" else canonical(values)
    return _hash63(f"{SCHEME}|seed|{int(root_seed)}|{key}|{int(replicate)}")


def cell_id(setup: dict, infants: int, seed: int, scales: bool) -> str:
    """Content address of a cell: equal ids mean equal tables (for one package version)."""
    text = canonical({"setup": setup, "infants": infants, "seed": seed, "scales": scales})
    return hashlib.sha256(f"{SCHEME}|cell|{text}".encode("ascii")).hexdigest()[:16]


def base_value(setup: dict, path: str) -> Any:
    """The value a setting has in a normalised setup (``None`` where it is left to the model)."""
    parts = path.split(".")
    head = parts[0]
    if head in ("caregiving", "secondary"):
        table = setup[head]
        if parts[1] == "spells":
            return table["spells"][int(parts[2])][parts[3]]
        if parts[1] in ("share", "from_month") and head == "secondary":
            return table[parts[1]]
        return table["spells"][0][parts[1]]
    if head == "population":
        return setup["population"]["name"]
    if head == "temperament":
        return setup["temperament"].get(parts[1])
    if head == "params":
        if parts[1] in setup["params"]:
            return setup["params"][parts[1]]
        from ..params import ModelParams

        return getattr(ModelParams(), parts[1])
    if head == "life":
        life = setup["life"]
        if parts[1] == "therapy":
            return life["therapy_age"] is not None
        if parts[1] in life:
            return life[parts[1]]
        if parts[1] in life["params"]:
            return life["params"][parts[1]]
        from ..life.params import LifeParams

        return getattr(LifeParams(), parts[1])
    return setup["ssp"][parts[1]]


def _count(experiment: Experiment) -> int:
    sweep = experiment.sweep
    if sweep.design == "single":
        return 1
    if sweep.design == "grid":
        return math.prod(len(a.values) for a in sweep.axes)
    if sweep.design == "one-at-a-time":
        return 1 + sum(len(a.values) for a in sweep.axes)
    if sweep.design == "sampled":
        return sweep.samples
    return len(sweep.points)


def _check_size(experiment: Experiment) -> None:
    where = experiment.source
    points = _count(experiment)
    cells = points * experiment.replicates
    if cells > MAX_SWEEP_CELLS:
        raise InputError(f"{where}: sweep: {points:,} design points x {experiment.replicates:,} "
                         f"replicates = {cells:,} cells, more than {MAX_SWEEP_CELLS:,} "
                         "(MAX_SWEEP_CELLS); split the experiment")
    total = cells * experiment.infants
    if total > MAX_SWEEP_INFANTS:
        raise InputError(f"{where}: sweep: {cells:,} cells x {experiment.infants:,} infants = "
                         f"{total:,} infants, more than {MAX_SWEEP_INFANTS:,} "
                         "(MAX_SWEEP_INFANTS); split the experiment")


def _sample_units(seed: int, n: int, n_axes: int, method: str) -> np.ndarray:
    """``(n_axes, n)`` uniforms on [0, 1) from keyed draws: Latin hypercube or independent."""
    keys = rng.infant_keys(seed, np.arange(n, dtype=np.int64))
    out = np.empty((n_axes, n))
    for a in range(n_axes):
        jitter = rng.uniform(keys, _SAMPLE_PURPOSE, 2 * a)
        if method == "random":
            out[a] = jitter
        else:
            order = rng.uniform(keys, _SAMPLE_PURPOSE, 2 * a + 1)
            strata = np.argsort(order, kind="stable")  # a permutation of the n strata
            out[a] = (strata + jitter) / n
    return out


def _sampled_points(experiment: Experiment) -> list[dict[str, Any]]:
    sweep = experiment.sweep
    units = _sample_units(sweep.seed, sweep.samples, len(sweep.axes), sweep.method)
    points = [{} for _ in range(sweep.samples)]
    for a, axis in enumerate(sweep.axes):
        u = units[a]
        if axis.values is not None:
            index = np.minimum((u * len(axis.values)).astype(np.int64), len(axis.values) - 1)
            column = [axis.values[i] for i in index]
        elif axis.log:
            lo, hi = math.log(axis.low), math.log(axis.high)
            column = [min(max(float(f"{math.exp(lo + x * (hi - lo)):.12g}"), axis.low),
                          axis.high) for x in u]
        else:
            column = [min(max(float(f"{axis.low + x * (axis.high - axis.low):.12g}"),
                              axis.low), axis.high) for x in u]
        for point, value in zip(points, column, strict=True):
            point[axis.path] = value
    return points


def design_points(experiment: Experiment) -> list[tuple[dict[str, Any], str | None]]:
    """The design points in order: (explicitly set paths -> values, label)."""
    sweep = experiment.sweep
    if sweep.design == "single":
        return [({}, None)]
    if sweep.design == "grid":
        paths = [a.path for a in sweep.axes]
        return [(dict(zip(paths, combo, strict=True)), None)
                for combo in itertools.product(*(a.values for a in sweep.axes))]
    if sweep.design == "one-at-a-time":
        points: list[tuple[dict[str, Any], str | None]] = [({}, "base")]
        for axis in sweep.axes:
            base = base_value(experiment.base, axis.path)
            points.extend(({axis.path: v}, f"{axis.path} = {v}") for v in axis.values
                          if v != base)
        return points
    if sweep.design == "sampled":
        return [(p, None) for p in _sampled_points(experiment)]
    return [(values, label if label is not None else f"point {i}")
            for i, (values, label) in enumerate(zip(sweep.points, sweep.labels, strict=True))]


def _check_axis_values(experiment: Experiment) -> None:
    """Each axis value alone on the base setup, so a bad value is named where it is written."""
    for axis in experiment.sweep.axes:
        values = axis.values if axis.values is not None else (axis.low, axis.high)
        for value in values:
            where = f"{experiment.source}: sweep.axes.{axis.path!r} value {value!r}"
            normalize_setup(apply_values(experiment.setup, {axis.path: value}), where)


def _describe(values: dict[str, Any]) -> str:
    return ", ".join(f"{k} = {v!r}" for k, v in values.items()) or "the base setting"


def cell_setup(experiment: Experiment, explicit: dict[str, Any]) -> dict:
    """The normalised setup of a design point."""
    where = f"{experiment.source}: sweep point ({_describe(explicit)})"
    return normalize_setup(apply_values(experiment.setup, explicit), where)


def plan_cells(experiment: Experiment) -> list[Cell]:
    """Every cell of the experiment, validated (each point's setup is built), in design order."""
    _check_size(experiment)
    _check_axis_values(experiment)
    paths = experiment.sweep.paths
    cells: list[Cell] = []
    seen: dict[str, int] = {}
    for p, (explicit, label) in enumerate(design_points(experiment)):
        setup = cell_setup(experiment, explicit)
        check_buildable(setup, f"{experiment.source}: sweep point ({_describe(explicit)})")
        values = {path: explicit[path] if path in explicit else base_value(setup, path)
                  for path in paths}
        for r in range(experiment.replicates):
            seed = cell_seed(experiment.seed, values, r, experiment.sweep.seeds)
            cid = cell_id(setup, experiment.infants, seed, experiment.scales)
            if cid in seen:
                other = seen[cid] // experiment.replicates
                raise InputError(f"{experiment.source}: sweep: design points {other} and {p} "
                                 f"are the same setting ({_describe(values)})")
            seen[cid] = len(cells)
            cells.append(Cell(index=len(cells), point=p, replicate=r, values=values,
                              explicit=explicit, label=label, seed=seed, cell_id=cid))
    return cells


def cell_task(experiment: Experiment, cell: Cell) -> dict[str, Any]:
    """What a worker needs to run one cell: plain, picklable data."""
    return {"cell_id": cell.cell_id, "setup": cell_setup(experiment, cell.explicit),
            "infants": experiment.infants, "seed": cell.seed, "scales": experiment.scales,
            "columns": cell.columns()}
