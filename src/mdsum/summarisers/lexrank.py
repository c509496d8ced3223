"""LexRank (Erkan & Radev 2004): the sentences most central in the cluster's similarity graph."""

from __future__ import annotations

from dataclasses import dataclass

from mdsum.summarisers.extractive import ExtractiveSummariser, Objective, pagerank
from mdsum.summarisers.pool import SentencePool


@dataclass(frozen=True)
class LexRankSummariser(ExtractiveSummariser):
    """Eigenvector centrality on the graph joining sentences whose TF-IDF cosine passes ``threshold``.

    A sentence similar to many others states what most articles report.
    ``threshold: 0`` is continuous LexRank: edges weighted by the cosine itself.
    """

    algorithm = "lexrank"
    threshold: float = 0.1
    damping: float = 0.85

    def _objective(self, pool: SentencePool) -> Objective:
        similarity = pool.similarity
        weights = similarity if self.threshold <= 0 else (similarity > self.threshold).astype(float)
        return Objective.ranking(pagerank(weights, self.damping))
