import datetime as dt

from support import BRIDGE_TIMELINE, REOPENED, article

from mdsum.model import Cluster
from mdsum.planning.statements import definite_subject, is_prose, is_standalone, leans_back, read_statements
from mdsum.planning.themes import find_themes


def themes_of(cluster: Cluster):
    return find_themes(read_statements(cluster, min_words=6), vectors="tfidf")


def theme_with(themes, text: str):
    return next(theme for theme in themes.themes if any(text in s.text for s in theme.statements))


def test_the_same_fact_in_three_documents_is_one_theme_of_weight_three():
    themes = themes_of(BRIDGE_TIMELINE)
    reopened = theme_with(themes, REOPENED)
    assert reopened.documents == (0, 1, 2)
    assert reopened.support == 3
    assert 3 <= reopened.weight < 4
    assert themes.themes[0] is reopened  # the heaviest comes first


def test_different_numbers_are_different_themes():
    themes = themes_of(BRIDGE_TIMELINE)
    assert theme_with(themes, "12 million") is not theme_with(themes, "40 million")


def test_different_dates_for_the_same_thing_are_a_conflict_not_one_theme():
    themes = themes_of(BRIDGE_TIMELINE)
    june, september = theme_with(themes, "in June"), theme_with(themes, "in September")
    assert june is not september
    pair = (themes.themes.index(june), themes.themes.index(september))
    assert (min(pair), max(pair)) in themes.conflicts
    assert themes.conflicting(pair[0]) == (pair[1],)


def test_two_days_in_one_month_for_what_is_to_come_are_a_conflict_and_recalled_days_are_not():
    cluster = Cluster(
        "talks",
        (
            article(
                "a", "2021-03-03", "The envoy said the next round of talks would begin on 20 March 2021 in Vienna."
            ),
            article(
                "b", "2021-03-04", "The envoy said the next round of talks would begin on 27 March 2021 in Vienna."
            ),
        ),
    )
    themes = themes_of(cluster)
    assert len(themes.themes) == 2 and themes.conflicts == {(0, 1)}
    recalled = Cluster(
        "anniversary",
        (
            article("a", "2005-07-08", "Bombers killed 52 people on three trains and a bus in London on 7 July 2005."),
            article(
                "b",
                "2009-07-07",
                "Today is the anniversary of the day bombers killed 52 people on three trains and a bus in London.",
            ),
        ),
    )
    themes = themes_of(recalled)
    assert not themes.conflicts


def test_what_a_later_report_dates_after_an_earlier_report_is_not_that_reports_fact():
    def crash(charged_on: str) -> Cluster:
        return Cluster(
            "a9",
            (
                article(
                    "a", "2025-06-15", "The driver of the coach that crashed on the A9, killing four, was arrested."
                ),
                article("b", "2025-06-15", "Police said four people died when the coach left the A9 near Perth."),
                article(
                    "c",
                    charged_on,
                    "The driver of the coach that crashed on the A9, killing four, was charged on Wednesday.",
                ),
            ),
        )

    later = themes_of(crash("2025-07-03"))  # charged on 2 July, in a later report: another fact than the arrest
    assert not any({0, 2} <= set(theme.documents) for theme in later.themes)
    same_week = themes_of(crash("2025-06-19"))  # within the event's week, a report's day joins its theme
    assert any({0, 2} <= set(theme.documents) for theme in same_week.themes)


def test_two_reports_of_a_day_counting_the_same_thing_differently_are_a_conflict_and_a_rising_toll_is_not():
    def share(day: str, doc: str, percent: str):
        said = f"The authority said the merged company would have controlled {percent} percent of the rail market."
        return article(doc, day, said)

    counted = themes_of(Cluster("merger", (share("2024-05-02", "a", "70"), share("2024-05-02", "b", "65"))))
    assert len(counted.themes) == 2 and counted.conflicts == {(0, 1)}
    undated = themes_of(Cluster("merger", (share(None, "a", "70"), share(None, "b", "65"))))
    assert undated.conflicts == {(0, 1)}
    rose = themes_of(Cluster("merger", (share("2024-05-02", "a", "70"), share("2024-05-09", "b", "65"))))
    assert len(rose.themes) == 2 and not rose.conflicts  # a week apart: the share may have changed
    other_things = Cluster(
        "school",
        (
            article(None, "a", "A mother and her two daughters were found dead in their home on Ridge Road."),
            article(None, "b", "A friend found the mother and her daughters dead in the 11400 block of Ridge Road."),
        ),
    )
    assert not themes_of(other_things).conflicts  # two daughters, a block number: nothing counted twice


def test_a_theme_keeps_its_sentences_documents_and_days():
    reopened = theme_with(themes_of(BRIDGE_TIMELINE), REOPENED)
    assert {(s.document, s.sentence) for s in reopened.statements} >= {(0, 0), (1, 0), (2, 0)}
    assert reopened.days == (dt.date(2024, 3, 1),)  # "on Friday" in the papers of 1 and 2 March


