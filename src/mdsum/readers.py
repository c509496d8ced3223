"""Paths on the command line -> clusters, one at a time.

What a path means:

- a folder of ``.txt`` files: one cluster (id = folder name, document ids = file stems);
  a folder whose sub-folders hold the ``.txt`` files: one cluster per sub-folder;
- several ``.txt`` files: one cluster;
- ``.jsonl``: one cluster per line, ``{"id", "documents": [...], "summary"?, "references"?}``
  or Multi-News' ``{"document": "a ||||| b", "summary"}``;
- ``.json`` / ``.parquet``: a Hugging Face ``datasets`` file with the same columns;
- a folder written by ``Dataset.save_to_disk``: the same, through ``load_from_disk``.

Several folders or any data file make a batch, read lazily: a bad cluster becomes a
`ReadFailure` naming it, and the clusters after it still come through.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from mdsum.errors import InputError
from mdsum.limits import check_cluster_bytes
from mdsum.model import Cluster, Document
from mdsum.text import clean_page, extract_meta, split_sentences
from mdsum.text.clean import unshouted, without_furniture

# Longer than any news article; a bigger "article" is a wrong file, and splitting it would stall.
MAX_ARTICLE_BYTES = 1_000_000
# Counting a data file's lines first is cheap below this size; above it `total` is unknown.
MAX_COUNTED_BYTES = 256 * 1024 * 1024
MULTI_NEWS_SEPARATOR = "|||||"
DATA_SUFFIXES = (".jsonl", ".json", ".parquet")

_HTML = re.compile(
    r"^\s*<(?:!doctype\s+html|html|head|body)\b|<(?:p|div|br|span|a\s+href|script|meta)\b[^>]*>", re.IGNORECASE
)


@dataclass(frozen=True)
class ReadFailure:
    """A cluster in a batch that could not be read: reported and skipped."""

    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}"


@dataclass(frozen=True)
class UnreadRecord:
    """A data file's row, parsed but not yet made a cluster: its id is known without that work, and cleaning and
    splitting the articles can be done where the cluster is summarised (a worker process)."""

    item: str  # where it is (``file.jsonl:12``): the cluster's id when the row has none
    record: Any

    @property
    def id(self) -> str:
        has_id = isinstance(self.record, Mapping) and self.record.get("id") not in (None, "")
        return str(self.record["id"]) if has_id else self.item

    def read(self) -> Cluster | ReadFailure:
        try:
            return cluster_from_record(self.record, self.item)
        except InputError as error:
            return ReadFailure(self.item if self.id == self.item else f"{self.item} (id {self.id})", str(error))


Entry = Cluster | ReadFailure | UnreadRecord


@dataclass(frozen=True)
class Batch:
    """Clusters (and failures) in input order; ``total`` when known without reading them all."""

    entries: Iterable[Entry]  # a data file's rows unread, to be read by whoever summarises them
    total: int | None
    is_batch: bool

    @property
    def items(self) -> Iterator[Cluster | ReadFailure]:  # every entry read, in input order
        return (entry.read() if isinstance(entry, UnreadRecord) else entry for entry in self.entries)


def _check_size(size: int, where: str | Path) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"{where}: article is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES / 1e6:g} MB limit")


def check_article(text: str, where: str | Path) -> str:
    """``text`` if it can be an article, else `InputError` saying why, naming ``where``."""
    _check_size(len(text.encode("utf-8")), where)
    if not text.strip():
        raise InputError(f"{where}: empty article")
    if "\x00" in text:
        raise InputError(f"{where}: binary data (NUL bytes), not an article's text")
    if _HTML.search(text[:5000]):
        raise InputError(f"{where}: this is HTML, not plain text; save the article's text instead")
    return text


def _document(doc_id: str, raw: str) -> Document:
    meta = extract_meta(raw)
    text = clean_page(raw)
    return Document(
        id=doc_id,
        text=text,
        sentences=unshouted(without_furniture(split_sentences(text))),
        title=meta.title,
        source=meta.source,
        date=meta.date,
    )


def document_from_text(doc_id: str, raw: str) -> Document:
    """A `Document` from a scraped page: metadata from the raw page, sentences from its clean text."""
    return _document(doc_id, check_article(raw, doc_id))


def read_article(path: Path) -> Document:
    """One ``.txt`` article; every way the file can be wrong is an `InputError` naming it.

    The size is checked before reading, so a huge file is refused at once.
    """
    try:
        _check_size(path.stat().st_size, path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # Windows "Unicode" text: NUL bytes, yet text
    if not utf16 and b"\x00" in data:  # before decoding: most binary files are not valid UTF-8 either
        raise InputError(f"{path}: binary file (NUL bytes), expected UTF-8 text")
    try:
        raw = data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not {'UTF-16' if utf16 else 'UTF-8'} text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    return _document(path.stem, check_article(raw, path))


def cluster_from_files(cluster_id: str, paths: Sequence[Path]) -> Cluster:
    """One cluster, one article per file, documents named by file stem; its size is checked before any is read."""
    sizes = [(path, path.stat().st_size) for path in paths if path.is_file()]  # a missing one `read_article` names
    for path, size in sizes:
        _check_size(size, path)
    check_cluster_bytes(sum(size for _, size in sizes), cluster_id)
    return Cluster(id=cluster_id, documents=tuple(read_article(path) for path in paths))


def cluster_from_folder(folder: Path) -> Cluster:
    articles = sorted(folder.glob("*.txt"))
    if not articles:
        raise InputError(f"{folder}: no .txt articles in this folder")
    return cluster_from_files(folder.name, articles)


def cluster_from_record(record: Any, fallback_id: str) -> Cluster:
    """A cluster from one dataset row: ``documents`` (a list) or Multi-News' joined ``document``.

    References are gathered from ``summary``, ``summaries`` and ``references``, each once.
    """
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    cluster_id = fallback_id if record.get("id") in (None, "") else str(record["id"])
    texts = _document_texts(record)
    if not texts:
        raise InputError("empty document list")
    sizes = []
    for number, text in enumerate(texts):
        if not isinstance(text, str):
            raise InputError(f"document {number} is {type(text).__name__}, not text")
        sizes.append(len(text.encode("utf-8")))
        _check_size(sizes[-1], f"d{number}")
    check_cluster_bytes(sum(sizes), cluster_id)
    documents = []
    for number, text in enumerate(texts):
        if text.strip():
            documents.append(document_from_text(f"d{number}", text))
    if not documents:
        raise InputError("every document is empty")
    return Cluster(id=cluster_id, documents=tuple(documents), references=_references(record))


def _document_texts(record: Mapping[str, Any]) -> list[Any]:
    """The document texts; a dataset with both columns has None in the one a row does not use."""
    if record.get("documents") is not None:
        texts = record["documents"]
    elif isinstance(record.get("document"), str):
        texts = record["document"].split(MULTI_NEWS_SEPARATOR)
    else:
        raise InputError("no 'documents' (or Multi-News 'document') field")
    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise InputError(f"'documents' must be a list of texts, got {type(texts).__name__}")
    return [text["text"] if isinstance(text, Mapping) and "text" in text else text for text in texts]


def _references(record: Mapping[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    for key in ("summary", "summaries", "references"):
        value = record.get(key)
        values = [value] if isinstance(value, str) else list(value or ())
        found.extend(text.strip() for text in values if isinstance(text, str) and text.strip())
    return tuple(dict.fromkeys(found))


def _jsonl_clusters(path: Path) -> Iterator[UnreadRecord | ReadFailure]:
    """One cluster per non-blank line, parsed as it is reached."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            item = f"{path}:{number}"
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield ReadFailure(item, "not UTF-8 text")
            except json.JSONDecodeError as error:
                yield ReadFailure(item, f"not valid JSON ({error.msg} at column {error.colno})")
            else:
                yield UnreadRecord(item, record)


