"""Calibrate the population presets to the published attachment distributions.

Writes ``simulation/data/populations.json`` (read by :mod:`simulation.population_presets`).
Re-runnable end to end; see ``experiments/calibration/README.md`` for the method and the
latest results.

    python experiments/calibration/calibrate.py                # the full calibration
    python experiments/calibration/calibrate.py --workers 2    # two processes
    python experiments/calibration/calibrate.py --dry-run      # fit and report, write nothing
    python experiments/calibration/calibrate.py --quick        # a small end-to-end check (about
                                                               # a minute; writes nothing)

Method, in short:

1. **Emulator.** A grid of caregiving cells (responsiveness x consistency x warmth, 9 levels
   each; and a coarser grid with frightening levels) is simulated once as one cohort
   (:class:`simulation.cell_design.CellDesign`, temperament drawn from the default distribution),
   giving P(class | cell). A population's shares are the average of the multilinearly
   interpolated P(class | caregiving) over a fixed Monte Carlo sample of the population's own
   caregiving draws (the exact transform of :meth:`simulation.population.Population.draw`,
   same bounded bell variates, so the emulator averages over exactly the density the real
   population samples). Grids are cached under ``experiments/calibration/cache/`` (gitignored),
   keyed by the model's fingerprint (:func:`simulation.fingerprint.code_fingerprint`),
   so a changed model re-simulates them.
2. **Loss.** For each published class share t (sample size N), the squared error in units of the
   binomial standard error se = sqrt(t (1 - t) / N), summed over classes; plus a small ridge
   penalty that pulls the fitted means toward an anchor (the global population for every sample;
   the initial guesses for the global one). With three caregiving means and two degrees of
   freedom in an A/B/C distribution the ridge picks, among the parameter sets that fit, the one
   closest to the anchor: a country differs from the pooled sample as little as its data demand.
   Plus a prior on where each group's care lies (:mod:`simulation.care_structure`): the
   caregivers of C infants less consistent than those of B infants and consistency correlated
   negatively with C (Ainsworth et al. 1978: mothers of ambivalent infants inconsistently
   available; Cassidy & Berlin 1994), the caregivers of B infants warmer (more accepting) than
   those of A infants; a squared hinge on each condition's shortfall from its margin, computed
   on the emulator. B warmer than C is reported, not imposed (see
   :data:`simulation.care_structure.PRIOR`). Populations whose C share the literature
   attributes to a cultural mechanism (Japan, Israel, and West Germany's A) are not held to it.
   The script reports whether the prior was binding and the structure of every confirmation
   cohort.
3. **Optimiser.** scipy's bounded Nelder-Mead on the emulator, in the box [0, 1], restarted
   from the best point; the emulator interpolates with scipy's ``interpn``.
4. **Cultural mechanisms.** Japan: how unfamiliar separation from the mother is
   (``separation_stress`` and ``alone_stress`` both scaled by a factor m; Takahashi 1990).
   Israel: communal sleeping in the kibbutz, care away from the parents at night
   (``night_care``; Sagi et al. 1994), a mechanism of the home year, not of the procedure.
   West Germany: encouragement of early independence (``independence_training``; Grossmann et
   al., Bielefeld). These change the grid itself, so a grid is simulated for each of a few
   candidate values. The mechanism is given the difference in the class the literature
   attributes to it: with the global population's caregiving, its value is set where the
   emulated share of that class (C for separation, A for independence) meets the sample's
   target; a grid is simulated at that value and the caregiving means are fitted on it for the
   rest (ridge toward global). The loss of the caregiving fit at every candidate value (a
   profile) is written to the JSON, to show how weakly the A/B/C shares alone pin the
   mechanism down.
5. **Confirmation.** Every fitted population is run as a real cohort (fixed seed). Where the
   direct simulation and the emulator disagree, the difference is added to the emulator as a
   bias correction and the fit repeated (at most ``--rounds`` times). The fit is accepted when
   every class is within 2 combined standard errors of its target: the published sample's
   sampling error and the confirming cohort's own.

The fixed (not fitted) parameters are written into the JSON with the fit.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.interpolate import interpn
from scipy.optimize import minimize

from simulation import care_structure, rng
from simulation.cell_design import CellDesign
from simulation.cohort import run_cohort
from simulation.fingerprint import code_fingerprint
from simulation.literature import COUNTRIES, DISTRIBUTIONS, PublishedDistribution
from simulation.population import Population, Spread

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CACHE_DIR = HERE / "cache"
OUT_FILE = ROOT / "simulation" / "data" / "populations.json"

#: Class order of every probability array: the forced A/B/C, and the four-way A/B/C/D.
ABC = ("A", "B", "C")
ABCD = ("A", "B", "C", "D")

# ---------------------------------------------------------------------------------------------
# Fixed choices (not fitted): written into the JSON
# ---------------------------------------------------------------------------------------------
#: Spread (sd) of each caregiving trait within a population, and the shared-factor correlation:
#: the initial guesses, kept fixed so that only the means (and the cultural mechanisms) are
#: fitted. They are not tuned to any predicted check.
SD = {"responsiveness": 0.18, "consistency": 0.2, "warmth": 0.2}
CORRELATION = 0.4
#: Loadings of responsiveness, consistency and warmth on the shared caregiving factor (two
#: traits correlate by the product of their loadings: .72, .63, .56). Ainsworth's home scales
#: (sensitivity, acceptance, cooperation, accessibility) intercorrelated highly (Ainsworth et
#: al. 1978, ch. 7): the unresponsive caregiver is also the inconsistently available one, which
#: is where ambivalence arises (Cassidy & Berlin 1994); acceptance (warmth) is the most distinct
#: of them, the scale on which the mothers of avoidant infants stood apart (rejecting). Fixed,
#: not fitted.
LOADINGS = (0.9, 0.8, 0.7)
#: The care-structure prior (:data:`simulation.care_structure.CONDITIONS`): weight per
#: (STRUCTURE_SCALE shortfall)^2, in units of chi-square.
STRUCTURE_WEIGHT = 1.0
STRUCTURE_SCALE = 0.01
#: How frightening a frightening caregiver is (low-risk-abcd fits only the share of them): in
#: low-risk samples frightening behaviour is mostly mild and occasional, one route to D among
#: others (van IJzendoorn, Schuengel & Bakermans-Kranenburg 1999; Madigan et al. 2006).
FRIGHTENING_SPREAD = (0.2, 0.1)
#: Caregivers with unresolved loss or trauma (frightened, dissociated behaviour; Main & Hesse
#: 1990): how unresolved they are, and their share in low-risk samples, fixed, not fitted: about
#: 18% of non-clinical mothers are classified unresolved in the Adult Attachment Interview
#: (Bakermans-Kranenburg & van IJzendoorn 2009; a figure not confirmed from the source here).
UNRESOLVED_SPREAD = (0.5, 0.15)
LOW_RISK_UNRESOLVED = 0.18
#: Anchor of the global fit (the initial guesses); every other sample is anchored on global.
PRIOR_MEANS = {"responsiveness": 0.7, "consistency": 0.7, "warmth": 0.7}
#: Ridge weight per (0.1 change of a mean)^2, in units of chi-square.
RIDGE = 1.0
RIDGE_SCALE = 0.1
#: Acceptance: every class within Z_ACCEPT combined standard errors.
Z_ACCEPT = 2.0

#: The emulator grids.
LEVELS = tuple(np.round(np.linspace(0.0, 1.0, 9), 6))
PER_CELL = 32
FRIGHT_RCW_LEVELS = tuple(np.round(np.linspace(0.0, 1.0, 5), 6))
FRIGHT_LEVELS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.55, 0.75, 1.0)
FRIGHT_PER_CELL = 16
UNRESOLVED_LEVELS = (0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 1.0)
UNRESOLVED_PER_CELL = 12
GRID_SEED = 20240
#: Monte Carlo sample of a population's caregiving draws inside the emulator.
EMULATOR_SAMPLES = 40_000
EMULATOR_SEED = 777
#: Confirmation cohorts.
CONFIRM_INFANTS = 5000
CONFIRM_SEED = 1978

#: ``--quick``: a small end-to-end check of the objective (not a calibration).
QUICK = {"levels": (0.0, 0.35, 0.7, 1.0), "per_cell": 4, "fright_rcw_levels": (0.0, 0.5, 1.0),
         "fright_per_cell": 2, "unresolved_per_cell": 2, "confirm_n": 300, "emulator_samples": 4000,
         "only": ("global", "baltimore", "west-germany", "low-risk-abcd")}

#: Cultural mechanisms: name -> (parameter changes for a value, candidate values, reference).
def separation_changes(m: float) -> dict[str, float]:
    """Separation (and being alone) m times as stressful as by default (Takahashi 1990)."""
    from simulation.params import ModelParams

    base = ModelParams()
    return {"separation_stress": round(min(1.5, base.separation_stress * m), 4),
            "alone_stress": round(min(1.0, base.alone_stress * m), 4)}


def night_changes(v: float) -> dict[str, float]:
    """A share of the occasions of need fall at night, away from the parents (Sagi et al. 1994)."""
    return {"night_care": round(float(v), 4)}


def independence_changes(v: float) -> dict[str, float]:
    """Caregivers turn away mild bids for contact (Grossmann et al., Bielefeld)."""
    return {"independence_training": round(float(v), 4)}


MECHANISMS: dict[str, tuple[Callable[[float], dict[str, float]], tuple[float, ...], str]] = {
    "separation": (separation_changes, (1.0, 1.5, 2.0, 2.5, 3.0, 4.0),
                   "Takahashi (1990), Sapporo: infants rarely separated from the mother"),
    "independence": (independence_changes, (0.0, 0.1, 0.2, 0.3, 0.45),
                     "Grossmann et al. (Bielefeld): early independence encouraged"),
    "night": (night_changes, (0.0, 0.1, 0.2, 0.3, 0.4, 0.55),
              "Sagi et al. (1994), Israeli kibbutzim: communal sleeping, infants away from "
              "their parents at night"),
}


#: The class the literature attributes each mechanism's difference to, and the resolution of
#: its fitted value.
MECHANISM_CLASS = {"separation": "C", "independence": "A", "night": "C"}
MECHANISM_STEP = {"separation": 0.05, "independence": 0.01, "night": 0.01}


@dataclass(frozen=True)
class Target:
    """One population to fit: its published distribution and how to fit it."""

    name: str
    published: PublishedDistribution
    mechanism: str | None = None  # a key of MECHANISMS
    fit_frightening: bool = False
    anchor: str | None = "global"  # None: the prior means
    unresolved_share: float = 0.0  # fixed, not fitted (LOW_RISK_UNRESOLVED)

    @property
    def structured(self) -> bool:
        """Held to the care-structure prior: every sample whose C (or A) the literature does
        not attribute to a cultural mechanism."""
        return self.mechanism is None

    @property
    def classes(self) -> tuple[str, ...]:
        return ABCD if "D" in self.published.shares else ABC

    def shares(self) -> np.ndarray:
        s = np.array([self.published.shares.get(c, 0.0) for c in self.classes], dtype=float)
        return s / s.sum()  # published percentages are rounded; they need not sum to 100


def targets() -> list[Target]:
    """The presets, fitted in this order (global first: the others are anchored on it)."""
    mech = {"japan": "separation", "israel": "night", "west-germany": "independence"}
    out = [Target("global", DISTRIBUTIONS["global"], anchor=None),
           Target("baltimore", DISTRIBUTIONS["baltimore"])]
    out += [Target(c, DISTRIBUTIONS[c], mechanism=mech.get(c)) for c in COUNTRIES]
    out.append(Target("low-risk-abcd", DISTRIBUTIONS["low-risk-abcd"], fit_frightening=True,
                      unresolved_share=LOW_RISK_UNRESOLVED))
    return out


# ---------------------------------------------------------------------------------------------
# Statistics: standard errors, loss, tolerance
# ---------------------------------------------------------------------------------------------
def binomial_se(p: np.ndarray, n: float) -> np.ndarray:
    """Standard error of a share ``p`` estimated from ``n`` infants (floored at half a case)."""
    p = np.clip(np.asarray(p, dtype=float), 0.5 / n, 1.0 - 0.5 / n)
    return np.sqrt(p * (1.0 - p) / n)


def chi_loss(pred: np.ndarray, target: np.ndarray, n_target: float) -> float:
    """Sum over classes of ((pred - target) / se_target)^2."""
    se = binomial_se(target, n_target)
    return float(np.sum(((np.asarray(pred) - target) / se) ** 2))


def within_tolerance(sim: np.ndarray, n_sim: int, target: np.ndarray, n_target: float,
                     z: float = Z_ACCEPT) -> tuple[bool, np.ndarray]:
    """Is every class within ``z`` combined standard errors? Also returns the z-scores."""
    se = np.sqrt(binomial_se(target, n_target) ** 2 + binomial_se(sim, n_sim) ** 2)
    zs = (np.asarray(sim) - target) / se
    return bool(np.all(np.abs(zs) <= z)), zs


# ---------------------------------------------------------------------------------------------
# Optimiser
# ---------------------------------------------------------------------------------------------
def nelder_mead(f: Callable[[np.ndarray], float], x0: Sequence[float], step: float = 0.1,
                low: float = 0.0, high: float = 1.0, max_evals: int = 2000,
                tol: float = 1e-7, restarts: int = 2) -> tuple[np.ndarray, float]:
    """Minimise ``f`` over the box [low, high]^d by scipy's bounded Nelder-Mead.

    Restarted ``restarts`` times from the best point with a fresh simplex of half the step
    (at least 0.01), which guards against a collapsed simplex.
    """
    best = np.clip(np.asarray(x0, dtype=float), low, high)
    best_f = float(f(best))
    bounds = [(low, high)] * best.size
    for _ in range(restarts + 1):
        simplex = [best.copy()]
        for i in range(best.size):
            x = best.copy()
            x[i] = x[i] + step if x[i] + step <= high else x[i] - step
            simplex.append(x)
        res = minimize(f, best, method="Nelder-Mead", bounds=bounds,
                       options={"initial_simplex": np.array(simplex), "maxfev": max_evals,
                                "xatol": 1e-6, "fatol": tol})
        x = np.clip(res.x, low, high)
        if res.fun <= best_f:
            best, best_f = x, float(res.fun)
        step = max(step * 0.5, 0.01)
    return best, best_f


# ---------------------------------------------------------------------------------------------
# Grids: P(class | caregiving cell), simulated once
# ---------------------------------------------------------------------------------------------
@dataclass
class Grid:
    """Class counts per cell of a regular caregiving grid.

    ``axes`` maps caregiving parameter -> levels (cells vary fastest along the last axis);
    ``counts`` has shape (*levels, 7): A, B, C, D by ``group`` then A, B, C by ``abc_group``.
    """

    axes: dict[str, tuple[float, ...]]
    counts: np.ndarray
    per_cell: int
    params: dict[str, float] = field(default_factory=dict)

    def probabilities(self, four_way: bool) -> np.ndarray:
        c = self.counts[..., :4] if four_way else self.counts[..., 4:]
        return c / np.maximum(c.sum(axis=-1, keepdims=True), 1)


def _grid_cells(axes: dict[str, Sequence[float]]) -> CellDesign:
    return CellDesign.grid(**{k: list(v) for k, v in axes.items()})


def _count_block(args: tuple) -> np.ndarray:
    """Simulate the infants ``ids`` of a grid design; class counts per cell (worker function)."""
    axes, params, ids, seed = args
    design = _grid_cells(axes)
    design = CellDesign(design.cells, params=dict(params))
    table = run_cohort(population=design, infant_ids=ids, seed=seed, progress=False).table
    cell = design.cell_of(table["infant_id"].to_numpy())
    out = np.zeros((design.n_cells, 7), dtype=np.int64)
    for j, g in enumerate(ABCD):
        np.add.at(out[:, j], cell[(table["group"] == g).to_numpy()], 1)
    for j, g in enumerate(ABC):
        np.add.at(out[:, 4 + j], cell[(table["abc_group"] == g).to_numpy()], 1)
    return out


def simulate_grid(axes: dict[str, Sequence[float]], per_cell: int, seed: int,
                  params: dict[str, float] | None = None, workers: int = 1,
                  cache: Path | None = CACHE_DIR, log: Callable[[str], None] = print) -> Grid:
    """Simulate ``per_cell`` infants in every cell of the grid (cached by content and model)."""
    axes = {k: tuple(float(v) for v in vals) for k, vals in axes.items()}
    params = dict(sorted((params or {}).items()))
    spec = {"axes": axes, "per_cell": per_cell, "seed": seed, "params": params,
            "model": code_fingerprint()}
    key = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:20]
    path = cache / f"grid-{key}.npz" if cache is not None else None
    shape = tuple(len(v) for v in axes.values())
    if path is not None and path.exists():
        counts = np.load(path)["counts"]
        return Grid(axes, counts.reshape(*shape, 7), per_cell, params)
    n_cells = int(np.prod(shape))
    ids = np.arange(n_cells * per_cell, dtype=np.int64)
    start = time.perf_counter()
    blocks = np.array_split(ids, max(1, workers) * 4)
    jobs = [(axes, params, b, seed) for b in blocks if b.size]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_count_block, jobs))
    else:
        parts = [_count_block(j) for j in jobs]
    counts = np.sum(parts, axis=0)
    log(f"  grid {dict((k, len(v)) for k, v in axes.items())} x {per_cell} infants, params "
        f"{params or 'default'}: {ids.size:,} infants in {time.perf_counter() - start:.0f} s")
    if path is not None:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(tmp, counts=counts, spec=json.dumps(spec))
        tmp.replace(path)
    return Grid(axes, counts.reshape(*shape, 7), per_cell, params)


# ---------------------------------------------------------------------------------------------
# Emulator
# ---------------------------------------------------------------------------------------------
def interpolate(probs: np.ndarray, levels: Sequence[Sequence[float]],
                points: np.ndarray) -> np.ndarray:
    """Multilinear interpolation of ``probs`` (shape (*levels, k)) at ``points`` (d, n), each
    point clipped into the grid first (scipy's ``interpn``)."""
    grid = tuple(np.asarray(lv, dtype=float) for lv in levels)
    clipped = np.stack([np.clip(points[j], g[0], g[-1]) for j, g in enumerate(grid)], axis=1)
    return interpn(grid, probs, clipped, method="linear")


def caregiving_normals(n: int, seed: int = EMULATOR_SEED) -> np.ndarray:
    """The bounded bell variates Population.draw uses, for ``n`` sample infants: shape (5, n).

    Rows: shared factor, responsiveness, consistency, warmth, frightening level (the same draws
    and transform as :meth:`simulation.population.Population.draw`).
    """
    keys = rng.infant_keys(seed, np.arange(n, dtype=np.int64))
    u = rng.uniforms(keys, rng.Purpose.CAREGIVING, 0, 16)
    return np.stack([(rng.bell(u[i], u[i + 1], u[i + 2]) - 0.5) * 6.0
                     for i in (0, 3, 6, 9, 12)])


def unresolved_normals(n: int, seed: int = EMULATOR_SEED) -> np.ndarray:
    """The bounded bell variates of the unresolved level, as Population.draw draws them (the
    caregiving stream's second step): shape (n,)."""
    keys = rng.infant_keys(seed, np.arange(n, dtype=np.int64))
    v = rng.uniforms(keys, rng.Purpose.CAREGIVING, 1, 4)
    return (rng.bell(v[0], v[1], v[2]) - 0.5) * 6.0


TRAITS = ("responsiveness", "consistency", "warmth")


@dataclass
class Theta:
    """The fitted parameters of a population."""

    means: dict[str, float]
    frightening_share: float = 0.0
    unresolved_share: float = 0.0  # fixed by the target, not fitted

    def vector(self, fit_frightening: bool) -> np.ndarray:
        v = [self.means[t] for t in TRAITS]
        return np.array(v + [self.frightening_share] if fit_frightening else v)

    @classmethod
    def from_vector(cls, x: np.ndarray, fit_frightening: bool) -> Theta:
        means = {t: float(x[i]) for i, t in enumerate(TRAITS)}
        return cls(means, float(x[3]) if fit_frightening else 0.0)


class Emulator:
    """Predicted class shares of a population from the simulated grids."""

    def __init__(self, grid: Grid, fright_grid: Grid | None = None,
                 samples: int = EMULATOR_SAMPLES, seed: int = EMULATOR_SEED,
                 sd: dict[str, float] | None = None,
                 loadings: Sequence[float] = LOADINGS,
                 frightening: tuple[float, float] = FRIGHTENING_SPREAD,
                 unresolved_grid: Grid | None = None,
                 unresolved: tuple[float, float] = UNRESOLVED_SPREAD):
        self.grid, self.fright_grid, self.unresolved_grid = grid, fright_grid, unresolved_grid
        self.z = caregiving_normals(samples, seed)
        self.z_unresolved = unresolved_normals(samples, seed)
        self.unresolved = unresolved
        self.sd = dict(SD if sd is None else sd)
        self.loadings = tuple(float(v) for v in loadings)
        self.frightening = frightening
        self.offset: np.ndarray | None = None  # bias correction from a direct simulation

    def traits(self, means: dict[str, float]) -> np.ndarray:
        """Caregiving of the sample infants, exactly as Population.draw computes it: (3, n)."""
        out = []
        for i, t in enumerate(TRAITS):
            lam = self.loadings[i]
            mixed = lam * self.z[0] + np.sqrt(1.0 - lam * lam) * self.z[i + 1]
            out.append(np.clip(means[t] + self.sd[t] * mixed, 0.0, 1.0))
        return np.stack(out)

    def probabilities(self, theta: Theta, four_way: bool) -> tuple[np.ndarray, np.ndarray]:
        """The sample infants' caregiving (3, n) and class probabilities (n, 4 or 3): four-way
        by ``group``, or the forced A/B/C by ``abc_group``. No bias correction."""
        x = self.traits(theta.means)
        p = interpolate(self.grid.probabilities(four_way),
                        [self.grid.axes[t] for t in TRAITS], x)
        if theta.frightening_share > 0:
            if self.fright_grid is None:
                raise ValueError("a frightening share needs the frightening grid")
            fg = self.fright_grid
            level = np.clip(self.frightening[0] + self.frightening[1] * self.z[4], 0.0, 1.0)
            pf = interpolate(fg.probabilities(four_way),
                             [fg.axes[t] for t in (*TRAITS, "frightening")],
                             np.vstack([x, level[None, :]]))
            p = (1.0 - theta.frightening_share) * p + theta.frightening_share * pf
        else:
            pf = p
        if theta.unresolved_share > 0:
            # drawn independently of frightening care (Population.draw); a caregiver both
            # frightening and unresolved is emulated as frightening (the bias correction of the
            # confirmation absorbs the difference)
            if self.unresolved_grid is None:
                raise ValueError("an unresolved share needs the unresolved grid")
            ug = self.unresolved_grid
            level = np.clip(self.unresolved[0] + self.unresolved[1] * self.z_unresolved,
                            0.0, 1.0)
            pu = interpolate(ug.probabilities(four_way),
                             [ug.axes[t] for t in (*TRAITS, "unresolved")],
                             np.vstack([x, level[None, :]]))
            fs = theta.frightening_share
            p = (1.0 - theta.unresolved_share) * p + theta.unresolved_share * (
                (1.0 - fs) * pu + fs * pf)
        return x, p

    def structure(self, theta: Theta) -> dict[str, float]:
        """Where each group's care lies (:func:`simulation.care_structure.structure`), by the
        forced A/B/C."""
        x, p = self.probabilities(theta, four_way=False)
        return care_structure.structure(x, p)

    def shares(self, theta: Theta, four_way: bool) -> np.ndarray:
        """Emulated class shares (A, B, C[, D]), bias correction included."""
        p = self.probabilities(theta, True)[1].mean(axis=0)
        if not four_way:
            # forced A/B/C: without frightening care no infant is D (D comes from learned fear)
            p = np.array([p[0], p[1], p[2]]) / max(p[:3].sum(), 1e-12)
        if self.offset is not None:
            p = np.clip(p + self.offset, 0.0, 1.0)
        return p


def structure_penalty(structure: dict[str, float]) -> float:
    """The care-structure prior: squared shortfalls from the conditions' margins."""
    short = care_structure.violations(structure, care_structure.PRIOR)
    return STRUCTURE_WEIGHT * sum((v / STRUCTURE_SCALE) ** 2 for v in short.values())


def penalised_loss(emulator: Emulator, theta: Theta, target: np.ndarray, n_target: float,
                   anchor: dict[str, float], four_way: bool, ridge: float = RIDGE,
                   structured: bool = False) -> tuple[float, float]:
    """(total, chi part): chi-square-like loss plus the ridge pulling the means to ``anchor``
    (plus the care-structure prior if ``structured``)."""
    pred = emulator.shares(theta, four_way)
    chi = chi_loss(pred, target, n_target)
    penalty = ridge * sum(((theta.means[t] - anchor[t]) / RIDGE_SCALE) ** 2 for t in TRAITS)
    if structured:
        penalty += structure_penalty(emulator.structure(theta))
    return chi + penalty, chi


def fit(emulator: Emulator, target: np.ndarray, n_target: float, anchor: dict[str, float],
        four_way: bool, fit_frightening: bool = False, start: Theta | None = None,
        free: Sequence[str] = TRAITS, fixed: dict[str, float] | None = None,
        ridge: float = RIDGE, structured: bool = False,
        unresolved_share: float = 0.0) -> tuple[Theta, float, float]:
    """Fit the free means (and the frightening share) to ``target``: (theta, loss, chi).

    Means not in ``free`` stay at ``fixed`` (or the anchor). A coarse search over the free
    means (5 levels each) picks the start unless ``start`` is given; Nelder-Mead finishes.
    """
    fixed = {**anchor, **(fixed or {})}
    free = tuple(free)

    def theta_of(x: np.ndarray) -> Theta:
        means = {t: fixed[t] for t in TRAITS}
        for i, t in enumerate(free):
            means[t] = float(x[i])
        return Theta(means, float(x[len(free)]) if fit_frightening else 0.0, unresolved_share)

    def objective(x: np.ndarray) -> float:
        return penalised_loss(emulator, theta_of(x), target, n_target, anchor, four_way,
                              ridge, structured)[0]

    if start is not None:
        x0 = [start.means[t] for t in free] + ([start.frightening_share]
                                                if fit_frightening else [])
    else:
        coarse = np.linspace(0.2, 1.0, 5)
        mesh = np.meshgrid(*[coarse] * len(free), indexing="ij")
        candidates = np.stack([m.ravel() for m in mesh], axis=1)
        extra = [0.15] if fit_frightening else []
        best = min(candidates, key=lambda c: objective(np.array(list(c) + extra)))
        x0 = list(best) + extra
    x, _ = nelder_mead(objective, x0, step=0.1)
    theta = theta_of(np.clip(x, 0.0, 1.0))
    total, chi = penalised_loss(emulator, theta, target, n_target, anchor, four_way, ridge,
                                structured)
    return theta, total, chi


# ---------------------------------------------------------------------------------------------
# Populations and direct simulation
# ---------------------------------------------------------------------------------------------
def make_population(name: str, theta: Theta, params: dict[str, float],
                    description: str = "", source: str = "") -> Population:
    return Population(
        name=name, description=description or name,
        responsiveness=Spread(round(theta.means["responsiveness"], 4), SD["responsiveness"]),
        consistency=Spread(round(theta.means["consistency"], 4), SD["consistency"]),
        warmth=Spread(round(theta.means["warmth"], 4), SD["warmth"]),
        frightening_share=round(theta.frightening_share, 4),
        frightening=Spread(*FRIGHTENING_SPREAD), unresolved_share=theta.unresolved_share,
        unresolved=Spread(*UNRESOLVED_SPREAD), correlation=CORRELATION, loadings=LOADINGS,
        params=dict(params), source=source)


def _simulate_population(args: tuple) -> tuple[np.ndarray, dict[str, float]]:
    population, n, seed, four_way = args
    table = run_cohort(population=population, n_infants=n, seed=seed, progress=False).table
    column, classes = ("group", ABCD) if four_way else ("abc_group", ABC)
    return (np.array([(table[column] == c).mean() for c in classes]),
            care_structure.of_table(table))


def simulate_populations(populations: list[Population], four_way: list[bool], n: int,
                         seed: int, workers: int = 1
                         ) -> list[tuple[np.ndarray, dict[str, float]]]:
    """Shares of each population in a real cohort of ``n`` infants, and where each group's
    care lies in it (:func:`simulation.care_structure.of_table`)."""
    jobs = [(p, n, seed, fw) for p, fw in zip(populations, four_way, strict=True)]
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            return list(pool.map(_simulate_population, jobs))
    return [_simulate_population(j) for j in jobs]


# ---------------------------------------------------------------------------------------------
# Descriptions
# ---------------------------------------------------------------------------------------------
def describe(t: Target, theta: Theta, mechanism_value: float | None,
             params: dict[str, float]) -> str:
    pub = t.published
    m = theta.means
    care = (f"caregiving means: responsiveness {m['responsiveness']:.2f}, consistency "
            f"{m['consistency']:.2f}, warmth {m['warmth']:.2f}")
    head = {
        "global": "All 32 studies, 8 countries, of van IJzendoorn & Kroonenberg (1988), "
                  f"N = {pub.n:,}",
        "baltimore": "Ainsworth's Baltimore sample (Ainsworth et al. 1978), N = 106",
        "low-risk-abcd": "Normal middle-class samples with D (van IJzendoorn, Schuengel & "
                         "Bakermans-Kranenburg 1999; about 80 studies): a share of caregivers "
                         "at times frightening",
    }.get(t.name, f"{pub.label} in van IJzendoorn & Kroonenberg (1988): {pub.studies} "
                  f"stud{'y' if pub.studies == 1 else 'ies'}, N = {pub.n:,}")
    parts = [head]
    if t.mechanism == "separation":
        parts.append(
            f"Cultural mechanism: separation from the mother is unfamiliar (Takahashi 1990, "
            f"Sapporo: infants rarely left; the Strange Situation far more stressful), so "
            f"separation and being alone are {mechanism_value:g}x as stressful "
            f"(separation_stress {params['separation_stress']:g}, alone_stress "
            f"{params['alone_stress']:g}); more ambivalent (C) infants")
    elif t.mechanism == "night":
        parts.append(
            f"Cultural mechanism: communal sleeping (Sagi et al. 1994, Israeli kibbutzim: "
            f"infants slept in the children's house, away from their parents, and a night "
            f"watch answered their crying): {params.get('night_care', 0.0):.0%} of the "
            f"occasions of need fall at night, when nobody attends to a first bid and only loud "
            f"crying gets through (night_care); more ambivalent (C) infants")
    elif t.mechanism == "independence":
        parts.append(
            f"Cultural mechanism: early independence encouraged (Grossmann et al., Bielefeld): "
            f"caregivers turn away mild bids for contact (independence_training "
            f"{params.get('independence_training', 0.0):g}); more avoidant (A) infants")
    if t.fit_frightening:
        parts.append(f"{theta.frightening_share:.0%} of caregivers at times frightening "
                     f"(level {FRIGHTENING_SPREAD[0]:g} +/- {FRIGHTENING_SPREAD[1]:g})")
    if theta.unresolved_share:
        parts.append(f"{theta.unresolved_share:.0%} with unresolved loss or trauma (level "
                     f"{UNRESOLVED_SPREAD[0]:g} +/- {UNRESOLVED_SPREAD[1]:g}; fixed, not fitted)")
    parts.append(care)
    return ". ".join(parts) + "."


# ---------------------------------------------------------------------------------------------
# The calibration
# ---------------------------------------------------------------------------------------------
@dataclass
class Result:
    target: Target
    theta: Theta
    params: dict[str, float]
    mechanism_value: float | None
    loss: float
    chi: float
    emulated: np.ndarray
    simulated: np.ndarray | None = None
    z: np.ndarray | None = None
    accepted: bool = False
    rounds: int = 0
    profile: list[dict] = field(default_factory=list)
    offset: np.ndarray | None = None  # emulator bias correction found by direct simulation
    structure_emulated: dict[str, float] = field(default_factory=dict)
    structure_simulated: dict[str, float] = field(default_factory=dict)
    #: the care-structure prior's part of the loss at the fit (0: not binding or not applied)
    structure_penalty: float = 0.0


def fit_mechanism(t: Target, target: np.ndarray, anchor: dict[str, float],
                  emulator_for: Callable[[dict[str, float]], Emulator],
                  log: Callable[[str], None] = print) -> Result:
    """Stage 2: a cultural mechanism first, then the caregiving for what it leaves.

    The mechanism is given the difference in the class the literature attributes to it (more C
    where separation is unfamiliar, more A where early independence is encouraged): with the
    anchor's (global) caregiving, its value is set where the emulated share of that class meets
    the target (linear interpolation between the simulated candidate values, rounded; the
    largest candidate if no value reaches it). A grid is simulated at that value, and the
    caregiving means are fitted on it as for any other sample (ridge toward the anchor). The
    loss of that fit at every candidate value (the profile) is recorded too: it shows how
    strongly the published A/B/C alone would pin the mechanism down.
    """
    changes_of, values, _ = MECHANISMS[t.mechanism]
    named = MECHANISM_CLASS[t.mechanism]
    j = t.classes.index(named)
    four_way = "D" in t.published.shares
    at_anchor = Theta(dict(anchor))
    curve, profile = [], []
    for v in values:
        em = emulator_for(changes_of(v))
        at_anchor_shares = em.shares(at_anchor, four_way)
        curve.append(float(at_anchor_shares[j]))
        theta, loss, chi = fit(em, target, t.published.n, anchor, four_way)
        profile.append({"value": v, f"{named}_at_anchor_care": round(curve[-1], 4),
                        "shares_at_anchor_care": {c: round(float(x), 4) for c, x in zip(
                            t.classes, at_anchor_shares, strict=True)},
                        "loss": round(loss, 3), "chi": round(chi, 3),
                        "means": {k: round(x, 4) for k, x in theta.means.items()}})
    value = values[int(np.argmin(np.abs(np.array(curve) - target[j])))]
    for a, b, ca, cb in zip(values[:-1], values[1:], curve[:-1], curve[1:], strict=True):
        if min(ca, cb) <= target[j] <= max(ca, cb) and ca != cb:
            value = a + (b - a) * (target[j] - ca) / (cb - ca)
            break
    value = round(float(value) / MECHANISM_STEP[t.mechanism]) * MECHANISM_STEP[t.mechanism]
    value = round(value, 4)
    params = changes_of(value)
    em = emulator_for(params)
    theta, loss, chi = fit(em, target, t.published.n, anchor, four_way)
    log(f"  {t.name}: {t.mechanism}: {named} share with global care at "
        + ", ".join(f"{v:g}: {c:.1%}" for v, c in zip(values, curve, strict=True))
        + f"; target {target[j]:.1%} -> {value:g}; caregiving-fit loss by value "
        + ", ".join(f"{p['value']:g}: {p['loss']:.2f}" for p in profile))
    res = Result(t, theta, params, value, loss, chi, em.shares(theta, four_way))
    res.profile = profile
    return res


def calibrate(workers: int = 1, rounds: int = 3, confirm_n: int = CONFIRM_INFANTS,
              per_cell: int = PER_CELL, fright_per_cell: int = FRIGHT_PER_CELL,
              levels: Sequence[float] = LEVELS, cache: Path | None = CACHE_DIR,
              only: Sequence[str] | None = None,
              log: Callable[[str], None] = print,
              fright_rcw_levels: Sequence[float] = FRIGHT_RCW_LEVELS,
              emulator_samples: int = EMULATOR_SAMPLES,
              unresolved_per_cell: int = UNRESOLVED_PER_CELL) -> list[Result]:
    """Run the whole calibration; returns one :class:`Result` per population."""
    axes = {t: tuple(levels) for t in TRAITS}
    log("1. emulator grids")
    base_grid = simulate_grid(axes, per_cell, GRID_SEED, None, workers, cache, log)
    fright_axes = {**{t: tuple(fright_rcw_levels) for t in TRAITS},
                   "frightening": FRIGHT_LEVELS}
    fright_grid = simulate_grid(fright_axes, fright_per_cell, GRID_SEED + 1, None, workers,
                                cache, log)
    unresolved_axes = {**{t: tuple(fright_rcw_levels) for t in TRAITS},
                       "unresolved": UNRESOLVED_LEVELS}
    unresolved_grid = simulate_grid(unresolved_axes, unresolved_per_cell, GRID_SEED + 2, None,
                                    workers, cache, log)
    emulators: dict[tuple, Emulator] = {(): Emulator(base_grid, fright_grid,
                                                     unresolved_grid=unresolved_grid,
                                                     samples=emulator_samples)}

    def emulator_for(params: dict[str, float]) -> Emulator:
        defaults = _default_params()
        params = {k: v for k, v in params.items() if v != getattr(defaults, k)}
        key = tuple(sorted(params.items()))
        if key not in emulators:
            grid = simulate_grid(axes, per_cell, GRID_SEED, params, workers, cache, log)
            emulators[key] = Emulator(grid, None, samples=emulator_samples)
        return emulators[key]

    results: dict[str, Result] = {}
    chosen = [t for t in targets() if only is None or t.name in only or t.name == "global"]
    log("2. fits on the emulator")
    for t in chosen:
        four_way = "D" in t.published.shares
        target = t.shares()
        anchor = PRIOR_MEANS if t.anchor is None else results[t.anchor].theta.means
        if t.mechanism is None:
            em = emulators[()]
            theta, loss, chi = fit(em, target, t.published.n, anchor, four_way,
                                   t.fit_frightening, structured=t.structured,
                                   unresolved_share=t.unresolved_share)
            res = Result(t, theta, {}, None, loss, chi, em.shares(theta, four_way))
        else:
            res = fit_mechanism(t, target, anchor, emulator_for, log)
        note_structure(res, emulator_for(res.params) if res.params else emulators[()])
        results[t.name] = res
        log(f"  {t.name:<14} loss {res.loss:7.2f} (chi {res.chi:6.2f})  "
            + _fmt_theta(res.theta) + f"  emulated {_fmt(res.emulated, t.classes)}")
        log(f"  {'':<14} care by group (emulated): "
            + care_structure.describe(res.structure_emulated)
            + (f"; prior {res.structure_penalty:.2f}" if t.structured else "; no prior"))

    log(f"3. confirmation by direct simulation ({confirm_n:,} infants each, seed "
        f"{CONFIRM_SEED})")
    pending = list(results.values())
    for round_ in range(1, rounds + 1):
        pops = [make_population(r.target.name, r.theta, r.params) for r in pending]
        sims = simulate_populations(pops, ["D" in r.target.published.shares for r in pending],
                                    confirm_n, CONFIRM_SEED, workers)
        refit = []
        for r, (sim, struct) in zip(pending, sims, strict=True):
            t = r.target
            ok, z = within_tolerance(sim, confirm_n, t.shares(), t.published.n)
            r.simulated, r.z, r.accepted, r.rounds = sim, z, ok, round_
            r.structure_simulated = struct
            log(f"  round {round_} {t.name:<14} simulated {_fmt(sim, t.classes)} target "
                f"{_fmt(t.shares(), t.classes)} z {' '.join(f'{v:+.1f}' for v in z)} "
                f"{'ok' if ok else 'outside'}")
            log(f"  {'':<22} care by group (simulated): {care_structure.describe(struct)}")
            if not ok and round_ < rounds:
                refit.append(r)
        if not refit:
            break
        for r in refit:  # bias-correct the emulator at this population and fit again
            t = r.target
            four_way = "D" in t.published.shares
            em = emulator_for(r.params)
            raw = r.emulated - (r.offset if r.offset is not None else 0.0)
            r.offset = r.simulated - raw
            corrected = Emulator.__new__(Emulator)
            corrected.__dict__.update(em.__dict__)
            corrected.offset = r.offset
            anchor = PRIOR_MEANS if t.anchor is None else results[t.anchor].theta.means
            theta, loss, chi = fit(corrected, t.shares(), t.published.n, anchor, four_way,
                                   t.fit_frightening, start=r.theta, structured=t.structured,
                                   unresolved_share=t.unresolved_share)
            r.theta, r.loss, r.chi = theta, loss, chi
            r.emulated = corrected.shares(theta, four_way)
            note_structure(r, corrected)
            log(f"  refit {t.name}: " + _fmt_theta(theta))
        pending = refit
    return list(results.values())


def note_structure(r: Result, emulator: Emulator) -> None:
    """Record the emulated care structure of a fit and the prior's part of its loss."""
    r.structure_emulated = emulator.structure(r.theta)
    r.structure_penalty = (structure_penalty(r.structure_emulated) if r.target.structured
                           else 0.0)


def _default_params():
    from simulation.params import ModelParams

    return ModelParams()


def _fmt(shares: np.ndarray, classes: Sequence[str]) -> str:
    return " ".join(f"{c} {s:5.1%}" for c, s in zip(classes, shares, strict=True))


def _fmt_theta(theta: Theta) -> str:
    s = " ".join(f"{t[:4]} {theta.means[t]:.3f}" for t in TRAITS)
    return s + (f" fright-share {theta.frightening_share:.3f}" if theta.frightening_share else "")


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
def to_json(results: list[Result], elapsed: float, confirm_n: int, per_cell: int,
            levels: Sequence[float]) -> dict:
    pops = {}
    for r in results:
        t, pub = r.target, r.target.published
        target = t.shares()
        se_t = binomial_se(target, pub.n)
        se_s = binomial_se(r.simulated, confirm_n)
        pops[t.name] = {
            "responsiveness": [round(r.theta.means["responsiveness"], 4), SD["responsiveness"]],
            "consistency": [round(r.theta.means["consistency"], 4), SD["consistency"]],
            "warmth": [round(r.theta.means["warmth"], 4), SD["warmth"]],
            "frightening_share": round(r.theta.frightening_share, 4),
            "frightening": list(FRIGHTENING_SPREAD),
            "unresolved_share": round(r.theta.unresolved_share, 4),
            "unresolved": list(UNRESOLVED_SPREAD),
            "correlation": CORRELATION,
            "loadings": list(LOADINGS),
            "params": dict(r.params),
            "description": describe(t, r.theta, r.mechanism_value, r.params),
            "source": t.name,
            "fit": {
                "published": {c: pub.shares.get(c, 0.0) for c in t.classes},
                "published_n": pub.n,
                "published_studies": pub.studies,
                "published_source": pub.source,
                "target": {c: round(float(v), 4) for c, v in zip(t.classes, target, strict=True)},
                "target_se": {c: round(float(v), 4) for c, v in zip(t.classes, se_t, strict=True)},
                "tolerance": {c: round(float(Z_ACCEPT * np.hypot(a, b)), 4)
                              for c, a, b in zip(t.classes, se_t, se_s, strict=True)},
                "emulated": {c: round(float(v), 4)
                             for c, v in zip(t.classes, r.emulated, strict=True)},
                "simulated": {c: round(float(v), 4)
                              for c, v in zip(t.classes, r.simulated, strict=True)},
                "z": {c: round(float(v), 2) for c, v in zip(t.classes, r.z, strict=True)},
                "within_tolerance": r.accepted,
                "loss": round(r.loss, 4),
                "chi": round(r.chi, 4),
                "rounds": r.rounds,
                "care_structure": {
                    "prior": t.structured,
                    "prior_loss": round(r.structure_penalty, 4),
                    "emulated": {k: round(v, 4) for k, v in r.structure_emulated.items()},
                    "simulated": {k: round(v, 4) for k, v in r.structure_simulated.items()},
                },
                "fitted": list(TRAITS) + (["frightening_share"] if t.fit_frightening else [])
                + ([f"mechanism:{t.mechanism}"] if t.mechanism else []),
                "fixed": {"unresolved_share": t.unresolved_share} if t.unresolved_share else {},
                "anchor": t.anchor or "prior",
                **({"mechanism": t.mechanism, "mechanism_value": r.mechanism_value,
                    "mechanism_reference": MECHANISMS[t.mechanism][2],
                    "mechanism_profile": r.profile} if t.mechanism else {}),
            },
        }
    return {
        "note": "written by experiments/calibration/calibrate.py; do not edit by hand",
        "calibration": {
            "date": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "runtime_s": round(elapsed, 1),
            "model_fingerprint": code_fingerprint(),
            "method": "emulator (simulated caregiving grid, interpolated, averaged over the "
                      "population's draws) + Nelder-Mead on a standard-error-weighted loss with "
                      "a ridge toward the anchor; a cultural mechanism set first, where its "
                      "class (C for separation, A for independence) meets the target with "
                      "global caregiving, on grids simulated with it; every population "
                      "confirmed by direct simulation, emulator bias-corrected and refitted "
                      "where needed",
            "loss": "sum over classes of ((share - target) / se)^2, se = sqrt(t (1 - t) / N) "
                    f"of the published sample; plus {RIDGE:g} x sum(((mean - anchor) / "
                    f"{RIDGE_SCALE:g})^2)",
            "tolerance": f"|simulated - target| <= {Z_ACCEPT:g} x sqrt(se_published^2 + "
                         "se_simulated^2) for every class",
            "care_structure_prior": {
                "conditions": {c.name: {"meaning": c.meaning, "margin": c.margin,
                                        "source": c.source, "in_prior": c.prior}
                               for c in care_structure.CONDITIONS},
                "weight": STRUCTURE_WEIGHT, "scale": STRUCTURE_SCALE,
                "applies_to": "populations without a cultural mechanism"},
            "fixed": {"sd": SD, "correlation": CORRELATION, "loadings": list(LOADINGS),
                      "frightening": list(FRIGHTENING_SPREAD),
                      "temperament": "default TemperamentDistribution",
                      "prior_means": PRIOR_MEANS},
            "grid": {"levels": [float(v) for v in levels], "per_cell": per_cell,
                     "seed": GRID_SEED, "frightening_levels": list(FRIGHT_LEVELS),
                     "frightening_rcw_levels": list(FRIGHT_RCW_LEVELS),
                     "frightening_per_cell": FRIGHT_PER_CELL,
                     "unresolved_levels": list(UNRESOLVED_LEVELS),
                     "unresolved_per_cell": UNRESOLVED_PER_CELL,
                     "emulator_samples": EMULATOR_SAMPLES},
            "confirm": {"infants": confirm_n, "seed": CONFIRM_SEED},
            "published_abc_forced": "the 1988 samples were coded before D existed: they are "
                                    "compared with the simulated forced A/B/C (abc_group)",
        },
        "populations": pops,
    }


def results_table(results: list[Result], confirm_n: int) -> str:
    """A Markdown table of fitted vs published shares with tolerances."""
    lines = ["| population | N (studies) | class | published | tolerance (+/-) | simulated | "
             "z | within |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        t = r.target
        target = t.shares()
        se = np.hypot(binomial_se(target, t.published.n), binomial_se(r.simulated, confirm_n))
        for i, c in enumerate(t.classes):
            first = i == 0
            lines.append(
                f"| {t.name if first else ''} | "
                f"{f'{t.published.n:,} ({t.published.studies})' if first else ''} | {c} | "
                f"{target[i]:.1%} | {Z_ACCEPT * se[i]:.1%} | {r.simulated[i]:.1%} | "
                f"{r.z[i]:+.1f} | {('yes' if r.accepted else 'NO') if first else ''} |")
    return "\n".join(lines)


def parameters_table(results: list[Result]) -> str:
    lines = ["| population | responsiveness | consistency | warmth | frightening share | "
             "cultural mechanism | loss (chi) |", "|---|---|---|---|---|---|---|"]
    for r in results:
        m = r.theta.means
        mech = ", ".join(f"{k} {v:g}" for k, v in r.params.items()) or "-"
        lines.append(f"| {r.target.name} | {m['responsiveness']:.3f} | {m['consistency']:.3f} | "
                     f"{m['warmth']:.3f} | {r.theta.frightening_share:.3f} | {mech} | "
                     f"{r.loss:.2f} ({r.chi:.2f}) |")
    return "\n".join(lines)


def structure_table(results: list[Result]) -> str:
    """A Markdown table of where each group's care lies (confirmation cohorts), with the
    prior's part of the loss."""
    lines = ["| population | corr(consistency, C) | consistency A / B / C | warmth A / B / C | "
             "responsiveness A / B / C | prior (loss) |", "|---|---|---|---|---|---|"]
    for r in results:
        s = r.structure_simulated or r.structure_emulated
        if not s:
            continue

        def trio(trait: str, s: dict[str, float] = s) -> str:
            return " / ".join(f"{s[f'{trait}_{g}']:.2f}" for g in care_structure.GROUPS)

        prior = f"yes ({r.structure_penalty:.2f})" if r.target.structured else "no"
        lines.append(f"| {r.target.name} | {s['corr_consistency_C']:+.2f} | "
                     f"{trio('consistency')} | {trio('warmth')} | {trio('responsiveness')} | "
                     f"{prior} |")
    return "\n".join(lines)


def mechanisms_text(results: list[Result]) -> str:
    """What each cultural mechanism did in this run, in words (for the README)."""
    by_name = {r.target.name: r for r in results}
    anchor = by_name["global"].theta.means if "global" in by_name else PRIOR_MEANS
    lines = []
    for r in results:
        t = r.target
        if not t.mechanism:
            continue
        named = MECHANISM_CLASS[t.mechanism]
        j = t.classes.index(named)
        values = [p["value"] for p in r.profile]
        first, last = r.profile[0]["shares_at_anchor_care"], r.profile[-1]["shares_at_anchor_care"]
        label = {"separation": "separation factor m", "independence": "independence training",
                 "night": "share of occasions at night, away from the parents"}
        others = [c for c in t.classes if c != named and c != "B"]
        side = "; ".join(f"{c} {first[c]:.0%} -> {last[c]:.0%}" for c in others)
        shift = ", ".join(f"{k} {r.theta.means[k] - anchor[k]:+.2f}" for k in TRAITS)
        reached = ("met" if min(p[f"{named}_at_anchor_care"] for p in r.profile) <= t.shares()[j]
                   <= max(p[f"{named}_at_anchor_care"] for p in r.profile) else "not reached")
        lines.append(
            f"- **{t.name}** ({label[t.mechanism]}): with the global caregiving, {named} goes "
            f"from {first[named]:.0%} to {last[named]:.0%} over {values[0]:g}-{values[-1]:g} "
            f"(and {side}); the target {named} {t.shares()[j]:.0%} is {reached}: value "
            f"{r.mechanism_value:g} ({', '.join(f'{k} {v:g}' for k, v in r.params.items())}). "
            f"Caregiving then fitted relative to global: {shift}.")
    return "\n".join(lines)


RESULTS_START = "<!-- calibration results: start (written by calibrate.py) -->"
RESULTS_END = "<!-- calibration results: end -->"


def write_between_markers(path: Path, text: str) -> None:
    """Replace the text between the results markers of ``path`` (append them if missing)."""
    old = path.read_text() if path.exists() else ""
    block = f"{RESULTS_START}\n{text}{RESULTS_END}"
    if RESULTS_START in old and RESULTS_END in old:
        head, rest = old.split(RESULTS_START, 1)
        new = head + block + rest.split(RESULTS_END, 1)[1]
    else:
        new = old + ("\n" if old and not old.endswith("\n") else "") + block + "\n"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(new)
    tmp.replace(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="confirmation rounds with bias correction (default 3)")
    parser.add_argument("--confirm-infants", type=int, default=CONFIRM_INFANTS)
    parser.add_argument("--no-cache", action="store_true", help="re-simulate every grid")
    parser.add_argument("--dry-run", action="store_true", help="fit and report; write nothing")
    parser.add_argument("--quick", action="store_true",
                        help="a small end-to-end check of the whole objective (coarse grids, "
                        "few infants, a few populations, one round, no cache); implies "
                        "--dry-run; the numbers are not a calibration")
    parser.add_argument("--out", type=Path, default=OUT_FILE, help="JSON file to write")
    parser.add_argument("--tables", type=Path, default=HERE / "README.md",
                        help="Markdown file whose results section (between the markers "
                        f"{RESULTS_START!r} and {RESULTS_END!r}) is replaced by the results "
                        "tables (default: README.md here)")
    args = parser.parse_args(argv)
    start = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - start:6.0f} s] {msg}", flush=True)

    if args.quick:
        args.dry_run = True
        args.confirm_infants = min(args.confirm_infants, QUICK["confirm_n"])
        results = calibrate(workers=args.workers, rounds=1, confirm_n=args.confirm_infants,
                            per_cell=QUICK["per_cell"], fright_per_cell=QUICK["fright_per_cell"],
                            unresolved_per_cell=QUICK["unresolved_per_cell"],
                            levels=QUICK["levels"], cache=None, only=QUICK["only"], log=log,
                            fright_rcw_levels=QUICK["fright_rcw_levels"],
                            emulator_samples=QUICK["emulator_samples"])
    else:
        results = calibrate(workers=args.workers, rounds=args.rounds,
                            confirm_n=args.confirm_infants,
                            cache=None if args.no_cache else CACHE_DIR, log=log)
    elapsed = time.perf_counter() - start
    table = results_table(results, args.confirm_infants)
    params = parameters_table(results)
    structure = structure_table(results)
    print(params)
    print(table)
    print(structure)
    failed = [r.target.name for r in results if not r.accepted]
    print(f"calibration finished in {elapsed / 60:.1f} min; "
          + (f"outside tolerance: {', '.join(failed)}" if failed else "all within tolerance"))
    if args.dry_run:
        return 0
    data = to_json(results, elapsed, args.confirm_infants, PER_CELL, LEVELS)
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=1) + "\n")
    tmp.replace(args.out)
    report = (f"Written by `calibrate.py` on {data['calibration']['date']} (model "
              f"{data['calibration']['model_fingerprint']}, {elapsed / 60:.1f} min).\n\n"
              f"Fitted parameters:\n\n{params}\n\nCultural mechanisms:\n\n"
              f"{mechanisms_text(results)}\n\nWhere each group's care lies (confirmation "
              f"cohorts, forced A/B/C; the prior's part of the loss in brackets):\n\n"
              f"{structure}\n\nFitted vs published (confirmation cohorts "
              f"of {args.confirm_infants:,} infants, seed {CONFIRM_SEED}; tolerance "
              f"{Z_ACCEPT:g} x sqrt(se_published^2 + se_simulated^2)):\n\n{table}\n")
    write_between_markers(args.tables, report)
    print(f"wrote {args.out} and the results section of {args.tables}")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
