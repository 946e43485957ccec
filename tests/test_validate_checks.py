"""The check machinery of `ssp validate` on hand-made tables: each check computes the right
statistic, passes on a table that satisfies it and fails on one that does not. Nothing here
simulates: the model's own outcomes are the business of `ssp validate` itself."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulation.validation import checks as checks_module
from simulation.validation import mechanisms, normative, subgroups
from simulation.validation.base import (
    KINDS,
    TOPICS,
    Check,
    above_z,
    diff_z,
    paired_z,
    share_diff_z,
)
from simulation.validation.normative import (
    ALL,
    Order,
    above_floor,
    curtailment_by_group,
    episode_orders,
    group_orders,
    scales_wide,
)

RNG = np.random.default_rng(7)


# ---------------------------------------------------------------------------------------------
# statistics
# ---------------------------------------------------------------------------------------------
def test_paired_z_is_the_mean_difference_over_its_standard_error():
    high = np.array([3.0, 5.0, 4.0, 6.0])
    low = np.array([1.0, 2.0, 2.0, 3.0])
    d = high - low  # 2, 3, 2, 3
    mean, z = paired_z(high, low)
    assert mean == pytest.approx(2.5)
    assert z == pytest.approx(2.5 / (d.std(ddof=1) / 2.0))
    # the same numbers as independent samples give a smaller z (the pairing removes the spread)
    assert diff_z(high, low)[1] < z


def test_differences_without_spread_are_infinitely_significant_or_not_at_all():
    assert paired_z([2.0, 2.0, 2.0], [1.0, 1.0, 1.0])[1] == np.inf
    assert paired_z([1.0, 1.0], [1.0, 1.0])[1] == 0.0
    assert diff_z([0.0, 0.0], [1.0, 1.0])[1] == -np.inf


def test_above_z_and_share_diff_z():
    d, z = above_z([2.0, 3.0, 4.0], 1.0)
    assert d == pytest.approx(2.0) and z == pytest.approx(2.0 / (1.0 / np.sqrt(3)))
    d, z = share_diff_z(60, 100, 40, 100)
    assert d == pytest.approx(0.2)
    assert z == pytest.approx(0.2 / np.hypot(np.sqrt(0.24 / 100), np.sqrt(0.24 / 100)))


def test_a_check_must_have_a_known_kind():
    with pytest.raises(ValueError, match="kind"):
        Check("x", "fitted", "ref", "exp", lambda p: None, basis="b", topic="behaviour")


def test_a_predicted_check_without_in_sample_is_refused_at_definition():
    with pytest.raises(ValueError, match="in_sample"):
        Check("x", "predicted", "ref", "exp", lambda p: None, basis="b", topic="behaviour")
    for flag in (True, False):
        assert Check("x", "predicted", "ref", "exp", lambda p: None, basis="b",
                     topic="behaviour", in_sample=flag).in_sample is flag


def test_in_sample_belongs_to_predicted_checks_only():
    with pytest.raises(ValueError, match="in_sample"):
        Check("x", "implementation", "ref", "exp", lambda p: None, basis="b",
              topic="behaviour", in_sample=False)


@pytest.mark.parametrize("topic, basis, message", [
    ("", "b", "topic"), ("infancy", "b", "topic"), ("behaviour", "", "basis"),
    ("behaviour", "   ", "basis")])
def test_a_check_needs_a_known_topic_and_a_basis(topic, basis, message):
    with pytest.raises(ValueError, match=message):
        Check("x", "calibrated", "ref", "exp", lambda p: None, basis=basis, topic=topic)


# ---------------------------------------------------------------------------------------------
# hand-made tables
# ---------------------------------------------------------------------------------------------
CRYING = {  # group -> mean crying per episode 1-8: low before, up in 4, peak in 6, 7 below 6
    "A": [0.0, 0.02, 0.05, 0.2, 0.05, 0.4, 0.25, 0.05],
    "B": [0.0, 0.05, 0.1, 0.6, 0.2, 0.85, 0.7, 0.15],
    "C": [0.1, 0.3, 0.4, 0.85, 0.6, 0.97, 0.9, 0.6],
}
EXPLORATION = {  # declines into the separations, lower in the reunions than in episode 2
    "A": [0.9, 0.95, 0.9, 0.85, 0.85, 0.8, 0.8, 0.85],
    "B": [0.9, 0.9, 0.8, 0.4, 0.6, 0.2, 0.3, 0.5],
    "C": [0.5, 0.4, 0.35, 0.1, 0.15, 0.05, 0.08, 0.1],
}


def infant_table(n_per_group=60, crying=CRYING, exploration=EXPLORATION, noise=0.03,
                 groups=("A", "B", "C")) -> pd.DataFrame:
    """Per-infant rows: group, subgroup, crying and exploration rates around the given means,
    durations (C's separations cut short most, A's never)."""
    rows = []
    cut = {"A": 0.0, "B": 0.3, "C": 0.8}
    for g in groups:
        for i in range(n_per_group):
            row = {"group": g, "abc_group": g}
            for e in range(1, 9):
                row[f"ep{e}_crying"] = float(np.clip(crying[g][e - 1]
                                                     + noise * RNG.standard_normal(), 0, 1))
                row[f"ep{e}_exploration"] = float(np.clip(exploration[g][e - 1]
                                                          + noise * RNG.standard_normal(), 0, 1))
                row[f"ep{e}_duration"] = 30 if e == 1 else 180
            if i < cut[g] * n_per_group:
                row["ep6_duration"] = 95
            rows.append(row)
    table = pd.DataFrame(rows)
    table.insert(0, "infant_id", np.arange(len(table)))
    return table


def test_episode_orders_pass_when_every_order_holds():
    table = infant_table()
    wanted = normative.CRYING_RISE + normative.CRYING_PEAK
    out = episode_orders(table, "ep{e}_crying", wanted, (ALL, "B", "C"))
    assert out.passed, out.simulated
    assert set(out.values) == {ALL, "B", "C"}
    first = out.values["B"]["orders"][0]
    assert first["order"] == "ep4 > ep1" and first["z"] > 2
    b = table[table.group == "B"]
    d, z = paired_z(b["ep6_crying"], b["ep7_crying"])
    got = next(o for o in out.values["B"]["orders"] if o["order"] == "ep6 > ep7")
    assert got["diff"] == pytest.approx(d) and got["z"] == pytest.approx(z)


def test_episode_orders_fail_and_say_which_order_broke():
    crying = {**CRYING, "C": [0.1, 0.3, 0.4, 0.85, 0.6, 0.9, 0.97, 0.6]}  # C peaks in 7
    out = episode_orders(infant_table(crying=crying), "ep{e}_crying",
                         normative.CRYING_PEAK, (ALL, "B", "C"))
    assert not out.passed
    assert "C ep6 > ep7" in out.simulated


def test_episode_orders_need_a_real_difference_not_only_the_right_sign():
    crying = {g: [0.5] * 8 for g in "ABC"}
    crying["B"] = [0.5, 0.5, 0.5, 0.5, 0.5, 0.502, 0.5, 0.5]  # a hair above: noise swamps it
    out = episode_orders(infant_table(crying=crying, noise=0.2), "ep{e}_crying",
                         [Order(6, 5)], ("B",))
    assert not out.passed


def test_episode_orders_fail_on_a_missing_group_or_measure():
    table = infant_table(groups=("A", "B"))
    out = episode_orders(table, "ep{e}_crying", [Order(6, 5)], ("B", "C"))
    assert not out.passed and "C: 0 infant(s)" in out.simulated
    out = episode_orders(table, "ep{e}_search", [Order(6, 5)])
    assert not out.passed and "not measured" in out.simulated


def test_group_orders_compare_groups_episode_by_episode():
    table = infant_table()
    out = group_orders(table, "ep{e}_exploration", (4, 6, 7), [("A", "B")])
    assert out.passed
    a, b = table[table.group == "A"], table[table.group == "B"]
    assert out.values["ep6"]["pairs"][0]["z"] == pytest.approx(
        diff_z(a["ep6_exploration"], b["ep6_exploration"])[1])
    assert not group_orders(table, "ep{e}_exploration", (4,), [("B", "A")]).passed
    assert not group_orders(table, "ep{e}_search", (4,), [("A", "B")]).passed  # not measured


def test_above_floor():
    table = pd.DataFrame({"ep4_search": [3.0, 4.0, 3.5], "ep6_search": [1.0, 1.0, 1.0]})
    assert above_floor(table, "ep{e}_search", (4,), 1.0).passed
    out = above_floor(table, "ep{e}_search", (4, 6), 1.0)
    assert not out.passed and out.values["ep6"]["mean"] == 1.0


def long_scales(table: pd.DataFrame, scale: str, by_episode: dict[int, dict[str, float]],
                toward: str = "caregiver") -> pd.DataFrame:
    """A long scales table: ``scale`` toward ``toward`` with each group's score per episode."""
    rows = []
    for _, r in table.iterrows():
        for e, by_group in by_episode.items():
            score = int(np.clip(round(by_group[r["group"]] + RNG.integers(-1, 2)), 1, 7))
            rows.append({"infant_id": r["infant_id"], "episode": e, "toward": toward,
                         "scale": scale, "score": score})
    long = pd.DataFrame(rows)
    long["toward"] = pd.Categorical(long["toward"], categories=["caregiver", "stranger"])
    return long.sample(frac=1.0, random_state=3).reset_index(drop=True)  # any row order


