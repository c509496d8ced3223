"""What every extractive summariser shares, so each algorithm module is only its scoring.

The pipeline is the same for all of them: pool the real sentences of every document,
score them (the algorithm's part), pick greedily within the word budget while refusing
near-duplicates, then put the picks in reading order with their provenance.
"""

from __future__ import annotations

import datetime as dt
import re
from abc import abstractmethod
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, NamedTuple, Sequence

import numpy as np
import sklearn
from nltk.stem.porter import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from mdsum.errors import InputError
from mdsum.model import Cluster, Document, SourceRef, SummarySentence
from mdsum.summarisers.base import Draft, Summariser

# A sentence ends in . ! or ?, maybe followed by closing quotes or brackets (also the
# spaced, tokenised form of Multi-News: `out . ''`). Headlines, photo credits and
# "More news: ..." links do not; nor do teasers cut off with an ellipsis.
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?][\s\"'\u201d\u2019)\]\u00bb]*$")
_WORD = re.compile(r"[a-z0-9]+")
_QUOTED = re.compile(r"[\"\u201c\u201d\u201e]([^\"\u201c\u201d\u201e]+)[\"\u201c\u201d\u201e]|``(.+?)''")
LATER_REPORT_DAYS = 7  # a document dated this long after the cluster's median date reports a later event
MIN_QUOTE_WORDS = 3  # content words; fewer make a name or scare quote ("contact group"), not a statement

_stemmer = PorterStemmer()


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    return _stemmer.stem(word)


def content_stems(text: str) -> list[str]:
    """Porter-stemmed words without English stop words: the terms that carry a sentence's topic."""
    return [_stem(word) for word in _WORD.findall(text.lower()) if word not in ENGLISH_STOP_WORDS]


def is_sentence(text: str, min_words: int) -> bool:
    """A real sentence: long enough and ended like a sentence (not a heading, caption or link)."""
    return len(text.split()) >= min_words and bool(_SENTENCE_END.search(text))


def quotations(text: str) -> tuple[frozenset[str], ...]:
    """The content words of each quoted statement in ``text``: what a speaker is reported to have said."""
    spans = (first or second for first, second in _QUOTED.findall(text))
    quoted = (frozenset(content_stems(span)) for span in spans)
    return tuple(words for words in quoted if len(words) >= MIN_QUOTE_WORDS)


def quote_overlap(first: Sequence[frozenset[str]], second: Sequence[frozenset[str]]) -> float:
    """How much of the shorter quotation the other repeats (0 unless they share `MIN_QUOTE_WORDS`).

    Reports of one event wrap the same quote in different sentences; their words differ,
    but the quote is the same, so repeating it repeats the news.
    """
    return max(
        (len(a & b) / min(len(a), len(b)) for a in first for b in second if len(a & b) >= MIN_QUOTE_WORDS),
        default=0.0,
    )


class Candidate(NamedTuple):
    """A selectable sentence and where it is: documents and sentences by index in the cluster."""

    document: int
    index: int
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
        """Sparse L2-normalised TF-IDF rows, IDF fitted on this cluster (as LexRank does).

        Input checks are skipped: the texts are ours, and on a few dozen sentences
        sklearn's validation costs more than the vectorising.
        """
        vectorizer = TfidfVectorizer(analyzer=content_stems, sublinear_tf=True)
        try:
            with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
                return vectorizer.fit_transform(self.texts)
        except ValueError:  # only stop words in the whole cluster: every sentence is the zero vector
            from scipy.sparse import csr_matrix

            return csr_matrix((len(self), 1))

    @cached_property
    def similarity(self) -> np.ndarray:
        """TF-IDF cosine similarity of every pair of sentences."""
        return (self.tfidf @ self.tfidf.T).toarray()

    @cached_property
    def overlap(self) -> np.ndarray:
        """How much two sentences say the same: the larger of TF-IDF cosine and shared quotation."""
        quotes = [quotations(text) for text in self.texts]
        quoted = [k for k, found in enumerate(quotes) if found]
        overlap = self.similarity.copy()
        for a in quoted:
            for b in quoted:
                overlap[a, b] = max(overlap[a, b], quote_overlap(quotes[a], quotes[b]))
        return overlap

    def near_duplicates(self, threshold: float) -> np.ndarray:
        """Boolean matrix: pairs that say the same thing (a sentence is its own near-duplicate)."""
        duplicates = self.overlap >= threshold
        np.fill_diagonal(duplicates, True)
        return duplicates


Gains = Callable[[Sequence[int]], np.ndarray]


class Objective(NamedTuple):
    """An algorithm's scoring: the value of adding each sentence given those already chosen.

    ``value`` is F(S) for objectives that are set functions; with it the selection also
    tries the best single sentence, which bounds how far the cost-scaled greedy can go
    wrong (Lin & Bilmes 2010, Khuller et al. 1999).
    """

    gains: Gains
    notes: tuple[str, ...] = ()
    value: Callable[[Sequence[int]], float] | None = None

    @classmethod
    def ranking(cls, scores: np.ndarray, notes: Sequence[str] = ()) -> Objective:
        """Scores that do not depend on what is already chosen (lead, LexRank, TextRank)."""
        scores = np.asarray(scores, dtype=float)
        return cls(lambda chosen: scores, tuple(notes))


