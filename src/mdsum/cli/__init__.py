"""The `mdsum` command: one module per subcommand, each a thin face over the library."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from mdsum.errors import MdsumError

# Each module defines ``add_parser(subparsers)``, which registers its handler as ``run``.
COMMANDS = ("mdsum.cli.summarise", "mdsum.cli.listing", "mdsum.cli.demo")
EVAL_COMMANDS = ("mdsum.cli.eval_validate", "mdsum.cli.eval_run", "mdsum.cli.eval_calibrate")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mdsum", description="Multi-document news summarisation with an evaluation harness."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        importlib.import_module(module).add_parser(subparsers)
    evaluation = subparsers.add_parser("eval", help="evaluate summarisers against checklists and references")
    eval_subparsers = evaluation.add_subparsers(dest="eval_command", required=True, metavar="COMMAND")
    for module in EVAL_COMMANDS:
        importlib.import_module(module).add_parser(eval_subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # mdsum draws its own progress bars; the per-load "Loading weights" bars of transformers are noise.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except MdsumError as error:
        print(f"mdsum: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mdsum: interrupted", file=sys.stderr)
        return 130
