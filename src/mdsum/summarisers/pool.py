"""The sentences an extractive summariser chooses from, and the vectors its algorithm scores.

Every document's real sentences are pooled (headings, captions and fragments left out),
so an algorithm sees the cluster as one set of candidates that still know where they are.
Pairwise scores are sparse matrices: most pairs of sentences share no content word, so
memory grows with the pairs that do, not with the square of the cluster.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np
from scipy.sparse import csr_matrix, identity

from mdsum.errors import InputError
from mdsum.limits import check_sentences
from mdsum.model import Cluster
from mdsum.text.clean import is_sentence
from mdsum.text.quotes import MIN_QUOTE_WORDS, quotations, quote_overlap
from mdsum.text.tokens import content_stems


class Candidate(NamedTuple):
    """A selectable sentence and where it is: documents and sentences by index in the cluster."""

    document: int
    sentence: int  # its index among its document's sentences
    text: str
    words: int


@dataclass(frozen=True)
class SentencePool:
    """The cluster's real sentences across all documents, with the vectors algorithms score."""

    cluster: Cluster
    candidates: tuple[Candidate, ...]
    notes: tuple[str, ...] = ()

    @classmethod
    def from_cluster(cls, cluster: Cluster, min_words: int) -> SentencePool:
        every = [
            Candidate(d, i, text, len(text.split()))
            for d, document in enumerate(cluster.documents)
            for i, text in enumerate(document.sentences)
            if text.strip()
        ]
        if not every:
            raise InputError(f"cluster '{cluster.id}' has no text to summarise")
        real = [candidate for candidate in every if is_sentence(candidate.text, min_words)]
        check_sentences(len(real or every), cluster.id)
        if real:
            return cls(cluster, tuple(real))
        note = f"no sentence of {min_words}+ words ending like a sentence: chose among all {len(every)} lines"
        return cls(cluster, tuple(every), (note,))

    def __len__(self) -> int:
        return len(self.candidates)

    @property
    def texts(self) -> list[str]:
        return [candidate.text for candidate in self.candidates]

    @cached_property
    def word_counts(self) -> np.ndarray:
        return np.array([candidate.words for candidate in self.candidates], dtype=float)

    @cached_property
    def positions(self) -> np.ndarray:
        """Each sentence's rank among its document's pooled sentences (0 = the lead, headings skipped)."""
        seen: dict[int, int] = {}
        ranks = []
        for candidate in self.candidates:
            ranks.append(seen.get(candidate.document, 0))
            seen[candidate.document] = ranks[-1] + 1
        return np.array(ranks, dtype=float)

    @cached_property
    def documents(self) -> np.ndarray:
        """Each sentence's document index in the cluster."""
        return np.array([candidate.document for candidate in self.candidates])

    @cached_property
    def tfidf(self):
        """Sparse L2-normalised TF-IDF rows of content stems, IDF fitted on this cluster (as LexRank does).

        Input checks are skipped: the texts are ours, and on a few dozen sentences
        sklearn's validation costs more than the vectorising. scikit-learn is imported here, not with
        the module: building a summariser (for a cached harness run) needs none of it.
        """
        import sklearn
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(analyzer=content_stems, sublinear_tf=True)
        try:
            with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
                return vectorizer.fit_transform(self.texts)
        except ValueError:  # only stop words in the whole cluster: every sentence is the zero vector
            return csr_matrix((len(self), 1))

    @cached_property
    def similarity(self) -> csr_matrix:
        """TF-IDF cosine similarity of every pair of sentences that shares a content word (sparse)."""
        return csr_matrix(self.tfidf @ self.tfidf.T)

    @cached_property
    def overlap(self) -> csr_matrix:
        """How much two sentences say the same: the larger of TF-IDF cosine and shared quotation.

        Only pairs whose quotations share `MIN_QUOTE_WORDS` words in all can overlap by quotation,
        so only those are compared.
        """
        quotes = [quotations(text) for text in self.texts]
        quoted = [k for k, found in enumerate(quotes) if found]
        if not quoted:
            return self.similarity
        vocabulary: dict[str, int] = {}
        columns = [[vocabulary.setdefault(word, len(vocabulary)) for word in set().union(*quotes[k])] for k in quoted]
        rows = np.repeat(np.arange(len(quoted)), [len(found) for found in columns])
        words = csr_matrix((np.ones(len(rows)), (rows, np.concatenate(columns))), shape=(len(quoted), len(vocabulary)))
        shared = (words @ words.T).tocoo()
        pairs = [
            (quoted[a], quoted[b])
            for a, b, count in zip(shared.row, shared.col, shared.data, strict=True)
            if count >= MIN_QUOTE_WORDS
        ]
        firsts, seconds = zip(*pairs, strict=True) if pairs else ((), ())
        by_quote = csr_matrix(
            ([quote_overlap(quotes[a], quotes[b]) for a, b in pairs], (firsts, seconds)), shape=self.similarity.shape
        )
        return self.similarity.maximum(by_quote)

    def near_duplicates(self, threshold: float) -> csr_matrix:
        """Boolean matrix: pairs that say the same thing (a sentence is its own near-duplicate)."""
        return csr_matrix((self.overlap >= threshold) + identity(len(self), dtype=bool, format="csr"))
