"""summarise one cluster of articles or a batch of clusters

Summarise one cluster (printed) or a batch (JSONL out, resumable with --out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mdsum.formats import FORMATS, output_format
from mdsum.limits import DEFAULT_LIMITS, Limits, applied

INPUTS_HELP = (
    "a folder of .txt articles (one cluster), several .txt files (one cluster), several folders, "
    "a JSONL of clusters, a .json/.parquet dataset file or a datasets save_to_disk folder (a batch)"
)


ALIASES = ("summarize",)
# Per-cluster limits (`mdsum.limits.Limits`): flag, field, type, metavar, what is refused over it.
LIMIT_FLAGS = (
    ("--max-cluster-bytes", "cluster_bytes", int, "BYTES", "a cluster whose articles are bigger in all"),
    ("--max-sentences", "sentences", int, "N", "a cluster with more sentences to score"),
    ("--time-limit", "seconds", float, "SECONDS", "a cluster not summarised within this time"),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=INPUTS_HELP)
    parser.add_argument(
        "--summariser", "-s", metavar="NAME", help="a name from `mdsum list` (default: the configured default)"
    )
    parser.add_argument("--words", "-w", type=int, default=200, help="word budget per summary (default: 200)")
    parser.add_argument(
        "--format",
        "-f",
        choices=(*FORMATS, "parquet"),
        help="default: what --out's suffix says (.txt .json .jsonl .md .parquet), else text for one cluster, "
        "jsonl for a batch; parquet with --engine ray",
    )
    parser.add_argument(
        "--out",
        "-o",
        type=Path,
        metavar="FILE",
        help="write here; a JSONL file is resumed (ids already in it are skipped), another is replaced when done",
    )
    parser.add_argument(
        "--engine", choices=("local", "ray"), default="local", help="where to summarise a batch (default: local)"
    )
    parser.add_argument("--address", metavar="ADDR", help="with --engine ray: the cluster (default: start a local one)")
    for flag, field, kind, metavar, refused in LIMIT_FLAGS:
        default = getattr(DEFAULT_LIMITS, field)
        parser.add_argument(
            flag, dest=field, type=kind, metavar=metavar, default=default, help=f"refuse {refused} (default: {default})"
        )
    parser.add_argument(
        "--workers",
        "-j",
        type=int,
        metavar="N",
        help="worker processes for a batch, each with its own summariser (default: the usable cores)",
    )


def run(args: argparse.Namespace) -> int:
    from mdsum.errors import InputError

    if args.words <= 0:
        raise InputError(f"--words must be a positive integer, got {args.words}")
    if args.workers is not None and args.workers <= 0:
        raise InputError(f"--workers must be a positive integer, got {args.workers}")
    limits = {field: getattr(args, field) for _, field, *_ in LIMIT_FLAGS}
    for flag, field, *_ in LIMIT_FLAGS:
        if not limits[field] > 0:
            raise InputError(f"{flag} must be positive, got {limits[field]:g}")
    with applied(Limits(**limits)):
        return _summarise(args)


def _summarise(args: argparse.Namespace) -> int:
    from functools import partial

    from tqdm import tqdm

    from mdsum.batch import open_output, summarise_batch
    from mdsum.errors import InputError
    from mdsum.parallel import usable_cores
    from mdsum.readers import read_inputs
    from mdsum.summarisers import build_summariser

    build = partial(build_summariser, args.summariser)
    build()  # an unknown name or a bad config fails before any input is read or output touched
    batch = read_inputs(args.paths)
    # Worker processes pay off only for a batch; never more of them than there are clusters.
    workers = min(args.workers or usable_cores(), batch.total or sys.maxsize) if batch.is_batch else 1
    fmt = output_format(args.format, args.out, batch.is_batch)

    def report(message: str) -> None:
        tqdm.write(f"mdsum: {message}", file=sys.stderr)

    if args.engine == "ray":
        from mdsum.distributed import summarise_on_ray

        result = summarise_on_ray(
            batch.items, args.summariser, args.words, args.out, fmt, address=args.address, report=report
        )
    else:
        if fmt == "parquet":
            raise InputError("--format parquet needs --engine ray")
        with open_output(args.out, fmt) as (out, done):
            if done:
                print(f"mdsum: resuming {args.out}: {len(done)} clusters already there", file=sys.stderr)
            result = summarise_batch(
                batch.entries,
                build,
                args.words,
                out,
                fmt,
                workers=workers,
                done=done,
                total=batch.total,
                report=report,
                fail_fast=not batch.is_batch,  # one cluster: its failure is the command's one error line
            )
    if not batch.is_batch:
        return 0
    print(
        f"mdsum: {result.written} written, {len(result.failures)} skipped, {result.already_done} already done",
        file=sys.stderr,
    )
    return 1 if result.failures else 0
