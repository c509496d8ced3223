import numpy as np
import pytest

from mdsum.model import Cluster, Document
from mdsum.summarisers.pool import SentencePool
from mdsum.summarisers.submodular import SubmodularSummariser

LONG = (
    "The storm flooded the valley, closed the schools, cut power to the towns, blocked the roads "
    "and stopped the trains on Monday."
)
SHORT = ["The storm flooded the valley.", "The storm closed the schools.", "The storm cut power to the towns."]
CLUSTER = Cluster(
    "c",
    [
        Document("a", "", [LONG, "Officials said repairs to the roads would take weeks."]),
        Document("b", "", SHORT),
        Document(
            "c",
            "",
            [
                "Trains were stopped by flooding on Monday across the valley.",
                "Schools in the valley were closed by the storm.",
            ],
        ),
    ],
)


def test_cost_scaling_trades_coverage_against_length():
    budget = len(LONG.split())
    by_length = SubmodularSummariser(cost_scaling=1.0, min_words=4, redundancy=1.01).summarise(CLUSTER, budget)
    by_coverage = SubmodularSummariser(cost_scaling=0.0, min_words=4, redundancy=1.01).summarise(CLUSTER, budget)
    assert [s.text for s in by_coverage.sentences] == [LONG]  # raw gain: the sentence that covers most
    assert LONG not in [s.text for s in by_length.sentences]  # gain per word: short, dense sentences
    assert len(by_length.sentences) > 1


@pytest.mark.parametrize("words", [5, 9, 17, 26, 60])
@pytest.mark.parametrize("cost_scaling", [0.0, 0.3, 1.0])
def test_stays_within_budget(words, cost_scaling):
    summary = SubmodularSummariser(cost_scaling=cost_scaling, min_words=4).summarise(CLUSTER, words)
    assert summary.word_count <= words


def test_objective_is_monotone_and_submodular():
    summariser = SubmodularSummariser(min_words=4)
    objective = summariser._objective(SentencePool.from_cluster(CLUSTER, 4))
    small, large, extra = [1], [1, 2, 5], 0
    assert objective.value(large) >= objective.value(small)
    gain_small = objective.value([*small, extra]) - objective.value(small)
    gain_large = objective.value([*large, extra]) - objective.value(large)
    assert gain_small >= gain_large - 1e-12
    costs = SentencePool.from_cluster(CLUSTER, 4).word_counts ** summariser.cost_scaling
    assert objective.gains(small)[extra] == pytest.approx(gain_small / costs[extra])
    assert np.all(objective.gains(large) >= -1e-12)
