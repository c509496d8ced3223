"""Quoted statements: what a speaker is reported to have said, as the content words of each quote.

Reports of one event wrap the same quote in different sentences; their words differ,
but the quote is the same, so repeating it repeats the news.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from mdsum.text.tokens import content_stems, stems

# Curly or straight double quotes, or the ``tokenised'' quotes of Multi-News.
_QUOTED = re.compile(r"[\"\u201c\u201d\u201e]([^\"\u201c\u201d\u201e]+)[\"\u201c\u201d\u201e]|``(.+?)''")
# Verbs that report speech ("he said", "X warned"), as a regex alternation for the modules that look for a speaker.
SPEECH_VERB_WORDS = (
    "said",
    "says",
    "told",
    "added",
    "warned",
    "stressed",
    "noted",
    "explained",
    "insisted",
    "argued",
    "announced",
    "continued",
    "stated",
    "claimed",
    "replied",
    "wrote",
)
SPEECH_VERBS = f"(?:{'|'.join(SPEECH_VERB_WORDS)})"
MIN_QUOTE_WORDS = 3  # content words; fewer make a name or scare quote ("contact group"), not a statement
_ATTRIBUTED = re.compile(rf"\b(?:{SPEECH_VERBS}|according to)\b", re.IGNORECASE)
# The speaker of a closing attribution: a few words that do not open a clause of their own ("and the envoy").
_CLOSING_ATTRIBUTION = re.compile(r"\s*(?!(?:and|but|or|while|as)\b)(?:\S+\s+){0,5}\S+\s*", re.IGNORECASE)
MAX_TRAILING_WORDS = 4  # after the verb of a closing attribution: "in a statement", "on Friday"


def quotations(text: str) -> tuple[frozenset[str], ...]:
    """The content words of each quoted statement in ``text``."""
    spans = (first or second for first, second in _QUOTED.findall(text))
    quoted = (frozenset(content_stems(span)) for span in spans)
    return tuple(words for words in quoted if len(words) >= MIN_QUOTE_WORDS)


def attributes(text: str) -> bool:
    """Whether ``text`` says someone said something ("..., he said", "according to the envoy")."""
    return _ATTRIBUTED.search(text) is not None


def reported(text: str) -> frozenset[str]:
    """The content words of what ``text`` reports someone said: its quotations, whatever follows its
    first speech verb, and what comes before an attribution that closes it ("..., the council said in
    a statement."); empty when it reports no speech."""
    found = frozenset().union(*quotations(text))
    if (match := _ATTRIBUTED.search(text)) is None:
        return found
    before, after = text[: match.start()], text[match.end() :]
    claim, _, speaker = before.rpartition(",")
    if claim and _CLOSING_ATTRIBUTION.fullmatch(speaker) and len(after.split()) <= MAX_TRAILING_WORDS:
        found |= frozenset(content_stems(claim))
    return found | frozenset(content_stems(after))


@cache
def speech_stems() -> frozenset[str]:
    """The stems of the speech verbs: words that tell that someone said something, not what."""
    return frozenset(stem for verb in SPEECH_VERB_WORDS for stem in stems(verb))


def speakers(text: str) -> frozenset[str]:
    """The content stems of whom ``text`` has say what it reports ("..., the council said in a statement": council,
    statement); empty when it reports no speech."""
    if not attributes(text):
        return frozenset()
    return frozenset(content_stems(text)) - reported(text) - speech_stems()


def outside_quotes(text: str) -> str:
    """``text`` without its quotations, and without a quotation it opens and does not close (one that
    runs on into the next sentence)."""
    rest = _QUOTED.sub(" ", text)
    return re.split(r"[\"\u201c\u201d\u201e]|``", rest, maxsplit=1)[0]


def changed_outside_quotes(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to what lies outside its quotations only: a quotation is the speaker's
    words, so an editor's rewrite ("today" -> "on 14 July 2017") stops at it, as does one it opens and does not
    close, which runs on to the end."""
    parts, start = [], 0
    for quotation in _QUOTED.finditer(text):
        parts += [change(text[start : quotation.start()]), quotation.group()]
        start = quotation.end()
    rest = text[start:]
    unclosed = re.search(r"[\"\u201c\u201d\u201e]|``", rest)
    if unclosed is None:
        return "".join([*parts, change(rest)])
    return "".join([*parts, change(rest[: unclosed.start()]), rest[unclosed.start() :]])


def quote_overlap(first: Sequence[frozenset[str]], second: Sequence[frozenset[str]]) -> float:
    """How much of the shorter quotation the other repeats (0 unless they share `MIN_QUOTE_WORDS`)."""
    return max(
        (len(a & b) / min(len(a), len(b)) for a in first for b in second if len(a & b) >= MIN_QUOTE_WORDS),
        default=0.0,
    )
