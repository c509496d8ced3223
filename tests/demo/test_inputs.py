"""The demo's inputs: limits, word budget, clusters from pasted texts, uploaded files and the example."""

from __future__ import annotations

import json
import time

import pytest
from support import ARTICLES

from mdsum import limits
from mdsum.demo import inputs
from mdsum.errors import InputError
from mdsum.resources import shipped_path

# ------------------------------------------------------------ limits


def test_limits_refuse_too_many_articles_with_a_clear_message():
    with pytest.raises(InputError, match=f"too many articles: 21 .*at most {inputs.MAX_ARTICLES}"):
        inputs.check_limits(["text"] * (inputs.MAX_ARTICLES + 1))


def test_limits_refuse_too_many_bytes_but_accept_the_limit_itself():
    inputs.check_limits(["a" * inputs.MAX_INPUT_BYTES])
    with pytest.raises(InputError, match="articles too long"):
        inputs.check_limits(["a" * (inputs.MAX_INPUT_BYTES // 2), "b" * (inputs.MAX_INPUT_BYTES // 2 + 1)])


def test_too_many_sentences_are_refused_before_any_summariser_runs():
    """The probe's heavy request (185 KB of short quotes) is within the byte limit but refused in one line."""
    quotes = '"We will not give up now," she said. ' * 5000
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"^articles too long: 5000 sentences in all \(the demo takes at most 1000\)$"):
        inputs.check_request([quotes], "lexrank", 50)
    assert time.perf_counter() - started < 10
    assert len(inputs.check_request([quotes[: 35 * inputs.MAX_SENTENCES]], "lexrank", 50).cluster.documents) == 1


def test_requests_run_under_the_demo_limits():
    seen = inputs.within_request_limits(limits.current)()
    assert seen == inputs.REQUEST_LIMITS and seen.seconds == inputs.REQUEST_SECONDS
    assert limits.current() == limits.DEFAULT_LIMITS


def test_a_request_over_its_time_limit_is_refused_in_one_line(monkeypatch):
    from mdsum.summarisers.lexrank import LexRankSummariser

    monkeypatch.setattr(inputs, "REQUEST_LIMITS", limits.Limits(seconds=0))
    request = inputs.check_request(ARTICLES, "lexrank", 50)
    summarise = inputs.within_request_limits(LexRankSummariser().summarise)
    with pytest.raises(InputError, match=r"^cluster 'demo' took longer than 0 s to summarise; refused$"):
        summarise(request.cluster, request.words)


@pytest.mark.parametrize("words", [0, -5, inputs.MAX_WORDS + 1, "200", True, 12.5])
def test_word_budget_outside_bounds_is_refused(words):
    with pytest.raises(InputError, match="word budget"):
        inputs.check_words(words)


def test_word_budget_from_a_slider_float_becomes_an_int():
    assert inputs.check_words(120.0) == 120 and isinstance(inputs.check_words(120.0), int)


# ------------------------------------------------------------ cluster building


def test_build_cluster_skips_blank_boxes_and_numbers_articles():
    cluster = inputs.build_cluster([ARTICLES[0], "   ", ARTICLES[1]])
    assert cluster.id == inputs.DEMO_CLUSTER_ID
    assert [document.id for document in cluster.documents] == ["article-1", "article-3"]
    assert all(document.sentences for document in cluster.documents)


def test_build_cluster_keeps_given_ids_and_cluster_id():
    cluster = inputs.build_cluster(ARTICLES, " seeds ", ids=["a", "b"])
    assert cluster.id == "seeds" and [document.id for document in cluster.documents] == ["a", "b"]


@pytest.mark.parametrize(
    ("texts", "kwargs", "message"),
    [
        (["", "  "], {}, "no article text"),
        (ARTICLES, {"ids": ["same", "same"]}, "unique"),
        (ARTICLES, {"ids": ["only-one"]}, "1 article ids for 2 articles"),
        (ARTICLES, {"cluster_id": "../../etc/passwd"}, "cluster id must be"),
    ],
)
def test_build_cluster_refuses_bad_input(texts, kwargs, message):
    with pytest.raises(InputError, match=message):
        inputs.build_cluster(texts, **kwargs)


# ------------------------------------------------------------ files and example


def test_example_is_the_seed_cluster():
    cluster = inputs.load_example()
    assert cluster.id == "seeds"
    assert len(cluster.documents) == len(list(shipped_path("seeds").glob("*.txt")))


def test_missing_example_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("MDSUM_SEEDS", str(tmp_path / "nowhere"))
    with pytest.raises(InputError, match="example cluster is not here"):
        inputs.load_example()


def test_uploaded_txt_files_are_one_cluster(tmp_path):
    paths = []
    for number, text in enumerate(ARTICLES):
        paths.append(tmp_path / f"story{number}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    cluster = inputs.read_cluster_files(paths)
    assert cluster.id == "upload" and len(cluster.documents) == 2


def test_uploaded_jsonl_gives_its_first_cluster(tmp_path):
    path = tmp_path / "clusters.jsonl"
    lines = [{"id": "first", "documents": ARTICLES}, {"id": "second", "documents": ARTICLES[:1]}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    cluster = inputs.read_cluster_files([path])
    assert cluster.id == "first" and len(cluster.documents) == 2


@pytest.mark.parametrize("names", [["notes.pdf"], ["a.jsonl", "b.txt"]])
def test_uploads_of_other_kinds_are_refused(tmp_path, names):
    paths = [tmp_path / name for name in names]
    for path in paths:
        path.write_text(ARTICLES[0], encoding="utf-8")
    with pytest.raises(InputError):
        inputs.read_cluster_files(paths)


def test_uploads_over_the_article_limit_are_refused(tmp_path):
    paths = []
    for number in range(inputs.MAX_ARTICLES + 1):
        paths.append(tmp_path / f"{number:02d}.txt")
        paths[-1].write_text(ARTICLES[number % 2], encoding="utf-8")
    with pytest.raises(InputError, match="too many articles"):
        inputs.read_cluster_files(paths)
