"""Coverage + diversity, maximised by the budgeted greedy of Lin & Bilmes (2011)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import triu

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
        weights = pool.similarity.maximum(0.0).tocsc()  # cosines of TF-IDF are never negative; this says so
        edges = weights.tocoo()
        cap = self.coverage_saturation * np.asarray(weights.sum(axis=1)).ravel()
        reward = np.asarray(weights.mean(axis=0)).ravel()
        topics = self._topics(pool)
        costs = pool.word_counts**self.cost_scaling

        def coverage_of(chosen: list[int]) -> np.ndarray:
            return np.asarray(weights[:, chosen].sum(axis=1)).ravel()

        def value(chosen: Sequence[int]) -> float:
            chosen = list(chosen)
            coverage = np.minimum(coverage_of(chosen), cap).sum()
            topic_reward = np.bincount(topics[chosen], weights=reward[chosen], minlength=topics.max() + 1)
            return float(coverage + self.diversity_weight * np.sqrt(topic_reward).sum())

        def gains(chosen: Sequence[int]) -> np.ndarray:
            chosen = list(chosen)
            covered = coverage_of(chosen)
            # Adding j changes only the sentences it is similar to: the nonzeros of its column.
            raised = np.minimum(covered[edges.row] + edges.data, cap[edges.row]) - np.minimum(covered, cap)[edges.row]
            coverage_gain = np.bincount(edges.col, weights=raised, minlength=len(pool))
            topic_reward = np.bincount(topics[chosen], weights=reward[chosen], minlength=topics.max() + 1)[topics]
            diversity_gain = np.sqrt(topic_reward + reward) - np.sqrt(topic_reward)
            return (coverage_gain + self.diversity_weight * diversity_gain) / costs

        return Objective(gains, value=value)

    def _topics(self, pool: SentencePool) -> np.ndarray:
        """``topic_fraction`` * N topics by average-linkage clustering on cosine distance.

        The paper uses k-means; a hierarchical partition is as good a partition here, needs
        no random seed and costs a fraction of k-means on a few dozen sentences. Linkage
        needs every pair's distance (1 for pairs sharing no word), which the sentence limit bounds.
        """
        # Imported here: it imports scipy.spatial, which building the summariser (a cached harness run) need not.
        from scipy.cluster.hierarchy import fcluster, linkage

        count = min(len(pool), max(1, math.ceil(self.topic_fraction * len(pool))))
        if count == 1:
            return np.zeros(len(pool), dtype=int)
        size = len(pool)
        upper = triu(pool.similarity, k=1).tocoo()
        distance = np.ones(size * (size - 1) // 2)  # condensed, as `linkage` takes it
        distance[size * upper.row - upper.row * (upper.row + 1) // 2 + upper.col - upper.row - 1] = np.clip(
            1.0 - upper.data, 0.0, None
        )
        tree = linkage(distance, method="average")
        return fcluster(tree, t=count, criterion="maxclust") - 1
