"""Article text -> sentences, the unit every summariser selects, aligns and cites.

Splitting is done by sentencex (Wikimedia's rule-based segmenter, no downloaded data).
``benchmarks/splitters.py`` compares it with pysbd, syntok and nupunkt: sentencex and
pysbd are the two that never break a quotation or "U.N.", "Mr", "Sept. 27", "Ja'afari",
"U.S.", "Jr."; pysbd is some 400 times slower and superlinear (seconds on one 40 kB
paragraph, minutes on 500 kB), so it would stall on a large article. sentencex's known
slips: "Ms." and "approx." before a capital or number end a sentence ("Ms." is mended below).

Paragraphs (blank-line separated) are split one at a time, so a sentence never spans
two paragraphs and an unclosed quotation cannot swallow the rest of the article. A page
flattened into one paragraph runs its section headings into the next sentence ("Local death
tolls Near the epicenter ..."); such a heading is split off as a segment of its own, and so is a headline or a
caption that ends in its date ("... on July 7 A court in the United Kingdom ..."). More of
sentencex's slips are mended after it: a title before its name ("ex-Rep. Anthony Weiner", "Ms. Choe")
and a clock time before its day or zone ("8 p.m. Wednesday", "6:36 p.m. CDT") end no sentence, and a
quotation mark that opens the next sentence ('... tim smith. "his eyes ...', as Multi-News spaces
its quotes) goes forward with it; lower-case initials or a firm's abbreviation before a word a lower-cased corpus
capitalised ("the u.s. To the island", "smucker co. Is withdrawing") end no sentence, and initials stranded after a
full stop ("in may. U.s. And french ...") open the next. A full stop a scraped page left with no space after it
("before the call was lost.she didn't answer") still ends its sentence.
"""

from __future__ import annotations

import re

import sentencex

from mdsum.text.values import MONTHS, WEEKDAYS

