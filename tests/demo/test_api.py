"""The demo's named endpoints through `gradio_client`, against the app served on 127.0.0.1."""

from __future__ import annotations

import pytest

gradio_client = pytest.importorskip("gradio_client")

from support import ARTICLES  # noqa: E402

from mdsum import demo  # noqa: E402
from mdsum.demo.inputs import MAX_INPUT_BYTES, load_example  # noqa: E402
from mdsum.model import Report, Summary  # noqa: E402


@pytest.fixture(scope="module")
def client():
    app = demo.build_app()
    _, url, _ = demo.launch(app, port=None, prevent_thread_lock=True, quiet=True)
    try:
        yield gradio_client.Client(url, verbose=False, analytics_enabled=False)
    finally:
        app.close()


def test_endpoints_are_named_and_documented(client):
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/summarise", "/evaluate"} <= set(endpoints)
    for name in ("/summarise", "/evaluate"):
        parameters = [parameter["parameter_name"] for parameter in endpoints[name]["parameters"]]
        assert parameters == ["articles", "summariser", "words", "cluster_id"]


def test_summarise_returns_a_summary_within_budget_citing_the_articles(client):
    result = client.predict(ARTICLES, "lead", 25, api_name="/summarise")
    summary = Summary.from_dict(result)
    assert summary.summariser == "lead" and 0 < summary.word_count <= 25
    cited = {source.document_id for sentence in summary.sentences for source in sentence.sources}
    assert cited <= {"article-1", "article-2"}


def test_summarise_uses_the_configured_default_when_no_summariser_is_named(client):
    from mdsum.summarisers import SummariserCatalogue

    result = client.predict(articles=ARTICLES, words=30, api_name="/summarise")
    assert result["summariser"] == SummariserCatalogue.read().default


def test_evaluate_returns_a_report_with_time_and_faithfulness(client):
    example = load_example()
    result = client.predict(
        [document.text for document in example.documents], "lead", 100, example.id, api_name="/evaluate"
    )
    report = Report.from_dict(result)
    assert report.cluster_id == example.id and report.system == "lead"
    assert report.metrics["seconds"] >= 0
    assert set(report.unsupported) <= {sentence.text for sentence in report.summary.sentences}


# The probe's heavy request: 185 KB of short quoted sentences, within the byte limit.
QUOTES = '"We will not give up now," she said. ' * 5000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((ARTICLES * 11, "lead", 50), "too many articles"),
        ((["x" * (MAX_INPUT_BYTES + 1)], "lead", 50), "articles too long"),
        (([QUOTES], "lexrank", 50), r"articles too long: 5000 sentences in all \(the demo takes at most 1000\)"),
        ((ARTICLES, "no-such-summariser", 50), "unknown summariser 'no-such-summariser'"),
        ((ARTICLES, "lead", 0), "word budget"),
        ((["", " "], "lead", 50), "no article text"),
        (([1, 2, 3], "lead", 50), "article 1 is a number"),  # issue 12, finding 7
        (("one plain string", "lead", 50), "must be a list of strings"),  # issue 12, finding 7
    ],
)
def test_bad_input_is_a_one_line_error_not_a_crash(client, args, message):
    with pytest.raises(gradio_client.exceptions.AppError, match=message):
        client.predict(*args, api_name="/summarise")
    assert client.predict(ARTICLES, "lead", 20, api_name="/summarise")["sentences"], "the server still answers"


def test_evaluating_has_its_own_smaller_queue_so_summarise_calls_are_not_held_behind_it():
    from mdsum.demo.app import HEAVY_CONCURRENCY, QUEUE_CONCURRENCY

    functions = {function.api_name: function for function in demo.build_app().fns.values()}
    evaluate, summarise = functions["evaluate"], functions["summarise"]
    assert (evaluate.concurrency_id, evaluate.concurrency_limit) == ("evaluate", HEAVY_CONCURRENCY)
    assert summarise.concurrency_id != "evaluate" and summarise.concurrency_limit in ("default", QUEUE_CONCURRENCY)
    on_run = next(f for f in functions.values() if f.fn is not None and f.fn.__name__ == "on_run")
    assert on_run.concurrency_id == "evaluate"
