from mdsum.model import Cluster, Document
from mdsum.summarisers.lead import LeadSummariser


def document(doc_id, sentences, date=None):
    return Document(doc_id, " ".join(sentences), sentences, date=date)


CLUSTER = Cluster(
    "c",
    [
        document(
            "a",
            ["Section Heading", "Alpha opens the first report on the storm.", "Alpha adds a second point about roads."],
        ),
        document("b", ["Bravo leads its article with the flooding news.", "Bravo closes with schools shutting early."]),
        document("c", ["Charlie begins by describing power cuts downtown.", "Charlie ends with a note about trains."]),
    ],
)


def picked(summary):
    return [(s.sources[0].document_id, s.sources[0].sentence_index) for s in summary.sentences]


def test_takes_every_documents_lead_before_any_second_sentence():
    summary = LeadSummariser().summarise(CLUSTER, 24)  # three 7-8 word leads fit, nothing more
    assert picked(summary) == [("a", 1), ("b", 0), ("c", 0)]


def test_round_robin_continues_with_second_sentences_in_document_order():
    summary = LeadSummariser().summarise(CLUSTER, 31)
    assert picked(summary) == [("a", 1), ("a", 2), ("b", 0), ("c", 0)]


def test_reading_order_follows_dates_not_the_round_robin():
    dated = Cluster(
        "d",
        [
            document("late", ["The later report arrived on Tuesday morning."], "2024-01-02"),
            document("early", ["The earlier report arrived on Monday morning."], "2024-01-01"),
        ],
    )
    assert picked(LeadSummariser().summarise(dated, 50)) == [("early", 0), ("late", 0)]
