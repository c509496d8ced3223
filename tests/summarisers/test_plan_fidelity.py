"""A rewrite held to its plan: the model's own sentences out, time order kept, left-out lines put back."""

import dataclasses
import datetime as dt

from support import BRIDGE_TIMELINE, article

from mdsum.model import Cluster, SummarySentence
from mdsum.planning.select import make_plan
from mdsum.summarisers.plan_fidelity import keep_to_plan

PLAN = make_plan(BRIDGE_TIMELINE, 200, vectors="tfidf")
LINES = [item.text for item in PLAN.items]
REOPENED = "The council reopened the Harbour Bridge on Friday 1 March 2024 after a repair of eight months."
CRACKS = "As reported on 20 April 2024, engineers found new cracks in the bridge deck during a routine inspection."
COSTS = [line for line in LINES if "million euros" in line]  # the council's and the opposition's
JUNE, LANE, SEPTEMBER = (next(line for line in LINES if word in line) for word in ("June", "Cyclists", "September"))


def held(*texts: str, words: int = 200):
    return keep_to_plan([SummarySentence(text, ()) for text in texts], PLAN, BRIDGE_TIMELINE, words)


def test_a_sentence_of_the_models_own_is_dropped_and_noted():
    commentary = "This was a significant development for the whole region and its people."
    result = held(REOPENED, commentary, words=40)
    assert [sentence.text for sentence in result.sentences][:1] == [REOPENED]
    assert commentary not in [sentence.text for sentence in result.sentences]
    assert any("restates no line of the plan" in note for note in result.notes)


def test_a_later_development_told_first_is_moved_after_the_event():
    result = held(CRACKS, REOPENED, words=35)  # room for these two alone
    assert [sentence.text for sentence in result.sentences] == [REOPENED, CRACKS]
    assert any("in time order" in note for note in result.notes)


def test_lines_the_model_left_out_are_put_back_in_plan_order_within_the_budget():
    result = held(REOPENED, CRACKS)
    texts = [sentence.text for sentence in result.sentences]
    assert texts[0] == REOPENED and texts[-2] == CRACKS  # restored lines go where the plan has them
    assert {*COSTS, JUNE, LANE} <= set(texts) and texts[-1] == SEPTEMBER
    assert all(sentence.sources for sentence in result.sentences if sentence.text in LINES)
    assert any("stated 5 line(s) of the plan that the rewrite does not" in note for note in result.notes)
    tight = held(REOPENED, CRACKS, words=35)  # room for the two written sentences only
    assert [sentence.text for sentence in tight.sentences] == [REOPENED, CRACKS] and not tight.notes


def test_a_sentence_with_another_number_or_day_restates_no_line_that_states_its_own():
    # the opposition's 40 million shares most words with the council's 12 million, and so do the two months
    texts = [sentence.text for sentence in held(REOPENED, COSTS[0]).sentences]
    assert set(COSTS) <= set(texts)
    texts = [sentence.text for sentence in held(REOPENED, JUNE).sentences]
    assert {JUNE, SEPTEMBER} <= set(texts)


def test_a_rewrite_that_restates_every_line_is_kept_as_written():
    result = held(*LINES)
    assert [sentence.text for sentence in result.sentences] == LINES and not result.notes


def test_a_left_out_later_development_is_put_back_before_heavier_event_lines():
    result = held(REOPENED, words=40)  # room for one more line of about 20 words
    first, restored = [sentence.text for sentence in result.sentences]
    assert first == REOPENED and restored in (CRACKS, SEPTEMBER)  # a later line, not a heavier July one


def test_over_the_budget_the_lightest_lines_go_and_the_later_development_stays():
    result = held(REOPENED, JUNE, LANE, CRACKS, words=45)
    texts = [sentence.text for sentence in result.sentences]
    assert texts[0] == REOPENED and texts[-1] in (CRACKS, SEPTEMBER)  # a later development (June restates not
    # September, which it contradicts: the heavier September line is put back and competes too)
    assert sum(len(text.split()) for text in texts) <= 45
    assert LANE not in texts  # the lightest line the model wrote
    assert any(note.startswith("left out") and "to fit 45 words" in note for note in result.notes)


