"""Holding a rewrite to its plan: the model may only restate the plan's lines, in the plan's time order.

A small model asked to rewrite a dated plan still drifts: it drops lines (the 0.5B kept three
of seven on the seeds), adds a sentence of its own ("This was a significant development"),
or tells a later development first. Verification catches what the sources contradict, not
what the plan leaves out. So after verification each written sentence is anchored to the
plan line it restates most (by shared content words):
- a sentence whose words mostly come from no line of the plan is the model's own, and dropped; one that
  says again, in other words, what an earlier sentence says of the same line is dropped too;
- a sentence that states what its line only reports someone said, without saying who said it
  ("new talks will take place in about a month" for "the envoy said new talks will ..."), is
  stated in the line's words: a half-stated or unattributed claim is not the source's fact;
- a sentence that says someone said what its line states as fact ("He also noted that the sides had been
  meeting separately ...") is stated in the line's words: the line names no speaker to credit;
- a sentence that gives its line a name or number that another line states and its own does not ("Koizumi
  pledged 150,000 euro" for "the Romanian Government pledged 150,000 euro") is stated in the line's words:
  joining details of two lines is how a small model misattributes, and its Yes/No entailment misses it; the
  name of someone the line refers to by role alone ("de Mistura" for "the UN's top envoy for Syria") is its own;
- a sentence that states a day its line does not (the model dated it by another line, or by its article's
  date, or by a day it found elsewhere: "On March 25th, the sailors had been inspecting ...") is stated in
  the line's words: the detail check knows only that some source states the day;
- a sentence the model opened with a date that its line states only late, in a clause of its own
  ("announced that it would free the sailors detained on March 23" written "On March 23, Iran announced
  ...") is stated in the line's words: the date now dates the announcement, a day it did not happen;
- a sentence that says the opposite of its line at a word both say (negated in one only: "made no breakthrough"
  for "made a breakthrough"; or a word of the opposite sense: "began" for "ended") is stated in the line's words;
- a sentence that leaves out someone its line names ("He called for the creation of a contact group" for "De
  Mistura welcomed a call by President Macron for the creation of a contact group") is stated in the line's
  words: who did what is the fact; only the line's first-named, its subject, may become "he" or "she";
- a sentence of which a fifth or more of the content words are not its line's says more than the line
  (a gloss, a swapped subject, a clause from another line), and is stated in the line's words; so is one that
  uses a word no source of its line uses, other than a reporting verb or a connective ("De Mistura met with
  Macron's team" for "he had been in touch with Macron's team": one verb, a different fact);
- a line the model split into sentences, one of which misstates it (the second half of "De Mistura announced
  new talks. This round must move to genuine negotiations." drops who said it), is stated in the line's words:
  dropping the faulty half alone would lose what the line says there;
- a later development the model left undated gets its day back ("As reported on 19 June 2007, ...") where the
  plan dates it by its report (not one the plan leaves to the day it states: "contained on 12 October"), and one
  it dated itself ("On June 19th, ...") is dated as the plan dates it;
- what restates the opening line goes first (what ended, where and when), and says where if the model
  left the place out; a later development goes after the event it follows; the model's order is kept
  otherwise;
- the opening line, when the sentence that restates it says less than half of it, is stated in the plan's
  words: the account must say what happened, where and when, and the opening's other half put back beside
  the model's would say its quotation twice;
- a line no written sentence restates, nor shortens, is put back, in the plan's words, at its place in the plan;
  the opening, unless a sentence restates it that is anchored to it; a sentence that states none of a line's own
  months, days or numbers restates another line (one side of a contradiction, "the next round begins on 27 March",
  is no restatement of the other, "... on 20 March"; a toll of 3,400 none of one of 5,000);
- over the budget, what states the lightest lines goes: the opening and a later development are
  kept first (the plan gave them their places for that reason), then the heaviest themes.
Each change is a note, so the summary says where it departs from what the model wrote.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from mdsum.alignment import without_dates
from mdsum.model import Cluster, SummarySentence
from mdsum.planning.mentions import Person, named_people, people_of, referred_to_by_role
from mdsum.planning.select import Plan, PlannedTheme, in_place
from mdsum.planning.timeline import day_marker, introduce
from mdsum.summarisers.postcheck import Verified
from mdsum.summarisers.themes import cited
from mdsum.text.dates import stated_days
from mdsum.text.polarity import negated, reversals
from mdsum.text.quotes import MIN_QUOTE_WORDS, SPEECH_VERB_WORDS, attributes, outside_quotes, reported
from mdsum.text.tokens import content_stems, stems
from mdsum.text.values import WEEKDAYS, extract_dates, extract_numbers, names

FROM_PLAN = 0.5  # share of a sentence's content words the plan's lines must hold, else it is the model's own
RESTATED = 0.5  # share of a line's content words one written sentence must hold to restate it
# Share of a sentence's content words its own line must hold: below it, it says more than the line ("the
# sailors were initially given the location ..., but later it was revealed ..." for "the Iranian government
# initially gave the location ..."), which is where a small model's glosses and swapped subjects are.
FROM_LINE = 0.8
# What a rewrite may say that no source of its line does: who said it, and how it joins what came before.
_REPORTING = " ".join(SPEECH_VERB_WORDS) + (
    " reported mentioned emphasised emphasized highlighted furthermore additionally earlier later previously"
)
# A second sentence restating the same line with this share of its content words in the first says it again
# ("the sailors were stripped of their gear, blindfolded ..." and "the UK crew was stripped of their gear ...").
REPEATS = 0.5
# A sentence anchored to its line holding this share of the line's content words is the model's shortening of
# it: the line is not put back beside it (that would say its part twice), except the opening (`keep_to_plan`).
COMPRESSED = 0.25
HEAD_WORDS = 6  # a date in a sentence's first words heads it: "On March 23rd, Iran's council announced ..."
LINE_HEAD = 1 / 3  # a day a line states in its first third dates its main clause
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
# A later development the model dated itself: "On September 27th, 2017, ...", "As reported on June 19th, ...".
_OPENING_DAY = re.compile(r"^(?:As reported on|On)\s+(?P<day>[^,]{3,40}(?:,\s*\d{4})?),\s+")


def _words(text: str) -> frozenset[str]:
    return frozenset(content_stems(text))


@cache
def _reporting_words() -> frozenset[str]:
    """`_REPORTING` stemmed, once (stemming loads NLTK, which importing this module must not)."""
    return _words(_REPORTING)


def _anchor(sentence: frozenset[str], lines: Sequence[frozenset[str]]) -> int:
    """The line sharing most of the sentence's content words (the earliest on a tie)."""
    return max(range(len(lines)), key=lambda k: (len(sentence & lines[k]), -k))


