import pytest

from mdsum import alignment
from mdsum.alignment import align_sentence, is_supported, support_scores, unstated_details
from mdsum.model import Cluster, Document


def document(doc_id, *sentences):
    return Document(doc_id, " ".join(sentences), sentences)


CLUSTER = Cluster(
    "talks",
    [
        document(
            "a",
            "The seventh round of Syria talks ended in Geneva on Friday.",
            "Envoy Staffan de Mistura said there was no breakthrough and no breakdown.",
        ),
        document(
            "b",
            "Photo: Reuters",
            "De Mistura said the next round would probably start in early September.",
            "The opposition wants a political transition.",
        ),
    ],
)


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


DATED = Cluster(
    "dated",
    [
        Document(
            "a",
            "x",
            (
                "The seventh round of talks ended in Geneva on 14 July.",
                "The war has killed more than 320,000 people.",
                "The Syrian government sent Bashar al-Jaafari.",
            ),
            date="2017-07-15",
        ),
    ],
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks ended on July 14, 2017.",  # other order, year from the article's date
        "More than 320 000 people have been killed in the war.",  # other separator
        "The seventh round ended in Geneva.",
        "Jaafari led the delegation for the Syrians.",  # part of a hyphenated name; a plural
    ],
)
def test_details_the_sources_state_are_not_flagged(sentence):
    assert unstated_details(sentence, DATED) == ()


@pytest.mark.parametrize(
    "sentence, missing",
    [
        ("The talks ended on 12 July.", "date ?-07-12"),
        ("The talks ended on 14 July 2016.", "date 2016-07-14"),
        ("The war has killed more than 300,000 people.", "number 300000"),
        ("The eighth round of talks ended in Geneva.", "ordinal 8"),
        ("The talks ended in Geneva, said Ambassador Haley.", "name Haley"),
    ],
)
def test_an_invented_detail_is_named_and_makes_the_sentence_unsupported(sentence, missing):
    assert missing in unstated_details(sentence, DATED)
    assert not is_supported(sentence, DATED)


def test_a_day_resolved_from_a_weekday_in_a_dated_article_is_stated():
    saturday_paper = Cluster(
        "weekday",
        [
            Document(
                "a",
                "The talks ended on Friday in Vienna.",
                ("The talks ended on Friday in Vienna.",),
                date="2024-03-02",
            )
        ],
    )
    assert unstated_details("The talks ended on Friday 1 March 2024 in Vienna.", saturday_paper) == ()
    assert unstated_details("The talks ended on Friday 8 March 2024 in Vienna.", saturday_paper) == ("date 2024-03-08",)
    factory = "The firm will open a second factory next year."
    next_year = Cluster("years", [Document("a", factory, (factory,), date="2026-02-05")])
    assert unstated_details("The firm will open a second factory in 2027.", next_year) == ()  # "next year", written out
    assert unstated_details("The firm will open a second factory in 2028.", next_year) == ("date 2028-?-?",)
