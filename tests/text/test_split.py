import pytest

from mdsum.text.split import paragraphs, split_sentences

HARD_CASES = {
    "quote with a full stop inside": (
        '"We have just concluded the seventh round of talks. We have made incremental progress," the envoy said.',
        "He left.",
    ),
    "curly quote with a full stop inside": (
        "He said: \u201cThe talks resume in a month. Be ready.\u201d",
        "Then he left.",
    ),
    "quote then attribution": (
        '"No breakthrough, no breakdown", the mediator said.',
        '"I have asked the parties," he said.',
    ),
    "U.N.": ("The U.N. envoy said he has seen no sign of movement.", "He left."),
    "U.S. inside a sentence": ("It was brokered by the U.S., which backs the rebels, as well as Russia.", "It held."),
    "Mr without a full stop": (
        'Mr De Mistura told the council that fighters are "being beaten back".',
        "He pointed to the siege.",
    ),
    "Mr. with a full stop": ("Mr. De Mistura spoke for an hour.", "Reporters listened."),
    "Sept. 27": ("De Mistura said Wednesday, Sept. 27, that both sides should show readiness.", "Talks follow."),
    "Ja'afari": ("Bashar al-Ja'afari, the leading negotiator, said he had not been asked.", "He left Geneva."),
    "Jr.": ("Martin Luther King Jr. was quoted by the envoy.", "The hall applauded."),
    "initials": ("The bill was signed by George W. Bush on Friday.", "Donors can deduct gifts."),
    "decimal number": ("The aid is worth $3.5 million.", "It was approved."),
    "a title behind ex-": ("Police placed security around ex-Rep. Anthony Weiner's wife.", "She was threatened."),
    "a lower-case title behind then-": ("a portrait of then-sen. barack obama hangs there.", "It was moved."),
    "a clock time before its day": ("The shooting occurred about 8 p.m. Wednesday inside the gym.", "Two were hurt."),
    "a clock time before its zone": ("He was pronounced dead at 6:36 p.m. CDT after the injection.", "He was 65."),
    "a clock time before a spelled-out zone": ("It lands at 4:34 p.m. Central European time today.", "Few saw it."),
    "a clock time ending a sentence": ("He arrived at 9 a.m.", "The talks began at noon."),
    "Ms., which sentencex lacks": ("Analysts said that Ms. Choe and Mr. Kim were likely to meet.", "They did."),
    "a lower-case ms.": ("analysts said that ms. choe would fly to new york.", "She did."),
    "Atty. Gen.": ("The order came from Atty. Gen. Jeff Sessions on Monday.", "It stood."),
    "MS, the illness, ends a sentence": ("She was diagnosed with MS.", "Then she ran a marathon."),
    "a quotation opening after spaced quotes": (
        '"when i got to him, he was unresponsive, " said his father, tim smith.',
        "\"his eyes rolled back in his head and i couldn't wake him up.",
    ),
}


