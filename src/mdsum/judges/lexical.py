"""Lexical judge: stemmed content words, name variants, numbers and dates, polarity and actor.

Deterministic and model-free, in the spirit of ROUGE's stemmed matching, but per fact:
a sentence covers a fact when it names every one of the fact's terms (each part of a compound
fact) and says most of its content words, and it never covers it when it states a different
number, ordinal or date, says the claim the other way round (negated, or with the opposite word),
or credits it to another named actor than the fact's.
"""

from __future__ import annotations

from dataclasses import dataclass

from mdsum.judges.attribution import contains_phrase, names_actor, other_actors
from mdsum.judges.base import Judge, Match
from mdsum.judges.polarity import reads_negated
from mdsum.model import Fact
from mdsum.text.tokens import content_stems, stems
from mdsum.text.values import (
    extract_dates,
    extract_numbers,
    extract_ordinals,
    extract_weekdays,
    normalise_number,
    parse_iso_date,
    weekday,
)


def value_parts(sentence: str, fact: Fact) -> list[float] | None:
    """How much of the fact's dates and numbers the sentence states (one share each), or None when it
    contradicts one: a different date, weekday, ordinal or number."""
    parts = []
    dates, rest = extract_dates(sentence)
    if fact.forms.dates:
        wanted = [parse_iso_date(date) for date in fact.forms.dates]
        weekdays = set(extract_weekdays(sentence))
        agreeing = [any(said.agrees_with(want) for said in dates) or weekday(want) in weekdays for want in wanted]
        if (dates or weekdays) and not any(agreeing):
            return None
        # "on Friday" does not say which Friday: it can contradict a date, never state it.
        parts.append(sum(any(said.states(want) for said in dates) for want in wanted) / len(wanted))
    wanted_ordinals = set(extract_ordinals(extract_dates(fact.statement)[1]))
    said_ordinals = set(extract_ordinals(rest))
    if wanted_ordinals and said_ordinals and not said_ordinals & wanted_ordinals:
        return None  # "eighth round"
    if fact.forms.numbers:
        wanted_numbers = {normalise_number(number) for number in fact.forms.numbers} - {None}
        said_numbers = set(extract_numbers(rest))
        if said_numbers and not said_numbers & wanted_numbers:
            return None
        parts.append(len(said_numbers & wanted_numbers) / max(1, len(wanted_numbers)))
    return parts


@dataclass(frozen=True)
class LexicalJudge(Judge):
    """Best summary sentence by a weighted mix of content-word, number and date recall, once every term is named."""

    kind = "lexical"
    # 2: ordinals; 3: a different weekday contradicts a date; 4: every term required, opposites, "failed to"
    # and "ruled out" negate, a claim credited to another actor
    version = 4
    threshold: float = 0.5
    content_weight: float = 0.5  # the rest goes to names, numbers and dates (equal shares)

    def _match(self, summary, fact: Fact) -> Match:
        scored = [(self.sentence_score(sentence.text, fact), sentence.text) for sentence in summary.sentences]
        score, evidence = max(scored, key=lambda pair: pair[0])
        return Match(score, evidence if score > 0 else None)

    def sentence_score(self, sentence: str, fact: Fact) -> float:
        tokens = stems(sentence)
        groups = [[stems(variant) for variant in group] for group in fact.forms.names]
        said = [[variant for variant in group if contains_phrase(tokens, variant)] for group in groups]
        if not all(said):
            return 0.0  # a part of the fact is missing: "no breakthrough" without "no breakdown"
        parts = value_parts(sentence, fact)
        if parts is None:
            return 0.0
        # Words of the names are scored by the names, so a variant ("7th" for "seventh") costs nothing here.
        names_words = {token for group in groups for variant in group for token in variant}
        facts_words = frozenset(content_stems(fact.statement, numbers=False)) - names_words
        content = len(facts_words.intersection(tokens)) / len(facts_words) if facts_words else 1.0
        matched_terms = frozenset(token for group in said for variant in group for token in variant)
        if reads_negated(sentence, facts_words | names_words, facts_words | matched_terms) != fact.forms.negated:
            return 0.0
        if fact.forms.actor and self.credits_another(sentence, fact, facts_words.intersection(tokens) | matched_terms):
            return 0.0
        if groups:
            parts.append(1.0)
        if not parts:
            return content
        return self.content_weight * content + (1 - self.content_weight) * sum(parts) / len(parts)

    @staticmethod
    def credits_another(sentence: str, fact: Fact, claim_terms: frozenset[str]) -> bool:
        """The sentence credits the claim to a named actor other than the fact's (and names not the fact's)."""
        if names_actor(sentence, fact.forms.actor):
            return False
        variants = [*fact.forms.actor, *(variant for group in fact.forms.names for variant in group)]
        own_words = frozenset(stems(" ".join([fact.statement, *variants])))
        return bool(other_actors(sentence, claim_terms, own_words))
