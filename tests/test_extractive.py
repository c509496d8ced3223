from dataclasses import dataclass

import numpy as np
import pytest

from mdsum.errors import InputError
from mdsum.model import Cluster, Document
from mdsum.summarisers.selection import (
    ExtractiveSummariser,
    Objective,
    SentencePool,
    budgeted_greedy,
    is_sentence,
    later_reports,
    pagerank,
    provenance,
    quotations,
    quote_overlap,
    reading_order,
)


def document(doc_id, *sentences, date=None):
    return Document(doc_id, " ".join(sentences), sentences, date=date)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The council reopened the bridge on Monday.", True),
        ('"We kept our promise to every commuter," she said.', True),
        ("the mayor said it was a promise kept . ''", True),  # Multi-News tokenised ending
        ("Is the bridge safe for heavy lorries now?", True),
        ("Harbour Bridge Reopens After Eight Months", False),  # heading
        ("More news: Ten things to do in the city this weekend", False),
        ("Authorities say the painting worth millions of dollars was...", False),  # cut-off teaser
        ("Short one.", False),
    ],
)
def test_is_sentence(text, expected):
    assert is_sentence(text, min_words=6) is expected


def test_a_shared_quotation_counts_as_repetition_whatever_wraps_it():
    first = quotations('Weber called it "a promise kept to every commuter" at the ceremony.')
    second = quotations('"A promise kept to every commuter in town," the mayor told the crowd.')
    assert quote_overlap(first, second) == 1.0


def test_tokenised_quotes_are_found_too():
    assert quotations("he said `` we will finish every repair to the harbour bridge '' on monday .") == (
        frozenset({"finish", "repair", "harbour", "bridg"}),
    )


def test_short_scare_quotes_are_not_statements():
    assert quotations('He backed a so-called "contact group" for the region.') == ()
    assert quote_overlap(quotations('"Promise kept," she said.'), quotations('"Promise kept," he said.')) == 0.0


CLUSTER = Cluster(
    "c",
    [
        document("late", "A follow-up story reports that the inquiry into the bridge closed today.", date="2024-05-01"),
        document(
            "early",
            "Bridge Reopens",
            "The city council reopened the Harbour Bridge on Monday after a long repair.",
            'The mayor called it "a promise kept to every commuter" at the ceremony.',
            date="2024-03-04",
        ),
        document(
            "undated",
            "The Harbour Bridge was reopened by the city council on Monday after a long repair.",
            '"A promise kept to every commuter," the mayor said to the crowd on the bridge.',
        ),
    ],
)


def test_pool_keeps_real_sentences_and_ranks_them_within_their_document():
    pool = SentencePool.from_cluster(CLUSTER, min_words=6)
    assert "Bridge Reopens" not in pool.texts
    assert pool.positions.tolist() == [0, 0, 1, 0, 1]
    assert pool.documents.tolist() == [0, 1, 1, 2, 2]


def test_pool_falls_back_to_every_line_when_nothing_is_a_sentence():
    pool = SentencePool.from_cluster(Cluster("h", [document("d", "Headline only", "Another headline")]), 6)
    assert pool.texts == ["Headline only", "Another headline"]
    assert "chose among all 2 lines" in pool.notes[0]


def test_near_duplicates_catch_paraphrase_and_shared_quote_but_not_other_news():
    pool = SentencePool.from_cluster(CLUSTER, 6)
    duplicates = pool.near_duplicates(0.5)
    assert duplicates[1, 3] and duplicates[2, 4]  # same fact; same quote
    assert not duplicates[0, 1] and not duplicates[1, 2]


def test_budgeted_greedy_skips_what_does_not_fit_instead_of_cutting_it():
    pool = SentencePool.from_cluster(CLUSTER, 6)
    words = int(pool.word_counts[2] + pool.word_counts[0])  # the best-scored sentence 1 is longer than what is left after 2
    scores = np.array([1.0, 3.0, 5.0, 0.0, 0.0])
    chosen = budgeted_greedy(pool, words, Objective.ranking(scores).gains, pool.near_duplicates(0.5))
    assert chosen == [2, 0]
    assert pool.word_counts[chosen].sum() <= words


def test_budgeted_greedy_never_takes_a_near_duplicate_of_a_pick():
    pool = SentencePool.from_cluster(CLUSTER, 6)
    scores = np.array([0.0, 5.0, 1.0, 4.0, 0.5])
    chosen = budgeted_greedy(pool, 1000, Objective.ranking(scores).gains, pool.near_duplicates(0.5))
    assert chosen == [1, 2, 0]


def test_reading_order_is_date_then_document_then_position_with_undated_beside_the_earliest():
    pool = SentencePool.from_cluster(CLUSTER, 6)
    assert reading_order(CLUSTER, pool, [0, 4, 2, 1]) == [1, 2, 4, 0]


def test_provenance_is_the_sentence_then_its_echo_in_each_other_document():
    pool = SentencePool.from_cluster(CLUSTER, 6)
    sources = provenance(pool, 2, pool.near_duplicates(0.5))
    assert [(s.document_id, s.sentence_index) for s in sources] == [("early", 2), ("undated", 1)]
    assert sources[0].score == 1.0 and 0.5 <= sources[1].score <= 1.0


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
        return Objective(lambda chosen: -pool.word_counts,
                         value=lambda chosen: 100.0 if list(chosen) == [longest] else float(len(chosen)))


def test_a_set_function_objective_is_compared_with_its_best_single_sentence():
    summary = ShortestFirstUnlessOneSentenceIsWorthMore().summarise(CLUSTER, 1000)
    longest = max(SentencePool.from_cluster(CLUSTER, 6).texts, key=lambda text: len(text.split()))
    assert [s.text for s in summary.sentences] == [longest]


def test_nothing_fitting_the_budget_is_noted_not_cut():
    summary = ShortestFirstUnlessOneSentenceIsWorthMore().summarise(CLUSTER, 3)
    assert summary.sentences == () and "no sentence fits in 3 words" in summary.notes[0]


def test_a_document_dated_well_after_the_rest_is_noted_as_a_later_report():
    dated = Cluster("d", [
        document("a", "The talks ended on Friday without a breakthrough for anyone.", date="2017-07-14"),
        document("b", "The envoy said the talks ended with incremental progress.", date="2017-07-15"),
        document("c", "The envoy announced a new round of talks for next month.", date="2017-09-27"),
        document("d", "A new round of talks was announced by the envoy in a speech.", date="not a date"),
    ])
    notes = later_reports(dated, [0, 1, 2, 3])
    assert notes == ["later report: c is dated 2017-09-27, 74 days after most of the cluster (2017-07-15); "
                     "its sentences come last"]
    assert later_reports(dated, [0, 1]) == []


def test_blank_sentences_only_is_an_input_error():
    with pytest.raises(InputError, match="cluster 'blank' has no text"):
        SentencePool.from_cluster(Cluster("blank", [document("d", "  ", "\n")]), 6)