def test_scales_wide_aligns_infants_and_leaves_unscored_episodes_out():
    table = infant_table(n_per_group=5)
    long = long_scales(table, "search", {4: {"A": 2, "B": 4, "C": 5},
                                         6: {"A": 3, "B": 6, "C": 6}})
    long = long[~((long.infant_id == 3) & (long.episode == 6))]  # one score missing
    wide = scales_wide(table, long, "search")
    assert list(wide["infant_id"]) == list(table["infant_id"])
    assert {"ep4_search", "ep6_search"} <= set(wide.columns)
    assert "ep2_search" not in wide
    assert np.isnan(wide.loc[3, "ep6_search"])
    row = long[(long.infant_id == 7) & (long.episode == 4)]
    assert wide.loc[7, "ep4_search"] == row["score"].iloc[0]
    stranger = long.assign(score=7, toward=pd.Categorical(["stranger"] * len(long),
                                                          categories=["caregiver", "stranger"]))
    both = scales_wide(table, pd.concat([long, stranger], ignore_index=True), "search")
    pd.testing.assert_frame_equal(both, wide)  # scores toward the stranger are left out


def test_curtailment_by_group_counts_separations_cut_short():
    table = infant_table(n_per_group=50)
    out = curtailment_by_group(table, [("C", "B"), ("B", "A")])
    assert out.passed, out.simulated
    assert out.values["any"] == pytest.approx({"A": 0.0, "B": 0.3, "C": 0.8})
    assert out.values["by_episode"]["C"]["ep6"] == pytest.approx(0.8)
    reversed_ = table.assign(group=table["group"].map({"A": "C", "C": "A", "B": "B"}))
    out = curtailment_by_group(reversed_, [("C", "B"), ("B", "A")])
    assert not out.passed and "C > B" in out.simulated and "B > A" in out.simulated


