from __future__ import annotations

import pytest
from support import DEATH_TOLL, FILLER, NO_BREAKTHROUGH, PAIRS, ROUND_ENDED, fact, summary

from mdsum.judges.lexical import LexicalJudge, negates
from mdsum.text.tokens import stems

JUDGE = LexicalJudge(name="lexical", threshold=0.5)


@pytest.mark.parametrize("sentence, fact, covered", PAIRS)
def test_hand_made_pairs(sentence, fact, covered):
    assert JUDGE.judge(summary(FILLER, sentence), fact).covered is covered


def test_wrong_number_beats_every_matching_word():
    sentence = "More than 300,000 people have been killed in the Syrian war."
    assert JUDGE.judge(summary(sentence), DEATH_TOLL).score == 0.0


def test_wrong_month_is_not_covered():
    sentence = "The seventh round of talks on Syria ended in Geneva in October."
    assert JUDGE.judge(summary(sentence), ROUND_ENDED).score == 0.0


def test_negated_sentence_does_not_cover_affirmed_fact():
    affirmed = fact("The talks produced a breakthrough.", names=[["talks"]])
    assert JUDGE.judge(summary("The talks produced no breakthrough."), affirmed).score == 0.0
    assert JUDGE.judge(summary("The talks produced a breakthrough."), affirmed).covered


def test_negation_elsewhere_in_the_sentence_does_not_count():
    sentence = "The seventh round of talks ended in Geneva on 14 July 2017, without a deal on detainees."
    assert JUDGE.judge(summary(sentence), ROUND_ENDED).covered


def test_negation_scope_is_the_clause_and_a_few_words():
    terms = frozenset(stems("breakthrough talks"))
    assert negates("There was no breakthrough.", terms)
    assert negates("The talks didn't make progress.", frozenset(stems("talks progress")))
    assert not negates("No one came, but the talks made a breakthrough.", terms)


def test_evidence_is_the_best_sentence():
    verdict = JUDGE.judge(summary(FILLER, PAIRS[0][0]), ROUND_ENDED)
    assert verdict.evidence == PAIRS[0][0]


def test_no_evidence_when_nothing_matches():
    assert JUDGE.judge(summary(FILLER), NO_BREAKTHROUGH).evidence is None


def test_name_variants_any_one_matches():
    one = JUDGE.judge(summary("The 7th round ended in Geneva."), ROUND_ENDED).score
    other = JUDGE.judge(summary("The seventh round ended in Geneva."), ROUND_ENDED).score
    assert one == other > 0


def test_another_weekday_contradicts_the_date_but_the_same_one_does_not_state_it():
    ended = fact("The talks ended on 14 July 2017.", names=[["talks"]], dates=["2017-07-14"])  # a Friday
    assert JUDGE.judge(summary("The talks ended on Saturday."), ended).score == 0.0
    on_friday = JUDGE.judge(summary("The talks ended on Friday."), ended).score
    assert 0.0 < on_friday < JUDGE.judge(summary("The talks ended on 14 July."), ended).score
