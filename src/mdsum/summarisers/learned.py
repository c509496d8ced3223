"""Learned: sentences ranked by a salience model fitted on human summaries, picked with MMR under the budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from mdsum.summarisers.extractive import ExtractiveSummariser, Objective
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.salience import DEFAULT_SCORER, model_digest, sentence_salience


@dataclass(frozen=True)
class LearnedSummariser(ExtractiveSummariser):
    """gain(s) = salience(s) / the best salience - ``diversity`` * max cosine to the picks.

    The salience model (``scorer``, a file of ``configs/salience/``) predicts the share of a
    sentence's words and bigrams that a human summary would use, which is what a sentence
    is worth per word of the budget. The MMR penalty (Carbonell & Goldstein 1998) keeps a
    second telling of a picked fact out; ``redundancy`` still refuses near-duplicates outright.
    """

    algorithm = "learned"
    version: ClassVar[int] = 4  # 3: names counted in the text lower-cased as the model's corpus is; 4: "a million"
    scorer: str = DEFAULT_SCORER
    diversity: float = 0.6

    @property
    def versions(self) -> tuple[int | str, ...]:
        """Its `version` and its model's SHA-256: a refitted model gives other summaries."""
        return (self.version, model_digest(self.scorer))

    def _objective(self, pool: SentencePool) -> Objective:
        salience = sentence_salience(pool, self.scorer)
        relative = salience / max(abs(float(salience.max())), 1e-12)
        similarity = pool.similarity

        def gains(chosen: Sequence[int]) -> np.ndarray:
            if not chosen:
                return relative
            return relative - self.diversity * similarity[:, chosen].max(axis=1).toarray().ravel()

        return Objective(gains)
