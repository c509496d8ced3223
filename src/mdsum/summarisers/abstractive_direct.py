"""Direct abstractive summarisation of all documents at once (PEGASUS, PRIMERA style).

Every document gets an equal share of the input budget (``input_tokens / n_docs``), so
no article is lost to a cut at the end of the concatenation; the shares are joined with
the model's document separator (PRIMERA's ``<doc-sep>``) or, for chat models, listed with
their dates in the fusion prompt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mdsum.model import Cluster, Document
from mdsum.summarisers.model_summariser import ModelSummariser, Reading, dated


@dataclass(frozen=True)
class DirectAbstractiveSummariser(ModelSummariser):
    algorithm = "abstractive-direct"

    def _read(self, cluster: Cluster, documents: Sequence[Document], words: int, loaded: Any) -> Reading:
        share = max(1, self.input_tokens // len(documents))
        items = [(dated(d), loaded.truncate(" ".join(d.sentences), share)) for d in documents]
        return Reading(items, f"read the first {share} tokens of each of {len(documents)} documents")
