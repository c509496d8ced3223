import io
import json
from dataclasses import dataclass

import pytest

from mdsum.batch import open_output, resume_jsonl, summarise_batch
from mdsum.errors import InputError
from mdsum.model import Cluster, Document, SourceRef, SummarySentence
from mdsum.readers import ReadFailure, UnreadRecord
from mdsum.summarisers.base import Draft, Summariser


@dataclass(frozen=True)
class FirstSentence(Summariser):
    algorithm = "first-sentence"

    def _summarise(self, cluster, words):
        if cluster.id == "refused":
            raise InputError("this cluster is refused")
        if cluster.id == "nothing fits":
            return Draft([], ["no sentence fits"])
        return Draft([SummarySentence(cluster.documents[0].sentences[0], [SourceRef(cluster.documents[0].id, 0)])])


def cluster(cluster_id, documents=2):
    return Cluster(cluster_id, [Document(f"d{i}", f"Sentence {i}.", [f"Sentence {i}."]) for i in range(documents)])


def run(items, **kwargs):
    out, messages = io.StringIO(), []
    result = summarise_batch(items, FirstSentence, 10, out, "jsonl", report=messages.append, **kwargs)
    return result, [json.loads(line)["cluster_id"] for line in out.getvalue().splitlines()], messages


def test_bad_items_are_reported_and_skipped_and_the_rest_written():
    items = [cluster("a"), ReadFailure("line 2", "not JSON"), cluster("refused"), cluster("b")]
    result, written, messages = run(items)
    assert written == ["a", "b"]
    assert result.written == 2
    assert [failure.item for failure in result.failures] == ["line 2", "refused"]
    assert "skipped line 2: not JSON" in messages
    assert "skipped refused: this cluster is refused" in messages


def test_an_empty_summary_is_skipped_saying_why():
    result, written, messages = run([cluster("nothing fits", documents=1), cluster("b")])
    assert written == ["b"]
    assert [failure.item for failure in result.failures] == ["nothing fits"]
    assert "skipped nothing fits: no summary of cluster 'nothing fits': no sentence fits" in messages


def test_done_ids_are_skipped():
    result, written, _ = run([cluster("a"), cluster("b")], done={"a"})
    assert written == ["b"]
    assert result.already_done == 1


def test_notes_are_reported():
    _, _, messages = run([cluster("solo", documents=1)])
    assert any(message.startswith("note (solo): one-document cluster") for message in messages)


def record(cluster_id):
    return json.dumps({"cluster_id": cluster_id, "sentences": [], "summariser": "x"})


def test_resume_reads_done_ids(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(record("a") + "\n" + record("b") + "\n")
    assert resume_jsonl(path) == {"a", "b"}
    assert resume_jsonl(tmp_path / "absent.jsonl") == set()


def test_resume_cuts_a_torn_last_record(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(record("a") + "\n" + record("b")[:20])
    assert resume_jsonl(path) == {"a"}
    assert path.read_text() == record("a") + "\n"


def test_resume_ends_a_complete_last_record_without_newline(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(record("a"))
    assert resume_jsonl(path) == {"a"}
    assert path.read_text() == record("a") + "\n"


def test_resume_refuses_a_file_that_is_not_ours(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text("hello world\n" + record("a") + "\n")
    with pytest.raises(InputError, match=r"notes\.jsonl:1: not a summary record"):
        resume_jsonl(path)


def test_a_second_cluster_with_an_id_already_seen_is_refused_even_when_done():
    """Issue 12, finding 5: a duplicate id is a failure, never written twice nor skipped as already done."""
    result, written, messages = run([cluster("a"), cluster("a"), cluster("b"), cluster("b")], done={"b"})
    assert written == ["a"] and result.already_done == 1
    assert [failure.item for failure in result.failures] == ["a", "b"]
    assert sum("duplicate cluster id" in message for message in messages) == 2


def test_unread_records_are_skipped_and_refused_by_id_before_anyone_reads_them():
    """The ids of a data file's rows decide resume and duplicates; reading waits for the summariser's process."""
    rows = [
        UnreadRecord("in.jsonl:1", {"id": "a", "documents": ["Sentence one."]}),
        UnreadRecord("in.jsonl:2", {"id": "a", "documents": ["Another sentence."]}),
        UnreadRecord("in.jsonl:3", {"id": 7, "documents": ["Sentence three."]}),
        UnreadRecord("in.jsonl:4", {"documents": ["Sentence four."]}),
        UnreadRecord("in.jsonl:5", {"id": "c", "documents": []}),
    ]
    result, written, _ = run(rows, done={"7"})
    assert written == ["a", "in.jsonl:4"] and result.already_done == 1
    assert [(failure.item, failure.message) for failure in result.failures] == [
        ("a", "duplicate cluster id: an earlier cluster in this input has it"),
        ("in.jsonl:5 (id c)", "empty document list"),
    ]


def test_fail_fast_raises_the_first_failure():
    """Issue 12, finding 10: a single cluster's failure is the caller's one error, not also reported as skipped."""
    messages = []
    with pytest.raises(InputError, match="refused"):
        summarise_batch(
            [cluster("refused")], FirstSentence, 10, io.StringIO(), "jsonl", report=messages.append, fail_fast=True
        )
    assert messages == []


def test_resume_refuses_a_one_line_file_that_is_not_a_torn_record(tmp_path):
    """Issue 12, finding 4: a last line without newline is cut only when it is a record's beginning."""
    path = tmp_path / "notes.jsonl"
    path.write_text("my notes")
    with pytest.raises(InputError, match="not a summary record"):
        resume_jsonl(path)
    assert path.read_text() == "my notes"


def test_output_other_than_jsonl_replaces_the_file_only_when_the_run_ends(tmp_path):
    """Issue 12, finding 4: a temporary file renamed at the end; a failed run leaves the earlier output."""
    path = tmp_path / "summary.txt"
    path.write_text("earlier summary\n")
    with pytest.raises(InputError), open_output(path, "text") as (out, done):
        out.write("half")
        raise InputError("the run failed")
    assert path.read_text() == "earlier summary\n"
    with open_output(path, "text") as (out, done):
        out.write("new summary\n")
        assert path.read_text() == "earlier summary\n" and not done
    assert path.read_text() == "new summary\n"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.txt"]


def test_json_output_replaces_only_an_earlier_summary(tmp_path):
    """Issue 12, finding 4: a .json file that is not an mdsum summary is not ours to overwrite."""
    path = tmp_path / "config.json"
    path.write_text('{"settings": true}')
    with pytest.raises(InputError, match="not overwriting"), open_output(path, "json"):
        pass
    path.write_text(record("a"))
    with open_output(path, "json") as (out, _):
        out.write(record("b"))
    assert json.loads(path.read_text())["cluster_id"] == "b"
