"""How `mdsum summarise` scales: clusters/s and peak memory with 1 and with every worker, model throughput
per worker, and what that projects for 10^4 model-summarised clusters on k Ray workers (prints a report).

    python benchmarks/scale.py [--clusters 10000] [--summariser lead] [--model abstractive-smollm2] [--model-clusters 3]

The batch is ../shared/data/multinews_test_50.jsonl repeated and shuffled (ids made unique) into a temporary
JSONL, never copied into the repository. Each extractive run is the real command in a subprocess (reading,
summarising, writing); peak memory is the most the whole process tree (the command and its workers) held at once,
sampled every 50 ms. Every timing is printed beside `uptime`'s load average: on a shared box, a load above the
core count means the figures are slowed by others.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from mdsum.parallel import usable_cores

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multinews_test_50.jsonl"
PROJECTED_CLUSTERS = 10_000
RAY_WORKERS = (1, 8, 32, 128)


def load_average() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip().split("load average:")[-1].strip()


def write_batch(path: Path, count: int, seed: int = 0) -> None:
    """``count`` clusters drawn in turn from the shuffled source, each with its own id."""
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            if number % len(records) == 0:
                rng.shuffle(records)
            record = records[number % len(records)]
            handle.write(json.dumps({**record, "id": f"{record['id']}#{number}"}, ensure_ascii=False) + "\n")


def run_batch(batch: Path, out: Path, summariser: str, workers: int) -> tuple[float, float]:
    """Seconds and peak resident MB (the command and all its workers together) of one `mdsum summarise`."""
    command = [sys.executable, "-m", "mdsum", "summarise", str(batch), "-s", summariser, "--workers", str(workers)]
    start = time.perf_counter()
    process = psutil.Popen([*command, "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(member.memory_info().rss for member in tree if member.is_running()))
        except psutil.Error:  # a worker ended between listing and reading it
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"mdsum summarise failed: {process.stderr.read().decode()[-2000:] if process.stderr else ''}")
    return seconds, peak / 1e6


def model_throughput(name: str, count: int) -> tuple[float, float]:
    """Seconds to load the model, and clusters/s of one worker using every core, on ``count`` clusters."""
    from mdsum.llm import load_model
    from mdsum.model import Cluster
    from mdsum.readers import read_inputs
    from mdsum.summarisers import build_summariser

    clusters = [item for item in read_inputs([DATA]).items if isinstance(item, Cluster)][:count]
    summariser = build_summariser(name)
    start = time.perf_counter()
    load_model(summariser.model)  # what each worker does once, timed apart: clusters differ too much to subtract
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for cluster in clusters:
        summariser.summarise(cluster, 200)
    return load_seconds, len(clusters) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=10_000)
    parser.add_argument("--summariser", default="lead", help="the extractive summariser timed at scale")
    parser.add_argument("--model", default="abstractive-smollm2", help="the model summariser timed per worker")
    parser.add_argument("--model-clusters", type=int, default=3)
    args = parser.parse_args()
    cores = usable_cores()
    print(f"{cores} usable cores; {args.clusters} clusters from {DATA.name}; summariser {args.summariser}")
    with tempfile.TemporaryDirectory(prefix="mdsum-scale-") as temporary:
        batch = Path(temporary) / "batch.jsonl"
        write_batch(batch, args.clusters)
        print(f"batch: {batch.stat().st_size / 1e6:.0f} MB of JSONL")
        rates = {}
        for workers in dict.fromkeys((1, cores)):
            seconds, peak_mb = run_batch(batch, Path(temporary) / f"out{workers}.jsonl", args.summariser, workers)
            rates[workers] = args.clusters / seconds
            print(
                f"workers {workers}: {seconds:6.1f} s, {rates[workers]:6.1f} clusters/s, peak {peak_mb:5.0f} MB"
                f"  (load average {load_average()})"
            )
        if cores > 1:
            print(f"speed-up with {cores} workers: {rates[cores] / rates[1]:.2f}x")
    load_seconds, rate = model_throughput(args.model, args.model_clusters)
    print(
        f"{args.model}: load {load_seconds:.1f} s, {rate:.3f} clusters/s per worker ({1 / rate:.1f} s/cluster, "
        f"{cores} threads, {args.model_clusters} clusters)  (load average {load_average()})"
    )
    print(f"projected wall time for {PROJECTED_CLUSTERS} clusters with {args.model}, one worker per {cores}-core node:")
    for workers in RAY_WORKERS:
        hours = (load_seconds + PROJECTED_CLUSTERS / (workers * rate)) / 3600
        print(f"  {workers:4d} Ray workers: {hours:8.2f} h")


if __name__ == "__main__":
    main()
