"""run an evaluation config: leaderboard, coverage matrix, significance tests

Summarise every cluster with every system, judge the summaries against the checklist, score ROUGE
where references exist, and write one run folder. Results are cached by content, so a re-run or an
interrupted run resumes.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", required=True, help="an evaluation config, e.g. eval/configs/seeds.yaml")
    parser.add_argument("--limit", type=int, metavar="N", help="evaluate only the first N clusters")
    parser.add_argument("--output", help="run folder (default: the config's output)")
    parser.add_argument("--systems", nargs="+", metavar="NAME", help="evaluate only these systems of the config")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--engine",
        choices=("local", "ray"),
        default="local",
        help="where to make the summaries not cached yet; ray makes them on a Ray cluster, judges and reports "
        "stay here (default: local)",
    )
    parser.add_argument("--address", metavar="ADDR", help="with --engine ray: the cluster (default: start a local one)")


def run(args: argparse.Namespace) -> int:
    import dataclasses
    import sys
    from pathlib import Path

    from mdsum.evaluation.leaderboard import leaderboard_markdown, write_run_folder
    from mdsum.evaluation.run_config import load_run_config
    from mdsum.evaluation.runner import run_evaluation

    config = load_run_config(args.config)
    if args.output:
        config = dataclasses.replace(config, output=Path(args.output).resolve())
    if args.systems:
        config = config.only(args.systems)
    if args.engine == "ray":
        from mdsum.distributed import summarise_evaluation_on_ray

        made = summarise_evaluation_on_ray(config, args.limit, address=args.address)
        print(f"mdsum: {made} summaries made on Ray", file=sys.stderr)
    result = run_evaluation(config, limit=args.limit, progress=not args.no_progress)
    written = write_run_folder(result)
    print(leaderboard_markdown(result))
    for path in written:
        print(f"wrote {path}")
    if not written:
        print(f"mdsum: no reports, so {config.output} is left as it was", file=sys.stderr)
    return 0 if result.reports else 1
