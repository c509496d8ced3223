"""The salience features on a hand-made cluster: support, position and the text signals."""

from __future__ import annotations

import numpy as np

from mdsum.model import Cluster, Document
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.salience_features import FEATURES, sentence_features
from mdsum.text.clean import lower_cased

SHARED = "The council reopened the harbour bridge on Monday after an eight-month repair."


def document(doc_id: str, *sentences: str) -> Document:
    return Document(doc_id, " ".join(sentences), sentences)


CLUSTER = Cluster(
    "bridge",
    [
        document("a", SHARED, 'Mayor Anna Weber called it "a promise kept to every commuter" at the ceremony.'),
        document("b", SHARED, "He said local shops had lost a third of their trade during the closure."),
        document("c", SHARED, "Bus route 7 will resume its old path over the bridge from 12 March 2024."),
        document("d", "Cyclists will get a separate protected lane on the eastern side of the deck."),
    ],
)


def features() -> tuple[SentencePool, dict[str, np.ndarray]]:
    pool = SentencePool.from_cluster(CLUSTER, 6)
    matrix = sentence_features(pool)
    assert matrix.shape == (len(pool), len(FEATURES))
    return pool, {name: matrix[:, column] for column, name in enumerate(FEATURES)}


def test_a_sentence_three_documents_state_has_more_support_than_one_only_one_states():
    pool, columns = features()
    shared = [k for k, text in enumerate(pool.texts) if text == SHARED]
    alone = pool.texts.index(CLUSTER.documents[3].sentences[0])
    assert len(shared) == 3
    assert min(columns["support"][shared]) > columns["support"][alone]
    assert min(columns["supporting_documents"][shared]) == 2 / 3  # the two other documents that repeat it
    assert columns["supporting_documents"][alone] == 0.0
    assert min(columns["word_spread"][shared]) > columns["word_spread"][alone]


def test_position_and_text_signals():
    pool, columns = features()
    quote = pool.texts.index(CLUSTER.documents[0].sentences[1])
    pronoun = pool.texts.index(CLUSTER.documents[1].sentences[1])
    dated = pool.texts.index(CLUSTER.documents[2].sentences[1])
    assert columns["position"][quote] == 1 and columns["relative_position"][quote] == 0.5
    assert columns["quoted"][quote] == 1.0 and columns["quoted"][dated] == 0.0
    assert columns["opens_with_reference"][pronoun] == 1.0 and columns["opens_with_reference"][quote] == 0.0
    assert columns["dates"][dated] == 1.0 and columns["numbers"][dated] >= 1.0
    assert columns["names"][quote] == 0.0  # "Mayor anna weber ...": read as the lower-cased corpus it was fitted on
    assert set(columns["documents"]) == {4.0}


def test_the_model_reads_a_cased_cluster_as_the_same_cluster_lower_cased_as_multi_news_is():
    lower = Cluster(
        "bridge",
        [document(d.id, *(lower_cased(sentence) for sentence in d.sentences)) for d in CLUSTER.documents],
    )
    assert lower.documents[0].sentences[1].startswith('Mayor anna weber called it "a promise')
    cased = sentence_features(SentencePool.from_cluster(CLUSTER, 6))
    assert np.array_equal(sentence_features(SentencePool.from_cluster(lower, 6)), cased)


def test_a_one_document_cluster_has_no_support():
    pool = SentencePool.from_cluster(Cluster("alone", [CLUSTER.documents[2]]), 6)
    matrix = sentence_features(pool)
    assert np.all(matrix[:, FEATURES.index("support")] == 0.0)
    assert np.isfinite(matrix).all()
