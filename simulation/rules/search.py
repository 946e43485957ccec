"""Search in the separations: going to the door where she left.

An infant that expects her back and is not deactivating goes to the door when distressed in her
absence (Ainsworth et al. 1978, ch. 5: search behaviour in episodes 4, 6 and 7), less so the
less it trusts her.
"""

from __future__ import annotations

import numpy as np

from .declaration import INFANT, Param
from .jit import f, kernel
from .traits import Traits, floor

PARAMS = (
    Param("search_weight", 0.8, 0.0, 5.0, "going to the door in separations",
          "Ainsworth et al. 1978, ch. 5", INFANT),
    Param("search_trust_floor", 0.3, 0.0, 1.0, "share of search that does not depend on trust",
          "Ainsworth et al. 1978, ch. 5", INFANT),
)

DISPOSITIONS = (
    ("search", "going to the door in separations (expects her back, not deactivated)"),
)


def dispositions(t: Traits, p) -> dict[str, np.ndarray]:
    """This mechanism's per-infant terms (:data:`DISPOSITIONS`)."""
    return dict(search=p.search_weight * floor(p.search_trust_floor, t.T) * t.inh)


@kernel
def search(free, cg_in, a, d):
    """Going to the door: free, aroused, and she is gone."""
    return f(free and not cg_in) * a * d.search
