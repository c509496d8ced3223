import datetime as dt

import pytest

from mdsum.text.dates import format_day, iso_day, read_days, resolve_relative, stated_days, weekday_near

SATURDAY = dt.date(2017, 7, 15)


@pytest.mark.parametrize(
    ("sentence", "resolved"),
    [
        (
            "The talks wrapped up Friday, the envoy said.",
            "The talks wrapped up on Friday 14 July 2017, the envoy said.",
        ),
        (
            "The envoy on Friday night announced the end.",
            "The envoy on the night of Friday 14 July 2017 announced the end.",
        ),
        (
            "The minister described today as useful the round.",
            "The minister described on 15 July 2017 as useful the round.",
        ),
        ("Aid arrived yesterday in the city.", "Aid arrived on 14 July 2017 in the city."),
        ("Talks will resume on Monday in Geneva.", "Talks will resume on Monday 17 July 2017 in Geneva."),
        (
            "The round, which ends on Saturday, was useful.",
            "The round, which ends on Saturday 15 July 2017, was useful.",
        ),
        ("They met last Saturday in Vienna.", "They met on Saturday 8 July 2017 in Vienna."),
        ("It joined the agenda earlier this year.", "It joined the agenda earlier in 2017."),
        ("This week's talks were held in a truce.", "That week's talks were held in a truce."),
        ("Today is the first anniversary of the truce.", "15 July 2017 is the first anniversary of the truce."),
        ("He said tomorrow will be decisive.", "He said 16 July 2017 will be decisive."),
        (
            "Police tape marks the site of last Wednesday's shooting.",
            "Police tape marks the site of the 12 July 2017 shooting.",
        ),
        ("Friday's vote was close.", "The 14 July 2017 vote was close."),
        # a weekday that already has its preposition gets no "on"; "could", "would", "might" speak of the future,
        # "could have", "could not" and a name ("Theresa May said ...") do not
        (
            "A vote could come as early as Monday afternoon.",
            "A vote could come as early as the afternoon of Monday 17 July 2017.",
        ),
        ("They met between Monday and Wednesday.", "They met between Monday 10 July 2017 and Wednesday 12 July 2017."),
        ("He may have left the city on Thursday.", "He may have left the city on Thursday 13 July 2017."),
        ("He could have left the city on Thursday.", "He could have left the city on Thursday 13 July 2017."),
        (
            "Theresa May said on Thursday that talks failed.",
            "Theresa May said on Thursday 13 July 2017 that talks failed.",
        ),
        ("Talks might resume Monday in Geneva.", "Talks might resume on Monday 17 July 2017 in Geneva."),
        # what someone expects, or what is expected, is ahead
        ("Forecasters expect rain on Monday.", "Forecasters expect rain on Monday 17 July 2017."),
        ("Rain is expected on Monday.", "Rain is expected on Monday 17 July 2017."),
        ("Friday night's game was cancelled.", "The 14 July 2017 night game was cancelled."),
        # a weekday of a named week is that week's day (Monday to Sunday), the week's words gone with it
        (
            "On Monday of this week, Jan Egeland said aid was slow.",  # "Jan" is a name here, not January
            "On Monday 10 July 2017, Jan Egeland said aid was slow.",
        ),
        ("The council met on Tuesday of last week.", "The council met on Tuesday 4 July 2017."),
        ("The council will meet on Friday of next week.", "The council will meet on Friday 21 July 2017."),
    ],
)
def test_relative_days_are_written_out_against_the_article_date(sentence, resolved):
    assert resolve_relative(sentence, SATURDAY) == resolved


@pytest.mark.parametrize(
    "named",
    [
        "Black Friday sales rose.",
        "The Good Friday Agreement holds.",
        "Super Tuesday came.",
        "She told USA Today the vote was close.",
        "usa today sierra nevada brewing co.",  # a photo credit in a lower-cased corpus
        "He said so on the Today show.",
    ],
)
def test_a_named_day_is_no_weekday_of_the_article(named):
    assert resolve_relative(named, SATURDAY) == named


def test_a_weekday_already_followed_by_its_date_is_left_alone():
    for sentence in ("Talks began on Monday, July 10, 2017, in Geneva.", "Talks began on Monday, Jul. 10, in Geneva."):
        assert resolve_relative(sentence, SATURDAY) == sentence


def test_without_a_date_nothing_is_invented():
    assert resolve_relative("The minister described today as useful the round.", None) == (
        "The minister described as useful the round."
    )
    assert resolve_relative("The talks ended on Friday.", None) == "The talks ended on Friday."
    assert resolve_relative("Today, with its earnings out, UPS set new fees.", None) == (
        "With its earnings out, UPS set new fees."
    )
    assert resolve_relative("UPS said, today, that fees rise.", None) == "UPS said, that fees rise."
    assert stated_days("The talks ended on Friday.", None) == ()


def test_a_quotation_keeps_the_speakers_words():
    assert resolve_relative('"We are here today," he said on Friday.', SATURDAY) == (
        '"We are here today," he said on Friday 14 July 2017.'
    )
    assert resolve_relative("Plouffe said on ABC's `` this week '' that the law stands.", None) == (
        "Plouffe said on ABC's `` this week '' that the law stands."
    )
    assert resolve_relative('He said yesterday: "The talks resume tomorrow.', SATURDAY) == (
        'He said on 14 July 2017: "The talks resume tomorrow.'
    )
    assert stated_days('"We concluded the round today," he said.', SATURDAY) == (dt.date(2017, 7, 15),)


def test_days_ahead_are_the_days_a_future_tense_governs():
    sentence = "The round ended on Friday, and the envoy said the next one will begin on 20 July."
    assert stated_days(sentence, SATURDAY) == (dt.date(2017, 7, 14), dt.date(2017, 7, 20))
    assert read_days(sentence, SATURDAY).ahead == (dt.date(2017, 7, 20),)
    assert read_days("He will free the sailors detained by the navy on 23 March 2007.", None).ahead == ()  # recalled


def test_stated_days_take_the_article_year_and_resolve_weekdays():
    assert stated_days("The round began on July 10 and ended on Friday.", SATURDAY) == (
        dt.date(2017, 7, 10),
        dt.date(2017, 7, 14),
    )


def test_weekday_arithmetic():
    assert weekday_near(SATURDAY, 5, "", future=False) == SATURDAY  # "on Saturday" in Saturday's paper
    assert weekday_near(SATURDAY, 5, "last", future=False) == dt.date(2017, 7, 8)
    assert weekday_near(SATURDAY, 4, "next", future=False) == dt.date(2017, 7, 21)
    assert weekday_near(SATURDAY, 0, "", future=True) == dt.date(2017, 7, 17)


def test_iso_day_and_format_day():
    assert iso_day("2017-09-27") == dt.date(2017, 9, 27)
    assert iso_day("not a date") is None
    assert iso_day(None) is None
    assert format_day(dt.date(2017, 9, 27)) == "27 September 2017"
