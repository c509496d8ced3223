from mdsum.summarisers.postcheck import check_output, strip_markup
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
