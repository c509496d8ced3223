import datetime as dt

import pytest

from mdsum.text.values import (
    DateValue,
    counted_differently,
    extract_dates,
    extract_numbers,
    extract_ordinals,
    full_dates,
    in_year,
    is_date_line,
    measures,
    month_day,
    names,
    normalise_number,
    parse_iso_date,
    weekday_dates,
)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published 2017-07-15 07:11:57 by the desk", dt.date(2017, 7, 15)),
        ("2005/01/08 Tsunami aid donations", dt.date(2005, 1, 8)),
        ("on 15 July 2017 in Geneva", dt.date(2017, 7, 15)),
        ("on July 14, 2017, photo", dt.date(2017, 7, 14)),
        ("by Sept. 27 2017 at the latest", dt.date(2017, 9, 27)),
        ("the 1st March 2016 statement", dt.date(2016, 3, 1)),
        ("saturday, january 8, 2005 u.s. citizens", dt.date(2005, 1, 8)),
    ],
)
def test_full_dates_in_their_news_forms(text, date):
    assert [found.date for found in full_dates(text)] == [date]


def test_full_dates_are_in_reading_order_and_skip_impossible_ones():
    found = full_dates("On July 14, 2017 (not 30 February 2017) and 2017-07-15.")
    assert [item.date for item in found] == [dt.date(2017, 7, 14), dt.date(2017, 7, 15)]


@pytest.mark.parametrize(
    "line",
    ["Sunday, 22 July 2018", "15 July 2017", "July 14, 2017", "2017-07-15 07:11:57", "Friday, July 14, 2017 10:30 GMT"],
)
def test_date_lines(line):
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line", ["On 15 July 2017 the talks ended.", "July 14", "Sunday", "22 July", "Talks: 15 July 2017"]
)
def test_lines_that_are_not_only_a_date(line):
    assert not is_date_line(line)


def test_month_day_and_weekday_dates():
    assert month_day("Sept. 27") == (9, 27)
    assert month_day("July 14 2017") is None
    text = "said Wednesday, Sept. 27, that; on Friday, July 14, 2017; Sunday, 22 July 2018"
    found = list(weekday_dates(text))
    assert [(item.weekday, item.month, item.day, item.year) for item in found] == [
        (2, 9, 27, None),
        (4, 7, 14, 2017),
        (6, 7, 22, 2018),
    ]
    assert [text[item.start : item.end] for item in found] == [
        "Wednesday, Sept. 27",
        "Friday, July 14, 2017",
        "Sunday, 22 July 2018",
    ]


def test_in_year_uses_the_weekday_to_choose_the_year():
    assert in_year(9, 27, {2016, 2017}) == dt.date(2017, 9, 27)
    assert in_year(9, 27, {2016, 2017}, weekday=1) == dt.date(2016, 9, 27)
    assert in_year(9, 27, {2016, 2017}, weekday=4) is None
    assert in_year(2, 29, {2017}) is None


def test_a_year_glued_to_the_next_word_is_still_read():
    assert [found.date for found in full_dates("Tuesday, January 18, 2005Through a telethon")] == [dt.date(2005, 1, 18)]


@pytest.mark.parametrize("written", ["320,000", "320 000", "320000", "320\u202f000"])
def test_number_formats_are_one_value(written):
    assert normalise_number(written) == 320000.0


def test_scale_and_number_words():
    assert extract_numbers("4.8 million refugees and four groups") == (4_800_000.0, 4.0)


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("Japan announced a half-billion dollar donation", (500_000_000.0,)),
        ("half a million people fled", (500_000.0,)),
        ("a quarter of a million tourists", (250_000.0,)),
        ("a quarter-million tourists", (250_000.0,)),
        ("a million dollars", (1_000_000.0,)),
        ("half the 40 seats went to the opposition", (40.0,)),  # a share is a number only of a scale
    ],
)
def test_a_share_of_a_scale_is_a_number(text, numbers):
    assert extract_numbers(text) == numbers


def test_clock_times_are_not_numbers():
    assert extract_numbers("Updated 07:11:57") == ()


@pytest.mark.parametrize(
    "text, value",
    [
        ("on 14 July", DateValue(None, 7, 14)),
        ("on July 14", DateValue(None, 7, 14)),
        ("on 14/07", DateValue(None, 7, 14)),
        ("on Sept. 27", DateValue(None, 9, 27)),
        ("on 27 September", DateValue(None, 9, 27)),
        ("July 14, 2017", DateValue(2017, 7, 14)),
        ("2017-07-15 07:11:57", DateValue(2017, 7, 15)),
        ("in October", DateValue(None, 10, None)),
    ],
)
def test_date_formats(text, value):
    assert extract_dates(text)[0] == (value,)


def test_may_the_verb_is_not_a_month():
    assert extract_dates("The talks may resume.")[0] == ()


def test_dates_mask_their_numbers():
    dates, rest = extract_dates("On 14 July 2017, 4 groups met.")
    assert dates == (DateValue(2017, 7, 14),) and extract_numbers(rest) == (4.0,)


def test_partial_date_agrees_but_does_not_state():
    wanted = parse_iso_date("2017-07-14")
    assert DateValue(None, 7, None).agrees_with(wanted) and not DateValue(None, 7, None).states(wanted)
    assert not DateValue(None, 10, None).agrees_with(wanted)


def test_ordinals_in_words_and_digits_once_dates_are_masked():
    _, rest = extract_dates("The seventh round, the 8th session, opened on 14th July.")
    assert extract_ordinals(rest) == (7, 8)


def test_names_are_capitalised_words_after_the_first():
    assert names("Envoy Staffan de Mistura met Bashar al-Jaafari in Geneva.") == [
        "Staffan",
        "Mistura",
        "Bashar",
        "Jaafari",
        "Geneva",
    ]


def test_measures_pair_each_number_with_what_it_counts():
    assert measures("about 70 percent of the market, 65% of it and 60 per cent of them") == {
        (70.0, "percent"),
        (65.0, "percent"),
        (60.0, "percent"),
    }
    assert measures("a 320-student campus where 274 people passed") == {(320.0, "student"), (274.0, "people")}
    assert measures("two of them met at 07:30", skip=frozenset({"of"})) == frozenset()  # a function word counts nothing


def test_a_percentage_change_counts_nothing_of_its_own():
    for change in ("profit rose 38 percent to $412 million", "revenue, up 21 percent", "a 38 percent rise", "fell 8%"):
        assert measures(change) == frozenset()
    assert measures("unemployment rose to 5 percent") == {(5.0, "percent")}  # a level, not a change
    assert not counted_differently(measures("Profit rose 38 percent."), measures("Revenue climbed 21 percent."))


def test_two_texts_count_differently_when_one_unit_has_no_value_in_common():
    first = measures("A magnitude 7.1 quake killed at least 12 people")
    assert counted_differently(first, measures("The 7.1 magnitude quake killed 27 people"))  # 7.1 is not the toll
    assert not counted_differently(first, measures("It killed 12 people and hurt 40"))
    assert not counted_differently(first, measures("More than 4,000 rescuers worked overnight"))  # nothing both count
