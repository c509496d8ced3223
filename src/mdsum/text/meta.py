"""What a page says about itself: headline, outlet and publication date.

Read from the raw page, before cleaning, because that is where they are: the headline
at the top, "Source: Xinhua" credits, "GENEVA, July 14 (Xinhua) --" datelines, bare date
lines and "2017-07-15 07:11:57" bylines. Anything the page does not state is None --
summarisers order sentences by document date, so a guessed date would be worse than none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mdsum.text import values
from mdsum.text.clean import DATELINE, FusedHeadline, Line, classify_lines, fused_headline, is_sentence_like

# A headline has at least this many words; shorter header lines are labels ("Latest news").
MIN_TITLE_WORDS = 4

_SOURCE_CREDIT = re.compile(
    r"^sources?\s*:\s*(?P<outlet>[^|;,/]+?)(?:\s+(?:and|&)\s.*)?\s*(?:[|;,/].*)?$", re.IGNORECASE
)


@dataclass(frozen=True)
class PageMeta:
    """Headline, outlet and ISO date (YYYY-MM-DD) as the page states them, else None."""

    title: str | None = None
    source: str | None = None
    date: str | None = None


def extract_meta(raw: str) -> PageMeta:
    """The headline (when the page opens with one, on its own line or run into the text),
    the outlet and the publication date."""
    lines = classify_lines(raw)
    header = _header(lines)
    title_index = next(
        (index for index, line in enumerate(header) if line.rule in ("heading", "repeated") and _is_title(line.text)),
        None,
    )
    fused = fused_headline(lines[0].text) if title_index is None and lines and lines[0].rule is None else None
    title = header[title_index].text if title_index is not None else fused.headline if fused else None
    date = _date(lines, title_index, fused)
    return PageMeta(
        title=title,
        source=_source(lines),
        date=None if date is None else date.isoformat(),
    )


def _header(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines before the first line of article text."""
    body = next((index for index, line in enumerate(lines) if line.rule is None), len(lines))
    return lines[:body]


def _is_title(text: str) -> bool:
    return len(text.split()) >= MIN_TITLE_WORDS and not is_sentence_like(text)


def _normalise_outlet(outlet: str) -> str:
    """Lower-cased corpora write "( ap )": give agency acronyms back their capitals."""
    outlet = outlet.strip()
    if outlet.islower():
        return outlet.upper() if len(outlet) <= 4 else outlet.title()
    return outlet


def _source(lines: tuple[Line, ...]) -> str | None:
    """The outlet from a "Source: X" credit, else from the first paragraph's dateline."""
    for line in lines:
        if line.rule == "credit" and (match := _SOURCE_CREDIT.match(line.text)):
            return _normalise_outlet(match["outlet"])
    first_paragraph = next((line.text for line in lines if line.rule is None), "")
    match = DATELINE.match(first_paragraph)
    return _normalise_outlet(match["outlet"]) if match else None


def _date(lines: tuple[Line, ...], title_index: int | None, fused: FusedHeadline | None) -> dt.date | None:
    """The publication date, from the most to the least explicit statement of it.

    1. a date in a byline or credit ("Source: Xinhua| 2017-07-15 07:11:57");
    2. a bare date line after the headline (those above it are the site's "today"), or the date between
       a headline and the text it runs into ("Tsunami toll passes 80,000 December 29, 2004 The death ...");
    3. the first paragraph's dateline ("GENEVA, July 14 (Xinhua)"), year from the page;
    4. the first date written with its weekday, when the weekday is right for it
       ("Thursday, January 20, 2005" under a WikiNews headline);
    5. a weekday date without a year ("Wednesday, Sept. 27"), in the page's year where
       that weekday fits;
    6. the latest full date in the page's captions and headings ("July 14, 2017" under a
       photo) -- never one from the story's body, which is as often a birthday as today.
    """
    text = "\n".join(line.text for line in lines)
    years = {found.date.year for found in values.full_dates(text)}
    for line in lines:
        if line.rule == "credit" and (found := values.full_dates(line.text)):
            return found[0].date
    after_title = lines if title_index is None else lines[title_index + 1 :]
    for line in after_title:
        if line.rule == "date":
            return values.full_dates(line.text)[0].date
    first_paragraph = next((line.text for line in lines if line.rule is None), "")
    if fused is not None:
        return fused.date
    dateline = DATELINE.match(first_paragraph)
    when = values.month_day(dateline["when"]) if dateline and dateline["when"] else None
    if when and (date := values.in_year(*when, years)):
        return date
    written = list(values.weekday_dates(text))
    for weekday, month, day, year, *_ in written:
        if year is not None and (date := values.in_year(month, day, {year}, weekday)):
            return date
    for weekday, month, day, year, *_ in written:
        if year is None and (date := values.in_year(month, day, years, weekday)):
            return date
    furniture = "\n".join(line.text for line in lines if line.rule is not None)
    return max((found.date for found in values.full_dates(furniture)), default=None)
