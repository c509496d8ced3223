from mdsum.planning.mentions import (
    Person,
    event_place,
    introduce_people,
    introduction_words,
    mention_once,
    name_pronoun_subject,
    people,
    referred_to_by_role,
)

ARTICLES = [
    "Maria van der Berg, the chief negotiator for the northern league, said the deal was close.",
    "Talks on the fishing quota ended in Oslo on Monday, van der Berg said.",
    "Officials met in Oslo for a third day as Johan Lind warned of delays.",
    "The Harbour Authority said the boats would stay in port.",
    "Peter Lind, a farmer, never spoke to reporters.",
]


def test_people_named_in_full_are_found_with_the_role_an_article_gave_them():
    found = people(ARTICLES)
    assert found["van der berg"] == Person(
        "Maria van der Berg", "van der Berg", "the chief negotiator for the northern league"
    )
    assert "authority" not in found  # an organisation says things, but is never named by a first name
    assert "lind" not in found  # two different people share the surname: a bare "Lind" could be either


def test_someone_quoted_with_the_verb_first_is_a_person():
    quoted = [
        '"This earthquake lasted ten minutes," said Charles Ammon, associate professor of geosciences.',
        '"Everywhere we had instruments, we could see motions," Ammon continued.',
    ]
    assert people(quoted)["ammon"].full_name == "Charles Ammon"
    assert "ammon" not in people(["Charles Ammon Street was closed for repairs."])


def test_a_first_mention_by_surname_gets_the_full_name_and_the_role_then_later_ones_stay_short():
    known = {"berg": Person("Maria Berg", "Berg", "the chief negotiator for the northern league")}
    sentences = ["Berg said the deal was close.", "The boats stayed in port, Berg said."]
    assert introduce_people(sentences, known, spare_words=20) == [
        "Maria Berg, the chief negotiator for the northern league, said the deal was close.",
        "The boats stayed in port, Berg said.",
    ]
    assert introduction_words(sentences[0], known) == {"berg": 1 + 7}
    assert introduction_words("Maria Berg said so.", known) == {"berg": 0}


def test_the_role_is_left_out_when_the_budget_has_room_only_for_names():
    known = {"berg": Person("Maria Berg", "Berg", "the chief negotiator for the northern league")}
    assert introduce_people(["Berg said the deal was close."], known, spare_words=3) == [
        "Maria Berg said the deal was close."
    ]
    assert introduce_people(["Berg said the deal was close."], known, spare_words=0) == [
        "Berg said the deal was close."
    ]


def test_a_possessive_or_an_object_takes_the_full_name_but_no_appositive():
    known = {"berg": Person("Maria Berg", "Berg", "the chief negotiator")}
    assert introduce_people(["The league backed Berg's plan."], known, 20) == ["The league backed Maria Berg's plan."]
    assert introduce_people(["Mr Berg said no."], known, 20) == ["Maria Berg, the chief negotiator, said no."]


def test_a_sentence_that_already_names_them_in_full_is_left_alone():
    known = {"berg": Person("Maria Berg", "Berg", "the chief negotiator")}
    sentences = ["Maria Berg said no.", "Berg left."]
    assert introduce_people(sentences, known, 20) == sentences


def test_a_title_set_before_the_name_introduces_them_anywhere_in_a_sentence():
    articles = [
        "The EU fisheries envoy Maria Berg met the fleet.",
        "Boats stayed in port, EU fisheries envoy Maria Berg said.",
        "Reporters asked Maria Berg about it, and Oslo said Maria Berg would decide.",
    ]
    [person] = people(articles).values()
    assert person.title == "EU fisheries envoy"  # not "Oslo said": a verb is no title
    assert introduce_people(["The league backed Berg's plan."], {"berg": person}, 20) == [
        "The league backed EU fisheries envoy Maria Berg's plan."
    ]


def test_a_name_written_after_an_honorific_is_a_person_introduced_with_it():
    articles = [
        "President Recep Tayyip Erdogan declared seven days of national mourning.",
        "Erdogan visited Gaziantep.",
    ]
    known = people(articles)
    assert known["erdogan"].full_name == "Recep Tayyip Erdogan" and known["erdogan"].titled == "President"
    assert introduce_people(["Erdogan declared a state of emergency."], known, 9) == [
        "President Recep Tayyip Erdogan declared a state of emergency."
    ]
    assert people(["Aid reached Gaziantep City Hall on Tuesday."]) == {}  # capitalised words with no honorific


