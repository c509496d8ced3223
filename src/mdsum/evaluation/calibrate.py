"""Judge calibration against hand labels: agreement (scikit-learn) and a threshold fitted honestly.

Every judge gives a threshold-free score per (summary, fact). A threshold fitted on all the
gold labels and scored on them would flatter the judge, so the agreement that decides the
default judge is leave-one-summary-out: each gold summary is predicted with the threshold
fitted on the other summaries, and agreement is measured on those held-out predictions.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, cohen_kappa_score, precision_score, recall_score

from mdsum.evaluation.cache import ResultCache, content_key
from mdsum.evaluation.gold import GoldSet, read_gold_set
from mdsum.judges import MIN_DEFAULT_KAPPA, JudgeCatalogue, build_judge
from mdsum.judges.base import Judge
from mdsum.located import load_located
from mdsum.model import Fact, Summary, SummarySentence
from mdsum.resources import shipped_path


@dataclass(frozen=True)
class Scored:
    """One gold decision: a judge's score for a fact in a gold summary, and the person's label."""

    summary_id: str
    fact_id: str
    score: float
    label: bool


@dataclass(frozen=True)
class Agreement:
    accuracy: float
    precision: float
    recall: float
    kappa: float
    n: int


@dataclass(frozen=True)
class Calibration:
    """A judge's agreement at its configured threshold, and with a leave-one-summary-out fitted threshold."""

    judge: str
    configured_threshold: float
    configured: Agreement
    fitted_threshold: float  # fitted on all gold summaries: the value to configure
    held_out: Agreement  # leave-one-summary-out: the honest estimate, which picks the default

    def as_config(self, gold: str) -> dict:
        """The ``calibration`` block of ``configs/judges.yaml``."""
        return {
            "gold": gold,
            "method": "threshold maximising Cohen's kappa; agreement measured leave-one-summary-out",
            "kappa": round(self.held_out.kappa, 3),
            "accuracy": round(self.held_out.accuracy, 3),
            "precision": round(self.held_out.precision, 3),
            "recall": round(self.held_out.recall, 3),
            "decisions": self.held_out.n,
        }


def agreement(labels: Sequence[bool], predictions: Sequence[bool]) -> Agreement:
    """Accuracy, precision, recall (covered = positive) and Cohen's kappa; kappa 0 when undefined."""
    kappa = cohen_kappa_score(labels, predictions) if len(set(labels) | set(predictions)) > 1 else 0.0
    return Agreement(
        accuracy=float(accuracy_score(labels, predictions)),
        precision=float(precision_score(labels, predictions, zero_division=0)),
        recall=float(recall_score(labels, predictions, zero_division=0)),
        kappa=0.0 if math.isnan(kappa) else float(kappa),
        n=len(labels),
    )


