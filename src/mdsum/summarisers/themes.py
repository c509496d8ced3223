"""Themes: one self-contained source sentence per planned theme, in time order (`mdsum.planning`).

Where the other extractive summarisers rank sentences, this one ranks content: a fact stated
by four articles is one theme of weight four, told once, by its shortest sentence that can
stand alone. Relative days are written out, a later report's development comes last under
its date, and each summary sentence cites every sentence of its theme, one per document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from mdsum.errors import ConfigError
from mdsum.limits import Deadline
from mdsum.model import Cluster, SourceRef, SummarySentence
from mdsum.planning.select import Plan, PlannedTheme, make_plans
from mdsum.planning.themes import VECTORS
from mdsum.summarisers.base import Draft, Summariser


def cited(cluster: Cluster, item: PlannedTheme) -> tuple[SourceRef, ...]:
    """The theme's sentences as provenance: the one stated first, then the closest of each other document."""
    documents = cluster.documents
    return tuple(
        SourceRef(documents[statement.document].id, statement.sentence, score) for statement, score in item.sources
    )


@dataclass(frozen=True)
class ThemesSummariser(Summariser):
    """Extractive summary of the content plan.

    ``vectors``: "embeddings" (MiniLM) or "tfidf" for grouping; ``threshold``: similarity from
    which two sentences state one theme; ``redundancy``: from which two chosen sentences say
    the same; ``novelty``: how much similarity to the chosen discounts a theme's weight.
    """

    algorithm = "themes"
    version: ClassVar[int] = 54  # bumped whenever the same cluster can get a different plan
    vectors: str = "embeddings"
    min_words: int = 6
    threshold: float = 0.5
    redundancy: float = 0.5
    novelty: float = 0.0

    def __post_init__(self) -> None:
        if self.vectors not in VECTORS:
            raise ConfigError(f"themes: vectors must be one of {', '.join(VECTORS)}, got {self.vectors!r}")

    def plan(self, cluster: Cluster, words: int) -> Plan:
        """The content plan this summariser states, for summarisers that rewrite it."""
        [plan] = self.plans(cluster, words)
        return plan

    def plans(self, cluster: Cluster, *budgets: int) -> tuple[Plan, ...]:
        """The content plan for each word budget, the cluster's themes found once."""
        return make_plans(
            cluster,
            budgets,
            vectors=self.vectors,
            min_words=self.min_words,
            threshold=self.threshold,
            redundancy=self.redundancy,
            novelty=self.novelty,
        )

    def _summarise(self, cluster: Cluster, words: int) -> Draft:
        deadline = Deadline(cluster.id)
        plan = self.plan(cluster, words)
        deadline.check()
        sentences = [SummarySentence(item.text, cited(cluster, item)) for item in plan.items]
        return Draft(sentences, plan.notes)
