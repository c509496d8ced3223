import datetime as dt
import re

import numpy as np
from support import BRIDGE_TIMELINE, REOPENED, article

from mdsum.model import Cluster
from mdsum.planning.select import (
    FILL_REDUNDANCY,
    choose,
    cohesive,
    extended,
    make_plan,
    make_plans,
    representative,
)
from mdsum.planning.statements import read_statements
from mdsum.planning.themes import Theme, ThemeMap, find_themes
from mdsum.planning.timeline import Timeline, day_marker, introduce
from mdsum.text.values import extract_numbers


def plan_of(cluster: Cluster, words: int = 200):
    return make_plan(cluster, words, vectors="tfidf")


def test_the_plan_opens_with_the_heaviest_theme_with_its_friday_resolved():
    plan = plan_of(BRIDGE_TIMELINE)
    assert plan.items[0].theme.support == 3
    assert "on Friday 1 March 2024" in plan.items[0].text


def test_a_later_report_comes_last_introduced_by_its_date():
    plan = plan_of(BRIDGE_TIMELINE)
    later = [item for item in plan.items if item.later]
    assert later and plan.items[-len(later) :] == tuple(later)
    assert later[0].text.startswith("As reported on 20 April 2024, engineers found new cracks")
    assert any("later report dated 2024-04-20" in note for note in plan.notes)


def test_a_later_report_dates_what_was_said_that_day_and_reports_any_other_fact():
    assert day_marker(dt.date(2017, 9, 27), "The envoy said new talks will take place.") == "On 27 September 2017"
    assert day_marker(dt.date(2006, 7, 7), "Fifty-two people were killed in the attacks.") == (
        "As reported on 7 July 2006"  # the anniversary report recalls 2005: "On 7 July 2006" would move the deaths
    )
    for untimed in (
        "The council has said it donated by accident.",
        "The council says it donated by accident.",
        "Dealers have been told to repair the oldest cars first.",
    ):
        assert day_marker(dt.date(2005, 1, 27), untimed) == "As reported on 27 January 2005"  # not "On ..., has said"


def test_within_the_event_a_theme_that_states_its_day_is_placed_by_it():
    reopened = "The council reopened the Harbour Bridge on Monday after an eight-month repair."
    cluster = Cluster(
        "days",
        (
            article(
                "a",
                "2024-03-05",
                reopened,
                "Cyclists will get a separate protected lane on the deck.",
                "The mayor had promised on 1 March 2024 that the bridge would open this week.",
            ),
            article(
                "b",
                "2024-03-05",
                reopened,
                "Cyclists will get a separate protected lane on the deck.",
                "The mayor had promised on 1 March 2024 that the bridge would open this week.",
            ),
        ),
    )
    texts = [item.text for item in plan_of(cluster).items]
    assert texts[0].startswith("The council reopened")  # the opening stays first
    assert [text.split()[0] for text in texts[1:]] == ["The", "Cyclists"]  # 1 March before the undated lane


def test_a_contradiction_is_stated_with_each_sides_date():
    plan = plan_of(BRIDGE_TIMELINE)
    phases = [item.text for item in plan.items if "steel cables" in item.text]
    assert phases == [
        "As City Post reported on 2 March 2024, painting of the steel cables will start in June, a council "
        "spokesman said.",
        "As Harbour News reported on 20 April 2024, painting of the steel cables will start in September, a "
        "council spokesman said.",
    ]


def test_undated_reports_that_disagree_are_told_as_one_report_and_another():
    share = "The authority said the merged company would have controlled {} percent of the rail freight market."
    cluster = Cluster("merger", (article("a", None, share.format(70)), article("b", None, share.format(65))))
    assert [item.text.split(", the authority")[0] for item in plan_of(cluster).items] == [
        "According to a report",
        "According to another report",
    ]


def test_an_undated_sides_lead_in_states_no_number_that_a_detail_check_would_find_in_no_source():
    timeline = Timeline.of(Cluster("undated", (article("a", None, "Talks ended in Vienna on a Friday."),)))
    assert all(not extract_numbers(timeline.attribution(0, answers)) for answers in (False, True))


