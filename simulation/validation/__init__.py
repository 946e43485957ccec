"""``ssp validate``: the model's literature checks (not input validation: see
:mod:`simulation.inputs`).

- :mod:`.checks`: each check with its kind (``calibrated``: a published target the population
  presets were fitted to; ``predicted``: a finding the fit never saw), reference, expectation and
  ``run(provider)``;
- :mod:`.cohorts`: the seeded cohorts the checks share (:class:`CohortProvider`, full and quick
  sizes);
- :mod:`.known_failures`: checks the model is known to fail, with what was found;
- :mod:`.runner`: running them, the exit status, the report;
- :mod:`.figures`: the figures of ``ssp validate --figures DIR``.

The results and their interpretation: ``docs/validation.md``.
"""

from __future__ import annotations

from .checks import CHECKS, Check, Outcome
from .cohorts import FULL, QUICK, VALIDATE_SEED, CohortProvider, Sizes
from .known_failures import KNOWN_FAILURES
from .runner import Row, exit_status, format_table, run_checks, summary

__all__ = ["CHECKS", "FULL", "KNOWN_FAILURES", "QUICK", "VALIDATE_SEED", "Check",
           "CohortProvider", "Outcome", "Row", "Sizes", "exit_status", "format_table",
           "run_checks", "summary"]
