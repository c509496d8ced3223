"""Which side a sentence puts the actor on: "Jaafari, head of the opposition delegation" is not the
government's negotiator, though every word of "Jaafari led the government delegation" is there.

News describes a person by a title just before the name ("opposition negotiator Jaafari") or an
apposition just after it ("Jaafari, who led the government delegation,"). Where a fact places its
actor on one side of a two-sided affair, a sentence whose description of that actor names the other
side, and not the fact's, swaps the actor's role. Mentions of both sides elsewhere in the sentence
("Jaafari met the opposition") say nothing about whose side he is on, so only the description counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from mdsum.model import Fact
from mdsum.text.tokens import stems

# The two sides of a negotiation or a conflict, each a set of words (inflections the stemmer does not join).
_SIDES = (("government governmental regime", "opposition rebel rebels"),)
_TITLE_WORDS = 3  # "chief opposition negotiator Jaafari"
_NOT_APPOSITION = frozenset(("and", "or", "but", "while", "whereas", "then"))  # "Jaafari, and the opposition ..."


@cache
def sides() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    return tuple((frozenset(stems(one)), frozenset(stems(other))) for one, other in _SIDES)


def descriptions(sentence: str, actor: Sequence[str]) -> list[str]:
    """What ``sentence`` says each mention of the actor is: the few words just before the name, back to a
    punctuation mark, and the apposition between the commas just after it."""
    found = []
    for variant in actor:
        for match in re.finditer(rf"(?<!\w){re.escape(variant)}(?!\w)", sentence, re.IGNORECASE):
            title = re.split(r"[,;:()\"\u201c\u201d]", sentence[: match.start()])[-1].split()[-_TITLE_WORDS:]
            found.append(" ".join(title))
            apposition = re.match(r"\s*,\s*([^,;:]+),", sentence[match.end() :])
            if apposition and apposition.group(1).split()[0].lower() not in _NOT_APPOSITION:
                found.append(apposition.group(1))
    return found


def _actor_side(fact: Fact) -> tuple[frozenset[str], frozenset[str]] | None:
    """(the fact's side of its actor, the other side): from the actor's variants ("government delegation"), or
    from the whole statement of a fact about who the actor is (category ``actor``)."""
    said = frozenset(stems(" ".join(fact.forms.actor)))
    if fact.category == "actor":
        said |= frozenset(stems(fact.statement))
    for one, other in sides():
        for own, opposite in ((one, other), (other, one)):
            if said & own and not said & opposite:
                return own, opposite
    return None


def swaps_role(sentence: str, fact: Fact) -> bool:
    """Whether ``sentence`` describes the fact's actor as of the other side (and not of the fact's)."""
    side = _actor_side(fact)
    if side is None:
        return False
    own, opposite = side
    for description in descriptions(sentence, fact.forms.actor):
        words = frozenset(stems(description))
        if words & opposite and not words & own:
            return True
    return False
