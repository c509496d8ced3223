"""Polarity of a claim in a sentence: negators in scope, and words that say the opposite.

"The round ended with no breakthrough" and "the round ended with a breakthrough" share every
content word; so do "the talks ended" and "the talks began", "Macron welcomed it" and "Macron
rejected it". A judge that counts words must read which way the sentence points at the words it
matched: a negator ("not", "never", "failed to", "ruled out", ...) shortly before them, in the same
clause, as NegEx scopes a cue; or a word of the opposite sense where the fact's own word is absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from mdsum.text.tokens import NEGATION_CUES, stems
from mdsum.text.values import extract_numbers

_COMPLEMENTISERS = frozenset(("that", "whether", "which", "who"))  # stems are the words themselves
# Lower case only: "May" is a month or a name ("Theresa May said 80,000 ..."); "Perhaps" opens a sentence.
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|[Pp]erhaps)\b")
_CLAUSE_BREAK = re.compile(r"[;:\u2013\u2014]|,(?!\d)|\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)

# The word lists are stemmed on first use, not at import: a cached harness run never stems (nor imports nltk).


@cache
def _negators() -> frozenset[str]:
    """Single-word cues ("no longer" is "no" in scope) and the verbs that deny what follows them."""
    return NEGATION_CUES | frozenset(stems("failed refused denied unable"))


@cache
def _negating_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(stems(phrase) for phrase in ("ruled out", "rules out", "rule out"))


# Pairs of opposite senses, each a set of words (inflections listed where the stemmer does not join them).
# Not opposites: "breakthrough" / "breakdown" (neither happening is one fact, F05 of the seeds).
_OPPOSITE_WORDS = (
    ("end ended ends finished concluded closed wrapped", "begin began begun started opened launched"),
    ("accepted approved welcomed endorsed embraced", "rejected dismissed"),
    ("supported backed welcomed praised", "opposed criticised criticized condemned"),
    ("rose risen increased grew grown gained", "fell fallen decreased dropped declined shrank"),
    ("won wins", "lost loses"),
    ("agreed", "disagreed"),
    ("succeeded", "failed collapsed"),
    ("allowed permitted", "banned forbade forbidden prohibited"),
    ("imposed", "lifted"),
    ("resumed", "suspended"),
    ("included", "excluded"),
)


@cache
def opposites() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    return tuple((frozenset(stems(one)), frozenset(stems(other))) for one, other in _OPPOSITE_WORDS)


def _clauses(sentence: str) -> list[tuple[str, ...]]:
    return [stems(clause) for clause in _CLAUSE_BREAK.split(sentence)]


def _negator_ends(tokens: Sequence[str]) -> Iterable[int]:
    """Positions just after each negator of ``tokens``."""
    for position, token in enumerate(tokens):
        if token in _negators():
            yield position + 1
        for phrase in _negating_phrases():
            if tuple(tokens[position : position + len(phrase)]) == phrase:
                yield position + len(phrase)


def _scope(tokens: Sequence[str], end: int, window: int) -> Sequence[str]:
    """The words a negator ending at ``end`` governs: at most ``window``, and none past a complementiser.
    "No sign that Assad would go" denies the sign; what follows "that" is the sign's content, a claim of its
    own, as NegEx ends a cue's scope at a termination word."""
    scope = tokens[end : end + window]
    stop = next((position for position, token in enumerate(scope) if token in _COMPLEMENTISERS), len(scope))
    return scope[:stop]


def negated(sentence: str, terms: frozenset[str], window: int = 4) -> frozenset[str]:
    """Those of ``terms`` with a negator in the same clause at most ``window`` words before them (NegEx-like scope)."""
    return frozenset(
        term
        for tokens in _clauses(sentence)
        for end in _negator_ends(tokens)
        for term in terms.intersection(_scope(tokens, end, window))
    )


def negates(sentence: str, terms: frozenset[str], window: int = 4) -> bool:
    """A negator in the same clause, at most ``window`` words before one of ``terms``."""
    return bool(negated(sentence, terms, window))


def hedged_numbers(sentence: str, window: int = 6) -> frozenset[float]:
    """The numbers a sentence puts as a possibility: within ``window`` words of a hedge in the same clause, and
    no complementiser between. "Aceh alone may have as many as 80,000 dead" has not said that the toll passed
    80,000: a half-stated number is not the fact ("up to 80,000 may have died" is the same claim)."""
    found: set[float] = set()
    for clause in _CLAUSE_BREAK.split(sentence):
        for hedge in _HEDGE.finditer(clause):
            after = _until_complementiser(clause[hedge.end() :].split()[:window])  # "80,000" stays one word
            before = _until_complementiser(clause[: hedge.start()].split()[::-1][:window])
            found.update(extract_numbers(" ".join(before[::-1] + after)))
    return frozenset(found)


def _until_complementiser(words: list[str]) -> list[str]:
    return words[: next((at for at, word in enumerate(words) if word.lower() in _COMPLEMENTISERS), len(words))]


def reversals(fact_words: frozenset[str], sentence_words: frozenset[str]) -> frozenset[str]:
    """The sentence's words of the opposite sense to a fact's word, where none of the fact's own sense is said."""
    found: set[str] = set()
    for first, second in opposites():
        for own, opposite in ((first, second), (second, first)):
            if fact_words & own and not sentence_words & own and not fact_words & opposite:
                found |= sentence_words & opposite
    return frozenset(found)


def reads_negated(sentence: str, fact_words: frozenset[str], claim_terms: frozenset[str]) -> bool:
    """Whether ``sentence`` denies the claim made of ``claim_terms``: negated, or said with the opposite word
    (negating the opposite affirms: "did not reject" is "accepted")."""
    opposite = reversals(fact_words, frozenset(stems(sentence)))
    return negates(sentence, claim_terms | opposite) != bool(opposite)
