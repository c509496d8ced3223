"""Provenance: which source sentences support a summary sentence, and how well.

Shared by the abstractive summarisers (to fill `SummarySentence.sources`) and the eval
harness (to flag unsupported sentences). The score mixes two views because each misses
what the other sees: ROUGE-style n-gram precision (how much of the sentence's wording,
numbers and names the source contains) and, when the MiniLM embeddings are installed,
embedding cosine (paraphrase). Thresholds were calibrated on Multi-News with
``benchmarks/alignment.py`` (reference sentences against their own cluster vs another's).

A high score says a sentence is about what some source says, not that its details are
right: "more than 300,000 dead" scores as high as "320,000". So a sentence is supported
only if, besides, every number, ordinal, date and name it states is stated somewhere in
the cluster (the commonest inventions of small models, and what an entity-level
consistency check catches).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from mdsum.model import Cluster, SourceRef
from mdsum.text.dates import iso_day, resolve_relative, stated_days
from mdsum.text.tokens import stems
from mdsum.text.values import (
    WEEKDAYS,
    DateValue,
    extract_dates,
    extract_numbers,
    extract_ordinals,
    names,
    parse_iso_date,
    words,
)

# Balanced-accuracy optimum of benchmarks/alignment.py on multinews_test_50: lexical AUC 0.891
# (TPR 0.77, FPR 0.11 at 0.17), hybrid AUC 0.987 (TPR 0.93, FPR 0.04 at 0.25).
SUPPORT_THRESHOLDS = {"lexical": 0.17, "hybrid": 0.25}
_WEEKDAY_NAMES = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# bump when `is_supported` changes, so cached verdicts are not reused (2: details; 3: "n't"; 4: resolved days;
# 5: resolved years and months)
SUPPORT_VERSION = 5


def _embedder():
    """``mdsum.embeddings.embed`` when the sentence-embedding model is installed, else None."""
    try:
        from mdsum.embeddings import embed, embeddings_available
    except ImportError:
        return None
    return embed if embeddings_available() else None


def method() -> str:
    """'hybrid' (n-grams + embeddings) when embeddings are available, else 'lexical'."""
    return "hybrid" if _embedder() is not None else "lexical"


def _ngrams(tokens: tuple[str, ...], n: int) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def _precision(candidate: Counter, source: Counter) -> float:
    total = sum(candidate.values())
    return sum((candidate & source).values()) / total if total else 0.0


@lru_cache(maxsize=8)
def _indexed(cluster: Cluster):
    """The cluster's sentences as (document id, index) keys, n-gram counts and embeddings."""
    keys, texts = [], []
    for document in cluster.documents:
        for index, sentence in enumerate(document.sentences):
            keys.append((document.id, index))
            texts.append(sentence)
    grams = [(_ngrams(t, 1), _ngrams(t, 2)) for t in map(stems, texts)]
    embed = _embedder()
    vectors = _normalise(np.asarray(embed(texts), dtype=np.float32)) if embed and texts else None
    return keys, grams, vectors


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def support_scores(text: str, cluster: Cluster, how: str | None = None) -> np.ndarray:
    """Support of ``text`` by every cluster sentence, in [0, 1], in cluster order.

    ``how`` is 'lexical' or 'hybrid' (default: `method()`).
    """
    _keys, grams, vectors = _indexed(cluster)
    tokens = stems(text)
    unigrams, bigrams = _ngrams(tokens, 1), _ngrams(tokens, 2)
    lexical = np.array(
        [
            (_precision(unigrams, one) + (_precision(bigrams, two) if bigrams else _precision(unigrams, one))) / 2
            for one, two in grams
        ],
        dtype=np.float32,
    )
    if (how or method()) == "lexical" or vectors is None:
        return lexical
    query = _normalise(np.asarray(_embedder()([text]), dtype=np.float32))[0]
    return (lexical + np.clip(vectors @ query, 0, 1)) / 2


