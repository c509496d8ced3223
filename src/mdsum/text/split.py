"""Article text -> sentences, the unit every summariser selects, aligns and cites.

Splitting is done by sentencex (Wikimedia's rule-based segmenter: no downloaded data,
linear time, keeps quotations and abbreviations such as "U.N.", "Sept. 27" and "Jr."
whole); ``benchmarks/splitters.py`` compares it with pysbd, syntok and nupunkt.
Paragraphs (blank-line separated) are split one at a time, so a sentence never spans
two paragraphs, and a heading left in the text cannot glue itself onto the next one.
"""

from __future__ import annotations

import re

import sentencex

LANGUAGE = "en"

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def paragraphs(text: str) -> tuple[str, ...]:
    """Blank-line separated blocks, with runs of whitespace (newlines, NBSP) made single spaces."""
    blocks = (" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(text))
    return tuple(block for block in blocks if block)


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` in order, stripped, none empty."""
    sentences = []
    for paragraph in paragraphs(text):
        sentences.extend(sentence.strip() for sentence in sentencex.segment(LANGUAGE, paragraph))
    return tuple(sentence for sentence in sentences if sentence)
