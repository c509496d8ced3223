from support import HUB, HUB_CLUSTER

from mdsum.summarisers.lexrank import LexRankSummariser


def test_the_sentence_most_similar_to_all_others_comes_first():
    for summariser in (LexRankSummariser(), LexRankSummariser(threshold=0.0)):
        summary = summariser.summarise(HUB_CLUSTER, len(HUB.split()))
        assert [s.text for s in summary.sentences] == [HUB]


def test_parameters_are_recorded():
    summary = LexRankSummariser(threshold=0.2).summarise(HUB_CLUSTER, 30)
    assert summary.config["threshold"] == 0.2 and summary.config["algorithm"] == "lexrank"