def test_one_sentence_is_one_theme():
    themes = themes_of(Cluster("one", (article("a", None, REOPENED),)))
    assert len(themes.themes) == 1
    assert themes.themes[0].support == 1


def test_a_sentence_that_leans_back_is_still_prose_a_caption_or_headline_is_not():
    for leaning in ("He said the council reopened the bridge.", "But the council said the repair was late."):
        assert is_prose(leaning) and leans_back(leaning)
    assert not leans_back("The repair was the best option.")
    assert leans_back("The repair was the best option.", previous='"It was late," he said.')


def test_a_quotation_that_opens_with_this_and_a_noun_names_what_it_speaks_of():
    for named in (
        '"This fire is moving faster than anything we have seen," Sheriff Maria Ortega said.',
        '"These families have lost everything," Ortega said.',
        '"This process will take years," Ortega said.',
    ):
        assert not leans_back(named)
    for leaning in (
        '"This is a disaster," Ortega said.',
        '"That means we lose," Ortega said.',
        '"That happened before," Ortega said.',
        '"Those are lies," Ortega said.',
        '"This fire is fast," he said.',  # who "he" is, the sentence before says
        "This fire grew overnight, officials said.",  # outside a quotation, "this fire" is the one just told of
    ):
        assert leans_back(leaning)
    for not_prose in (
        "Council says bridge repair cost more than planned.",
        "HMS Cornwall at Zeebrugge in 2006.",
        'Reports of death toll * AP - "confirmed death toll passed 121,000, and 5 million people were homeless."',
    ):
        assert not is_prose(not_prose)
    for to_the_reader in (
        "Read background about the event here.",
        "Refresh this page for live updates throughout the day.",
        "[ follow updates on day 4 of the trial ] the trial went on in federal court.",
        "Click to enlarge mayor kevin johnson of sacramento.",
        "All times are in eastern standard time.",
        "Football fans, get ready to rock.",
        "Andrew Jackson, meet Wilma Mankiller.",
    ):
        assert not is_prose(to_the_reader)
    for prose in (
        "Marsh will be sworn in on 12 June.",  # one common word, but a caption's tense it is not
        "Follow-up tests showed the repair held.",
        "Seeing the cracks, the council closed the bridge.",
        "An FCC spokesman, Mark Wigfield, said that the attacks ended.",
        "The experiment, put on by a charity, tests a basic income.",
    ):
        assert is_prose(prose)
    [first, second] = read_statements(Cluster("c", (article("a", None, REOPENED, "It cost 12 million euros."),)), 3)
    assert (first.standalone, first.continues, second.standalone, second.continues) == (True, False, False, True)


def test_a_sentence_about_the_noun_it_opens_with_needs_its_article_unless_most_articles_use_it():
    signed, law = "Congress passed a bill and the president signed it into law.", "The law took effect on Friday."
    assert definite_subject(law) == "law"
    assert definite_subject("The video was shown to the jury.") == "video"  # the article said "footage"
    assert definite_subject("The law of the sea applies to the strait.") is None  # which law it says
    assert definite_subject("The four suicide bombers were UK residents.") is None
    assert definite_subject("The Law Society said the rule was fair.") is None  # a name
    assert definite_subject("The photographs show the suspect at a station.") == "photographs"
    assert definite_subject("The first photograph is a passport photo.") == "photograph"
    assert definite_subject("The 58-year-old was arrested on suspicion of dangerous driving.") == "58-year-old"
    assert definite_subject("Following the discovery of the explosive, experts were sent.") == "explosive"
    assert definite_subject("Since the publication of the post, the accounts were closed.") == "post"
    assert definite_subject("After the July 7 bombings, police searched six houses.") is None  # it says which
    one_about_the_law = Cluster("c", (article("a", None, REOPENED, signed, law), article("b", None, REOPENED)))
    assert [s.standalone for s in read_statements(one_about_the_law, 3)][1:3] == [True, False]
    both_about_the_law = Cluster("c", (article("a", None, REOPENED, signed, law), article("b", None, signed)))
    assert [s.standalone for s in read_statements(both_about_the_law, 3)][1:3] == [True, True]  # the cluster's topic
    unannounced = Cluster("c", (article("a", None, REOPENED, law), article("b", None, REOPENED)))
    assert [s.standalone for s in read_statements(unannounced, 3)][:2] == [True, False]  # no law in particular