def test_no_dangling_pronoun_first_sentence_is_chosen():
    plan = plan_of(BRIDGE_TIMELINE)
    assert all(item.statement.standalone for item in plan.items)
    assert not any(item.text.startswith("He ") for item in plan.items)


def test_a_sentence_leaning_back_only_through_its_pronoun_subject_is_stated_with_the_name():
    cluster = Cluster(
        "quota",
        (
            article(
                "a",
                "2024-03-01",
                "Fisheries envoy Maria Berg opened the quota talks in Oslo on Friday.",
                "He said the boats would stay in port until the quota was agreed.",
            ),
            article(
                "b",
                "2024-03-01",
                "Maria Berg said the quota talks in Oslo had opened on Friday.",
                "She said the boats would stay in port until a quota was agreed by all.",
            ),
        ),
    )
    statements = [item.text for item in plan_of(cluster).items]
    assert any("Berg said the boats would stay in port" in text for text in statements)  # by surname once named
    assert not any(text.startswith(("He ", "She ")) for text in statements)


def test_the_word_budget_holds_and_sentences_are_never_cut():
    for words in (5, 20, 40, 80):
        plan = plan_of(BRIDGE_TIMELINE, words)
        assert plan.words <= words
        assert all(item.text.endswith(".") for item in plan.items)


def test_a_plan_well_short_of_its_budget_says_why_and_one_that_fills_it_does_not():
    short = plan_of(BRIDGE_TIMELINE, 2000)
    assert any(f"{short.words} of the 2000 words asked for" in note for note in short.notes)
    full = plan_of(BRIDGE_TIMELINE, short.words)
    assert not any("words asked for" in note for note in full.notes)


def test_undated_documents_get_no_invented_dates():
    undated = Cluster(
        "undated",
        tuple(article(document.id, None, *document.sentences) for document in BRIDGE_TIMELINE.documents),
    )
    plan = plan_of(undated)
    assert plan.items
    for item in plan.items:
        assert not re.search(r"\b(19|20)\d\d\b", item.text)
        assert item.later is None
        assert item.text.endswith(item.statement.text[1:])  # nothing added but a lead-in without a date
    assert "According to a report, painting of the steel cables" in " ".join(item.text for item in plan.items)


def test_a_one_document_cluster_is_planned():
    plan = plan_of(Cluster("one", (article("a", "2024-03-02", REOPENED, "Cyclists get a lane on the deck of it."),)))
    assert plan.items[0].text == REOPENED.replace("on Friday", "on Friday 1 March 2024")


def test_one_article_is_opened_by_its_lead_not_by_its_most_central_sentence():
    sentences = (
        "Flooding closed the valley's only bridge on Tuesday after a night of storms.",
        "Repair crews say the bridge must be inspected before it reopens to traffic.",
        "The bridge carries traffic, buses and the valley's water main over the river.",
        "Officials said the bridge, the road to the bridge and the bridge's water main were all inspected.",
    )
    plan = plan_of(Cluster("one", (article("a", "2024-03-06", *sentences),)), words=60)
    assert plan.items[0].statement.sentence == 0


FERRY = Cluster(
    "ferry",
    (
        article(
            "a",
            "2024-05-03",
            "The harbour ferry Tern ran aground off Kell Point on Thursday with 40 passengers on board.",
            "It was refloated at high tide and towed to the harbour by two tugs.",
            "Coastguard officers praised the crew for keeping the passengers calm.",
        ),
        article(
            "b",
            "2024-05-03",
            "The ferry Tern ran aground off Kell Point on Thursday, the coastguard said.",
            "But no passenger was hurt, a spokeswoman for the operator said.",
        ),
    ),
)


def test_with_words_left_a_sentence_that_leans_back_is_told_right_after_the_one_it_leans_on():
    texts = [item.text for item in plan_of(FERRY, words=60).items]
    assert texts[0].startswith("The ferry Tern ran aground")  # the shorter lead opens
    assert texts[1] == "But no passenger was hurt, a spokeswoman for the operator said."  # right after it
    assert "It was refloated at high tide and towed to the harbour by two tugs." not in texts  # its lead is not told
    assert all(item.statement.standalone for item in plan_of(FERRY, words=32).items)  # no words left for it


