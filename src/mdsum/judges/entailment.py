"""Entailment judge: does the summary entail the checklist fact? (MiniCheck-style, `mdsum.entailment`)

The summary's sentences are the document and the fact is the claim, so a fact stated across
two sentences is still found, while a negated, reversed or mis-attributed one is not, which
word overlap cannot tell apart. Every fact is asked against the same summary, whose key/value
cache is computed once.
"""

from __future__ import annotations

from dataclasses import dataclass

from mdsum.entailment import EntailmentScorer, best_supporting
from mdsum.judges.base import ChatJudge, Match


@dataclass(frozen=True)
class EntailmentJudge(ChatJudge):
    """P(Yes) that the summary supports the fact, by a chat model of ``configs/models.yaml`` (or a local directory)."""

    kind = "entailment"

    def _match(self, summary, fact) -> Match:
        sentences = [sentence.text for sentence in summary.sentences]
        score = EntailmentScorer(self.model).score(sentences, fact.statement)
        return Match(score, best_supporting(sentences, fact.statement))
