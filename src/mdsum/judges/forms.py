"""Numbers and dates as values, so that "320,000" = "320 000" and "14 July" = "July 14" = "14/07".

Judges compare what a fact states with what a summary sentence states; the surface
forms differ between outlets, so both sides are reduced to values first.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<{}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:19|20)\d\d)"

# Most specific first: a span taken by one pattern is masked before the next runs.
_DATE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b{}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b".format(_YEAR.format("y")),
        r"\b{}\s+(?:of\s+)?{}(?:,?\s+{})?\b".format(_DAY.format("d"), _MONTH.format("m"), _YEAR.format("y")),
        r"\b{}\s+{}\b(?:,?\s+{}\b)?".format(_MONTH.format("m"), _DAY.format("d"), _YEAR.format("y")),
        r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>(?:19|20)?\d\d))?\b",
        r"\b{}\s+{}\b".format(_MONTH.format("m"), _YEAR.format("y")),
        _YEAR.format("y") + r"\b",
    )
)
# A bare month name counts only when capitalised ("in October"), and never "May" (the verb).
_BARE_MONTH = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|June|July|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)

_NUMBER_WORDS = {
    word: index
    for index, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_ORDINAL_WORDS = {
    word: index
    for index, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
        " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
_ORDINAL = re.compile(r"\b(?:(\d+)(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.])(?P<value>\d{1,3}(?:[,\u00a0\u202f ]\d{3}(?!\d))+|\d+(?:\.\d+)?|"
    + "|".join(_NUMBER_WORDS)
    + r")(?:\s+(?P<scale>"
    + "|".join(_SCALES)
    + r"))?\b",
    re.IGNORECASE,
)

_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")  # "07:11:57" is a time, not two numbers


class DateValue(NamedTuple):
    """A date as precise as the text states it: unknown parts are None."""

    year: int | None
    month: int | None
    day: int | None

    def agrees_with(self, other: DateValue) -> bool:
        """No part that both state differs."""
        return all(a is None or b is None or a == b for a, b in zip(self, other))

    def states(self, other: DateValue) -> bool:
        """Agrees with ``other`` and names its month and day when ``other`` has them."""
        precise = all(b is None or a is not None for a, b in zip(self[1:], other[1:]))
        return precise and self.agrees_with(other)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


def extract_weekdays(text: str) -> tuple[int, ...]:
    """Weekdays named in a text (Monday = 0): news dates events by weekday ("ended on Friday")."""
    return tuple(_WEEKDAYS.index(match.group(1).lower()) for match in _WEEKDAY.finditer(text))


def weekday(date: DateValue) -> int | None:
    """The weekday of a complete date, None when a part is unknown or the date does not exist."""
    try:
        return datetime.date(*date).weekday() if None not in date else None
    except ValueError:
        return None


def parse_iso_date(text: str) -> DateValue:
    """``"2017-07-14"``, ``"2017-07"`` or ``"2017"`` as a `DateValue`."""
    parts = [int(part) for part in text.split("-")]
    parts += [None] * (3 - len(parts))
    return DateValue(*parts[:3])


def extract_dates(text: str) -> tuple[tuple[DateValue, ...], str]:
    """The dates a text states, and the text with them blanked out (for `extract_numbers`)."""
    found: list[tuple[int, DateValue]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _date_value(match)
            if value is not None:
                found.append((match.start(), value))
                text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    for match in _BARE_MONTH.finditer(text):
        found.append((match.start(), DateValue(None, _MONTHS[match.group().lower()[:3]], None)))
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return tuple(value for _, value in sorted(found)), text


def _date_value(match: re.Match) -> DateValue | None:
    groups = match.groupdict()
    month_text = groups.get("m")
    month = None
    if month_text:
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()[:3]]
    day = int(groups["d"]) if groups.get("d") else None
    year = groups.get("y")
    if year is not None:
        year = int(year) + (2000 if len(year) == 2 else 0)
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return DateValue(year, month, day)


def extract_numbers(text: str) -> tuple[float, ...]:
    """The quantities a text states, separators and scale words resolved ("4.8 million")."""
    values = []
    for match in _NUMBER.finditer(_CLOCK_TIME.sub(" ", text)):
        raw = match.group("value").lower()
        value = _NUMBER_WORDS.get(raw)
        if value is None:
            value = float(re.sub(r"[,\u00a0\u202f ]", "", raw))
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower()]
        values.append(float(value))
    return tuple(values)


def normalise_number(text: str) -> float | None:
    """One number as written in a checklist ("320,000" -> 320000.0); None if it is not one."""
    values = extract_numbers(text)
    return values[0] if len(values) == 1 else None


def extract_ordinals(text: str) -> tuple[int, ...]:
    """Ordinals as numbers: "seventh" = "7th" = 7 (an "eighth round" is a wrong number too).

    Run it on text whose dates `extract_dates` has blanked out, so "14th July" is not one.
    """
    return tuple(
        int(match.group(1)) if match.group(1) else _ORDINAL_WORDS[match.group(2).lower()]
        for match in _ORDINAL.finditer(text)
    )