def align_sentence(text: str, cluster: Cluster, top_k: int = 3) -> tuple[SourceRef, ...]:
    """The ``top_k`` best-supporting source sentences, best first, with their scores."""
    keys, _, _ = _indexed(cluster)
    if not keys or not text.strip():
        return ()
    scores = support_scores(text, cluster)
    best = np.argsort(-scores, kind="stable")[:top_k]
    return tuple(SourceRef(keys[i][0], keys[i][1], round(float(scores[i]), 4)) for i in best)


def is_supported(text: str, cluster: Cluster) -> bool:
    """Whether some source sentence supports ``text`` above the calibrated threshold, and the
    cluster states every detail it states (`unstated_details`)."""
    if unstated_details(text, cluster):  # cheap; spares the embedding
        return False
    refs = align_sentence(text, cluster, top_k=1)
    return bool(refs) and refs[0].score >= SUPPORT_THRESHOLDS[method()]


class _Details(NamedTuple):
    numbers: frozenset[float]
    ordinals: frozenset[int]
    dates: tuple[DateValue, ...]
    years: frozenset[int]  # every year the cluster states, so "14 July" may borrow one
    words: frozenset[str]  # every word, lower-cased, to look names up in


def _details(text: str) -> tuple[tuple[DateValue, ...], tuple[float, ...], tuple[int, ...]]:
    dates, rest = extract_dates(text)
    return dates, extract_numbers(rest), extract_ordinals(rest)


def _name_stated(name: str, known_words: frozenset[str]) -> bool:
    """The name, or its singular ("Syrians"), is a word of the cluster."""
    name = name.lower()
    return name in known_words or (name.endswith("s") and name[:-1] in known_words)


@lru_cache(maxsize=8)
def _cluster_details(cluster: Cluster) -> _Details:
    texts = [document.title or "" for document in cluster.documents]
    texts += [sentence for document in cluster.documents for sentence in document.sentences]
    numbers: set[float] = set()
    ordinals: set[int] = set()
    dates: list[DateValue] = []
    known_words: set[str] = set()
    for text in texts:
        found_dates, found_numbers, found_ordinals = _details(text)
        dates.extend(found_dates)
        numbers.update(found_numbers)
        ordinals.update(found_ordinals)
        known_words.update(word.lower() for word in words(text))
    dates.extend(parse_iso_date(document.date) for document in cluster.documents if document.date)
    # "on Friday" in an article of Saturday 15 July states Friday 14 July, and "next year" in one of 2026 states
    # 2027 (mdsum.text.dates): a summary may write either out
    for document in cluster.documents:
        published = iso_day(document.date)
        for sentence in document.sentences:
            dates.extend(DateValue(day.year, day.month, day.day) for day in stated_days(sentence, published))
            dates.extend(_details(resolve_relative(sentence, published))[0])
    years = frozenset(date.year for date in dates if date.year is not None)
    return _Details(frozenset(numbers), frozenset(ordinals), tuple(dates), years, frozenset(known_words))


def _date_stated(date: DateValue, known: _Details) -> bool:
    """Some source date states ``date``; its year may come from another date (articles say
    "14 July" and are dated 2017)."""
    return any(other.states(date) for other in known.dates) and (date.year is None or date.year in known.years)


def unstated_details(text: str, cluster: Cluster) -> tuple[str, ...]:
    """The numbers, ordinals, dates and names in ``text`` that no source of ``cluster`` states."""
    known = _cluster_details(cluster)
    dates, numbers, ordinals = _details(text)
    missing = [f"date {_format_date(date)}" for date in dates if not _date_stated(date, known)]
    missing += [f"number {number:g}" for number in numbers if number not in known.numbers]
    missing += [f"ordinal {ordinal}" for ordinal in ordinals if ordinal not in known.ordinals]
    missing += [f"name {name}" for name in names(without_dates(text)) if not _name_stated(name, known.words)]
    return tuple(dict.fromkeys(missing))


def without_dates(text: str) -> str:
    """``text`` with its dates and weekdays blanked, so a month or weekday is checked as part of a date, not as a
    name or number."""
    return _WEEKDAY_NAMES.sub(" ", extract_dates(text)[1])


def _format_date(date: DateValue) -> str:
    return "-".join("?" if part is None else f"{part:02d}" for part in date)
