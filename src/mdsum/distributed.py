"""Summarise a batch on a Ray cluster: Ray Data streams the clusters through a pool of actors, one summariser each.

The driver reads the inputs as the local engine does, skips the ids already written, and writes the results back
in input order, so a Ray run writes the same bytes as a local one and resumes the same way. Only the summarising
is spread: each actor builds its summariser once, so a model is loaded once per actor, not once per cluster.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from mdsum.batch import BatchResult, resume_jsonl
from mdsum.errors import InputError
from mdsum.formats import render
from mdsum.model import Cluster, Summary
from mdsum.readers import ReadFailure
from mdsum.summarisers import build_summariser


class SummariseClusters:
    """A Ray actor's work: the summariser is built when the actor starts and reused for every batch."""

    def __init__(self, summariser: str | None, words: int) -> None:
        self.summariser = build_summariser(summariser)
        self.words = words

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        """Each cluster's summary as its JSON record, or why the summariser refused it ("" for the other)."""
        summaries, errors = [], []
        for record in batch["cluster"]:
            try:
                summary = self.summariser.summarise(Cluster.from_dict(json.loads(record)), self.words)
            except InputError as error:
                summaries.append("")
                errors.append(str(error))
            else:
                summaries.append(summary.to_json())
                errors.append("")
        return {"cluster_id": list(batch["cluster_id"]), "summary": summaries, "error": errors}


def summarise_on_ray(
    items: Iterable[Cluster | ReadFailure],
    summariser: str | None,
    words: int,
    out: Path | None,
    fmt: str,
    *,
    address: str | None = None,
    actors: int | None = None,
    report: Callable[[str], None] = lambda message: None,
) -> BatchResult:
    """Summarise ``items`` with the summariser named ``summariser`` on the Ray cluster at ``address`` (default: a
    local one) into ``out`` (default: stdout).

    ``fmt`` is any local format, or ``parquet`` (one file, rewritten whole, so it needs ``out``). Ids already in
    ``out`` are skipped; unreadable or refused clusters are reported and skipped. ``actors`` defaults to one per
    CPU of the cluster; each reserves one CPU, so Ray caps its model's threads at one and nothing is oversubscribed.
    """
    if fmt == "parquet" and out is None:
        raise InputError("--format parquet needs --out FILE")
    done = _done_ids(out, fmt)
    if done:
        report(f"resuming {out}: {len(done)} clusters already there")
    failures: list[ReadFailure] = []
    rows = []
    already_done = 0
    for item in items:
        if isinstance(item, ReadFailure):
            failures.append(item)
            report(f"skipped {item.item}: {item.message}")
        elif item.id in done:
            already_done += 1
        else:
            rows.append({"cluster_id": item.id, "cluster": item.to_json()})
    outcomes = _summarise(rows, summariser, words, address, actors) if rows else ()
    summaries = _kept(outcomes, failures, report)
    written = _write_parquet(summaries, out, done) if fmt == "parquet" and out else _write_text(summaries, out, fmt)
    return BatchResult(written, already_done, tuple(failures))


def _done_ids(out: Path | None, fmt: str) -> Collection[str]:
    if out is None or not out.exists():
        return frozenset()
    if fmt == "jsonl":
        return resume_jsonl(out)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return set(pq.read_table(out, columns=["cluster_id"]).column("cluster_id").to_pylist())
    return frozenset()


def _summarise(
    rows: list[dict[str, str]], summariser: str | None, words: int, address: str | None, actors: int | None
) -> Iterable[dict[str, Any]]:
    """The actors' outputs row by row, in input order; a cluster is one batch, as one takes seconds with a model.

    The clusters are handed to Ray from the driver, which holds their records (read, cleaned and split: about 1.6x
    the JSONL input's size); the summaries stream back as they are done.
    """
    import ray
    import ray.data

    if not ray.is_initialized():
        ray.init(address=address, logging_level=logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # a line per stage every few seconds otherwise
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    pool = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    dataset = ray.data.from_items(rows)
    summarised = dataset.map_batches(
        SummariseClusters,
        fn_constructor_kwargs={"summariser": summariser, "words": words},
        batch_size=1,
        num_cpus=1,
        compute=ray.data.ActorPoolStrategy(size=min(pool, len(rows))),
    )
    return summarised.iter_rows()


def _kept(
    outcomes: Iterable[dict[str, Any]], failures: list[ReadFailure], report: Callable[[str], None]
) -> Iterator[Summary]:
    """The summaries, with the refused clusters reported and the summaries' notes passed on, as locally."""
    for row in outcomes:
        if row["error"]:
            failure = ReadFailure(row["cluster_id"], row["error"])
            failures.append(failure)
            report(f"skipped {failure.item}: {failure.message}")
            continue
        summary = Summary.from_dict(json.loads(row["summary"]))
        for note in summary.notes:
            report(f"note ({summary.cluster_id}): {note}")
        yield summary


def _write_text(summaries: Iterator[Summary], out: Path | None, fmt: str) -> int:
    """Append each summary as it arrives, flushed, so a killed run keeps every finished cluster."""
    written = 0
    mode = "a" if fmt == "jsonl" else "w"
    with out.open(mode, encoding="utf-8") if out else nullcontext(sys.stdout) as handle:
        for summary in summaries:
            handle.write(render(summary, fmt))
            handle.flush()
            written += 1
    return written


def _write_parquet(summaries: Iterator[Summary], out: Path, done: Collection[str]) -> int:
    """The earlier rows and the new ones written to a temporary file, renamed over ``out`` when complete.

    A Parquet file cannot be appended to; rewriting it whole means an interrupted run leaves the old file intact.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    # The fields a reader of the table filters on, and the whole JSONL record beside them.
    schema = pa.schema(
        [
            ("cluster_id", pa.string()),
            ("summariser", pa.string()),
            ("text", pa.string()),
            ("word_count", pa.int64()),
            ("summary", pa.string()),
        ]
    )
    rows = [
        {
            "cluster_id": summary.cluster_id,
            "summariser": summary.summariser,
            "text": summary.text,
            "word_count": summary.word_count,
            "summary": summary.to_json(),
        }
        for summary in summaries
    ]
    table = pa.Table.from_pylist(rows, schema=schema)
    if done:
        table = pa.concat_tables([pq.read_table(out, schema=schema), table])
    partial = out.with_name(out.name + ".partial")
    pq.write_table(table, partial)
    partial.replace(out)
    return len(rows)
