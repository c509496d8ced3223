"""A learned sentence salience score: gradient-boosted trees over `salience_features`, read from a JSON file.

The trees are fitted with scikit-learn (`salience_fit`, `benchmarks/fit_salience.py`) and shipped
as plain JSON under ``configs/salience/``: loading it runs no code, unlike a pickle, and it
reads the same under any scikit-learn version. A ``.sha256`` file beside it (what ``sha256sum``
prints) is checked at load, so a damaged or hand-edited model fails with one clear error
instead of scoring silently wrong. ``configs/salience/MODEL_CARD.md`` says what each model
was fitted on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from mdsum.errors import ModelError
from mdsum.model import Cluster
from mdsum.resources import shipped_path
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.salience_features import FEATURES, sentence_features

FORMAT = "mdsum-salience-trees/1"
DEFAULT_SCORER = "multinews.json"
REFIT_HINT = "refit it with: python benchmarks/fit_salience.py (see configs/salience/MODEL_CARD.md)"


@dataclass(frozen=True)
class TreeEnsemble:
    """Regression trees in flat arrays (a leaf has ``left == -1``); the score is ``baseline`` plus one leaf per tree."""

    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TreeEnsemble:
        if data.get("format") != FORMAT or list(data.get("features", ())) != list(FEATURES):
            raise ModelError(f"salience model: expected format {FORMAT} over the features {', '.join(FEATURES)}")
        trees = data["trees"]
        sizes = np.array([len(tree["value"]) for tree in trees], dtype=int)
        roots = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(int)

        def joined(key: str, dtype: type, shift: bool = False) -> np.ndarray:
            parts: list[np.ndarray] = [np.asarray(tree[key], dtype=dtype) for tree in trees]
            if shift:  # child indices are per tree; offset them into the joined arrays, leaves stay -1
                parts = [np.where(part >= 0, part + root, -1) for part, root in zip(parts, roots, strict=True)]
            return np.concatenate(parts)

        return cls(
            baseline=float(data["baseline"]),
            roots=roots,
            feature=joined("feature", int),
            threshold=joined("threshold", float),
            left=joined("left", int, shift=True),
            right=joined("right", int, shift=True),
            value=joined("value", float),
        )

    def predict(self, features: np.ndarray) -> np.ndarray:
        """One score per row: all trees walked at once, a level per step (rows go left when value <= threshold)."""
        rows = np.arange(len(features))[:, None]
        node = np.broadcast_to(self.roots, (len(features), len(self.roots))).copy()
        while True:
            inner = self.left[node] >= 0
            if not inner.any():
                return self.baseline + self.value[node].sum(axis=1)
            goes_left = features[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(inner, np.where(goes_left, self.left[node], self.right[node]), node)


def write_model(path: Path, ensemble: dict[str, Any]) -> str:
    """Write a model (the JSON form `TreeEnsemble.from_json` reads) and its ``.sha256``; return the digest."""
    text = json.dumps(ensemble, separators=(",", ":"), sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    _digest_path(path).write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    return digest


@cache
def load_model(scorer: str = DEFAULT_SCORER) -> TreeEnsemble:
    """The model ``scorer`` names: a file in ``configs/salience/``, or a path; checked against its ``.sha256``."""
    path = shipped_path("configs", "salience", scorer)
    expected = model_digest(scorer)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ModelError(f"salience model {path} is missing or unreadable ({error}); {REFIT_HINT}") from error
    if hashlib.sha256(data).hexdigest() != expected:
        raise ModelError(
            f"salience model {path} does not match its SHA-256 {expected}: the file is damaged; {REFIT_HINT}"
        )
    try:
        return TreeEnsemble.from_json(json.loads(data))
    except (ValueError, KeyError, TypeError) as error:
        raise ModelError(f"salience model {path} is not a tree model ({error}); {REFIT_HINT}") from error


def model_digest(scorer: str = DEFAULT_SCORER) -> str:
    """The SHA-256 the model ``scorer`` names is checked against: a refitted model under the same name is another
    model, and a summary cached with the old one must not be reused."""
    path = shipped_path("configs", "salience", scorer)
    try:
        return _digest_path(path).read_text(encoding="utf-8").split()[0]
    except (OSError, IndexError) as error:
        raise ModelError(
            f"salience model {path}: its .sha256 is missing or unreadable ({error}); {REFIT_HINT}"
        ) from error


def sentence_salience(source: Cluster | SentencePool, scorer: str = DEFAULT_SCORER, min_words: int = 6) -> np.ndarray:
    """The learned salience of every candidate sentence (higher = more of it belongs in a summary).

    Given a cluster, the scores follow ``SentencePool.from_cluster(cluster, min_words).candidates``.
    The model predicts a sentence's ROUGE precision against a human summary (the share of its words and
    bigrams the summary uses), so scores compare across sentences of any length and across clusters.
    """
    pool = source if isinstance(source, SentencePool) else SentencePool.from_cluster(source, min_words)
    return load_model(scorer).predict(sentence_features(pool))


def _digest_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")
