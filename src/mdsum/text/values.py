"""The values a text states: dates, numbers, ordinals and names, read the one way every layer reads them.

Outlets write the same value differently ("320,000" = "320 000", "14 July" = "July 14" = "14/07",
"seventh" = "7th"), so the cleaner, the metadata reader, the judges and the support check all reduce
text to values here rather than compare strings. Two date readers share one vocabulary: `full_dates`
finds complete dates with their place (a page's own date, a line that is only a date), and
`extract_dates` every date a sentence states, as precisely as it states it (`DateValue`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _month(group: str) -> str:
    return rf"(?P<{group}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


def _day(group: str) -> str:
    return rf"(?P<{group}>[0-3]?\d)(?:st|nd|rd|th)?"


def _year(group: str) -> str:
    return rf"(?P<{group}>(?:19|20)\d\d)"


def _date(year: int | str, month: int | str, day: int | str) -> dt.date | None:
    """The date, with ``month`` a number or an English name; None when it does not exist (Feb. 30)."""
    if isinstance(month, str) and not month.isdigit():
        month = MONTHS[month.lower()]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


# ---------------------------------------------------------------- complete dates on a page

_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_NUMERIC = re.compile(rf"\b{_year('year')}[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"\b{_day('day')}\s+{_month('month')},?\s+{_year('year')}(?!\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_month('month')}\s+{_day('day')},?\s+{_year('year')}(?!\d)", re.IGNORECASE)
_FULL_DATES = (_NUMERIC, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR)
_WEEKDAY_PREFIX = re.compile(rf"\b{_WEEKDAY},?\s+", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"{_month('month')}\s+{_day('day')}\b", re.IGNORECASE)
_DATE_LINE_EXTRAS = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?|(?:,?\s+\d{{1,2}}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)


class Found(NamedTuple):
    """A date written in a text, and where."""

    date: dt.date
    start: int
    end: int


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


# ---------------------------------------------------------------- dates as stated in a sentence


class DateValue(NamedTuple):
    """A date as precise as the text states it: unknown parts are None."""

    year: int | None
    month: int | None
    day: int | None

    def agrees_with(self, other: DateValue) -> bool:
        """No part that both state differs."""
        return all(a is None or b is None or a == b for a, b in zip(self, other, strict=False))

    def states(self, other: DateValue) -> bool:
        """Agrees with ``other`` and names its month and day when ``other`` has them."""
        precise = all(b is None or a is not None for a, b in zip(self[1:], other[1:], strict=False))
        return precise and self.agrees_with(other)


# Most specific first: a span taken by one pattern is masked before the next runs.
_STATED_DATES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b{_year('y')}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
        rf"\b{_day('d')}\s+(?:of\s+)?{_month('m')}(?:,?\s+{_year('y')})?\b",
        rf"\b{_month('m')}\s+{_day('d')}\b(?:,?\s+{_year('y')}\b)?",
        r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>(?:19|20)?\d\d))?\b",
        rf"\b{_month('m')}\s+{_year('y')}\b",
        _year("y") + r"\b",
    )
)
# A bare month name counts only when capitalised ("in October"), and never "May" (the verb).
_BARE_MONTH = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|June|July|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def extract_weekdays(text: str) -> tuple[int, ...]:
    """Weekdays named in a text (Monday = 0): news dates events by weekday ("ended on Friday")."""
    return tuple(WEEKDAYS.index(match.group(1).lower()) for match in _WEEKDAY_WORD.finditer(text))


def weekday(date: DateValue) -> int | None:
    """The weekday of a complete date, None when a part is unknown or the date does not exist."""
    if date.year is None or date.month is None or date.day is None:
        return None
    found = _date(date.year, date.month, date.day)
    return found.weekday() if found else None


def parse_iso_date(text: str) -> DateValue:
    """``"2017-07-14"``, ``"2017-07"`` or ``"2017"`` as a `DateValue`."""
    parts: list[int | None] = [int(part) for part in text.split("-")]
    parts += [None] * (3 - len(parts))
    return DateValue(*parts[:3])


def _blank(text: str, match: re.Match) -> str:
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def extract_dates(text: str) -> tuple[tuple[DateValue, ...], str]:
    """The dates a text states, and the text with them blanked out (for `extract_numbers`)."""
    found, blanked = located_dates(text)
    return tuple(value for _, value in found), blanked


def located_dates(text: str) -> tuple[tuple[tuple[int, DateValue], ...], str]:
    """`extract_dates` with where each date starts in ``text``."""
    found: list[tuple[int, DateValue]] = []
    for pattern in _STATED_DATES:
        for match in pattern.finditer(text):
            value = _date_value(match)
            if value is not None:
                found.append((match.start(), value))
                text = _blank(text, match)
    for match in _BARE_MONTH.finditer(text):
        found.append((match.start(), DateValue(None, MONTHS[match.group().lower()], None)))
        text = _blank(text, match)
    return tuple(sorted(found)), text


def _date_value(match: re.Match) -> DateValue | None:
    groups = match.groupdict()
    month_text = groups.get("m")
    month = None
    if month_text:
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    day = int(groups["d"]) if groups.get("d") else None
    year_text = groups.get("y")
    year = None if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return DateValue(year, month, day)


# ---------------------------------------------------------------- numbers and ordinals

_NUMBER_WORDS = {
    word: index
    for index, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_ORDINAL_WORDS = {
    word: index
    for index, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=1,
    )
}
_ORDINAL = re.compile(r"\b(?:(\d+)(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE = "|".join(_SCALES)
# A share of a scale is a number only with its scale: "half a billion" = "a half-billion" = 500 million.
_SHARES = {"a": 1.0, "half": 0.5, "quarter": 0.25}
_NUMBER = re.compile(
    r"(?<![\w.])(?:(?P<value>\d{1,3}(?:[,\u00a0\u202f ]\d{3}(?!\d))+|\d+(?:\.\d+)?|"
    + "|".join(_NUMBER_WORDS)
    + rf")(?:\s+(?P<scale>{_SCALE}))?"
    + rf"|(?:an?\s+)?(?P<share>half|quarter|a)(?:\s+of)?(?:\s+an?)?[\s-](?P<share_of>{_SCALE}))\b",
    re.IGNORECASE,
)
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")  # "07:11:57" is a time, not two numbers
_CURRENCY_BEFORE = re.compile(r"(?:[$\u20ac\u00a3\u00a5]|\b(?:USD|EUR|GBP|US\$))\s?$")
_CURRENCY_AFTER = re.compile(
    r"\s?(?:euros?|dollars?|usd|eur|pounds?|sterling|yen|yuan|lei|francs?|rupees?|ro?ubles?)\b", re.IGNORECASE
)


def extract_numbers(text: str) -> tuple[float, ...]:
    """The quantities a text states, separators and scale words resolved ("4.8 million")."""
    return tuple(_quantity(match) for match in _NUMBER.finditer(_CLOCK_TIME.sub(" ", text)))


_UNIT = re.compile(r"\s*(?:(?P<sign>%|per\s?cent\b)|[\s-]*(?P<word>[a-z]+))", re.IGNORECASE)
# "Profit rose 38 percent", "revenue, up 21 percent", "a 38 percent rise": a change of something the words around it
# name, not a count of one thing; two of them, of profit and of revenue, are no two counts of one thing.
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|fell|falls?|fallen|up|down|jump(?:ed|s)?|climb(?:ed|s)?|drop(?:ped|s)?|gain(?:ed|s)?|grew|grow[sn]?"
    r"|increas(?:ed|es)|decreas(?:ed|es)|declin(?:ed|es)|surg(?:ed|es)|plung(?:ed|es)|slid|soar(?:ed|s)?|by)\s+$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"[\s-]*(?:rise|fall|jump|drop|gain|increase|decrease|decline|surge|plunge|growth)\b", re.IGNORECASE
)


def measures(text: str, skip: frozenset[str] = frozenset()) -> frozenset[tuple[float, str]]:
    """The quantities a text states with what they count, the word after each ("about 70 percent" gives (70.0,
    "percent"), "274 people have passed" (274.0, "people"), "70%" (70.0, "percent")); a number followed by a word
    of ``skip`` (function words: "two of them") counts nothing that can be told, nor does a percentage change
    ("profit rose 38 percent": of what, the words around it say)."""
    found = set()
    text = _CLOCK_TIME.sub(" ", text)
    for match in _NUMBER.finditer(text):
        unit = _UNIT.match(text, match.end())
        if unit is None:
            continue
        word = "percent" if unit["sign"] else unit["word"].lower()
        if word == "percent" and (
            _CHANGE_BEFORE.search(text, max(0, match.start() - 20), match.start())
            or _CHANGE_AFTER.match(text, unit.end())
        ):
            continue
        if word not in skip:
            found.add((_quantity(match), word))
    return frozenset(found)


def counted_differently(first: frozenset[tuple[float, str]], second: frozenset[tuple[float, str]]) -> bool:
    """Whether two texts' `measures` count one thing with no value in common ("at least 12 people" and "27 people";
    "7.1 magnitude" in both says nothing about the toll)."""
    units = {unit for _, unit in first} & {unit for _, unit in second}
    return any(
        not {value for value, own in first if own == unit} & {value for value, own in second if own == unit}
        for unit in units
    )


def money_amounts(text: str) -> tuple[float, ...]:
    """The quantities a text states as sums of money ("$350 million", "395,000 euro", "USD 12,000"):
    "150,000 euro" raised is not the 150,000 dead a toll may reach."""
    text = _CLOCK_TIME.sub(" ", text)
    return tuple(
        _quantity(match)
        for match in _NUMBER.finditer(text)
        if _CURRENCY_BEFORE.search(text, max(0, match.start() - 5), match.start())
        or _CURRENCY_AFTER.match(text, match.end())
    )


def _quantity(match: re.Match[str]) -> float:
    if match.group("share"):
        return _SHARES[match.group("share").lower()] * _SCALES[match.group("share_of").lower()]
    raw = match.group("value").lower()
    word_value = _NUMBER_WORDS.get(raw)
    value = float(word_value) if word_value is not None else float(re.sub(r"[,\u00a0\u202f ]", "", raw))
    if match.group("scale"):
        value *= _SCALES[match.group("scale").lower()]
    return value


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


# ---------------------------------------------------------------- names

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of ``text`` as written: runs of letters and digits ("al-Jaafari" is two)."""
    return _WORD.findall(text)


def names(text: str) -> list[str]:
    """Capitalised words other than a sentence's first: the names it states ("al-Jaafari" gives "Jaafari")."""
    return [word for word in words(text)[1:] if word[0].isupper()]