# ---------------------------------------------------------------------------------------------
# the checks themselves, through a provider that hands out hand-made tables
# ---------------------------------------------------------------------------------------------
class FakeProvider:
    """Duck-typed :class:`CohortProvider`: every population is the same hand-made table."""

    def __init__(self, table, scales=None, designs=None):
        self.table, self.long, self.designs = table, scales, designs or {}

    def population(self, name, temperament=None, n=None):
        return self.table

    def scales(self, name, n=None):
        return self.long

    def design(self, cells, label, per_cell=None, temperament=None):
        return self.designs[tuple(cells)]


def normative_world(seeking=None, maintaining=None, search_rates=True, **kwargs):
    table = infant_table(**kwargs)
    seeking = seeking or {e: {"A": 2, "B": s, "C": s + 0.5}
                          for e, s in ((1, 2), (2, 2), (3, 3), (5, 5), (8, 6))}
    maintaining = maintaining or {e: {"A": 1, "B": s, "C": s}
                                  for e, s in ((1, 2), (2, 1.5), (3, 2), (5, 5), (8, 5))}
    search = {e: {"A": 3, "B": 4, "C": 4} for e in (4, 6, 7)}
    long = pd.concat([long_scales(table, "proximity_seeking", seeking),
                      long_scales(table, "contact_maintaining", maintaining),
                      long_scales(table, "search", search)], ignore_index=True)
    if search_rates:
        for e in range(1, 9):
            base = 0.4 if e in (4, 6, 7) else 0.02
            table[f"ep{e}_search"] = np.clip(base + 0.05 * RNG.standard_normal(len(table)), 0, 1)
    return FakeProvider(table, long)


