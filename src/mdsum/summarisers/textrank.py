"""TextRank (Mihalcea & Tarau 2004): PageRank on a graph weighted by normalised word overlap."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from mdsum.summarisers.extractive import ExtractiveSummariser, Objective, pagerank
from mdsum.summarisers.pool import SentencePool
from mdsum.text.tokens import content_stems


def overlap_similarity(texts: list[str]) -> csr_matrix:
    """|shared words| / (log|S_i| + log|S_j|), TextRank's similarity, which does not favour long sentences.

    Lengths count content words, plus one so that one-word sentences do not divide by zero.
    Sparse: only pairs that share a word have an edge.
    """
    from sklearn.feature_extraction.text import CountVectorizer  # here: a cached harness run builds, never runs, us

    try:
        present = CountVectorizer(analyzer=content_stems, binary=True).fit_transform(texts)
    except ValueError:  # no content word anywhere: a graph without edges
        return csr_matrix((len(texts), len(texts)))
    shared = (present @ present.T).tocoo()
    log_length = np.log(np.asarray(present.sum(axis=1), dtype=float).ravel() + 1)
    off_diagonal = (shared.row != shared.col) & (shared.data > 0)
    rows, cols = shared.row[off_diagonal], shared.col[off_diagonal]
    weights = shared.data[off_diagonal].astype(float) / (log_length[rows] + log_length[cols])
    return csr_matrix((weights, (rows, cols)), shape=shared.shape)


@dataclass(frozen=True)
class TextRankSummariser(ExtractiveSummariser):
    """Weighted PageRank over sentences: a sentence sharing words with many others is central."""

    algorithm = "textrank"
    damping: float = 0.85

    def _objective(self, pool: SentencePool) -> Objective:
        return Objective.ranking(pagerank(overlap_similarity(pool.texts), self.damping))
