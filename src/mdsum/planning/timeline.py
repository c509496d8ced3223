"""The timeline: when each theme was reported, which reports are later developments, and how
a summary says so.

The cluster's main date is the median of its documents' dates. A document dated more than
`LATER_REPORT_DAYS` after it reports a later development: its themes come after the event's,
each later day introduced by its date ("On 27 September 2017, the envoy said ...", or "As reported
on 7 July 2006, ..." before a fact the report may recall from an earlier day). Undated documents are
taken to report the event itself, and a cluster without dates has one undated block and no
date markers. Within the event, a theme that states its day ("on Wednesday 4 April") is placed by
it, any other by the day it was first reported; themes of one day follow the articles' own order
(news leads with what matters most: what happened, where and when).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mdsum.model import Cluster
from mdsum.planning.themes import Theme
from mdsum.text.dates import LATER_REPORT_DAYS, format_day, iso_day, main_day
from mdsum.text.quotes import SPEECH_VERBS
from mdsum.text.tokens import stop_words

# What someone said or announced: it was said on the day of the report that tells it. Not "has said", "had
# said", "have been told" or "says": "On 27 January 2005, the council has said ..." mixes a day with a tense that has
# none.
_SAID = re.compile(
    rf"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!\bbeen )\b(?!says\b)(?:{SPEECH_VERBS}|declared|confirmed|urged)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Timeline:
    """The dates of a cluster's documents and the day that counts as the event's."""

    published: tuple[dt.date | None, ...]  # per document
    outlets: tuple[str | None, ...]  # per document
    main: dt.date | None  # median date of the dated documents

    @classmethod
    def of(cls, cluster: Cluster) -> Timeline:
        published = tuple(iso_day(document.date) for document in cluster.documents)
        return cls(published, tuple(document.source for document in cluster.documents), main_day(published))

    def is_later(self, document: int) -> bool:
        day = self.published[document]
        return day is not None and self.main is not None and (day - self.main).days > LATER_REPORT_DAYS

    def reported(self, theme: Theme) -> dt.date | None:
        """The day the theme was first reported; undated documents count as the main day."""
        days = [self.published[d] or self.main for d in theme.documents]
        return min((day for day in days if day), default=None)

    def later_day(self, theme: Theme) -> dt.date | None:
        """The day of the later report that first states the theme; None for the event's own themes."""
        if not all(self.is_later(d) for d in theme.documents):
            return None
        return self.reported(theme)

    def order(self, themes: Sequence[Theme]) -> list[int]:
        """Indices of ``themes`` in time order: the event's themes by the day they state (`happened`), a span
        that ends sooner first ("the toll rose to 3,400 on Tuesday" before "5,000 have died in the earthquake that
        struck on Monday, the agency said on Wednesday"; a day something is only to happen ends no span: "repairs
        will start on Monday"), then by their place in the articles (heavier first on a tie); then each later
        report's, day by day."""

        def key(index: int) -> tuple[dt.date, dt.date, dt.date, float, float, int, int]:
            theme = themes[index]
            later = self.later_day(theme) or dt.date.min
            lead = min(theme.statements, key=lambda statement: (statement.position, statement.document))
            happened = self.happened(theme)
            until = max((day for day in theme.days if day not in theme.ahead), default=happened)
            return (later, happened, until, lead.position, -theme.weight, lead.document, lead.sentence)

        return sorted(range(len(themes)), key=key)

    def happened(self, theme: Theme) -> dt.date:
        """When a theme happened, for its place in the account: the earliest day its sentences state, else the
        day it was first reported (undated reports count as the event's day). A fact reported on 31 December
        happened by then, not on the median day of January's reports; Tuesday's "Vostra shares fell 3 percent"
        goes before Thursday's "Vostra shares fell another 4 percent on Thursday"; a later report's undated
        quotation was said on its day, not before the development it dates. Themes of one day keep the
        articles' order (news leads with what matters most)."""
        if theme.days:
            return min(theme.days)
        return self.reported(theme) or self.main or dt.date.min

    def attribution(self, document: int, answers: bool = False) -> str:
        """How a summary introduces one side of a contradiction: "As Xinhua reported on 15 July 2017"; with
        neither outlet nor date, "According to a report", and for the side that ``answers`` it, "According to
        another report" (no number word, which the detail check would read as a number no source states)."""
        day, outlet = self.published[document], self.outlets[document]
        said = f" on {format_day(day)}" if day else ""
        if outlet:
            return f"As {outlet} reported{said}"
        return f"As reported{said}" if said else f"According to {'another' if answers else 'a'} report"


def introduce(sentence: str, lead_in: str, names: frozenset[str] = frozenset()) -> str:
    """``sentence`` after ``lead_in`` and a comma, its first word lower-cased unless it is a name:
    not a function word ("The") and one of ``names`` (lower-cased), an acronym, or the start of a
    capitalised phrase ("Mr De Mistura")."""
    words = sentence.split(maxsplit=2)
    first = words[0] if words else ""
    acronym = first.isupper() and len(first) > 1
    named = acronym or (
        first.lower() not in stop_words()
        and (first.lower() in names or (len(words) > 1 and words[1][:1].isupper()) or not first[:1].isalpha())
    )
    if not named:
        sentence = sentence[:1].lower() + sentence[1:]
    return f"{lead_in}, {sentence}"


def day_marker(day: dt.date, sentence: str) -> str:
    """How a later report's ``sentence`` is introduced: "On <day>" when it tells what someone said or
    announced (that day), else "As reported on <day>", since the report may recall an earlier fact
    ("fifty-two people were killed in the attacks", in a report of the first anniversary)."""
    if _SAID.search(sentence):
        return f"On {format_day(day)}"
    return f"As reported on {format_day(day)}"
