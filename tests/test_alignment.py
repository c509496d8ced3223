import pytest

from mdsum import alignment
from mdsum.alignment import align_sentence, is_supported, support_scores
from mdsum.model import Cluster, Document


def document(doc_id, *sentences):
    return Document(doc_id, " ".join(sentences), sentences)


CLUSTER = Cluster("talks", [
    document("a",
             "The seventh round of Syria talks ended in Geneva on Friday.",
             "Envoy Staffan de Mistura said there was no breakthrough and no breakdown."),
    document("b",
             "Photo: Reuters",
             "De Mistura said the next round would probably start in early September.",
             "The opposition wants a political transition."),
])


@pytest.mark.parametrize("how", ["lexical", alignment.method()])
def test_a_copied_sentence_aligns_to_itself_with_full_score(how):
    scores = support_scores("The opposition wants a political transition.", CLUSTER, how)
    assert scores.shape == (5,)
    assert scores.argmax() == 4 and scores.max() == pytest.approx(1.0, abs=1e-4)


def test_refs_are_best_first_and_point_at_real_sentences():
    refs = align_sentence("De Mistura expects the next round in September.", CLUSTER, top_k=3)
    assert len(refs) == 3
    assert (refs[0].document_id, refs[0].sentence_index) == ("b", 1)
    assert [r.score for r in refs] == sorted((r.score for r in refs), reverse=True)
    for ref in refs:
        assert 0 <= ref.sentence_index < len(CLUSTER.document(ref.document_id).sentences)


def test_supported_and_unsupported_sentences():
    assert is_supported("Staffan de Mistura said there was no breakthrough and no breakdown.", CLUSTER)
    assert not is_supported("Heavy rain flooded the harbour district and closed three schools.", CLUSTER)


def test_wrong_numbers_lower_the_lexical_score():
    right = support_scores("The seventh round of Syria talks ended in Geneva on Friday.", CLUSTER, "lexical").max()
    wrong = support_scores("The ninth round of Syria talks ended in Vienna on Monday.", CLUSTER, "lexical").max()
    assert wrong < right


def test_empty_text_or_cluster_aligns_to_nothing():
    assert align_sentence("   ", CLUSTER) == ()
    assert align_sentence("Anything.", Cluster("empty", [Document("x", "", ())])) == ()
