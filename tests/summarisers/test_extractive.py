import time
import tracemalloc
from dataclasses import dataclass

import numpy as np
import pytest
from support import EXTRACTIVE_CLUSTER

from mdsum import limits
from mdsum.errors import InputError
from mdsum.limits import Deadline, Limits, applied
from mdsum.model import Cluster, Document
from mdsum.summarisers.extractive import ExtractiveSummariser, Objective, budgeted_greedy, pagerank
from mdsum.summarisers.lexrank import LexRankSummariser
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.submodular import SubmodularSummariser
from mdsum.summarisers.textrank import TextRankSummariser


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


# ------------------------------------------------------------ limits: bounded work per cluster

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po")


def _word(number: int) -> str:
    """A distinct made-up word per number, so sentences share words only as often as chosen."""
    return "".join(SYLLABLES[int(digit)] for digit in f"{number:04d}")


def short_sentences(count: int) -> list[str]:
    """Short real sentences (seven words), each sharing a few words with its neighbours only."""
    return [" ".join(_word((7 * k + j) % 5000) for j in range(7)).capitalize() + "." for k in range(count)]


def test_a_huge_article_of_short_sentences_is_refused_at_once():
    from mdsum.readers import document_from_text

    text = " ".join(short_sentences(20_000))[:900_000]  # the probe's 0.9 MB article
    cluster = Cluster("huge", (document_from_text("d0", text),))
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"^cluster 'huge' has \d+ sentences, over the limit of 3000$"):
            LexRankSummariser().summarise(cluster, 100)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 10 and peak < 50e6


@pytest.mark.parametrize("summariser", [LexRankSummariser(), TextRankSummariser(), SubmodularSummariser()])
def test_a_cluster_at_the_sentence_limit_is_summarised_in_bounded_memory(summariser):
    """No sentence x sentence dense matrix: 3000 sentences densely would take 72 MB per matrix, several at once."""
    sentences = short_sentences(limits.current().sentences)
    cluster = Cluster("big", tuple(Document(f"d{n}", "", sentences[n::3]) for n in range(3)))
    tracemalloc.start()
    try:
        summary = summariser.summarise(cluster, 60)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert summary.sentences
    # submodular's topic clustering needs each pair's distance once (condensed: 36 MB), nothing more
    assert peak < (60e6 if isinstance(summariser, SubmodularSummariser) else 30e6)


def test_a_cluster_over_its_time_limit_is_refused():
    with applied(Limits(seconds=0)), pytest.raises(InputError, match="cluster 'c' took longer than 0 s"):
        LexRankSummariser().summarise(EXTRACTIVE_CLUSTER, 50)


def test_ctrl_c_stops_the_summariser(monkeypatch):
    """KeyboardInterrupt between picks goes through: nothing in the pipeline swallows it."""

    def interrupt(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Deadline, "check", interrupt)
    with pytest.raises(KeyboardInterrupt):
        SubmodularSummariser().summarise(EXTRACTIVE_CLUSTER, 50)
