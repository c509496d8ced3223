"""The one measurement path: `measure` takes its expensive steps from the caller; harness and demo agree."""

from __future__ import annotations

import pytest

from mdsum.evaluation.checklist import find_checklist, load_checklist
from mdsum.evaluation.measure import measure
from mdsum.evaluation.run_config import RunConfig, SystemSpec
from mdsum.evaluation.runner import Evaluator, load_checklist_for
from mdsum.judges.lexical import LexicalJudge
from mdsum.model import Summary, SummarySentence

JUDGES = (LexicalJudge(name="loose", threshold=0.3), LexicalJudge(name="strict", threshold=0.9))


def lead_sentences(cluster) -> Summary:
    """Each document's first sentence, copied: a summary that needs no summariser."""
    return Summary(cluster.id, tuple(SummarySentence(document.sentences[0]) for document in cluster.documents), "hand")


def test_every_judge_gives_a_verdict_on_every_fact_through_the_callers_step(seed_cluster):
    checklist = load_checklist(find_checklist(seed_cluster.id))
    summary = lead_sentences(seed_cluster)
    asked = []

    def judge_fact(judge, summary, fact):
        asked.append((judge.name, fact.id))
        return judge.judge(summary, fact)

    flagged = (summary.sentences[0].text,)
    report = measure("hand-made", summary, seed_cluster, checklist, JUDGES, lambda *_: flagged, judge_fact)
    assert asked == [(judge.name, fact.id) for judge in JUDGES for fact in checklist.facts]
    assert report.system == "hand-made" and report.cluster_id == seed_cluster.id
    assert report.unsupported == flagged
    assert report.metrics["faithfulness"] == pytest.approx(1 - 1 / len(summary.sentences))
    assert {"words", "redundancy", "pyramid@loose", "coverage@loose", "pyramid@strict"} <= set(report.metrics)
    assert report.metrics["pyramid@strict"] <= report.metrics["pyramid@loose"]
    assert [judgement.judge for judgement in report.judgements] == [j.name for j in JUDGES for _ in checklist.facts]


def test_without_a_checklist_nothing_is_judged(seed_cluster):
    def judge_fact(judge, summary, fact):
        raise AssertionError("no checklist, no verdict")

    report = measure("hand-made", lead_sentences(seed_cluster), seed_cluster, None, JUDGES, judge_fact=judge_fact)
    assert report.judgements == () and not any("@" in name for name in report.metrics)
    assert "faithfulness" in report.metrics


def test_the_harness_and_the_demo_report_the_same_figures_for_the_same_summary(seed_cluster, tmp_path):
    from mdsum.demo import endpoints, inputs, models

    texts = [document.text for document in seed_cluster.documents]
    ids = [document.id for document in seed_cluster.documents]
    request = inputs.check_request(texts, "lead", 120, seed_cluster.id, ids)  # as the demo reads pasted articles
    shown = endpoints.evaluate(request)

    system = SystemSpec("lead", "lead")
    config = RunConfig(name="same", systems=(system,), clusters=(), output=tmp_path / "run")
    evaluator = Evaluator(config, panel=models.judge_panel(), warn=lambda message: None)
    checklist = load_checklist_for(request.cluster, None, evaluator.warn)
    harness = evaluator.evaluate(system, request.cluster, 120, checklist)

    assert harness.summary == shown.summary
    assert {name: value for name, value in shown.metrics.items() if name != "seconds"} == harness.metrics
    assert shown.judgements == harness.judgements and shown.unsupported == harness.unsupported
