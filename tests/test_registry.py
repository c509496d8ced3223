import pytest

from mdsum.errors import ConfigError
from mdsum.registry import Registry


def test_loads_by_name_and_lists_names_sorted():
    registry = Registry("thing", {"b": "json:dumps", "a": "json:loads"})
    import json

    assert registry.load("a") is json.loads
    assert registry.names() == ["a", "b"]
    assert "b" in registry and "c" not in registry


def test_unknown_name_is_one_clear_line():
    registry = Registry("judge", {"lexical": "json:loads"})
    with pytest.raises(ConfigError, match=r"unknown judge 'nli' \(known: lexical\)"):
        registry.load("nli")
