"""The life-course checks of ``ssp validate`` pass in a world that satisfies them and fail where
it does not (made tables, no simulation)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from simulation.validation import checks as checks_module
from simulation.validation.base import TOPICS
from simulation.validation.life_course import TOPIC, life_course_checks

N = 4000


class MadeProvider:
    """A stand-in for the cohort provider: ``lives`` returns made tables."""

    def __init__(self, at_30: pd.DataFrame, at_20: pd.DataFrame | None = None):
        self.at_30, self.at_20 = at_30, at_20 if at_20 is not None else at_30

    def lives(self, to_age: int = 30, child: bool = False) -> pd.DataFrame:
        return self.at_30 if to_age == 30 else self.at_20


def made_world(seed: int = 0, *, transmitted_by_sensitivity: bool = False,
               protest_follows_anxiety: bool = True) -> pd.DataFrame:
    """Persons whose security decays from infancy with noise, with anxious adults protesting,
    and children whose security follows the parent's partly through sensitivity."""
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=N)
    secure = {age: (1.5 * latent * np.exp(-age / 15) + rng.normal(size=N) > -0.3).astype(int)
              for age in (1, 3, 18, 25)}
    anxiety = np.clip(3.5 - 0.6 * latent + rng.normal(size=N), 1, 7)
    avoidance = np.clip(3.0 + rng.normal(size=N), 1, 7)
    sens = rng.normal(size=N) + (1.5 if transmitted_by_sensitivity else 0.3) * secure[25]
    child_b = (0.3 * secure[25] + (0.3 if transmitted_by_sensitivity else 0.1) * sens
               + rng.normal(scale=0.5, size=N) > 0.2)
    return pd.DataFrame({
        **{f"secure_at_{a}": s for a, s in secure.items()},
        "adult_anxiety": anxiety, "adult_avoidance": avoidance,
        "adult_obs_protest": np.clip(np.rint(anxiety if protest_follows_anxiety
                                             else 8 - anxiety), 1, 7),
        "adult_obs_support_seeking": np.clip(np.rint(8 - avoidance), 1, 7),
        "child_group": np.where(child_b, "B", "A"), "child_care_sensitivity": sens,
    })


def by_name(name: str):
    return {c.name: c for c in life_course_checks()}[name]


def test_life_course_checks_are_predicted_and_in_ssp_validate():
    life = [c for c in checks_module.CHECKS if c.topic == TOPIC]
    assert len(life) >= 8
    assert all(c.kind == "predicted" and c.reference and c.expected for c in life)
    assert all(isinstance(c.in_sample, bool) and c.basis for c in life)
    assert TOPIC in TOPICS and {c.topic for c in checks_module.CHECKS} <= set(TOPICS)
    # Opie et al. 2021 is checked once, here (the published-size checks reuse it)
    assert [c.reference for c in checks_module.CHECKS].count("Opie et al. 2021") == 1


def test_continuity_falling_with_the_interval():
    check = by_name("continuity falls with the interval toward a plateau")
    assert check.run(MadeProvider(made_world())).passed
    flat = made_world()
    flat["secure_at_25"] = flat["secure_at_3"]  # no decline at all
    assert not check.run(MadeProvider(flat)).passed


def test_transmission_gap():
    check = by_name("intergenerational transmission with a gap")
    outcome = check.run(MadeProvider(made_world()))
    assert outcome.passed and outcome.values["carried_by_sensitivity"] < 0.5
    closed = check.run(MadeProvider(made_world(transmitted_by_sensitivity=True)))
    assert not closed.passed and closed.values["carried_by_sensitivity"] >= 0.5


def test_adult_separation_behaviour():
    check = by_name("anxious adults protest, avoidant adults seek less support")
    assert check.run(MadeProvider(made_world())).passed
    assert not check.run(MadeProvider(made_world(protest_follows_anxiety=False))).passed


def test_anxiety_falling_with_age_compares_the_same_persons():
    check = by_name("attachment anxiety falls with age")
    at_30 = made_world()
    at_20 = at_30.assign(adult_anxiety=at_30["adult_anxiety"] + 0.3)
    assert check.run(MadeProvider(at_30, at_20)).passed
    assert not check.run(MadeProvider(at_20, at_30)).passed
