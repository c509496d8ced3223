"""Learned: sentences ranked by a salience model fitted on human summaries, picked with MMR under the budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from mdsum.limits import Deadline
from mdsum.summarisers.extractive import ExtractiveSummariser, Objective
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.salience import DEFAULT_SCORER, sentence_salience


@dataclass(frozen=True)
class LearnedSummariser(ExtractiveSummariser):
    """gain(s) = salience(s) / the best salience - ``diversity`` * max cosine to the picks, over sentences
    whose salience reaches ``min_salience``.

    The salience model (``scorer``, a file of ``configs/salience/``) predicts the share of a
    sentence's words and bigrams that a human summary would use. A sentence below
    ``min_salience`` costs a summary's ROUGE precision more than it adds to its recall, so it
    is left out even when words are left (the best sentence is always eligible). The MMR
    penalty (Carbonell & Goldstein 1998) keeps a second telling of a picked fact out;
    ``redundancy`` still refuses near-duplicates outright.
    """

    algorithm = "learned"
    scorer: str = DEFAULT_SCORER
    min_salience: float = 0.0
    diversity: float = 0.5

    def _objective(self, pool: SentencePool) -> Objective:
        salience = sentence_salience(pool, self.scorer)
        eligible = (salience >= self.min_salience) | (salience == salience.max())
        relative = np.where(eligible, salience / max(abs(float(salience.max())), 1e-12), -np.inf)
        similarity = pool.similarity

        def gains(chosen: Sequence[int]) -> np.ndarray:
            if not chosen:
                return relative
            return relative - self.diversity * similarity[:, chosen].max(axis=1).toarray().ravel()

        return Objective(gains)

    def _select(
        self, pool: SentencePool, words: int, objective: Objective, duplicates: csr_matrix, deadline: Deadline
    ) -> list[int]:
        """The greedy picks without the ineligible ones it takes once the eligible are used up."""
        eligible = np.isfinite(objective.gains([]))
        return [k for k in super()._select(pool, words, objective, duplicates, deadline) if eligible[k]]
