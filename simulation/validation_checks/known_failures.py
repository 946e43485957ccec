"""Checks the model is known to fail, each with what was found.

A check listed here that fails does not make ``ssp validate`` exit non-zero (``--strict`` does);
it is shown in the output with its reason. A listed check that passes is reported as such, so the
entry can be removed. Never list a check to hide a failure that is not understood: the reason
says what the simulation does and why it differs from the literature.
"""

from __future__ import annotations

#: check name -> what was found (shown in the output and in docs/validation.md).
KNOWN_FAILURES: dict[str, str] = {}
