"""Summarise many clusters into one output, skipping bad ones and resuming where a run stopped."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from mdsum.errors import InputError
from mdsum.formats import render
from mdsum.model import Cluster
from mdsum.readers import ReadFailure
from mdsum.summarisers.base import Summariser


@dataclass(frozen=True)
class BatchResult:
    written: int
    already_done: int
    failures: tuple[ReadFailure, ...]


def resume_jsonl(path: Path) -> set[str]:
    """Cluster ids already summarised in a JSONL output.

    A run killed mid-write leaves a torn last line: it is cut off so that appending
    continues a valid file. A bad line anywhere else is not ours to overwrite.
    """
    if not path.exists():
        return set()
    data = path.read_bytes()
    done: set[str] = set()
    offset = 0
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        if line.strip():
            try:
                done.add(str(json.loads(line)["cluster_id"]))
            except (ValueError, KeyError, TypeError):
                if line.endswith(b"\n"):
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
    items: Iterable[Cluster | ReadFailure],
    summariser: Summariser,
    words: int,
    out: TextIO,
    fmt: str,
    *,
    done: Collection[str] = frozenset(),
    total: int | None = None,
    report: Callable[[str], None] = lambda message: None,
) -> BatchResult:
    """Write one rendered summary per good cluster to ``out``, flushing after each.

    Bad clusters (unreadable, or refused by the summariser) are reported and skipped,
    as are the summaries' notes; clusters whose id is in ``done`` are skipped silently.
    """
    written = already_done = 0
    failures: list[ReadFailure] = []
    for item in tqdm(items, total=total, unit="cluster", disable=None, leave=False):
        if isinstance(item, ReadFailure):
            failure = item
        elif item.id in done:
            already_done += 1
            continue
        else:
            try:
                summary = summariser.summarise(item, words)
            except InputError as error:
                failure = ReadFailure(item.id, str(error))
            else:
                out.write(render(summary, fmt))
                out.flush()
                for note in summary.notes:
                    report(f"note ({summary.cluster_id}): {note}")
                written += 1
                continue
        failures.append(failure)
        report(f"skipped {failure.item}: {failure.message}")
    return BatchResult(written, already_done, tuple(failures))
