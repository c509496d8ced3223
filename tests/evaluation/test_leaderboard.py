"""The leaderboard: column order, the ranking metric, intervals and paired tests, the coverage matrix."""

from __future__ import annotations

import os
from pathlib import Path

from mdsum.evaluation.leaderboard import (
    columns,
    coverage_markdown,
    leaderboard_markdown,
    primary_metric,
    save_heatmap,
    significance_markdown,
)
from mdsum.evaluation.run_config import RunConfig, SystemSpec
from mdsum.evaluation.runner import JudgePanel, RunResult
from mdsum.judges.lexical import LexicalJudge
from mdsum.model import Checklist, Fact, FactForms, Judgement, Report, Summary

PANEL = JudgePanel((LexicalJudge(name="lexical"),), (), ("default judge: lexical (test)",))
FORMS = FactForms((), (), (), False)
CHECKLIST = Checklist(
    "c1",
    "an event",
    (
        Fact("F01", "The talks ended.", ("d1", "d2"), 2, "event", False, FORMS),
        Fact("F02", "A later round was called.", ("d3",), 1, "later", True, FORMS),
    ),
)


def report(system: str, cluster: str, covered: bool, rouge2: float | None = None) -> Report:
    metrics = {"pyramid@lexical": float(covered), "words": 50.0}
    if rouge2 is not None:
        metrics["rouge2"] = rouge2
    judgements = (Judgement("F01", covered, float(covered), "lexical"), Judgement("F02", False, 0.0, "lexical"))
    return Report(cluster, system, Summary(cluster, (), system), judgements, metrics)


def result(reports, metric=None, panel=PANEL) -> RunResult:
    config = RunConfig(
        name="t",
        systems=(SystemSpec("a", "a"), SystemSpec("b", "b")),
        clusters=(),
        output=Path("unused"),
        seed=3,
        bootstrap_samples=200,
        permutation_resamples=200,
        metric=metric,
    )
    return RunResult(config, list(reports), {"c1": CHECKLIST, "c2": CHECKLIST}, panel)


def test_judged_metrics_come_first_in_the_fixed_order():
    run = result([report("a", "c1", True, rouge2=0.2)])
    assert columns(run) == ["pyramid@lexical", "rouge2", "words"]


def test_ranked_by_the_first_judges_pyramid_unless_the_config_says():
    run = result([report("a", "c1", True, rouge2=0.2)])
    assert primary_metric(run) == "pyramid@lexical"
    assert primary_metric(result(run.reports, metric="rouge2")) == "rouge2"
    assert primary_metric(result(run.reports, metric="absent")) is None
    assert primary_metric(result(run.reports, panel=None)) == "rouge2"  # no judge ran: ROUGE-2


def test_better_system_is_listed_first_with_its_interval():
    run = result([report("a", "c1", False), report("a", "c2", True), report("b", "c1", True), report("b", "c2", True)])
    table = leaderboard_markdown(run)
    rows = [line for line in table.splitlines() if line.startswith("| a ") or line.startswith("| b ")]
    assert rows[0].startswith("| b | 2 | 1.000 |")  # no spread: the mean alone
    assert rows[1].startswith("| a | 2 | 0.500 [0.000, 1.000] |")


def test_one_cluster_gives_no_p_value():
    run = result([report("a", "c1", False), report("b", "c1", True)])
    assert "n/a (needs >= 2 clusters)" in significance_markdown(run)


def test_two_clusters_give_an_exact_p_value():
    run = result([report("a", "c1", False), report("a", "c2", False), report("b", "c1", True), report("b", "c2", True)])
    line = next(line for line in significance_markdown(run).splitlines() if line.startswith("| a | b |"))
    assert line.split("|")[3].strip() == "-1.000"
    assert float(line.split("|")[5]) == 0.5  # 4 sign flips, 2 as extreme: exact


def test_coverage_matrix_marks_later_facts_and_counts_per_system():
    run = result([report("a", "c1", False), report("b", "c1", True)])
    text = coverage_markdown(run)
    assert "| c1:F01 | 2 | ✗ | ✓ | The talks ended. |" in text
    assert "| c1:F02 (later) | 1 | ✗ | ✗ |" in text


def test_no_checklist_no_matrix():
    assert coverage_markdown(result([report("a", "c1", True)], panel=None)).startswith("No checklist")


def test_an_unchanged_heatmap_is_not_drawn_again_and_a_changed_one_is(tmp_path):
    """Drawing it is most of a cached re-run's time: the same data keeps the PNG as it is."""
    path = tmp_path / "coverage.png"
    one_covered = [report("a", "c1", False), report("b", "c1", True)]
    assert save_heatmap(result(one_covered), path) == path
    os.utime(path, ns=(0, 0))  # a redraw would give it a new modification time
    assert save_heatmap(result(one_covered), path) == path
    assert path.stat().st_mtime_ns == 0
    save_heatmap(result([report("a", "c1", True), report("b", "c1", True)]), path)
    assert path.stat().st_mtime_ns > 0
