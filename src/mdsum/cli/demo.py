"""serve the web demo and its API (/summarise, /evaluate)

Serve the Gradio demo: paste or upload articles, compare summarisers, call it as an API.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1; 0.0.0.0 for all)"
    )
    parser.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    parser.add_argument("--share", action="store_true", help="also open a public gradio.live link (needs the internet)")


def run(args: argparse.Namespace) -> int:
    from mdsum.demo import launch

    launch(host=args.host, port=args.port, share=args.share)
    return 0
