"""Which way a claim points: negators in scope, and words of the opposite sense."""

import pytest

from mdsum.text.polarity import hedged_numbers, negated, negates, reversals
from mdsum.text.tokens import stems


def test_negation_scope_is_the_clause_and_a_few_words():
    terms = frozenset(stems("breakthrough talks"))
    assert negates("There was no breakthrough.", terms)
    assert negates("The talks didn't make progress.", frozenset(stems("talks progress")))
    assert not negates("No one came, but the talks made a breakthrough.", terms)
    assert negated("There was no breakthrough; the talks go on.", terms) == frozenset(stems("breakthrough"))


def test_failed_to_and_ruled_out_negate():
    assert negates("The talks failed to produce a breakthrough.", frozenset(stems("breakthrough")))
    assert negates("The envoy ruled out direct talks.", frozenset(stems("direct talks")))


def test_a_word_of_the_opposite_sense_is_a_reversal_only_where_the_own_sense_is_not_said():
    ended = frozenset(stems("the talks ended"))
    assert reversals(ended, frozenset(stems("the talks began"))) == frozenset(stems("began"))
    assert not reversals(ended, frozenset(stems("the talks began and ended")))


@pytest.mark.parametrize(
    "sentence, numbers",
    [
        ("Aceh province alone may have as many as 80,000 dead.", {80_000.0}),
        ("Up to about 80,000 people may have died in Aceh.", {80_000.0}),  # the hedge after the number
        ("The toll could climb beyond 150,000, the UN said.", {150_000.0}),
        ("It may rain, and 80,000 people died.", set()),  # another clause
        ("80,000 died, and officials said that it might rain.", set()),
        ("Theresa May said 80,000 people marched.", set()),  # a name, not a hedge
    ],
)
def test_hedged_numbers(sentence, numbers):
    assert hedged_numbers(sentence) == numbers
