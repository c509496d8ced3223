"""`mdsum eval run`: systems x clusters x judges, cached by content, into one run folder.

Each (system, cluster) becomes one `Report` (per-example JSONL, as in lm-evaluation-harness);
summaries, verdicts and support checks are cached by content hash under ``<output>/cache``
so a re-run, or a run resumed after an interruption, recomputes nothing it already has.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from mdsum.alignment import SUPPORT_VERSION
from mdsum.entailment import CHECK_VERSION, EntailmentScorer
from mdsum.errors import ConfigError, InputError, MdsumError, ModelError
from mdsum.evaluation import metrics
from mdsum.evaluation.cache import ResultCache, content_key
from mdsum.evaluation.measure import measure
from mdsum.evaluation.run_config import REFERENCE_BUDGET, RunConfig, SystemSpec
from mdsum.judges import MIN_DEFAULT_KAPPA, JudgeCatalogue, build_judge
from mdsum.judges.base import Judge
from mdsum.model import Cluster, Judgement, Report, Summary

DEFAULT_JUDGE = "default"


@dataclass(frozen=True)
class JudgePanel:
    """The judges a run uses (the first is primary: its coverage ranks systems) and those it had to skip."""

    judges: tuple[Judge, ...]
    skipped: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass
class RunResult:
    """What a run produced; `leaderboard.write_run_folder` turns it into files."""

    config: RunConfig
    reports: list[Report] = field(default_factory=list)
    checklists: dict[str, Any] = field(default_factory=dict)  # cluster id -> Checklist
    panel: JudgePanel | None = None
    messages: list[str] = field(default_factory=list)  # skipped systems, failed clusters, warnings

    @property
    def systems(self) -> list[str]:
        return [system.name for system in self.config.systems if any(r.system == system.name for r in self.reports)]


def default_judge_note(catalogue: JudgeCatalogue) -> str:
    """The line every run report carries: which judge is the calibrated default, and how far to trust it."""
    if catalogue.default is None:
        return (
            f"NO JUDGE REACHES Cohen's kappa {MIN_DEFAULT_KAPPA} against the gold labels: there is no trusted "
            "default judge, and coverage figures are indicative only"
        )
    entry = catalogue.entries[catalogue.default]
    accuracy = entry.calibration.get("accuracy", float("nan"))
    return f"default judge: {catalogue.default} (kappa {entry.kappa:.3f}, accuracy {accuracy:.3f} on {entry.calibration.get('gold', 'gold labels')})"


def resolve_judges(names: Sequence[str], catalogue: JudgeCatalogue | None = None) -> JudgePanel:
    """Build the named judges ("default": the calibrated default); unavailable ones are skipped, saying why."""
    catalogue = catalogue if catalogue is not None else JudgeCatalogue.read()
    skipped: list[str] = []
    judges: list[Judge] = []
    for name in dict.fromkeys(names):
        if name == DEFAULT_JUDGE:
            if catalogue.default is None:
                continue
            name = catalogue.default
        judge = build_judge(name, catalogue)
        reason = judge.unavailable_reason()
        if reason:
            skipped.append(f"judge '{name}' skipped: {reason}")
        elif all(existing.name != judge.name for existing in judges):
            judges.append(judge)
    return JudgePanel(tuple(judges), tuple(skipped), (default_judge_note(catalogue),))


def word_budget(words: int | str, cluster: Cluster) -> int:
    """The configured budget, or the mean word count of the cluster's references."""
    if words != REFERENCE_BUDGET:
        return int(words)
    if not cluster.references:
        raise InputError(f"cluster '{cluster.id}' has no reference, so 'words: reference' has no budget")
    return max(1, round(sum(len(r.split()) for r in cluster.references) / len(cluster.references)))