def _count_lines(path: Path) -> int | None:
    if path.stat().st_size > MAX_COUNTED_BYTES:
        return None
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _dataset_clusters(dataset: Iterable[Mapping[str, Any]], name: str) -> Iterator[UnreadRecord]:
    return (UnreadRecord(f"{name}[{number}]", row) for number, row in enumerate(dataset))


def _hf_file(path: Path) -> tuple[Iterator[Entry], int | None]:
    """A ``.json`` or ``.parquet`` file through `datasets`, streamed so nothing is copied or cached."""
    from datasets import load_dataset

    builder = "parquet" if path.suffix == ".parquet" else "json"
    try:
        dataset = load_dataset(builder, data_files=str(path), split="train", streaming=True)
    except Exception as error:  # datasets raises many types; all mean "cannot read this file"
        raise InputError(f"{path}: cannot read as a {builder} dataset ({type(error).__name__})") from None
    total = None
    if builder == "parquet":
        import pyarrow.parquet as pq

        total = pq.ParquetFile(path).metadata.num_rows
    return _guarded(_dataset_clusters(dataset, str(path)), path), total


def _guarded(items: Iterator[Entry], path: Path) -> Iterator[Entry]:
    """Stop a file that breaks mid-stream with one failure instead of losing the whole batch."""
    try:
        yield from items
    except Exception as error:  # a corrupt row group or JSON error surfaces while streaming
        yield ReadFailure(str(path), f"stopped reading: {type(error).__name__}: {str(error).splitlines()[0][:200]}")


