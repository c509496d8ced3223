"""Fitting an ensemble judge: logistic regression (scikit-learn) over its members' scores.

The weights are learnt from the same hand labels as the thresholds, so the fit is judged the same
honest way: each calibration summary is predicted by a model, and a threshold, fitted on the other
summaries only. The weights written to the judge catalogue are then fitted on the whole calibration
part; the held-out part of the gold never sees them fitted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from mdsum.errors import ConfigError
from mdsum.evaluation.calibrate import Agreement, Scored, agreement, fit_threshold


@dataclass(frozen=True)
class FittedEnsemble:
    """Logistic weights per member (in the members' order) and the intercept, with their leave-one-summary-out
    agreement."""

    weights: Mapping[str, float]
    intercept: float
    cross_validated: Agreement

    def params(self) -> dict:
        """The ensemble judge's parameters as ``configs/judges.yaml`` holds them."""
        return {
            "members": list(self.weights),
            "weights": [round(weight, 4) for weight in self.weights.values()],
            "intercept": round(self.intercept, 4),
            "mode": "logistic",
        }


def member_features(scores: Mapping[str, Sequence[Scored]]) -> tuple[np.ndarray, list[Scored]]:
    """One row per gold decision, one column per member's score; the decisions in the first member's order."""
    members = list(scores)
    by_member = {member: {(row.summary_id, row.fact_id): row.score for row in scores[member]} for member in members}
    decisions = list(scores[members[0]])
    features = np.array([[by_member[m][(row.summary_id, row.fact_id)] for m in members] for row in decisions])
    return features, decisions


def fit_logistic(features: np.ndarray, labels: Sequence[bool]) -> tuple[tuple[float, ...], float]:
    """Weights and intercept of a logistic regression of the labels on the features."""
    if len(set(labels)) < 2:
        raise ConfigError("fitting an ensemble needs gold decisions labelled both covered and not covered")
    model = LogisticRegression().fit(features, np.asarray(labels, dtype=int))
    return tuple(float(weight) for weight in model.coef_[0]), float(model.intercept_[0])


def probabilities(features: np.ndarray, weights: Sequence[float], intercept: float) -> np.ndarray:
    """What the ensemble judge scores with these weights (its ``logistic`` mode)."""
    return 1.0 / (1.0 + np.exp(-(intercept + features @ np.asarray(weights))))


def fit_ensemble(scores: Mapping[str, Sequence[Scored]]) -> FittedEnsemble:
    """Fit on the members' scores of the calibration decisions; agreement measured leave-one-summary-out."""
    features, decisions = member_features(scores)
    labels = np.array([row.label for row in decisions])
    summaries = np.array([row.summary_id for row in decisions])
    predictions = np.zeros(len(decisions), dtype=bool)
    for left_out in dict.fromkeys(summaries):
        train = summaries != left_out
        weights, intercept = fit_logistic(features[train], list(labels[train]))
        threshold = fit_threshold(list(probabilities(features[train], weights, intercept)), list(labels[train]))
        predictions[~train] = probabilities(features[~train], weights, intercept) >= threshold
    weights, intercept = fit_logistic(features, list(labels))
    return FittedEnsemble(
        dict(zip(scores, weights, strict=True)), intercept, agreement(list(labels), list(predictions))
    )
