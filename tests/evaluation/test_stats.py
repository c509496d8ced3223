from __future__ import annotations

import numpy as np
import pytest

from mdsum.evaluation.stats import bootstrap_interval, paired_permutation_test


def test_bootstrap_of_a_constant_is_degenerate():
    assert tuple(bootstrap_interval([0.4] * 12, seed=1)) == pytest.approx((0.4, 0.4, 0.4), abs=1e-12)


def test_bootstrap_of_one_cluster_is_degenerate():
    assert tuple(bootstrap_interval([0.7], seed=1)) == (0.7, 0.7, 0.7)


def test_bootstrap_interval_contains_the_mean_and_is_seeded():
    values = np.random.default_rng(0).normal(0.5, 0.1, 40)
    first = bootstrap_interval(values, seed=3, samples=2000)
    assert first.low < first.mean < first.high
    assert first == bootstrap_interval(values, seed=3, samples=2000)
    assert first.high - first.low == pytest.approx(2 * 1.96 * 0.1 / np.sqrt(40), rel=0.35)


def test_bootstrap_needs_values():
    with pytest.raises(ValueError):
        bootstrap_interval([], seed=0)


def test_identical_systems_give_p_one():
    scores = np.random.default_rng(1).random(15)
    assert paired_permutation_test(scores, scores, seed=0) == 1.0


def test_clearly_better_system_gives_small_p():
    base = np.random.default_rng(2).random(20)
    assert paired_permutation_test(base + 0.2, base, seed=0) < 0.001


def test_noise_sized_difference_is_not_significant():
    rng = np.random.default_rng(4)
    base = rng.random(20)
    assert paired_permutation_test(base + rng.normal(0, 0.01, 20), base, seed=0) > 0.05


def test_small_samples_use_the_exact_distribution():
    # 4 clusters, all A > B: the most extreme of 2**4 sign patterns, two-sided p = 2/16.
    assert paired_permutation_test([1, 2, 3, 4], [0, 1, 2, 3], seed=0) == pytest.approx(2 / 16)


def test_pairs_must_match_and_be_enough():
    with pytest.raises(ValueError):
        paired_permutation_test([0.1, 0.2], [0.1], seed=0)
    with pytest.raises(ValueError):
        paired_permutation_test([0.1], [0.2], seed=0)
