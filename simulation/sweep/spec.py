"""The experiment file format (TOML) and its validation.

An experiment file is data, never code: it names a setup (caregiving or a population,
temperament, model parameters, the Strange Situation), a sweep over any of those settings, the
number of replicate cohorts, infants per cohort, a root seed and the output format. Everything is
checked before anything runs; a problem is one :class:`~simulation.inputs.InputError` naming
the file, the key and the reason. The format is documented with an example in
``experiments/README.md`` (which the tests check); in brief::

    name = "phase-map"                  # required: letters, digits, '-', '_'
    description = "..."                 # optional
    seed = 2024                         # required: the root seed
    infants = 500                       # required: infants per cell (cohort)
    replicates = 1                      # optional: replicate cohorts per design point

    [caregiving]                        # the primary caregiver, or [population] name = "..."
    preset = "sensitive"                # optional starting point; keys below override it
    warmth = 0.8                        # responsiveness, consistency, warmth, frightening,
                                        # unresolved
    # or a history: [[caregiving.spells]] from_month = 0 ... / from_month = 6 ...

    [secondary]                         # optional second caregiver (same keys as caregiving)
    share = 0.4                         # share of occasions of need answered
    from_month = 6

    [temperament]                       # fixed (reactivity, soothability) or a distribution
    [params]                            # any ModelParams name = value
    [ssp]                               # caregiver = "primary"|"secondary", age_months, frozen
    [life]                              # optional: each cell runs lives (run_lives), not the
    to_age = 30                         # home year alone: to_age, child, therapy_age, and any
    partner_mean = 0.6                  # LifeParams name = value (LifeParams.describe())

    [sweep]                             # optional: without it one design point
    design = "grid"                     # grid | one-at-a-time | sampled | list
    [sweep.axes]
    "caregiving.responsiveness" = { from = 0.0, to = 1.0, steps = 21 }
    "caregiving.consistency" = [0.1, 0.5, 0.9]

    [output]
    format = "parquet"                  # or "csv"
    scales = false                      # also write the long table of every scale

A sweep path names a setting by its place in the file: ``caregiving.warmth``,
``caregiving.spells.1.responsiveness``, ``secondary.share``, ``temperament.reactivity_mean``,
``params.learn_trust``, ``population.name``, ``ssp.caregiver``, ``life.partner_mean``,
``life.therapy``.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import math
import os
import re
from dataclasses import dataclass, field
from numbers import Integral, Real
from pathlib import Path
from typing import Any

from ..caregiving import MAX_AGE_MONTHS, PROFILE_PARAMETERS
from ..inputs import InputError
from ..limits import (
    MAX_AXIS_VALUES,
    MAX_INFANTS,
    MAX_SWEEP_CELLS,
    MAX_TEXT_CHARS,
)
from ..rng import MAX_SEED
from . import safetoml

#: Caregiving used for a parameter that neither a preset nor the file sets (as ``ssp run``).
DEFAULT_PROFILE = {"responsiveness": 0.5, "consistency": 0.5, "warmth": 0.5,
                   "frightening": 0.0, "unresolved": 0.0}
#: Tables of an experiment file that describe the setup (and may be swept).
SETUP_TABLES = ("caregiving", "secondary", "population", "temperament", "params", "ssp",
                "life")
TOP_KEYS = ("name", "description", "seed", "infants", "replicates", *SETUP_TABLES, "sweep",
            "output")
DESIGNS = ("grid", "one-at-a-time", "sampled", "list")
SAMPLING_METHODS = ("latin-hypercube", "random")
SEED_SCHEMES = ("per-cell", "common")
FORMATS = ("parquet", "csv")
TEMPERAMENT_FIXED = ("reactivity", "soothability")
TEMPERAMENT_SPREAD = ("reactivity_mean", "reactivity_sd", "soothability_mean",
                      "soothability_sd")
SSP_KEYS = ("caregiver", "age_months", "frozen")
CAREGIVERS = ("primary", "secondary")
#: The [life] table's own settings (besides the life course's parameters, LifeParams).
LIFE_SETTINGS = ("to_age", "child", "therapy", "therapy_age")
#: The life's age in years when [life] sets none (as ``ssp life``).
DEFAULT_TO_AGE = 30
#: The Strange Situation a life's infancy runs (``run_lives`` runs this one only).
LIFE_SSP = {"caregiver": "primary", "age_months": 12.0, "frozen": False}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
_RANGE_KEYS = {"from", "to", "steps", "low", "high", "log"}
_PATH_PART = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$|^[0-9]{1,3}$")


#: Longest problem message, in characters: a hostile file's keys and values are echoed in part.
MESSAGE_CHARS = 600


def one_line(text: str, limit: int = MESSAGE_CHARS) -> str:
    """A message on one line (a key may hold a line break: control characters are escaped)
    and of bounded length (an echoed value may be a whole table of the file)."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(text) - limit:,} more characters)"
    return text