LANGUAGE = "en"

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# Words that open a sentence and, capitalised, never follow a lower-case word inside one.
_OPENERS = (
    "The|A|An|In|On|At|Near|After|Before|During|According|While|As|When|With|For|From|By|Since|Despite"
    "|Under|Over|Following|Although|Though|If|Many|Some|Most|It|This|These|Those|There"
)
# A short capitalised heading with no punctuation ("Local death tolls"), then a sentence's opening word; a
# heading does not open with one ("In the city The Hague ..." is a sentence).
_FUSED_HEADING = re.compile(
    rf"^((?!(?:{_OPENERS})\s)[A-Z][a-z'\u2019-]+(?:\s[a-z'\u2019-]+){{1,4}})\s(?=(?:{_OPENERS})\s)"
)
# A headline or caption that ends in its date, run into the story's first sentence ("The scenes after the bombings
# on July 7 A court in the United Kingdom ...", "... relief effort continues December 29, 2004 The death toll ..."):
# no sentence goes on from a date into a capitalised article.
_DATED_HEADLINE = re.compile(
    rf"\b(?i:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s\d{{1,2}}(?:,\s\d{{4}})?\s(?=(?:The|A|An)\s[a-z])"
)
# A title that always has a name after it, which sentencex ends a sentence on: one behind a hyphen ("ex-Rep.
# Anthony Weiner", "then-Sen. Obama") and those missing from its list ("Ms. Choe", "Atty. Gen. Sessions").
_TITLE_BEFORE_NAME = re.compile(
    r"(?:\b(?:ex|then|former)-(?:rep|sen|gov|gen|lt|col|sgt|capt|dr|mr|mrs|ms)|(?<![\w.])(?-i:[Mm]s|[Mm]ses|[Mm]mes|[Aa]tty|[Aa]mb))\.$",
    re.IGNORECASE,
)
# "8 p.m. Wednesday", "6:36 p.m. CDT", "4:34 p.m. Central European time": a clock time goes on into the day or
# zone that follows it.
_CLOCK_TIME = re.compile(r"\b[ap]\.\s?m\.$", re.IGNORECASE)
_DAY_OR_ZONE = re.compile(
    rf"^(?:(?:{'|'.join(WEEKDAYS)}|local|eastern|central|pacific|mountain|atlantic|[ecmp][sd]?t|gmt|bst|cet|utc)(?![\w'\u2019])|(?:{'|'.join(MONTHS)})\.?\s+\d)",
    re.IGNORECASE,
)
# Lower-cased corpora capitalise the word after every full stop, so "shipped to the u.s. In a package" and "around
# 4 a.m. On jan. 14" reach sentencex as two sentences: lower-case initials ("u.s.", "a.m.", "d.c.") followed by a
# word that carries a clause on (a preposition, a conjunction, an auxiliary) and then a lower-case word end none.
_LOWER_INITIALS = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}$")
_CARRIES_ON = re.compile(
    r"^(?:And|Or|On|In|To|From|After|Before|When|Where|While|For|At|Since|By|With|As|Into|Until|Than|Of|That"
    r"|Who|Which|Has|Have|Had|Is|Are|Was|Were|Will|Would|Could|Should|If)\s+[a-z0-9$]"
)
# So does a firm's or a name's lower-case abbreviation ("the j.m. smucker co. Is withdrawing", "john b. king jr. Is
# urging") before a verb or a word that joins it to more of its clause; a clause of its own may follow a name that
# ends a sentence ("... for sierra nevada brewing co. While the brewery was spared, ..."), so fewer words go on.
_NAME_ABBREVIATION = re.compile(r"(?<![\w.])(?:co|inc|corp|ltd|bros|jr|sr|dept|st)\.$")
_GOES_ON_FROM_NAME = re.compile(
    r"^(?:Is|Are|Was|Were|Has|Have|Had|Will|Would|Could|Should|And|Or|Of|For|To|With|That|Which|Who)\s+[a-z0-9$]"
)
# "exhibited again in may. U.s. And french authorities ...": a lower-cased corpus capitalised the initials that open
# a sentence and the word after them, so sentencex ends the sentence after the initials instead of before them.
# Initials are never a sentence's last words after its full stop: they go on into the next segment.
_STRANDED_INITIALS = re.compile(r"(?<=[a-z]{2}[.!?])\s+([A-Za-z]\.(?:[a-z]\.)+)$")
# "before the call was lost.she didn't answer", "said police.the incident took place": a scraped page ran a
# sentence into the next with no space after its full stop. A word of three lower-case letters or more, its full
# stop, then a word that opens a sentence (an article, a pronoun, a conjunction, a preposition) and a space: no title
# or initials ("Mr.", "Gov.", "U.S.") end that way, and nor does a web address (nothing before the word but a space,
# a quotation mark or a bracket; "example.com/the" has no space after "the").
_STOP_BEFORE_LETTER = re.compile(r"\.[A-Za-z]")
_GLUED_STOP = re.compile(
    r"(?<![\w./@:-])[A-Za-z]*[a-z]{3,}[\"'\u201d)]?\."
    r"(?=(?i:the|an?|he|she|it|they|we|i|his|her|its|their|but|so|no|one|this|that|these|there|then|now|in|on|at|by"
    r"|for|from|with|around|after|before|when|while|if|as|according|however|meanwhile)\s)"
)
# After the full stop, a mark that leaves the quotation marks odd opens the next sentence's quotation.
_TRAILING_QUOTE = re.compile(r"(?<=[.!?])\s*([\"\u201c])$")
# The patterns above that end in "$" match in a segment's last characters; searched from there, not from its start
# (a lookbehind still sees what comes before), each costs a few characters' work instead of a whole sentence's.
ENDING_CHARACTERS = 40


