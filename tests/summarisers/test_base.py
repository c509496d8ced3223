from dataclasses import dataclass

import pytest

from mdsum.errors import InputError
from mdsum.model import Cluster, Document, SourceRef, SummarySentence
from mdsum.summarisers.base import SINGLE_DOCUMENT_NOTE, Draft, Summariser


@dataclass(frozen=True)
class FirstSentence(Summariser):
    """The smallest real summariser: the first sentence of the first document."""

    algorithm = "first-sentence"
    note: str = ""

    def _summarise(self, cluster, words):
        document = cluster.documents[0]
        return Draft(
            [SummarySentence(document.sentences[0], [SourceRef(document.id, 0)])], [self.note] if self.note else []
        )


def cluster(*texts):
    return Cluster("c", [Document(f"d{i}", text, [text]) for i, text in enumerate(texts)])


def test_summary_records_name_config_and_notes():
    summary = FirstSentence(name="first", note="hello").summarise(cluster("One two.", "Three four."), 10)
    assert summary.summariser == "first"
    assert dict(summary.config) == {"algorithm": "first-sentence", "note": "hello"}
    assert summary.notes == ("hello",)
    assert summary.text == "One two."


def test_name_defaults_to_algorithm():
    assert FirstSentence().summarise(cluster("A b.", "C d."), 5).summariser == "first-sentence"


def test_one_document_cluster_is_summarised_with_a_note():
    summary = FirstSentence()(cluster("Only one."), 5)
    assert summary.notes == (SINGLE_DOCUMENT_NOTE,)


@pytest.mark.parametrize("words", [0, -3, 2.5, True, None])
def test_bad_budget_is_refused(words):
    with pytest.raises(InputError, match="word budget must be a positive integer"):
        FirstSentence().summarise(cluster("A b."), words)


def test_cluster_without_sentences_is_refused():
    empty = Cluster("empty", [Document("d", "", [])])
    with pytest.raises(InputError, match="cluster 'empty' has no text"):
        FirstSentence().summarise(empty, 10)
