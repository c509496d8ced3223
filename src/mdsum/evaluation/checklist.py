"""Key-fact checklists: the atomic facts a good summary of one cluster must state (Pyramid-weighted).

A checklist is written by hand, so it is checked the way a compiler checks code: every problem names
the file and line at fault. JSON Schema (``eval/checklists/schema.json``) covers the shape; this module
adds what a schema cannot say: unique ids, weight == number of sources, sources that exist in the
cluster, and facts whose surface forms appear in none of the documents cited for them (a warning:
the fact may be mis-sourced or its forms mistyped).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mdsum.errors import ConfigError, InputError
from mdsum.located import LocatedYaml, load_located, schema_errors
from mdsum.model import Checklist, Cluster, Fact, FactForms
from mdsum.readers import cluster_from_folder, read_inputs
from mdsum.resources import shipped_path

SCHEMA = shipped_path("eval", "checklists", "schema.json", overridable=False)


@dataclass(frozen=True)
class Review:
    """The outcome of checking one checklist file; ``checklist`` is None unless there are no errors."""

    checklist: Checklist | None
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


# A cluster id names its checklist file, so it must not be able to walk out of the checklist folder.
CLUSTER_ID = re.compile(r"\w[\w.-]{0,99}")


def check_cluster_id(cluster_id: str) -> str:
    """``cluster_id`` if it can name a checklist file, else `InputError` saying what an id may hold."""
    if not CLUSTER_ID.fullmatch(cluster_id):
        raise InputError(f"cluster id must be letters, digits, '_', '-' or '.', got {cluster_id!r}")
    return cluster_id


def find_checklist(cluster_id: str) -> Path | None:
    """The checklist of ``cluster_id`` in the eval directory, if someone wrote one.

    An id that is no file name (``data.jsonl:3``, ``../x``) names no checklist: the lookup never
    leaves the checklist folder.
    """
    if not CLUSTER_ID.fullmatch(cluster_id):
        return None
    path = shipped_path("eval", "checklists", f"{cluster_id}.yaml")
    return path if path.is_file() else None


def cluster_source(cluster_id: str) -> Path | None:
    """Where a cluster's documents ship: a folder named by its id beside ``eval/`` (``seeds/``), or the
    data file in ``eval/data/`` that holds a cluster of that id (the MultiLing sample)."""
    folder = shipped_path("eval").parent / cluster_id
    if folder.is_dir():
        return folder
    data_files = sorted(shipped_path("eval", "data").glob("*.jsonl"))
    return next((path for path in data_files if document_texts(path, cluster_id) is not None), None)


def load_checklist(path: str | Path, cluster_dir: str | Path | None = None) -> Checklist:
    """A valid checklist, or `ConfigError` naming the first problem's file and line."""
    review = review_checklist(path, cluster_dir)
    if review.checklist is None:
        more = f" (and {len(review.errors) - 1} more problems)" if len(review.errors) > 1 else ""
        raise ConfigError(review.errors[0] + more)
    return review.checklist


def review_checklist(path: str | Path, cluster_dir: str | Path | None = None) -> Review:
    """Check a checklist file against the schema, itself, and (when found) its cluster's documents.

    ``cluster_dir`` (a folder of articles, or a data file holding the cluster by id) defaults to
    `cluster_source`; the cross-field checks assume the schema's shape, so they run only once the
    schema is satisfied.
    """
    try:
        document = load_located(path)
    except ConfigError as error:
        return Review(None, (str(error),), ())
    errors = schema_errors(document, SCHEMA)
    if errors:
        return Review(None, tuple(errors), ())
    checklist = _build(document.data)
    errors = _duplicate_ids(document) + _weights_off(document)
    source = Path(cluster_dir) if cluster_dir else cluster_source(checklist.cluster)
    where = document.where(("cluster",))
    if source is None:
        warnings = [f"{where}: warning: no documents found for cluster '{checklist.cluster}'; sources not checked"]
        return Review(None if errors else checklist, tuple(errors), tuple(warnings))
    texts = document_texts(source, checklist.cluster)
    if texts is None:
        return Review(None, (*errors, f"{where}: {source} holds no cluster '{checklist.cluster}'"), ())
    errors += _unknown_sources(document, texts, source)
    warnings = _unsupported(document, checklist, texts)
    return Review(None if errors else checklist, tuple(errors), tuple(warnings))


