"""The content-addressed result cache: canonical keys, atomic entries, corrupt entries recomputed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from mdsum.evaluation.cache import ResultCache, content_key
from mdsum.model import Summary, SummarySentence


@dataclass(frozen=True)
class Settings:
    threshold: float
    members: tuple[str, ...]


def test_keys_ignore_mapping_order_and_tuple_versus_list():
    assert content_key("judgement", {"a": 1, "b": (1, 2)}) == content_key("judgement", {"b": [1, 2], "a": 1})


def test_keys_change_with_any_part():
    summary = Summary("c", (SummarySentence("One."),), summariser="lead")
    other = Summary("c", (SummarySentence("Two."),), summariser="lead")
    assert content_key("summary", summary) != content_key("summary", other)
    assert content_key("summary", summary) != content_key("support", summary)


def test_records_and_dataclasses_hash_by_their_fields():
    assert content_key(Settings(0.5, ("lexical",))) == content_key({"threshold": 0.5, "members": ["lexical"]})


def test_get_or_compute_stores_once(tmp_path):
    cache, calls = ResultCache(tmp_path), []

    def compute():
        calls.append(1)
        return {"value": 3}

    assert cache.get_or_compute("kind", "ab12", compute) == {"value": 3}
    assert cache.get_or_compute("kind", "ab12", compute) == {"value": 3}
    assert len(calls) == 1
    assert (tmp_path / "kind" / "ab" / "ab12.json").is_file()
    assert not list(tmp_path.rglob(".tmp-*"))  # written through a temporary file, renamed into place


def test_missing_entry_is_none(tmp_path):
    assert ResultCache(tmp_path).get("kind", "cafe") is None


def test_corrupt_entry_is_reported_removed_and_recomputed(tmp_path):
    warnings: list[str] = []
    cache = ResultCache(tmp_path, warn=warnings.append)
    cache.put("kind", "beef", [1, 2])
    path = tmp_path / "kind" / "be" / "beef.json"
    path.write_text('{"key": "beef", "val', encoding="utf-8")
    assert cache.get("kind", "beef") is None
    assert not path.exists()
    assert len(warnings) == 1 and "corrupt cache entry" in warnings[0]
    assert cache.get_or_compute("kind", "beef", lambda: [3]) == [3]


def test_entry_under_another_key_is_not_trusted(tmp_path):
    warnings: list[str] = []
    cache = ResultCache(tmp_path, warn=warnings.append)
    path = tmp_path / "kind" / "be" / "beef.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"key": "other", "value": 1}), encoding="utf-8")
    assert cache.get("kind", "beef") is None
    assert warnings
