from dataclasses import dataclass

import numpy as np
import pytest
from support import EXTRACTIVE_CLUSTER

from mdsum.summarisers.extractive import ExtractiveSummariser, Objective, budgeted_greedy, pagerank
from mdsum.summarisers.pool import SentencePool


def test_budgeted_greedy_skips_what_does_not_fit_instead_of_cutting_it():
    pool = SentencePool.from_cluster(EXTRACTIVE_CLUSTER, 6)
    # the best-scored sentence 1 is longer than what is left after 2
    words = int(pool.word_counts[2] + pool.word_counts[0])
    scores = np.array([1.0, 3.0, 5.0, 0.0, 0.0])
    chosen = budgeted_greedy(pool, words, Objective.ranking(scores).gains, pool.near_duplicates(0.5))
    assert chosen == [2, 0]
    assert pool.word_counts[chosen].sum() <= words


def test_budgeted_greedy_never_takes_a_near_duplicate_of_a_pick():
    pool = SentencePool.from_cluster(EXTRACTIVE_CLUSTER, 6)
    scores = np.array([0.0, 5.0, 1.0, 4.0, 0.5])
    chosen = budgeted_greedy(pool, 1000, Objective.ranking(scores).gains, pool.near_duplicates(0.5))
    assert chosen == [1, 2, 0]


def test_pagerank_is_a_distribution_that_favours_the_hub():
    star = np.zeros((4, 4))
    star[0, 1:] = star[1:, 0] = 1.0
    scores = pagerank(star, damping=0.85)
    assert scores.sum() == pytest.approx(1.0)
    assert scores.argmax() == 0 and scores[1] == pytest.approx(scores[3])


def test_pagerank_of_a_graph_without_edges_is_uniform():
    assert pagerank(np.zeros((3, 3)), 0.85) == pytest.approx([1 / 3] * 3)


@dataclass(frozen=True)
class ShortestFirstUnlessOneSentenceIsWorthMore(ExtractiveSummariser):
    """Greedy prefers short sentences, but F values the single long one above any set."""

    algorithm = "test-set-function"

    def _objective(self, pool):
        longest = int(pool.word_counts.argmax())
        return Objective(
            lambda chosen: -pool.word_counts,
            value=lambda chosen: 100.0 if list(chosen) == [longest] else float(len(chosen)),
        )


def test_a_set_function_objective_is_compared_with_its_best_single_sentence():
    summary = ShortestFirstUnlessOneSentenceIsWorthMore().summarise(EXTRACTIVE_CLUSTER, 1000)
    longest = max(SentencePool.from_cluster(EXTRACTIVE_CLUSTER, 6).texts, key=lambda text: len(text.split()))
    assert [s.text for s in summary.sentences] == [longest]


def test_nothing_fitting_the_budget_is_noted_not_cut():
    summary = ShortestFirstUnlessOneSentenceIsWorthMore().summarise(EXTRACTIVE_CLUSTER, 3)
    assert summary.sentences == () and "no sentence fits in 3 words" in summary.notes[0]
