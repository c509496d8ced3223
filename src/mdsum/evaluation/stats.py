"""System-level statistics: seeded bootstrap intervals and paired permutation tests (scipy).

Clusters are the unit of resampling, as in SacreROUGE and HELM: a system's score is the
mean over clusters, and two systems are compared on the same clusters (paired).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

MIN_PAIRED = 2  # a permutation test needs two clusters to permute


class Interval(NamedTuple):
    mean: float
    low: float
    high: float


def bootstrap_interval(values: Sequence[float], *, seed: int, samples: int = 1000, level: float = 0.95) -> Interval:
    """Mean and percentile bootstrap interval over clusters; degenerate (low = high = mean) for
    one cluster, where there is nothing to resample."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        raise ValueError("no values to bootstrap")
    mean = float(data.mean())
    if data.size < 2:
        return Interval(mean, mean, mean)
    from scipy import stats  # here: importing it takes most of a second, and one cluster needs none of it

    result = stats.bootstrap(
        (data,), np.mean, n_resamples=samples, confidence_level=level, method="percentile", rng=seed
    )
    return Interval(mean, float(result.confidence_interval.low), float(result.confidence_interval.high))


def paired_permutation_test(a: Sequence[float], b: Sequence[float], *, seed: int, resamples: int = 10000) -> float:
    """Two-sided p-value that systems a and b score the same, swapping their scores within each cluster
    (exact when 2**clusters <= resamples)."""
    first, second = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if first.shape != second.shape or first.size < MIN_PAIRED:
        raise ValueError(f"paired scores need the same number of clusters, at least {MIN_PAIRED}")
    from scipy import stats

    result = stats.permutation_test(
        (first, second),
        lambda x, y, axis: np.mean(x - y, axis=axis),
        permutation_type="samples",
        alternative="two-sided",
        n_resamples=resamples,
        rng=seed,
    )
    return float(min(1.0, result.pvalue))
