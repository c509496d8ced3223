"""The statements a plan is made of: each real sentence of the cluster, read once for what it states.

A statement knows its document and position, its wording with relative days written out
(`mdsum.text.dates`), a closing concession cut (`mdsum.text.compress`) and its first word
capitalised (`mdsum.text.clean.sentence_case`), the values it states (numbers, days, names)
and whether it can stand alone in a summary: a sentence that opens with a pronoun or a
connective, quotes "he" without saying who he is, or opens with "the law" that only the
sentence before it introduced, needs that sentence (it `continues` it); a headline-style line
or a photo caption is not prose.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mdsum.model import Cluster
from mdsum.planning.mentions import Person, name_pronoun_subject
from mdsum.text.clean import dated_like_a_photo, is_sentence, sentence_case
from mdsum.text.compress import without_closing_concession
from mdsum.text.dates import iso_day, read_days, resolve_relative
from mdsum.text.quotes import SPEECH_VERBS, attributes, outside_quotes, quotations
from mdsum.text.tokens import content_stems, stop_words
from mdsum.text.values import extract_dates, extract_numbers, measures, names, words

# First words that point back to a sentence the summary may not contain.
_LEANS_BACK = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "this",
        "these",
        "those",
        "such",
        "that",
        "there",
        "here",
        "otherwise",
        "other",
        "another",
        "also",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "however",
        "meanwhile",
        "moreover",
        "furthermore",
        "besides",
        "still",
        "then",
        "instead",
        "nonetheless",
        "nevertheless",
        "likewise",
        "similarly",
        "thus",
        "hence",
        "therefore",
        "when",
        "while",
        "as",
    ]
)
# "..., he said." / "he added": a quotation or claim whose speaker is only a pronoun.
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they)\s+(?:{SPEECH_VERBS}|went on)\b",
    re.IGNORECASE,
)
# A sentence with no speaker and no quotation mark, after one whose speaker is "he", goes on reporting his words.
_QUOTE_MARK = re.compile(r"[\"\u201c]")
# "Council says bridge repair cost more than planned": "X says Y" without an article is a headline or standfirst.
# With one it is prose, which agencies write in the present too ("The lawsuit says that the company ...").
_HEADLINE_SAYS = re.compile(r"^[^\"\u201c]*\bsays\b")
_ARTICLE = re.compile(r"\b(?:the|a|an)\b", re.IGNORECASE)
# Prose has lower-case content words (a verb, common nouns); a photo caption or a heading is mostly names:
# "HMS Cornwall at Zeebrugge in 2006.", "Ambulances at Russell Square, London after the July 7, 2005 bombings."
MIN_COMMON_WORDS = 2
# ... unless a tense a caption does not use tells what happened or will ("Marsh will be sworn in on 12 June.").
_NARRATING_TENSE = re.compile(r"\b(?:will|would|has|have|had|was|were)\b", re.IGNORECASE)
# "Louis Jordan, right, walks from the helicopter ...", "... Mike Pence (left) attends ...", "In this 2017 file
# photo, ...": where someone stands in a picture is a caption's, which prose never says.
_IN_A_PICTURE = re.compile(
    r",\s+(?:left|right|center|centre|second from (?:left|right))\s*,|\(\s*(?:left|right|center|centre)\s*\)"
    r"|\bfile photo\b",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][a-z'-]+")
# "If you have information, please call ...", "You must enter the characters ...", "To view the erratum, please
# click here.": outside a quotation, news prose does not address its reader; an appeal, an advert or page
# furniture does.
_ADDRESSES_READER = re.compile(
    r"\b(?:you|your|yours|yourself|click here|please (?:click|call|contact|visit|email|note|see|read))\b",
    re.IGNORECASE,
)
# "Read background about the event here.", "Refresh this page for live updates ...", "[ Follow updates on day 4 ]",
# "Click to enlarge ...", "All times are in eastern standard time.": the page telling its reader what to do or how
# to read it (a verb that opens a news sentence is not an imperative; "Follow-up tests ..." is no verb at all).
_TELLS_READER = re.compile(
    r"^\W*(?:(?:read|refresh|click|scroll|subscribe|download|tap|watch|see|follow|visit|join|listen)\b(?![-'\u2019])"
    r"|check out\b|sign up\b|all times (?:are )?(?:in |local\b))",
    re.IGNORECASE,
)
# "Football fans, get ready to rock.", "French snails, take cover.", "Andrew Jackson, meet Wilma Mankiller.": a teaser
# hails someone and tells them what to do; a news sentence names who acted, not whom it calls.
_HAILS = re.compile(
    r"^\W*(?:[A-Za-z'-]+\s+){0,2}[A-Za-z'-]+,\s+(?:get ready|take (?:cover|note|heart)|meet|brace|buckle up|listen up"
    r"|rejoice|beware|stay tuned)\b",
    re.IGNORECASE,
)
# A list flattened into one line: "Reports of death toll * AP - \"the toll passed 121,000\" * BBC - ...".
_INLINE_BULLET = re.compile(r"\s[*\u2022]\s")
# "Lindsey Germaine: Piccadilly Line train, ...", "Reporter: a word that ...", "Exclusive: ...": a list entry, a
# transcript's speaker or a label, then what it labels; prose does not open with a name and a colon.
_LABELLED = re.compile(r"^[A-Z][\w'.\u2019-]+(?:\s+[A-Z][\w'.\u2019-]+){0,3}:\s")
# "Initially thought to have been the bomber on the Piccadilly Line train.", "Believed to be the bomb-maker.": a
# profile's entry that leaves out whom it describes; with a comma the subject may follow ("Believed to be ..., he").
_SUBJECTLESS = re.compile(
    r"^\W*(?:[a-z]+ly\s+)?(?:thought|believed|said|known|alleged|suspected|described|reported|understood)\s+(?:to|as)\b"
    r"[^,;]*$",
    re.IGNORECASE,
)
# "Should women planning a pregnancy lay off the french fries?": a question asks; a summary tells. "Looks like
# it's not a secret anymore!", "Meet auntie pippa!": outside a quotation, an exclamation is a teaser's voice.
_QUESTION = re.compile(r"\?[\s\"'\u201d\u2019)]*$")
_EXCLAIMS = re.compile(r"[A-Za-z]{2}!+\W*$")
# "evacuated from the surrounding area", "the latter": a place or person defined by what came before.
_RELATIVE_TO_BEFORE = re.compile(r"\bthe (?:surrounding|aforementioned|above-mentioned|latter)\b", re.IGNORECASE)
# '"This fire is moving faster than anything we have seen," the sheriff said': a quotation that opens with a
# demonstrative and a noun names what its speaker speaks of. Not '"This is ...', '"That means ...', '"That happened
# ...': the word after the demonstrative is a noun, not a function word or a verb's "-s" or "-ed" form.
_FUNCTION_WORD = (
    r"(?:is|was|are|were|be|been|will|would|could|can|may|might|must|should|shall|has|had|have|does|did|do|and|or"
    r"|but|of|to|in|on|at|for|with|as|by|from|not|just|also|only|really|very|too|so|all|what|which|who|when|where"
    r"|why|how|it|he|she|we|they|i|you|the|a|an|one)\b"
)
_QUOTED_THING = re.compile(
    rf"^[\"\u201c]\s*(?:(?:this|that)\s+(?!{_FUNCTION_WORD})(?P<one>[a-z]+)"
    rf"|(?:these|those)\s+(?!{_FUNCTION_WORD})(?P<many>[a-z]+))\b",
    re.IGNORECASE,
)
# '"...," Ammon continued.', 'Jowell continued, "..."': the rest of a quotation whose start the summary may not hold.
_CONTINUES = re.compile(r"\bcontinued\s*(?:[,.:;]|$)")
# "Many of our employees were severely impacted ...", "We caught him driving ...", "Reporting live from Kendall,
# I'm John Turchin": outside a quotation, news prose does not speak as "we" or "I" either; with no one said to say
# it, that is an unmarked quotation, a column's or a reporter's sign-off, or the outlet's voice (a word in single
# quotation marks, "notes of endless 'i love yous'", is quoted).
_SPEAKS_AS_WE = re.compile(r"(?<!['\u2018])\b(?:we|our|ours|ourselves|i|me|my|myself)\b", re.IGNORECASE)
MIN_ATTRIBUTION_WORDS = 2  # words outside its quotation marks, the fewest that say who spoke: "...," Blair said.
# The first word, or a first number ("52 people were killed ..."), after opening quotes or a bracket.
_FIRST_WORD = re.compile(r"[\"'\u201c\u2018(\s]*([A-Za-z]+|\d)")
# "This week's talks ...", "This year ...": "this" before a span of time points at the article's date, not back.
_THIS_TIME = re.compile(
    r"^[\"'\u201c\u2018(\s]*this\s+(?:week|weekend|month|year|morning|afternoon|evening|spring|summer|autumn|fall"
    r"|winter|season)(?:['\u2019]s)?\b",
    re.IGNORECASE,
)
# "On that front, ...", "In this case, ...": an opening phrase that points back; "After the talks, he ...":
# a pronoun subject after the opening phrase.
_OPENS_BACK = re.compile(
    r"^\W*(?:\w+\s+)?(?:that|this|these|those|such)\b[^,]{0,30},|^[^,\"\u201c]{0,60},\s+(?:he|she|they|it)\b",
    re.IGNORECASE,
)
# "The law is intended to ...", "The first photograph is ...", "The 58-year-old was arrested": "the", a common noun
# (after an ordinal, "other" or "same") or an age, then its verb (an auxiliary, an adverb, a common verb in the past or
# one in -ed); "The four suicide bombers" and "The central elections committee" are not read.
_THE_NOUN = re.compile(
    r"^[\"\u201c\s]*the\s+(?:(?:first|second|third|last|latest|other|same)\s+)?([a-z][a-z-]+|\d+-year-old)"
    r"\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|do|also|then|still"
    r"|now|later|says|said|shows?|told|found|sent|took|made|left|went|came|became|began|got|gave|saw|won|lost|met"
    r"|held|[a-z]+ed)\b",
    re.IGNORECASE,
)
# "Following the discovery of the explosive, ...", "Since the publication of the post, ...": an opening phrase of time
# about something "the" article has told of.
_AFTER_THE = re.compile(
    r"^[\"\u201c\s]*(?:after|following|since|before|during|despite|amid)\s+the\s+(?:[a-z-]+\s+)?([a-z-]+)"
    r"(?:\s+of\s+the\s+([a-z-]+))?\s*,",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Statement:
    """One sentence of the cluster as the planner reads it (documents by index in the cluster)."""

    document: int
    sentence: int  # index among the document's sentences
    position: float  # place in its document, 0 (lead) to 1 (last sentence)
    text: str  # as written
    resolved: str  # relative days written out against the document's date, a closing concession cut
    published: dt.date | None  # the document's date
    days: tuple[dt.date, ...]  # the days it refers to
    ahead: tuple[dt.date, ...]  # those on which it says something is to happen ("talks will resume on 20 March")
    months: tuple[tuple[int | None, int], ...]  # (year, month) of every date it states, however vague
    numbers: frozenset[float]
    measures: frozenset[tuple[float, str]]  # its numbers with what each counts ("70 percent": (70.0, "percent"))
    names: frozenset[str]
    stems: frozenset[str]  # content stems
    quotes: tuple[frozenset[str], ...]
    standalone: bool
    continues: bool = False  # prose that leans back on the sentence before it in its article

    @property
    def words(self) -> int:
        return len(self.resolved.split())


def is_standalone(text: str, previous: str = "") -> bool:
    """Whether ``text`` can open a paragraph: prose (`is_prose`) that does not lean back (`leans_back`)."""
    return is_prose(text) and not leans_back(text, previous)


def is_prose(text: str) -> bool:
    """Whether ``text`` is a sentence of the story: not a question, a headline-style "X says Y", a caption
    (mostly names, where someone stands in a picture, a photo's agency-style date, or what a picture shows, told
    in the present and dated in full) or a list entry, labelled ("Lindsey Germaine: ...") or with no subject
    ("Believed to be the bomb-maker.") or a list run into one line, neither addressed to the reader nor telling the
    reader what to do ("Read more here.") nor exclaimed nor hailing someone ("Football fans, get ready ..."), nor
    said as "we" or "I" by no one named."""
    reporting = outside_quotes(text)
    if _ADDRESSES_READER.search(reporting) or _TELLS_READER.match(text) or _HAILS.match(text):
        return False
    if _IN_A_PICTURE.search(reporting):
        return False
    if dated_like_a_photo(text):
        return False
    if _LABELLED.match(text) or _SUBJECTLESS.match(text) or _QUESTION.search(text) or _EXCLAIMS.search(reporting):
        return False
    if _INLINE_BULLET.search(reporting):
        return False
    if _SPEAKS_AS_WE.search(reporting) and not attributes(text):
        return False
    common = sum(word not in stop_words() for word in _LOWER_WORD.findall(text))
    if common < MIN_COMMON_WORDS and not (common and _NARRATING_TENSE.search(reporting)):
        return False
    return _FIRST_WORD.match(text) is not None and not (_HEADLINE_SAYS.search(text) and not _ARTICLE.search(text))


def leans_back(text: str, previous: str = "") -> bool:
    """Whether ``text`` needs the sentence before it: it opens with a pronoun, a connective or a phrase that
    points back, knows its speaker only as "he", is a bare quotation that says not who said it, is what someone
    "continued" or what "the surrounding area" surrounds, or goes on with what the ``previous`` sentence reported
    "he" said."""
    if _PRONOUN_SPEAKER.search(previous) and not (attributes(text) or _QUOTE_MARK.search(text)):
        return True
    reporting = outside_quotes(text)
    if len(re.findall(r"[A-Za-z]+", reporting)) < MIN_ATTRIBUTION_WORDS:
        return True
    if _CONTINUES.search(reporting) or _RELATIVE_TO_BEFORE.search(reporting):
        return True
    if _quotes_a_thing(text):
        return bool(_PRONOUN_SPEAKER.search(text))
    first = _FIRST_WORD.match(text)
    if first is not None and first.group(1).lower() in _LEANS_BACK and not _THIS_TIME.match(text):
        return True
    return bool(_OPENS_BACK.search(text) or _PRONOUN_SPEAKER.search(text))


def _quotes_a_thing(text: str) -> bool:
    """Whether ``text`` opens with a quotation of "this", "that", "these" or "those" and a noun (`_QUOTED_THING`)."""
    match = _QUOTED_THING.match(text)
    if match is None:
        return False
    word = (match["one"] or match["many"]).lower()
    return match["many"] is not None or not word.endswith(("s", "ed")) or word.endswith("ss")


def definite_subject(text: str) -> str | None:
    """The common noun ``text`` opens with after "the", as its subject ("The law is intended to ...", "The video
    was shown ...") or in an opening phrase of time ("Following the discovery of the explosive, ..."): out of its
    article, "the law" is no law in particular, unless most of the cluster's articles speak of it."""
    opening = _THE_NOUN.match(text)
    if opening is not None:
        return opening.group(1).lower() if not opening.group(1)[0].isupper() else None
    phrase = _AFTER_THE.match(text)
    noun = phrase and (phrase.group(2) or phrase.group(1))
    return noun.lower() if noun and noun[0].islower() else None


def read_statements(cluster: Cluster, min_words: int, sentences_only: bool = True) -> tuple[Statement, ...]:
    """Every real sentence of every document (``min_words`` or more, ended like a sentence), or
    with ``sentences_only`` False every non-empty line (for a cluster of fragments)."""
    found = []
    topics = _topics(cluster)
    for d, document in enumerate(cluster.documents):
        published = iso_day(document.date)
        count = max(1, len(document.sentences) - 1)
        for i, text in enumerate(document.sentences):
            if not text.strip() or (sentences_only and not is_sentence(text, min_words)):
                continue
            dates, rest = extract_dates(text)
            days = read_days(text, published)
            previous = document.sentences[i - 1] if i else ""
            prose, leaning = is_prose(text), leans_back(text, previous)
            leaning = leaning or definite_subject(text) not in (None, *topics)
            found.append(
                Statement(
                    document=d,
                    sentence=i,
                    position=i / count,
                    text=text,
                    resolved=sentence_case(without_closing_concession(resolve_relative(text, published))),
                    published=published,
                    days=days.days,
                    ahead=days.ahead,
                    months=tuple((date.year, date.month) for date in dates if date.month is not None),
                    numbers=frozenset(extract_numbers(rest)),
                    measures=measures(rest, stop_words()),
                    names=frozenset(name.lower() for name in names(text)),
                    stems=frozenset(content_stems(text)),
                    quotes=quotations(text),
                    standalone=prose and not leaning,
                    continues=prose and leaning,
                )
            )
    return tuple(found)


def _topics(cluster: Cluster) -> frozenset[str]:
    """The words more than half the cluster's articles use: "the fire" of a story all about one fire
    needs no antecedent."""
    uses = Counter(word for document in cluster.documents for word in {w.lower() for w in words(document.text)})
    return frozenset(word for word, count in uses.items() if count * 2 > len(cluster.documents))


def with_subjects_named(
    statements: Sequence[Statement], cluster: Cluster, known: dict[str, Person]
) -> tuple[Statement, ...]:
    """``statements``, each that leans back only through its pronoun subject ("He warmly welcomed ...")
    made self-contained by naming whom the pronoun stands for (`name_pronoun_subject`), when its
    article leaves no doubt; the text as written is kept, the summary states the named wording."""
    named = []
    for statement in statements:
        sentences = cluster.documents[statement.document].sentences
        previous = sentences[statement.sentence - 1] if statement.sentence else ""
        wording = None
        if not statement.standalone:
            wording = name_pronoun_subject(statement.resolved, sentences[: statement.sentence], known)
        if wording is not None and is_standalone(wording, previous):
            statement = replace(statement, resolved=wording, standalone=True, continues=False)
        named.append(statement)
    return tuple(named)