def test_a_sentence_that_leans_on_a_continuation_goes_on_after_it():
    [article_a, _] = FERRY.documents
    solo = Cluster("solo", (article("a", "2024-05-03", *article_a.sentences[:2], "But the captain was sent home."),))
    texts = [item.text for item in plan_of(solo, words=60).items]
    assert texts[1:] == [article_a.sentences[1], "But the captain was sent home."]


def test_later_reports_lead_the_selection_only_while_they_take_at_most_half_the_words():
    event = [
        article("e1", "2024-01-10", REOPENED, "The repair cost 12 million euros, the council said on Wednesday."),
        article("e2", "2024-01-10", REOPENED, "The repair cost 12 million euros, the council said in a statement."),
        article("e3", "2024-01-11", REOPENED, "Cyclists will get a protected lane on the eastern side of the deck."),
    ]
    later = [
        article(
            f"l{month}",
            f"2024-{month:02d}-15",
            f"Inspectors wrote a long report number {month} on the state of the "
            "paint, the lamps, the railings and the drains of the old toll booth at the northern end.",
        )
        for month in (3, 5, 7, 9)
    ]
    cluster = Cluster("months", (*event, *later))
    plan = plan_of(cluster, 90)
    assert sum(item.words for item in plan.items if item.later) <= 45
    assert any("12 million" in item.text for item in plan.items)  # the event's second heaviest theme is told
    assert [item for item in plan_of(cluster, 400).items if item.later]  # with room, every report is


def test_a_later_sentence_that_states_its_own_day_gets_no_second_date():
    cluster = Cluster(
        "telethon",
        (
            *(article(d, "2024-01-02", REOPENED) for d in "abc"),
            article("d", "2024-01-20", "On Sunday, January 14, the city raised 395,000 euros in a telethon."),
        ),
    )
    [later] = [item for item in plan_of(cluster).items if item.later]
    assert later.text.startswith("On Sunday, January 14, the city raised")  # not "As reported on 20 January ..."


def test_the_timeline_takes_the_median_date_and_flags_later_reports():
    timeline = Timeline.of(BRIDGE_TIMELINE)
    assert str(timeline.main) == "2024-03-02"
    assert [timeline.is_later(d) for d in range(4)] == [False, False, False, True]


def test_of_two_sentences_from_the_same_day_the_one_whose_span_ends_sooner_comes_first():
    quake = "A strong earthquake struck southern Turkey early on Monday, killing at least nine people, officials said."
    rose = (
        "The death toll from Monday's earthquake in southern Turkey rose to 3,400 on Tuesday, the disaster agency said."
    )
    passed = (
        "More than 5,000 people have died in the earthquake that struck Turkey on Monday, the agency said on Wednesday."
    )
    cluster = Cluster(
        "quake",
        (article("a", "2023-02-06", quake), article("c", "2023-02-08", passed), article("b", "2023-02-07", rose)),
    )
    texts = [item.text for item in plan_of(cluster).items]
    tolls = [next(k for k, text in enumerate(texts) if number in text) for number in ("nine", "3,400", "5,000")]
    assert tolls == sorted(tolls)


def test_an_undated_fact_is_placed_by_the_day_it_was_first_reported():
    cluster = Cluster(
        "relief",
        (
            article(
                "a", "2024-12-31", "Aid groups began collecting donations for the flood victims across the region."
            ),
            article(
                "b", "2025-01-18", "The national lottery pledged two million dollars to the rebuilding of the dams."
            ),
            article("c", "2025-01-19", "Engineers inspected every damaged dam in the valley during the long weekend."),
            article("e", "2025-01-17", "Farmers moved their cattle to higher ground as the rivers kept rising."),
            article("d", "2025-01-20", "Schools in the flooded valley reopened for the first time since the storms."),
        ),
    )
    timeline = Timeline.of(cluster)
    themes = find_themes(read_statements(cluster, 6), vectors="tfidf")
    by_text = {theme.statements[0].text.split()[0]: theme for theme in themes.themes}
    assert timeline.happened(by_text["Aid"]) == dt.date(2024, 12, 31)  # 18 days before the event's day
    assert timeline.happened(by_text["The"]) == timeline.main == dt.date(2025, 1, 18)
    assert timeline.happened(by_text["Engineers"]) == dt.date(2025, 1, 19)  # reported only after it: its report's
    assert timeline.happened(by_text["Farmers"]) == dt.date(2025, 1, 17)  # and a day before it


