"""Lead: the first sentences of every document in turn, the baseline news summaries must beat."""

from __future__ import annotations

from dataclasses import dataclass

from mdsum.summarisers.extractive import ExtractiveSummariser, Objective
from mdsum.summarisers.pool import SentencePool


@dataclass(frozen=True)
class LeadSummariser(ExtractiveSummariser):
    """Round-robin over documents: every lead sentence, then every second sentence, and so on.

    News puts the most important facts first, so taking each article's opening in turn
    is the classic strong baseline for multi-document news.
    """

    algorithm = "lead"

    def _objective(self, pool: SentencePool) -> Objective:
        turn = pool.positions * len(pool.cluster.documents) + pool.documents
        return Objective.ranking(-turn)
