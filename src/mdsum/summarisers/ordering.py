"""How chosen sentences are shown: in reading order, with their sources, and with a note
for each later report among them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from mdsum.model import Cluster, SourceRef
from mdsum.planning.timeline import LATER_REPORT_DAYS
from mdsum.summarisers.pool import SentencePool
from mdsum.text.dates import iso_day


def reading_order(cluster: Cluster, pool: SentencePool, chosen: Sequence[int]) -> list[int]:
    """Chosen sentences by document date, then document order, then position in the document.

    Dates keep a later follow-up after the event it follows up. An undated document is
    placed with the earliest dated one: in a cluster about one event, the articles
    that carry no date are most likely reports of the event itself, not the sequel.
    """
    days = [iso_day(document.date) for document in cluster.documents]
    earliest = min((day for day in days if day), default=dt.date.min)

    def key(k: int) -> tuple[dt.date, int, int]:
        candidate = pool.candidates[k]
        return (days[candidate.document] or earliest, candidate.document, candidate.sentence)

    return sorted(chosen, key=key)


def later_reports(cluster: Cluster, chosen_documents: Sequence[int]) -> list[str]:
    """Notes naming the chosen documents dated well after the cluster's median date.

    A follow-up article (a later round announced, a verdict appealed) reports events
    the rest of the cluster does not; its sentences come last, and the note says why.
    """
    days = [iso_day(document.date) for document in cluster.documents]
    dated = sorted(day for day in days if day)
    if len(dated) < 2:
        return []
    median = dated[(len(dated) - 1) // 2]
    notes = []
    for index in sorted(set(chosen_documents)):
        day = days[index]
        lag = (day - median).days if day else 0
        if lag > LATER_REPORT_DAYS:
            document = cluster.documents[index]
            notes.append(
                f"later report: {document.id} is dated {document.date}, {lag} days after most of the cluster "
                f"({median.isoformat()}); its sentences come last"
            )
    return notes


def provenance(pool: SentencePool, k: int, duplicates: csr_matrix) -> tuple[SourceRef, ...]:
    """The sentence itself, then its best near-duplicate in each other document (most similar first)."""
    documents = pool.cluster.documents
    own = pool.candidates[k]
    row = slice(pool.overlap.indptr[k], pool.overlap.indptr[k + 1])
    overlap = np.zeros(len(pool))
    overlap[pool.overlap.indices[row]] = pool.overlap.data[row]
    best: dict[int, int] = {}
    for other in np.sort(duplicates.indices[duplicates.indptr[k] : duplicates.indptr[k + 1]]):
        candidate = pool.candidates[other]
        if candidate.document != own.document:
            current = best.get(candidate.document)
            if current is None or overlap[other] > overlap[current]:
                best[candidate.document] = int(other)
    echoes = sorted(best.values(), key=lambda other: (-overlap[other], other))
    return (
        SourceRef(documents[own.document].id, own.sentence, 1.0),
        *(
            SourceRef(
                documents[pool.candidates[o].document].id, pool.candidates[o].sentence, round(float(overlap[o]), 4)
            )
            for o in echoes
        ),
    )
