import calendar
import json

import pytest

from mdsum.text.meta import PageMeta, extract_meta

SEEDS = {
    # 000 opens with a photo caption, not a headline; its only date is the caption's
    "000_432b95dc35ad9674": PageMeta(title=None, source="TRTWorld", date="2017-07-14"),
    # the site's "Sunday, 22 July 2018" above the headline is not the article's date
    "001_03eed4bb824c59bf": PageMeta(
        title="De Mistura: Direct Syrian Talks in Upcoming Rounds", source=None, date="2017-07-15"
    ),
    "002_aff2fd669e79066c": PageMeta(
        title="'No breakthrough, no breakdown' as Syria talks wrap up", source=None, date=None
    ),
    # a caption's "Wednesday, Sept. 27" with the year from "July 14, 2017" elsewhere
    "003_dbed9314064d8f83": PageMeta(
        title="UN envoy calls for new round of Syria talks in about a month", source=None, date="2017-09-27"
    ),
    "004_d4380d7e0e9c640b": PageMeta(
        title="Latest peace talks on Syria end without major breakthrough", source="Xinhua", date="2017-07-15"
    ),
}
BODY = "The envoy said the talks ended without a breakthrough."


@pytest.mark.parametrize(("stem", "expected"), SEEDS.items())
def test_seed_metadata(seeds_dir, stem, expected):
    assert extract_meta((seeds_dir / f"{stem}.txt").read_text(encoding="utf-8")) == expected


def test_the_later_seed_article_is_dated_after_the_others(seed_cluster):
    dates = {document.id: document.date for document in seed_cluster.documents}
    later = dates.pop("003_dbed9314064d8f83")
    assert all(date is None or date < later for date in dates.values())


@pytest.mark.parametrize(
    ("raw", "source"),
    [
        (f"{BODY}\n\nSource: TRTWorld and agencies", "TRTWorld"),
        (f"Headline of the story here\n\nSource: Xinhua| 2017-07-15 07:11:57|Editor: ZD\n\n{BODY}", "Xinhua"),
        (f"Sources: Reuters, AFP\n\n{BODY}", "Reuters"),
        (f"GENEVA, July 14 (Xinhua) -- {BODY}", "Xinhua"),
        (f"WASHINGTON (AP) \u2014 {BODY}", "AP"),
        (f"SAN BERNARDINO, Calif. (AP) \u2014 {BODY}", "AP"),
        (f"Paris ( ap ) \u2014 {BODY.lower()}", "AP"),
        (f"Washington (CNN) {BODY}", "CNN"),
        (BODY, None),
        (f"{BODY} Officials (Xinhua) -- later commented.", None),
    ],
)
def test_source_outlet(raw, source):
    assert extract_meta(raw).source == source


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        (f"Headline of the story here\n\nSource: Xinhua| 2017-07-15 07:11:57|Editor: ZD\n\n{BODY}", "2017-07-15"),
        (f"Monday, 1 January 2018\nHeadline of the story here\n15 July 2017\n\n{BODY}", "2017-07-15"),
        (f"Monday, 1 January 2018\n\n{BODY}", "2018-01-01"),  # no headline: the date line is all there is
        (f"GENEVA, July 14 (Xinhua) -- {BODY} Talks began on July 10, 2017.", "2017-07-14"),
        (f"GENEVA, July 14 (Xinhua) -- {BODY}", None),  # no year anywhere on the page
        (f"{BODY} He spoke on Wednesday, Sept. 27. The July 14, 2017 round was the seventh.", "2017-09-27"),
        # the weekday picks the year: Sept. 27 was a Tuesday in 2016, a Wednesday in 2017
        (f"{BODY} He spoke on Tuesday, Sept. 27. Rounds: July 14, 2016; July 14, 2017.", "2016-09-27"),
        (f"{BODY} He spoke on Friday, Sept. 27. Rounds: July 14, 2016; July 14, 2017.", None),  # no year fits
        # WikiNews: the weekday date under the headline, not a later one in the text
        (
            "Romanian artists auction works Thursday, January 20, 2005 Sales on January 23, 2005 raised money.",
            "2005-01-20",
        ),
        (f"{BODY} It was signed on Friday, July 15, 2017.", None),  # 15 July 2017 was a Saturday
        (
            f"The envoy speaks in Geneva, July 14, 2017. (AP Photo/Pool)\n\n{BODY} He was born on 3 March 1950.",
            "2017-07-14",
        ),
        (f"{BODY} The round of July 14, 2017 followed one of 3 March 2017.", None),  # the body's dates are events
        (BODY, None),
    ],
)
def test_publication_date(raw, date):
    assert extract_meta(raw).date == date


def test_a_headline_run_into_the_text_is_the_title():
    meta = extract_meta(
        "Aid pledges rise; Japan promises $500m Saturday, January 1, 2005 In an abrupt about-face, donors gave."
    )
    assert meta == PageMeta(title="Aid pledges rise; Japan promises $500m", source=None, date="2005-01-01")


def test_wikinews_articles_get_the_date_under_their_headline(shared_data_dir):
    """Nearly all are dated (not one with a bare "December 29, 2004" fused to its headline),
    and always with the date written at the top, never one from further down."""
    dated = total = 0
    for line in (shared_data_dir / "multiling2011_3.jsonl").read_text(encoding="utf-8").splitlines():
        for document in json.loads(line)["documents"]:
            total += 1
            date = extract_meta(document).date
            if date is None:
                continue
            dated += 1
            year, month, day = map(int, date.split("-"))
            assert f"{calendar.month_name[month]} {day}, {year}" in document[:250], (date, document[:250])
    assert dated >= 0.9 * total