def _drops_speaker(text: str, words: frozenset[str], line: str) -> bool:
    """Whether ``text`` (content ``words``) states what its ``line`` only reports someone said, naming no speaker."""
    return attributes(line) and not attributes(text) and len(words & reported(line)) >= MIN_QUOTE_WORDS


def _date_span(words: Sequence[str], day: dt.date, published: dt.date | None) -> tuple[int, int] | None:
    """The words ``[start, end)`` of the first mention of ``day`` in ``words``, None when it is not stated."""
    end = next((k for k in range(1, len(words) + 1) if day in stated_days(" ".join(words[:k]), published)), None)
    if end is None:
        return None
    return max(j for j in range(end) if day in stated_days(" ".join(words[j:end]), published)), end


def _fronts_a_date(text: str, line: str, published: dt.date | None) -> bool:
    """Whether ``text`` opens with a day that ``line`` states only late, inside a clause of its own ("...
    sailors detained by Iranian forces on March 23", "figures published by Oxfam on 26 March 2005 reveal"):
    fronted, the date dates the main clause ("On March 23rd, Iran's council announced ..."), a day that clause
    may not have happened. A line that states the day early ("Ahmadinejad on Wednesday 4 April announced")
    dates its main clause itself."""
    words = line.split()
    for day in stated_days(" ".join(text.split()[:HEAD_WORDS]), published):
        span = _date_span(words, day, published)
        if span is not None and span[0] > LINE_HEAD * len(words):
            return True
    return False