def test_two_people_in_one_sentence_are_both_named_in_place():
    articles = [
        "UN Syria envoy Staffan de Mistura said talks ended.",
        "Russia provides military support to President Bashar al-Assad's troops.",
    ]
    known = people(articles)
    assert known["assad"].full_name == "Bashar al-Assad" and known["assad"].titled == "President"  # no "'s"
    assert introduce_people(
        ["De Mistura said Assad's negotiators had given no sign.", "Assad said no."], known, 20
    ) == [
        "UN Syria envoy Staffan de Mistura said President Bashar al-Assad's negotiators had given no sign.",
        "Assad said no.",
    ]


def test_a_mention_already_titled_or_inside_the_name_written_another_way_gets_no_second_title_or_name():
    known = people(["French President Emmanuel Macron called for a group.", "Russia backs President Bashar al-Assad."])
    for sentence, introduced in (
        ("French President Macron spoke.", "French President Emmanuel Macron spoke."),
        ("President Assad spoke.", "President Bashar al-Assad spoke."),
        ("The rule of regime leader Bashar al Assad ended.", "The rule of regime leader Bashar al Assad ended."),
    ):
        assert introduce_people([sentence], known, 20) == [introduced]


def test_a_title_most_articles_write_after_the_keeps_it():
    articles = [
        "The European Union's envoy Enrique Mora told reporters the talks would go on.",
        "Talks ended, said the European Union's envoy Enrique Mora.",
        "French President Emmanuel Macron called for a contact group.",
    ]
    known = people(articles)
    assert known["mora"].titled == "the European Union's envoy" and known["macron"].titled == "French President"
    assert introduce_people(["Delegates did not meet, Mora said.", "Mora left."], known, 9) == [
        "Delegates did not meet, the European Union's envoy Enrique Mora said.",
        "Mora left.",
    ]
    assert introduce_people(["Mora said the talks ended."], known, 9) == [
        "The European Union's envoy Enrique Mora said the talks ended."
    ]


def test_someone_first_referred_to_by_role_is_named_there_when_only_their_title_fits():
    berg = Person("Maria Berg", "Berg", None, "UN fisheries envoy")
    sentences = ["The talks ended, and the United Nations envoy said they made progress.", "Berg said boats wait."]
    named = "The talks ended, and UN fisheries envoy Maria Berg said they made progress."
    assert introduce_people(sentences, {"berg": berg}, 3) == [named, "Berg said boats wait."]
    assert introduce_people(["The U.N. envoy said they made progress."], {"berg": berg}, 3) == [
        "UN fisheries envoy Maria Berg said they made progress."
    ]
    assert introduce_people(sentences, {"berg": berg}, 0)[0] == sentences[0]  # no room for the word it adds
    for other in ["the U.S. envoy", "the Norwegian envoy", "the United Nations negotiator"]:
        sentence = f"The talks ended, and {other} said they made progress."
        assert introduce_people([sentence], {"berg": berg}, 9) == [sentence]  # a title that does not fit
    lind = Person("Johan Lind", "Lind", None, "UN Special Envoy for Norway")
    assert introduce_people(sentences, {"berg": berg, "lind": lind}, 9)[0] == sentences[0]  # either could be meant


def test_a_role_mention_with_a_possessive_a_rank_and_a_remit_refers_to_whom_the_title_fits():
    lind = Person("Johan Lind", "Lind", None, "UN Special Envoy for Norway")
    assert introduce_people(["The UN's top envoy for Norway said boats wait."], {"lind": lind}, 5) == [
        "UN Special Envoy for Norway Johan Lind said boats wait."
    ]
    assert referred_to_by_role("Talks end, the U.N. special envoy said.", {"lind": lind}) == ["lind"]
    for other in ["the UN's top envoy for Syria", "the UN's deputy envoy", "the EU's top envoy"]:
        assert referred_to_by_role(f"Talks end, {other} said.", {"lind": lind}) == []  # remit, rank or body differ


def test_a_firm_or_body_that_said_something_is_not_a_person():
    texts = [
        "Baltic Cargo said it would stay independent.",
        "Highland Explorer Tours said it was devastated.",
        "Acme Robotics said its profit rose.",
        "Chief executive Peter Lind said the deal was dead.",
    ]
    assert set(people(texts)) == {"lind"}  # not "Tours" nor "Robotics", as if a first name went before them
    assert mention_once(["Nordrail bid for Baltic Cargo.", "Baltic Cargo said no."], people(texts))[1] == (
        "Baltic Cargo said no."
    )


def test_a_body_qualified_by_an_acronym_alone_is_not_a_person():
    assert people(["The UN Security Council met.", "The Security Council will meet the UN Security Council."]) == {}


def test_the_event_place_is_the_one_the_opening_sentences_give_and_others_confirm():
    opening = ["The talks ended on Monday, officials in Oslo said.", "Talks ended in Oslo, not in Bergen."]
    assert event_place(opening[0], opening, ARTICLES) == "Oslo"
    assert event_place("Talks ended.", ["Talks ended in Bergen."], ARTICLES) is None  # only one sentence names Bergen
    assert event_place("Talks ended.", ["Talks ended in March."], ["It rained in March.", "Snow in March."]) is None