def test_standalone_sentences():
    assert is_standalone(REOPENED)
    assert is_standalone('"No breakthrough, no breakdown," the envoy Anna Weber told reporters.')
    assert not is_standalone("He said the council reopened the bridge.")
    assert not is_standalone("But the council said the repair was late.")
    assert not is_standalone('"We are ready," he said.')
    assert not is_standalone("On that front, the council praised the engineers.")
    assert not is_standalone("After the ceremony, she thanked the engineers.")
    assert not is_standalone("Council says bridge repair cost more than planned.")
    assert is_standalone("The council says the repair cost 12 million euros.")  # prose in the present, as AP writes
    assert not is_standalone("The repair was the best option.", previous='"It was late," he said.')
    assert not is_standalone('"It was late and it cost more than anyone planned."')  # who said it?
    assert not is_standalone('"It was late. It cost more than anyone planned.')  # a quotation running on
    assert is_standalone('"The repair was late," Weber said.')
    assert is_standalone('" the repair was late, " weber said.')  # Multi-News spaces its quotation marks
    assert not is_standalone('" it was late, " he said.')  # who is "he"?
    assert not is_standalone('" he was late. " the council closed the bridge.')  # a pronoun opens the quotation
    assert not is_standalone("HMS Cornwall at Zeebrugge in 2006.")  # a photo caption
    assert not is_standalone("Ambulances at Russell Square, London after the July 7, 2005 bombings.")
    assert not is_standalone("If you saw the crash, please call the council on 0800 789321.")  # an appeal
    assert not is_standalone("To view the erratum to this report, please click here.")  # a page's link
    assert is_standalone('"You will cross it in two minutes," Weber told drivers.')  # quoted, not addressed
    assert is_standalone("52 people were killed and about 700 injured when the bridge fell.")  # opens with a number
    assert is_standalone("This week's talks were held as a ceasefire was in effect.")  # "this" dates, not points back
    assert not is_standalone("This was the worst accident on the bridge.")
    assert not is_standalone("* The rupture spread from south to north.")  # a list item
    assert not is_standalone('"We saw the whole planet move," Ammon continued.')  # the rest of a quotation
    assert not is_standalone('Weber continued, "The repair was late."')
    assert is_standalone("Police continued to search the building on Thursday.")
    assert not is_standalone("Louis Jordan, right, walks from the helicopter to the hospital in Norfolk.")  # caption
    assert not is_standalone("In this Oct. 8, 2017 file photo, flags flap in the wind outside the EU headquarters.")
    assert is_standalone("The council said the right lane stays closed, left to the engineers' judgement.")
    assert not is_standalone(
        "Firefighters inspect derailed train cars near Mount Carbon, W.Va., Monday, Feb. 16, 2015."
    )
    assert not is_standalone("Crews respond to the scene on Las Vegas Boulevard, Sunday, Dec. 20, 2015, in Las Vegas.")
    assert not is_standalone("The jail cell where she was found is seen Wednesday, July 22, 2015, in Hempstead, Texas.")
    assert is_standalone("Officials met Monday, March 3, 2014, in Geneva to agree on a deadline.")  # goes on after
    assert is_standalone("Two officers were shot near a Home Depot on Tuesday, April 24, 2018.")  # prose dates "on"
    assert not is_standalone("Investigators work the site on Monday, Dec. 7, 2015 in San Bernardino, Calif.")  # now
    assert is_standalone("The first lesson will go online on Wednesday, December 5th, 2018.")  # prose's future
    assert is_standalone("The labelling law took effect last Friday, July 1, 2016.")
    assert not is_standalone("Around 600 people were evacuated from the surrounding area.")  # around what?
    assert not is_standalone("Other houses were entered by armed police.")  # other than which?
    assert not is_standalone("Lindsey Germaine: Piccadilly Line train, Jamaican-born resident of Aylesbury.")
    assert not is_standalone("Initially thought to have been the bomber on the Piccadilly Line train.")  # who?
    assert is_standalone("Believed to be the bomb-maker, the man left the country in July.")  # the subject follows
    assert is_standalone("The council gave one reason: the repair cost more than planned.")  # a colon inside prose
    assert not is_standalone("Many of our employees were severely impacted by the fire.")  # who is "we"?
    assert is_standalone("Many of our employees lost their homes, the brewery's founder said.")
    assert not is_standalone("Reporting live from the bridge, I'm Anna Weber, Channel 10 news.")  # who is "I"?
    assert not is_standalone("I've been there and the bridge was closed.")
    assert is_standalone("The couple kept 10,000 notes of endless 'i love yous' in a box.")
    assert is_standalone("I have never seen such a crack, the engineer Anna Weber said.")
    assert not is_standalone("Looks like the bridge is not a secret anymore!")  # a teaser
    assert is_standalone('The council told drivers: "Do not cross the bridge!"')  # the exclamation is quoted
    assert not is_standalone("Should drivers avoid the bridge until the repair is done?")  # asks, does not tell


def test_no_statements_no_themes():
    assert find_themes((), vectors="tfidf").themes == ()
