from mdsum.text.quotes import attributes, changed_outside_quotes, outside_quotes, quotations, quote_overlap, reported


def test_a_shared_quotation_counts_as_repetition_whatever_wraps_it():
    first = quotations('Weber called it "a promise kept to every commuter" at the ceremony.')
    second = quotations('"A promise kept to every commuter in town," the mayor told the crowd.')
    assert quote_overlap(first, second) == 1.0


def test_tokenised_quotes_are_found_too():
    assert quotations("he said `` we will finish every repair to the harbour bridge '' on monday .") == (
        frozenset({"finish", "repair", "harbour", "bridg"}),
    )


def test_short_scare_quotes_are_not_statements():
    assert quotations('He backed a so-called "contact group" for the region.') == ()
    assert quote_overlap(quotations('"Promise kept," she said.'), quotations('"Promise kept," he said.')) == 0.0


def test_outside_quotes_leaves_the_attribution_and_drops_a_quotation_left_open():
    assert outside_quotes('"We are ready," Weber said, "and so is the city."').split() == ["Weber", "said,"]
    assert outside_quotes('Weber said: "We are ready. The city is too.').split() == ["Weber", "said:"]


def test_a_change_outside_quotes_stops_at_each_quotation_and_at_one_left_open():
    def shout(text: str) -> str:
        return text.upper()

    assert changed_outside_quotes('"we are ready," weber said, "and so is the city." then', shout) == (
        '"we are ready," WEBER SAID, "and so is the city." THEN'
    )
    assert (
        changed_outside_quotes('weber said: "we are ready. the city is', shout)
        == 'WEBER SAID: "we are ready. the city is'
    )
    assert changed_outside_quotes("no quotation here", shout) == "NO QUOTATION HERE"


def test_what_a_sentence_reports_is_what_its_speaker_said_not_who_said_it():
    assert reported("The repair cost 12 million euros, the council said in a statement.") >= {"repair", "cost", "euro"}
    opened = reported("The bridge reopened on Friday, and the mayor said it was a promise kept to every commuter.")
    assert {"promis", "commut"} <= opened and not {"bridg", "reopen"} & opened
    assert reported("The bridge reopened on Friday after a repair.") == frozenset()


def test_attributes_finds_a_speaker_or_a_source():
    assert attributes("The repair was late, according to the council.")
    assert attributes('"We are ready," Weber told reporters.')
    assert not attributes('Painting will start "in about a month".')
