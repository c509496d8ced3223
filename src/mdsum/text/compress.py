"""Sentence compression that keeps what a sentence claims: a closing concession goes.

"De Mistura was confident the group could help, even if its format had not yet been outlined."
claims the first clause; the concession after ", even if" / ", though" / ", although" /
", despite" only qualifies it, so the shorter sentence is still what the source says and
leaves the summary's budget to another fact (sentence trimming, as in Zajic et al.'s Trimmer
and Conroy et al.'s CLASSY). Only a last clause of its own is cut: no comma, semicolon or
quotation mark inside it, and never within a quotation, whose words are the speaker's.
"""

from __future__ import annotations

import re

_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d\u201e]")
_CLOSING_CONCESSION = re.compile(
    r",\s+(?:even if|even though|though|although|despite)\b[^\"\u201c\u201d\u201e;,]*?(?=[.!?]$)", re.IGNORECASE
)


def without_closing_concession(sentence: str) -> str:
    """``sentence`` less a concessive last clause outside any quotation ("..., though it was later cleared.")."""
    found = _CLOSING_CONCESSION.search(sentence)
    if found is None or len(_QUOTE_MARKS.findall(sentence[: found.start()])) % 2:
        return sentence
    return sentence[: found.start()] + sentence[found.end() :]
