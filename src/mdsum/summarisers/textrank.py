"""TextRank (Mihalcea & Tarau 2004): PageRank on a graph weighted by normalised word overlap."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from mdsum.summarisers.extractive import ExtractiveSummariser, Objective, pagerank
from mdsum.summarisers.pool import SentencePool
from mdsum.text.tokens import content_stems


def overlap_similarity(texts: list[str]) -> np.ndarray:
    """|shared words| / (log|S_i| + log|S_j|), TextRank's similarity, which does not favour long sentences.

    Lengths count content words, plus one so that one-word sentences do not divide by zero.
    """
    try:
        present = CountVectorizer(analyzer=content_stems, binary=True).fit_transform(texts)
    except ValueError:  # no content word anywhere: a graph without edges
        return np.zeros((len(texts), len(texts)))
    shared = (present @ present.T).toarray().astype(float)
    log_length = np.log(np.asarray(present.sum(axis=1), dtype=float).ravel() + 1)
    similarity = np.divide(
        shared, log_length[:, None] + log_length[None, :], out=np.zeros_like(shared), where=shared > 0
    )
    np.fill_diagonal(similarity, 0.0)
    return similarity


@dataclass(frozen=True)
class TextRankSummariser(ExtractiveSummariser):
    """Weighted PageRank over sentences: a sentence sharing words with many others is central."""

    algorithm = "textrank"
    damping: float = 0.85

    def _objective(self, pool: SentencePool) -> Objective:
        return Objective.ranking(pagerank(overlap_similarity(pool.texts), self.damping))
