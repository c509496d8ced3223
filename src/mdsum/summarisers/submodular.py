"""Coverage + diversity, maximised by the budgeted greedy of Lin & Bilmes (2011)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from mdsum.summarisers.extractive import ExtractiveSummariser, Objective
from mdsum.summarisers.pool import SentencePool


@dataclass(frozen=True)
class SubmodularSummariser(ExtractiveSummariser):
    """F(S) = L(S) + ``diversity_weight`` * R(S), both monotone submodular, so greedy is near-optimal.

    L(S) = sum_i min(C_i(S), ``coverage_saturation`` * C_i(V)) with C_i(S) the TF-IDF similarity of
    sentence i to the summary: every sentence wants to be covered, but only up to a point,
    so a second sentence on a covered topic gains little. R(S) = sum_k sqrt(reward of the
    picks in topic k): square roots make a first pick from a new topic worth more.
    Each step takes the best gain / words ** ``cost_scaling``, and the result is compared
    with the best single sentence, as in the paper's Algorithm 1.
    """

    algorithm = "submodular"
    coverage_saturation: float = 0.25
    diversity_weight: float = 6.0
    topic_fraction: float = 0.2
    cost_scaling: float = 0.3

    def _objective(self, pool: SentencePool) -> Objective:
        weights = np.clip(pool.similarity, 0.0, None)
        cap = self.coverage_saturation * weights.sum(axis=1)
        reward = weights.mean(axis=0)
        topics = self._topics(pool)
        costs = pool.word_counts**self.cost_scaling

        def value(chosen: Sequence[int]) -> float:
            chosen = list(chosen)
            coverage = np.minimum(weights[:, chosen].sum(axis=1), cap).sum()
            topic_reward = np.bincount(topics[chosen], weights=reward[chosen], minlength=topics.max() + 1)
            return float(coverage + self.diversity_weight * np.sqrt(topic_reward).sum())

        def gains(chosen: Sequence[int]) -> np.ndarray:
            chosen = list(chosen)
            covered = weights[:, chosen].sum(axis=1)
            covered_after = np.minimum(covered[:, None] + weights, cap[:, None]).sum(axis=0)
            coverage_gain = covered_after - np.minimum(covered, cap).sum()
            topic_reward = np.bincount(topics[chosen], weights=reward[chosen], minlength=topics.max() + 1)[topics]
            diversity_gain = np.sqrt(topic_reward + reward) - np.sqrt(topic_reward)
            return (coverage_gain + self.diversity_weight * diversity_gain) / costs

        return Objective(gains, value=value)

    def _topics(self, pool: SentencePool) -> np.ndarray:
        """``topic_fraction`` * N topics by average-linkage clustering on cosine distance.

        The paper uses k-means; a hierarchical partition is as good a partition here, needs
        no random seed and costs a fraction of k-means on a few dozen sentences.
        """
        count = min(len(pool), max(1, math.ceil(self.topic_fraction * len(pool))))
        if count == 1:
            return np.zeros(len(pool), dtype=int)
        distance = np.clip(1.0 - pool.similarity, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        return fcluster(tree, t=count, criterion="maxclust") - 1
