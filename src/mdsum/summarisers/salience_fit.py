"""Fitting the learned salience model: features and ROUGE targets from clusters with references, trees out.

The target of a sentence is its ROUGE precision against a human summary: the share of its
bigrams (ROUGE-2) and words (ROUGE-1) that the summary also uses. Under a word budget that
is what a sentence is worth per word, and a summary's F-score rises by adding a sentence
only while the sentence's precision beats about half the F-score so far, so the `learned`
summariser can also tell when to stop. The fitted scikit-learn model is exported to the plain JSON that
`salience.TreeEnsemble` reads; `benchmarks/fit_salience.py` drives this on Multi-News.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from threadpoolctl import threadpool_limits

from mdsum.model import Cluster
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.salience import FORMAT
from mdsum.summarisers.salience_features import FEATURES, sentence_features
from mdsum.text.tokens import stems

BIGRAM_WEIGHT = 0.5  # the target is (1 - w) * ROUGE-1 precision + w * ROUGE-2 precision


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _precision(sentence: Counter, reference: Counter) -> float:
    total = sum(sentence.values())
    return sum((sentence & reference).values()) / total if total else 0.0


def sentence_targets(pool: SentencePool, references: Sequence[str], bigram_weight: float = BIGRAM_WEIGHT) -> np.ndarray:
    """Each candidate's ROUGE-1/ROUGE-2 precision mix against the references (their mean)."""
    tokenised = [stems(reference) for reference in references]
    wanted = [(_ngrams(tokens, 1), _ngrams(tokens, 2)) for tokens in tokenised]
    targets = []
    for text in pool.texts:
        tokens = stems(text)
        unigrams, bigrams = _ngrams(tokens, 1), _ngrams(tokens, 2)
        targets.append(
            np.mean(
                [
                    (1 - bigram_weight) * _precision(unigrams, ones) + bigram_weight * _precision(bigrams, twos)
                    for ones, twos in wanted
                ]
            )
        )
    return np.array(targets, dtype=float)


def training_rows(
    clusters: Iterable[Cluster], min_words: int, bigram_weight: float = BIGRAM_WEIGHT
) -> tuple[np.ndarray, np.ndarray]:
    """Features and targets of every candidate sentence of clusters that have references."""
    features, targets = [], []
    for cluster in clusters:
        if not cluster.references:
            continue
        pool = SentencePool.from_cluster(cluster, min_words)
        features.append(sentence_features(pool))
        targets.append(sentence_targets(pool, cluster.references, bigram_weight))
    if not features:
        raise ValueError("no cluster with a reference summary to fit on")
    return np.vstack(features), np.concatenate(targets)


def fit_trees(features: np.ndarray, targets: np.ndarray, seed: int, **params: Any) -> HistGradientBoostingRegressor:
    """Gradient-boosted regression trees, deterministic for a given seed (no early stopping).

    On one OpenMP thread: tens of thousands of rows fit in seconds, while a thread per core
    on a machine whose cores are busy waits on them for minutes.
    """
    settings = {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40, **params}
    model = HistGradientBoostingRegressor(early_stopping=False, random_state=seed, **settings)
    with threadpool_limits(limits=1, user_api="openmp"):
        return model.fit(features, targets)


def export_trees(model: HistGradientBoostingRegressor, about: dict[str, Any]) -> dict[str, Any]:
    """The fitted trees as the JSON `salience.TreeEnsemble.from_json` reads.

    scikit-learn keeps the trees of a fitted model in ``_predictors`` (one `TreePredictor`
    per iteration) and the starting score in ``_baseline_prediction``; their node arrays
    are all a prediction needs. Leaf values already include the learning rate.
    """
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": np.where(leaf, -1, nodes["feature_idx"].astype(np.int64)).tolist(),
                "threshold": np.where(leaf, 0.0, nodes["num_threshold"]).tolist(),
                "left": np.where(leaf, -1, nodes["left"].astype(np.int64)).tolist(),
                "right": np.where(leaf, -1, nodes["right"].astype(np.int64)).tolist(),
                "value": nodes["value"].tolist(),
            }
        )
    baseline = float(np.asarray(model._baseline_prediction).ravel()[0])
    return {"format": FORMAT, "features": list(FEATURES), "baseline": baseline, "trees": trees, "about": about}