def _as_the_plan_dates(text: str, day: dt.date, names: frozenset[str]) -> str | None:
    """``text`` opened by the plan's marker of ``day`` where the model opened it with a marker of its own for that
    day ("On June 19th, ..."), None where it did not or the marker is the plan's already. The plan writes
    "As reported on <day>" before what a report may recall from an earlier day, so a model's "On <day>, engineers
    found ..." would date the finding by its report; and it writes every later day alike ("19 June 2007")."""
    opening = _OPENING_DAY.match(text)
    if opening is None or day not in stated_days(opening["day"], day):
        return None
    if set(WEEKDAYS) & set(opening["day"].lower().replace(",", " ").split()):
        return None  # "On Wednesday, 27 September, ...": where the day ends is not read here, so it is left
    rest = text[opening.end() :]
    redated = introduce(rest, day_marker(day, rest), names)
    return None if redated == text else redated


def _reverses(text: str, line: str) -> bool:
    """Whether ``text`` points the other way from its ``line`` at a word both say: negated in one and not the
    other ("the talks made no breakthrough" for "the talks made a breakthrough"), or said with a word of the
    opposite sense ("the talks began" for "the talks ended"). Both keep every content word, so the share of
    the line's words that a rewrite keeps cannot tell them apart, and a small model's Yes/No often misses it."""
    shared = frozenset(content_stems(text)) & frozenset(content_stems(line))
    if negated(text, shared) != negated(line, shared):
        return True
    return bool(reversals(frozenset(stems(line)), frozenset(stems(text))))


def _drops_someone(text: str, line: str, known: dict[str, Person]) -> bool:
    """Whether ``text`` leaves out a person ``line`` names: anyone but the line's first-named, who may be
    a pronoun ("he"), must be named."""
    named = named_people(line, known)
    missing = [key for key in named if key not in named_people(text, known)]
    pronoun = bool(_PERSONAL_PRONOUN.search(outside_quotes(text)))
    return bool(missing) and (missing != named[:1] or not pronoun)


def _details(text: str) -> frozenset[str]:
    """The names and numbers (other than dates, which `stated_days` compares) ``text`` states, as strings."""
    undated = without_dates(text)
    return frozenset([*(name.lower() for name in names(undated)), *(f"{n:g}" for n in extract_numbers(undated))])


class _Values(NamedTuple):
    """The months, days (absolute dates only) and other numbers a text states."""

    months: frozenset[int]
    days: frozenset[dt.date]
    numbers: frozenset[float]

    @classmethod
    def of(cls, text: str) -> _Values:
        months = frozenset(date.month for date in extract_dates(text)[0] if date.month is not None)
        return cls(months, frozenset(stated_days(text, None)), frozenset(extract_numbers(without_dates(text))))


def _keeps_values(values: _Values, item: PlannedTheme) -> bool:
    """Whether a sentence stating ``values`` states one of ``item``'s own months, days and numbers, of each kind
    it has (its own, not its report's: "As reported on ...")."""
    statement = item.statement
    return (
        (not statement.months or bool(values.months & {month for _, month in statement.months}))
        and (not statement.days or bool(values.days & set(statement.days)))
        and (not statement.numbers or bool(values.numbers & statement.numbers))
    )


def _with_names(line: str, known: dict[str, Person]) -> str:
    """``line`` followed by the full names of those it refers to by role alone, whom a rewrite may name."""
    return " ".join([line, *(known[key].full_name for key in referred_to_by_role(line, known))])


