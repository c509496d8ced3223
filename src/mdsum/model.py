"""The one data model every layer speaks: reader -> summariser -> judge -> report.

Checklist facts are records here too, so judges read them without importing the evaluation layer.

All records are frozen dataclasses made of tuples, strings and numbers, so they can be
hashed, cached and shared between threads; ``to_dict``/``from_dict`` give their JSON form.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping


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


class _Record:
    """JSON round-trip shared by every record."""

    def to_dict(self) -> dict[str, Any]:
        return _thaw(self)

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

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentences", tuple(self.sentences))

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        return cls(
            id=str(data["id"]),
            text=data["text"],
            sentences=tuple(data["sentences"]),
            title=data.get("title"),
            source=data.get("source"),
            date=data.get("date"),
        )


@dataclass(frozen=True)
class Cluster(_Record):
    """Several documents about one event, with the human reference summaries if any."""

    id: str
    documents: tuple[Document, ...]
    references: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "documents", tuple(self.documents))
        object.__setattr__(self, "references", tuple(self.references))

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise KeyError(document_id)

    @property
    def word_count(self) -> int:
        return sum(document.word_count for document in self.documents)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Cluster:
        return cls(
            id=str(data["id"]),
            documents=tuple(Document.from_dict(d) for d in data["documents"]),
            references=tuple(data.get("references", ())),
        )


@dataclass(frozen=True)
class SourceRef(_Record):
    """Where a summary sentence comes from: a sentence of a document, with the alignment score."""

    document_id: str
    sentence_index: int
    score: float = 1.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SourceRef:
        return cls(str(data["document_id"]), int(data["sentence_index"]), float(data.get("score", 1.0)))


@dataclass(frozen=True)
class SummarySentence(_Record):
    """A sentence of a summary and its provenance (best-supporting source sentences first)."""

    text: str
    sources: tuple[SourceRef, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(self.sources))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SummarySentence:
        return cls(data["text"], tuple(SourceRef.from_dict(s) for s in data.get("sources", ())))


@dataclass(frozen=True)
class Summary(_Record):
    """A summariser's output for one cluster, with what made it (name and config)."""

    cluster_id: str
    sentences: tuple[SummarySentence, ...]
    summariser: str
    config: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentences", tuple(self.sentences))
        object.__setattr__(self, "config", _freeze(dict(self.config)))
        object.__setattr__(self, "notes", tuple(self.notes))

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        return cls(
            cluster_id=str(data["cluster_id"]),
            sentences=tuple(SummarySentence.from_dict(s) for s in data["sentences"]),
            summariser=data["summariser"],
            config=data.get("config", {}),
            notes=tuple(data.get("notes", ())),
        )


@dataclass(frozen=True)
class Judgement(_Record):
    """A judge's verdict on whether a summary covers one checklist fact."""

    fact_id: str
    covered: bool
    score: float
    judge: str
    evidence: str | None = None  # the summary sentence that covers the fact

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Judgement:
        return cls(
            fact_id=str(data["fact_id"]),
            covered=bool(data["covered"]),
            score=float(data["score"]),
            judge=data["judge"],
            evidence=data.get("evidence"),
        )


@dataclass(frozen=True)
class Report(_Record):
    """Everything the harness measured for one system on one cluster."""

    cluster_id: str
    system: str
    summary: Summary
    judgements: tuple[Judgement, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=dict)
    unsupported: tuple[str, ...] = ()  # summary sentences no source sentence supports

    def __post_init__(self) -> None:
        object.__setattr__(self, "judgements", tuple(self.judgements))
        object.__setattr__(self, "metrics", _freeze(dict(self.metrics)))
        object.__setattr__(self, "unsupported", tuple(self.unsupported))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            cluster_id=str(data["cluster_id"]),
            system=data["system"],
            summary=Summary.from_dict(data["summary"]),
            judgements=tuple(Judgement.from_dict(j) for j in data.get("judgements", ())),
            metrics=data.get("metrics", {}),
            unsupported=tuple(data.get("unsupported", ())),
        )


@dataclass(frozen=True)
class FactForms(_Record):
    """What a judge looks for: each ``names`` entry is the variants of ONE required term."""

    names: tuple[tuple[str, ...], ...]
    numbers: tuple[str, ...]
    dates: tuple[str, ...]  # ISO 8601, YYYY-MM-DD
    negated: bool


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
