"""Judge calibration against hand labels: agreement (scikit-learn) and a threshold fitted honestly.

Every judge gives a threshold-free score per (summary, fact). A threshold fitted on all the
gold labels and scored on them would flatter the judge, so the agreement that decides the
default judge is leave-one-summary-out: each gold summary is predicted with the threshold
fitted on the other summaries, and agreement is measured on those held-out predictions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np
from sklearn.metrics import accuracy_score, cohen_kappa_score, precision_score, recall_score

from mdsum.judges import MIN_DEFAULT_KAPPA
from mdsum.judges.base import Judge
from mdsum.model import Summary, SummarySentence


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
    return Summary(cluster_id, tuple(SummarySentence(sentence) for sentence in split(text)), summariser=f"gold:{summary_id}")


def score_gold(judge: Judge, gold_set, score: Callable[[Judge, Summary, object], float] | None = None) -> list[Scored]:
    """The judge's score for every (gold summary, checklist fact) with the person's label."""
    from mdsum.text.split import split_sentences

    score = score or (lambda j, summary, fact: j.match(summary, fact).score)
    rows = []
    for gold in gold_set.summaries:
        summary = gold_summary(gold.id, gold_set.cluster, gold.text, split_sentences)
        for fact in gold_set.checklist.facts:
            rows.append(Scored(gold.id, fact.id, score(judge, summary, fact), bool(gold.labels[fact.id])))
    return rows


def best_judge(calibrations: Sequence[Calibration]) -> Calibration | None:
    """The judge with the best held-out kappa, if it reaches MIN_DEFAULT_KAPPA; else None."""
    ranked = sorted(calibrations, key=lambda c: (-c.held_out.kappa, -c.held_out.accuracy, c.judge))
    return ranked[0] if ranked and ranked[0].held_out.kappa >= MIN_DEFAULT_KAPPA else None


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

    from mdsum.config import load_yaml

    data = load_yaml(path)
    for calibration in calibrations:
        entry = data["judges"][calibration.judge]
        entry["params"] = {**(entry.get("params") or {}), "threshold": calibration.fitted_threshold}
        entry["calibration"] = calibration.as_config(gold)
    recorded = {
        name: float(entry["calibration"]["kappa"])
        for name, entry in data["judges"].items()
        if (entry.get("calibration") or {}).get("kappa") is not None
    }
    ranked = sorted(recorded, key=lambda name: (-recorded[name], name))
    data["default"] = ranked[0] if ranked and recorded[ranked[0]] >= MIN_DEFAULT_KAPPA else None
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_CATALOGUE_HEADER + text)
    return data["default"]
