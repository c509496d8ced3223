import pytest

from mdsum.errors import ConfigError
from mdsum.summarisers import ALGORITHMS, build_summariser, read_catalogue, summariser_names


def write(tmp_path, text):
    path = tmp_path / "summarisers.yaml"
    path.write_text(text)
    return path


def test_shipped_catalogue_is_valid_and_every_entry_builds():
    catalogue = read_catalogue()
    assert catalogue.default in catalogue.entries
    for name in summariser_names():
        summariser = build_summariser(name)
        assert summariser.name == name
        assert summariser.config["algorithm"] == catalogue.entries[name].algorithm


def test_every_algorithm_is_configured_at_least_once():
    configured = {entry.algorithm for entry in read_catalogue().entries.values()}
    assert configured == set(ALGORITHMS.names())


@pytest.mark.parametrize(
    "text, message",
    [
        ("- a list\n", "expected a mapping"),
        ("default: x\nsummarisers:\n  x: {params: {}}\n", "needs an 'algorithm'"),
        ("default: x\nsummarisers:\n  x: {algorithm: nope}\n", "unknown algorithm 'nope'"),
        ("default: x\nsummarisers:\n  x: {algorithm: lead, params: [1]}\n", "params of summariser 'x'"),
        ("default: y\nsummarisers:\n  x: {algorithm: lead}\n", "default summariser 'y'"),
    ],
)
def test_malformed_catalogue_is_rejected(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        read_catalogue(write(tmp_path, text))


def test_unknown_summariser_name_lists_the_known_ones():
    with pytest.raises(ConfigError, match=r"unknown summariser 'nope' \(known: .*lead"):
        build_summariser("nope")


def test_unknown_parameter_is_rejected():
    with pytest.raises(ConfigError, match="unknown parameter"):
        build_summariser("lead", no_such_parameter=1)
