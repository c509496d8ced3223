"""Summarise on a Ray cluster: Ray Data streams the clusters through a pool of actors, each with its summarisers.

The driver reads the inputs as the local engine does, skips the ids already written, and writes the results back
in input order, so a Ray run writes the same bytes as a local one and resumes the same way. Only the summarising
is spread: each actor builds its summarisers once, so a model is loaded once per actor, not once per cluster.
An evaluation run spreads the same way: the summaries it has not cached are made on Ray and cached, and the run
then judges and reports here, as a local run does.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import nullcontext
from itertools import islice
from pathlib import Path
from typing import Any

from mdsum.batch import BatchResult, empty_as_failure, resume_jsonl
from mdsum.errors import InputError
from mdsum.evaluation.run_config import RunConfig
from mdsum.evaluation.runner import Evaluator, JudgePanel, check_limit, word_budget
from mdsum.formats import render
from mdsum.limits import Limits, applied, current
from mdsum.model import Cluster, Summary
from mdsum.readers import ReadFailure, read_inputs
from mdsum.summarisers import build_summariser

# A row for the actors: ``id`` (returned with the result), the ``system`` to summarise with, its ``words`` budget
# and the ``cluster`` as its JSON record. ``summarise_on_ray`` has one system, named after this.
ONLY_SYSTEM = "summariser"
# system name -> (summariser name, parameter overrides), as `build_summariser` takes them
Systems = Mapping[str, tuple[str | None, Mapping[str, Any]]]


class SummariseClusters:
    """A Ray actor's work: its summarisers are built when the actor starts and reused for every batch."""

    def __init__(self, systems: Systems, limits: Limits) -> None:
        self.summarisers = {
            name: build_summariser(summariser, **params) for name, (summariser, params) in systems.items()
        }
        self.limits = limits  # the driver's: an actor's process starts with the defaults

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        """Each row's summary as its JSON record, or why the summariser refused it ("" for the other)."""
        summaries, errors = [], []
        for system, words, record in zip(batch["system"], batch["words"], batch["cluster"], strict=True):
            try:
                with applied(self.limits):
                    cluster = Cluster.from_dict(json.loads(record))
                    summary = self.summarisers[str(system)].summarise(cluster, int(words))
            except InputError as error:
                summaries.append("")
                errors.append(str(error))
            else:
                summaries.append(summary.to_json())
                errors.append("")
        return {"id": list(batch["id"]), "summary": summaries, "error": errors}


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
            rows.append({"id": item.id, "system": ONLY_SYSTEM, "words": words, "cluster": item.to_json()})
    systems: Systems = {ONLY_SYSTEM: (summariser, {})}
    outcomes = _summarise(rows, systems, address, actors) if rows else ()
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


def summarise_evaluation_on_ray(
    config: RunConfig, limit: int | None = None, *, address: str | None = None, actors: int | None = None
) -> int:
    """Make on Ray the summaries an evaluation run of ``config`` (of its first ``limit`` clusters) has not cached,
    and cache them where the run looks for them; returns how many were made.

    Every other step (a refusal, a cluster without a budget, judging, the reports) is left to the run that follows:
    it finds these summaries cached, so its reports are the ones a local run writes.
    """
    check_limit(limit)
    evaluator = Evaluator(config, panel=JudgePanel((), (), ()))  # summaries only: no judge is built
    available = [spec for spec in config.systems if spec.name not in evaluator.unavailable]  # the run says why
    rows, keys = [], set()
    for cluster in islice(read_inputs(list(config.clusters)).items, limit):
        if not isinstance(cluster, Cluster):
            continue
        try:
            words = word_budget(config.words, cluster)
        except InputError:
            continue
        for system in available:
            key = evaluator.summary_key(system, cluster, words)
            if key not in keys and evaluator.cache.get("summary", key) is None:
                keys.add(key)
                rows.append({"id": key, "system": system.name, "words": words, "cluster": cluster.to_json()})
    systems = {spec.name: (spec.summariser, dict(spec.params)) for spec in available}
    made = 0
    for row in _summarise(rows, systems, address, actors) if rows else ():
        if not row["error"]:
            evaluator.cache.put("summary", row["id"], json.loads(row["summary"]))
            made += 1
    return made


def _summarise(
    rows: list[dict[str, Any]], systems: Systems, address: str | None, actors: int | None
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
        fn_constructor_kwargs={"systems": systems, "limits": current()},
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
        outcome: Summary | ReadFailure
        if row["error"]:
            outcome = ReadFailure(row["id"], row["error"])
        else:
            outcome = Summary.from_dict(json.loads(row["summary"]))
            outcome = empty_as_failure(outcome) or outcome
        if isinstance(outcome, ReadFailure):
            failures.append(outcome)
            report(f"skipped {outcome.item}: {outcome.message}")
            continue
        for note in outcome.notes:
            report(f"note ({outcome.cluster_id}): {note}")
        yield outcome


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
