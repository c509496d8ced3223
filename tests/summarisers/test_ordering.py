from support import EXTRACTIVE_CLUSTER, document

from mdsum.model import Cluster
from mdsum.summarisers.ordering import later_reports, provenance, reading_order
from mdsum.summarisers.pool import SentencePool


def test_reading_order_is_date_then_document_then_position_with_undated_beside_the_earliest():
    pool = SentencePool.from_cluster(EXTRACTIVE_CLUSTER, 6)
    assert reading_order(EXTRACTIVE_CLUSTER, pool, [0, 4, 2, 1]) == [1, 2, 4, 0]


def test_provenance_is_the_sentence_then_its_echo_in_each_other_document():
    pool = SentencePool.from_cluster(EXTRACTIVE_CLUSTER, 6)
    sources = provenance(pool, 2, pool.near_duplicates(0.5))
    assert [(s.document_id, s.sentence_index) for s in sources] == [("early", 2), ("undated", 1)]
    assert sources[0].score == 1.0 and 0.5 <= sources[1].score <= 1.0


def test_a_document_dated_well_after_the_rest_is_noted_as_a_later_report():
    dated = Cluster(
        "d",
        [
            document("a", "The talks ended on Friday without a breakthrough for anyone.", date="2017-07-14"),
            document("b", "The envoy said the talks ended with incremental progress.", date="2017-07-15"),
            document("c", "The envoy announced a new round of talks for next month.", date="2017-09-27"),
            document("d", "A new round of talks was announced by the envoy in a speech.", date="not a date"),
        ],
    )
    notes = later_reports(dated, [0, 1, 2, 3])
    assert notes == [
        "later report: c is dated 2017-09-27, 74 days after most of the cluster (2017-07-15); its sentences come last"
    ]
    assert later_reports(dated, [0, 1]) == []
