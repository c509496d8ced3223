"""The one interface every summariser implements, extractive or abstractive.

Like sumy, a summariser is a small configured object that is called on input and
returns its selection; unlike sumy, the input is a whole `Cluster` and the output a
`Summary` that says, sentence by sentence, where each claim comes from.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

from mdsum.catalogue import WIRING, ClassCatalogue
from mdsum.errors import InputError
from mdsum.model import Cluster, Summary, SummarySentence

SINGLE_DOCUMENT_NOTE = "one-document cluster: summarised, but there is nothing to merge"


def nonempty(summary: Summary) -> Summary:
    """``summary``, or an `InputError` saying why it has no sentence: a face that prints nothing and exits 0, or
    shows an empty box, tells its user nothing. (An evaluation keeps an empty summary: it covers nothing.)"""
    if summary.sentences:
        return summary
    reasons = [note for note in summary.notes if note != SINGLE_DOCUMENT_NOTE] or ["no sentence was chosen"]
    raise InputError(f"no summary of cluster '{summary.cluster_id}': {'; '.join(reasons)}")


class Draft(NamedTuple):
    """What an algorithm produces; `Summariser.summarise` wraps it into a `Summary`."""

    sentences: Sequence[SummarySentence]
    notes: Sequence[str] = ()


@dataclass(frozen=True)
class Summariser(ABC):
    """``summarise(cluster, words) -> Summary``; parameters are the dataclass fields.

    Subclasses are frozen dataclasses whose fields (all with defaults) are the
    algorithm's parameters, set from ``configs/summarisers.yaml``.
    """

    algorithm: ClassVar[str]
    version: ClassVar[int] = 1  # bump when the output changes, so the harness does not reuse cached summaries
    name: str = ""  # the configured name ("lexrank", "abstractive-smollm2", ...)
    # The catalogue it was built from, so the summarisers it builds (a selector) come from the same file.
    catalogue: ClassCatalogue[Any] | None = field(default=None, repr=False, compare=False, kw_only=True)

    def summarise(self, cluster: Cluster, words: int) -> Summary:
        """Summarise ``cluster`` in at most ``words`` words."""
        if isinstance(words, bool) or not isinstance(words, int) or words <= 0:
            raise InputError(f"word budget must be a positive integer, got {words!r}")
        if not any(document.sentences for document in cluster.documents):
            raise InputError(f"cluster '{cluster.id}' has no text to summarise")
        draft = self._summarise(cluster, words)
        notes = tuple(draft.notes)
        if len(cluster.documents) == 1:
            notes = (SINGLE_DOCUMENT_NOTE, *notes)
        return Summary(
            cluster_id=cluster.id,
            sentences=tuple(draft.sentences),
            summariser=self.name or self.algorithm,
            config=self.config,
            notes=notes,
        )

    __call__ = summarise

    @property
    def versions(self) -> tuple[int | str, ...]:
        """Its `version`, and those of the summarisers and files it is made of: what a cached summary must match."""
        return (self.version,)

    @property
    def config(self) -> dict[str, Any]:
        """The algorithm and its parameters, recorded in every `Summary`."""
        params = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name not in WIRING}
        return {"algorithm": self.algorithm, **params}

    @abstractmethod
    def _summarise(self, cluster: Cluster, words: int) -> Draft:
        """The algorithm proper: the budget is positive and the cluster has sentences."""
