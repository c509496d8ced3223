import pytest
from support import document

from mdsum.model import Cluster, SourceRef, SummarySentence
from mdsum.summarisers.postcheck import (
    check_output,
    date_once,
    introduced_once,
    strip_markup,
    stutters,
    verify_sentences,
    within_budget,
)
from mdsum.text.split import split_sentences

INSTRUCTIONS = ("Write one merged news account of at most 100 words, as plain prose in past tense.",)
TITLES = ("Syria talks end without breakthrough",)
GOOD = [
    "The seventh round of talks ended in Geneva on Friday without a breakthrough.",
    "The envoy said the next round would start in September.",
]


def check(text, words=100):
    return check_output(text, words, INSTRUCTIONS, TITLES, split_sentences)


def test_clean_output_passes_unchanged():
    checked = check(" ".join(GOOD))
    assert checked.sentences == GOOD and checked.notes == []


def test_markdown_and_lead_in_are_removed():
    checked = check("Here is the merged account:\n\n## Talks\n- **" + GOOD[0] + "**\n- " + GOOD[1])
    assert checked.sentences == GOOD
    assert any("markup" in note for note in checked.notes)


def test_prompt_echo_and_copied_headline_are_dropped():
    checked = check(f"{INSTRUCTIONS[0]}\n{TITLES[0]}\n{GOOD[0]}")
    assert checked.sentences == GOOD[:1]
    assert any("echoed the instructions" in note for note in checked.notes)
    assert any("headers" in note for note in checked.notes)


def test_unfinished_last_sentence_is_dropped():
    checked = check(f"{GOOD[0]} The envoy said that the next round of")
    assert checked.sentences == GOOD[:1]
    assert any("unfinished last sentence" in note for note in checked.notes)


def test_repeated_sentence_is_dropped():
    checked = check(f"{GOOD[0]} {GOOD[1]} {GOOD[0]}")
    assert checked.sentences == GOOD
    assert any("repeated" in note for note in checked.notes)


def test_a_garbled_sentence_that_says_a_name_again_is_dropped():
    garbled = "Iran President Mahmoud Iranian President Mahmoud Ahmadinejad announced that he would free the sailors."
    checked = check(f"{GOOD[0]} {garbled} {GOOD[1]}")
    assert checked.sentences == GOOD
    assert any("garbled" in note for note in checked.notes)


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks on Syria ended, and the next round of the talks on Syria was set for September.",
        '"I am doing what I am doing for my country," the envoy said.',  # a speaker's own repetition
        "In much of the rest of the world the cards were already in use.",
    ],
)
def test_prose_that_repeats_itself_normally_is_not_a_stutter(sentence):
    assert not stutters(sentence)


def test_a_date_stated_twice_in_one_sentence_loses_its_opening_copy():
    checked = check("On September 27, 2017, on 27 September 2017, the envoy said new talks would open.")
    assert checked.sentences == ["On 27 September 2017, the envoy said new talks would open."]
    assert any("opening date of 1 model sentence" in note for note in checked.notes)
    twice = "On Friday 14 July 2017, the round wrapped up on Friday 14 July 2017 in Geneva."
    assert date_once(twice) == "The round wrapped up on Friday 14 July 2017 in Geneva."
    kept = ["On 14 July 2017, the round ended; the next opens on 1 September.", "On Friday, the round ended."]
    assert [date_once(sentence) for sentence in kept] == kept  # another date, or none stated again


def test_trimmed_at_a_sentence_boundary_within_budget():
    checked = check(" ".join(GOOD), words=15)
    assert checked.sentences == GOOD[:1]
    assert any("sentence boundary" in note for note in checked.notes)


def test_first_sentence_over_budget_is_cut_at_a_word():
    checked = check(GOOD[0], words=5)
    assert len(" ".join(checked.sentences).split()) <= 5
    assert any("cut the first" in note for note in checked.notes)


def test_empty_or_junk_output_leaves_nothing():
    assert check("").sentences == []
    assert check("### \n**").sentences == []


def test_strip_markup_removes_tags_links_and_date_tags():
    assert strip_markup("[2017-07-14] <b>Talks</b> ended, see https://example.org today.") == "Talks ended, see today."


# ---------------------------------------------------------------- verifying written sentences against the sources

SOURCES = Cluster(
    "talks",
    (
        document("d1", "The seventh round of talks ended in Geneva on Friday.", "The envoy fought terrorism hard."),
        document("d2", "The opposition wants a political transition in Syria."),
    ),
)


class WordScorer:
    """Stands in for the entailment model: a claim is entailed unless it contains ``refused``."""

    cutoff = 0.5

    def __init__(self, refused: str) -> None:
        self.refused = refused
        self.claims: list[str] = []

    def score(self, premise, claim):
        self.claims.append(claim)
        return 0.1 if self.refused in claim else 0.9


def test_entailed_sentences_are_kept_with_provenance():
    verified = verify_sentences(["Talks ended in Geneva on Friday."], SOURCES, WordScorer("supported"))
    assert [s.text for s in verified.sentences] == ["Talks ended in Geneva on Friday."] and verified.notes == []
    assert verified.sentences[0].sources[0].document_id == "d1"


