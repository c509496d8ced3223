"""Sentences that lean on the ones before: "It was the seventh round." says nothing on its own.

News writing splits one fact across two sentences and joins them by an anaphor: a pronoun or a
demonstrative opening the second ("Talks in Geneva ended on Friday. It was the seventh round.").
A judge reading sentence by sentence misses such a fact; it reads the pair as one passage. Only a
sentence that opens with an anaphor is joined to its predecessor, so two unrelated sentences are
never read as one claim. Likewise a proper name of several words, once said in full, is then
shortened to its head: after "the UN Security Council", "the Council" is the same body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_OPENS_WITH_ANAPHOR = re.compile(r"^\W*(?:it|its|this|that|these|those|they|their|he|his|she|her)\b", re.IGNORECASE)
# A clause break between the two, so that a negator or a name of the first does not reach into the second.
JOIN = "; "


class Passage(NamedTuple):
    """What a judge reads (``text``), what it cites when the passage matches (``evidence``), and the summary's
    text before it (``before``: the names it has introduced)."""

    text: str
    evidence: str
    before: str = ""


def opens_with_anaphor(sentence: str) -> bool:
    return bool(_OPENS_WITH_ANAPHOR.match(sentence))


def passages(sentences: Sequence[str]) -> list[Passage]:
    """Every sentence, and every sentence that opens with an anaphor together with the one before it."""
    found = [Passage(sentence, sentence, " ".join(sentences[:index])) for index, sentence in enumerate(sentences)]
    for index in range(1, len(sentences)):
        previous, sentence = sentences[index - 1], sentences[index]
        if opens_with_anaphor(sentence):
            joined = f"{previous.rstrip()}{JOIN}{sentence}"
            found.append(Passage(joined, f"{previous} {sentence}", " ".join(sentences[: index - 1])))
    return found


def with_short_names(names: Sequence[Sequence[str]], before: str) -> list[list[str]]:
    """Each group of a fact's name variants, with "the <head>" added for every proper name of several words
    that ``before`` says in full ("Security Council" said, "the Council" refers to it). Only capitalised names:
    "the breakthrough" is not "no breakthrough"."""
    return [[*group, *(_short_name(variant) for variant in group if _introduced(variant, before))] for group in names]


def _introduced(variant: str, before: str) -> bool:
    words = variant.split()
    return (
        len(words) > 1
        and all(word[:1].isupper() for word in words)
        and re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", before, re.IGNORECASE) is not None
    )


def _short_name(variant: str) -> str:
    return f"the {variant.split()[-1]}"
