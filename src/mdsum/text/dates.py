"""Date arithmetic on article text: relative words resolved against the article's own date.

A copied sentence keeps the article's point of view: "today", "on Friday", "this week" mean the
days around the day it was published. Moved into a summary of several articles, often dated
days or months apart, they no longer say which day. `resolve_relative` writes the day out
("on Friday" -> "on Friday 14 July 2017") where the article's date fixes it, and drops or
neutralises the word where no date does -- a summary never invents a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from mdsum.text.quotes import changed_outside_quotes
from mdsum.text.values import MONTHS, WEEKDAYS, DateValue, located_dates

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_PART_OF_DAY = r"(?:\s+(?P<part>night|morning|afternoon|evening))?"
# "Good Friday", "Black Friday", "Super Tuesday": a named day, not the weekday of an article's week.
_NAMED_DAY = ("black", "good", "super", "cyber", "bloody", "ash", "holy", "maundy", "easter", "palm", "giving")
# "on Friday", "last Friday night", "Friday": the preposition or qualifier is replaced with the phrase;
# "last Wednesday's shooting" becomes "the 12 July 2017 shooting".
_WEEKDAY_PHRASE = re.compile(
    r"\b(?:(?P<qualifier>on|last|this|next|coming|on\s+last|on\s+this|on\s+next)\s+)?"
    + "".join(rf"(?<!\b{word}\s)" for word in _NAMED_DAY)
    + r"(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r")\b"
    + _PART_OF_DAY
    + r"(?:\s+of\s+(?P<week>this|last|next)\s+week\b)?"  # "Monday of this week": that week's Monday
    + r"(?P<possessive>['\u2019]s\b)?"
    + r"(?!,?\s+(?:\d|the\s+\d|(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")(?:\.|\s+\d)))",  # already dated: "Friday, July 14", "Friday, Dec."; not "Monday, Jan Egeland said"
    re.IGNORECASE,
)
# A bare weekday after these words already has its preposition: "as early as Saturday", "by Friday", "between
# Monday and Tuesday"; "on" goes before the others ("The talks ended Friday").
_GOVERNED = re.compile(
    r"\b(?:as|by|since|until|till|from|before|after|between|and|or|to|through|than|of|for|during)\s+$",
    re.IGNORECASE,
)
# Not in a name: the newspaper "USA Today", NBC's "Today show" (a lower-cased corpus writes them as prose).
_DAY_WORD = re.compile(
    r"\b(?:(?P<preposition>on|since|until|by)\s+)?(?<!usa )(?P<word>today|tonight|yesterday|tomorrow)(?!['\u2019]s)\b"
    r"(?!\s+(?:show|program|programme)\b)",
    re.IGNORECASE,
)
_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_SUBJECT_OF = re.compile(r"\s+(?:is|was|will be|marks|marked)\b")
_THIS_PERIOD = re.compile(
    r"\b(?P<this>this|last|next)\s+(?P<period>week|month|year)(?P<possessive>['\u2019]s)?\b", re.IGNORECASE
)
# A future tense just before a weekday points it forward ("talks will resume on Monday").
FUTURE_REACH = 40  # characters before the weekday in which a future tense governs it
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due|are due|scheduled|expected to|(?:is|are) expected|expects?|predicts?"
    r"|plans? to|ends? on"
    r"|(?:could|would|might)\s+(?!not\b|have\b)[a-z]+)\b",  # not "may": "Theresa May said Tuesday"
    re.IGNORECASE,
)


LATER_REPORT_DAYS = 7  # a document dated this long after its cluster's main day reports a later event


def main_day(published: Iterable[dt.date | None]) -> dt.date | None:
    """A cluster's main date: the median (the lower of two) of its documents' dates; None when none is dated."""
    dated = sorted(day for day in published if day)
    return dated[(len(dated) - 1) // 2] if dated else None


def iso_day(text: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD); None when absent or unreadable, which means undated."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def format_day(day: dt.date) -> str:
    """ "14 July 2017": day, month name and year, as a summary states a date."""
    return f"{day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


def weekday_near(published: dt.date, weekday: int, qualifier: str, future: bool, week: str = "") -> dt.date:
    """The day named ``weekday`` that an article of ``published`` means.

    "last Friday" is the one before publication, "next"/"coming" Friday the one after; a bare
    or "this" weekday is the latest on or before publication (news reports what happened),
    unless the sentence speaks of the future, when it is the first on or after it. A ``week``
    ("this", "last" or "next", as in "Monday of last week") names the day of that week, Monday to Sunday.
    """
    if week:
        return published + dt.timedelta(
            days=weekday - published.weekday() + 7 * {"this": 0, "last": -1, "next": 1}[week]
        )
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if qualifier.endswith("last"):
        return published - dt.timedelta(days=back or 7)
    if qualifier.endswith(("next", "coming")):
        return published + dt.timedelta(days=ahead or 7)
    return published + dt.timedelta(days=ahead) if future else published - dt.timedelta(days=back)


def _weekday_phrase(match: re.Match, published: dt.date) -> str:
    future = bool(_FUTURE.search(match.string, max(0, match.start() - FUTURE_REACH), match.start()))
    weekday = WEEKDAYS.index(match["weekday"].lower())
    qualifier = " ".join((match["qualifier"] or "").lower().split())
    day = weekday_near(published, weekday, qualifier, future, (match["week"] or "").lower())
    name = match["weekday"].capitalize()
    on = "" if _GOVERNED.search(match.string, 0, match.start()) else "on "  # "as early as Saturday", "by Friday"
    if match["possessive"]:
        return " ".join(filter(None, ("the", format_day(day), (match["part"] or "").lower())))
    if match["part"]:
        return f"{on}the {match['part'].lower()} of {name} {format_day(day)}"
    return f"{on}{name} {format_day(day)}"


def _day_word(match: re.Match, published: dt.date | None) -> str:
    if published is None:
        return ""
    day = published + dt.timedelta(days=_DAY_OFFSETS[match["word"].lower()])
    if not match["preposition"] and _SUBJECT_OF.match(match.string, match.end()):
        return format_day(day)  # "Today is the anniversary": the day is the subject, not when
    preposition = (match["preposition"] or "on").lower()
    return f"{preposition} {format_day(day)}"


def _period(match: re.Match, published: dt.date | None) -> str:
    """ "this week" -> "that week"; "this year" -> "in 2017" when the year is known."""
    which, period, possessive = match["this"].lower(), match["period"], match["possessive"] or ""
    if period == "year" and published is not None and not possessive:
        offset = {"this": 0, "last": -1, "next": 1}[which]
        return f"in {published.year + offset}"
    return {"this": "that", "last": "the previous", "next": "the following"}[which] + f" {period}{possessive}"


def _written_out(text: str, published: dt.date | None) -> str:
    resolved = _DAY_WORD.sub(lambda match: _day_word(match, published), text)
    if published is not None:
        resolved = _WEEKDAY_PHRASE.sub(lambda match: _weekday_phrase(match, published), resolved)
    return _THIS_PERIOD.sub(lambda match: _period(match, published), resolved)


def resolve_relative(sentence: str, published: dt.date | None) -> str:
    """``sentence`` with its relative days written out against its article's date ``published``.

    Weekdays already followed by a date ("Friday, July 14") are left alone. Without a date,
    "today"/"yesterday" are dropped and weekdays kept: nothing is invented. A quotation keeps
    its words (ABC's "This Week" stays; `stated_days` still reads the day a quoted "today" means).
    """
    resolved = changed_outside_quotes(sentence, lambda part: _written_out(part, published))
    resolved = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(resolved.split()))
    resolved = re.sub(r"^[,;:]\s*|(?<=,),", "", resolved)  # what a dropped "Today, " or ", today," leaves
    return resolved[:1].upper() + resolved[1:] if sentence[:1].isupper() else resolved


class StatedDays(NamedTuple):
    """The days a sentence refers to, and those of them on which it says something is to happen."""

    days: tuple[dt.date, ...]
    ahead: tuple[dt.date, ...]


def stated_days(sentence: str, published: dt.date | None) -> tuple[dt.date, ...]:
    """The days ``sentence`` refers to once its relative words are resolved: complete dates,
    and day-and-month dates in the article's year."""
    return read_days(sentence, published).days


def read_days(sentence: str, published: dt.date | None) -> StatedDays:
    """`stated_days`, and those of them that a future tense just before governs ("the next round will begin on 20
    March"): when something is to happen, not when something was said or done. One reading gives both."""
    text = _written_out(sentence, published)
    days, ahead = [], []
    for start, value in located_dates(text)[0]:
        day = _day(value, published)
        if day is not None:
            days.append(day)
            if _FUTURE.search(text, max(0, start - FUTURE_REACH), start) is not None:
                ahead.append(day)
    return StatedDays(tuple(days), tuple(ahead))


def _day(value: DateValue, published: dt.date | None) -> dt.date | None:
    """The day ``value`` names, in the article's year when it gives none; None when it names no whole day."""
    year = value.year if value.year is not None else (published.year if published else None)
    if year is None or value.month is None or value.day is None:
        return None
    try:
        return dt.date(year, value.month, value.day)
    except ValueError:
        return None
