"""Judge calibration against hand labels: agreement (scikit-learn) and a threshold fitted honestly.

Every judge gives a threshold-free score per (summary, fact). The gold has a calibration part, on
which thresholds (and an ensemble's weights) are fitted, and a held-out part that no fit ever sees:
agreement there picks the default judge. Within the calibration part, agreement is also measured
leave-one-summary-out (each summary predicted with a threshold fitted on the others), the only honest
figure when a gold file has no held-out part. Facts a summary misstates on purpose (its ``traps``)
are counted apart: a judge that calls them covered is fooled by a negation or a swapped actor.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from sklearn.metrics import accuracy_score, cohen_kappa_score, precision_score, recall_score

from mdsum.errors import ConfigError
from mdsum.evaluation.gold import TRAP_KINDS
from mdsum.judges import MIN_DEFAULT_KAPPA
from mdsum.judges.base import Judge


@dataclass(frozen=True)
class Scored:
    """One gold decision: a judge's score for a fact in a gold summary, and the person's label."""

    summary_id: str
    fact_id: str
    score: float
    label: bool
    held_out: bool = False  # the summary is in the held-out part of the gold
    trap: str | None = None  # how the summary misstates the fact on purpose (one of TRAP_KINDS)
    seconds: float = 0.0  # what scoring it took, when it was computed


@dataclass(frozen=True)
class Agreement:
    accuracy: float
    precision: float
    recall: float
    kappa: float
    n: int


class TrapCount(NamedTuple):
    """Of ``traps`` facts misstated on purpose, how many the judge called covered."""

    false_covered: int
    traps: int


@dataclass(frozen=True)
class Calibration:
    """A judge's agreement on both parts of the gold, at its configured threshold and at the one fitted here."""

    judge: str
    configured_threshold: float
    configured: Agreement  # calibration part, configured threshold
    fitted_threshold: float  # fitted on the calibration part: the value to configure
    cross_validated: Agreement  # calibration part, leave-one-summary-out
    held_out_configured: Agreement | None = None  # held-out part (None without one), configured threshold
    held_out: Agreement | None = None  # held-out part, fitted threshold
    traps: Mapping[str, TrapCount] = field(default_factory=dict)  # trap kind -> count, whole gold, configured
    held_out_traps: Mapping[str, TrapCount] = field(default_factory=dict)  # the same on the held-out part
    seconds_per_summary: float = 0.0

    @property
    def trusted(self) -> Agreement:
        """The agreement that ranks judges: on the held-out part when the gold has one."""
        return self.held_out if self.held_out is not None else self.cross_validated

    def as_config(self, gold: str) -> dict:
        """The ``calibration`` block of ``configs/judges.yaml``."""
        trusted = self.trusted
        where = "the held-out part" if self.held_out is not None else "the calibration part, leave-one-summary-out"
        return {
            "gold": gold,
            "method": f"threshold maximising Cohen's kappa on the calibration part; agreement on {where}",
            "kappa": round(trusted.kappa, 3),
            "accuracy": round(trusted.accuracy, 3),
            "precision": round(trusted.precision, 3),
            "recall": round(trusted.recall, 3),
            "decisions": trusted.n,
            "cross_validated_kappa": round(self.cross_validated.kappa, 3),
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
    observed_scores = np.asarray(scores, dtype=float)
    values = np.unique(observed_scores)
    candidates = np.concatenate(([values[0]], (values[:-1] + values[1:]) / 2, [np.nextafter(values[-1], 2.0)]))
    # Every candidate at once (the leave-one-summary-out fits try hundreds): Cohen's kappa from the confusion
    # counts, as `agreement` computes it with scikit-learn, 0 where it is undefined.
    covered = np.asarray(labels, dtype=bool)
    predicted = observed_scores[None, :] >= candidates[:, None]
    n = covered.size
    true_pos, false_pos = (predicted & covered).sum(axis=1), (predicted & ~covered).sum(axis=1)
    false_neg = covered.sum() - true_pos
    true_neg = n - true_pos - false_pos - false_neg
    accuracy = (true_pos + true_neg) / n
    chance = ((true_pos + false_pos) * (true_pos + false_neg) + (false_neg + true_neg) * (false_pos + true_neg)) / n**2
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = np.where(chance < 1, (accuracy - chance) / (1 - chance), 0.0)
    # The best kappa, then accuracy; of equals the first (lowest) threshold, so the fit is deterministic.
    best = np.lexsort((-accuracy.round(12), -kappa.round(12)))[0]
    return float(candidates[best])


def held_out_predictions(rows: Sequence[Scored]) -> list[bool]:
    """Each summary's decisions with a threshold fitted on the other summaries only."""
    thresholds = {}
    for held_out in dict.fromkeys(row.summary_id for row in rows):
        others = [row for row in rows if row.summary_id != held_out]
        thresholds[held_out] = fit_threshold([o.score for o in others], [o.label for o in others])
    return [row.score >= thresholds[row.summary_id] for row in rows]


def _agreement_at(rows: Sequence[Scored], threshold: float) -> Agreement | None:
    return agreement([row.label for row in rows], [row.score >= threshold for row in rows]) if rows else None


def trap_counts(rows: Sequence[Scored], threshold: float) -> dict[str, TrapCount]:
    """Per kind of trap, how many misstated facts score as covered at ``threshold``."""
    return {
        kind: TrapCount(sum(row.score >= threshold for row in trapped), len(trapped))
        for kind in TRAP_KINDS
        if (trapped := [row for row in rows if row.trap == kind])
    }


def calibrate(judge: Judge, rows: Sequence[Scored]) -> Calibration:
    """Fit the threshold on the calibration part of ``rows``; measure on both parts."""
    fitting = [row for row in rows if not row.held_out]
    held_out = [row for row in rows if row.held_out]
    if len({row.summary_id for row in fitting}) < 2:
        raise ConfigError("calibration needs at least two gold summaries outside the held-out part")
    fitted = round(fit_threshold([row.score for row in fitting], [row.label for row in fitting]), 4)
    configured = _agreement_at(fitting, judge.threshold)
    assert configured is not None
    summaries = len({row.summary_id for row in rows})
    return Calibration(
        judge=judge.name,
        configured_threshold=judge.threshold,
        configured=configured,
        fitted_threshold=fitted,
        cross_validated=agreement([row.label for row in fitting], held_out_predictions(fitting)),
        held_out_configured=_agreement_at(held_out, judge.threshold),
        held_out=_agreement_at(held_out, fitted),
        traps=trap_counts(rows, judge.threshold),
        held_out_traps=trap_counts(held_out, judge.threshold),
        seconds_per_summary=sum(row.seconds for row in rows) / summaries,
    )


def trusted_best(agreements: Mapping[str, tuple[float, float]]) -> str | None:
    """The one ranking of judges, by (kappa, accuracy) then name: the first, if it reaches MIN_DEFAULT_KAPPA."""
    ranked = sorted(agreements, key=lambda name: (-agreements[name][0], -agreements[name][1], name))
    return ranked[0] if ranked and agreements[ranked[0]][0] >= MIN_DEFAULT_KAPPA else None


def best_judge(calibrations: Sequence[Calibration]) -> Calibration | None:
    """The judge of this run with the best trusted agreement, if it reaches MIN_DEFAULT_KAPPA; else None."""
    by_name = {c.judge: c for c in calibrations}
    best = trusted_best({name: (c.trusted.kappa, c.trusted.accuracy) for name, c in by_name.items()})
    return None if best is None else by_name[best]


def _kappa(found: Agreement | None) -> str:
    return "n/a" if found is None else f"{found.kappa:.3f}"


def _traps(calibration: Calibration, kind: str) -> str:
    everywhere = calibration.traps.get(kind)
    if everywhere is None:
        return "n/a"
    held_out = calibration.held_out_traps.get(kind)
    counts = [count for count in (held_out, everywhere) if count is not None]
    return " · ".join(f"{count.false_covered}/{count.traps}" for count in counts)


def calibration_table(calibrations: Sequence[Calibration], skipped: Mapping[str, str] = {}) -> str:
    """Markdown, best trusted kappa first: agreement at the configured threshold on the calibration and held-out
    parts, false "covered" per kind of trap (held-out · whole gold), seconds per summary, and the threshold fitted
    on the calibration part with its leave-one-summary-out and held-out kappa."""
    columns = [
        "judge",
        "threshold",
        "kappa calibration",
        "kappa held-out",
        *(f"false covered: {kind}" for kind in TRAP_KINDS),
        "s / summary",
        "fitted threshold",
        "LOSO kappa",
        "held-out kappa (fitted)",
    ]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for c in sorted(calibrations, key=lambda c: -c.trusted.kappa):
        cells = [
            c.judge,
            f"{c.configured_threshold:.3f}",
            f"{c.configured.kappa:.3f}",
            _kappa(c.held_out_configured),
            *(_traps(c, kind) for kind in TRAP_KINDS),
            f"{c.seconds_per_summary:.2f}",
            f"{c.fitted_threshold:.3f}",
            f"{c.cross_validated.kappa:.3f}",
            _kappa(c.held_out),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [f"| {name} | skipped: {reason} |" + " |" * (len(columns) - 2) for name, reason in skipped.items()]
    return "\n".join(lines) + "\n"
