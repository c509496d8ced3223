from functools import partial

import pytest

from mdsum import parallel
from mdsum.errors import InputError
from mdsum.model import Cluster, Document, Summary
from mdsum.parallel import IN_FLIGHT_PER_WORKER, MAX_CHUNK, summarise_stream
from mdsum.readers import ReadFailure, UnreadRecord
from mdsum.summarisers import build_summariser

LEXRANK = partial(build_summariser, "lexrank")


def story(number: int) -> Cluster:
    documents = [
        Document(
            f"d{d}",
            text,
            [f"Report {d} on story {number} says the talks went on.", f"The {number} envoys met on day {d} again."],
        )
        for d, text in enumerate(["", ""])
    ]
    return Cluster(f"c{number}", documents)


def items():
    yield story(0)
    yield ReadFailure("line 2", "not JSON")
    yield Cluster("blank", [Document("d0", " ", [])])  # refused by the summariser: no text
    yield from (story(number) for number in range(3, 12))


def as_records(outcomes):
    return [outcome.to_dict() if isinstance(outcome, Summary) else outcome for outcome in outcomes]


def test_two_workers_give_the_same_outcomes_in_input_order():
    one = as_records(summarise_stream(items(), LEXRANK, 20, workers=1))
    two = as_records(summarise_stream(items(), LEXRANK, 20, workers=2))
    assert two == one
    assert [record["cluster_id"] if isinstance(record, dict) else record.item for record in two][:4] == [
        "c0",
        "line 2",
        "blank",
        "c3",
    ]
    assert "no text to summarise" in one[2].message


def records():
    """A data file's rows as the reader hands them over: parsed, not yet cleaned or split."""
    yield UnreadRecord(
        "in.jsonl:1", {"id": "r1", "documents": ["The envoys met in Geneva. The talks went on all day."]}
    )
    yield UnreadRecord("in.jsonl:2", ["not", "an", "object"])
    yield UnreadRecord("in.jsonl:3", {"id": 7, "documents": []})
    yield UnreadRecord("in.jsonl:4", {"documents": ["Report two says the talks went on. The envoys met again."]})


def test_records_are_read_in_the_workers_with_the_outcomes_of_reading_them_here(monkeypatch):
    here = as_records(summarise_stream(records(), LEXRANK, 20, workers=1))
    assert [record["cluster_id"] if isinstance(record, dict) else record.item for record in here] == [
        "r1",
        "in.jsonl:2",
        "in.jsonl:3 (id 7)",
        "in.jsonl:4",
    ]

    def read_in_the_parent(record):
        raise AssertionError(f"{record.item} was read in the parent, not in a worker")

    monkeypatch.setattr(UnreadRecord, "read", read_in_the_parent)  # the workers import their own, untouched
    assert as_records(summarise_stream(records(), LEXRANK, 20, workers=2)) == here


def test_input_is_read_only_a_window_ahead():
    read = []

    def counted():
        for item in items():
            read.append(item)
            yield item

    outcomes = summarise_stream(counted(), LEXRANK, 20, workers=2)
    next(outcomes)
    assert len(read) <= IN_FLIGHT_PER_WORKER * 2 + 1
    outcomes.close()


def test_chunks_of_many_clusters_keep_input_order_and_a_bounded_window(monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_SECONDS", 60.0)  # every chunk after the first ones as long as allowed
    many = [story(number) if number % 7 else ReadFailure(f"line {number}", "not JSON") for number in range(80)]
    read_ahead = []

    def counted():
        for number, item in enumerate(many):
            read_ahead.append(number - written[0])
            yield item

    written = [0]
    two = []
    for outcome in summarise_stream(counted(), LEXRANK, 20, workers=2):
        two.append(outcome)
        written[0] += 1
    assert as_records(two) == as_records(summarise_stream(many, LEXRANK, 20, workers=1))
    assert max(read_ahead) > IN_FLIGHT_PER_WORKER * 2  # chunks did grow past one cluster
    assert max(read_ahead) <= (IN_FLIGHT_PER_WORKER * 2 + 1) * MAX_CHUNK


def test_a_bad_summariser_name_fails_before_any_worker_starts():
    with pytest.raises(Exception, match="no-such-summariser"):
        next(summarise_stream(items(), partial(build_summariser, "no-such-summariser"), 20, workers=2))


def test_workers_must_be_positive():
    with pytest.raises(InputError, match="--workers"):
        next(summarise_stream(items(), LEXRANK, 20, workers=0))
