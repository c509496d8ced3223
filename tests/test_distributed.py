"""The Ray engine against the local one on a local two-CPU Ray cluster bound to 127.0.0.1: same bytes, same resume."""

import io
import itertools
import subprocess
import sys
from functools import partial

import pyarrow.parquet as pq
import pytest

from mdsum.batch import summarise_batch
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
    """Six Multi-News clusters, an unreadable line and a cluster the summariser refuses, in input order."""
    clusters = list(itertools.islice(read_inputs([shared_data_dir / "multinews_test_50.jsonl"]).items, 6))
    empty = Cluster("no-text", (Document("d0", "", ()),))
    return [*clusters[:3], ReadFailure("input.jsonl:4", "not valid JSON"), empty, *clusters[3:]]


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
    assert [failure.item for failure in result.failures] == ["input.jsonl:4", "no-text"]
    assert "skipped no-text: cluster 'no-text' has no text to summarise" in messages


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
