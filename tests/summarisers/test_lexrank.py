from mdsum.model import Cluster, Document
from mdsum.summarisers.lexrank import LexRankSummariser

# One sentence shares its words with every other; the others share little with each other.
HUB = "Storm flooding closed schools, roads and trains across the valley."
CLUSTER = Cluster(
    "c",
    [
        Document("a", "", ["Officials said the storm flooding was the worst in decades.", HUB]),
        Document(
            "b",
            "",
            [
                "Many schools stayed closed while teachers checked buildings.",
                "Roads near the river were blocked by debris for hours.",
            ],
        ),
        Document(
            "c",
            "",
            [
                "Trains ran late because staff could not reach stations.",
                "Farmers across the valley counted their flooded fields.",
            ],
        ),
    ],
)


def test_the_sentence_most_similar_to_all_others_comes_first():
    for summariser in (LexRankSummariser(), LexRankSummariser(threshold=0.0)):
        summary = summariser.summarise(CLUSTER, len(HUB.split()))
        assert [s.text for s in summary.sentences] == [HUB]


def test_parameters_are_recorded():
    summary = LexRankSummariser(threshold=0.2).summarise(CLUSTER, 30)
    assert summary.config["threshold"] == 0.2 and summary.config["algorithm"] == "lexrank"