def by_name(check_list):
    return {c.name: c for c in check_list}


def test_every_normative_check_passes_in_a_world_that_satisfies_it():
    provider = normative_world()
    for check in normative.normative_checks():
        out = check.run(provider)
        assert out.passed, f"{check.name}: {out.simulated}"


@pytest.mark.parametrize("name, world", [
    ("exploration declines into the separations",
     {"exploration": {**EXPLORATION, "B": [0.9, 0.9, 0.8, 0.4, 0.6, 0.85, 0.3, 0.5]}}),
    ("exploration lower in the reunions than in episode 2",
     {"exploration": {**EXPLORATION, "B": [0.9, 0.9, 0.8, 0.4, 0.95, 0.2, 0.3, 0.5]}}),
    ("avoidant infants explore through the separations",
     {"exploration": {**EXPLORATION, "A": [0.9, 0.95, 0.9, 0.3, 0.85, 0.1, 0.2, 0.85]}}),
    ("crying rises in episode 4 and peaks in episode 6",
     {"crying": {**CRYING, "B": [0.0, 0.05, 0.1, 0.6, 0.2, 0.85, 0.95, 0.15]}}),
    ("avoidant infants cry less in the separations",
     {"crying": {**CRYING, "A": [0.0, 0.02, 0.05, 0.7, 0.05, 0.9, 0.8, 0.05]}}),
    ("search higher with the caregiver away than present", {"search_rates": False}),
    ("proximity seeking rises in the reunions",
     {"seeking": {e: {"A": 2, "B": s, "C": s} for e, s in ((2, 4), (5, 5), (8, 4))}}),
    ("contact maintaining rises in the reunions",
     {"maintaining": {e: {"A": 1, "B": s, "C": s} for e, s in ((2, 5), (5, 5), (8, 6))}}),
])
def test_each_normative_check_fails_where_its_direction_is_broken(name, world):
    check = by_name(normative.normative_checks())[name]
    out = check.run(normative_world(**world))
    assert not out.passed, out.simulated


def test_search_away_above_present_says_when_it_cannot_measure():
    check = by_name(normative.normative_checks())[
        "search higher with the caregiver away than present"]
    out = check.run(normative_world(search_rates=False))
    assert not out.passed and out.simulated.startswith("not measured")


def subgroup_table(counts: dict[str, int]) -> pd.DataFrame:
    labels = [s for s, k in counts.items() for _ in range(k)]
    return pd.DataFrame({"subgroup": labels, "group": [s[0] for s in labels]})


