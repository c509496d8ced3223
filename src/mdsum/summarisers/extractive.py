"""What every extractive summariser shares, so each algorithm module is only its scoring.

The pipeline is the same for all of them: pool the real sentences of every document,
score them (the algorithm's part), pick greedily within the word budget while refusing
near-duplicates, then put the picks in reading order with their provenance.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

import numpy as np
from scipy.sparse import csr_matrix, diags, sparray, spmatrix

from mdsum.limits import Deadline
from mdsum.model import Cluster, SummarySentence
from mdsum.summarisers.base import Draft, Summariser
from mdsum.summarisers.ordering import later_reports, provenance, reading_order
from mdsum.summarisers.pool import SentencePool

Gains = Callable[[Sequence[int]], np.ndarray]
SCORE_DECIMALS = 12


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


def budgeted_greedy(
    pool: SentencePool, words: int, gains: Gains, duplicates: csr_matrix, deadline: Deadline | None = None
) -> list[int]:
    """Repeatedly take the best-gaining sentence that fits the words left and repeats nothing chosen.

    Sentences that do not fit are skipped, never cut; ties go to the earlier sentence,
    so the result is deterministic. ``deadline`` is checked before each pick.
    """
    chosen: list[int] = []
    left = float(words)
    open_ = pool.word_counts <= left
    while open_.any():
        if deadline is not None:
            deadline.check()
        gain = np.where(open_, gains(chosen), -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        left -= pool.word_counts[best]
        open_ &= pool.word_counts <= left
        open_[duplicates.indices[duplicates.indptr[best] : duplicates.indptr[best + 1]]] = False  # its row
    return chosen


def pagerank(
    weights: np.ndarray | sparray | spmatrix, damping: float, tolerance: float = 1e-8, max_iterations: int = 200
) -> np.ndarray:
    """Stationary distribution of the damped random walk on a weighted sentence graph (best sparse).

    Rows without edges jump uniformly, as in PageRank; the power method converges
    in a few dozen steps on graphs of a few hundred sentences. networkx's pagerank ranks
    the same, but its graph and dictionaries cost ten times this walk (LexRank would go
    from about 350 to 210 clusters/s on benchmarks/extractive.py's Multi-News).
    Scores are rounded to `SCORE_DECIMALS`, far below the walk's tolerance: sentences placed
    alike in the graph then tie exactly, and a tie goes to the earlier one, whatever order
    the walk's sums were taken in.
    """
    weights = csr_matrix(weights)
    count = weights.shape[0]
    out_weight = np.asarray(weights.sum(axis=1), dtype=float).ravel()
    dangling = out_weight == 0
    transition = (diags(np.divide(1.0, out_weight, out=np.zeros(count), where=~dangling)) @ weights).T.tocsr()
    scores = np.full(count, 1.0 / count)
    for _ in range(max_iterations):
        walked = transition @ scores + scores[dangling].sum() / count
        updated = (1 - damping) / count + damping * walked
        if np.abs(updated - scores).sum() < tolerance:
            return updated.round(SCORE_DECIMALS)
        scores = updated
    return scores.round(SCORE_DECIMALS)


@dataclass(frozen=True)
class ExtractiveSummariser(Summariser):
    """Base of the extractive summarisers: the shared pipeline around an algorithm's `Objective`.

    ``min_words``: shorter lines are fragments, not sentences. ``redundancy``: the
    overlap (TF-IDF cosine or shared quotation) from which two sentences count as
    saying the same thing; a summary keeps one of them.
    """

    version: ClassVar[int] = 2  # 2: words counted by text/tokens, as the judges count them
    min_words: int = 6
    redundancy: float = 0.5

    def _summarise(self, cluster: Cluster, words: int) -> Draft:
        deadline = Deadline(cluster.id)
        pool = SentencePool.from_cluster(cluster, self.min_words)
        duplicates = pool.near_duplicates(self.redundancy)
        deadline.check()
        objective = self._objective(pool)
        deadline.check()
        chosen = self._select(pool, words, objective, duplicates, deadline)
        notes = [*pool.notes, *objective.notes]
        if not chosen:
            notes.append(f"no sentence fits in {words} words; sentences are never cut")
        notes += later_reports(cluster, [pool.candidates[k].document for k in chosen])
        sentences = [
            SummarySentence(pool.candidates[k].text, provenance(pool, k, duplicates))
            for k in reading_order(cluster, pool, chosen)
        ]
        return Draft(sentences, notes)

    def _select(
        self, pool: SentencePool, words: int, objective: Objective, duplicates: csr_matrix, deadline: Deadline
    ) -> list[int]:
        chosen = budgeted_greedy(pool, words, objective.gains, duplicates, deadline)
        value = objective.value
        if value is None or not chosen:
            return chosen
        fitting = [int(k) for k in np.flatnonzero(pool.word_counts <= words)]
        single = max(fitting, key=lambda k: (value([k]), -k))
        return [single] if value([single]) > value(chosen) else chosen

    @abstractmethod
    def _objective(self, pool: SentencePool) -> Objective:
        """How much each sentence is worth, given the ones already chosen."""
