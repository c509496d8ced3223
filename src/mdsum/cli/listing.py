"""show the configured summarisers and their parameters

Show the summarisers of configs/summarisers.yaml (the default is starred).
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from mdsum.summarisers import SummariserCatalogue

    catalogue = SummariserCatalogue.read()
    for name, entry in sorted(catalogue.entries.items()):
        star = "*" if name == catalogue.default else " "
        params = ", ".join(f"{key}={value}" for key, value in entry.params.items()) or "defaults"
        print(f"{star} {name:<26} {entry.algorithm:<26} {params}")
        if entry.description:
            print(f"  {'':<26} {entry.description}")
    return 0