@pytest.mark.parametrize("sentences", HARD_CASES.values(), ids=HARD_CASES.keys())
def test_hard_cases_split_only_between_sentences(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


def test_a_sentence_never_spans_a_paragraph_break():
    text = "UN resolutions\n\nLaying out his understanding, de Mistura spoke.\n  \nContact group\n\nHe praised it."
    assert split_sentences(text) == (
        "UN resolutions",
        "Laying out his understanding, de Mistura spoke.",
        "Contact group",
        "He praised it.",
    )


def test_a_section_heading_run_into_a_sentence_is_split_off():
    text = "Officials gave no figure. Local death tolls Near the epicenter, Aceh alone may have 80,000 dead."
    assert split_sentences(text) == (
        "Officials gave no figure.",
        "Local death tolls",
        "Near the epicenter, Aceh alone may have 80,000 dead.",
    )
    for prose in ("In the city The Hague hosted the court.", "Officials said the talks ended."):
        assert split_sentences(prose) == (prose,)


def test_a_headline_or_caption_that_ends_in_its_date_is_split_off_the_sentence_it_runs_into():
    text = "The scenes after the bombings on July 7 A court in London has been shown footage of the bombers."
    assert split_sentences(text) == (
        "The scenes after the bombings on July 7",
        "A court in London has been shown footage of the bombers.",
    )
    assert (
        split_sentences("Toll rises December 29, 2004 The death toll passed 80,000.")[1]
        == "The death toll passed 80,000."
    )
    for prose in ("On March 3 The Times reported the fire.", "On March 3 the council met."):
        assert split_sentences(prose) == (prose,)


def test_lower_case_initials_go_on_into_the_clause_a_lower_cased_corpus_capitalised():
    text = (
        "The jet was the first sold by the u.s. To the island in years. She called at 4 a.m. On jan. 14, 2017. "
        "The j.m. smucker co. Is withdrawing some dog food."
    )
    assert split_sentences(text) == (
        "The jet was the first sold by the u.s. to the island in years.",
        "She called at 4 a.m. on jan. 14, 2017.",
        "The j.m. smucker co. is withdrawing some dog food.",
    )
    for sentences in (
        ("It was approved in the U.S.", "To some, it came late."),  # capital initials: a cased text's own boundary
        ("She called at 4 a.m.", "The police came."),  # not a word that carries a clause on
        ("She called at 4 a.m.", "On Tuesday, the police came."),  # a capital after it: a sentence of its own
        ("It was made by Apple Inc.", "In 2010 it was sold."),  # a cased text's abbreviation
        ("It hit home for sierra nevada brewing co.", "While the brewery was spared, staff lost homes."),
    ):
        assert split_sentences(" ".join(sentences)) == sentences


def test_initials_stranded_after_a_full_stop_open_the_next_sentence():
    text = "He hopes it can be shown in may. U.s. And french officials have not said."
    assert split_sentences(text) == ("He hopes it can be shown in may.", "U.s. and french officials have not said.")
    for sentences in (
        ("It was approved in the U.S.", "And then it was not."),  # the initials end the sentence they are in
        ("He went home.", "U.S. officials said so."),
    ):
        assert split_sentences(" ".join(sentences)) == sentences


def test_a_full_stop_with_no_space_after_it_still_ends_its_sentence():
    text = "The line went dead before the call was lost.she didn't answer when they called back."
    assert split_sentences(text) == (
        "The line went dead before the call was lost.",
        "She didn't answer when they called back.",
    )
    assert split_sentences('He was "devastated".The family left, said police.the inquiry goes on.') == (
        'He was "devastated".',
        "The family left, said police.",
        "The inquiry goes on.",
    )
    for whole in (
        "Read the story at example.com/the-inquiry or www.the-times.com before Monday.",  # web addresses
        "She wrote to info@mail.org.the next day.",  # no space before the word the full stop follows
    ):
        assert split_sentences(whole) == (whole,)


def test_wrapped_lines_and_odd_spaces_inside_a_paragraph_are_one_space():
    text = "The envoy\nsaid the\u00a0talks   ended. A new\tround starts soon."
    assert split_sentences(text) == ("The envoy said the talks ended.", "A new round starts soon.")


def test_paragraphs_are_normalised_and_blank_ones_dropped():
    assert paragraphs("  One  two.\n\n\n\nThree\nfour.  \n\n \n") == ("One two.", "Three four.")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_empty_text_has_no_sentences(text):
    assert split_sentences(text) == ()


def test_seed_sentences_keep_their_quotes_whole(seed_cluster):
    sentences = [sentence for document in seed_cluster.documents for sentence in document.sentences]
    for sentence in sentences:
        assert sentence.count('"') % 2 == 0, sentence
    assert any(
        sentence.startswith('"We have just concluded the seventh round of talks. We have made')
        for sentence in sentences
    )
