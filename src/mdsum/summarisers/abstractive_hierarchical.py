"""Hierarchical abstractive summarisation: summarise each document, then fuse the summaries.

Each article is read in full up to ``input_tokens`` (not a share of it), at the cost of
one generation per document; the fusion step then sees short, dated partial summaries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mdsum.model import Cluster, Document
from mdsum.summarisers.model_summariser import ModelSummariser, Reading, dated
from mdsum.summarisers.postcheck import strip_markup

PARTIAL = "Summarise this news report in at most {words} words of plain prose, using only its facts:\n\n{text}"
MIN_PARTIAL_WORDS = 25


@dataclass(frozen=True)
class HierarchicalAbstractiveSummariser(ModelSummariser):
    algorithm = "abstractive-hierarchical"

    def _read(self, cluster: Cluster, documents: Sequence[Document], words: int, loaded: Any) -> Reading:
        partial_words = max(MIN_PARTIAL_WORDS, words // len(documents))
        items = []
        for document in documents:
            text = loaded.truncate(" ".join(document.sentences), self.input_tokens)
            prompt = text if loaded.spec.family == "seq2seq" else PARTIAL.format(words=partial_words, text=text)
            partial = strip_markup(self._write(loaded, prompt, partial_words))
            if partial:
                items.append((dated(document), partial))
        if not items:
            return Reading((), "the model summarised no document")
        return Reading(items, f"fused {len(items)} per-document summaries of about {partial_words} words")
