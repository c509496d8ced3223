"""The `learned` summariser and the salience score it exposes to other summarisers."""

from __future__ import annotations

import numpy as np
from support import EXTRACTIVE_CLUSTER

from mdsum.summarisers import build_summariser
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.salience import sentence_salience

LONE = "A follow-up story reports that the inquiry into the bridge closed today."


def test_salience_scores_every_candidate_of_a_cluster_or_of_its_pool_alike():
    pool = SentencePool.from_cluster(EXTRACTIVE_CLUSTER, 6)
    scores = sentence_salience(EXTRACTIVE_CLUSTER)
    assert scores.shape == (len(pool),) and np.isfinite(scores).all()
    np.testing.assert_array_equal(scores, sentence_salience(pool))


def test_in_a_tight_budget_a_statement_two_articles_make_beats_one_only_one_makes():
    summary = build_summariser("learned").summarise(EXTRACTIVE_CLUSTER, 16)
    (picked,) = summary.sentences
    assert picked.text != LONE
    assert len(picked.sources) == 2  # the other article's telling is its echo
    assert summary.config["scorer"] == "multinews.json"