def test_a_sentence_that_drops_who_said_it_is_stated_in_the_lines_words():
    unattributed = "On 20 April 2024, painting of the steel cables was due to start in September."
    result = held(REOPENED, CRACKS, unattributed, words=80)
    texts = [sentence.text for sentence in result.sentences]
    assert unattributed not in texts and LINES[-1] in texts  # "..., a council spokesman said."
    assert any("drops who said it" in note for note in result.notes)
    attributed = "On 20 April 2024, a council spokesman said painting of the steel cables would start in September."
    assert attributed in [sentence.text for sentence in held(REOPENED, CRACKS, attributed, words=80).sentences]


def test_what_restates_the_opening_line_goes_first():
    result = held(LANE, REOPENED)  # the model opened with a minor line
    texts = [sentence.text for sentence in result.sentences]
    assert texts[0] == REOPENED and LANE in texts[1:]
    assert any("opening line first" in note for note in result.notes)


def test_an_opening_the_model_left_out_is_put_back_though_another_line_shares_its_day_and_place():
    dated_lane = "The city council said on Friday 1 March 2024 that cyclists will get a separate protected lane."
    items = tuple(
        dataclasses.replace(item, text=dated_lane) if item.text == LANE else item for item in PLAN.items
    )  # half the opening's words: "city", "council", "Friday", "1", "March", "2024"
    result = keep_to_plan(
        [SummarySentence(dated_lane, ())], dataclasses.replace(PLAN, items=items), BRIDGE_TIMELINE, 200
    )
    texts = [sentence.text for sentence in result.sentences]
    assert texts[0] == LINES[0] and dated_lane in texts


def test_a_rewritten_opening_that_leaves_out_where_says_it_as_the_plan_does():
    placed = dataclasses.replace(PLAN, place="Harbourtown")
    result = keep_to_plan([SummarySentence(REOPENED, ()), SummarySentence(CRACKS, ())], placed, BRIDGE_TIMELINE, 40)
    assert result.sentences[0].text == "In Harbourtown, the council reopened" + REOPENED.removeprefix(
        "The council reopened"
    )
    assert any(note.startswith("said where") for note in result.notes)
    assert held(REOPENED, CRACKS, words=33).sentences[0].text == REOPENED  # a plan without a place: as written


def test_a_later_development_the_model_left_undated_gets_its_day_back():
    undated = "Engineers found new cracks in the bridge deck during a routine inspection."
    result = held(REOPENED, undated, words=80)
    texts = [sentence.text for sentence in result.sentences]
    assert (
        texts[-2]
        == "As reported on 20 April 2024, engineers found new cracks in the bridge deck during a routine inspection."
    )
    assert any(note.startswith("dated a later development") for note in result.notes)
    assert CRACKS in [sentence.text for sentence in held(REOPENED, CRACKS, words=80).sentences]  # dated: as written
    for dated in (
        "On 20 April 2024, engineers found",
        "On April 20th, 2024, engineers found",
        "On April 20th, engineers found",
    ):
        redated = held(REOPENED, f"{dated} new cracks in the bridge deck during a routine inspection.", words=80)
        assert CRACKS in [sentence.text for sentence in redated.sentences]  # found on the day of the report? reported
        assert any(note.startswith("dated a later development as the plan does") for note in redated.notes)
    weekday = held(REOPENED, "On Saturday, 20 April 2024, engineers found new cracks in the deck.", words=80)
    assert not any(note.startswith("dated a later development as the plan does") for note in weekday.notes)
    assert CRACKS.replace("bridge", "Harbour Bridge") in [sentence.text for sentence in weekday.sentences]  # its line