def test_a_lead_in_lower_cases_only_a_common_first_word():
    assert introduce("The council met.", "On 2 March 2024") == "On 2 March 2024, the council met."
    assert introduce("UN envoys met.", "On 2 March 2024") == "On 2 March 2024, UN envoys met."
    assert introduce("Anna Weber met them.", "On 2 March 2024") == "On 2 March 2024, Anna Weber met them."
    assert introduce("The UN's envoy met them.", "On 2 March 2024") == "On 2 March 2024, the UN's envoy met them."
    assert introduce("Weber met them.", "On 2 March 2024", frozenset({"weber"})) == "On 2 March 2024, Weber met them."


def test_a_later_sentence_is_dated_by_its_own_report_not_by_the_first_report_of_its_theme():
    cluster = Cluster(
        "quake",
        (
            article("a", "2024-01-10", "A strong earthquake struck the coastal city of Port Vale on Monday morning."),
            article("b", "2024-01-10", "The earthquake struck Port Vale on Monday, damaging the harbour walls."),
            article(
                "c", "2024-03-01", "Rebuilding the harbour walls of Port Vale will cost 90 million dollars in all."
            ),
            article("d", "2024-06-01", "Rebuilding the walls will cost 90 million dollars, the port authority said."),
        ),
    )
    [later] = [item for item in plan_of(cluster).items if item.later]
    assert later.statement.document == 3 and {source.document for source, _ in later.sources} == {2, 3}
    assert later.text.startswith("On 1 June 2024, ")
    assert later.later.isoformat() == "2024-03-01"  # the theme's first report still places it on the timeline


def test_plans_for_several_budgets_are_the_plans_made_one_by_one():
    plans = make_plans(BRIDGE_TIMELINE, [20, 80], vectors="tfidf")
    assert plans == (plan_of(BRIDGE_TIMELINE, 20), plan_of(BRIDGE_TIMELINE, 80))


def test_the_opening_says_where_the_event_happened_and_the_plan_records_the_place():
    cluster = Cluster(
        "talks",
        (
            article("a", "2024-03-02", "The talks ended on Friday without a deal, the envoy said in Oslo."),
            article("b", "2024-03-02", "The talks ended on Friday without a deal."),
            article("c", "2024-03-02", "Delegates arrived in Oslo on Monday for a week of talks."),
        ),
    )
    plan = plan_of(cluster)
    assert plan.place == "Oslo"
    assert plan.items[0].text == "In Oslo, the talks ended on Friday 1 March 2024 without a deal."
    assert plan_of(BRIDGE_TIMELINE).place is None  # no article says where


def test_an_extended_plan_puts_back_the_shorter_ones_lines_where_the_shorter_one_has_them():
    short, long = make_plans(BRIDGE_TIMELINE, [25, 45], vectors="tfidf")
    # the reopening, and the opposition's "40 million euros", which the longer plan crowds out
    opening, councillors = short.items
    assert councillors.statement not in [item.statement for item in long.items]
    assert opening.statement == long.items[0].statement
    assert extended(short, long).items == (long.items[0], councillors, *long.items[1:])
    assert extended(long, long) == long


BERG = Cluster(
    "berg",
    (
        article(
            "a",
            "2024-05-06",
            "Chief negotiator Maria Berg said the fishing deal was close after talks in Oslo on Monday.",
            "Berg said the boats would stay in port until the quota was signed.",
        ),
        article(
            "b",
            "2024-05-06",
            "The fishing deal was close after talks in Oslo on Monday, chief negotiator Maria Berg said.",
            "Berg said the boats would stay in port until the quota was signed.",
        ),
    ),
)


