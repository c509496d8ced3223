"""The demo's inputs: its limits, and a checked cluster from pasted texts, uploaded files or the example.

Everything a user sends is checked here, before any model runs, with a message the user can act on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from mdsum.errors import InputError
from mdsum.evaluation.checklist import check_cluster_id
from mdsum.limits import Limits, applied
from mdsum.model import Cluster, Document
from mdsum.resources import shipped_path

P = ParamSpec("P")
T = TypeVar("T")

MAX_ARTICLES = 20
MAX_INPUT_BYTES = 200_000
# Ten long news articles; the pairwise work on more (200 KB of one-line quotes) would hold the server up.
MAX_SENTENCES = 1000
MAX_WORDS = 1000
REQUEST_SECONDS = 30  # summarising one request (extractive work); the judges' time comes on top
REQUEST_LIMITS = Limits(cluster_bytes=MAX_INPUT_BYTES, sentences=MAX_SENTENCES, seconds=REQUEST_SECONDS)
# An uploaded .jsonl may hold many clusters (only the first is read); this bounds what is received at all.
MAX_UPLOAD_BYTES = 5_000_000
DEFAULT_WORDS = 200
DEMO_CLUSTER_ID = "demo"


def check_limits(texts: Sequence[str]) -> None:
    """Refuse inputs that would tie up the shared server, with a message the user can act on."""
    if len(texts) > MAX_ARTICLES:
        raise InputError(f"too many articles: {len(texts)} (the demo takes at most {MAX_ARTICLES})")
    size = sum(len(text.encode("utf-8")) for text in texts)
    if size > MAX_INPUT_BYTES:
        raise InputError(
            f"articles too long: {size // 1000} KB in all (the demo takes at most {MAX_INPUT_BYTES // 1000} KB)"
        )


def check_sentence_count(documents: Sequence[Document]) -> None:
    """Refuse, before any summariser runs, articles with more sentences than a request may score."""
    count = sum(len(document.sentences) for document in documents)
    if count > MAX_SENTENCES:
        raise InputError(f"articles too long: {count} sentences in all (the demo takes at most {MAX_SENTENCES})")


def within_request_limits(function: Callable[P, T]) -> Callable[P, T]:
    """Run ``function`` (an endpoint) under `REQUEST_LIMITS`, so no one request holds the server up for long."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        with applied(REQUEST_LIMITS):
            return function(*args, **kwargs)

    return wrapper


def check_words(words: Any) -> int:
    """The word budget as an int within the demo's bounds (Gradio sliders send floats)."""
    if isinstance(words, float) and words.is_integer():
        words = int(words)
    if isinstance(words, bool) or not isinstance(words, int) or not 0 < words <= MAX_WORDS:
        raise InputError(f"word budget must be a whole number from 1 to {MAX_WORDS}, got {words!r}")
    return words


def build_cluster(texts: Sequence[str], cluster_id: str = DEMO_CLUSTER_ID, ids: Sequence[str] | None = None) -> Cluster:
    """A cluster from pasted article texts; blank boxes are ignored, ids default to ``article-N``."""
    from mdsum.readers import document_from_text

    ids = list(ids) if ids is not None else [f"article-{number}" for number in range(1, len(texts) + 1)]
    if len(ids) != len(texts):
        raise InputError(f"{len(ids)} article ids for {len(texts)} articles")
    pairs = [(doc_id, text) for doc_id, text in zip(ids, texts, strict=False) if text and text.strip()]
    if not pairs:
        raise InputError("no article text: paste at least one article, upload files or load the example")
    check_limits([text for _, text in pairs])
    cluster_id = check_cluster_id(cluster_id.strip() or DEMO_CLUSTER_ID)
    if len({doc_id for doc_id, _ in pairs}) != len(pairs):
        raise InputError("article ids must be unique")
    documents = tuple(document_from_text(doc_id, text) for doc_id, text in pairs)
    check_sentence_count(documents)
    return Cluster(id=cluster_id, documents=documents)


@dataclass(frozen=True)
class Request:
    """What either endpoint is asked, checked: the cluster, the summariser's name and the word budget."""

    cluster: Cluster
    summariser: str
    words: int


def check_request(
    texts: Sequence[str],
    summariser: str = "",
    words: Any = DEFAULT_WORDS,
    cluster_id: str = DEMO_CLUSTER_ID,
    ids: Sequence[str] | None = None,
) -> Request:
    """The pasted articles as a cluster, the summariser (empty: the configured default) and the budget, checked."""
    from mdsum.summarisers import SummariserCatalogue

    words = check_words(words)
    name, _ = SummariserCatalogue.read().entry(summariser or None)
    return Request(build_cluster(texts, cluster_id, ids), name, words)


def read_cluster_files(paths: Sequence[str | Path], fallback_id: str = "upload") -> Cluster:
    """One cluster from uploaded files: each ``.txt`` is an article, a ``.jsonl`` gives its first cluster."""
    from mdsum.readers import ReadFailure, read_inputs

    files = [Path(path) for path in paths]
    if not files:
        raise InputError("no files given")
    unknown = sorted({path.suffix or path.name for path in files} - {".txt", ".jsonl"})
    if unknown:
        raise InputError(f"the demo reads .txt and .jsonl files, not {', '.join(unknown)}")
    if any(path.suffix == ".jsonl" for path in files) and len(files) > 1:
        raise InputError("upload one .jsonl file alone, or .txt files (one article each)")
    first = next(iter(read_inputs([str(path) for path in files]).items), None)
    if first is None:
        raise InputError("the files hold no cluster")
    if isinstance(first, ReadFailure):
        raise InputError(first.message)
    check_limits([document.text for document in first.documents])
    check_sentence_count(first.documents)
    if files[0].suffix == ".txt":
        return Cluster(id=fallback_id, documents=first.documents)
    return first


def load_example() -> Cluster:
    """The seed cluster shipped with mdsum."""
    directory = shipped_path("seeds")
    if not directory.is_dir():
        raise InputError(f"the example cluster is not here: {directory} (set MDSUM_SEEDS)")
    return read_cluster_files(sorted(directory.glob("*.txt")), fallback_id=directory.name)
