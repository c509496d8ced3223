import io
import json
from dataclasses import dataclass

import pytest

from mdsum.batch import resume_jsonl, summarise_batch
from mdsum.errors import InputError
from mdsum.model import Cluster, Document, SourceRef, SummarySentence
from mdsum.readers import ReadFailure
from mdsum.summarisers.base import Draft, Summariser


@dataclass(frozen=True)
class FirstSentence(Summariser):
    algorithm = "first-sentence"

    def _summarise(self, cluster, words):
        if cluster.id == "refused":
            raise InputError("this cluster is refused")
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