def test_room_to_introduce_a_person_is_kept_once_not_again_for_each_sentence_that_names_them():
    opening = "Chief negotiator Maria Berg said the fishing deal was close after talks in Oslo on Monday 6 May 2024."
    boats = "Berg said the boats would stay in port until the quota was signed."
    assert [item.text for item in make_plan(BERG, 19 + 13, vectors="tfidf").items] == [opening, boats]
    introduced = "Chief negotiator Maria Berg said the boats would stay in port until the quota was signed."
    assert [item.text for item in make_plan(BERG, 16, vectors="tfidf").items] == [introduced]
    assert make_plan(BERG, 15, vectors="tfidf").items == ()  # no room to say who Berg is


def test_a_sentence_that_goes_on_from_an_earlier_one_is_told_right_after_it_unless_it_states_its_day():
    def talks(envoy: str) -> Cluster:
        opening = "The peace talks of the delegations ended in Geneva on Friday without a breakthrough, the envoy said."
        return Cluster(  # "the delegations", "the envoy": both articles speak of them
            "talks",
            (
                article(
                    "a",
                    "2024-03-02",
                    opening,
                    "France proposed a contact group of world powers to back the peace plan.",
                    "The delegations met separately and never spoke face to face.",
                    envoy,
                ),
                article("b", "2024-03-02", opening),
            ),
        )

    welcomed = "The envoy welcomed the contact group of world powers, saying it could help the process."
    assert [item.text.split()[1] for item in plan_of(talks(welcomed)).items] == [
        "peace",
        "proposed",
        "envoy",  # the articles' order would put it after the delegations
        "delegations",
    ]
    dated = talks(f"On Thursday t{welcomed[1:]}")
    themes = find_themes(read_statements(dated, 6), "tfidf", 0.5)
    ordered = sorted(  # the envoy's dated sentence last, as if its day came last
        ((t, representative(theme, Timeline.of(dated))) for t, theme in enumerate(themes.themes)),
        key=lambda pair: (pair[1].text.startswith("On Thursday"), pair[1].document, pair[1].sentence),
    )
    assert cohesive(themes, Timeline.of(dated), ordered) == ordered  # a sentence that states its day keeps its place


def test_a_sentence_like_a_chosen_one_that_states_another_number_is_no_repeat():
    texts = [item.text for item in plan_of(BRIDGE_TIMELINE).items]
    # the two costs are two claims, not one said twice
    assert "The repair cost 12 million euros, the council said in a statement." in texts
    assert "The repair cost 40 million euros, opposition councillors said." in texts
    assert sum("reopened" in text for text in texts) == 1  # the reopening, told by three, is stated once


def test_a_sentence_that_says_nothing_but_who_said_it_beyond_a_chosen_one_is_a_repeat():
    described = "The envoy Enrique Mora described the atmosphere of the talks as constructive and businesslike."
    said = "Mora said the atmosphere had been constructive."
    denied = "Mora said the atmosphere had not been constructive."
    for other, kept in ((said, False), (denied, True)):
        cluster = Cluster("c", (article("a", "2021-03-03", described), article("b", "2021-03-04", other)))
        texts = [item.text for item in plan_of(cluster).items]
        assert any("businesslike" in text for text in texts)
        assert any(text.endswith(other) for text in texts) is kept


def test_someone_named_in_full_by_two_chosen_sentences_is_called_by_surname_the_second_time():
    first = (
        "Floods forced 5,000 people from their homes in Faenza on Wednesday, regional governor Stefano Bonaccini said."
    )
    later = "Regional governor Stefano Bonaccini said the reconstruction of the region would take several years."
    cluster = Cluster("c", (article("a", "2023-05-12", first), article("b", "2023-05-13", later)))
    texts = [item.text for item in plan_of(cluster).items]
    assert sum("Stefano Bonaccini" in text for text in texts) == 1
    assert "Bonaccini said the reconstruction of the region would take several years." in texts


