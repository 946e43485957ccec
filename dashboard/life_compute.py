"""Cached simulations of the "A life" page, run in the dashboard's process pool.

Keyed on plain values (a care spec, a temperament, seeds, names), as :mod:`dashboard.compute`'s
are; the work itself is :mod:`dashboard.life_work`'s.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import compute, life_work

#: Persons raised like the page's person, over whom a what-if's share is counted.
LIKE_THIS = 200


@st.cache_data(max_entries=48, show_spinner=False)
def people(care: tuple, temperament: tuple, seed: int, what_if: str = "none",
           what_if_age: float = 22.0, n: int = LIKE_THIS) -> life_work.People:
    """Persons ``0 .. n - 1`` raised one way, as drawn or with a what-if (person 0 in full)."""
    return compute.pool().run(life_work.people_run, care, temperament, int(seed), int(n),
                              what_if, float(what_if_age))


@st.cache_data(max_entries=16, show_spinner=False)
def population(name: str, n: int, seed: int = 0) -> pd.DataFrame:
    """A population preset's lives to 30 (the flows from infancy to adulthood)."""
    return compute.pool().run(life_work.population_run, name, int(n), int(seed))
