"""Counter-based keyed draws: pure functions of (seed, infant, purpose, step)."""

import numpy as np
import pytest

from simulation import rng


def test_same_key_same_numbers_whatever_the_cohort():
    big = rng.infant_keys(42, np.arange(1000))
    alone = rng.infant_keys(42, np.array([737]))
    assert rng.uniform(big, 3, 99)[737] == rng.uniform(alone, 3, 99)[0]
    assert all(a[737] == b[0] for a, b in zip(rng.uniform_quad(big, 16, 5),
                                              rng.uniform_quad(alone, 16, 5), strict=True))


def test_seed_purpose_and_step_each_change_the_stream():
    keys = rng.infant_keys(1, np.arange(500))
    base = rng.uniform(keys, 3, 0)
    assert not np.array_equal(base, rng.uniform(rng.infant_keys(2, np.arange(500)), 3, 0))
    assert not np.array_equal(base, rng.uniform(keys, 4, 0))
    assert not np.array_equal(base, rng.uniform(keys, 3, 1))


def test_uniforms_are_uniform_and_independent():
    keys = rng.infant_keys(7, np.arange(200_000))
    draws = (rng.uniform(keys, 1, 0), *rng.uniform_quad(keys, 2, 0),
             *rng.uniform_pair(keys, 3, 0))
    for u in draws:
        assert 0.0 <= u.min() and u.max() < 1.0
        assert abs(u.mean() - 0.5) < 0.005
        assert abs(u.var() - 1 / 12) < 0.002
    a, b, c, d = rng.uniform_quad(keys, 2, 0)
    assert abs(np.corrcoef(a, b)[0, 1]) < 0.01
    assert abs(np.corrcoef(a, rng.uniform(keys, 2, 1))[0, 1]) < 0.01


def test_bad_seed_refused():
    with pytest.raises(ValueError, match="seed"):
        rng.infant_keys(-1, np.arange(3))
