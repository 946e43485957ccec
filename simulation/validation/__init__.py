"""``ssp validate``: the model's literature checks (not input validation: see
:mod:`simulation.inputs`).

- :mod:`.base`: the three kinds of check (``calibrated``: a published figure the population
  presets were fitted to; ``implementation``: follows from how the coder defines the groups;
  ``predicted``: nothing in the fit or the definitions forces it), :class:`Check`,
  :class:`Outcome` and the small statistics the checks share;
- :mod:`.checks`: every check (:data:`CHECKS`), with the calibrated distributions, the behaviour
  by group, temperament, change of care and the population-level checks; :mod:`.trends` (the
  caregiving trends), :mod:`.normative` (Ainsworth's normative trends across episodes,
  curtailment), :mod:`.subgroups` and :mod:`.mechanisms` (hyperactivation, graded D) hold the
  others;
- :mod:`.cohorts`: the seeded cohorts the checks share (:class:`CohortProvider`, full and quick
  sizes);
- :mod:`.known_failures`: checks the model is known to fail, with what was found;
- :mod:`.runner`: running them, the exit status, the text table and the JSON;
- :mod:`.figures`: the figures of ``ssp validate --figures DIR``;
- :mod:`.report`: the generated part of ``docs/validation.md`` (``ssp validate --report``).

The results and their interpretation: ``docs/validation.md``.
"""

from __future__ import annotations

from .base import KINDS, Check, Outcome
from .checks import CHECKS
from .cohorts import FULL, QUICK, VALIDATE_SEED, CohortProvider, Sizes
from .known_failures import KNOWN_FAILURES
from .runner import Row, exit_status, format_table, run_checks, summary

__all__ = ["CHECKS", "FULL", "KINDS", "KNOWN_FAILURES", "QUICK", "VALIDATE_SEED", "Check",
           "CohortProvider", "Outcome", "Row", "Sizes", "exit_status", "format_table",
           "run_checks", "summary"]
