"""Dates as news pages write them ("15 July 2017", "July 14, 2017", "Wednesday, Sept. 27",
"2017-07-15 07:11:57"), read into `datetime.date`.

Shared by the cleaner (a line that is only a date is page furniture) and the metadata
extractor (which of the page's dates is the article's).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, NamedTuple

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

_NUMERIC = re.compile(rf"\b{_YEAR}[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
_FULL_DATES = (_NUMERIC, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR)
_WEEKDAY_PREFIX = re.compile(rf"\b{_WEEKDAY},?\s+", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"{_MONTH}\s+{_DAY}\b", re.IGNORECASE)
_DATE_LINE_EXTRAS = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?|(?:,?\s+\d{{1,2}}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)


class Found(NamedTuple):
    """A date written in a text, and where."""

    date: dt.date
    start: int
    end: int


def _date(year: int | str, month: int | str, day: int | str) -> dt.date | None:
    """The date, with ``month`` a number or an English name; None when it does not exist (Feb. 30)."""
    if isinstance(month, str) and not month.isdigit():
        month = MONTHS[month.lower()]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def full_dates(text: str) -> list[Found]:
    """Every date with day, month and year in ``text``, in reading order."""
    found = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            date = _date(match["year"], match["month"], match["day"])
            if date is not None:
                found.append(Found(date, match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


def is_date_line(line: str) -> bool:
    """True when ``line`` says nothing but a date (with an optional weekday and time)."""
    core = _DATE_LINE_EXTRAS.sub("", line.strip()).strip(" ,|")
    return any(pattern.fullmatch(core) for pattern in _FULL_DATES) and bool(full_dates(core))


def month_day(text: str) -> tuple[int, int] | None:
    """(month, day) when ``text`` is just "July 14" or "Sept. 27"."""
    match = _MONTH_DAY.fullmatch(text.strip())
    return (MONTHS[match["month"].lower()], int(match["day"])) if match else None


class WeekdayDate(NamedTuple):
    """A date written with its weekday, and where; ``year`` is None in "Wednesday, Sept. 27"."""

    weekday: int  # Monday is 0, as in `datetime.date.weekday`
    month: int
    day: int
    year: int | None
    start: int
    end: int


def weekday_dates(text: str) -> Iterator[WeekdayDate]:
    """Each "Thursday, January 20, 2005", "Sunday, 22 July 2018" or "Wednesday, Sept. 27"."""
    for prefix in _WEEKDAY_PREFIX.finditer(text):
        weekday = WEEKDAYS.index(prefix["weekday"].lower())
        full = next((m for pattern in _FULL_DATES if (m := pattern.match(text, prefix.end()))), None)
        if full is not None and (date := _date(full["year"], full["month"], full["day"])):
            yield WeekdayDate(weekday, date.month, date.day, date.year, prefix.start(), full.end())
        elif partial := _MONTH_DAY.match(text, prefix.end()):
            month = MONTHS[partial["month"].lower()]
            yield WeekdayDate(weekday, month, int(partial["day"]), None, prefix.start(), partial.end())


def in_year(month: int, day: int, years: set[int], weekday: int | None = None) -> dt.date | None:
    """The date ``month``/``day`` in the one of ``years`` where it falls on ``weekday``
    (any weekday if None), preferring the latest year; None when no year fits."""
    for year in sorted(years, reverse=True):
        date = _date(year, month, day)
        if date is not None and (weekday is None or date.weekday() == weekday):
            return date
    return None
