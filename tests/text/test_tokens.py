from rouge_score.tokenizers import DefaultTokenizer

from mdsum.text.tokens import NEGATION_CUES, content_stems, stems

ROUGE = DefaultTokenizer(use_stemmer=True)


def test_stems_are_rouge_scores_tokens():
    text = "Flooding closed 320,000 schools across the valley; U.N. officials were counting."
    assert stems(text) == tuple(ROUGE.tokenize(text))
    assert stems(text)[:4] == ("flood", "close", "320", "000")


def test_a_contracted_not_is_spelt_out():
    assert stems("The talks didn't end; they won\u2019t.") == ("the", "talk", "did", "not", "end", "they", "wo", "not")


def test_content_stems_drop_stop_words_and_negation_but_keep_order_and_repeats():
    text = "The storm could not close 3 schools, but the storm flooded 2017 towns."
    assert content_stems(text) == ("storm", "close", "3", "school", "storm", "flood", "2017", "town")


def test_bare_numbers_can_be_left_to_value_comparison():
    text = "The storm could not close 3 schools, but the storm flooded 2017 towns."
    assert content_stems(text, numbers=False) == ("storm", "close", "school", "storm", "flood", "town")
    assert content_stems("The G20 summit", numbers=False) == ("g20", "summit")


def test_stop_words_go_in_every_inflection():
    assert content_stems("name names named") == ()  # "name" is one of scikit-learn's stop words


def test_every_negation_cue_is_left_out_of_the_content():
    assert content_stems(" ".join(NEGATION_CUES)) == ()