def load_checklist_for(cluster: Cluster, folder: Path | None, warn: Callable[[str], None]):
    """The cluster's checklist (``eval/checklists/<id>.yaml``) if any; its warnings (unsupported facts) reported."""
    from mdsum.evaluation.checklist import find_checklist, review_checklist

    path = find_checklist(cluster.id)
    if path is None:
        return None
    review = review_checklist(path, folder)
    for message in review.warnings:
        warn(message)
    if review.checklist is None:
        raise ConfigError(review.errors[0])
    return review.checklist


def _stderr(message: str) -> None:
    print(f"mdsum: warning: {message}", file=sys.stderr)


class Evaluator:
    """Runs one config; every expensive result goes through the content-addressed cache."""

    def __init__(
        self,
        config: RunConfig,
        build_summariser: Callable[..., Any] | None = None,
        panel: JudgePanel | None = None,
        warn: Callable[[str], None] = _stderr,
    ) -> None:
        if build_summariser is None:
            from mdsum.summarisers import SummariserCatalogue
            from mdsum.summarisers import build_summariser as build_shipped

            # The catalogue is read (and checked) once for every system, not once per system.
            build_summariser = partial(build_shipped, catalogue=SummariserCatalogue.read())
        self.config = config
        self.warn = warn
        self.cache = ResultCache(config.output / "cache", warn=warn)
        self.summarisers: dict[str, Any] = {}
        self.unavailable: dict[str, str] = {}  # system -> why it cannot run here (a model not installed)
        for system in config.systems:
            try:
                self.summarisers[system.name] = build_summariser(system.summariser, **system.params)
            except ModelError as error:
                self.unavailable[system.name] = str(error)
        self.panel = panel or resolve_judges(config.judges)
        scorer = EntailmentScorer(config.entailment) if config.entailment else None
        self.entailment_unavailable = scorer.unavailable_reason() if scorer else None
        self.entailment = None if self.entailment_unavailable else scorer

    def run(
        self,
        clusters: Iterable[Cluster | Any],
        sources: Sequence[Path],
        limit: int | None = None,
        progress: bool = True,
        total: int | None = None,
    ) -> RunResult:
        """Evaluate every system on each cluster (at most ``limit``); a bad cluster is reported and skipped."""
        from tqdm import tqdm

        result = RunResult(self.config, panel=self.panel)
        result.messages.extend(self.panel.skipped)
        for message in self.panel.skipped:
            self.warn(message)
        if self.entailment_unavailable:
            self._report(result, f"faithfulness@entail skipped: {self.entailment_unavailable}")
        unavailable = dict(self.unavailable)
        for name, reason in unavailable.items():
            self._report(result, f"system '{name}' skipped: {reason}")
        count = min(total, limit) if total is not None and limit is not None else (limit or total)
        systems = len(self.config.systems)
        bar = tqdm(
            total=count * systems if count else None,
            unit="summary",
            desc=f"eval {self.config.name}",
            disable=not progress,
            file=sys.stderr,
        )
        seen = 0
        for item in clusters:
            if limit is not None and seen >= limit:
                break
            seen += 1
            if not isinstance(item, Cluster):  # a ReadFailure from the reader
                bar.update(systems)
                self._report(result, f"cluster {item.item} skipped: {item.message}")
                continue
            folder = next((path for path in sources if path.is_dir() and path.name == item.id), None)
            try:
                checklist = load_checklist_for(item, folder, self.warn)
                budget = word_budget(self.config.words, item)
            except MdsumError as error:
                bar.update(systems)
                self._report(result, f"cluster '{item.id}' skipped: {error}")
                continue
            if checklist is not None:
                result.checklists[item.id] = checklist
            for system in self.config.systems:
                bar.set_postfix_str(f"{item.id} / {system.name}")
                if system.name not in unavailable:
                    self._evaluate_into(result, unavailable, system, item, budget, checklist)
                bar.update(1)
        bar.close()
        return result

    def _evaluate_into(self, result, unavailable, system, cluster, budget, checklist) -> None:
        """One report; a missing model skips the system from now on, a bad cluster only this pair."""
        try:
            result.reports.append(self.evaluate(system, cluster, budget, checklist))
        except ModelError as error:
            unavailable[system.name] = str(error)
            self._report(result, f"system '{system.name}' skipped: {error}")
        except InputError as error:
            self._report(result, f"system '{system.name}' on cluster '{cluster.id}' failed: {error}")

    def _report(self, result: RunResult, message: str) -> None:
        result.messages.append(message)
        self.warn(message)

    def summary_key(self, system: SystemSpec, cluster: Cluster, words: int) -> str:
        """Where ``system``'s summary of ``cluster`` is cached, whoever computes it (here or on a Ray cluster)."""
        summariser = self.summarisers[system.name]
        return content_key("summary", system.name, summariser.config, summariser.versions, words, cluster)

    def summary(self, system: SystemSpec, cluster: Cluster, words: int) -> Summary:
        summariser = self.summarisers[system.name]
        key = self.summary_key(system, cluster, words)
        return Summary.from_dict(
            self.cache.get_or_compute("summary", key, lambda: summariser.summarise(cluster, words).to_dict())
        )

    def judgement(self, judge: Judge, summary: Summary, fact, sentences: Sequence[dict] | None = None) -> Judgement:
        """``sentences``: the summary's sentences as dicts, when the caller has them (the same key, made faster)."""
        key = content_key(
            "judgement", judge.name, judge.config, summary.sentences if sentences is None else sentences, fact
        )
        return Judgement.from_dict(
            self.cache.get_or_compute("judgement", key, lambda: judge.judge(summary, fact).to_dict())
        )

    def unsupported(self, summary: Summary, cluster: Cluster) -> tuple[str, ...]:
        key = content_key("support", SUPPORT_VERSION, summary.sentences, cluster)
        return tuple(
            self.cache.get_or_compute("support", key, lambda: list(metrics.unsupported_sentences(summary, cluster)))
        )

    def redundant(self, sentences: Sequence[str]) -> list[tuple[int, int]]:
        key = content_key("redundancy", metrics.NEAR_DUPLICATE, sentences)
        pairs = self.cache.get_or_compute("redundancy", key, lambda: metrics.redundant_pairs(sentences))
        return [(first, second) for first, second in pairs]

    def unentailed(self, scorer: EntailmentScorer, summary: Summary, cluster: Cluster) -> tuple[str, ...]:
        key = content_key("entailment", SUPPORT_VERSION, CHECK_VERSION, scorer.config, summary.sentences, cluster)
        return tuple(
            self.cache.get_or_compute(
                "entailment", key, lambda: list(metrics.unentailed_sentences(summary, cluster, scorer))
            )
        )

    def evaluate(self, system: SystemSpec, cluster: Cluster, words: int, checklist) -> Report:
        """`measure` with the cached summary, support, entailment and redundancy checks, and verdicts."""
        summary = self.summary(system, cluster, words)
        # Serialised once for the keys of all its verdicts (judges x facts), not once per verdict.
        sentences = [sentence.to_dict() for sentence in summary.sentences]
        return measure(
            system.name,
            summary,
            cluster,
            checklist,
            self.panel.judges,
            self.unsupported,
            partial(self.judgement, sentences=sentences),
            partial(self.unentailed, self.entailment) if self.entailment is not None else None,
            find_redundant=self.redundant,
        )


def write_jsonl_atomically(path: Path, records: Iterable[dict]) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(temporary, path)


def check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        raise ConfigError(f"--limit must be a positive number of clusters, got {limit}")


def run_evaluation(
    config: RunConfig, limit: int | None = None, progress: bool = True, **evaluator_options
) -> RunResult:
    """Read the config's clusters and evaluate; the caller writes the run folder."""
    from mdsum.readers import read_inputs

    check_limit(limit)
    evaluator = Evaluator(config, **evaluator_options)
    batch = read_inputs(list(config.clusters))
    return evaluator.run(batch.items, config.clusters, limit=limit, progress=progress, total=batch.total)
