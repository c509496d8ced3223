"""The plan: which themes a summary states, with which sentence, in what order, dated how.

Themes are taken by weight, skipping one whose sentence repeats a sentence already taken, while
their sentences fit the word budget, then, with words to spare, by weight again, skipping only a close repeat
(`FILL_REDUNDANCY`); a weight may also be discounted by its similarity to those
taken (maximal marginal relevance, ``novelty``), which by default it is not: on the four
checklisted clusters the discount only traded heavier themes for lighter ones. The event theme that
the most articles lead with goes first, stated by its lead (what happened, where, when) -- after an earlier
report's lead that counts what it counts with other numbers, when there is one (a toll that rose); right after it,
the heaviest theme of each later report, heaviest first, so a later development is never crowded out
by the event's minor details -- while they take no more than `LATER_SHARE` of the words: a cluster
that follows a story for months (five later reports in MultiLing's tsunami cluster) must still tell
the event. Every other theme is stated by its shortest self-contained sentence
(see `Statement.standalone`), relative days written out; a theme with none is left out,
since its sentences cannot stand in a summary alone -- unless, with words to spare, one of them
is the next sentence of a chosen one's article and is told right after it (`_continuations`).
The chosen themes are told in time order, an undated one that goes on from an earlier one right
after it (`cohesive`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mdsum.model import Cluster
from mdsum.planning.mentions import Person, event_place, introduce_people, introduction_words, mention_once, people
from mdsum.planning.statements import Statement, read_statements, with_subjects_named
from mdsum.planning.themes import Theme, ThemeMap, find_themes
from mdsum.planning.timeline import Timeline, day_marker, introduce
from mdsum.text.polarity import negated
from mdsum.text.quotes import quote_overlap, speech_stems
from mdsum.text.tokens import stems
from mdsum.text.values import counted_differently

# The share of the budget the later reports' heaviest themes may take before every theme competes by weight:
# on the four checklisted clusters, all of it (no limit) gave pyramid 0.470 with the tsunami cluster dated in
# full, a half 0.535, a third 0.522, a quarter 0.515; the seeds' one later report is stated at any of them.
LATER_SHARE = 0.5
COHESION = 0.4  # similarity from which an undated sentence is told right after the one it goes on from
# With words left once no theme fits that repeats none chosen, a theme this close to a chosen one may still be told:
# in a small cluster about one incident every sentence is near every other ("two 911 calls from the daughters"
# beside "both called 911 before their mother shot them"), and the first pass left Multi-News accounts at 82% of
# their budget (similarity 0.62 in that example). multinews_test_50, ROUGE-2 of `themes`: 13.76 -> 14.13 (at 0.6:
# 14.12, without the example); 150 held-out Multi-News train clusters 13.31 -> 13.46 (either); the four checklisted
# clusters' accounts fill their budget in the first pass and do not change.
FILL_REDUNDANCY = 0.7
# A plan this much shorter than its budget says why, so an account of 110 words asked for 250 is not taken for a fault.
SHORT = 2 / 3
# A day this close before a report's is the news it reports: "A judge on Monday sentenced ..." in Tuesday's paper.
NEWS_DAYS = 2


@dataclass(frozen=True)
class PlannedTheme:
    """A selected theme and the sentence that states it in the summary."""

    theme: Theme
    statement: Statement  # the representative source sentence
    text: str  # as the summary states it: relative days resolved, date marker or attribution added
    later: dt.date | None  # the later report's day, for a later development
    sources: tuple[tuple[Statement, float], ...]  # the representative, then each other document's closest

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def reported_on(self) -> dt.date | None:
        """For a later development, the day of the report its sentence comes from, which dates and places it
        (its theme's first report may be an earlier one); None for the event's themes."""
        return self.statement.published if self.later else None


@dataclass(frozen=True)
class Plan:
    """The opening theme, then the others in time order, and notes on how they were chosen."""

    items: tuple[PlannedTheme, ...]
    notes: tuple[str, ...] = ()
    place: str | None = None  # where the event happened, which the opening names ("Geneva")

    @property
    def words(self) -> int:
        return sum(item.words for item in self.items)


def representative(theme: Theme, timeline: Timeline) -> Statement | None:
    """The shortest self-contained statement of ``theme`` (the earliest on a tie), from a report of the event
    where one states it: a theme that the event's reports and a later one share ("ballots had been tampered
    with", alleged, then "no evidence that ballots had been tampered with", weeks later) is told as the event's.
    Of those, one that tells what happened after the theme's first report was published goes first (`developments`),
    and then one that gives every number the others give: "Unions said 150,000 people joined the march, while police
    estimated the crowd at 40,000", not the police's count alone.
    """
    own = [statement for statement in theme.statements if statement.standalone]
    candidates = [statement for statement in own if not timeline.is_later(statement.document)] or own
    candidates = developments(theme, candidates) or candidates
    numbers = frozenset().union(*(statement.numbers for statement in candidates))
    return min(
        [statement for statement in candidates if statement.numbers >= numbers] or candidates,
        key=lambda statement: (statement.words, statement.document, statement.sentence),
        default=None,
    )


def developments(theme: Theme, statements: Sequence[Statement]) -> list[Statement]:
    """Those of ``statements`` that tell a day after the first report of ``theme`` was published, and by their own
    report's day: what the first report could not tell yet. "The prime minister on Wednesday named Erik Dahl as
    health minister" and Tuesday's "The prime minister said a successor would be named shortly" share their words;
    told by the shorter, the account would leave out who was named, and place Tuesday's promise on Wednesday."""
    first = min((statement.published for statement in theme.statements if statement.published), default=None)
    return [
        statement
        for statement in statements
        if first and statement.days and statement.published and first < min(statement.days) <= statement.published
    ]


def opening(theme: Theme) -> Statement | None:
    """The self-contained statement of ``theme`` that comes first in its article, shortest on a tie:
    a summary opens as news does, with a lead that says what happened, where and when."""
    return min(
        (statement for statement in theme.statements if statement.standalone),
        key=lambda statement: (statement.position, statement.words, statement.document),
        default=None,
    )


@dataclass(frozen=True)
class _Selection:
    """Greedy selection state: the themes, who states each, and what is chosen so far."""

    themes: ThemeMap
    timeline: Timeline
    speakers: dict[int, Statement]  # theme index -> the statement that states it
    redundancy: float
    introductions: dict[int, dict[str, int]]  # theme index -> who its sentence names, and the words introducing them
    updates: dict[int, dt.date]  # theme index -> the day of the later count it tells (`first_count`)

    def cost(self, t: int, chosen: Sequence[int]) -> int:
        """The words of its sentence with the longest lead-in it may get, and the words introducing
        the people it names by surname alone whom no ``chosen`` sentence names (room kept in case it is
        their first mention; a person is introduced once)."""
        statement = self.speakers[t]
        lead_ins = [""]
        if (later := self.timeline.later_day(self.themes.themes[t])) is not None:
            lead_ins.append(day_marker(later, statement.resolved))
        if self.themes.conflicting(t):
            lead_ins.append(self.timeline.attribution(statement.document))
        if t in self.updates:
            lead_ins.append(day_marker(self.updates[t], statement.resolved))
        lead_in = max(len(lead_in.split()) for lead_in in lead_ins)
        named = {key for c in chosen for key in self.introductions[c]}
        introducing = sum(words for key, words in self.introductions[t].items() if key not in named)
        return statement.words + lead_in + introducing

    def repeats(self, t: int, chosen: Sequence[int]) -> bool:
        """Says what a chosen theme's sentence says, or repeats its quotation (a contradiction does not). A
        sentence that states a number the chosen one does not says something more ("52 people died and 700
        were injured" beside "52 people were killed"; "40 million euros, the opposition said" beside the
        council's 12 million). One whose every word, but who said it, a chosen sentence holds, and in the same
        sense, says nothing more, however short ("Mora said the atmosphere had been constructive" beside "The
        envoy described the atmosphere of the talks as constructive and businesslike")."""
        first = self.speakers[t]
        news = first.stems - speech_stems() - frozenset(stem for key in self.introductions[t] for stem in stems(key))
        return any(
            (
                self.themes.statement_similarity(first, self.speakers[c]) >= self.redundancy
                and first.numbers <= self.speakers[c].numbers
            )
            or quote_overlap(first.quotes, self.speakers[c].quotes) > 0
            or _holds(self.speakers[c], first, news)
            for c in chosen
            if c not in self.themes.conflicting(t)  # the other side of a contradiction says something else
        )

    def overlap(self, t: int, chosen: Sequence[int]) -> float:
        return max((self.themes.statement_similarity(self.speakers[t], self.speakers[c]) for c in chosen), default=0.0)


MIN_NEWS = 2  # content words a sentence must say, beyond who said it, for `_holds` to judge it


def _holds(chosen: Statement, other: Statement, news: frozenset[str]) -> bool:
    """Whether ``chosen`` states all that ``other`` does: its ``news`` (its content words less who said it), its
    numbers, each word negated in both or in neither."""
    return (
        len(news) >= MIN_NEWS
        and news <= chosen.stems
        and other.numbers <= chosen.numbers
        and negated(other.text, news) == negated(chosen.text, news)
    )


def choose(
    themes: ThemeMap, timeline: Timeline, words: int, redundancy: float, novelty: float, known: dict[str, Person]
) -> tuple[list[tuple[int, Statement]], dict[Statement, tuple[int, Statement]], dict[int, dt.date]]:
    """The themes to state and the statement that states each, opening theme first; where words are left
    once no self-contained sentence fits, the sentence that goes on from a chosen one (`_continuations`); and the
    chosen theme that recounts the opening's count on a later day, with that day (`first_count`).

    The event theme that the most articles open with opens (`opener`), stated by its lead; then each later
    report's heaviest theme; then the rest, greedily by weight discounted by similarity to the chosen.
    """
    speakers = {t: statement for t, theme in enumerate(themes.themes) if (statement := representative(theme, timeline))}
    event = [t for t in speakers if timeline.later_day(themes.themes[t]) is None]
    article_leads = _leads(themes)
    opens = [opener(themes, article_leads, event)] if event else []
    for t in opens:
        speakers[t] = opening(themes.themes[t]) or speakers[t]
    updates: dict[int, dt.date] = {}
    if opens and (counted := first_count(themes, article_leads, event, opens[0], speakers[opens[0]])) is not None:
        recount = speakers[opens[0]]
        if recount.published is not None and recount.published not in recount.days:
            updates[opens[0]] = recount.published
        opens.insert(0, counted[0])
        speakers[counted[0]] = counted[1]
    later_leads: dict[dt.date, int] = {}
    for t in speakers:
        if (day := timeline.later_day(themes.themes[t])) is not None:
            later_leads.setdefault(day, t)
    introductions = {t: introduction_words(statement.resolved, known) for t, statement in speakers.items()}
    selection = _Selection(themes, timeline, speakers, redundancy, introductions, updates)
    chosen: list[int] = []
    left = words
    later_room = words * LATER_SHARE
    leads = sorted(later_leads.values(), key=lambda t: (-themes.themes[t].weight, t))
    for t in [*opens, *leads]:
        cost = selection.cost(t, chosen)
        later = t in leads
        room = min(left, later_room) if later else left
        if cost <= room and not selection.repeats(t, chosen):
            chosen.append(t)
            left -= cost
            later_room -= cost if later else 0
    left = _by_weight(selection, chosen, left, novelty)
    left = _by_weight(
        dataclasses.replace(selection, redundancy=max(redundancy, FILL_REDUNDANCY)), chosen, left, novelty
    )
    continuations, left = _continuations(selection, chosen, left, known)
    if chosen and speakers[chosen[0]] not in continuations:  # a lead goes on as its article does, or tells more
        _told_more_fully(selection, chosen, left, [after for _, after in continuations.values()], known)
    return [(t, speakers[t]) for t in chosen], continuations, {t: day for t, day in updates.items() if t in chosen}


def _told_more_fully(
    selection: _Selection, chosen: list[int], left: int, also: Sequence[Statement], known: dict[str, Person]
) -> None:
    """With ``left`` words to spare, the opening theme is stated (in ``selection.speakers``) by another article's
    longer lead that tells more: one that adds at least `MIN_NEWS` content words no chosen sentence states, beyond
    those it leaves out, and keeps every number of the lead it replaces ("The earthquake killed at least 159
    people, and the government declared a state of emergency" for "The earthquake has killed at least 159 people,
    officials said": the opening theme groups the leads by what they share, and one may tell a second fact nothing
    else states). ``also``: the other sentences told (continuations)."""
    t, others = chosen[0], chosen[1:]
    current = selection.speakers[t]
    told = frozenset().union(*(s.stems for s in [*(selection.speakers[c] for c in chosen), *also])) | speech_stems()
    before = selection.cost(t, others)
    fuller = [
        (len(statement.stems - told) - len(current.stems - statement.stems - speech_stems()), statement)
        for statement in selection.themes.themes[t].statements
        if statement.standalone and statement.position <= current.position and current.numbers <= statement.numbers
    ]
    for gained, statement in sorted(fuller, key=lambda pair: (-pair[0], pair[1].words)):
        if gained < MIN_NEWS:
            return
        introducing = introduction_words(statement.resolved, known)
        trial = dataclasses.replace(
            selection,
            speakers={**selection.speakers, t: statement},
            introductions={**selection.introductions, t: introducing},
        )
        if 0 < trial.cost(t, others) - before <= left and not trial.repeats(t, others):
            selection.speakers[t], selection.introductions[t] = statement, introducing
            return


def _leads(themes: ThemeMap) -> frozenset[Statement]:
    """Each article's lead: its first self-contained sentence."""
    leads: dict[int, Statement] = {}
    for statement in themes.statements:  # in each document's order
        if statement.standalone:
            leads.setdefault(statement.document, statement)
    return frozenset(leads.values())


def opener(themes: ThemeMap, leads: frozenset[Statement], event: Sequence[int]) -> int:
    """The theme of ``event`` (theme indices, heaviest first) that opens the account: the one holding the most
    articles' ``leads``, as news opens with what happened, where and when; the heaviest of those. The heaviest
    theme of all may be a reaction ("The mayor promised to rebuild every home") that no article opens with."""
    held = [sum(statement in leads for statement in themes.themes[t].statements) for t in event]
    return event[min(range(len(event)), key=lambda k: (-held[k], k))]


def first_count(
    themes: ThemeMap, leads: frozenset[Statement], event: Sequence[int], first: int, opening: Statement
) -> tuple[int, Statement] | None:
    """The other theme of ``event`` and its lead (one of ``leads``), from a report dated before ``opening``'s (the
    lead of the opening theme, ``first``), that counts what ``opening`` counts with other numbers ("killing at least
    12 people" on 12 March, "killed 27 people" on 13 March): a toll that rose is told in time order, its first count
    opening the account and the later one dated after it, not opening with 27 and going back to 12. The earliest
    such report's, the heaviest theme on a tie."""
    if opening.published is None:
        return None
    earlier = [
        (lead.published, t, lead)
        for t in event
        if t != first
        for lead in themes.themes[t].statements
        if lead in leads
        and lead.published is not None
        and lead.published < opening.published
        and counted_differently(lead.measures, opening.measures)
    ]
    return min(earlier, key=lambda found: found[:2])[1:] if earlier else None


def _by_weight(selection: _Selection, chosen: list[int], left: int, novelty: float) -> int:
    """Add to ``chosen`` the heaviest theme (weight discounted by ``novelty`` x its similarity to the chosen) that
    fits in the ``left`` words and repeats none chosen, until none does; the words then left."""
    weight = [theme.weight for theme in selection.themes.themes]
    while candidates := [
        t
        for t in selection.speakers
        if t not in chosen and selection.cost(t, chosen) <= left and not selection.repeats(t, chosen)
    ]:
        best = max(candidates, key=lambda t: (weight[t] * (1 - novelty * selection.overlap(t, chosen)), -t))
        left -= selection.cost(best, chosen)
        chosen.append(best)
    return left


def _continuations(
    selection: _Selection, chosen: Sequence[int], left: int, known: dict[str, Person]
) -> tuple[dict[Statement, tuple[int, Statement]], int]:
    """For chosen sentences, heaviest first, the next sentence of their article when it is prose that leans back
    on them ("He said the repair ...", "But the council ..."), says nothing a chosen one says, and fits: told right
    after the sentence it leans on, it reads as its article does. A short cluster of few self-contained sentences
    (Multi-News: about 15) otherwise leaves much of its budget unused. And the words then left."""
    themes = selection.themes
    at = {(statement.document, statement.sentence): statement for statement in themes.statements}
    theme_of = {statement: t for t, theme in enumerate(themes.themes) for statement in theme.statements}
    stated = [selection.speakers[t] for t in chosen]
    taken = set(chosen)
    named = {key for t in chosen for key in selection.introductions[t]}
    found: dict[Statement, tuple[int, Statement]] = {}
    for before in stated:  # grows: a continuation may have one of its own
        after = at.get((before.document, before.sentence + 1))
        if after is None or not after.continues or theme_of[after] in taken:
            continue
        introducing = introduction_words(after.resolved, known)
        cost = after.words + sum(words for key, words in introducing.items() if key not in named)
        if cost > left or any(
            themes.statement_similarity(after, other) >= selection.redundancy
            or quote_overlap(after.quotes, other.quotes) > 0
            for other in stated
        ):
            continue
        found[before] = (theme_of[after], after)
        taken.add(theme_of[after])
        stated.append(after)
        named |= set(introducing)
        left -= cost
    return found, left


def _sources(themes: ThemeMap, theme: Theme, own: Statement) -> tuple[tuple[Statement, float], ...]:
    """``own`` (score 1), then the theme's statement of each other document most similar to it."""
    best: dict[int, tuple[Statement, float]] = {}
    for statement in theme.statements:
        score = themes.statement_similarity(own, statement)
        if statement.document != own.document and (
            statement.document not in best or score > best[statement.document][1]
        ):
            best[statement.document] = (statement, round(score, 4))
    return ((own, 1.0), *sorted(best.values(), key=lambda pair: (-pair[1], pair[0].document)))


def _render(
    themes: ThemeMap,
    timeline: Timeline,
    chosen: Sequence[tuple[int, Statement]],
    continuations: dict[Statement, tuple[int, Statement]],
    updates: dict[int, dt.date],
) -> list[PlannedTheme]:
    """The opening theme, then the others in time order, each continuation right after the sentence it goes on
    from; each later day's first sentence introduced by its date (unless it states a day of its own: "On Sunday,
    January 16, ..."), each side of a contradiction by its report's date. After a later report's sentence that
    states the day of the news it reports (its day or up to `NEWS_DAYS` before), its other sentences need no date:
    "A judge on Monday 14 April sentenced Kerr to six years" and then "On 15 April, the judge said ..." would date
    what she said at the sentencing by the next day's report.

    A later sentence is dated, and placed, by the report it comes from: its theme's first report
    may be an earlier one, and the account must not say "On 18 December 2005" before a sentence
    from 7 July 2009."""
    items: list[PlannedTheme] = []
    introduced: set[dt.date] = set()
    names = frozenset(name for statement in themes.statements for name in statement.names)
    picked = [t for t, _ in chosen]

    def said_on(t: int, statement: Statement) -> dt.date | None:
        return timeline.published[statement.document] if timeline.later_day(themes.themes[t]) else None

    head = [] if _opens_too_late(themes, timeline, chosen) else list(chosen[:1])
    rest = chosen[len(head) :]
    in_order = [rest[k] for k in timeline.order([themes.themes[t] for t, _ in rest])]
    in_order.sort(key=lambda pair: said_on(*pair) or dt.date.min)  # stable: the event's themes keep their order
    for t, statement in cohesive(themes, timeline, [*head, *in_order]):
        theme = themes.themes[t]
        text = statement.resolved
        day = said_on(t, statement)
        if sides := [themes.themes[c] for c in themes.conflicting(t) if c in picked]:
            answers = any(item.theme in sides for item in items)  # the other side is told already
            text = introduce(text, timeline.attribution(statement.document, answers), names)
        elif day is not None and day not in introduced and not statement.days:
            text = introduce(text, day_marker(day, text), names)
        elif t in updates:  # a later count of what the opening counts
            text = introduce(text, day_marker(updates[t], text), names)
        if day is not None and (
            not statement.days or any(0 <= (day - told).days <= NEWS_DAYS for told in statement.days)
        ):
            introduced.add(day)
        items.append(
            PlannedTheme(theme, statement, text, timeline.later_day(theme), _sources(themes, theme, statement))
        )
        while statement in continuations:
            own, statement = continuations[statement]
            theme = themes.themes[own]
            items.append(
                PlannedTheme(theme, statement, statement.resolved, items[-1].later, _sources(themes, theme, statement))
            )
    return items


def _opens_too_late(themes: ThemeMap, timeline: Timeline, chosen: Sequence[tuple[int, Statement]]) -> bool:
    """Whether another article's chosen lead tells an earlier day of the event than the opening sentence does,
    and as many articles lead with its theme as with the opening's.

    When the articles each lead with a different day of the story ("Polis declared a disaster emergency on
    Thursday" in one, "The fire forced 8,000 people to evacuate on Wednesday" in another), opening with the
    heaviest of them would tell Thursday before Wednesday; the opening then takes its place in time order with
    the rest. A day that only background recalls ("Delegates arrived on Monday", "The mayor had promised on
    1 March") or that fewer articles lead with leaves the opening first: what ended, where and when.
    """
    if not chosen or not chosen[0][1].days:
        return False
    leads = _leads(themes)

    def held(t: int) -> int:
        return sum(statement in leads for statement in themes.themes[t].statements)

    opened, opening_held = min(chosen[0][1].days), held(chosen[0][0])
    return any(
        statement in leads
        and statement.days
        and min(statement.days) < opened
        and held(t) >= opening_held
        and timeline.later_day(themes.themes[t]) is None
        for t, statement in chosen[1:]
    )


def cohesive(
    themes: ThemeMap, timeline: Timeline, ordered: Sequence[tuple[int, Statement]]
) -> list[tuple[int, Statement]]:
    """``ordered`` with each undated event sentence told right after the earlier sentence it goes on from.

    Time order alone can part two sentences on one topic ("De Mistura welcomed Macron's call for a
    contact group" ... "De Mistura supported the effort"), leaving the second's "the effort" pointing
    at whatever came before it. As in Barzilay, Elhadad & McKeown's augmented chronological ordering
    (2002), related sentences are kept in one block: a sentence that states no day of its own and is
    more like an earlier sentence of its day (at `COHESION` or more) than like the one before it joins that
    sentence's block. Dated sentences and a later report's keep their place, and no sentence goes back to
    another day's (the new minister's first words go after his appointment, the day after his predecessor
    resigned, not among that day's sentences).
    """
    blocks: list[list[tuple[int, Statement]]] = []
    for t, statement in ordered:
        theme = themes.themes[t]
        placed = [pair for block in blocks for pair in block]
        if placed and not theme.days and timeline.later_day(theme) is None:
            day = timeline.happened(theme)
            similarity = [
                themes.statement_similarity(statement, earlier)
                if timeline.happened(themes.themes[other]) == day
                else 0.0
                for other, earlier in placed
            ]
            best = max(range(len(placed)), key=lambda k: (similarity[k], -k))
            previous = themes.statement_similarity(statement, placed[-1][1])
            if similarity[best] >= COHESION and similarity[best] > previous:
                next(block for block in blocks if placed[best] in block).append((t, statement))
                continue
        blocks.append([(t, statement)])
    return [pair for block in blocks for pair in block]


def _first_mentions(
    items: list[PlannedTheme], themes: ThemeMap, known: dict[str, Person], words: int
) -> tuple[list[PlannedTheme], str | None]:
    """The opening names where the event happened, and each person is introduced at first mention,
    in the articles' own words and while the budget allows, and called by surname after it (see
    `mdsum.planning.mentions`); and the place."""
    if not items:
        return items, None
    texts = [item.text for item in items]
    everywhere = [statement.text for statement in themes.statements]
    opening = items[0]
    statements = [statement.text for statement in opening.theme.statements]
    place = None if opening.later else event_place(opening.statement.text, statements, everywhere)
    if place and place not in texts[0] and len(place.split()) + 1 <= words - sum(item.words for item in items):
        texts[0] = in_place(texts[0], place, frozenset(name for s in themes.statements for name in s.names))
    spare = words - sum(len(text.split()) for text in texts)
    texts = mention_once(introduce_people(texts, known, spare), known)
    return [dataclasses.replace(item, text=text) for item, text in zip(items, texts, strict=True)], place


def extended(plan: Plan, more: Plan) -> Plan:
    """``more`` (a plan of the same cluster for a larger budget), with each line of ``plan`` that it lacks put
    back after the line that precedes it in ``plan``: a longer plan need not keep every line of a shorter one
    (a heavy line that now fits crowds a light one out), yet a rewrite of ``plan`` is held to every line it read."""
    items = list(more.items)
    for k, item in enumerate(plan.items):
        statements = [kept.statement for kept in items]
        if item.statement not in statements:
            before = plan.items[k - 1].statement if k else None
            items.insert(statements.index(before) + 1 if before in statements else k, item)
    return dataclasses.replace(more, items=tuple(items), place=plan.place)


def in_place(sentence: str, place: str, names: frozenset[str]) -> str:
    """``sentence`` opened by where the event happened ("In Geneva, the seventh round ..."), its first
    word lower-cased unless one of ``names`` (lower-cased) or otherwise a name."""
    return introduce(sentence, f"In {place}", names)


def make_plan(
    cluster: Cluster,
    words: int,
    vectors: str = "embeddings",
    min_words: int = 6,
    threshold: float = 0.5,
    redundancy: float = 0.5,
    novelty: float = 0.0,
) -> Plan:
    """The plan of a summary of ``cluster`` in at most ``words`` words.

    ``threshold``: similarity from which two statements are one theme; ``redundancy``: from
    which two chosen sentences say the same; ``novelty``: how much similarity to the chosen
    discounts a theme's weight (0: pure weight order).
    """
    [plan] = make_plans(cluster, [words], vectors, min_words, threshold, redundancy, novelty)
    return plan


def make_plans(
    cluster: Cluster,
    budgets: Sequence[int],
    vectors: str = "embeddings",
    min_words: int = 6,
    threshold: float = 0.5,
    redundancy: float = 0.5,
    novelty: float = 0.0,
) -> tuple[Plan, ...]:
    """`make_plan` for each word budget of ``budgets``, the cluster read and its themes found once."""
    notes = []
    statements = read_statements(cluster, min_words)
    if not statements:
        statements = read_statements(cluster, min_words=1, sentences_only=False)
        notes.append(f"no sentence of {min_words}+ words ending like a sentence: planned from all lines")
    known = people([statement.text for statement in statements])  # who to introduce, and at what cost
    themes = find_themes(with_subjects_named(statements, cluster, known), vectors, threshold)
    timeline = Timeline.of(cluster)
    notes += themes.notes
    plans = []
    for words in budgets:
        chosen, continuations, updates = choose(themes, timeline, words, redundancy, novelty, known)
        told = list(notes)
        if not chosen and not any(statement.standalone for statement in themes.statements):
            told.append(
                "no self-contained sentence: every line is a headline, question or caption, or leans on another"
            )
        elif not chosen:
            told.append(f"no self-contained sentence fits in {words} words; sentences are never cut")
        items, place = _first_mentions(_render(themes, timeline, chosen, continuations, updates), themes, known, words)
        used = sum(item.words for item in items)
        if items and used < SHORT * words:
            told.append(
                f"{used} of the {words} words asked for: the other sentences repeat one stated, cannot stand alone"
                " (headlines, captions, questions, or leaning on one not stated) or do not fit, and none is cut"
            )
        for day in sorted({item.reported_on for item in items if item.reported_on}):
            told.append(
                f"later report dated {day.isoformat()} (the cluster's main date is {timeline.main}): stated last"
            )
        plans.append(Plan(tuple(items), tuple(told), place))
    return tuple(plans)