def test_an_opening_sentence_that_says_where_itself_is_given_no_other_place():
    lead = "The storm that hit towns in Norway and Sweden left thousands without power."
    opening = [lead, "The storm hit hardest in Bergen.", "Most homes in Bergen lost power."]
    everywhere = [*opening, "Roads in Sweden were closed.", "Trains in Norway stopped."]
    assert event_place(lead, opening, everywhere) == "Norway"  # its own, not the theme's Bergen
    assert event_place("The storm left thousands without power.", opening, everywhere) == "Bergen"


BERG = {"berg": Person("Maria Berg", "Berg", None), "lind": Person("Johan Lind", "Lind", None)}


def test_a_pronoun_subject_is_named_after_the_one_person_the_sentences_before_it_name():
    before = ["Maria Berg met the fleet on Monday.", "The boats stayed in port."]
    assert name_pronoun_subject("He warmly welcomed the quota.", before, BERG) == "Berg warmly welcomed the quota."
    assert name_pronoun_subject("After the talks, she left.", before, BERG) == "After the talks, Berg left."
    known = {"de mistura": Person("Staffan de Mistura", "de Mistura", None)}
    assert name_pronoun_subject("He said no.", ["de Mistura met them."], known) == "De Mistura said no."


def test_a_pronoun_stays_unnamed_when_its_person_is_in_doubt():
    assert name_pronoun_subject("He left.", ["Berg met Lind."], BERG) is None  # two people: either could be "he"
    assert name_pronoun_subject("He left.", ["The boats stayed in port."], BERG) is None  # nobody named
    assert name_pronoun_subject("He left.", ["Berg met them.", "It rained.", "It snowed.", "It froze."], BERG) is None
    assert name_pronoun_subject("On that front, he left.", ["Berg spoke."], BERG) is None  # the lead points back too
    assert name_pronoun_subject("He. Left.", ["Berg spoke."], BERG) is None  # not a pronoun subject and its verb
    assert name_pronoun_subject("Berg left.", ["Berg spoke."], BERG) is None  # nothing to name
    spoken_of_as_she = ['"We will rebuild," Berg said.', "She said 1,500 people were homeless.", "The army came."]
    assert name_pronoun_subject("He arrived in the town.", spoken_of_as_she, BERG) is None  # "he" is someone else
    assert name_pronoun_subject("She arrived.", spoken_of_as_she, BERG) == "Berg arrived."
    assert name_pronoun_subject("He left.", ['Berg said: "She will stay."'], BERG) == "Berg left."  # a quote's "she"


def test_a_surname_inside_another_word_is_no_mention():
    known = {"north": Person("Oliver North", "North", None)}
    landed = "Osman and his escort landed at RAF Northolt."
    assert name_pronoun_subject("He is expected to be put on trial.", [landed], known) is None
    assert introduce_people(["North left.", landed], known, 20)[0] == "Oliver North left."


def test_a_person_named_in_full_again_is_named_by_surname_title_and_role_dropped():
    known = {
        "berg": Person("Maria Berg", "Berg", "the chief negotiator for the northern league", "Chief negotiator"),
        "lind": Person("Johan Lind", "Lind", None),
    }
    sentences = [
        "Chief negotiator Maria Berg said the deal was close, and Johan Lind agreed.",
        "The boats stayed in port as Maria Berg, the chief negotiator for the northern league, had asked.",
        "The Chief negotiator Maria Berg signed it, and later Johan Lind left.",
    ]
    assert mention_once(sentences, known) == [
        sentences[0],
        "The boats stayed in port as Berg had asked.",
        "Berg signed it, and later Lind left.",
    ]


def test_a_word_that_qualifies_a_title_goes_with_it_when_the_name_is_cut_to_the_surname():
    known = {"kerr": Person("Daniel Kerr", "Kerr", None, "Lakeside mayor")}
    sentences = [
        "Former Lakeside mayor Daniel Kerr was convicted of bribery.",
        "A judge sentenced former Lakeside mayor Daniel Kerr to six years in prison.",
    ]
    assert mention_once(sentences, known)[1] == "A judge sentenced Kerr to six years in prison."


def test_a_title_written_into_a_name_is_not_part_of_it():
    found = people(
        [
            "The plan was backed by French President Emmanuel Macron on Monday.",
            "De Mistura cited President Macron as saying that the plan was sound.",
            "Prime Minister Junichiro Koizumi announced the donation.",
        ]
    )
    assert found["macron"] == Person("Emmanuel Macron", "Macron", None, "French President")
    assert found["koizumi"].full_name == "Junichiro Koizumi"
