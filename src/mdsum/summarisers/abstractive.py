"""Extract-then-fuse (the default abstractive summariser).

A 0.5B model on a 2-core CPU cannot read five articles: prefill cost grows with the
input. So the best extractive selector first picks salient, non-redundant sentences up
to ``input_tokens``; the model then merges them, each tagged with its article's date so
a later report's facts are told as later, into one account within the word budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mdsum.model import Cluster, Document
from mdsum.summarisers.model_summariser import TOKENS_PER_WORD, ModelSummariser, Reading, dated


@dataclass(frozen=True)
class AbstractiveSummariser(ModelSummariser):
    algorithm = "abstractive"

    def _read(self, cluster: Cluster, documents: Sequence[Document], words: int, loaded: Any) -> Reading:
        """(date tag, sentence) picked by the selector within the input budget, oldest report first."""
        from mdsum.summarisers import build_summariser

        extract = build_summariser(self.selector, self.catalogue).summarise(
            cluster, int(self.input_tokens / TOKENS_PER_WORD)
        )
        order = {document.id: position for position, document in enumerate(cluster.documents)}
        picked = []
        for sentence in extract.sentences:
            ref = sentence.sources[0]  # extractive sentences are source sentences
            document = cluster.document(ref.document_id)
            picked.append(
                ((document.date or "", order[document.id], ref.sentence_index), dated(document), sentence.text)
            )
        items, used = [], 0
        for _, tag, text in sorted(picked):
            cost = loaded.count_tokens(f"{tag} {text}\n")
            if used + cost > self.input_tokens:
                break
            items.append((tag, text))
            used += cost
        note = f"fused {len(items)} sentences picked by '{self.selector}' (input budget {self.input_tokens} tokens)"
        return Reading(items, note)
