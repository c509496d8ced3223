"""The contract every configured summariser keeps, extractive or abstractive.

Parametrised over the shipped catalogue's names. A summariser configured with a ``model`` runs
here only with parameters from a ``summariser_overrides`` fixture, ``{name: {param:
value}}``, defined in conftest.py (e.g. a tiny local model); without one it is
skipped with the reason, as is any summariser whose model raises `ModelError`.
"""

from __future__ import annotations

import json
import re

import pytest

from mdsum.errors import InputError, ModelError
from mdsum.model import Cluster, Document, Summary
from mdsum.summarisers import SummariserCatalogue, build_summariser
from mdsum.summarisers.base import SINGLE_DOCUMENT_NOTE

QUOTE = "a promise kept to every commuter in the city"


def document(doc_id: str, date: str | None, *sentences: str) -> Document:
    return Document(doc_id, " ".join(sentences), sentences, date=date)


# Three reports of one event: they repeat one quote and one lead fact, and carry headings.
CLUSTER = Cluster(
    "bridge",
    [
        document(
            "a",
            "2024-03-04",
            "Harbour Bridge Reopens",
            "The city council reopened the Harbour Bridge on Monday after an eight-month repair costing 12 million euros.",
            f'Mayor Anna Weber called the project "{QUOTE}" at the ceremony.',
            "Traffic engineers expect about 40,000 vehicles to cross the bridge each day.",
            "Photo: city press office",
            "Cyclists will get a separate protected lane on the eastern side of the deck.",
        ),
        document(
            "b",
            "2024-03-04",
            "The Harbour Bridge reopened on Monday after an eight-month repair that cost 12 million euros, the city council said.",
            f'"{QUOTE.capitalize()}," Mayor Anna Weber told the crowd.',
            "The repair replaced corroded steel cables that inspectors flagged in a 2022 report.",
            "Local shops near the bridge said business had fallen by a third during the closure.",
        ),
        document(
            "c",
            "2024-03-05",
            "Commuters returned to the Harbour Bridge on Tuesday, a day after it reopened.",
            f'Weber described the reopening as "{QUOTE}" in a statement.',
            "Bus route 7 will resume its old path over the bridge next week.",
            "The council plans a similar inspection of the Old Mill Bridge in the autumn.",
        ),
    ],
)
ONE_DOCUMENT = Cluster("alone", [CLUSTER.documents[1]])


def _overrides(request) -> dict:
    try:
        return request.getfixturevalue("summariser_overrides")
    except pytest.FixtureLookupError:
        return {}


@pytest.fixture(params=SummariserCatalogue.read().names())
def summariser(request):
    name = request.param
    overrides = _overrides(request).get(name)
    if overrides is None and "model" in SummariserCatalogue.read().entries[name].params:
        pytest.skip(
            f"'{name}' runs a generation model: the contract needs a tiny one from a summariser_overrides fixture"
        )
    summariser = build_summariser(name, **(overrides or {}))
    try:
        summariser.summarise(ONE_DOCUMENT, 40)
    except ModelError as error:
        pytest.skip(f"'{name}' needs a model that is not available here: {error}")
    return summariser


def content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]+", text.lower()) if len(word) > 3}


@pytest.mark.parametrize("words", [12, 30, 60, 150])
def test_word_budget_is_never_exceeded(summariser, words):
    assert summariser.summarise(CLUSTER, words).word_count <= words


def test_a_roomy_budget_gives_a_summary(summariser):
    assert summariser.summarise(CLUSTER, 60).sentences


def test_no_duplicate_or_near_duplicate_sentences(summariser):
    summary = summariser.summarise(CLUSTER, 150)
    assert summary.text.lower().count(QUOTE) <= 1
    words = [content_words(sentence.text) for sentence in summary.sentences]
    for i in range(len(words)):
        for j in range(i + 1, len(words)):
            jaccard = len(words[i] & words[j]) / len(words[i] | words[j])
            assert jaccard < 0.6, (summary.sentences[i].text, summary.sentences[j].text)


def test_provenance_points_at_real_sentences(summariser):
    summary = summariser.summarise(CLUSTER, 150)
    for sentence in summary.sentences:
        assert sentence.sources
        for source in sentence.sources:
            assert 0 <= source.sentence_index < len(CLUSTER.document(source.document_id).sentences)


def test_is_deterministic(summariser):
    assert summariser.summarise(CLUSTER, 60) == summariser.summarise(CLUSTER, 60)


def test_summary_survives_a_json_round_trip(summariser):
    summary = summariser.summarise(CLUSTER, 60)
    assert Summary.from_dict(json.loads(summary.to_json())) == summary


def test_one_document_cluster_is_summarised_and_noted(summariser):
    summary = summariser.summarise(ONE_DOCUMENT, 40)
    assert summary.sentences
    assert SINGLE_DOCUMENT_NOTE in summary.notes


@pytest.mark.parametrize("words", [0, -5])
def test_non_positive_budget_is_refused(summariser, words):
    with pytest.raises(InputError):
        summariser.summarise(CLUSTER, words)


def test_seed_verdict_is_stated_at_most_once(summariser, seed_cluster):
    """The seeds repeat one quoted verdict in four articles; a merged account says it once."""
    text = summariser.summarise(seed_cluster, 200).text.lower()
    assert text.count("no breakthrough") <= 1
