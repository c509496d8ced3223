"""Summarise many clusters into one output, skipping bad ones and resuming where a run stopped."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from mdsum.errors import InputError
from mdsum.formats import render
from mdsum.model import Cluster
from mdsum.parallel import SummariserFactory, summarise_stream
from mdsum.readers import ReadFailure


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
    build: SummariserFactory,
    words: int,
    out: TextIO,
    fmt: str,
    *,
    workers: int = 1,
    done: Collection[str] = frozenset(),
    total: int | None = None,
    report: Callable[[str], None] = lambda message: None,
) -> BatchResult:
    """Write one rendered summary per good cluster to ``out``, in input order, flushing after each.

    ``build`` makes the summariser, once per worker process (``workers`` of them; 1 runs here).
    Bad clusters (unreadable, or refused by the summariser) are reported and skipped,
    as are the summaries' notes; clusters whose id is in ``done`` are skipped silently.
    """
    bar = tqdm(total=total, unit="cluster", disable=None, leave=False)
    skipped_as_done = 0

    def to_do() -> Iterator[Cluster | ReadFailure]:
        nonlocal skipped_as_done
        for item in items:
            if isinstance(item, Cluster) and item.id in done:
                skipped_as_done += 1
                bar.update()
            else:
                yield item

    written = 0
    failures: list[ReadFailure] = []
    for outcome in summarise_stream(to_do(), build, words, workers):
        bar.update()
        if isinstance(outcome, ReadFailure):
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