def _fail(where: str, key: str, reason: str) -> InputError:
    return InputError(one_line(f"{where}: {key}: {reason}" if key else f"{where}: {reason}"))


def _type_name(value: Any) -> str:
    return {bool: "a boolean", str: "a string", int: "an integer", float: "a number",
            list: "an array", dict: "a table"}.get(type(value), type(value).__name__)


# --- scalar checks (each returns the clean value or raises naming file and key) ---------------

def check_real(where: str, key: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise _fail(where, key, f"must be a number in [{low:g}, {high:g}], got "
                    f"{_type_name(value)} {value!r}")
    try:
        number = float(value)
    except OverflowError:  # an integer beyond the range of a float
        raise _fail(where, key, f"must be in [{low:g}, {high:g}], got an integer too large "
                    "for a number") from None
    if math.isnan(number) or not low <= number <= high:
        raise _fail(where, key, f"must be in [{low:g}, {high:g}], got {value!r}")
    return number


def check_integer(where: str, key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise _fail(where, key, f"must be a whole number in [{low:,}, {high:,}], got "
                    f"{_type_name(value)} {value!r}")
    if not low <= int(value) <= high:
        raise _fail(where, key, f"must be in [{low:,}, {high:,}], got {value:,}")
    return int(value)


def check_text(where: str, key: str, value: Any, choices=None, limit=MAX_TEXT_CHARS) -> str:
    if not isinstance(value, str):
        raise _fail(where, key, f"must be a string, got {_type_name(value)} {value!r}")
    if len(value) > limit:
        raise _fail(where, key, f"is longer than {limit:,} characters")
    if choices is not None and value not in choices:
        raise _fail(where, key, f"must be one of {', '.join(map(repr, choices))}, got {value!r}")
    return value


def check_bool(where: str, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, key, f"must be true or false, got {_type_name(value)} {value!r}")
    return value


def _unknown(where: str, key: str, name: str, allowed, noun: str = "key") -> InputError:
    close = difflib.get_close_matches(name, list(allowed), n=1)
    hint = f"did you mean {close[0]!r}?" if close else ""
    if len(allowed) <= 16:
        hint = f"{hint} allowed here: {', '.join(allowed)}".strip()
    elif not close:
        hint = f"{len(allowed)} names are allowed here"
    return _fail(where, key, f"unknown {noun}; {hint}")


def check_table(where: str, key: str, value: Any, allowed) -> dict:
    if not isinstance(value, dict):
        raise _fail(where, key, f"must be a table, got {_type_name(value)} {value!r}")
    unknown = [k for k in value if k not in allowed]
    if unknown:
        name = f"{key}.{unknown[0]}" if key else unknown[0]
        raise _unknown(where, name, unknown[0], tuple(allowed))
    return value


# --- the setup: caregiving, population, temperament, params, ssp ------------------------------

def _preset_names() -> tuple[str, ...]:
    from ..presets import PRESETS

    return tuple(PRESETS)


def _population_names() -> tuple[str, ...]:
    from ..population_presets import population_names

    return population_names()


def _params_info() -> dict[str, dict]:
    from ..params import ModelParams

    return {d["name"]: d for d in ModelParams.describe()}


def _life_info() -> dict[str, dict]:
    from ..life.params import LifeParams

    return {d["name"]: d for d in LifeParams.describe()}


def _life(where: str, table: Any) -> dict:
    """The [life] table: how far the lives run, the second generation, therapy, and the life
    course's parameters (each in its declared range, :class:`~simulation.life.LifeParams`)."""
    from ..life.run import MAX_AGE

    info = _life_info()
    check_table(where, "life", table, (*LIFE_SETTINGS, *info))
    to_age = check_integer(where, "life.to_age", table.get("to_age", DEFAULT_TO_AGE), 1,
                           MAX_AGE)
    child = check_bool(where, "life.child", table.get("child", False))
    params = {name: check_real(where, f"life.{name}", table[name], info[name]["low"],
                               info[name]["high"])
              for name in sorted(table) if name in info}
    therapy = check_bool(where, "life.therapy", table.get("therapy", "therapy_age" in table))
    therapy_age = None
    if "therapy_age" in table:
        therapy_age = check_real(where, "life.therapy_age", table["therapy_age"], 1.0,
                                 float(MAX_AGE))
    if therapy and therapy_age is None:
        raise _fail(where, "life.therapy", "true needs life.therapy_age (the age in years "
                    f"therapy begins, 1 to to_age = {to_age})")
    if therapy and therapy_age > to_age:
        raise _fail(where, "life.therapy_age", f"must be in [1, {to_age}], got "
                    f"{table['therapy_age']!r} (therapy must begin within the life: "
                    f"life.to_age = {to_age})")
    parent_age = params.get("parent_age", info["parent_age"]["default"])
    if child and to_age < parent_age:
        raise _fail(where, "life.child", f"true needs life.to_age of at least parent_age "
                    f"({parent_age:g} years, when the child is raised), got {to_age}")
    return {"to_age": to_age, "child": child, "therapy_age": therapy_age if therapy else None,
            "params": params}


def _profile(where: str, key: str, table: dict) -> dict:
    """A caregiver profile: optional preset, then each parameter overriding it."""
    values = dict(DEFAULT_PROFILE)
    preset = None
    if "preset" in table:
        from ..presets import get_preset

        preset = check_text(where, f"{key}.preset", table["preset"], _preset_names())
        values = get_preset(preset).profile.as_dict()
    for name in PROFILE_PARAMETERS:
        if name in table:
            values[name] = check_real(where, f"{key}.{name}", table[name], 0.0, 1.0)
    return {"preset": preset, **values}


def _caregiver(where: str, key: str, table: dict, extra=()) -> dict:
    """A caregiver: a profile, or a history ``spells`` of (from_month, profile)."""
    profile_keys = ("preset", *PROFILE_PARAMETERS)
    check_table(where, key, table, (*extra, *profile_keys, "spells"))
    if "spells" not in table:
        return {"spells": [{"from_month": 0.0, **_profile(where, key, table)}]}
    mixed = [k for k in profile_keys if k in table]
    if mixed:
        raise _fail(where, f"{key}.{mixed[0]}", "give either a profile or spells, not both "
                    f"(put it in {key}.spells)")
    spells = table["spells"]
    if not isinstance(spells, list) or not spells:
        raise _fail(where, f"{key}.spells", "must be a non-empty array of tables "
                    "([[...spells]] with from_month and a profile)")
    out = []
    previous = -1.0
    for i, spell in enumerate(spells):
        sk = f"{key}.spells.{i}"
        check_table(where, sk, spell, ("from_month", *profile_keys))
        if "from_month" not in spell:
            raise _fail(where, f"{sk}.from_month", "missing (the month this spell starts)")
        month = check_real(where, f"{sk}.from_month", spell["from_month"], 0.0, MAX_AGE_MONTHS)
        if i == 0 and month != 0.0:
            raise _fail(where, f"{sk}.from_month",
                        f"the first spell must start at 0, got {month:g}")
        if month <= previous:
            raise _fail(where, f"{sk}.from_month", "spells must start at increasing months, got "
                        f"{month:g} after {previous:g}")
        previous = month
        out.append({"from_month": month, **_profile(where, sk, spell)})
    return {"spells": out}


def _temperament(where: str, table: dict) -> dict:
    check_table(where, "temperament", table, (*TEMPERAMENT_FIXED, *TEMPERAMENT_SPREAD))
    out = {}
    for trait in TEMPERAMENT_FIXED:
        if trait in table and any(k in table for k in (f"{trait}_mean", f"{trait}_sd")):
            raise _fail(where, f"temperament.{trait}", f"fix {trait} or give its distribution "
                        f"({trait}_mean, {trait}_sd), not both")
    for name in TEMPERAMENT_FIXED + TEMPERAMENT_SPREAD:
        if name in table:
            high = 0.5 if name.endswith("_sd") else 1.0
            out[name] = check_real(where, f"temperament.{name}", table[name], 0.0, high)
    return out


def normalize_setup(raw: dict, where: str) -> dict:
    """Validate the setup tables and return them in one explicit, JSON-able form.

    Caregivers become ``{"spells": [{from_month, preset, responsiveness, ...}]}``; presets are
    resolved into numbers (the name is kept); temperament and params keep only what is set.
    """
    if "caregiving" in raw and "population" in raw:
        raise _fail(where, "population", "give either [caregiving] or [population], not both")
    if "caregiving" not in raw and "population" not in raw:
        raise _fail(where, "caregiving", "missing: give [caregiving] (a caregiver profile or "
                    "history) or [population] (name = a population preset)")
    setup: dict[str, Any] = {"caregiving": None, "secondary": None, "population": None}
    if "caregiving" in raw:
        setup["caregiving"] = _caregiver(where, "caregiving",
                                         check_table(where, "caregiving", raw["caregiving"],
                                                     ("preset", *PROFILE_PARAMETERS, "spells")))
    if "secondary" in raw:
        if "population" in raw:
            raise _fail(where, "secondary", "a population has only the primary caregiver")
        table = check_table(where, "secondary", raw["secondary"],
                            ("share", "from_month", "preset", *PROFILE_PARAMETERS, "spells"))
        if "share" not in table:
            raise _fail(where, "secondary.share", "missing (share of occasions of need the "
                        "second caregiver answers, 0-1)")
        share = check_real(where, "secondary.share", table["share"], 0.0, 1.0)
        start = check_real(where, "secondary.from_month", table.get("from_month", 0.0), 0.0,
                           MAX_AGE_MONTHS)
        body = {k: v for k, v in table.items() if k not in ("share", "from_month")}
        setup["secondary"] = {"share": share, "from_month": start,
                              **_caregiver(where, "secondary", body)}
    if "population" in raw:
        table = check_table(where, "population", raw["population"], ("name",))
        if "name" not in table:
            raise _fail(where, "population.name", "missing (a population preset; see "
                        "`ssp presets`)")
        setup["population"] = {"name": check_text(where, "population.name", table["name"],
                                                  _population_names())}
    setup["temperament"] = _temperament(where, raw.get("temperament", {}))
    info = _params_info()
    params = check_table(where, "params", raw.get("params", {}), tuple(info))
    setup["params"] = {name: check_real(where, f"params.{name}", params[name],
                                        info[name]["low"], info[name]["high"])
                       for name in sorted(params)}
    if setup["population"] is not None and setup["params"]:
        from ..population_presets import get_population

        own = set(get_population(setup["population"]["name"]).params) & set(setup["params"])
        if own:
            name = sorted(own)[0]
            raise _fail(where, f"params.{name}", f"population {setup['population']['name']!r} "
                        "sets this parameter itself (a cultural mechanism), which would override "
                        "the value given here")
    ssp = check_table(where, "ssp", raw.get("ssp", {}), SSP_KEYS)
    caregiver = check_text(where, "ssp.caregiver", ssp.get("caregiver", "primary"), CAREGIVERS)
    if caregiver == "secondary" and setup["secondary"] is None:
        raise _fail(where, "ssp.caregiver", "'secondary' needs a [secondary] caregiver")
    setup["ssp"] = {
        "caregiver": caregiver,
        "age_months": _ssp_age(where, ssp.get("age_months", 12.0)),
        "frozen": check_bool(where, "ssp.frozen", ssp.get("frozen", False)),
    }
    if "life" in raw:
        setup["life"] = _life(where, raw["life"])
        for key, value in LIFE_SSP.items():
            if setup["ssp"][key] != value:
                shown = {True: "true", False: "false"}.get(value, f"{value!r}")
                raise _fail(where, f"ssp.{key}", f"a life ([life]) runs the 12-month Strange "
                            f"Situation with the primary caregiver, learning: must be {shown} "
                            f"or left out, got {setup['ssp'][key]!r}")
    return setup


def _ssp_age(where: str, value: Any) -> float:
    """The age of the procedure: a number in the range it is validated for
    (:data:`simulation.ssp_age.SSP_AGE_MONTHS`), one message otherwise."""
    from ..ssp_age import SSP_AGE_MONTHS, SSP_AGE_SOURCE

    low, high = SSP_AGE_MONTHS
    try:
        return check_real(where, "ssp.age_months", value, low, high)
    except InputError:
        raise _fail(where, "ssp.age_months", f"must be {low:g} to {high:g} months: the Strange "
                    f"Situation and its classification are validated for infants of about "
                    f"{low:g} to {high:g} months ({SSP_AGE_SOURCE}), got {value!r}") from None


def check_buildable(setup: dict, where: str) -> None:
    """Build the library objects for a normalised setup, so nothing fails once work starts."""
    try:
        life_arguments(setup) if setup.get("life") is not None else cohort_arguments(setup)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def cohort_arguments(setup: dict) -> dict[str, Any]:
    """Keyword arguments of :func:`simulation.run_cohort` for a normalised setup."""
    from ..caregiving import CaregiverProfile, Caregiving, CaregivingHistory
    from ..params import ModelParams
    from ..temperament import Temperament, TemperamentDistribution

    def history(caregiver: dict) -> CaregivingHistory:
        return CaregivingHistory(tuple(
            (s["from_month"], CaregiverProfile(**{k: s[k] for k in PROFILE_PARAMETERS}))
            for s in caregiver["spells"]))

    kwargs: dict[str, Any] = {}
    if setup["population"] is not None:
        from ..population_presets import get_population

        kwargs["population"] = get_population(setup["population"]["name"])
    else:
        secondary = setup["secondary"]
        kwargs["care"] = Caregiving(
            primary=history(setup["caregiving"]),
            secondary=None if secondary is None else history(secondary),
            secondary_share=0.0 if secondary is None else secondary["share"],
            secondary_from=0.0 if secondary is None else secondary["from_month"])
    temperament = setup["temperament"]
    if all(k in temperament for k in TEMPERAMENT_FIXED):
        kwargs["temperament"] = Temperament(temperament["reactivity"],
                                            temperament["soothability"])
    elif temperament:
        base = TemperamentDistribution()
        spread = {k: temperament.get(k, getattr(base, k)) for k in TEMPERAMENT_SPREAD}
        for trait in TEMPERAMENT_FIXED:
            if trait in temperament:  # one trait fixed, the other drawn
                spread[f"{trait}_mean"] = temperament[trait]
                spread[f"{trait}_sd"] = 0.0
        kwargs["temperament"] = TemperamentDistribution(**spread)
    else:
        kwargs["temperament"] = None  # the library's default for the population or caregiving
    kwargs["params"] = ModelParams().with_changes(**setup["params"])
    kwargs["caregiver"] = setup["ssp"]["caregiver"]
    kwargs["age_months"] = setup["ssp"]["age_months"]
    kwargs["frozen"] = setup["ssp"]["frozen"]
    return kwargs


def life_arguments(setup: dict) -> dict[str, Any]:
    """Keyword arguments of :func:`simulation.life.run_lives` for a normalised setup with
    [life] (its infancy: the caregiving, temperament and params of :func:`cohort_arguments`)."""
    from ..life.params import LifeParams

    kwargs = cohort_arguments(setup)
    for key in LIFE_SSP:  # run_lives runs the 12-month Strange Situation (checked)
        del kwargs[key]
    life = setup["life"]
    kwargs.update(life=LifeParams().with_changes(**life["params"]), to_age=life["to_age"],
                  child=life["child"], therapy_age=life["therapy_age"])
    return kwargs


# --- sweep paths ---------------------------------------------------------------------------

def path_kind(where: str, key: str, path: Any, raw_setup: dict) -> type:
    """Check a sweep path names a setting; return the type its values must have."""
    if not isinstance(path, str) or not path:
        raise _fail(where, key, f"a sweep path must be a non-empty string, got {path!r}")
    parts = path.split(".")
    if not all(_PATH_PART.match(p) for p in parts):
        raise _fail(where, key, "is not a setting path (like 'caregiving.warmth')")
    head, rest = parts[0], parts[1:]
    if head not in SETUP_TABLES:
        raise _fail(where, key, f"a setting path starts with one of {', '.join(SETUP_TABLES)}")
    if head in ("caregiving", "secondary"):
        if head not in raw_setup:
            raise _fail(where, key, f"sweeps [{head}], which the file does not have")
        extra = ("share", "from_month") if head == "secondary" else ()
        if len(rest) == 3 and rest[0] == "spells":
            spells = raw_setup[head].get("spells") if isinstance(raw_setup[head], dict) else None
            if not isinstance(spells, list):
                raise _fail(where, key, f"[{head}] has no spells")
            if not rest[1].isdigit() or int(rest[1]) >= len(spells):
                raise _fail(where, key, f"spell {rest[1]} does not exist (there are "
                            f"{len(spells)}, numbered from 0)")
            leaf, allowed = rest[2], ("from_month", "preset", *PROFILE_PARAMETERS)
        elif len(rest) == 1:
            leaf, allowed = rest[0], (*extra, "preset", *PROFILE_PARAMETERS)
            if (leaf not in extra and isinstance(raw_setup[head], dict)
                    and "spells" in raw_setup[head]):
                raise _fail(where, key, f"[{head}] is a history; sweep "
                            f"'{head}.spells.N.{leaf}'")
        else:
            raise _fail(where, key, "is not a setting path")
        if leaf not in allowed:
            raise _unknown(where, key, leaf, allowed, "setting")
        return str if leaf == "preset" else float
    if len(rest) != 1:
        raise _fail(where, key, f"is not a setting path (like '{head}.NAME')")
    leaf = rest[0]
    if head == "life":
        return _life_path_kind(where, key, leaf, raw_setup)
    allowed = {"population": ("name",),
               "temperament": TEMPERAMENT_FIXED + TEMPERAMENT_SPREAD,
               "params": tuple(_params_info()),
               "ssp": SSP_KEYS}[head]
    if leaf not in allowed:
        if head == "params":
            close = difflib.get_close_matches(leaf, list(allowed), n=1)
            hint = f"; did you mean 'params.{close[0]}'?" if close else ""
            raise _fail(where, key, f"unknown model parameter {leaf!r} (see "
                        f"ModelParams.describe()){hint}")
        raise _unknown(where, key, leaf, allowed, "setting")
    if head == "population" and "population" not in raw_setup:
        raise _fail(where, key, "sweeps [population], which the file does not have")
    if head == "population" or leaf == "caregiver":
        return str
    if leaf == "frozen":
        return bool
    return float


def _life_path_kind(where: str, key: str, leaf: str, raw_setup: dict) -> type:
    if "life" not in raw_setup:
        raise _fail(where, key, "sweeps [life], which the file does not have (add a [life] "
                    "table to run lives)")
    info = _life_info()
    if leaf in info:
        return float
    if leaf not in LIFE_SETTINGS:
        close = difflib.get_close_matches(leaf, [*LIFE_SETTINGS, *info], n=1)
        hint = f"; did you mean 'life.{close[0]}'?" if close else ""
        raise _fail(where, key, f"unknown life-course setting {leaf!r} (to_age, child, therapy, "
                    f"therapy_age or a parameter of LifeParams.describe()){hint}")
    return {"to_age": int, "child": bool, "therapy": bool, "therapy_age": float}[leaf]


def apply_values(raw_setup: dict, values: dict[str, Any]) -> dict:
    """A copy of the raw setup tables with each path set to its value."""
    tree = copy.deepcopy(raw_setup)
    for path, value in values.items():
        parts = path.split(".")
        node = tree
        for part in parts[:-1]:
            if isinstance(node, list):
                node = node[int(part)]
            else:
                node = node.setdefault(part, {})
        node[parts[-1]] = value
    return tree


def column_name(path: str) -> str:
    """The table column holding a swept setting: dots become underscores."""
    return path.replace(".", "_")


# --- the experiment -----------------------------------------------------------------------

@dataclass(frozen=True)
class Axis:
    """One swept setting: explicit values, or a range [low, high] for a sampled design."""

    path: str
    kind: type
    values: tuple | None = None
    low: float | None = None
    high: float | None = None
    log: bool = False

    @property
    def column(self) -> str:
        return column_name(self.path)


@dataclass(frozen=True)
class Sweep:
    design: str = "single"
    axes: tuple[Axis, ...] = ()
    points: tuple[dict, ...] = ()
    labels: tuple[str | None, ...] = ()
    samples: int = 0
    method: str = "latin-hypercube"
    seed: int = 0
    seeds: str = "per-cell"

    @property
    def paths(self) -> tuple[str, ...]:
        if self.design == "list":
            seen: dict[str, None] = {}
            for point in self.points:
                seen.update(dict.fromkeys(point))
            return tuple(seen)
        return tuple(a.path for a in self.axes)


@dataclass(eq=False)
class Experiment:
    """A validated experiment file. ``cells`` lists the work (see :mod:`.cells`)."""

    name: str
    description: str
    seed: int
    infants: int
    replicates: int
    setup: dict
    base: dict
    sweep: Sweep
    format: str = "parquet"
    scales: bool = False
    text: str = ""
    source: str = "<experiment>"
    _cells: list | None = field(default=None, repr=False)

    @property
    def sha256(self) -> str:
        """Hash of the file's text (what a resumed run must match)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def cells(self) -> list:
        """Every cell (design point x replicate), in design order; validated on first use."""
        if self._cells is None:
            from .cells import plan_cells

            self._cells = plan_cells(self)
        return self._cells

    @property
    def total_infants(self) -> int:
        return self.infants * len(self.cells)


def _range_values(where: str, key: str, spec: dict, kind: type) -> tuple:
    check_table(where, key, spec, ("from", "to", "steps"))
    for part in ("from", "to", "steps"):
        if part not in spec:
            raise _fail(where, f"{key}.{part}", "missing (a range is {from, to, steps})")
    if kind is not float:
        raise _fail(where, key, "a range needs a setting of real numbers; list the values "
                    "instead")
    lo = check_real(where, f"{key}.from", spec["from"], -1e300, 1e300)
    hi = check_real(where, f"{key}.to", spec["to"], -1e300, 1e300)
    steps = check_integer(where, f"{key}.steps", spec["steps"], 1, MAX_AXIS_VALUES)
    if steps == 1:
        return (lo,)
    return tuple(round(lo + (hi - lo) * i / (steps - 1), 12) for i in range(steps))


def _scalar(where: str, key: str, value: Any, kind: type) -> Any:
    if kind is float:
        return check_real(where, key, value, -1e300, 1e300)
    if kind is bool:
        return check_bool(where, key, value)
    if kind is int:  # its range is checked with the setting's own (a whole number here)
        if isinstance(value, bool) or not isinstance(value, Integral):
            raise _fail(where, key, f"must be a whole number, got {_type_name(value)} "
                        f"{value!r}")
        return int(value)
    return check_text(where, key, value, limit=200)


def _axis(where: str, design: str, path: str, spec: Any, kind: type) -> Axis:
    key = f"sweep.axes.{path!r}"
    if isinstance(spec, list):
        if not spec:
            raise _fail(where, key, "has no values (an empty axis makes an empty sweep)")
        if len(spec) > MAX_AXIS_VALUES:
            raise _fail(where, key, f"has {len(spec):,} values, more than {MAX_AXIS_VALUES:,} "
                        "(MAX_AXIS_VALUES)")
        values = tuple(_scalar(where, f"{key}[{i}]", v, kind) for i, v in enumerate(spec))
        if len(set(values)) != len(values):
            raise _fail(where, key, "lists a value twice")
        return Axis(path, kind, values=values)
    if isinstance(spec, dict) and design == "sampled" and ("low" in spec or "high" in spec):
        check_table(where, key, spec, ("low", "high", "log"))
        if kind is not float:
            raise _fail(where, key, "a range needs a setting of real numbers; list the values "
                        "instead")
        for part in ("low", "high"):
            if part not in spec:
                raise _fail(where, f"{key}.{part}", "missing (a sampled range is {low, high})")
        low = check_real(where, f"{key}.low", spec["low"], -1e300, 1e300)
        high = check_real(where, f"{key}.high", spec["high"], -1e300, 1e300)
        log = check_bool(where, f"{key}.log", spec.get("log", False))
        if not low < high:
            raise _fail(where, key, f"low must be below high, got {low:g} and {high:g}")
        if log and low <= 0:
            raise _fail(where, key, "a log range needs low > 0")
        return Axis(path, kind, low=low, high=high, log=log)
    if isinstance(spec, dict) and design != "sampled":
        values = _range_values(where, key, spec, kind)
        return Axis(path, kind, values=values)
    expected = ("an array of values or {low, high}" if design == "sampled"
                else "an array of values or {from, to, steps}")
    raise _fail(where, key, f"must be {expected}, got {_type_name(spec)} {spec!r}")


def _flatten_axes(where: str, table: dict, prefix: str = "") -> dict[str, Any]:
    """Axes may be written quoted (``"a.b" = ...``) or as nested tables (``a.b = ...``).

    Keeps the order of the file; the nesting is already bounded by ``MAX_TOML_DEPTH``.
    """
    flat: dict[str, Any] = {}
    for k, v in table.items():
        path = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict) and v and not set(v) & _RANGE_KEYS:
            nested = _flatten_axes(where, v, path)
        else:
            nested = {path: v}
        for p, value in nested.items():
            if p in flat:
                raise _fail(where, f"sweep.axes.{p!r}", "given twice")
            flat[p] = value
    return flat


def _sweep(where: str, raw: dict, raw_setup: dict, root_seed: int) -> Sweep:
    table = check_table(where, "sweep", raw, ("design", "axes", "points", "samples", "method",
                                              "seed", "seeds"))
    design = check_text(where, "sweep.design", table.get("design", "grid"), DESIGNS)
    seeds = check_text(where, "sweep.seeds", table.get("seeds", "per-cell"), SEED_SCHEMES)
    for name in ("samples", "method", "seed"):
        if name in table and design != "sampled":
            raise _fail(where, f"sweep.{name}", "applies only to design = \"sampled\"")
    if design == "list":
        if "axes" in table:
            raise _fail(where, "sweep.axes", "a list design gives [[sweep.points]], not axes")
        points = table.get("points")
        if not isinstance(points, list) or not points:
            raise _fail(where, "sweep.points", "missing or empty: a list design needs "
                        "[[sweep.points]] tables of setting paths and values")
        if len(points) > MAX_AXIS_VALUES:
            raise _fail(where, "sweep.points", f"has {len(points):,} points, more than "
                        f"{MAX_AXIS_VALUES:,} (MAX_AXIS_VALUES)")
        out, labels = [], []
        for i, point in enumerate(points):
            key = f"sweep.points.{i}"
            if not isinstance(point, dict):
                raise _fail(where, key, f"must be a table, got {_type_name(point)}")
            label = point.get("label")
            if label is not None:
                label = check_text(where, f"{key}.label", label, limit=200)
            values = {}
            for path, value in _flatten_axes(where, {k: v for k, v in point.items()
                                                     if k != "label"}).items():
                kind = path_kind(where, f"{key}.{path!r}", path, raw_setup)
                values[path] = _scalar(where, f"{key}.{path!r}", value, kind)
            out.append(values)
            labels.append(label)
        if len(set(filter(None, labels))) != len(list(filter(None, labels))):
            raise _fail(where, "sweep.points", "two points share a label")
        return Sweep(design="list", points=tuple(out), labels=tuple(labels), seeds=seeds)
    if "points" in table:
        raise _fail(where, "sweep.points", f"points belong to design = \"list\", not {design!r}")
    axes_table = table.get("axes")
    if not isinstance(axes_table, dict) or not axes_table:
        raise _fail(where, "sweep.axes", "missing or empty: give at least one swept setting, "
                    "e.g. \"caregiving.responsiveness\" = [0.2, 0.5, 0.8] (or leave out "
                    "[sweep] for a single design point)")
    axes = []
    for path, spec in _flatten_axes(where, axes_table).items():
        key = f"sweep.axes.{path!r}"
        kind = path_kind(where, key, path, raw_setup)
        axes.append(_axis(where, design, path, spec, kind))
    samples, method, sample_seed = 0, "latin-hypercube", root_seed
    if design == "sampled":
        if "samples" not in table:
            raise _fail(where, "sweep.samples", "missing (how many points to sample)")
        samples = check_integer(where, "sweep.samples", table["samples"], 1, MAX_SWEEP_CELLS)
        method = check_text(where, "sweep.method", table.get("method", method),
                            SAMPLING_METHODS)
        sample_seed = check_integer(where, "sweep.seed", table.get("seed", root_seed), 0,
                                    MAX_SEED)
    return Sweep(design=design, axes=tuple(axes), samples=samples, method=method,
                 seed=sample_seed, seeds=seeds)


def parse_experiment(data: dict, where: str = "<experiment>", text: str = "") -> Experiment:
    """Validate a parsed experiment file (a dict as from ``tomllib``) and its every cell."""
    check_table(where, "", data, TOP_KEYS)
    for key in ("name", "seed", "infants"):
        if key not in data:
            hint = {"name": "a short name for the experiment", "seed": "the root seed, "
                    "a whole number", "infants": "infants per cohort (cell)"}[key]
            raise _fail(where, key, f"missing ({hint})")
    name = check_text(where, "name", data["name"], limit=100)
    if not _NAME.match(name):
        raise _fail(where, "name", "use letters, digits, '.', '-' and '_' (it names files), "
                    f"got {name!r}")
    description = check_text(where, "description", data.get("description", ""))
    seed = check_integer(where, "seed", data["seed"], 0, MAX_SEED)
    infants = check_integer(where, "infants", data["infants"], 1, MAX_INFANTS)
    replicates = check_integer(where, "replicates", data.get("replicates", 1), 1,
                               MAX_SWEEP_CELLS)
    raw_setup = {k: data[k] for k in SETUP_TABLES if k in data}
    base = normalize_setup(raw_setup, where)
    check_buildable(base, where)
    sweep = Sweep()
    if "sweep" in data:
        sweep = _sweep(where, data["sweep"], raw_setup, seed)
    output = check_table(where, "output", data.get("output", {}), ("format", "scales"))
    fmt = check_text(where, "output.format", output.get("format", "parquet"), FORMATS)
    scales = check_bool(where, "output.scales", output.get("scales", False))
    if scales and base.get("life") is not None:
        raise _fail(where, "output.scales", "a life ([life]) writes one row per person, without "
                    "the Strange Situation's scale tables (use `ssp run --scales` for those)")
    experiment = Experiment(name=name, description=description, seed=seed, infants=infants,
                            replicates=replicates, setup=raw_setup, base=base, sweep=sweep,
                            format=fmt, scales=scales, text=text, source=where)
    experiment.cells  # noqa: B018 - validates every cell before anything runs
    return experiment


def loads_experiment(text: str, where: str = "<experiment>") -> Experiment:
    """Parse and validate experiment text (the same checks as a file, after the size cap)."""
    from ..limits import MAX_EXPERIMENT_FILE_BYTES

    if len(text.encode("utf-8")) > MAX_EXPERIMENT_FILE_BYTES:
        raise InputError(f"{where}: larger than {MAX_EXPERIMENT_FILE_BYTES:,} bytes "
                         "(MAX_EXPERIMENT_FILE_BYTES)")
    return parse_experiment(safetoml.loads(text, where), where, text)


def load_experiment(path: str | os.PathLike) -> Experiment:
    """Read, parse and validate an experiment file; nothing in it is executed."""
    where = str(Path(path))
    text = safetoml.read_text(path)
    return parse_experiment(safetoml.loads(text, where), where, text)
