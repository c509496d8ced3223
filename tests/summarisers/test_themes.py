import pytest
from support import BRIDGE_TIMELINE, REOPENED

from mdsum.errors import ConfigError
from mdsum.summarisers import build_summariser
from mdsum.summarisers.themes import ThemesSummariser


def test_each_sentence_cites_its_theme_in_every_document_that_states_it():
    summary = ThemesSummariser(vectors="tfidf").summarise(BRIDGE_TIMELINE, 120)
    opening = summary.sentences[0]
    assert opening.text == REOPENED.replace("on Friday", "on Friday 1 March 2024")
    assert (opening.sources[0].document_id, opening.sources[0].sentence_index) == ("a", 0)
    assert {ref.document_id for ref in opening.sources} == {"a", "b", "c"}
    assert opening.sources[0].score == 1.0


def test_the_later_report_is_last_dated_and_noted():
    summary = ThemesSummariser(vectors="tfidf").summarise(BRIDGE_TIMELINE, 120)
    assert summary.sentences[-1].text.startswith("As Harbour News reported on 20 April 2024,")
    assert any(ref.document_id == "d" for ref in summary.sentences[-1].sources)
    assert any("later report dated 2024-04-20" in note for note in summary.notes)


def test_themes_is_configured_and_records_its_parameters():
    summariser = build_summariser("themes")
    assert summariser.config["algorithm"] == "themes"
    assert summariser.config["vectors"] == "embeddings"


def test_unknown_vectors_are_refused():
    with pytest.raises(ConfigError, match="vectors"):
        ThemesSummariser(vectors="glove")
