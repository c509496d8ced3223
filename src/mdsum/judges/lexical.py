"""Lexical judge: stemmed content words, name variants, numbers and dates, and polarity.

Deterministic and model-free, in the spirit of ROUGE's stemmed matching, but per fact:
a sentence covers a fact when it names the fact's terms and says most of its content
words, and it never covers it when it states a different number, ordinal or date, or negates
what the fact affirms (or affirms what a negated fact denies).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mdsum.judges.base import Judge, Match
from mdsum.model import Fact
from mdsum.text.tokens import NEGATION_CUES, content_stems, stems
from mdsum.text.values import (
    extract_dates,
    extract_numbers,
    extract_ordinals,
    extract_weekdays,
    normalise_number,
    parse_iso_date,
    weekday,
)

_CLAUSE_BREAK = re.compile(r"[;:,\u2013\u2014]|\b(?:but|while|whereas|although|though)\b", re.IGNORECASE)


def _contains(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    width = len(phrase)
    return width > 0 and any(tuple(tokens[i : i + width]) == tuple(phrase) for i in range(len(tokens) - width + 1))


def negates(sentence: str, terms: frozenset[str], window: int = 4) -> bool:
    """A negation cue in the same clause, at most ``window`` words before one of ``terms`` (NegEx-like scope)."""
    for clause in _CLAUSE_BREAK.split(sentence):
        tokens = stems(clause)
        for position, token in enumerate(tokens):
            if token in NEGATION_CUES and terms.intersection(tokens[position + 1 : position + 1 + window]):
                return True
    return False


@dataclass(frozen=True)
class LexicalJudge(Judge):
    """Best summary sentence by a weighted mix of term, content-word, number and date recall."""

    kind = "lexical"
    version = 3  # 2: ordinals; 3: a different weekday contradicts a date
    threshold: float = 0.5
    content_weight: float = 0.5  # the rest goes to names, numbers and dates (equal shares)

    def _match(self, summary, fact: Fact) -> Match:
        scored = [(self.sentence_score(sentence.text, fact), sentence.text) for sentence in summary.sentences]
        score, evidence = max(scored, key=lambda pair: pair[0])
        return Match(score, evidence if score > 0 else None)

    def sentence_score(self, sentence: str, fact: Fact) -> float:
        tokens = stems(sentence)
        groups = [[stems(variant) for variant in group] for group in fact.forms.names]
        # Words of the names are scored by the names, so a variant ("7th" for "seventh") costs nothing here.
        names_words = {token for group in groups for variant in group for token in variant}
        facts_words = frozenset(content_stems(fact.statement, numbers=False)) - names_words
        content = len(facts_words.intersection(tokens)) / len(facts_words) if facts_words else 1.0
        matched_terms = frozenset(
            token for group in groups for variant in group if _contains(tokens, variant) for token in variant
        )
        parts = []
        if groups:
            parts.append(sum(any(_contains(tokens, variant) for variant in group) for group in groups) / len(groups))
        dates, rest = extract_dates(sentence)
        if fact.forms.dates:
            wanted = [parse_iso_date(date) for date in fact.forms.dates]
            weekdays = set(extract_weekdays(sentence))
            agreeing = [any(said.agrees_with(want) for said in dates) or weekday(want) in weekdays for want in wanted]
            if (dates or weekdays) and not any(agreeing):
                return 0.0  # a wrong date
            # "on Friday" does not say which Friday: it can contradict a date, never state it.
            parts.append(sum(any(said.states(want) for said in dates) for want in wanted) / len(wanted))
        wanted_ordinals = set(extract_ordinals(extract_dates(fact.statement)[1]))
        said_ordinals = set(extract_ordinals(rest))
        if wanted_ordinals and said_ordinals and not said_ordinals & wanted_ordinals:
            return 0.0  # a wrong ordinal ("eighth round")
        if fact.forms.numbers:
            wanted_numbers = {normalise_number(number) for number in fact.forms.numbers} - {None}
            said_numbers = set(extract_numbers(rest))
            if said_numbers and not said_numbers & wanted_numbers:
                return 0.0  # a wrong number
            parts.append(len(said_numbers & wanted_numbers) / max(1, len(wanted_numbers)))
        if negates(sentence, facts_words | matched_terms) != fact.forms.negated:
            return 0.0
        if not parts:
            return content
        return self.content_weight * content + (1 - self.content_weight) * sum(parts) / len(parts)
