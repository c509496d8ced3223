"""Which way a claim points: negators in scope, and words of the opposite sense."""

from mdsum.text.polarity import negated, negates, reversals
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
