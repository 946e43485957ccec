"""What the "A life" page runs in the dashboard's process pool (top-level functions, pickled by
name; no Streamlit here, as in :mod:`dashboard.workers`).

- :func:`people_run`: one person (infant number ``k`` of a way of caring, the infant Watch
  shows as "Infant no. k") and others raised the same way ("people like this", for the
  what-if's share), as drawn or with a what-if.
- :func:`population_run`: a population preset's lives, for the flows from infancy to adulthood.

Draws are keyed by person, so the results are the same in a worker and in the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.workers import _population, _temperament, care_from_spec

#: The columns of the people's table the page uses.
PEOPLE_COLUMNS = ("infant_id", "infant_group", "adult_anxiety", "adult_avoidance",
                  "adult_style", "life_events", "partners", "therapy")


@dataclass
class People:
    """Persons raised one way: their table, and person 0's history."""

    table: pd.DataFrame
    person: object  # simulation.life.history.PersonHistory


def people_run(care: tuple, temperament: tuple, person: int, root_seed: int, n: int,
               what_if: str, what_if_age: float) -> People:
    """Person ``person`` (an infant number, as Watch's) and ``n - 1`` others raised the same
    way (caregiving ``care``, a care spec, and a fixed temperament ``(reactivity,
    soothability)``, root seed ``root_seed``), with the what-if (``none``, ``partner``,
    ``therapy``) from ``what_if_age``. The table's first row is the person."""
    from simulation.life.history import WhatIf, person_history, run_histories

    others = [i for i in range(int(n)) if i != int(person)][:int(n) - 1]
    h = run_histories(care_from_spec(care), [int(person), *others], int(root_seed),
                      temperament=_temperament(temperament, None),
                      what_if=WhatIf(what_if, float(what_if_age)))
    return People(h.table[list(PEOPLE_COLUMNS)].copy(), person_history(h, 0))


def population_run(population: str, n: int, seed: int) -> pd.DataFrame:
    """Lives to 30 of ``n`` persons of a population preset (every column of ``ssp life``)."""
    from simulation.life import run_lives

    return run_lives(population=_population(population), n_persons=int(n), seed=int(seed))