def _misstates(
    text: str,
    words: frozenset[str],
    item: PlannedTheme,
    named: str,
    elsewhere: frozenset[str],
    known: dict[str, Person],
) -> str | None:
    """How ``text`` (content ``words``) misstates its plan line (``named``: the line `_with_names`), if it
    does: a detail of another line (``elsewhere``: the names and numbers of the plan's other lines), a day,
    who said it, or who did it (``known``: the people the articles name)."""
    published = item.statement.published
    if (_details(text) & elsewhere) - _details(named):
        return "gives its line a name or number of another line"
    if set(stated_days(text, published)) - set(stated_days(item.text, published)):
        return "states a day its line does not"
    if _fronts_a_date(text, item.text, published):
        return "moves a date from late in its line to its opening"
    if _drops_speaker(text, words, item.text):
        return "drops who said it"
    if attributes(text) and not attributes(item.text):
        return "says someone said what its line states as fact"
    if _drops_someone(text, item.text, known):
        return "leaves out someone its line names"
    if _reverses(text, item.text):
        return "says the opposite of its line"
    own = _words(named)
    if len(words & own) < FROM_LINE * len(words):
        return "says more than its line"
    added = (
        words - own - _reporting_words() - frozenset().union(*(statement.stems for statement in item.theme.statements))
    )
    # days are checked above; a lone letter is a possessive's "s" ("the deck's side"), which rouge-score's
    # tokenizer splits off
    if unsourced := {word for word in added if len(word) > 1 and not any(character.isdigit() for character in word)}:
        return f"uses a word no source of its line uses ({', '.join(sorted(unsourced))})"
    return None


def _dated_lines_in_plan_order(
    in_time: list[tuple[int, SummarySentence]], plan: Plan, day: Callable[[int], dt.date]
) -> list[tuple[int, SummarySentence]]:
    """``in_time`` (pairs of a plan line and the sentence restating it) with the sentences of lines that state their
    own day put in the plan's order among themselves, within each report's block (``day``: a line's report, for a
    later development), the opening first still: a model that tells "Investigators said on 21 October that a power
    line started the fire" before "The fire was contained on 12 October" tells a later day first. The model's order
    holds for the other sentences."""
    result = list(in_time)
    for report in dict.fromkeys(day(line) for line, _ in in_time):
        places = [
            k for k, (line, _) in enumerate(in_time) if day(line) == report and line and plan.items[line].statement.days
        ]
        for place, pair in zip(places, sorted((in_time[k] for k in places), key=lambda pair: pair[0]), strict=True):
            result[place] = pair
    return result


