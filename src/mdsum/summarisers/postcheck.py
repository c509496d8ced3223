"""Post-checks on model output before it becomes a summary.

Small instruct models wrap their answer in markdown, echo the instructions, copy headlines
and datelines, repeat themselves (a date, a sentence), garble a name ("Iran President Mahmoud
Iranian President Mahmoud ...") and stop mid-sentence when the token limit hits. Each check
below removes one of these and says so in a note, so `Summary.notes` explains every
difference between what the model wrote and what the summary shows. Every written sentence
is verified against its sources (`verify_sentences`): they invent details and, worse, reverse
what the sources say. Last, people are introduced once (`introduced_once`): they drop a title
in one sentence and repeat it in the next.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from mdsum.alignment import align_sentence
from mdsum.entailment import EntailmentScorer, check_sentence, copied_statements
from mdsum.model import Cluster, SourceRef, SummarySentence
from mdsum.planning.mentions import introduce_people, mention_once, people_of
from mdsum.text.clean import is_sentence, sentence_case
from mdsum.text.quotes import outside_quotes
from mdsum.text.tokens import content_stems, stop_words
from mdsum.text.values import extract_dates

_MARKUP = [
    (re.compile(r"<[^>]+>"), " "),  # HTML tags
    (re.compile(r"https?://\S+"), " "),  # links
    (re.compile(r"\[\d{4}-\d{2}-\d{2}\]|\[undated\]"), " "),  # the date tags the prompt adds
    (re.compile(r"^\s*(#+|[-*\u2022]|\d+[.)])\s+", re.M), ""),  # headings, bullets, numbered items
    (re.compile(r"\*\*|__|`"), ""),  # bold, code
]
_LEAD_IN = re.compile(r"^\s*(here is|here's|below is)\b[^:\n]*:\s*|^\s*[A-Z][\w ]{0,30}:\s*(?=\S)", re.I)
# "On 27 September 2017, ...": an opening date phrase (a year after a comma is part of it).
_OPENING_DATE = re.compile(r"^On (?P<date>[^,]*\d[^,]*(?:, \d{4})?), (?=\S)")
MIN_SENTENCE_WORDS = 4
DUPLICATE_OVERLAP = 0.8  # share of content words two sentences have in common to count as one
STUTTER_GAP = 3  # words within which a two-word run said again is a stutter


class Checked(NamedTuple):
    sentences: list[str]
    notes: list[str]


class Verified(NamedTuple):
    sentences: list[SummarySentence]
    notes: list[str]


def strip_markup(text: str) -> str:
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    text = "\n".join(" ".join(line.split()) for line in text.splitlines())
    return _LEAD_IN.sub("", text.strip())


def date_once(sentence: str) -> str:
    """``sentence`` without its opening "On <date>, " when the rest states that date again: a model
    told to date a plan line that is already dated writes "On 27 September 2017, on 27 September 2017, ..."."""
    opening = _OPENING_DATE.match(sentence)
    if opening is None:
        return sentence
    dates, _ = extract_dates(opening.group("date"))
    again, _ = extract_dates(sentence[opening.end() :])
    if not dates or not all(any(later.states(date) for later in again) for date in dates):
        return sentence
    return sentence_case(sentence[opening.end() :])


def stutters(sentence: str) -> bool:
    """Whether ``sentence`` says a run of two words again within a few words: a small model's garble ("Iran
    President Mahmoud Iranian President Mahmoud Ahmadinejad announced ..."), which news prose does not write."""
    words = [word.lower() for word in re.findall(r"[\w'-]+", outside_quotes(sentence))]  # a speaker may repeat
    pairs = list(itertools.pairwise(words))
    return any(
        pair in pairs[i + 2 : i + 2 + STUTTER_GAP] and not set(pair) & stop_words()  # not "of the ... of the"
        for i, pair in enumerate(pairs)
    )


def _echoes(sentence: str, instructions: Sequence[str]) -> bool:
    words = set(content_stems(sentence))
    return any(words and len(words & set(content_stems(line))) >= 0.6 * len(words) for line in instructions)


def _duplicate(sentence: str, kept: Sequence[str]) -> bool:
    words = set(content_stems(sentence))
    return any(
        words
        and len(words & set(content_stems(other)))
        >= DUPLICATE_OVERLAP * min(len(words), len(set(content_stems(other))) or 1)
        for other in kept
    )