def test_a_sentence_the_sources_do_not_entail_is_replaced_by_its_best_source_sentence():
    written = ["Talks ended in Geneva on Friday.", "The envoy supported terrorism hard."]
    verified = verify_sentences(written, SOURCES, WordScorer("supported"))
    assert [s.text for s in verified.sentences] == [written[0], "The envoy fought terrorism hard."]
    assert verified.sentences[1].sources == (SourceRef("d1", 1, 1.0),)
    [note] = verified.notes
    assert note.startswith("replaced a model sentence that its sources do not entail (P(Yes) 0.10)")
    assert note.endswith("The envoy supported terrorism hard. -> The envoy fought terrorism hard.")


def test_a_replacement_is_stated_as_the_plan_restates_its_source_sentence():
    restated = "On 14 July 2017, the envoy fought terrorism hard."
    verified = verify_sentences(
        ["The envoy supported terrorism hard."], SOURCES, WordScorer("supported"), {("d1", 1): restated}
    )
    assert [s.text for s in verified.sentences] == [restated]
    assert verified.sentences[0].sources == (SourceRef("d1", 1, 1.0),)


def test_a_copy_of_a_restatement_or_of_a_source_clause_is_kept_without_asking_the_model():
    restated = "On 14 July 2017, the envoy fought terrorism hard, and the opposition wants a transition."
    scorer = WordScorer("never")
    written = ["The opposition wants a transition.", "The seventh round of talks ended in Geneva on Friday."]
    verified = verify_sentences([*written, "The envoy fought."], SOURCES, scorer, {("d1", 1): restated})
    assert [s.text for s in verified.sentences] == [*written, "The envoy fought."]
    assert scorer.claims == ["The envoy fought."]


def test_a_replacement_prefers_a_supporting_sentence_the_plan_states():
    plan_line = "On 14 July 2017, the seventh round of talks ended in Geneva."
    written = "The envoy fought terrorism hard as the seventh round of talks ended in Geneva, supporting it."
    verified = verify_sentences([written], SOURCES, WordScorer("supporting"), {("d1", 0): plan_line})
    assert [s.text for s in verified.sentences] == [plan_line]
    assert verified.sentences[0].sources == (SourceRef("d1", 0, 1.0),)


def test_a_sentence_that_repeats_a_replacement_is_dropped():
    written = ["The envoy supported terrorism hard.", "The envoy fought terrorism hard, he said."]
    verified = verify_sentences(written, SOURCES, WordScorer("supported"))
    assert [s.text for s in verified.sentences] == ["The envoy fought terrorism hard."]
    assert verified.notes[1].startswith("dropped a model sentence that repeats what the summary already states")


def test_a_replacement_that_repeats_a_kept_sentence_is_dropped():
    written = ["The envoy fought terrorism hard.", "The envoy supported terrorism hard."]
    verified = verify_sentences(written, SOURCES, WordScorer("supported"))
    assert [s.text for s in verified.sentences] == written[:1]
    assert verified.notes[0].startswith("dropped a model sentence that its sources do not entail")


def test_invented_details_are_replaced_without_asking_the_model():
    scorer = WordScorer("never")
    verified = verify_sentences(["The ninth round of talks ended in Geneva on Friday."], SOURCES, scorer)
    assert [s.text for s in verified.sentences] == ["The seventh round of talks ended in Geneva on Friday."]
    assert "stating what no source states (ordinal 9)" in verified.notes[0] and scorer.claims == []


def test_without_a_scorer_invented_details_are_dropped():
    verified = verify_sentences(["The ninth round ended.", "The envoy supported terrorism hard."], SOURCES, None)
    assert [s.text for s in verified.sentences] == ["The envoy supported terrorism hard."]
    assert verified.notes == [
        "dropped a model sentence stating what no source states (ordinal 9): The ninth round ended."
    ]


def test_a_longer_replacement_is_held_to_the_budget():
    sentences = [SummarySentence("One two three four five."), SummarySentence("Six seven eight nine ten eleven.")]
    kept = within_budget(sentences, 8, [])
    assert [s.text for s in kept.sentences] == ["One two three four five."]
    assert kept.notes == ["trimmed the model output at a sentence boundary to fit 8 words"]


def test_people_are_introduced_at_their_first_mention_only_with_a_note():
    cluster = Cluster(
        "envoy",
        (document("d1", "UN Syria envoy Staffan de Mistura said the round had ended.", "De Mistura told reporters."),),
    )
    written = [
        SummarySentence("De Mistura said the round had ended."),
        SummarySentence("The UN Syria envoy Staffan de Mistura welcomed the plan.", (SourceRef("d1", 0, 0.9),)),
    ]
    result = introduced_once(written, cluster, 40)
    assert [sentence.text for sentence in result.sentences] == [
        "UN Syria envoy Staffan de Mistura said the round had ended.",
        "De Mistura welcomed the plan.",
    ]
    assert result.sentences[1].sources == written[1].sources
    assert len(result.notes) == 2 and all(note.startswith("introduced someone") for note in result.notes)
    tight = introduced_once(written, cluster, 16)  # no room for the name in full: the first mention stays short
    assert [sentence.text for sentence in tight.sentences] == [
        "De Mistura said the round had ended.",
        "De Mistura welcomed the plan.",
    ]
