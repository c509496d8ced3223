"""Fit the `learned` summariser's salience model on Multi-News TRAIN clusters and choose its selection settings.

    python benchmarks/fit_salience.py [--data FILE] [--out configs/salience/multinews.json] [--seed 0]

The clusters are shuffled with ``--seed``; the last ``--held-out`` of them are kept out of the
fit and used only to choose ``diversity`` (the `learned` entry of
configs/summarisers.yaml) by summary ROUGE-2, beside sumy's LexRank on the same clusters.
The benchmark test sets are never read here. Writes the model, its ``.sha256``, and prints
what configs/salience/MODEL_CARD.md records. Deterministic for a given seed and data file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import sklearn
from extractive import DATA, evaluate, mdsum_system, sumy_lexrank

from mdsum.errors import InputError
from mdsum.model import Cluster
from mdsum.readers import cluster_from_record
from mdsum.summarisers.salience import write_model
from mdsum.summarisers.salience_fit import BIGRAM_WEIGHT, export_trees, fit_trees, training_rows

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "configs" / "salience" / "multinews.json"
DIVERSITIES = (0.0, 0.3, 0.6, 0.9)  # the MMR penalty's weight


def read_training_clusters(path: Path) -> list[Cluster]:
    """The file's clusters that `mdsum summarise` would accept (a few Multi-News articles are raw HTML)."""
    clusters, refused = [], 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                clusters.append(cluster_from_record(json.loads(line), f"{path.stem}:{number}"))
            except InputError:
                refused += 1
    print(f"{path.name}: {len(clusters)} clusters read, {refused} refused by the reader")
    return clusters


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "multinews_train_2000.jsonl", help="JSONL clusters")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the model file to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--held-out", type=int, default=150, help="clusters kept out of the fit to choose settings")
    parser.add_argument("--bigram-weight", type=float, default=BIGRAM_WEIGHT, help="target: ROUGE-1/2 precision mix")
    parser.add_argument("--iterations", type=int, default=200, help="boosting iterations (trees)")
    parser.add_argument("--min-words", type=int, default=6, help="as the `learned` entry's min_words")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"error: {args.data} not found", file=sys.stderr)
        return 2
    clusters = read_training_clusters(args.data)
    random.Random(args.seed).shuffle(clusters)
    held_out, fitting = clusters[len(clusters) - args.held_out :], clusters[: len(clusters) - args.held_out]
    if not held_out or not fitting:
        print(
            f"error: {len(clusters)} clusters cannot be split into a fit and {args.held_out} held out", file=sys.stderr
        )
        return 2
    features, targets = training_rows(fitting, args.min_words, args.bigram_weight)
    model = fit_trees(features, targets, args.seed, max_iter=args.iterations)
    about = {
        "data": args.data.name,
        "clusters": len(fitting),
        "sentences": len(targets),
        "seed": args.seed,
        "target": f"{1 - args.bigram_weight:g} * ROUGE-1 precision + {args.bigram_weight:g} * ROUGE-2 precision",
        "fitted_with": f"scikit-learn {sklearn.__version__} HistGradientBoostingRegressor {model.get_params()}",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    digest = write_model(args.out, export_trees(model, about))
    print(f"fitted on {len(fitting)} clusters, {len(targets)} sentences; wrote {args.out} (SHA-256 {digest})")
    print(f"training R^2 {model.score(features, targets):.3f}")

    print(f"\nheld out: {len(held_out)} clusters of {args.data.name} (summary ROUGE F1, budget = reference words)")
    print(f"{'system':<44}{'R-1':>7}{'R-2':>7}")
    baseline, _, _ = evaluate(sumy_lexrank(), held_out, repeats=1)
    print(f"{'sumy-lexrank':<44}{baseline['rouge1']:>7.2f}{baseline['rouge2']:>7.2f}")
    results = {}
    for diversity in DIVERSITIES:
        system = mdsum_system("learned", scorer=str(args.out.resolve()), diversity=diversity)
        scores, _, _ = evaluate(system, held_out, repeats=1)
        results[diversity] = scores
        label = f"learned diversity={diversity:g}"
        print(f"{label:<44}{scores['rouge1']:>7.2f}{scores['rouge2']:>7.2f}")
    best = max(results, key=lambda key: (results[key]["rouge2"], results[key]["rouge1"]))
    print(f"\nbest on the held-out clusters: diversity={best:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
