import math

import numpy as np
import pytest
from support import HUB, HUB_CLUSTER

from mdsum.summarisers.textrank import TextRankSummariser, overlap_similarity


def test_overlap_similarity_is_shared_words_over_summed_log_lengths():
    sparse = overlap_similarity(["Storm floods valley towns.", "Valley towns count storm damage.", "Nothing else."])
    similarity = sparse.toarray()
    # content stems: {storm, flood, vallei, town} and {vallei, town, count, storm, damag}: 3 shared
    assert similarity[0, 1] == pytest.approx(3 / (math.log(5) + math.log(6)))
    assert similarity[0, 2] == 0.0 and np.all(np.diag(similarity) == 0.0)
    assert np.allclose(similarity, similarity.T)


def test_only_stop_words_gives_a_graph_without_edges():
    assert overlap_similarity(["It is.", "Was it?"]).nnz == 0


def test_the_sentence_sharing_words_with_all_others_comes_first():
    summary = TextRankSummariser().summarise(HUB_CLUSTER, len(HUB.split()))
    assert [s.text for s in summary.sentences] == [HUB]
