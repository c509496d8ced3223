"""check checklist and gold-label YAML files

Check key-fact checklists (eval/checklists/*.yaml) and gold labels (eval/gold/*.yaml). Prints 'FILE:
..., valid' or each problem as 'FILE:LINE: message'; exits 1 when any file is invalid.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument(
        "--cluster",
        type=Path,
        metavar="PATH",
        help="folder of the cluster's documents, or a data file (.jsonl) holding the cluster by id, to check "
        "checklist sources against (default: the folder named by the checklist's 'cluster' beside eval/, "
        "else the file in eval/data/ that holds it)",
    )


def run(args: argparse.Namespace) -> int:
    results = [_check(path, args.cluster) for path in args.files]
    for lines, _ in results:
        print("\n".join(lines))
    return 0 if all(valid for _, valid in results) else 1


def _check(path: Path, cluster: Path | None) -> tuple[list[str], bool]:
    """The lines to print for one file, and whether it is valid (warnings do not make it invalid)."""
    from mdsum.errors import ConfigError
    from mdsum.evaluation.checklist import review_checklist
    from mdsum.evaluation.gold import review_gold
    from mdsum.located import load_located

    try:
        data = load_located(path).data
    except ConfigError as error:
        return [str(error)], False
    if isinstance(data, dict) and "summaries" in data:
        gold_review = review_gold(path)
        if gold_review.gold is None:
            return list(gold_review.errors), False
        gold = gold_review.gold
        return [f"{path}: {len(gold.summaries)} summaries x {len(gold.checklist.facts)} facts labelled, valid"], True
    review = review_checklist(path, cluster)
    if review.checklist is None:
        return [*review.errors, *review.warnings], False
    return [*review.warnings, f"{path}: {len(review.checklist.facts)} facts, valid"], True