def test_a_later_line_that_the_plan_leaves_to_its_own_day_gets_no_report_date():
    closed = "Lorries were banned from the Harbour Bridge deck on 12 April 2024 after the inspection, officials said."
    later = dataclasses.replace(
        BRIDGE_TIMELINE.documents[3], text=closed, sentences=(*BRIDGE_TIMELINE.documents[3].sentences, closed)
    )
    cluster = dataclasses.replace(BRIDGE_TIMELINE, documents=(*BRIDGE_TIMELINE.documents[:3], later))
    plan = make_plan(cluster, 200, vectors="tfidf")
    [line] = [item for item in plan.items if item.statement.text == closed]
    assert line.reported_on == dt.date(2024, 4, 20) and line.text == closed  # it states its day: no other
    result = keep_to_plan([SummarySentence(REOPENED, ()), SummarySentence(closed, ())], plan, cluster, 200)
    assert closed in [sentence.text for sentence in result.sentences]  # not "As reported on 20 April 2024, ..."
    assert not any(note.startswith("dated a later development") for note in result.notes)


def test_a_sentence_whose_line_names_no_speaker_is_not_held_to_one():
    findings = "Painting of the steel cables will start in June."  # the line: "..., a council spokesman said."
    unattributed = held(REOPENED, findings)
    assert JUNE in [sentence.text for sentence in unattributed.sentences]
    cracks = "As reported on 20 April 2024, engineers found new cracks in the Harbour Bridge deck."  # no speaker
    assert cracks in [sentence.text for sentence in held(REOPENED, cracks, words=60).sentences]


ANNOUNCEMENT = (
    "The council announced on Tuesday that it would reopen the Harbour Bridge, which engineers closed on 2 February."
)
ANNOUNCED = Cluster("announced", (article("a", "2024-03-05", ANNOUNCEMENT, "Repairs cost 12 million euros."),))


def test_a_date_moved_from_what_was_announced_onto_the_announcing_is_stated_in_the_lines_words():
    plan = make_plan(ANNOUNCED, 60, vectors="tfidf")
    [line] = [item.text for item in plan.items if "announced" in item.text]
    assert "Tuesday 5 March 2024" in line

    def rewrite(text: str):
        return keep_to_plan([SummarySentence(text, ())], plan, ANNOUNCED, 60)

    misdated = rewrite("On 2 February, the council announced that it would reopen the Harbour Bridge.")
    assert misdated.sentences[0].text == line
    assert any("moves a date from late in its line to its opening" in note for note in misdated.notes)
    fronted = "On 5 March 2024, the council announced it would reopen the bridge, closed by engineers on 2 February."
    assert rewrite(fronted).sentences[0].text == fronted  # the announcing's own day, fronted: as written


def test_an_opening_shortened_to_less_than_what_where_and_when_is_stated_in_the_plans_words():
    result = held("The bridge reopened.", CRACKS, words=40)
    texts = [sentence.text for sentence in result.sentences]
    assert texts[0] == LINES[0] and "The bridge reopened." not in texts  # not the model's half beside the whole
    assert any(note.startswith("stated the opening in the plan's words") for note in result.notes)


def test_a_line_the_model_shortened_is_not_put_back_beside_its_shortening():
    shortened = "Cyclists will get a lane."
    texts = [sentence.text for sentence in held(REOPENED, shortened, CRACKS).sentences]
    assert shortened in texts and LANE not in texts
    assert {*COSTS, JUNE} <= set(texts)  # the lines it did not write are put back


def test_a_sentence_that_says_again_what_an_earlier_one_says_of_its_line_is_dropped():
    again = "On 20 April 2024, inspectors found fresh cracks in the deck of the bridge."
    result = held(REOPENED, CRACKS, again, words=60)
    texts = [sentence.text for sentence in result.sentences]
    assert CRACKS in texts and again not in texts
    assert any(note.startswith("dropped a model sentence that says again") for note in result.notes)


def test_a_sentence_stating_a_day_its_line_does_not_is_stated_in_the_lines_words():
    dated = "On 2 March 2024, cyclists got a separate protected lane on the eastern side of the deck."
    result = held(REOPENED, dated, CRACKS)
    texts = [sentence.text for sentence in result.sentences]
    assert dated not in texts and LANE in texts  # the lane line states no day; the article's date is not the lane's
    assert any("states a day its line does not" in note for note in result.notes)


