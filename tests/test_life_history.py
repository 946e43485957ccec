"""One life year by year (simulation.life.history): the same as run_lives, replayable alone, and
what-ifs that change only what they say, from when they say."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation import run_lives
from simulation.inputs import InputError
from simulation.life.history import WhatIf, person_history, run_histories
from simulation.presets import PRESETS
from simulation.temperament import Temperament

CARE = PRESETS["inconsistent"].profile
TEMPERAMENT = Temperament(0.5, 0.5)


def test_histories_give_run_lives_table_row_for_row():
    lives = run_lives(CARE, 6, 3, temperament=TEMPERAMENT)
    histories = run_histories(CARE, range(6), 3, temperament=TEMPERAMENT)
    pd.testing.assert_frame_equal(lives, histories.table)


def test_person_alone_equals_person_in_a_cohort():
    cohort = person_history(run_histories(CARE, range(8), 5, temperament=TEMPERAMENT), 6)
    alone = person_history(run_histories(CARE, [6], 5, temperament=TEMPERAMENT), 0)
    assert alone.row == cohort.row
    pd.testing.assert_frame_equal(alone.years, cohort.years)
    pd.testing.assert_frame_equal(alone.partners, cohort.partners)
    assert alone.events == cohort.events
    assert alone.reunion_codes == cohort.reunion_codes
    np.testing.assert_array_equal(alone.reunion.action, cohort.reunion.action)


def test_history_covers_every_birthday_and_the_schedule():
    h = person_history(run_histories(CARE, range(3), 1, temperament=TEMPERAMENT, to_age=30), 2)
    assert h.years["age"].tolist() == list(range(1, 31))
    assert h.years[["trust", "rebuff", "gain"]].notna().all().all()
    assert h.row["partners"] == h.partners["number"].nunique()
    assert len(h.events) == h.row["life_events"]
    assert h.reunion.action.shape == (1, 360)


@pytest.mark.parametrize("kind, age", [("partner", 22), ("therapy", 28)])
def test_what_if_lowers_anxiety_only_from_its_age(kind, age):
    ids = range(150)
    base = run_histories(CARE, ids, 0, temperament=TEMPERAMENT)
    changed = run_histories(CARE, ids, 0, temperament=TEMPERAMENT, what_if=WhatIf(kind, age))
    anxious = base.table["adult_anxiety"] >= 4.0
    assert anxious.sum() > 20
    drop = (base.table["adult_anxiety"] - changed.table["adult_anxiety"])[anxious]
    assert drop.mean() > 0.1 and (drop > 0).mean() > 0.6
    # nothing changes before the what-if begins: the infant and the childhood are the same
    for i in (0, 7, 42):
        before = person_history(base, i).years
        after = person_history(changed, i).years
        early = before["age"] <= age
        pd.testing.assert_frame_equal(before[early][["trust", "rebuff", "gain"]],
                                      after[early][["trust", "rebuff", "gain"]])
    assert (changed.table["infant_group"] == base.table["infant_group"]).all()


def test_what_if_partner_is_responsive_and_stays():
    h = person_history(run_histories(CARE, [4], 3, temperament=TEMPERAMENT,
                                      what_if=WhatIf("partner", 22)), 0)
    last = h.partners.iloc[-1]
    assert last["from_age"] == 22 and last["to_age"] == 30
    assert last["responsiveness"] > 0.8
    assert (h.years.loc[h.years["age"].between(22, 29), "partner"] == last["number"]).all()


def test_bad_what_if_is_refused():
    with pytest.raises(InputError, match="what-if"):
        WhatIf("lottery", 22)
    with pytest.raises(InputError, match="what-if age"):
        WhatIf("partner", -1)