def keep_to_plan(sentences: Sequence[SummarySentence], plan: Plan, cluster: Cluster, words: int) -> Verified:
    """``sentences`` (verified model output, which may run over the budget) held to ``plan`` within ``words``
    words, with a note per change."""
    if not plan.items:
        return Verified(list(sentences), [])
    notes: list[str] = []
    lines = [_words(item.text) for item in plan.items]
    details = [_details(item.text) for item in plan.items]
    stated = frozenset().union(*lines)
    plan_names = frozenset(name for item in plan.items for s in item.theme.statements for name in s.names)
    known = people_of(cluster)
    named = [_with_names(item.text, known) for item in plan.items]
    anchored: list[tuple[int, SummarySentence]] = []
    for sentence in sentences:
        own = _words(sentence.text)
        if own and len(own & stated) < FROM_PLAN * len(own):
            notes.append(f"dropped a model sentence that restates no line of the plan: {sentence.text}")
            continue
        line = _anchor(own, lines)
        item = plan.items[line]
        if any(other == line and len(own & _words(earlier.text)) >= REPEATS * len(own) for other, earlier in anchored):
            notes.append(
                f"dropped a model sentence that says again what an earlier one says of its line: {sentence.text}"
            )
            continue
        elsewhere = frozenset().union(*(details[k] for k in range(len(details)) if k != line))
        misstated = _misstates(sentence.text, own, item, named[line], elsewhere, known)
        if misstated:
            split = next((k for k, (other, _) in enumerate(anchored) if other == line), None)
            if split is not None and anchored[split][1].text == item.text:
                notes.append(f"dropped a model sentence that {misstated}, repeating a stated line: {sentence.text}")
                continue
            if split is not None:
                notes.append(
                    f"stated in the plan's words a line the model split, one part of which {misstated}: {sentence.text}"
                )
                anchored[split] = (line, SummarySentence(item.text, cited(cluster, item)))
                continue
            notes.append(f"stated in the plan's words a model sentence that {misstated}: {sentence.text}")
            sentence = SummarySentence(item.text, cited(cluster, item))
        elif (
            item.reported_on
            and item.reported_on in stated_days(item.text, item.reported_on)  # the plan dates it by its report
            and item.reported_on not in stated_days(sentence.text, item.reported_on)
        ):
            notes.append(f"dated a later development the model left undated: {sentence.text}")
            marker = day_marker(item.reported_on, sentence.text)
            sentence = SummarySentence(introduce(sentence.text, marker, plan_names), sentence.sources)
        elif item.reported_on and (redated := _as_the_plan_dates(sentence.text, item.reported_on, plan_names)):
            notes.append(f"dated a later development as the plan does: {sentence.text}")
            sentence = SummarySentence(redated, sentence.sources)
        anchored.append((line, sentence))

    def day(line: int) -> dt.date:
        return plan.items[line].reported_on or dt.date.min

    in_time = _dated_lines_in_plan_order(sorted(anchored, key=lambda pair: (day(pair[0]), pair[0] != 0)), plan, day)
    if in_time != anchored:
        notes.append("moved what restates the opening line first and later developments last, in time order")
    if in_time and in_time[0][0] == 0 and len(_words(in_time[0][1].text) & lines[0]) < RESTATED * len(lines[0]):
        notes.append(
            f"stated the opening in the plan's words, which say what happened, where and when: {in_time[0][1].text}"
        )
        in_time[0] = (0, SummarySentence(plan.items[0].text, cited(cluster, plan.items[0])))
    if plan.place and in_time and in_time[0][0] == 0 and plan.place not in in_time[0][1].text:
        opening = in_time[0][1]
        in_time[0] = (0, SummarySentence(in_place(opening.text, plan.place, plan_names), opening.sources))
        notes.append(f"said where, as the plan's opening does: {opening.text}")
    written = [(_words(sentence.text), _Values.of(sentence.text)) for _, sentence in in_time]
    compressed = {k for k, sentence in in_time if len(_words(sentence.text) & lines[k]) >= COMPRESSED * len(lines[k])}
    # The opening is restated only by a sentence anchored to it: another line may share half its words in its
    # day and place ("West Yorkshire Police searched six houses in Leeds on 12 July 2005 ... the London bombings"
    # for "Profiles of the suspects in the July 7, 2005 bombings in London have been released"). A sentence that
    # states none of a line's own months, days or numbers restates another line: one side of a
    # contradiction ("the next round begins on 27 March") does not restate the other ("... on 20 March"), nor a
    # toll of 3,400 one of 5,000.
    opened = bool(in_time) and in_time[0][0] == 0
    left_out = [
        k
        for k, line in enumerate(lines)
        if k not in compressed
        and not (
            opened
            if k == 0
            else any(
                len(own & line) >= RESTATED * len(line) and _keeps_values(values, plan.items[k])
                for own, values in written
            )
        )
    ]

    def rank(line: int) -> tuple[bool, bool, float]:
        """What the budget keeps first: the opening, then a later development, then the heaviest theme."""
        item = plan.items[line]
        return (line != 0, item.later is None, -item.theme.weight)

    # Written sentences and left-out lines compete for the budget by the rank of the line they state,
    # a written sentence first on a tie (it may state more than its line).
    entries = [(rank(line), 0, position) for position, (line, _) in enumerate(in_time)]
    entries += [(rank(line), 1, line) for line in left_out]
    kept: set[tuple[int, int]] = set()
    used = 0
    for _, restored, index in sorted(entries):
        length = len((plan.items[index].text if restored else in_time[index][1].text).split())
        if used + length <= words:
            kept.add((restored, index))
            used += length
    if cut := sum((0, position) not in kept for position in range(len(in_time))):
        notes.append(f"left out {cut} model sentence(s) to fit {words} words, keeping the heavier lines of the plan")
    in_time = [pair for position, pair in enumerate(in_time) if (0, position) in kept]
    put_back = [line for line in left_out if (1, line) in kept]
    for k in put_back:
        place = next((i for i, (line, _) in enumerate(in_time) if (day(line), line) > (day(k), k)), len(in_time))
        in_time.insert(place, (k, SummarySentence(plan.items[k].text, cited(cluster, plan.items[k]))))
    if put_back:
        notes.append(f"stated {len(put_back)} line(s) of the plan that the rewrite does not, in the plan's words")
    return Verified([sentence for _, sentence in in_time], notes)