def test_a_sentence_that_gives_its_line_a_detail_of_another_line_is_stated_in_the_lines_words():
    # City Post reported June; Harbour News, on 20 April, September
    mixed = "On 20 April 2024, a council spokesman told City Post that painting of the cables will start in September."
    result = held(REOPENED, CRACKS, mixed, words=80)
    texts = [sentence.text for sentence in result.sentences]
    assert mixed not in texts and SEPTEMBER in texts
    assert any("a name or number of another line" in note for note in result.notes)
    own = "On 20 April 2024, a council spokesman told Harbour News that painting of the cables will start in September."
    assert own in [sentence.text for sentence in held(REOPENED, CRACKS, own, words=80).sentences]


def test_a_sentence_that_says_more_than_its_line_is_stated_in_the_lines_words():
    glossed = (
        "Cyclists will get a separate protected lane on the eastern side of the deck, as the mayor promised voters."
    )
    result = held(REOPENED, glossed, CRACKS)
    texts = [sentence.text for sentence in result.sentences]
    assert glossed not in texts and LANE in texts
    assert any("says more than its line" in note for note in result.notes)


def test_a_sentence_that_changes_its_lines_verb_is_stated_in_the_lines_words():
    demanded = "Cyclists demanded a separate protected lane on the eastern side of the deck."  # "will get"
    result = held(REOPENED, demanded, CRACKS)
    texts = [sentence.text for sentence in result.sentences]
    assert demanded not in texts and LANE in texts
    assert any("uses a word no source of its line uses (demand)" in note for note in result.notes)
    joined = "Cyclists will later get a separate protected lane on the eastern side of the deck."  # a connective
    assert joined in [sentence.text for sentence in held(REOPENED, joined, CRACKS).sentences]
    ordinal = "On April 20th, 2024, engineers found new cracks in the Harbour Bridge deck during a routine inspection."
    redated = ordinal.replace("On April 20th, 2024", "As reported on 20 April 2024")  # the day its line states
    assert redated in [sentence.text for sentence in held(REOPENED, ordinal).sentences]


def test_a_later_development_is_dated_by_the_report_its_line_comes_from_not_its_themes_first():
    first_told = dt.date(2024, 3, 20)  # as if an earlier report had told the cracks first
    items = tuple(dataclasses.replace(i, later=first_told) if "cracks" in i.text else i for i in PLAN.items)
    undated = "Engineers found new cracks in the bridge deck during a routine inspection."
    result = keep_to_plan(
        [SummarySentence(undated, ()), SummarySentence(REOPENED, ())],
        dataclasses.replace(PLAN, items=items),
        BRIDGE_TIMELINE,
        60,
    )
    texts = [sentence.text for sentence in result.sentences]
    assert texts[0] == REOPENED
    assert (
        "As reported on 20 April 2024, engineers found new cracks in the bridge deck during a routine inspection."
        in texts
    )


def test_a_sentence_that_credits_a_speaker_with_what_its_line_states_as_fact_is_stated_in_the_lines_words():
    credited = "A council spokesman said cyclists will get a separate protected lane on the eastern side of the deck."
    result = held(REOPENED, credited, CRACKS)
    texts = [sentence.text for sentence in result.sentences]
    assert credited not in texts and LANE in texts
    assert any("says someone said what its line states as fact" in note for note in result.notes)


def test_a_sentence_that_leaves_out_someone_its_line_names_is_stated_in_the_lines_words():
    opening = "The fishing talks in Oslo ended without a deal on Monday."
    line = "Chief negotiator Maria Berg welcomed a call by Prime Minister Jonas Dahl for a fishing council."
    cluster = Cluster("fish", (article("a", "2024-05-06", opening, line), article("b", "2024-05-06", opening)))
    plan = make_plan(cluster, 200, vectors="tfidf")
    assert [item.text for item in plan.items][1] == line

    def rewritten(text: str) -> list[str]:
        sentences = [SummarySentence(plan.items[0].text, ()), SummarySentence(text, ())]
        return [sentence.text for sentence in keep_to_plan(sentences, plan, cluster, 200).sentences]

    for swapped in ["She called for a fishing council.", "Berg welcomed the call for a fishing council."]:
        assert rewritten(swapped)[1] == line  # who called for it is gone, or the welcomer became the caller
    kept = "She welcomed a call by Dahl for a fishing council."  # only the line's subject became "she"
    assert rewritten(kept)[1] == kept


