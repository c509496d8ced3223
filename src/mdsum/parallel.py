"""Summarise a stream of clusters on every core, in input order, with bounded memory.

Each worker process builds its summariser once (a model is loaded at most once per worker) and
gets an equal share of the cores for its math libraries, so N workers never run N x cores threads.
Clusters go to the workers in chunks: a task costs the parent about half a millisecond (pickling,
queues, waking threads), as much as a whole extractive summary, and the parent's share of a core is
the workers' loss. A chunk is sized from how long the last one took, so that it takes about
`CHUNK_SECONDS` (a model summariser's clusters go one at a time). At most
``IN_FLIGHT_PER_WORKER x workers`` chunks of at most `MAX_CHUNK` clusters are read ahead of the one
being written, so memory follows the number of workers, not the size of the batch. A data file's
rows travel to the workers unread: cleaning and splitting a cluster's articles costs more than an
extractive summary, so done in the parent it would leave the workers waiting.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext

from mdsum.errors import InputError
from mdsum.limits import Limits, applied, current
from mdsum.model import Cluster, Summary
from mdsum.readers import Entry, ReadFailure, UnreadRecord
from mdsum.summarisers.base import Summariser

# Two chunks per worker keep every worker busy while the oldest result is being written.
IN_FLIGHT_PER_WORKER = 2
CHUNK_SECONDS = 0.05
MAX_CHUNK = 16
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")

SummariserFactory = Callable[[], Summariser]
Outcome = Summary | ReadFailure

_worker_summariser: Summariser | None = None


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, which a container or ``taskset`` narrows)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def summarise_one(summariser: Summariser, cluster: Cluster, words: int) -> Outcome:
    """The summary, or the summariser's refusal of this cluster as a failure naming it."""
    try:
        return summariser.summarise(cluster, words)
    except InputError as error:
        return ReadFailure(cluster.id, str(error))


def _start_worker(build: SummariserFactory, threads: int) -> None:
    """Runs once in each worker: cap the math libraries' threads before any loads, then build."""
    global _worker_summariser
    for variable in THREAD_VARIABLES:
        os.environ[variable] = str(threads)
    if "torch" in sys.modules:  # imported before the cap (a preloaded parent): set it directly
        sys.modules["torch"].set_num_threads(threads)
    _worker_summariser = build()


def read_and_summarise(summariser: Summariser, entry: Cluster | UnreadRecord, words: int) -> Outcome:
    """The entry's summary, or why it could not be read or was refused."""
    cluster = entry.read() if isinstance(entry, UnreadRecord) else entry
    return cluster if isinstance(cluster, ReadFailure) else summarise_one(summariser, cluster, words)


def _summarise_in_worker(entries: list[Entry], words: int, limits: Limits) -> tuple[list[Outcome], float]:
    """A chunk's outcomes under the caller's limits (a worker starts with the defaults), and the seconds they
    took. Summaries travel back pickled (mdsum.model registers its frozen mappings), not rebuilt from dicts
    in the parent."""
    assert _worker_summariser is not None, "worker started without its summariser"
    start = time.perf_counter()
    with applied(limits):
        outcomes = [
            entry if isinstance(entry, ReadFailure) else read_and_summarise(_worker_summariser, entry, words)
            for entry in entries
        ]
    return outcomes, time.perf_counter() - start


def _worker_context(summariser: Summariser) -> BaseContext:
    """forkserver where there is one: workers fork from a clean, single-threaded server that has already
    imported the summariser's module (numpy, scikit-learn, ...), so each starts in a fraction of a second."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([type(summariser).__module__])
    return context


def summarise_stream(
    items: Iterable[Entry], build: SummariserFactory, words: int, workers: int = 1
) -> Iterator[Outcome]:
    """One outcome per item, in input order: its summary, or a failure (passed through, unreadable or a refusal).

    ``build`` makes the summariser; with several workers it must pickle (a module-level function or
    a `functools.partial` of one), and each worker calls it once.
    """
    if workers < 1:
        raise InputError(f"--workers must be a positive integer, got {workers}")
    summariser = build()  # here first, so a bad name or config fails as itself, not as a broken pool
    if workers == 1:
        for item in items:
            yield item if isinstance(item, ReadFailure) else read_and_summarise(summariser, item, words)
        return
    threads = max(1, usable_cores() // workers)
    limits = current()  # the caller's, which the workers would not see
    executor = ProcessPoolExecutor(
        workers,
        mp_context=_worker_context(summariser),
        initializer=_start_worker,
        initargs=(build, threads),
    )
    pending: deque[Future[tuple[list[Outcome], float]]] = deque()
    chunk: list[Entry] = []
    chunk_size = 1
    try:
        for item in items:
            chunk.append(item)
            if len(chunk) < chunk_size:
                continue
            pending.append(executor.submit(_summarise_in_worker, chunk, words, limits))
            chunk = []
            while len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                outcomes, seconds = pending.popleft().result()
                chunk_size = max(1, min(MAX_CHUNK, int(CHUNK_SECONDS * len(outcomes) / max(seconds, 1e-6))))
                yield from outcomes
        if chunk:
            pending.append(executor.submit(_summarise_in_worker, chunk, words, limits))
        while pending:
            yield from pending.popleft().result()[0]
    finally:
        # Normal end: nothing is left. Early end (an error, Ctrl-C, the caller stopped): drop the rest.
        executor.shutdown(wait=not pending, cancel_futures=True)
