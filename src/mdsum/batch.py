"""Summarise many clusters into one output, skipping bad ones and resuming where a run stopped."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from tqdm import tqdm

from mdsum.errors import InputError
from mdsum.formats import SUFFIX_FORMATS, render
from mdsum.model import Summary
from mdsum.parallel import SummariserFactory, summarise_stream
from mdsum.readers import Entry, ReadFailure
from mdsum.summarisers.base import nonempty


@dataclass(frozen=True)
class BatchResult:
    written: int
    already_done: int
    failures: tuple[ReadFailure, ...]


def resume_jsonl(path: Path) -> set[str]:
    """Cluster ids already summarised in a JSONL output.

    A run killed mid-write leaves a torn last line (a record's beginning): it is cut off so that
    appending continues a valid file. A bad line anywhere else is not ours to overwrite.
    """
    if not path.exists():
        return set()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    done: set[str] = set()
    offset = 0
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        if line.strip():
            try:
                done.add(str(json.loads(line)["cluster_id"]))
            except (ValueError, KeyError, TypeError):
                if line.endswith(b"\n") or not line.startswith(b"{"):
                    raise InputError(f"{path}:{number}: not a summary record; cannot resume into this file") from None
                with path.open("r+b") as handle:
                    handle.truncate(offset)
                return done
        offset += len(line)
    if data and not data.endswith(b"\n"):
        with path.open("ab") as handle:
            handle.write(b"\n")
    return done


def summarise_batch(
    items: Iterable[Entry],
    build: SummariserFactory,
    words: int,
    out: TextIO,
    fmt: str,
    *,
    workers: int = 1,
    done: Collection[str] = frozenset(),
    total: int | None = None,
    report: Callable[[str], None] = lambda message: None,
    fail_fast: bool = False,
) -> BatchResult:
    """Write one rendered summary per good cluster to ``out``, in input order, flushing after each.

    ``build`` makes the summariser, once per worker process (``workers`` of them; 1 runs here), and
    unread records (`UnreadRecord`) are read where they are summarised. Bad clusters (unreadable,
    refused by the summariser, or a second cluster with an id already seen, which resume could not
    tell apart) are reported and skipped, or with ``fail_fast`` raised as an `InputError`; the
    summaries' notes are reported; clusters whose id is in ``done`` are skipped silently, unread.
    """
    bar = tqdm(total=total, unit="cluster", disable=None, leave=False)
    skipped_as_done = 0

    def to_do() -> Iterator[Entry]:
        nonlocal skipped_as_done
        for item in _unique_ids(items):
            if not isinstance(item, ReadFailure) and item.id in done:
                skipped_as_done += 1
                bar.update()
            else:
                yield item

    written = 0
    failures: list[ReadFailure] = []
    for outcome in summarise_stream(to_do(), build, words, workers):
        bar.update()
        if isinstance(outcome, Summary):
            outcome = empty_as_failure(outcome) or outcome
        if isinstance(outcome, ReadFailure):
            if fail_fast:
                raise InputError(outcome.message)
            failures.append(outcome)
            report(f"skipped {outcome.item}: {outcome.message}")
            continue
        out.write(render(outcome, fmt))
        out.flush()
        for note in outcome.notes:
            report(f"note ({outcome.cluster_id}): {note}")
        written += 1
    bar.close()
    return BatchResult(written, skipped_as_done, tuple(failures))


def empty_as_failure(summary: Summary) -> ReadFailure | None:
    """A summary with no sentence as the failure of its cluster, saying why (`nonempty`); else None."""
    try:
        nonempty(summary)
    except InputError as error:
        return ReadFailure(summary.cluster_id, str(error))
    return None


def _unique_ids(items: Iterable[Entry]) -> Iterator[Entry]:
    """The items, a cluster whose id an earlier one has turned into a failure: its summary could not
    be told apart from the first one's, and resume would take it as done."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReadFailure):
            yield item
        elif item.id in seen:
            yield ReadFailure(item.id, "duplicate cluster id: an earlier cluster in this input has it")
        else:
            seen.add(item.id)
            yield item


@contextmanager
def open_output(path: Path | None, fmt: str) -> Iterator[tuple[TextIO, set[str]]]:
    """The stream the summaries go to (stdout without ``path``) and the cluster ids already in it.

    A JSONL file is resumed: its ids are read and it is appended to. Any other format goes to a
    temporary file beside ``path``, renamed over it only when the run ends, so a failed run leaves
    an earlier output as it was; and a file that is not an earlier output of that format is refused.
    """
    if path is None:
        yield sys.stdout, set()
        return
    _check_writable_place(path)
    if not path.is_file() and path.exists():  # a device or a pipe: written as is, nothing to resume or rename
        with _open(path, "w") as out:
            yield out, set()
    elif fmt == "jsonl":
        done = resume_jsonl(path)
        with _open(path, "a") as out:
            yield out, done
    else:
        _check_replaceable(path, fmt)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        try:
            with _open(partial, "w") as out:
                yield out, set()
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)


def _check_writable_place(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: no folder {path.parent}")


def _open(path: Path, mode: Literal["w", "a"]) -> TextIO:
    try:
        return open(path, mode, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}") from None


def _check_replaceable(path: Path, fmt: str) -> None:
    """Refuse to replace a file unless it is an earlier output in ``fmt``: its suffix, and for JSON a summary."""
    if not path.exists() or path.stat().st_size == 0:
        return
    earlier = SUFFIX_FORMATS.get(path.suffix.lower()) == fmt
    if earlier and fmt == "json":
        try:
            first, _ = json.JSONDecoder().raw_decode(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            first = None
        earlier = isinstance(first, dict) and "cluster_id" in first
    if not earlier:
        raise InputError(f"not overwriting {path}: it is not an earlier {fmt} output of mdsum")