def check_output(text: str, words: int, instructions: Sequence[str], titles: Sequence[str], split) -> Checked:
    """The model's ``text`` as clean sentences within ``words`` words, with a note per repair.

    ``instructions`` are the prompt's own lines (an echo of them is dropped), ``titles`` the
    documents' headlines (a copied headline is dropped), ``split`` the sentence splitter.
    """
    notes = []
    cleaned = strip_markup(text)
    if cleaned.split() != text.split():
        notes.append("removed markup or a lead-in from the model output")
    kept: list[str] = []
    dropped = {"echo": 0, "header": 0, "repeat": 0, "fragment": 0, "stutter": 0}
    headlines = {title.strip().lower() for title in titles if title}
    candidates = [s.strip() for line in cleaned.splitlines() for s in split(line) if s.strip()]
    once = [date_once(sentence) for sentence in candidates]
    if twice := sum(a != b for a, b in zip(candidates, once, strict=True)):
        notes.append(f"removed the opening date of {twice} model sentence(s) that state it again")
    for position, sentence in enumerate(once):
        if _echoes(sentence, instructions):
            dropped["echo"] += 1
        elif sentence.lower().rstrip(".") in headlines:
            dropped["header"] += 1
        elif not is_sentence(sentence, MIN_SENTENCE_WORDS):
            # an unfinished last sentence (token limit) or a headline/dateline line
            dropped["fragment" if position == len(candidates) - 1 else "header"] += 1
        elif _duplicate(sentence, kept):
            dropped["repeat"] += 1
        elif stutters(sentence):
            dropped["stutter"] += 1
        else:
            kept.append(sentence)
    reasons = {
        "echo": "echoed the instructions",
        "header": "headers or fragments",
        "repeat": "repeated sentences",
        "fragment": "an unfinished last sentence",
        "stutter": "garbled, saying words again within a few words",
    }
    notes += [f"dropped {count} model sentence(s): {reasons[kind]}" for kind, count in dropped.items() if count]
    return Checked(*_within_budget(kept, words, notes))


def _within_budget(sentences: list[str], words: int, notes: list[str]) -> tuple[list[str], list[str]]:
    """Whole sentences up to ``words`` words; a first sentence alone over budget is cut at a word."""
    kept, used = [], 0
    for sentence in sentences:
        length = len(sentence.split())
        if used + length > words:
            break
        kept.append(sentence)
        used += length
    if len(kept) < len(sentences):
        if not kept:
            kept = [" ".join(sentences[0].split()[:words]).rstrip(",;:") + "\u2026"]
            notes.append(f"cut the first model sentence to the {words}-word budget")
        else:
            notes.append(f"trimmed the model output at a sentence boundary to fit {words} words")
    return kept, notes


def verify_sentences(
    written: Sequence[str],
    cluster: Cluster,
    scorer: EntailmentScorer | None,
    restatements: Mapping[tuple[str, int], str] = {},
) -> Verified:
    """The written sentences that pass `mdsum.entailment.check_sentence`, with provenance. A sentence that
    copies a source sentence or a restatement (or one of their main clauses) word for word passes unasked.

    Without a scorer only the detail check runs and a failing sentence is dropped. With one, a
    failing sentence is replaced by its best-supporting source sentence that the plan states (as
    ``restatements`` states it), else by its best-supporting one, unless that says what the summary already says (then it is dropped
    too); a note names each sentence and why.
    """
    kept: list[SummarySentence] = []
    notes: list[str] = []
    originals = [sentence for document in cluster.documents for sentence in document.sentences]
    copied = copied_statements([*restatements.values(), *originals]) if scorer is not None else frozenset()
    for text in written:
        check = check_sentence(text, cluster, scorer, copied)
        sources = align_sentence(text, cluster)
        if check.passed:
            if _duplicate(text, [sentence.text for sentence in kept]):  # a replacement above already says it
                notes.append(f"dropped a model sentence that repeats what the summary already states: {text}")
            else:
                kept.append(SummarySentence(text, sources))
            continue
        if scorer is None or not sources:
            notes.append(f"dropped a model sentence {check.reason}: {text}")
            continue
        # The plan's own line, if one supports it: dated, resolved and chosen, where another source sentence is not.
        best = next((ref for ref in sources if (ref.document_id, ref.sentence_index) in restatements), sources[0])
        source = (
            restatements.get((best.document_id, best.sentence_index))
            or cluster.document(best.document_id).sentences[best.sentence_index]
        )
        if _duplicate(source, [sentence.text for sentence in kept]):
            notes.append(f"dropped a model sentence {check.reason}, its source sentence being already stated: {text}")
            continue
        kept.append(SummarySentence(source, (SourceRef(best.document_id, best.sentence_index, 1.0),)))
        notes.append(f"replaced a model sentence {check.reason} by its best source sentence: {text} -> {source}")
    return Verified(kept, notes)


def introduced_once(sentences: Sequence[SummarySentence], cluster: Cluster, words: int) -> Verified:
    """``sentences`` with each person introduced at their first mention and only there: a small model drops
    "UN Syria envoy Staffan de Mistura" to "De Mistura" in one sentence and writes it out in full in the next.
    The first mention gets the full name and the title the articles give (`introduce_people`, as far as
    ``words`` leaves room), a later one the surname (`mention_once`)."""
    known = people_of(cluster)
    texts = [sentence.text for sentence in sentences]
    spare = max(0, words - sum(len(text.split()) for text in texts))
    texts = mention_once(introduce_people(texts, known, spare), known)
    notes = [
        f"introduced someone at their first mention only: {sentence.text} -> {text}"
        for sentence, text in zip(sentences, texts, strict=True)
        if text != sentence.text
    ]
    return Verified([SummarySentence(text, s.sources) for text, s in zip(texts, sentences, strict=True)], notes)


def within_budget(sentences: Sequence[SummarySentence], words: int, notes: list[str]) -> Verified:
    """`_within_budget` for verified sentences: a replacement can be longer than what it replaced."""
    texts, notes = _within_budget([sentence.text for sentence in sentences], words, notes)
    return Verified([SummarySentence(text, s.sources) for text, s in zip(texts, sentences, strict=False)], notes)