def document_texts(source: Path, cluster_id: str) -> dict[str, str] | None:
    """Each document's headline and text as the summarisers read them (cleaned), keyed by document id,
    from a folder of articles or from the cluster of that id in a data file (None if it has none)."""
    if source.is_dir():
        cluster: Cluster | None = cluster_from_folder(source)
    else:
        items = read_inputs([source]).items
        cluster = next((item for item in items if isinstance(item, Cluster) and item.id == cluster_id), None)
    if cluster is None:
        return None
    return {document.id: "\n".join(filter(None, (document.title, document.text))) for document in cluster.documents}


def forms_appear(forms: FactForms, text: str) -> bool:
    """Whether every required term, number and date of a fact occurs in ``text`` (in some variant)."""
    text = _normalise(text)
    return all(pattern.search(text) for pattern in _patterns(forms))


def _patterns(forms: FactForms) -> list[re.Pattern[str]]:
    """One pattern per required item: a name matches at a word start (``resolution`` in ``resolutions``),
    a number only whole (``six`` in ``six-year`` but not in ``sixty``), a date in any usual news form."""
    names = ["|".join(rf"(?<!\w){re.escape(_normalise(variant))}" for variant in variants) for variants in forms.names]
    numbers = [rf"(?<![\w.,]){re.escape(_normalise(number))}(?!\w|[.,]\d)" for number in forms.numbers]
    dates = [_date_pattern(iso) for iso in forms.dates]
    return [re.compile(pattern) for pattern in (*names, *numbers, *dates)]


def _date_pattern(iso: str) -> str:
    """``2017-07-14``, ``14 July``, ``July 14``, ``Jul. 14`` or the weekday (``on Friday``), lower-cased."""
    day = dt.date.fromisoformat(iso)
    month, weekday = day.strftime("%b").lower(), day.strftime("%A").lower()
    return rf"{iso}|(?<!\d){day.day} {month}|{month}\w*\.? {day.day}(?!\d)|{weekday}"


def _normalise(text: str) -> str:
    """Case, curly apostrophes and runs of whitespace do not matter when looking for a form."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").casefold().split())


def _build(data: Mapping) -> Checklist:
    facts = tuple(
        Fact(
            id=fact["id"],
            statement=fact["statement"],
            sources=tuple(fact["sources"]),
            weight=fact["weight"],
            category=fact["category"],
            later=fact["later"],
            forms=FactForms(
                names=tuple(tuple(variants) for variants in fact["forms"]["names"]),
                numbers=tuple(fact["forms"]["numbers"]),
                dates=tuple(fact["forms"]["dates"]),
                negated=fact["forms"]["negated"],
                actor=tuple(fact["forms"].get("actor", ())),
            ),
        )
        for fact in data["facts"]
    )
    return Checklist(cluster=data["cluster"], event=data["event"], facts=facts)


def _facts(document: LocatedYaml) -> Iterable[tuple[int, Mapping]]:
    return enumerate(document.data["facts"])


def _duplicate_ids(document: LocatedYaml) -> list[str]:
    first_line: dict[str, int] = {}
    errors = []
    for index, fact in _facts(document):
        at = ("facts", index, "id")
        if fact["id"] in first_line:
            errors.append(
                f"{document.where(at)}: duplicate fact id {fact['id']} (first on line {first_line[fact['id']]})"
            )
        else:
            first_line[fact["id"]] = document.line(at)
    return errors


def _weights_off(document: LocatedYaml) -> list[str]:
    return [
        f"{document.where(('facts', index, 'weight'))}: {fact['id']}: weight {fact['weight']} "
        f"!= {len(fact['sources'])} sources (the Pyramid weight is the number of documents stating the fact)"
        for index, fact in _facts(document)
        if fact["weight"] != len(fact["sources"])
    ]


def _unknown_sources(document: LocatedYaml, texts: Mapping[str, str], where: Path) -> list[str]:
    return [
        f"{document.where(('facts', index, 'sources', position))}: {fact['id']}: unknown source '{source}' "
        f"(not a document of {where})"
        for index, fact in _facts(document)
        for position, source in enumerate(fact["sources"])
        if source not in texts
    ]


def _unsupported(document: LocatedYaml, checklist: Checklist, texts: Mapping[str, str]) -> list[str]:
    return [
        f"{document.where(('facts', index))}: warning: {fact.id}: its surface forms appear in none of its "
        f"sources ({', '.join(fact.sources)})"
        for index, fact in enumerate(checklist.facts)
        if not any(forms_appear(fact.forms, texts[source]) for source in fact.sources if source in texts)
    ]
