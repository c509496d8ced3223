"""The demo's library side: limits, endpoints, shared model cache, article boxes, highlighted HTML."""

from __future__ import annotations

import json
import threading
from html.parser import HTMLParser
import time

import pytest

from mdsum import demo
from mdsum.errors import InputError
from mdsum.model import Cluster, Document, Judgement, Report, SourceRef, Summary, SummarySentence
from mdsum.resources import shipped_path

ARTICLES = [
    "The council approved the new budget on Monday after a long debate. "
    "The budget raises school spending by ten percent. Critics said the plan ignores roads.",
    "On Monday the city council passed its budget. School spending rises by ten percent under the plan. "
    "The mayor welcomed the vote.",
]


# ------------------------------------------------------------ limits


def test_limits_refuse_too_many_articles_with_a_clear_message():
    with pytest.raises(InputError, match=f"too many articles: 21 .*at most {demo.MAX_ARTICLES}"):
        demo.check_limits(["text"] * (demo.MAX_ARTICLES + 1))


def test_limits_refuse_too_many_bytes_but_accept_the_limit_itself():
    demo.check_limits(["a" * demo.MAX_INPUT_BYTES])
    with pytest.raises(InputError, match="articles too long"):
        demo.check_limits(["a" * (demo.MAX_INPUT_BYTES // 2), "b" * (demo.MAX_INPUT_BYTES // 2 + 1)])


@pytest.mark.parametrize("words", [0, -5, demo.MAX_WORDS + 1, "200", True, 12.5])
def test_word_budget_outside_bounds_is_refused(words):
    with pytest.raises(InputError, match="word budget"):
        demo.check_words(words)


def test_word_budget_from_a_slider_float_becomes_an_int():
    assert demo.check_words(120.0) == 120 and isinstance(demo.check_words(120.0), int)


# ------------------------------------------------------------ cluster building


def test_build_cluster_skips_blank_boxes_and_numbers_articles():
    cluster = demo.build_cluster([ARTICLES[0], "   ", ARTICLES[1]])
    assert cluster.id == demo.DEMO_CLUSTER_ID
    assert [document.id for document in cluster.documents] == ["article-1", "article-3"]
    assert all(document.sentences for document in cluster.documents)


def test_build_cluster_keeps_given_ids_and_cluster_id():
    cluster = demo.build_cluster(ARTICLES, " seeds ", ids=["a", "b"])
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
        demo.build_cluster(texts, **kwargs)


# ------------------------------------------------------------ files and example


def test_example_is_the_seed_cluster():
    cluster = demo.load_example()
    assert cluster.id == "seeds"
    assert len(cluster.documents) == len(list(shipped_path("seeds").glob("*.txt")))


def test_missing_example_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("MDSUM_SEEDS", str(tmp_path / "nowhere"))
    with pytest.raises(InputError, match="example cluster is not here"):
        demo.load_example()


def test_uploaded_txt_files_are_one_cluster(tmp_path):
    paths = []
    for number, text in enumerate(ARTICLES):
        paths.append(tmp_path / f"story{number}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    cluster = demo.read_cluster_files(paths)
    assert cluster.id == "upload" and len(cluster.documents) == 2


def test_uploaded_jsonl_gives_its_first_cluster(tmp_path):
    path = tmp_path / "clusters.jsonl"
    lines = [{"id": "first", "documents": ARTICLES}, {"id": "second", "documents": ARTICLES[:1]}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    cluster = demo.read_cluster_files([path])
    assert cluster.id == "first" and len(cluster.documents) == 2


@pytest.mark.parametrize("names", [["notes.pdf"], ["a.jsonl", "b.txt"]])
def test_uploads_of_other_kinds_are_refused(tmp_path, names):
    paths = [tmp_path / name for name in names]
    for path in paths:
        path.write_text(ARTICLES[0], encoding="utf-8")
    with pytest.raises(InputError):
        demo.read_cluster_files(paths)


def test_uploads_over_the_article_limit_are_refused(tmp_path):
    paths = []
    for number in range(demo.MAX_ARTICLES + 1):
        paths.append(tmp_path / f"{number:02d}.txt")
        paths[-1].write_text(ARTICLES[number % 2], encoding="utf-8")
    with pytest.raises(InputError, match="too many articles"):
        demo.read_cluster_files(paths)


# ------------------------------------------------------------ endpoints


def test_summarise_keeps_the_budget_and_cites_the_pasted_articles():
    summary = demo.summarise(ARTICLES, "lead", 25)
    assert summary.summariser == "lead" and 0 < summary.word_count <= 25
    cited = {source.document_id for sentence in summary.sentences for source in sentence.sources}
    assert cited <= {"article-1", "article-2"} and cited


def test_summarise_refuses_too_many_articles_before_summarising():
    with pytest.raises(InputError, match="too many articles"):
        demo.summarise(ARTICLES * 11, "lead", 50)


def test_evaluate_of_the_seed_cluster_reports_time_faithfulness_and_its_checklist():
    example = demo.load_example()
    report = demo.evaluate(
        [document.text for document in example.documents], "lead", 120, example.id,
        [document.id for document in example.documents],
    )
    assert report.cluster_id == "seeds" and report.system == "lead"
    assert report.metrics["seconds"] >= 0 and report.metrics["words"] == report.summary.word_count
    assert set(report.unsupported) <= {sentence.text for sentence in report.summary.sentences}
    supported = len(report.summary.sentences) - len(report.unsupported)
    assert report.metrics["faithfulness"] == supported / len(report.summary.sentences)
    facts = demo.checklist_facts("seeds")
    assert facts, "the seed cluster has a checklist"
    if not demo.judge_panel().judges:
        assert report.judgements == () and demo.unjudged_reason()
    else:
        assert [judgement.fact_id for judgement in report.judgements] == list(facts)
        assert 0 <= report.metrics["pyramid"] <= 1 and 0 <= report.metrics["coverage"] <= 1


def test_evaluate_without_a_checklist_has_no_judgements():
    report = demo.evaluate(ARTICLES, "lead", 30, "no-such-cluster")
    assert report.judgements == () and "coverage" not in report.metrics


# ------------------------------------------------------------ shared model cache


class LazyModel:
    """Loads its 'model' on first use without a lock of its own, like a lazily loading summariser."""

    def __init__(self) -> None:
        self.model = None
        self.loads = 0
        self.running = 0
        self.most_running = 0
        self._count = threading.Lock()

    def __call__(self) -> str:
        with self._count:
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        if self.model is None:
            time.sleep(0.05)  # loading takes a while: a second caller would load again
            self.loads += 1
            self.model = "weights"
        time.sleep(0.02)
        with self._count:
            self.running -= 1
        return self.model


def _call_together(cache: demo.WarmCache, name: str, callers: int) -> None:
    start = threading.Barrier(callers)

    def call() -> None:
        start.wait()
        cache.run(name, lambda worker: worker())

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_warm_cache_builds_once_and_loads_a_model_once_under_concurrent_first_calls():
    built = []
    cache = demo.WarmCache(lambda name: built.append(name) or LazyModel())
    _call_together(cache, "model", 8)
    worker = cache.run("model", lambda worker: worker)
    assert built == ["model"] and worker.loads == 1


def test_warm_cache_lets_calls_run_side_by_side_once_warm():
    cache = demo.WarmCache(lambda name: LazyModel())
    cache.run("model", lambda worker: worker())
    _call_together(cache, "model", 4)
    assert cache.run("model", lambda worker: worker.most_running) > 1


# ------------------------------------------------------------ article boxes


def test_add_box_stops_at_the_limit():
    assert demo.add_box(2) == 3
    with pytest.raises(InputError, match="at most"):
        demo.add_box(demo.MAX_ARTICLES)


def test_remove_box_moves_the_boxes_below_up():
    ids, texts, visible = demo.remove_box(1, ["a", "b", "c"], ["A", "B", "C"], 3)
    assert ids[:2] == ["a", "c"] and texts == ["A", "C", ""] and visible == 2
    assert len(set(ids)) == 3


def test_fill_boxes_shows_every_document_and_pads_to_the_limit():
    cluster = Cluster("c", (Document("x", "X.", ("X.",)), Document("y", "Y.", ("Y.",))))
    ids, texts, visible = demo.fill_boxes(cluster)
    assert visible == 2 and ids[:2] == ["x", "y"] and texts[:2] == ["X.", "Y."]
    assert len(ids) == len(texts) == demo.MAX_ARTICLES and len(set(ids)) == demo.MAX_ARTICLES


# ------------------------------------------------------------ rendering


def _report() -> tuple[Report, Cluster]:
    cluster = Cluster(
        "c",
        (
            Document("one", "Rain fell. Roads <flooded>.", ("Rain fell.", "Roads <flooded>."), title="Storm"),
            Document("two", "Schools shut.", ("Schools shut.",)),
        ),
    )
    summary = Summary(
        "c",
        (
            SummarySentence("Roads <flooded>.", (SourceRef("one", 1, 0.9), SourceRef("two", 0, 0.3))),
            SummarySentence("Aliens landed.", ()),
        ),
        "lead",
        notes=("a note",),
    )
    judgements = (
        Judgement("F1", True, 0.8, "lexical", evidence="Roads <flooded>."),
        Judgement("F2", False, 0.1, "lexical"),
    )
    report = Report("c", "lead", summary, judgements, {"seconds": 1.5}, ("Aliens landed.",))
    return report, cluster


def test_html_colours_each_sentence_by_its_main_source_and_shows_its_support():
    report, cluster = _report()
    page = demo.render_report_html(report, cluster, {"F1": "Roads flooded", "F2": "Schools shut"})
    first = page.split('data-position="1"')[1].split('data-position="2"')[0]
    assert f"background:{demo.colour(0)}" in first
    assert "<sup>1,2</sup>" in first
    assert "sentence 2 (0.90):</b> Roads &lt;flooded&gt;." in first
    assert "Schools shut." in first
    assert "<flooded>" not in page
    assert "lead · 4 words · 1.50 s" in page
    assert "one — Storm" in page and "a note" in page


def test_html_flags_unsupported_sentences_only():
    report, cluster = _report()
    page = demo.render_report_html(report, cluster)
    assert 'class="mdsum-sentence mdsum-unsupported" tabindex="0" data-position="2"' in page
    assert 'class="mdsum-sentence" tabindex="0" data-position="1"' in page
    assert page.count("⚠ unsupported") == 1


def test_html_checklist_says_which_sentence_covers_each_fact():
    report, cluster = _report()
    page = demo.render_report_html(report, cluster, {"F1": "Roads flooded", "F2": "Schools shut"})
    assert "1 of 2 facts covered (judge: lexical)" in page
    assert "<td>Roads flooded</td><td>✓ covered</td><td>1</td>" in page
    assert "<td>Schools shut</td><td>✗ missed</td>" in page


def test_html_says_why_a_checklist_was_not_judged():
    report, cluster = _report()
    unjudged = Report(report.cluster_id, report.system, report.summary, (), report.metrics, ())
    page = demo.render_report_html(unjudged, cluster, {"F1": "Roads flooded"}, "no judge <calibrated>")
    assert "checklist of 1 facts, not judged: no judge &lt;calibrated&gt;" in page and "<table" not in page


class _BlocksInsideSentences(HTMLParser):
    """Counts block elements opened inside a sentence span, which a browser would move out of it."""

    BLOCKS = {"p", "div", "table", "ul", "li"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open spans inside the current sentence, the sentence included
        self.blocks = 0

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.blocks += tag in self.BLOCKS
            self.depth += tag == "span"
        elif tag == "span" and "mdsum-sentence" in (dict(attrs).get("class") or ""):
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == "span":
            self.depth -= 1


def test_html_sentences_hold_inline_markup_only_so_the_support_stays_inside():
    report, cluster = _report()
    parser = _BlocksInsideSentences()
    parser.feed(demo.render_report_html(report, cluster))
    assert parser.blocks == 0
