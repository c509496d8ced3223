"""Fitting an ensemble's logistic weights on its members' scores: a case with a known answer."""

from __future__ import annotations

import numpy as np
import pytest

from mdsum.errors import ConfigError
from mdsum.evaluation.calibrate import Scored
from mdsum.evaluation.ensemble_fit import fit_ensemble, probabilities


def member_rows(scores, labels, summaries=8):
    """Gold decisions spread over ``summaries`` summaries, with one member's ``scores``."""
    per_summary = len(labels) // summaries
    return [
        Scored(f"s{index // per_summary}", f"F{index % per_summary:02d}", float(score), bool(label))
        for index, (score, label) in enumerate(zip(scores, labels, strict=True))
    ]


@pytest.fixture
def informative_and_noise():
    """One member scores covered facts high and the rest low (with a little noise); the other is pure noise."""
    rng = np.random.default_rng(0)
    labels = rng.random(320) < 0.4
    informative = np.clip(np.where(labels, 0.75, 0.25) + rng.normal(0, 0.08, labels.size), 0, 1)
    noise = rng.random(labels.size)
    return {"informative": member_rows(informative, labels), "noise": member_rows(noise, labels)}, labels


def test_the_informative_member_gets_the_weight(informative_and_noise):
    scores, _ = informative_and_noise
    fitted = fit_ensemble(scores)
    assert list(fitted.weights) == ["informative", "noise"]
    informative, noise = fitted.weights.values()
    assert informative > 3.0 and abs(noise) < informative / 5


def test_the_fit_recovers_the_separation(informative_and_noise):
    scores, labels = informative_and_noise
    fitted = fit_ensemble(scores)
    assert fitted.cross_validated.kappa > 0.95  # each summary predicted by weights fitted without it
    features = np.array([[row.score for row in scores["informative"]], [row.score for row in scores["noise"]]]).T
    covered = probabilities(features, list(fitted.weights.values()), fitted.intercept)
    assert covered[labels].min() > covered[~labels].max() - 0.2
    assert fitted.params()["mode"] == "logistic" and len(fitted.params()["weights"]) == 2


def test_one_kind_of_label_cannot_be_fitted():
    rows = member_rows([0.2, 0.8] * 8, [True] * 16)
    with pytest.raises(ConfigError, match="both covered and not covered"):
        fit_ensemble({"only": rows})