def budgeted_greedy(pool: SentencePool, words: int, gains: Gains, duplicates: np.ndarray) -> list[int]:
    """Repeatedly take the best-gaining sentence that fits the words left and repeats nothing chosen.

    Sentences that do not fit are skipped, never cut; ties go to the earlier sentence,
    so the result is deterministic.
    """
    chosen: list[int] = []
    left = float(words)
    open_ = pool.word_counts <= left
    while open_.any():
        gain = np.where(open_, gains(chosen), -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        left -= pool.word_counts[best]
        open_ &= (pool.word_counts <= left) & ~duplicates[best]
    return chosen


def pagerank(weights: np.ndarray, damping: float, tolerance: float = 1e-8, max_iterations: int = 200) -> np.ndarray:
    """Stationary distribution of the damped random walk on a weighted sentence graph.

    Rows without edges jump uniformly, as in PageRank; the power method converges
    in a few dozen steps on graphs of a few hundred sentences.
    """
    count = len(weights)
    out_weight = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, out_weight, out=np.full_like(weights, 1.0 / count), where=out_weight > 0)
    scores = np.full(count, 1.0 / count)
    for _ in range(max_iterations):
        updated = (1 - damping) / count + damping * (transition.T @ scores)
        if np.abs(updated - scores).sum() < tolerance:
            return updated
        scores = updated
    return scores


def _day(date: str | None) -> dt.date | None:
    """An ISO date; None when absent or unreadable (treated as undated)."""
    try:
        return dt.date.fromisoformat(date) if date else None
    except ValueError:
        return None


def reading_order(cluster: Cluster, pool: SentencePool, chosen: Sequence[int]) -> list[int]:
    """Chosen sentences by document date, then document order, then position in the document.

    Dates keep a later follow-up after the event it follows up. An undated document is
    placed with the earliest dated one: in a cluster about one event, the articles
    that carry no date are most likely reports of the event itself, not the sequel.
    """
    days = [_day(document.date) for document in cluster.documents]
    earliest = min((day for day in days if day), default=dt.date.min)

    def key(k: int) -> tuple[dt.date, int, int]:
        candidate = pool.candidates[k]
        return (days[candidate.document] or earliest, candidate.document, candidate.index)

    return sorted(chosen, key=key)


def later_reports(cluster: Cluster, chosen_documents: Sequence[int]) -> list[str]:
    """Notes naming the chosen documents dated well after the cluster's median date.

    A follow-up article (a later round announced, a verdict appealed) reports events
    the rest of the cluster does not; its sentences come last, and the note says why.
    """
    days = [_day(document.date) for document in cluster.documents]
    dated = sorted(day for day in days if day)
    if len(dated) < 2:
        return []
    median = dated[(len(dated) - 1) // 2]
    notes = []
    for index in sorted(set(chosen_documents)):
        lag = (days[index] - median).days if days[index] else 0
        if lag > LATER_REPORT_DAYS:
            document = cluster.documents[index]
            notes.append(
                f"later report: {document.id} is dated {document.date}, {lag} days after most of the cluster "
                f"({median.isoformat()}); its sentences come last"
            )
    return notes


def provenance(pool: SentencePool, k: int, duplicates: np.ndarray) -> tuple[SourceRef, ...]:
    """The sentence itself, then its best near-duplicate in each other document (most similar first)."""
    documents: Sequence[Document] = pool.cluster.documents
    own = pool.candidates[k]
    best: dict[int, int] = {}
    for other in np.flatnonzero(duplicates[k]):
        candidate = pool.candidates[other]
        if candidate.document != own.document:
            current = best.get(candidate.document)
            if current is None or pool.overlap[k, other] > pool.overlap[k, current]:
                best[candidate.document] = int(other)
    echoes = sorted(best.values(), key=lambda other: (-pool.overlap[k, other], other))
    return (
        SourceRef(documents[own.document].id, own.index, 1.0),
        *(
            SourceRef(documents[pool.candidates[o].document].id, pool.candidates[o].index, round(float(pool.overlap[k, o]), 4))
            for o in echoes
        ),
    )


@dataclass(frozen=True)
class ExtractiveSummariser(Summariser):
    """Base of the extractive summarisers: the shared pipeline around an algorithm's `Objective`.

    ``min_words``: shorter lines are fragments, not sentences. ``redundancy``: the
    overlap (TF-IDF cosine or shared quotation) from which two sentences count as
    saying the same thing; a summary keeps one of them.
    """

    min_words: int = 6
    redundancy: float = 0.5

    def _summarise(self, cluster: Cluster, words: int) -> Draft:
        pool = SentencePool.from_cluster(cluster, self.min_words)
        duplicates = pool.near_duplicates(self.redundancy)
        objective = self._objective(pool)
        chosen = self._select(pool, words, objective, duplicates)
        notes = [*pool.notes, *objective.notes]
        if not chosen:
            notes.append(f"no sentence fits in {words} words; sentences are never cut")
        notes += later_reports(cluster, [pool.candidates[k].document for k in chosen])
        sentences = [
            SummarySentence(pool.candidates[k].text, provenance(pool, k, duplicates))
            for k in reading_order(cluster, pool, chosen)
        ]
        return Draft(sentences, notes)

    def _select(self, pool: SentencePool, words: int, objective: Objective, duplicates: np.ndarray) -> list[int]:
        chosen = budgeted_greedy(pool, words, objective.gains, duplicates)
        if objective.value is None or not chosen:
            return chosen
        fitting = np.flatnonzero(pool.word_counts <= words)
        single = max(fitting, key=lambda k: (objective.value([k]), -k))
        return [int(single)] if objective.value([single]) > objective.value(chosen) else chosen

    @abstractmethod
    def _objective(self, pool: SentencePool) -> Objective:
        """How much each sentence is worth, given the ones already chosen."""
