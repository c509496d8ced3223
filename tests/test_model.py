import dataclasses
import json
import pickle

import pytest

from mdsum.model import Cluster, Document, Judgement, Report, SourceRef, Summary, SummarySentence


def make_summary() -> Summary:
    return Summary(
        cluster_id="c1",
        sentences=[SummarySentence("Talks ended.", [SourceRef("d1", 0, 0.9), SourceRef("d2", 3, 0.7)])],
        summariser="lead",
        config={"algorithm": "lead", "weights": [1, 2]},
        notes=["a note"],
    )


def test_records_are_immutable_and_hashable():
    document = Document("d1", "A b. C d.", ["A b.", "C d."], title="T")
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.text = "changed"
    assert isinstance(document.sentences, tuple)
    assert hash(document) == hash(Document("d1", "A b. C d.", ("A b.", "C d."), title="T"))


def test_summary_config_cannot_be_mutated():
    summary = make_summary()
    with pytest.raises(TypeError):
        summary.config["algorithm"] = "other"
    assert summary.config["weights"] == (1, 2)


def test_summary_text_and_word_count():
    summary = make_summary()
    assert summary.text == "Talks ended."
    assert summary.word_count == 2


@pytest.mark.parametrize(
    "record",
    [
        Document("d1", "A b.", ["A b."], title="T", source="S", date="2017-07-14"),
        Cluster("c1", [Document("d1", "A b.", ["A b."])], references=["ref"]),
        make_summary(),
        Judgement("F01", True, 0.8, "lexical", "Talks ended."),
        Report("c1", "lead", make_summary(), [Judgement("F01", False, 0.1, "lexical")], {"coverage": 0.5}, ["x"]),
    ],
    ids=lambda record: type(record).__name__,
)
def test_json_round_trip(record):
    data = json.loads(record.to_json())
    assert type(record).from_dict(data) == record


@pytest.mark.parametrize("record", [make_summary(), Report("c1", "lead", make_summary(), [], {"coverage": 0.5})])
def test_records_pickle_with_their_frozen_mappings(record):
    """Batch workers send summaries back pickled; the config stays a read-only mapping."""
    revived = pickle.loads(pickle.dumps(record))
    assert revived == record
    summary = revived.summary if isinstance(revived, Report) else revived
    with pytest.raises(TypeError):
        summary.config["x"] = 1


def test_cluster_document_lookup():
    cluster = Cluster("c1", [Document("d1", "A.", ["A."]), Document("d2", "B.", ["B."])])
    assert cluster.document("d2").text == "B."
    with pytest.raises(KeyError):
        cluster.document("d3")
    assert cluster.word_count == 2
