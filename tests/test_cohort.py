"""The cohort engine: same seed, same table, whatever the chunking; infant k replays alone."""

import pandas as pd
import pytest

from simulation import CaregiverProfile, get_preset, run_cohort
from simulation.inputs import InputError
from simulation.mesa_model import StrangeSituationModel

MIX = CaregiverProfile(0.55, 0.4, 0.5, 0.2)

CONTRACT_COLUMNS = [
    "infant_id", "seed", "classification", "group", "abc_group", "subgroup", "d_rating",
    *[f"d_index_{i}" for i in range(1, 8)],
    "responsiveness", "consistency", "warmth", "frightening", "reactivity", "soothability",
    *[f"ep{e}_{s}" for e in (5, 8) for s in (
        "proximity_seeking", "contact_maintaining", "resistance", "avoidance",
        "distance_interaction")],
    "ep2_exploration", "ep6_crying", *[f"ep{e}_duration" for e in range(1, 9)],
    "internal_trust", "internal_volatility", "internal_rebuff", "internal_signal_gain",
    "internal_fear",
]


@pytest.fixture(scope="module")
def cohort():
    return run_cohort(MIX, 60, seed=5, progress=False, scales=True)


def test_table_has_the_contract_columns(cohort):
    t = cohort.table
    assert list(t["infant_id"]) == list(range(60))
    missing = [c for c in CONTRACT_COLUMNS if c not in t.columns]
    assert not missing, missing
    assert set(t["classification"]) <= {"secure", "avoidant", "ambivalent", "disorganized"}
    assert t["d_rating"].between(1, 9).all()
    assert ((t["group"] == "D") == (t["d_rating"] >= 5)).all()
    assert (t.loc[t["group"] != "D", "group"] == t.loc[t["group"] != "D", "abc_group"]).all()


def test_same_seed_same_table_whatever_the_chunking(cohort):
    again = run_cohort(MIX, 60, seed=5, progress=False, chunk_size=7)
    pd.testing.assert_frame_equal(cohort.table, again.table)
    other = run_cohort(MIX, 60, seed=6, progress=False)
    assert not other.table["internal_trust"].equals(cohort.table["internal_trust"])


def test_same_table_on_any_number_of_threads():
    """Ranges of infants run at once on several threads: the table is the same bit for bit."""
    one = run_cohort(MIX, 800, seed=9, progress=False, threads=1, scales=True)
    three = run_cohort(MIX, 800, seed=9, progress=False, threads=3, chunk_size=600,
                       scales=True)
    pd.testing.assert_frame_equal(one.table, three.table)
    pd.testing.assert_frame_equal(one.scales, three.scales)


def test_thread_ranges_cover_every_infant_once():
    from simulation.threads import MIN_INFANTS_PER_THREAD, over_ranges

    seen = []
    over_ranges(3 * MIN_INFANTS_PER_THREAD + 7, 8, lambda lo, hi: seen.append((lo, hi)))
    seen.sort()
    assert len(seen) == 3 and seen[0][0] == 0 and seen[-1][1] == 3 * MIN_INFANTS_PER_THREAD + 7
    assert all(a[1] == b[0] for a, b in zip(seen, seen[1:], strict=False))
    seen.clear()
    over_ranges(10, 8, lambda lo, hi: seen.append((lo, hi)))  # too few to split
    assert seen == [(0, 10)]


def test_any_infant_replays_alone(cohort):
    ids = [3, 41]
    alone = run_cohort(MIX, seed=5, infant_ids=ids, progress=False).table
    pd.testing.assert_frame_equal(alone, cohort.table.iloc[ids].reset_index(drop=True))
    model = StrangeSituationModel(MIX, infant_id=41, seed=5).run()
    row = model.coding().to_frame().iloc[0]
    assert row["subgroup"] == cohort.table.loc[41, "subgroup"]
    assert row["d_rating"] == cohort.table.loc[41, "d_rating"]


def test_scales_long_table(cohort):
    long = cohort.scales
    assert set(long.columns) >= {"infant_id", "episode", "toward", "scale", "score"}
    assert long["score"].between(1, 7).all()
    ep8 = long[(long.episode == 8) & (long.toward == "caregiver")
               & (long.scale == "avoidance")].set_index("infant_id")["score"]
    assert (ep8.sort_index().to_numpy() == cohort.table["ep8_avoidance"].to_numpy()).all()


def test_progress_callback_counts_every_infant():
    seen = []
    run_cohort(MIX, 25, seed=1, chunk_size=10, progress=seen.append)
    assert seen == [10, 10, 5]


def test_bad_cohort_requests_refused():
    with pytest.raises(InputError, match="infants"):
        run_cohort(MIX, 0)
    with pytest.raises(InputError, match="seed"):
        run_cohort(MIX, 10, seed=-3)
    with pytest.raises(InputError, match="either caregiving or a population"):
        run_cohort(None, 10)
    with pytest.raises(InputError, match="unknown caregiver"):
        run_cohort(MIX, 10, caregiver="father")
    for bad in (0, -1, 2.5, "2", True):
        with pytest.raises(InputError, match="threads"):
            run_cohort(MIX, 10, threads=bad)


def test_presets_give_their_patterns():
    shares = {name: run_cohort(get_preset(name).profile, 200, seed=2,
                               progress=False).distribution()
              for name in ("sensitive", "rejecting", "inconsistent", "frightening")}
    assert shares["sensitive"]["secure"] > 0.6
    assert shares["rejecting"]["avoidant"] > 0.5
    assert shares["inconsistent"]["ambivalent"] > 0.5
    assert shares["frightening"]["disorganized"] > max(
        shares[p]["disorganized"] for p in ("sensitive", "rejecting", "inconsistent")) + 0.2


def test_a_populations_temperament_is_used_unless_overridden():
    import dataclasses

    from simulation import Temperament, TemperamentDistribution, get_population

    calm = dataclasses.replace(get_population("global"),
                               temperament=TemperamentDistribution(0.2, 0.0, 0.8, 0.0))
    table = run_cohort(population=calm, n_infants=4, progress=False).table
    assert table["reactivity"].eq(0.2).all() and table["soothability"].eq(0.8).all()
    fixed = run_cohort(population=calm, n_infants=4, temperament=Temperament(0.6, 0.4),
                       progress=False).table
    assert fixed["reactivity"].eq(0.6).all()
