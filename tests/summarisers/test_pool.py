import pytest
from support import EXTRACTIVE_CLUSTER, document

from mdsum.errors import InputError
from mdsum.model import Cluster
from mdsum.summarisers.pool import SentencePool


def test_pool_keeps_real_sentences_and_ranks_them_within_their_document():
    pool = SentencePool.from_cluster(EXTRACTIVE_CLUSTER, min_words=6)
    assert "Bridge Reopens" not in pool.texts
    assert pool.positions.tolist() == [0, 0, 1, 0, 1]
    assert pool.documents.tolist() == [0, 1, 1, 2, 2]


def test_pool_falls_back_to_every_line_when_nothing_is_a_sentence():
    pool = SentencePool.from_cluster(Cluster("h", [document("d", "Headline only", "Another headline")]), 6)
    assert pool.texts == ["Headline only", "Another headline"]
    assert "chose among all 2 lines" in pool.notes[0]


def test_near_duplicates_catch_paraphrase_and_shared_quote_but_not_other_news():
    pool = SentencePool.from_cluster(EXTRACTIVE_CLUSTER, 6)
    duplicates = pool.near_duplicates(0.5)
    assert duplicates[1, 3] and duplicates[2, 4]  # same fact; same quote
    assert not duplicates[0, 1] and not duplicates[1, 2]


def test_blank_sentences_only_is_an_input_error():
    with pytest.raises(InputError, match="cluster 'blank' has no text"):
        SentencePool.from_cluster(Cluster("blank", [document("d", "  ", "\n")]), 6)
