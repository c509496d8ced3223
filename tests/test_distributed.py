"""The Ray engine against the local one on a local two-CPU Ray cluster bound to 127.0.0.1: same bytes, same resume."""

import io
import itertools
import json
import subprocess
import sys
from functools import partial

import pyarrow.parquet as pq
import pytest

from mdsum.batch import summarise_batch
from mdsum.cli import main
from mdsum.distributed import summarise_on_ray
from mdsum.model import Cluster, Document
from mdsum.readers import ReadFailure, read_inputs
from mdsum.summarisers import build_summariser

SUMMARISER = "lead"  # the fastest real summariser; the engine, not the algorithm, is under test
WORDS = 60
# Ray Data warns about its own deprecated settings when it copies its context; nothing here sets them.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")


@pytest.fixture(scope="module")
def ray_cluster():
    import ray

    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", logging_level="WARNING")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def items(shared_data_dir):
    """Six Multi-News clusters, an unreadable line, a cluster the summariser refuses and one it can say nothing of
    in the budget, in input order."""
    clusters = list(itertools.islice(read_inputs([shared_data_dir / "multinews_test_50.jsonl"]).items, 6))
    empty = Cluster("no-text", (Document("d0", "", ()),))
    long = " ".join(["The talks went on"] * WORDS) + "."
    too_long = Cluster("too-long", (Document("d0", long, (long,)),))
    return [*clusters[:3], ReadFailure("input.jsonl:4", "not valid JSON"), empty, too_long, *clusters[3:]]


@pytest.fixture(scope="module")
def local_jsonl(items):
    out = io.StringIO()
    summarise_batch(items, partial(build_summariser, SUMMARISER), WORDS, out, "jsonl")
    return out.getvalue()


def test_ray_writes_the_same_jsonl_as_the_local_engine(ray_cluster, items, local_jsonl, tmp_path):
    out, messages = tmp_path / "ray.jsonl", []
    result = summarise_on_ray(items, SUMMARISER, WORDS, out, "jsonl", report=messages.append)
    assert out.read_text(encoding="utf-8") == local_jsonl
    assert (result.written, result.already_done) == (6, 0)
    assert [failure.item for failure in result.failures] == ["input.jsonl:4", "no-text", "too-long"]
    assert "skipped no-text: cluster 'no-text' has no text to summarise" in messages
    assert any(message.startswith("skipped too-long: no summary of cluster 'too-long': no ") for message in messages)


def test_ray_resumes_a_local_run_and_skips_the_ids_already_written(ray_cluster, items, local_jsonl, tmp_path):
    out = tmp_path / "out.jsonl"
    first_three = "".join(local_jsonl.splitlines(keepends=True)[:3])
    out.write_text(first_three, encoding="utf-8")
    result = summarise_on_ray(items, SUMMARISER, WORDS, out, "jsonl")
    assert (result.written, result.already_done) == (3, 3)
    assert out.read_text(encoding="utf-8") == local_jsonl


def test_parquet_holds_the_same_records_and_a_rerun_has_nothing_left_to_do(ray_cluster, items, local_jsonl, tmp_path):
    out = tmp_path / "out.parquet"
    summarise_on_ray(items, SUMMARISER, WORDS, out, "parquet")
    table = pq.read_table(out)
    assert [record + "\n" for record in table.column("summary").to_pylist()] == local_jsonl.splitlines(keepends=True)
    assert set(table.column("summariser").to_pylist()) == {SUMMARISER}
    rerun = summarise_on_ray(items, SUMMARISER, WORDS, out, "parquet")
    assert (rerun.written, rerun.already_done) == (0, 6)
    assert pq.read_table(out).equals(table)
    assert not (tmp_path / "out.parquet.partial").exists()


def test_parquet_is_only_written_by_the_ray_engine(shared_data_dir, tmp_path):
    out = tmp_path / "out.parquet"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mdsum",
            "summarise",
            shared_data_dir / "multinews_test_50.jsonl",
            "-f",
            "parquet",
            "-o",
            out,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "mdsum: error: --format parquet needs --engine ray"
    assert not out.exists()


GENEVA_CHECKLIST = """\
cluster: geneva
event: "Talks in Geneva"
facts:
  - id: F01
    statement: "Some 320,000 people have been killed in the war."
    sources: [d1]
    weight: 1
    category: context
    later: false
    forms: {names: [["war"]], numbers: ["320,000"], dates: [], negated: false}
"""


def test_eval_run_on_ray_writes_the_reports_of_a_local_run(ray_cluster, tmp_path, monkeypatch, capsys):
    """The summaries are made on Ray and cached; judging and the run folder are the local run's, byte for byte."""
    articles = [
        "Talks on the future of the region ended in Geneva on Friday without a breakthrough. "
        "The envoy said the next round would start in September. Delegates met the envoy separately.",
        "The envoy told reporters in Geneva that the round had made incremental progress. "
        "Some 320,000 people have been killed in the war. The opposition wants a political transition.",
    ]
    lines = [
        json.dumps({"id": "geneva", "documents": articles}),
        "{not json",
        json.dumps({"id": "envoy", "documents": articles[1:]}),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "eval" / "checklists").mkdir(parents=True)
    (tmp_path / "eval" / "checklists" / "geneva.yaml").write_text(GENEVA_CHECKLIST, encoding="utf-8")
    monkeypatch.setenv("MDSUM_EVAL", str(tmp_path / "eval"))
    for engine in ("local", "ray"):
        (tmp_path / f"{engine}.yaml").write_text(
            "name: both\nclusters: [batch.jsonl]\nsystems: [lead, textrank]\njudges: [lexical]\n"
            f"words: 30\nseed: 1\noutput: {engine}\n",
            encoding="utf-8",
        )
        assert (
            main(["eval", "run", "--config", str(tmp_path / f"{engine}.yaml"), "--engine", engine, "--no-progress"])
            == 0
        )
    assert "mdsum: 4 summaries made on Ray" in capsys.readouterr().err  # 2 clusters x 2 systems
    for name in ("reports.jsonl", "leaderboard.md", "coverage.md"):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert main(["eval", "run", "--config", str(tmp_path / "ray.yaml"), "--engine", "ray", "--no-progress"]) == 0
    assert "mdsum: 0 summaries made on Ray" in capsys.readouterr().err
