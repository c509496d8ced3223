"""Load check of the demo's API: many concurrent /summarise calls, errors and latency percentiles.

    python benchmarks/demo_load.py [--calls 50] [--summariser NAME] [--words 200] [--url URL]

Without --url the demo is served in this process on 127.0.0.1 (a free port from 7860).
Every call sends the example cluster (seeds/) at once, so all of them wait in the Gradio
queue together; latency runs from submitting a call to its result, queueing included.
The summariser defaults to the configured default (extractive).
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from gradio_client import Client

from mdsum import demo
from mdsum.demo.app import QUEUE_CONCURRENCY
from mdsum.demo.inputs import load_example
from mdsum.summarisers import SummariserCatalogue


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50, help="concurrent /summarise calls (default: 50)")
    parser.add_argument("--summariser", default="", help="summariser name (default: the configured default)")
    parser.add_argument("--words", type=int, default=200, help="word budget (default: 200)")
    parser.add_argument("--url", help="a running demo to call instead of serving one here")
    return parser.parse_args()


def timed_call(client: Client, texts: list[str], args: argparse.Namespace) -> float:
    """One user's /summarise call: its latency in seconds; raises what the server answered."""
    started = time.perf_counter()
    result = client.predict(texts, args.summariser, args.words, "seeds", api_name="/summarise")
    if not result.get("sentences"):
        raise ValueError("empty summary")
    return time.perf_counter() - started


def run_calls(client: Client, texts: list[str], args: argparse.Namespace) -> tuple[list[float], list[str]]:
    """Every call at once, one thread each; the latencies of those that succeeded and the others' errors."""
    with ThreadPoolExecutor(max_workers=args.calls) as pool:
        futures = [pool.submit(timed_call, client, texts, args) for _ in range(args.calls)]
    latencies, errors = [], []
    for future in futures:
        error = future.exception()
        if error is None:
            latencies.append(future.result())
        else:
            errors.append(f"{type(error).__name__}: {error}")
    return latencies, errors


def main() -> None:
    args = parse_args()
    example = load_example()
    texts = [document.text for document in example.documents]
    app = None
    if args.url:
        url = args.url
    else:
        app = demo.build_app()
        _, url, _ = demo.launch(app, port=None, prevent_thread_lock=True, quiet=True)
    try:
        client = Client(
            url, verbose=False, analytics_enabled=False, max_workers=args.calls
        )  # its default (40) would cap the load
        warm = time.perf_counter()
        client.predict(texts, args.summariser, args.words, "seeds", api_name="/summarise")
        print(f"warm-up call (loads the summariser): {time.perf_counter() - warm:.2f} s")
        wall = time.perf_counter()
        latencies, errors = run_calls(client, texts, args)
        wall = time.perf_counter() - wall
    finally:
        if app is not None:
            app.close()

    name = args.summariser or SummariserCatalogue.read().default
    print(
        f"{args.calls} concurrent /summarise calls, summariser {name}, {args.words} words, "
        f"{len(texts)} articles ({sum(len(text) for text in texts) // 1000} KB) each, "
        f"queue concurrency {QUEUE_CONCURRENCY}"
    )
    print(f"errors: {len(errors)}")
    for message in sorted(set(errors)):
        print(f"  {errors.count(message)} x {message}")
    if latencies:
        p50, p95 = np.percentile(latencies, [50, 95])
        print(f"latency min {min(latencies):.2f} s, p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(latencies):.2f} s")
    print(f"wall {wall:.2f} s, throughput {len(latencies) / wall:.2f} calls/s")


if __name__ == "__main__":
    main()