def test_words_to_spare_go_to_a_theme_close_to_a_chosen_one_but_never_to_a_repeat():
    opening = "The sheriff released two 911 calls from the daughters of Christy Sheats."  # 12 words
    close = "Both daughters called 911 before their mother shot them at the family home."
    repeat = "Two 911 calls from the Sheats daughters were released by the sheriff."
    apart = "The sheriff said the mother had called a family meeting to announce a divorce."  # 14 words
    cluster = Cluster("c", (article("a", "2024-06-25", opening, close, repeat, apart),))
    statements = read_statements(cluster, 6)
    similarity = np.eye(4)
    for a, b, value in ((0, 1, 0.6), (0, 2, 0.8)):  # close: near the opening, not a repeat of it (FILL_REDUNDANCY)
        similarity[a, b] = similarity[b, a] = value
    weights = (0.9, 0.6, 0.5, 0.3)  # heaviest first, as `find_themes` orders them
    themes = ThemeMap(
        statements,
        tuple(Theme((statement,), weight) for statement, weight in zip(statements, weights, strict=True)),
        similarity,
        frozenset(),
    )

    def told(words: int) -> list[str]:
        chosen, _, _ = choose(themes, Timeline.of(cluster), words, redundancy=0.5, novelty=0.0, known={})
        return [statement.text for _, statement in chosen]

    assert 0.6 < FILL_REDUNDANCY < 0.8
    assert told(200) == [opening, apart, close]  # the lighter theme apart first; the close one with words to spare
    assert told(12 + 14) == [opening, apart]  # none to spare


def test_a_later_reports_undated_quotation_is_not_put_before_the_development_it_dates():
    cluster = Cluster(
        "rebuild",
        (
            article("a", "2024-03-12", "A strong earthquake struck the coastal city of Port Vale early on Tuesday."),
            article("b", "2024-03-13", "Rescuers searched the rubble of collapsed buildings in Port Vale all night."),
            article(
                "c",
                "2024-04-15",
                "A month after the earthquake, the government said on Monday that 600 temporary homes had been built.",
                '"We are still living in tents," said Maria Gonzalez, whose house collapsed in the quake.',
            ),
        ),
    )
    timeline = Timeline.of(cluster)
    themes = find_themes(read_statements(cluster, 6), vectors="tfidf")
    tents = next(theme for theme in themes.themes if "tents" in theme.statements[0].text)
    assert timeline.happened(tents) == dt.date(2024, 4, 15)  # said in the later report, not on the event's day
    later = [item.text for item in plan_of(cluster).items if item.later]
    assert later[0].startswith("A month after the earthquake, the government said on Monday 15 April 2024")


def test_the_account_opens_with_what_the_articles_lead_with_not_with_a_heavier_reaction():
    promise = "The mayor promised that the city would pay to rebuild every destroyed home."
    cluster = Cluster(
        "port-vale",
        (
            article(
                "a",
                "2024-03-12",
                "A strong earthquake struck Port Vale early on Tuesday, killing nine people.",
                promise,
            ),
            article(
                "b",
                "2024-03-13",
                "A strong earthquake struck Port Vale on Tuesday, killing at least nine people.",
                promise,
            ),
            article(
                "c", "2024-03-13", "Schools across the region stayed closed while engineers checked them.", promise
            ),
        ),
    )
    themes = find_themes(read_statements(cluster, 6), vectors="tfidf")
    assert themes.themes[0].statements[0].text == promise  # the heaviest: every article states it, none leads with it
    assert plan_of(cluster).items[0].text.startswith("A strong earthquake struck Port Vale")


def test_a_theme_of_the_events_reports_and_a_later_one_is_stated_by_the_events_sentence():
    alleged = "Reyes alleged that ballots had been tampered with in the two northern provinces of Valdoria."
    found = "Judges said no ballots were tampered with in the two northern provinces."

    def vote(found_on: str) -> Cluster:
        return Cluster(
            "vote",
            (
                article("a", "2025-05-05", alleged),
                article("b", "2025-05-05", "Marsh won the presidential election in Valdoria with 54 percent."),
                article("c", found_on, found),
            ),
        )

    for found_on, stated in (("2025-05-30", alleged), ("2025-05-06", found)):
        themes = find_themes(read_statements(vote(found_on), 6), vectors="tfidf")
        [shared] = [theme for theme in themes.themes if theme.documents == (0, 2)]
        # weeks later, the shorter sentence would be told undated among the event's; a day later it may be
        assert representative(shared, Timeline.of(vote(found_on))).text == stated


