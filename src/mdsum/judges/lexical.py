"""Lexical judge: stemmed content words, name variants, numbers and dates, polarity and actor.

Deterministic and model-free, in the spirit of ROUGE's stemmed matching, but per fact:
a sentence covers a fact when it names every one of the fact's terms (each part of a compound
fact; a place also by its demonym) and says most of its content words, and it never covers it when it states a
different number, ordinal or date, puts a number the fact asserts as only a possibility ("may have reached"), says the
claim the other way round (negated, or with the opposite word), or credits it to another named actor than the fact's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mdsum.judges.anaphora import passages, with_short_names
from mdsum.judges.attribution import claim_part, names_actor, other_actors, reporting_verbs, speakers
from mdsum.judges.base import Judge, Match
from mdsum.judges.demonyms import with_demonyms
from mdsum.judges.roles import swaps_role
from mdsum.model import Fact
from mdsum.text.polarity import hedged_numbers, reads_negated
from mdsum.text.tokens import content_stems, stems
from mdsum.text.values import (
    extract_dates,
    extract_numbers,
    extract_ordinals,
    extract_weekdays,
    money_amounts,
    normalise_number,
    parse_iso_date,
    weekday,
)


def contains_phrase(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether ``phrase`` occurs in ``tokens`` as a run."""
    width = len(phrase)
    return width > 0 and any(tuple(tokens[i : i + width]) == tuple(phrase) for i in range(len(tokens) - width + 1))


def states_values(sentence: str, fact: Fact) -> bool:
    """Whether the sentence states every date and number of the fact, and contradicts none: a different date,
    weekday, ordinal or number is wrong, a sum of money is no count of people ("150,000 euro" for a toll of
    150,000), and "ended on Friday" does not say which Friday (part of a fact)."""
    dates, rest = extract_dates(sentence)
    wanted_dates = [parse_iso_date(date) for date in fact.forms.dates]
    weekdays = set(extract_weekdays(sentence))
    for want in wanted_dates:
        if (dates or weekdays) and not any(said.agrees_with(want) for said in dates) and weekday(want) not in weekdays:
            return False
    if not all(any(said.states(want) for said in dates) for want in wanted_dates):
        return False
    wanted_ordinals = set(extract_ordinals(extract_dates(fact.statement)[1]))
    said_ordinals = set(extract_ordinals(rest))
    if wanted_ordinals and said_ordinals and not said_ordinals & wanted_ordinals:
        return False  # "eighth round"
    wanted_numbers = {normalise_number(number) for number in fact.forms.numbers} - {None}
    if not wanted_numbers:
        return True  # most facts: no sentence x fact pair reads the numbers again
    if not wanted_numbers.issubset(extract_numbers(rest)):
        return False
    if wanted_numbers & (hedged_numbers(rest) - hedged_numbers(fact.statement)):
        return False  # half-stated: "may have as many as 80,000"
    said_money, meant_money = set(money_amounts(rest)), set(money_amounts(fact.statement))
    return all((number in said_money) == (number in meant_money) for number in wanted_numbers)


@dataclass(frozen=True)
class LexicalJudge(Judge):
    """The best summary sentence that names every term, number and date of the fact, graded by how many
    of the statement's other content words it says; zero when it misstates the fact."""

    kind = "lexical"
    # 2: ordinals; 3: a different weekday contradicts a date; 4: every term, number and date required,
    # opposites, "failed to" and "ruled out" negate, a claim credited to another actor; 5: negation stops at "that";
    # 6: a sentence opening with an anaphor is also read with the one before it; 7: a reported claim's speaker;
    # 8: a proper name said in full earlier may be shortened to "the <head>"; 9: "It's" opens an anaphoric sentence;
    # 10: an actor described as of the other side; 11: a sum of money is not the same number of people or things;
    # 12: a share of a scale is a number ("a half-billion"); 13: a number stated as a possibility is half-stated;
    # 14: a place's regular demonym names it ("Japanese" for "Japan")
    version = 14
    threshold: float = 0.5
    content_weight: float = 0.5  # the rest is for naming every term, number and date

    def _match(self, summary, fact: Fact) -> Match:
        sentences = [sentence.text for sentence in summary.sentences]
        scored = [
            (self.sentence_score(passage.text, fact, passage.before), passage.evidence)
            for passage in passages(sentences)
        ]
        score, evidence = max(scored, key=lambda pair: pair[0])
        return Match(score, evidence if score > 0 else None)

    def sentence_score(self, sentence: str, fact: Fact, before: str = "") -> float:
        """How well ``sentence`` states ``fact``; ``before`` is the summary's text before it, whose proper names
        the sentence may shorten ("the Council")."""
        tokens = stems(sentence)
        variants = with_demonyms(with_short_names(fact.forms.names, before), sentence)
        groups = [[stems(variant) for variant in group] for group in variants]
        said = [[variant for variant in group if contains_phrase(tokens, variant)] for group in groups]
        if not all(said):
            return 0.0  # a part of the fact is missing: "no breakthrough" without "no breakdown"
        if not states_values(sentence, fact):
            return 0.0  # a wrong number or date, or one left out
        # Words of the names are scored by the names, so a variant ("7th" for "seventh") costs nothing here.
        names_words = {token for group in groups for variant in group for token in variant}
        facts_words = frozenset(content_stems(fact.statement, numbers=False)) - names_words
        content = len(facts_words.intersection(tokens)) / len(facts_words) if facts_words else 1.0
        matched_terms = frozenset(token for group in said for variant in group for token in variant)
        if reads_negated(sentence, facts_words | names_words, facts_words | matched_terms) != fact.forms.negated:
            return 0.0
        if fact.forms.actor and self.credits_another(sentence, fact, facts_words.intersection(tokens) | matched_terms):
            return 0.0
        if not (groups or fact.forms.numbers or fact.forms.dates):
            return content
        # Every required term, number and date is said: the rest of the statement's words grade the match.
        return self.content_weight * content + (1 - self.content_weight)

    @staticmethod
    def credits_another(sentence: str, fact: Fact, claim_terms: frozenset[str]) -> bool:
        """The sentence credits the claim to a named actor other than the fact's (and names not the fact's), or
        the part of it that makes the claim has a speaker of its own where the fact reports what its actor said
        ("X led the delegation; the opposition's negotiator said ...")."""
        if swaps_role(sentence, fact):
            return True  # "Jaafari, head of the opposition delegation," for the government's Jaafari
        part = claim_part(sentence, claim_terms)
        if names_actor(part, fact.forms.actor):
            return False
        if reporting_verbs().intersection(stems(fact.statement)) and speakers(part):
            return True
        if names_actor(sentence, fact.forms.actor):
            return False
        variants = [*fact.forms.actor, *(variant for group in fact.forms.names for variant in group)]
        own_words = frozenset(stems(" ".join([fact.statement, *variants])))
        return bool(other_actors(sentence, claim_terms, own_words))
