"""The model's own parameters: every default documented, every value validated.

These are the mechanism constants (learning rates, situational stress, behavioural weights), not
the caregiving users turn. Each is declared (default, range, meaning, source) beside the rule
that reads it, in its mechanism's module of :mod:`simulation.rules`
(:data:`simulation.rules.catalogue.PARAMS`); :class:`ModelParams` is generated from those
declarations. Sweeps may vary any of them by name (``ModelParams.names()``); the
sensitivity-analysis study in ``experiments/`` shows which of them move the distribution.
"""

from __future__ import annotations

from dataclasses import field, fields, make_dataclass, replace
from typing import Any

from .inputs import InputError, check_number
from .rules.catalogue import MECHANISMS
from .rules.declaration import Param

#: Parameters renamed so that each word has one meaning (a caregiver's "lapse" or "spell" of
#: preoccupation is now her preoccupation): the old name in a message points to the new one.
RENAMED = {"spell_switch": "preoccupation_switch", "lapse_breakthrough": "preoccupied_breakthrough"}


class _Parameters:
    """Validation and description of the generated :class:`ModelParams`."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = check_number(f.name, getattr(self, f.name), f.metadata["low"],
                                 f.metadata["high"])
            object.__setattr__(self, f.name, value)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def describe(cls) -> list[dict[str, Any]]:
        """Name, default, range, meaning, source and mechanism of every parameter (for docs and
        the CLI)."""
        return [
            {"name": f.name, "default": f.default, "low": f.metadata["low"],
             "high": f.metadata["high"], "doc": f.metadata["doc"],
             "source": f.metadata["source"], "mechanism": f.metadata["mechanism"]}
            for f in fields(cls)
        ]

    def with_changes(self, **changes: float) -> ModelParams:
        """A validated copy with some parameters changed; unknown names are refused."""
        unknown = set(changes) - set(self.names())
        if unknown:
            names = [f"{n} (now {RENAMED[n]})" if n in RENAMED else n for n in sorted(unknown)]
            raise InputError(f"unknown model parameter(s): {', '.join(names)}")
        return replace(self, **changes)

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _field(p: Param, mechanism: str) -> Any:
    return field(default=p.default, metadata={
        "low": p.low, "high": p.high, "doc": p.meaning, "source": p.source,
        "mechanism": mechanism})


#: Mechanism constants of the home year and of the Strange Situation, one field per declared
#: parameter (:data:`simulation.rules.catalogue.PARAMS`), each with its default; ``mechanism``
#: in its metadata names the module that declares it.
ModelParams = make_dataclass(
    "ModelParams",
    [(p.name, float, _field(p, m.__name__.rpartition(".")[2]))
     for m in MECHANISMS for p in getattr(m, "PARAMS", ())],
    bases=(_Parameters,), frozen=True)
ModelParams.__module__ = __name__  # where pickle finds it
ModelParams.__doc__ = "Mechanism constants of the home year and of the Strange Situation."
