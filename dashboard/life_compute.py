"""Cached simulations of the "A life" page, run in the dashboard's process pool.

Keyed on plain values (a care spec, a temperament, seeds, names), as :mod:`dashboard.compute`'s
are; the work itself is :mod:`dashboard.life_work`'s.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import streamlit as st

from dashboard import compute, life_work

#: Persons raised like the page's person, over whom a what-if's share is counted.
LIKE_THIS = 200


@st.cache_data(max_entries=48, show_spinner=False)
def people_and_what_if(care: tuple, temperament: tuple, person: int, what_if: str,
                       what_if_age: float, n: int = LIKE_THIS
                       ) -> tuple[life_work.People, life_work.People | None]:
    """Infant ``person`` of this care (Watch's numbering: root seed
    :data:`dashboard.compute.TYPICAL_SEED`) and others raised the same way, as drawn and with
    the what-if (None for ``none``), the two asked of the pool at once: with two workers they
    run side by side."""
    def run(kind: str) -> life_work.People:
        return compute.pool().run(life_work.people_run, care, temperament, int(person),
                                  compute.TYPICAL_SEED, int(n), kind, float(what_if_age))

    if what_if == "none":
        return run("none"), None
    with ThreadPoolExecutor(max_workers=2) as threads:
        base, changed = threads.map(run, ("none", what_if))
    return base, changed


@st.cache_data(max_entries=16, show_spinner=False)
def population(name: str, n: int, seed: int = 0) -> pd.DataFrame:
    """A population preset's lives to 30 (the flows from infancy to adulthood)."""
    return compute.pool().run(life_work.population_run, name, int(n), int(seed))