def paragraphs(text: str) -> tuple[str, ...]:
    """Blank-line separated blocks, with runs of whitespace (newlines, NBSP) made single spaces."""
    blocks = (" ".join(block.split()) for block in _PARAGRAPH_BREAK.split(text))
    return tuple(block for block in blocks if block)


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` in order, stripped, none empty."""
    sentences: list[str] = []
    for paragraph in paragraphs(text):
        segments = [sentence.strip() for sentence in sentencex.segment(LANGUAGE, paragraph)]
        for mended in _mended([segment for segment in segments if segment]):
            for sentence in _unglued(mended):
                *headlines, sentence = _cut_after(_DATED_HEADLINE, sentence)
                sentences.extend(headlines)
                sentences.extend(_FUSED_HEADING.split(sentence, maxsplit=1))
    return tuple(sentence.strip() for sentence in sentences if sentence.strip())


def _unglued(sentence: str) -> list[str]:
    """``sentence`` cut after each full stop that `_GLUED_STOP` finds, each sentence it then opens capitalised.
    Most sentences have no full stop with a letter right after it, and are passed over at once."""
    if not _STOP_BEFORE_LETTER.search(sentence):
        return [sentence]
    first, *rest = _cut_after(_GLUED_STOP, sentence)
    return [first, *(piece[:1].upper() + piece[1:] for piece in rest)]


def _cut_after(pattern: re.Pattern[str], sentence: str) -> list[str]:
    """``sentence`` cut after each match of ``pattern`` (a headline or caption that ends in a date and runs into
    what follows it, `_DATED_HEADLINE`; a full stop with no space after it, `_GLUED_STOP`)."""
    cuts = [found.end() for found in pattern.finditer(sentence)]
    return [sentence[start:end] for start, end in zip([0, *cuts], [*cuts, len(sentence)], strict=True)]


def _mended(segments: list[str]) -> list[str]:
    """sentencex's segments of one paragraph with a title joined to the name that follows it and a
    quotation mark that opens the next segment moved onto it; "8 p.m." goes on into "Wednesday", and "the
    u.s." into the "To the island ..." a lower-cased corpus capitalised, and "U.s." stranded after "in may." goes
    on into the "And french authorities ..." that it opens."""
    joined: list[str] = []
    for segment in segments:
        stranded = _ending(_STRANDED_INITIALS, joined[-1]) if joined else None
        if stranded:  # no sentence ends "in may. U.s.": the initials open the next one
            joined[-1] = joined[-1][: stranded.start()]
            if _CARRIES_ON.match(segment):
                segment = segment[0].lower() + segment[1:]
            segment = f"{stranded.group(1)} {segment}"
        if joined and (_ending(_TITLE_BEFORE_NAME, joined[-1]) or _goes_on_after_clock(joined[-1], segment)):
            joined[-1] = f"{joined[-1]} {segment}"
        elif joined and (
            (_ending(_LOWER_INITIALS, joined[-1]) and _CARRIES_ON.match(segment))
            or (_ending(_NAME_ABBREVIATION, joined[-1]) and _GOES_ON_FROM_NAME.match(segment))
        ):
            joined[-1] = f"{joined[-1]} {segment[0].lower()}{segment[1:]}"
        else:
            joined.append(segment)
    mended: list[str] = []
    carried = ""
    for number, segment in enumerate(joined, 1):
        segment, carried = carried + segment, ""
        opening = _ending(_TRAILING_QUOTE, segment)
        if opening and number < len(joined) and (segment.count('"') % 2 or opening.group(1) == "\u201c"):
            carried, segment = opening.group(1), segment[: opening.start()]
        mended.append(segment)
    return mended


def _ending(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern``, which ends in "$", found at the end of ``text``."""
    return pattern.search(text, max(0, len(text) - ENDING_CHARACTERS))


def _goes_on_after_clock(segment: str, following: str) -> bool:
    """Whether ``segment`` ends in a clock time that ``following`` goes on to date or zone."""
    return bool(_ending(_CLOCK_TIME, segment) and _DAY_OR_ZONE.match(following))
