"""One measurement of one summary, the same for the harness and the demo: summary -> `Report`.

The figures are `mdsum.evaluation.metrics`': shape, faithfulness (from the sentences no source
supports), with an entailment check also ``faithfulness@entail`` (from the sentences their sources
do not entail), ROUGE against the cluster's references and, per judge, checklist coverage named
``<metric>@<judge>``. The expensive steps, the support and entailment checks, one judge's verdict on
one fact and the redundancy check (its word stems need nltk), are passed in: the harness serves them
from its content-addressed cache, the demo through its shared warm models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mdsum.evaluation import metrics
from mdsum.judges.base import Judge
from mdsum.model import Checklist, Cluster, Fact, Judgement, Report, Summary

ENTAILED = "faithfulness@entail"


def judge_directly(judge: Judge, summary: Summary, fact: Fact) -> Judgement:
    """One verdict, computed here and now (no cache, no shared model)."""
    return judge.judge(summary, fact)


def measure(
    system: str,
    summary: Summary,
    cluster: Cluster,
    checklist: Checklist | None,
    judges: Sequence[Judge],
    find_unsupported: Callable[[Summary, Cluster], Sequence[str]] = metrics.unsupported_sentences,
    judge_fact: Callable[[Judge, Summary, Fact], Judgement] = judge_directly,
    find_unentailed: Callable[[Summary, Cluster], Sequence[str]] | None = None,
    find_redundant: Callable[[Sequence[str]], Sequence[tuple[int, int]]] = metrics.redundant_pairs,
) -> Report:
    """``system``'s report on ``cluster``: every judge gives a verdict on every checklist fact (none without one)."""
    unsupported = tuple(find_unsupported(summary, cluster))
    scores = {
        **metrics.shape(summary, cluster, find_redundant),
        "faithfulness": metrics.faithfulness(summary, unsupported),
    }
    if find_unentailed is not None:
        scores[ENTAILED] = metrics.faithfulness(summary, find_unentailed(summary, cluster))
    scores.update(metrics.rouge(summary, cluster.references))
    by_judge: dict[str, list[Judgement]] = {}
    if checklist is not None:
        by_judge = {judge.name: [judge_fact(judge, summary, fact) for fact in checklist.facts] for judge in judges}
        scores.update(metrics.judge_metrics(by_judge, checklist.facts))
    judgements = tuple(judgement for verdicts in by_judge.values() for judgement in verdicts)
    return Report(cluster.id, system, summary, judgements, scores, unsupported)
