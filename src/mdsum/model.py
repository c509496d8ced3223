"""The one data model every layer speaks: reader -> summariser -> judge -> report.

Checklist facts are records here too, so judges read them without importing the evaluation layer.

All records are frozen dataclasses made of tuples, strings and numbers, so they can be
hashed, cached and shared between threads; ``to_dict``/``from_dict`` give their JSON form.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import json
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Self


def _frozen_mapping(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


# Records cross process boundaries (batch workers) by pickle, and a frozen mapping does not pickle by
# itself: it travels as its dict and is frozen again on arrival.
copyreg.pickle(MappingProxyType, lambda proxy: (_frozen_mapping, (dict(proxy),)))


def _freeze(value: Any) -> Any:
    """Turn lists and dicts from JSON into tuples and read-only mappings."""
    if isinstance(value, Mapping):
        return MappingProxyType({key: _freeze(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item) for item in value)
    return value


def _thaw(value: Any) -> Any:
    """Inverse of `_freeze`: plain dicts and lists that `json` can write."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _thaw(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: _thaw(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_thaw(item) for item in value]
    return value


def _revive(hint: Any, value: Any) -> Any:
    """``value`` read from JSON as the field type ``hint`` says: records, tuples of them, str/int/float/bool."""
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    if typing.get_origin(hint) is tuple:
        return tuple(_revive(typing.get_args(hint)[0], item) for item in value)
    if hint in (str, int, float, bool):
        return hint(value)
    return value


@functools.cache
def _field_types(cls: Any) -> dict[str, Any]:
    """Each field's type, resolved once per record class (annotations are strings here)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


class _Record:
    """What every record shares: frozen containers and the JSON round trip."""

    def __post_init__(self) -> None:
        for field_ in dataclasses.fields(self):  # type: ignore[arg-type]
            object.__setattr__(self, field_.name, _freeze(getattr(self, field_.name)))

    def to_dict(self) -> dict[str, Any]:
        return _thaw(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The record from its JSON form: nested records and scalar types restored, absent fields defaulted."""
        types = _field_types(typing.cast(type, cls))
        return cls(**{name: _revive(hint, data[name]) for name, hint in types.items() if name in data})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


@dataclass(frozen=True)
class Document(_Record):
    """One cleaned article; ``sentences`` is the unit every summariser selects from."""

    id: str
    text: str
    sentences: tuple[str, ...]
    title: str | None = None
    source: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when the page states it


@dataclass(frozen=True)
class Cluster(_Record):
    """Several documents about one event, with the human reference summaries if any."""

    id: str
    documents: tuple[Document, ...]
    references: tuple[str, ...] = ()

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise KeyError(document_id)

    @property
    def word_count(self) -> int:
        return sum(len(document.text.split()) for document in self.documents)


@dataclass(frozen=True)
class SourceRef(_Record):
    """Where a summary sentence comes from: a sentence of a document, with the alignment score."""

    document_id: str
    sentence_index: int
    score: float = 1.0


@dataclass(frozen=True)
class SummarySentence(_Record):
    """A sentence of a summary and its provenance (best-supporting source sentences first)."""

    text: str
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class Summary(_Record):
    """A summariser's output for one cluster, with what made it (name and config)."""

    cluster_id: str
    sentences: tuple[SummarySentence, ...]
    summariser: str
    config: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Judgement(_Record):
    """A judge's verdict on whether a summary covers one checklist fact."""

    fact_id: str
    covered: bool
    score: float
    judge: str
    evidence: str | None = None  # the summary sentence that covers the fact


@dataclass(frozen=True)
class Report(_Record):
    """Everything the harness measured for one system on one cluster."""

    cluster_id: str
    system: str
    summary: Summary
    judgements: tuple[Judgement, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=dict)
    unsupported: tuple[str, ...] = ()  # summary sentences no source sentence supports


@dataclass(frozen=True)
class FactForms(_Record):
    """What a judge looks for: each ``names`` entry is the variants of ONE required term (a compound fact
    has several, and each is required); ``actor`` the variants of who the fact says did or said it."""

    names: tuple[tuple[str, ...], ...]
    numbers: tuple[str, ...]
    dates: tuple[str, ...]  # ISO 8601, YYYY-MM-DD
    negated: bool
    actor: tuple[str, ...] = ()  # empty: the fact has no actor, or the checklist does not say


@dataclass(frozen=True)
class Fact(_Record):
    """One atomic key fact of a checklist; judges decide whether a summary states it."""

    id: str
    statement: str
    sources: tuple[str, ...]  # ids of the documents that state the fact
    weight: int  # Pyramid weight == len(sources)
    category: str
    later: bool  # a fact of a later event, which must not be told as part of this one
    forms: FactForms


@dataclass(frozen=True)
class Checklist(_Record):
    """The key facts a good summary of one cluster states, written by hand (``eval/checklists/``)."""

    cluster: str
    event: str
    facts: tuple[Fact, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(fact.id for fact in self.facts)