def test_with_words_to_spare_the_opening_is_the_lead_that_also_tells_a_second_fact():
    told = "The earthquake that struck central Italy on Wednesday killed at least 159 people, officials said."
    fuller = (
        "The earthquake that struck central Italy on Wednesday killed at least 159 people, and the government"
        " declared a state of emergency."
    )
    cluster = Cluster(
        "italy",
        (
            article("a", "2016-08-25", told, "Rescuers dug through the rubble of Amatrice with their bare hands."),
            article("b", "2016-08-25", fuller, "Aftershocks kept survivors sleeping in their cars overnight."),
        ),
    )
    themes = find_themes(read_statements(cluster, 6), vectors="tfidf")
    assert any({s.text for s in theme.statements} == {told, fuller} for theme in themes.themes)
    assert plan_of(cluster).items[0].statement.text == fuller
    assert plan_of(cluster, 40).items[0].statement.text == told  # no words to spare: the shorter lead


def test_a_toll_that_rose_opens_at_its_first_count_and_the_later_count_follows_dated():
    first = (
        "A magnitude 7.1 earthquake struck central Chile early on Tuesday, killing at least 12 people, officials said."
    )
    risen = "The earthquake that struck central Chile on Tuesday killed 27 people in Talca, officials said."
    cluster = Cluster(
        "chile",
        (
            article("a", "2024-03-12", first, "Rescuers searched collapsed homes in Talca through the night."),
            article("b", "2024-03-13", risen, "Schools across the Maule region stayed closed for inspections."),
            article("c", "2024-03-13", risen, "Power was cut to more than 200,000 homes in the Maule region."),
        ),
    )
    texts = [item.text for item in plan_of(cluster).items]
    assert texts[0].startswith("A magnitude 7.1 earthquake struck central Chile early on Tuesday 12 March 2024")
    [later] = [text for text in texts if "27 people" in text]
    # the count of 13 March states no day of its own (only the quake's Tuesday): its report dates it
    assert later.startswith("On 13 March 2024, the earthquake that struck central Chile on Tuesday 12 March 2024")
    assert texts.index(later) == 1


def test_when_each_article_leads_with_another_day_the_account_opens_with_the_earliest():
    declared = "The governor declared a disaster emergency on Thursday as the Mesa Fire spread across 7,000 acres."
    evacuated = "A wildfire forced about 8,000 people to evacuate their homes near Pine Ridge on Wednesday."
    grew = "The Mesa Fire grew overnight and the county widened its evacuation orders on Thursday morning."

    def fire(first_lead: str) -> Cluster:
        return Cluster(
            "mesa-fire",
            (
                article(
                    "a", "2025-10-02", first_lead, "Crews said strong winds kept the air tankers grounded all day."
                ),
                article("b", "2025-10-03", declared, "Shelters were opened at two schools for the evacuated families."),
                article("c", "2025-10-03", grew, declared),
            ),
        )

    texts = [item.text for item in plan_of(fire(evacuated)).items]
    assert texts[0].startswith("A wildfire forced about 8,000 people to evacuate")
    assert texts[1].startswith("The governor declared a disaster emergency on Thursday 2 October 2025")
    # no article leads with an earlier day: the heaviest lead opens
    assert (
        plan_of(fire("Crews fought the spreading fire through the night."))
        .items[0]
        .text.startswith("The governor declared")
    )


def test_a_theme_is_told_by_what_happened_after_its_first_report_and_placed_on_that_day():
    promised = "Prime Minister Anna Holt said she would name a new justice minister to replace Vik within days."
    named = "Prime Minister Anna Holt on Wednesday named Lena Ek, a former judge, as the new justice minister to replace Vik."
    cluster = Cluster(
        "resign",
        (
            article(
                "a",
                "2025-09-16",
                "Justice Minister Tomas Vik resigned on Tuesday over a prison escape.",
                promised,
                "Inspectors said that order in the prisons had broken down long before the escape.",
            ),
            article("b", "2025-09-16", "Tomas Vik stepped down as justice minister on Tuesday after the escape."),
            article("c", "2025-09-17", named, "Ek said that restoring order in the prisons would come first."),
        ),
    )
    themes = find_themes(read_statements(cluster, 6), vectors="tfidf")
    [shared] = [theme for theme in themes.themes if {s.text for s in theme.statements} == {promised, named}]
    assert representative(shared, Timeline.of(cluster)).text == named  # not the shorter promise
    texts = [item.text for item in plan_of(cluster).items]
    told = next(k for k, text in enumerate(texts) if "named Lena Ek" in text)
    assert told > next(k for k, text in enumerate(texts) if "resigned" in text or "stepped down" in text)
    # what only the next day's report tells comes after the appointment it follows, not among Tuesday's sentences
    assert texts.index("Ek said that restoring order in the prisons would come first.") == told + 1


