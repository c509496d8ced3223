"""Who a sentence says did it: a claim credited to another named actor is not the fact.

"Putin proposed the contact group" has every word of "Macron proposed the contact group" but
one. Without a parser, the subject of an English news clause is the name said before the claim's
words ("Putin proposed", "Russia's envoy Lavrov said"); places ("in Geneva"), possessives of the
thing claimed ("Macron's proposal was welcomed") and words of the fact itself are not actors.
A sentence that names the fact's actor (or its variant) attributes the claim to it; one that names
no actor ("he said", "it was agreed") cannot be told apart, and is given the benefit of the doubt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from mdsum.text.tokens import stems, stop_words
from mdsum.text.values import MONTHS, WEEKDAYS

_WORD = re.compile(r"(?P<word>[^\W_]+)(?P<attached>['\u2019]s\b|-)?")
# A name after one of these is where or when, not who ("in Geneva", "on Friday"); "by" and "to" are
# left out: "proposed by Putin", "according to Lavrov" name the actor.
_PLACE_OR_TIME = frozenset(
    ("in", "at", "on", "from", "of", "for", "with", "after", "before", "since", "during", "near", "into", "over")
)


@cache
def _not_names() -> frozenset[str]:
    return stop_words() | frozenset(MONTHS) | frozenset(WEEKDAYS)


def names_actor(sentence: str, actor: Sequence[str]) -> bool:
    """Whether ``sentence`` names one of the ``actor`` variants other than as a possessive: "de Mistura's
    efforts" are his, but do not say that he did what the sentence reports."""
    return any(
        re.search(rf"(?<!\w){re.escape(variant)}(?!\w)(?!['\u2019]s\b)", sentence, re.IGNORECASE) for variant in actor
    )


# Parts of a sentence that each make a claim of their own ("X led the delegation; Y said ..."); commas are not
# among them: an apposition ("Jaafari, who led the delegation, said") belongs to its clause.
_PARTS = re.compile(r"[;:\u2013\u2014]|\b(?:but|while|whereas)\b", re.IGNORECASE)
_REPORTING = "said says say told tells stated added announced declared insisted stressed noted claimed argued warned"
_SPEAKER_WORDS = 4  # a speaker is the noun phrase just before the reporting verb ("the opposition's chief negotiator")


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(stems(_REPORTING))


def claim_part(sentence: str, claim_terms: frozenset[str]) -> str:
    """The part of ``sentence`` that says most of ``claim_terms`` (the first of equals)."""
    parts = _PARTS.split(sentence)
    return max(parts, key=lambda part: len(claim_terms.intersection(stems(part))))


def speakers(text: str) -> list[str]:
    """Who ``text`` says is speaking: the few words before each reporting verb, back to a comma or a place or
    time ("on 27 September he said" has none: a pronoun gives the benefit of the doubt)."""
    found = []
    for segment in text.split(","):
        before: list[str] = []
        for word in _WORD.finditer(segment):
            token = word.group("word")
            if reporting_verbs().intersection(stems(token)):
                phrase = before[-_SPEAKER_WORDS:]
                if any(w.lower() not in _not_names() and not w.isdigit() for w in phrase):
                    found.append(" ".join(phrase))
            before = [] if token.lower() in _PLACE_OR_TIME else [*before, token]
    return found


def other_actors(sentence: str, claim_terms: frozenset[str], own_words: frozenset[str]) -> list[str]:
    """Names said before the first of ``claim_terms`` that could be the claim's subject and are not among
    ``own_words`` (the stems of the fact's statement, terms and actor)."""
    found: list[str] = []
    previous = ""
    for match in _WORD.finditer(sentence):
        word = match.group("word")
        stemmed = stems(word)
        if claim_terms.intersection(stemmed):
            return found
        is_name = word[:1].isupper() and word.lower() not in _not_names() and not match.group("attached")
        if is_name and previous not in _PLACE_OR_TIME and not own_words.issuperset(stemmed):
            found.append(word)
        previous = word.lower()
    return []  # no claim term said: nothing is attributed
