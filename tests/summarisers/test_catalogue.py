import re

import pytest

from mdsum.errors import ConfigError
from mdsum.summarisers import ALGORITHMS, SummariserCatalogue, build_summariser


def write(tmp_path, text):
    path = tmp_path / "summarisers.yaml"
    path.write_text(text)
    return path


def test_shipped_catalogue_is_valid_and_every_entry_builds():
    catalogue = SummariserCatalogue.read()
    assert catalogue.default in catalogue.entries
    for name in catalogue.names():
        summariser = build_summariser(name)
        assert summariser.name == name
        assert summariser.config["algorithm"] == catalogue.entries[name].algorithm


def test_every_algorithm_is_configured_at_least_once():
    configured = {entry.algorithm for entry in SummariserCatalogue.read().entries.values()}
    assert configured == set(ALGORITHMS.names())


@pytest.mark.parametrize(
    "text, message",
    [
        ("- a list\n", ":1: expected a mapping"),
        ("default: x\nsummarisers:\n  x: {params: {}}\n", ":3: summarisers.x.algorithm: Field required"),
        (
            "default: x\nsummarisers:\n  x: {algorithm: nope}\n",
            ":3: summarisers.x.algorithm: unknown summariser algorithm 'nope'",
        ),
        (
            "default: x\nsummarisers:\n  x: {algorithm: lead, params: [1]}\n",
            ":3: summarisers.x.params: Input should be a valid dict",
        ),
        ("default: y\nsummarisers:\n  x: {algorithm: lead}\n", ":1: default: default summariser 'y' is not configured"),
    ],
)
def test_malformed_catalogue_is_rejected(tmp_path, text, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        SummariserCatalogue.read(write(tmp_path, text))


def test_unknown_summariser_name_lists_the_known_ones():
    with pytest.raises(ConfigError, match=r"unknown summariser 'nope' \(known: .*lead"):
        build_summariser("nope")


def test_unknown_parameter_is_rejected():
    with pytest.raises(ConfigError, match="unknown parameter"):
        build_summariser("lead", no_such_parameter=1)
