"""Which model made a result: a fingerprint of the model's code, found by following its imports.

A result of the simulation (a sweep cell, a calibrated population, a golden record, numba's
compiled rules) depends on the modules the engine runs, not on the command line, the figures or
the sweep's bookkeeping. The modules are found by reading the ``import`` statements of the
engine's entry modules (:data:`ENGINE`) and of every module of this package they import, at any
depth (imports inside functions too); nothing is listed by hand, so a new module of the model is
covered as soon as the model imports it, and editing ``bench.py`` or the command line changes no
fingerprint. Parent packages (their ``__init__.py``) count as imported; :data:`EXCLUDED`
packages never do.

The fingerprint is the SHA-256 (16 hex digits) of those modules' paths and code, read as Python
reads it: comments, docstrings and layout do not count (each module is parsed, its docstrings
dropped and the rest written back by :func:`ast.unparse`), so that editing a comment neither
recompiles the rules nor stales the calibration or refuses a sweep's resume:

- :func:`code_fingerprint`: the model's code (the calibration is stamped with it, and the golden
  records: ``experiments/calibration``, ``tests/golden_records.py``);
- :func:`model_fingerprint`: the code of :data:`MODEL` (the engine and the life course) and the
  package's data files (the calibrated populations): a sweep directory records it, and a resume
  refuses cells of another model;
- :func:`rules_fingerprint`: the modules the compiled rules are made of (the key of numba's
  cache, :mod:`simulation.rules.jit`).

Each is computed once per process (the files as they are then). This module imports nothing of
the package, so any module may use it.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

PACKAGE = "simulation"
#: This package's directory.
ROOT = Path(__file__).resolve().parent
#: The engine's entry modules: a cohort, one dyad through the Mesa model, the presets and
#: populations they are given.
ENGINE = ("simulation.cohort", "simulation.mesa_model", "simulation.presets",
          "simulation.population_presets")
#: What a result of the package may run: the engine and the life course beyond infancy (which
#: the infant engine does not import; a sweep with ``[life]`` runs it). The calibration of the
#: infant engine is stamped with :data:`ENGINE` alone: the life course does not change it.
MODEL = (*ENGINE, "simulation.life")
#: The compiled rules' entry modules (the cohort engine's two compiled loops).
RULES = ("simulation.rules.per_second", "simulation.rules.per_occasion")
#: Never part of the model, even if imported from it: the command line, the benchmark, the
#: figures, the sweep's bookkeeping (its seeds are versioned by ``sweep.cells.SCHEME``) and the
#: literature checks.
EXCLUDED = ("simulation.cli", "simulation.bench", "simulation.plots", "simulation.sweep",
            "simulation.validation", "simulation.fingerprint")
#: The package's data directory (read by the model: the calibrated populations).
DATA = "data"


def _module_file(name: str, root: Path) -> Path | None:
    """The source file of module ``name`` of the package at ``root``, if it has one."""
    parts = name.split(".")[1:]
    base = root.joinpath(*parts) if parts else root
    for path in (base.with_suffix(".py") if parts else None, base / "__init__.py"):
        if path is not None and path.is_file():
            return path
    return None


def _excluded(name: str, excluded: Iterable[str] = EXCLUDED) -> bool:
    return any(name == e or name.startswith(e + ".") for e in excluded)


def _imported(name: str, path: Path, root: Path, excluded: Iterable[str] = EXCLUDED) -> set[str]:
    """Modules of this package that module ``name`` (file ``path``) imports, anywhere in it."""
    is_package = path.name == "__init__.py"
    here = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # ``from . import rng``: the names may be modules themselves
            found.update(f"{module}.{alias.name}" for alias in node.names
                         if _module_file(f"{module}.{alias.name}", root) is not None)
    ours = set()
    for module in found:
        if module == PACKAGE or module.startswith(PACKAGE + "."):
            parts = module.split(".")
            ours.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))  # and parents
    return {m for m in ours if not _excluded(m, excluded) and _module_file(m, root) is not None}


def _code(path: Path) -> bytes:
    """The code of a module without its comments, docstrings and layout."""
    tree = ast.parse(path.read_bytes(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree).encode()


def model_modules(roots: Iterable[str] = ENGINE, root: Path = ROOT,
                  excluded: Iterable[str] = EXCLUDED) -> list[str]:
    """The modules ``roots`` import, transitively, within the package at ``root`` (sorted),
    never entering ``excluded`` packages (``excluded=()``: the whole import graph, as the
    layering test reads it)."""
    excluded = tuple(excluded)
    todo = [m for r in roots
            for m in _imported(r, _module_file(r, root), root, excluded) | {r}]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or _excluded(name, excluded):
            continue
        seen.add(name)
        todo.extend(_imported(name, _module_file(name, root), root, excluded) - seen)
    return sorted(seen)


def imported_packages(module: str, root: Path = ROOT) -> set[str]:
    """The top-level packages module ``module`` imports anywhere in it (``numpy``,
    ``streamlit``, ``simulation``...)."""
    tree = ast.parse(_module_file(module, root).read_bytes())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def fingerprint(roots: Iterable[str] = ENGINE, data: bool = False, root: Path = ROOT) -> str:
    """SHA-256 (16 hex digits) of the modules ``roots`` import (:func:`model_modules`), and
    with ``data`` of the package's data files, in the package at ``root``."""
    files = [_module_file(m, root) for m in model_modules(roots, root)]
    if data and (root / DATA).is_dir():
        files += [p for p in (root / DATA).iterdir()
                  if p.is_file() and p.suffix in (".json", ".toml", ".csv")]
    digest = hashlib.sha256()
    for path in sorted(files):
        content = _code(path) if path.suffix == ".py" else path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The model's code (:data:`ENGINE` and what it imports)."""
    return fingerprint(ENGINE)


@lru_cache(maxsize=1)
def model_fingerprint() -> str:
    """The model's code (:data:`MODEL`: the engine and the life course) and data (the
    calibrated populations): what a result, a sweep's cell of infants or of lives, depends on."""
    return fingerprint(MODEL, data=True)


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """The compiled rules' code (:data:`RULES` and what they import)."""
    return fingerprint(RULES)