def fit_threshold(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The threshold with the best kappa (then accuracy); candidates lie midway between observed scores."""
    values = np.unique(np.asarray(scores, dtype=float))
    candidates = np.concatenate(([values[0]], (values[:-1] + values[1:]) / 2, [np.nextafter(values[-1], 2.0)]))

    def quality(threshold: float) -> tuple[float, float]:
        found = agreement(labels, [score >= threshold for score in scores])
        return found.kappa, found.accuracy

    return float(max(candidates, key=quality))  # max keeps the first (lowest) of equals: deterministic


def held_out_predictions(rows: Sequence[Scored]) -> list[bool]:
    """Each summary's decisions with a threshold fitted on the other summaries only."""
    thresholds = {}
    for held_out in dict.fromkeys(row.summary_id for row in rows):
        others = [row for row in rows if row.summary_id != held_out]
        thresholds[held_out] = fit_threshold([o.score for o in others], [o.label for o in others])
    return [row.score >= thresholds[row.summary_id] for row in rows]


def calibrate(judge: Judge, rows: Sequence[Scored]) -> Calibration:
    labels = [row.label for row in rows]
    scores = [row.score for row in rows]
    return Calibration(
        judge=judge.name,
        configured_threshold=judge.threshold,
        configured=agreement(labels, [score >= judge.threshold for score in scores]),
        fitted_threshold=round(fit_threshold(scores, labels), 4),
        held_out=agreement(labels, held_out_predictions(rows)),
    )


def gold_summary(summary_id: str, cluster_id: str, text: str, split: Callable[[str], Sequence[str]]) -> Summary:
    """A hand-written gold text as a `Summary`, split into sentences as the summarisers' are."""
    return Summary(
        cluster_id, tuple(SummarySentence(sentence) for sentence in split(text)), summariser=f"gold:{summary_id}"
    )


def score_gold(judge: Judge, gold_set, score: Callable[[Judge, Summary, Fact], float] | None = None) -> list[Scored]:
    """The judge's score for every (gold summary, checklist fact) with the person's label."""
    from mdsum.text.split import split_sentences

    score = score or (lambda j, summary, fact: j.match(summary, fact).score)
    rows = []
    for gold in gold_set.summaries:
        summary = gold_summary(gold.id, gold_set.cluster, gold.text, split_sentences)
        for fact in gold_set.checklist.facts:
            rows.append(Scored(gold.id, fact.id, score(judge, summary, fact), bool(gold.labels[fact.id])))
    return rows


def trusted_best(agreements: Mapping[str, tuple[float, float]]) -> str | None:
    """The one ranking of judges, by (kappa, accuracy) then name: the first, if it reaches MIN_DEFAULT_KAPPA."""
    ranked = sorted(agreements, key=lambda name: (-agreements[name][0], -agreements[name][1], name))
    return ranked[0] if ranked and agreements[ranked[0]][0] >= MIN_DEFAULT_KAPPA else None


def best_judge(calibrations: Sequence[Calibration]) -> Calibration | None:
    """The judge of this run with the best held-out agreement, if it reaches MIN_DEFAULT_KAPPA; else None."""
    by_name = {c.judge: c for c in calibrations}
    best = trusted_best({name: (c.held_out.kappa, c.held_out.accuracy) for name, c in by_name.items()})
    return None if best is None else by_name[best]


def calibration_table(calibrations: Sequence[Calibration], skipped: Mapping[str, str] = {}) -> str:
    """Markdown: configured-threshold and held-out agreement per judge, best kappa first."""
    lines = [
        "| judge | threshold (configured) | acc | prec | rec | kappa | fitted threshold | LOSO acc | LOSO prec | LOSO rec | LOSO kappa |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in sorted(calibrations, key=lambda c: -c.held_out.kappa):
        a, h = c.configured, c.held_out
        lines.append(
            f"| {c.judge} | {c.configured_threshold:.3f} | {a.accuracy:.3f} | {a.precision:.3f} | {a.recall:.3f} | "
            f"{a.kappa:.3f} | {c.fitted_threshold:.3f} | {h.accuracy:.3f} | {h.precision:.3f} | {h.recall:.3f} | {h.kappa:.3f} |"
        )
    lines += [f"| {name} | skipped: {reason} |" + " |" * 9 for name, reason in skipped.items()]
    return "\n".join(lines) + "\n"


_CATALOGUE_HEADER = """\
# Named judge configurations: `judges:` in eval/configs/*.yaml, `mdsum eval calibrate`.
# Each entry picks a kind (src/mdsum/judges/<kind>.py) and sets its parameters; thresholds and
# `calibration` are written by `mdsum eval calibrate --write` (threshold maximising Cohen's kappa on the
# gold labels; the agreement recorded is leave-one-summary-out, so it is not flattered by the fit).
# The default is the judge with the best kappa, and never one below 0.6 (then `default: null`).
"""


def write_calibration(path, calibrations: Sequence[Calibration], gold: str) -> str | None:
    """Record fitted thresholds and agreement in the judge catalogue file, and make the judge with the
    best recorded kappa (this run's or an earlier one's) the default, if it reaches MIN_DEFAULT_KAPPA.

    Returns the default judge's name (None when no judge is trusted).
    """
    import yaml

    data = load_located(path).data
    for calibration in calibrations:
        entry = data["judges"][calibration.judge]
        entry["params"] = {**(entry.get("params") or {}), "threshold": calibration.fitted_threshold}
        entry["calibration"] = calibration.as_config(gold)
    recorded = {name: entry.get("calibration") or {} for name, entry in data["judges"].items()}
    data["default"] = trusted_best(
        {
            name: (float(found["kappa"]), float(found.get("accuracy", 0.0)))
            for name, found in recorded.items()
            if found.get("kappa") is not None
        }
    )
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_CATALOGUE_HEADER + text)
    return data["default"]


@dataclass(frozen=True)
class CalibrationRun:
    """What `run_calibration` measured, and the judge catalogue as it stands afterwards."""

    gold_path: Path
    gold: GoldSet
    calibrations: tuple[Calibration, ...]
    skipped: Mapping[str, str]  # judge -> why it cannot run here
    best: Calibration | None  # of this run, if trusted
    catalogue: JudgeCatalogue  # re-read from its file when this run wrote it
    written: bool

    @property
    def decisions(self) -> int:
        return len(self.gold.summaries) * len(self.gold.checklist.facts)


def run_calibration(
    gold_path: str | Path | None = None,
    judges: Sequence[str] | None = None,
    cache_dir: str | Path = "runs/calibration/cache",
    write: bool = False,
    catalogue: JudgeCatalogue | None = None,
) -> CalibrationRun:
    """Calibrate ``judges`` (default: every one of ``catalogue``, itself by default the shipped file) on a gold
    set (default: ``eval/gold/seeds.yaml``), scores cached by content; ``write`` records the fitted thresholds,
    the agreement and the default judge in the catalogue's file."""
    gold_path = Path(gold_path) if gold_path else shipped_path("eval", "gold", "seeds.yaml")
    gold_set = read_gold_set(gold_path)
    catalogue = catalogue if catalogue is not None else JudgeCatalogue.read()
    cache = ResultCache(cache_dir)

    def cached_score(judge: Judge, summary: Summary, fact) -> float:
        scoring = {name: value for name, value in judge.config.items() if name != "threshold"}  # scores ignore it
        key = content_key("score", judge.name, scoring, summary.sentences, fact)
        return cache.get_or_compute("score", key, lambda: judge.match(summary, fact).score)

    calibrations, skipped = [], {}
    for name in judges or catalogue.names():
        judge = build_judge(name, catalogue)
        reason = judge.unavailable_reason()
        if reason:
            skipped[name] = reason
        else:
            calibrations.append(calibrate(judge, score_gold(judge, gold_set, cached_score)))
    if write:
        if catalogue.path is None:
            raise ValueError("a judge catalogue built in code has no file to write the calibration to")
        write_calibration(catalogue.path, calibrations, _as_recorded(gold_path))
        catalogue = JudgeCatalogue.read(catalogue.path)
    return CalibrationRun(gold_path, gold_set, tuple(calibrations), skipped, best_judge(calibrations), catalogue, write)


def _as_recorded(gold_path: Path) -> str:
    """The gold file as judges.yaml records it: relative to the project (``eval/gold/seeds.yaml``) when inside it."""
    project = shipped_path("eval").parent
    resolved = gold_path.resolve()
    return str(resolved.relative_to(project) if resolved.is_relative_to(project) else resolved)