def _saved_dataset(folder: Path) -> tuple[Iterator[Entry], int]:
    from datasets import DatasetDict, load_from_disk

    try:
        dataset = load_from_disk(str(folder))
    except Exception as error:  # datasets raises many types; all mean "not a readable dataset"
        raise InputError(f"{folder}: cannot load the saved dataset ({type(error).__name__})") from None
    if isinstance(dataset, DatasetDict):
        items = chain.from_iterable(_dataset_clusters(split, f"{folder}[{name}]") for name, split in dataset.items())
        return items, sum(len(split) for split in dataset.values())
    return _dataset_clusters(dataset, str(folder)), len(dataset)


def is_saved_dataset(folder: Path) -> bool:
    """A folder written by ``Dataset.save_to_disk`` or ``DatasetDict.save_to_disk``."""
    return (folder / "dataset_info.json").is_file() or (folder / "dataset_dict.json").is_file()


def _cluster_folders(folder: Path) -> list[Path]:
    """Sub-folders that hold articles, when ``folder`` holds clusters rather than articles."""
    return sorted(sub for sub in folder.iterdir() if sub.is_dir() and any(sub.glob("*.txt")))


def _is_cluster_folder(folder: Path) -> bool:
    """A folder of articles -- or of nothing usable, which reading it as one says clearly."""
    return any(folder.glob("*.txt")) or not _cluster_folders(folder)


def _folder_items(folders: Sequence[Path]) -> Iterator[Cluster | ReadFailure]:
    for folder in folders:
        try:
            yield cluster_from_folder(folder)
        except InputError as error:
            yield ReadFailure(str(folder), str(error))


def _source(path: Path) -> tuple[Iterable[Entry], int | None]:
    """The clusters one batch path contributes, and how many when cheap to know."""
    if path.is_dir():
        if is_saved_dataset(path):
            return _saved_dataset(path)
        folders = [path] if _is_cluster_folder(path) else _cluster_folders(path)
        return _folder_items(folders), len(folders)
    if path.suffix == ".jsonl":
        return _jsonl_clusters(path), _count_lines(path)
    return _hf_file(path)


def _source_or_failure(path: Path) -> tuple[Iterable[Entry], int | None]:
    """In a batch of several paths, one that cannot be opened is a failure, not the end of the run."""
    try:
        return _source(path)
    except InputError as error:
        return (ReadFailure(str(path), str(error)),), 1


def read_inputs(names: Sequence[str | Path]) -> Batch:
    """Read what the user named: one cluster, or a lazy batch of clusters and failures.

    A single cluster (a folder of articles, or ``.txt`` files) is read at once, so its
    errors raise `InputError`; in a batch they become `ReadFailure` items.
    """
    paths = [Path(name) for name in names]
    if not paths:
        raise InputError("no input: give a folder of .txt articles, .txt files, or a .jsonl/.json/.parquet file")
    for path in paths:
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if path.is_file() and path.suffix not in (".txt", *DATA_SUFFIXES):
            raise InputError(f"{path}: unsupported file type '{path.suffix}' (use .txt, {', '.join(DATA_SUFFIXES)})")
    articles = [path for path in paths if path.suffix == ".txt" and path.is_file()]
    if articles:
        if len(articles) != len(paths):
            raise InputError("give either .txt articles (one cluster) or folders and data files (a batch), not both")
        parents = {path.parent.resolve().name for path in articles}
        cluster_id = parents.pop() if len(parents) == 1 else "cluster"
        return Batch(entries=(cluster_from_files(cluster_id, articles),), total=1, is_batch=False)
    if len(paths) == 1 and paths[0].is_dir() and not is_saved_dataset(paths[0]) and _is_cluster_folder(paths[0]):
        return Batch(entries=(cluster_from_folder(paths[0]),), total=1, is_batch=False)
    sources = [_source(paths[0])] if len(paths) == 1 else [_source_or_failure(path) for path in paths]
    totals = [total for _, total in sources]
    known = [total for total in totals if total is not None]
    return Batch(
        entries=chain.from_iterable(items for items, _ in sources),
        total=sum(known) if len(known) == len(totals) else None,
        is_batch=True,
    )
