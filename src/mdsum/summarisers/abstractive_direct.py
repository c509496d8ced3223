"""Direct abstractive summarisation of all documents at once (PEGASUS, PRIMERA style).

Every document gets an equal share of the input budget (``input_tokens / n_docs``), so
no article is lost to a cut at the end of the concatenation; the shares are joined with
the model's document separator (PRIMERA's ``<doc-sep>``) or, for chat models, listed with
their dates in the fusion prompt.
"""

from __future__ import annotations

from dataclasses import dataclass

from mdsum.summarisers.model_summariser import ModelSummariser, dated
from mdsum.model import Cluster
from mdsum.summarisers.base import Draft


@dataclass(frozen=True)
class DirectAbstractiveSummariser(ModelSummariser):
    algorithm = "abstractive-direct"

    def _summarise(self, cluster: Cluster, words: int) -> Draft:
        loaded = self._loaded()
        documents = [d for d in cluster.documents if d.sentences]
        share = max(1, self.input_tokens // len(documents))
        items = [(dated(d), loaded.truncate(" ".join(d.sentences), share)) for d in documents]
        prompt, instructions = self._fuse_prompt(loaded, items, words)
        note = f"read the first {share} tokens of each of {len(documents)} documents"
        return self._finish(cluster, words, self._write(loaded, prompt, words), instructions, [note])