B3_WORLD = {"A1": 60, "A2": 80, "B1": 50, "B2": 60, "B3": 300, "B4": 90, "C1": 40, "C2": 50}


def test_subgroup_checks_pass_on_ainsworths_directions():
    provider = FakeProvider(subgroup_table(B3_WORLD))
    for check in subgroups.subgroup_checks():
        out = check.run(provider)
        assert out.passed, f"{check.name}: {out.simulated}"
    out = subgroups.most_common(subgroup_table(B3_WORLD), "B3")
    assert out.values["counts"]["B3"] == 300


@pytest.mark.parametrize("name, change", [
    ("subgroups: B3 the most common", {"B4": 310}),
    ("subgroups: B3 the most common", {"B2": 290}),  # above, but not by 2 SE
    ("subgroups: B4 a minority of B", {"B4": 420}),
    ("subgroups: C1 and C2 both present", {"C1": 0}),
])
def test_subgroup_checks_fail_where_the_direction_breaks(name, change):
    check = by_name(subgroups.subgroup_checks())[name]
    out = check.run(FakeProvider(subgroup_table({**B3_WORLD, **change})))
    assert not out.passed, out.simulated


def test_b4_minority_is_its_share_of_b():
    out = subgroups.minority_of(subgroup_table(B3_WORLD), "B4", "B")
    assert out.values["share"] == pytest.approx(90 / 500)
    assert out.values["n_group"] == 500


def d_table(ratings_frightened, n_calm=300) -> pd.DataFrame:
    r = np.asarray(ratings_frightened)
    return pd.DataFrame({
        "frightening": np.r_[np.full(r.size, 0.5), np.zeros(n_calm)],
        "d_rating": np.r_[r, np.ones(n_calm, dtype=int)],
        "group": np.where(np.r_[r, np.ones(n_calm, dtype=int)] >= 5, "D", "B"),
    })


def test_graded_d_passes_and_a_switch_fails():
    graded = np.repeat(np.arange(1, 10), 40)  # spread over the scale: P(D) 5/9
    out = mechanisms.d_probabilistic(d_table(graded))
    assert out.passed, out.simulated
    assert out.values["p_d_frightening"] == pytest.approx(5 / 9)
    assert out.values["middle"] == 200 and out.values["ratings"][9] == 40
    switch = np.r_[np.full(330, 9), np.full(30, 1)]  # bimodal, P(D) 0.92
    out = mechanisms.d_probabilistic(d_table(switch))
    assert not out.passed
    certain_but_graded = np.r_[np.repeat(np.arange(5, 10), 70), np.full(5, 1)]
    out = mechanisms.d_probabilistic(d_table(certain_but_graded))
    assert not out.passed and out.values["upper"] > mechanisms.D_CERTAINTY_MAX


def gain_world(low_above_high: bool) -> FakeProvider:
    designs = {}
    for r in mechanisms.AMBIVALENT_RESPONSIVENESS:
        trend = mechanisms.ambivalent_trend(r)
        n_cells = len(trend.levels)
        cell = np.tile(np.arange(n_cells), 80)
        consistency = np.asarray(trend.levels)[cell]
        slope = -0.2 if low_above_high else 0.2
        gain = 0.5 + slope * consistency + 0.02 * RNG.standard_normal(cell.size)
        designs[tuple(trend.cells())] = pd.DataFrame({"cell": cell,
                                                      "internal_signal_gain": gain})
    return FakeProvider(None, designs=designs)


def test_signal_gain_check_compares_least_and_most_consistent_care():
    check = by_name(mechanisms.mechanism_checks())["inconsistent care raises the signal gain"]
    out = check.run(gain_world(low_above_high=True))
    assert out.passed, out.simulated
    assert set(out.values) == {"0.4", "0.55", "0.7"}
    assert out.values["0.4"]["inconsistent"] > out.values["0.4"]["consistent"]
    assert not check.run(gain_world(low_above_high=False)).passed