def test_what_an_earlier_days_report_alone_tells_comes_before_the_next_days_news():
    fell = "Vostra shares fell 3 percent in Frankfurt after the carmaker announced the recall."
    again = "Vostra shares fell another 4 percent on Thursday as the recall widened across Europe."
    cluster = Cluster(
        "recall",
        (
            article(
                "a", "2025-06-03", "Carmaker Vostra on Tuesday recalled about 120,000 cars over a brake fault.", fell
            ),
            article("b", "2025-06-05", "Vostra on Thursday widened its brake recall to about 300,000 cars.", again),
            article("c", "2025-06-05", "Vostra on Thursday widened its recall of cars with faulty brakes to 300,000."),
        ),
    )
    texts = [item.text for item in plan_of(cluster).items]
    assert texts.index(fell) < next(k for k, text in enumerate(texts) if text.startswith("Vostra shares fell another"))


def test_a_day_something_is_only_to_happen_on_does_not_put_a_sentence_after_those_of_its_report():
    ready = "Vostra said on Friday that new brake hoses had arrived and that repairs would start on Monday."
    told = "Dealers have been told to repair the cars with the most kilometres on the clock first."
    cluster = Cluster(
        "recall",
        (
            article("a", "2025-06-05", "Carmaker Vostra on Thursday recalled about 300,000 cars over a brake fault."),
            article("b", "2025-06-05", "Vostra on Thursday recalled 300,000 cars because of faulty brake hoses."),
            article("c", "2025-06-27", ready, told),
        ),
    )
    texts = [item.text for item in plan_of(cluster).items]
    assert texts[-2:] == [
        "Vostra said on Friday 27 June 2025 that new brake hoses had arrived and that repairs would start on Monday"
        " 30 June 2025.",
        told,
    ]


def test_a_theme_is_told_by_a_sentence_that_gives_every_count_its_sentences_give():
    police = "Police said 40,000 people took part in the march."
    both = "Unions said 150,000 people joined the march, while police estimated the crowd at 40,000."
    cluster = Cluster(
        "march",
        (
            article(
                "a", "2025-03-08", "Tens of thousands marched through Valmont on Saturday against the reform.", police
            ),
            article(
                "b", "2025-03-08", "Protesters filled the streets of Valmont on Saturday against the reform.", both
            ),
        ),
    )
    themes = find_themes(read_statements(cluster, 6), vectors="tfidf")
    [counts] = [theme for theme in themes.themes if {s.text for s in theme.statements} == {police, both}]
    assert representative(counts, Timeline.of(cluster)).text == both  # not the police's count alone


def test_a_later_reports_sentences_after_one_dated_by_its_news_get_no_second_date():
    sentenced = "A judge on Monday sentenced former mayor Daniel Kerr to six years in prison for taking bribes."
    said = "Judge Ruth Alvarez said Kerr had betrayed the trust of the city's residents."
    convicted = "Former mayor Daniel Kerr was convicted of taking bribes from a builder on Monday."

    def trial(sentenced_on: str) -> Cluster:
        return Cluster(
            "trial",
            (
                article("a", "2025-03-10", convicted, "Prosecutors said he took more than $250,000 in cash."),
                article("b", "2025-03-11", convicted, "The jury deliberated for nine hours before the verdict."),
                article("c", "2025-04-15", sentenced.replace("on Monday", sentenced_on), said),
            ),
        )

    texts = [item.text for item in plan_of(trial("on Monday")).items]
    assert texts[-2].startswith("A judge on Monday 14 April 2025 sentenced") and texts[-1] == said
    # news of the report's day, or up to two days before it, dates the report's other sentences; a day recalled
    # from long before does not
    texts = [item.text for item in plan_of(trial("on 1 April")).items]
    assert texts[-1] == f"On 15 April 2025, {said}"