ENVOY_TALKS = Cluster(
    "envoy-talks",
    (
        article(
            "a", "2024-03-02", "UN Norway envoy Johan Lind closed the fishing talks in Oslo on Friday 1 March 2024."
        ),
        article("b", "2024-03-02", "The fishing talks closed in Oslo on Friday, UN Norway envoy Johan Lind said."),
        article("c", "2024-03-02", "EU fisheries commissioner Maria Berg said the boats would stay in port."),
        article("d", "2024-04-20", "The UN's top envoy for Norway said new fishing talks will open in Bergen in May."),
    ),
)


def test_a_sentence_naming_whom_its_line_refers_to_by_role_names_the_lines_own():
    plan = make_plan(ENVOY_TALKS, 200, vectors="tfidf")
    lines = [item.text for item in plan.items]
    assert (
        lines[-1]
        == "On 20 April 2024, the UN's top envoy for Norway said new fishing talks will open in Bergen in May."
    )

    def written(last: str) -> list[str]:
        kept = keep_to_plan([SummarySentence(text, ()) for text in [*lines[:-1], last]], plan, ENVOY_TALKS, 200)
        return [sentence.text for sentence in kept.sentences]

    named = "On 20 April 2024, Johan Lind announced new fishing talks will open in Bergen in May."
    assert written(named)[-1] == named  # Lind is the UN's envoy for Norway
    misnamed = "On 20 April 2024, Berg said new fishing talks will open in Bergen in May."
    assert written(misnamed)[-1] == lines[-1]  # Berg is another line's


def test_a_line_the_model_split_with_one_part_misstating_it_is_stated_in_the_lines_words():
    plan = make_plan(ENVOY_TALKS, 200, vectors="tfidf")
    lines = [item.text for item in plan.items]
    split = [
        "On 20 April 2024, Johan Lind announced new fishing talks in Bergen.",
        "The talks will open with fresh quotas.",
    ]
    result = keep_to_plan([SummarySentence(text, ()) for text in [*lines[:-1], *split]], plan, ENVOY_TALKS, 200)
    assert [sentence.text for sentence in result.sentences][-1] == lines[-1]  # not the first half alone
    assert any(note.startswith("stated in the plan's words a line the model split") for note in result.notes)


def test_a_sentence_that_says_the_opposite_of_its_line_is_stated_in_the_lines_words():
    for reversed_ in (
        "Cyclists will not get a separate protected lane on the eastern side of the deck.",  # negated
        "Cyclists will never get a separate protected lane on the eastern side of the deck.",
    ):
        result = held(REOPENED, reversed_)
        texts = [sentence.text for sentence in result.sentences]
        assert reversed_ not in texts and LANE in texts
        assert any("says the opposite of its line" in note for note in result.notes)
    kept = "Cyclists will get a separate protected lane on the deck's eastern side."  # same sense, other words
    assert kept in [sentence.text for sentence in held(REOPENED, kept).sentences]


def test_lines_that_state_their_days_are_told_in_the_plans_order_whatever_the_models():
    closed = "Lorries were banned from the Harbour Bridge deck on 12 April 2024 after the inspection, officials said."
    repaired = "The council said on 18 April 2024 that welders would mend the cracked deck plates within a month."
    report = BRIDGE_TIMELINE.documents[3]
    later = dataclasses.replace(report, sentences=(*report.sentences, repaired, closed))
    cluster = dataclasses.replace(BRIDGE_TIMELINE, documents=(*BRIDGE_TIMELINE.documents[:3], later))
    plan = make_plan(cluster, 200, vectors="tfidf")
    texts = [item.text for item in plan.items]
    assert texts.index(closed) < texts.index(repaired)  # the plan tells 12 April first
    result = keep_to_plan([SummarySentence(t, ()) for t in (REOPENED, repaired, closed)], plan, cluster, 200)
    told = [sentence.text for sentence in result.sentences]
    assert told.index(closed) < told.index(repaired)
    assert told[0] == REOPENED