def test_trend_outcome_rise_and_reversals():
    from simulation.validation.trends import Trend, trend_outcome

    trend = Trend("C", "consistency", (0.1, 0.5, 1.0), {}, -1)
    n = np.array([400, 400, 400])
    assert trend_outcome(trend, np.array([0.5, 0.2, 0.05]), n).passed
    assert not trend_outcome(trend, np.array([0.06, 0.05, 0.05]), n).passed  # too small
    assert not trend_outcome(trend, np.array([0.5, 0.02, 0.3]), n).passed  # a reversal


# ---------------------------------------------------------------------------------------------
# the kinds
# ---------------------------------------------------------------------------------------------
def test_every_check_has_a_kind_reference_expectation_and_basis():
    names = [c.name for c in checks_module.CHECKS]
    assert len(names) == len(set(names))
    assert {c.kind for c in checks_module.CHECKS} == set(KINDS)
    kinds = [list(KINDS).index(c.kind) for c in checks_module.CHECKS]
    assert kinds == sorted(kinds)  # reported kind by kind
    for c in checks_module.CHECKS:
        assert c.reference and c.expected and c.basis, c.name
        assert c.topic in TOPICS, c.name
        assert (c.in_sample is not None) == (c.kind == "predicted"), c.name
    predicted = [c for c in checks_module.CHECKS if c.kind == "predicted"]
    assert len(predicted) >= 30
    assert any(not c.in_sample for c in predicted) and any(c.in_sample for c in predicted)


def test_every_check_names_a_figure_that_is_drawn():
    from simulation.validation.figures import REPORT_FIGURES

    for c in checks_module.CHECKS:
        assert c.figure in ("", *REPORT_FIGURES), f"{c.name}: no figure {c.figure!r}"


def test_checks_true_by_construction_are_implementation_checks():
    implementation = {c.name for c in checks_module.CHECKS if c.kind == "implementation"}
    assert implementation == {
        # restate the coder's group definitions
        "reunion avoidance highest in A", "reunion resistance highest in C",
        "reunion proximity seeking: high in B and C, low in A",
        "reunion contact maintaining: high in B and C, low in A",
        # follow from a rule or the script by design (the audit of issue 20)
        "inconsistent care raises the signal gain", "subgroups: C1 and C2 both present",
        "curtailment falls on hard criers: C above B above A",
        "contact maintaining rises in the reunions", "search in the separations",
        "search higher with the caregiver away than present",
        # imposed on the populations by the calibration
        "care by group: C caregivers inconsistent, A caregivers cold"}
    by = by_name(checks_module.CHECKS)
    for name in implementation - {n for n in implementation if n.startswith("reunion ")}:
        assert "by construction" in by[name].basis and "rules/" in by[name].basis, name
    assert "calibrate.py" in by["care by group: C caregivers inconsistent, A caregivers "
                                "cold"].basis
    calibrated = {c.name for c in checks_module.CHECKS if c.kind == "calibrated"}
    assert all(n.startswith("distribution ") for n in calibrated)


def test_new_predicted_checks_cite_their_sources():
    by = by_name(checks_module.CHECKS)
    for name in ("exploration declines into the separations",
                 "crying rises in episode 4 and peaks in episode 6",
                 "proximity seeking rises in the reunions"):
        assert by[name].kind == "predicted" and by[name].in_sample
        assert "Ainsworth et al. 1978, ch. 5" in by[name].reference
    for r in ("0.4", "0.55", "0.7"):
        assert f"ambivalent rises as consistency falls (responsiveness {r})" in by
    assert "Madigan et al. 2006" in by[
        "disorganization probable, not certain, under frightening care"].reference


def test_a_source_is_cited_once():
    by = by_name(checks_module.CHECKS)
    assert by["within-country exceeds between-country variation"].reference == \
        "van IJzendoorn & Kroonenberg 1988"
    for c in checks_module.CHECKS:
        assert "1988) 1988" not in c.reference
