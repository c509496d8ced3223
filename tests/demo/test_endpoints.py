"""The demo's endpoints: summarise within the limits, evaluate as the harness measures."""

from __future__ import annotations

import pytest
from support import ARTICLES

from mdsum.demo import endpoints, inputs, models
from mdsum.errors import InputError


def test_summarise_keeps_the_budget_and_cites_the_pasted_articles():
    summary = endpoints.summarise(inputs.check_request(ARTICLES, "lead", 25))
    assert summary.summariser == "lead" and 0 < summary.word_count <= 25
    cited = {source.document_id for sentence in summary.sentences for source in sentence.sources}
    assert cited <= {"article-1", "article-2"} and cited


def test_summarise_refuses_too_many_articles_before_summarising():
    with pytest.raises(InputError, match="too many articles"):
        endpoints.summarise(inputs.check_request(ARTICLES * 11, "lead", 50))


def test_summarise_of_nothing_the_summariser_may_tell_is_one_message_not_an_empty_box():
    with pytest.raises(InputError, match=r"no summary of cluster .*every line is a headline, question or caption"):
        endpoints.summarise(inputs.check_request(["Photo Gallery\nWhat happened next at the talks?"], "themes", 50))


def test_evaluate_of_the_seed_cluster_reports_time_faithfulness_and_its_checklist():
    example = inputs.load_example()
    texts, ids = [document.text for document in example.documents], [document.id for document in example.documents]
    report = endpoints.evaluate(inputs.check_request(texts, "lead", 120, example.id, ids))
    assert report.cluster_id == "seeds" and report.system == "lead"
    assert report.metrics["seconds"] >= 0 and report.metrics["words"] == report.summary.word_count
    assert set(report.unsupported) <= {sentence.text for sentence in report.summary.sentences}
    supported = len(report.summary.sentences) - len(report.unsupported)
    assert report.metrics["faithfulness"] == supported / len(report.summary.sentences)
    facts = endpoints.checklist_facts("seeds")
    assert facts, "the seed cluster has a checklist"
    if not models.judge_panel().judges:
        assert report.judgements == () and models.unjudged_reason()
    else:
        judge = models.judge_panel().judges[0].name
        assert [judgement.fact_id for judgement in report.judgements] == list(facts)
        assert 0 <= report.metrics[f"pyramid@{judge}"] <= 1 and 0 <= report.metrics[f"coverage@{judge}"] <= 1


def test_evaluate_without_a_checklist_has_no_judgements():
    report = endpoints.evaluate(inputs.check_request(ARTICLES, "lead", 30, "no-such-cluster"))
    assert report.judgements == () and not any(name.startswith("coverage") for name in report.metrics)


@pytest.mark.parametrize(
    ("articles", "summariser", "cluster_id", "message"),
    [
        ([1, 2, 3], "lead", "demo", "article 1 is a number"),
        (ARTICLES[0], "lead", "demo", "articles must be a list of strings, one per article, not a string"),
        ([*ARTICLES, None], "lead", "demo", "article 3 is null"),
        (ARTICLES, 7, "demo", "summariser must be a string, not a number"),
        (ARTICLES, "lead", ["demo"], "cluster_id must be a string, not a list"),
    ],
)
def test_api_refuses_wrongly_typed_arguments_with_one_message(articles, summariser, cluster_id, message):
    """Issue 12, finding 7: non-string articles or a plain string are a clear error, not a crash or 54 articles."""
    with pytest.raises(InputError, match=message):
        endpoints.api_summarise(articles, summariser, 50, cluster_id)
