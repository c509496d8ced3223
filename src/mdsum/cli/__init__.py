"""The `mdsum` command: one module per subcommand, each a thin face over the library."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from mdsum.errors import MdsumError

# Subcommand -> its module. A module's docstring is the command's help (first line) and description
# (the rest); it may define ``ALIASES`` and ``add_arguments(parser)``, and it defines ``run(args)``.
COMMANDS = {"summarise": "mdsum.cli.summarise", "list": "mdsum.cli.listing", "demo": "mdsum.cli.demo"}
EVAL_COMMANDS = {
    "validate": "mdsum.cli.eval_validate",
    "run": "mdsum.cli.eval_run",
    "calibrate": "mdsum.cli.eval_calibrate",
}


def _register(subparsers: argparse._SubParsersAction, name: str, module_name: str) -> None:
    module = importlib.import_module(module_name)
    help_line, _, description = (module.__doc__ or "").strip().partition("\n\n")
    parser = subparsers.add_parser(
        name, aliases=getattr(module, "ALIASES", ()), help=help_line, description=description or help_line
    )
    if hasattr(module, "add_arguments"):
        module.add_arguments(parser)
    parser.set_defaults(run=module.run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mdsum", description="Multi-document news summarisation with an evaluation harness."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        _register(subparsers, name, module)
    evaluation = subparsers.add_parser("eval", help="evaluate summarisers against checklists and references")
    eval_subparsers = evaluation.add_subparsers(dest="eval_command", required=True, metavar="COMMAND")
    for name, module in EVAL_COMMANDS.items():
        _register(eval_subparsers, name, module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # mdsum draws its own progress bars; the per-load "Loading weights" bars of transformers are noise.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    # Ctrl-C stops a run even when the shell that started it in the background set SIGINT to be ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    args = build_parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except MdsumError as error:
        print(f"mdsum: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mdsum: interrupted", file=sys.stderr)
        return 130
