"""Centroid relevance with maximal marginal relevance (Carbonell & Goldstein 1998) on sentence embeddings."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mdsum import embeddings
from mdsum.errors import ConfigError
from mdsum.summarisers.extractive import ExtractiveSummariser, Objective
from mdsum.summarisers.pool import SentencePool

VECTORS = ("embeddings", "tfidf")
TFIDF_FALLBACK_NOTE = (
    f"{embeddings.PACKAGE} is not installed: centroid-mmr used TF-IDF vectors instead of "
    f"{embeddings.MODEL_NAME} embeddings ({embeddings.INSTALL_HINT})"
)


@dataclass(frozen=True)
class CentroidMMRSummariser(ExtractiveSummariser):
    """Relevance = cosine to the cluster's centroid; each pick trades it against similarity to the picks.

    gain(s) = ``diversity_tradeoff`` * relevance(s) - (1 - ``diversity_tradeoff``) * max similarity to
    the chosen sentences. The centroid of all sentences is what the cluster is mostly about;
    the penalty keeps a second article's version of the same fact out.
    """

    algorithm = "centroid-mmr"
    diversity_tradeoff: float = 0.5
    vectors: str = "embeddings"  # or "tfidf"

    def __post_init__(self) -> None:
        if self.vectors not in VECTORS:
            raise ConfigError(f"centroid-mmr: vectors must be one of {', '.join(VECTORS)}, got {self.vectors!r}")

    def _objective(self, pool: SentencePool) -> Objective:
        vectors, notes = self._vectors(pool)
        centroid = vectors.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
        relevance = vectors @ centroid
        similarity = vectors @ vectors.T
        tradeoff = self.diversity_tradeoff

        def gains(chosen: Sequence[int]) -> np.ndarray:
            if not chosen:
                return tradeoff * relevance
            return tradeoff * relevance - (1 - tradeoff) * similarity[:, chosen].max(axis=1)

        return Objective(gains, notes)

    def _vectors(self, pool: SentencePool) -> tuple[np.ndarray, tuple[str, ...]]:
        if self.vectors == "embeddings" and embeddings.embeddings_available():
            return embeddings.embed(pool.texts).astype(float), ()
        if self.vectors == "embeddings":
            warnings.warn(TFIDF_FALLBACK_NOTE, stacklevel=4)
            return pool.tfidf.toarray(), (TFIDF_FALLBACK_NOTE,)
        return pool.tfidf.toarray(), ()
