"""Calibrate the support threshold of `mdsum.alignment.is_supported` on real clusters.

Positives: each reference-summary sentence scored against its own cluster (mostly
supported; Multi-News references also hold facts the truncated articles lack, so some are
not). Negatives: the same sentence scored against the next cluster (unsupported). For each
scoring method the threshold with the best balanced accuracy (Youden's J on the ROC
curve) is printed beside the one in use; copy it into ``SUPPORT_THRESHOLDS``.

    python benchmarks/alignment.py [--data ../shared/data/multinews_test_50.jsonl]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score, roc_curve

from mdsum import alignment
from mdsum.model import Cluster
from mdsum.readers import read_inputs
from mdsum.text import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_test_50.jsonl"


def best_scores(sentences, cluster: Cluster, how: str) -> list[float]:
    return [float(alignment.support_scores(s, cluster, how).max()) for s in sentences]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not args.data.is_file():
        raise SystemExit(f"benchmark data not found: {args.data} (it lives in ../shared/data beside the checkout)")

    clusters = [c for c in read_inputs([args.data]).items if isinstance(c, Cluster) and c.references]
    methods = ["lexical"] + (["hybrid"] if alignment.method() == "hybrid" else [])
    print(f"{len(clusters)} clusters from {args.data.name}; methods: {', '.join(methods)}")
    for how in methods:
        positive, negative = [], []
        for index, cluster in enumerate(clusters):
            sentences = [s for s in split_sentences(cluster.references[0]) if len(s.split()) >= 5]
            positive += best_scores(sentences, cluster, how)
            negative += best_scores(sentences, clusters[(index + 1) % len(clusters)], how)
        labels = np.r_[np.ones(len(positive)), np.zeros(len(negative))]
        scores = np.r_[positive, negative]
        false_pos, true_pos, thresholds = roc_curve(labels, scores)
        best = int(np.argmax(true_pos - false_pos))
        in_use = alignment.SUPPORT_THRESHOLDS[how]
        print(
            f"{how:8s} AUC {roc_auc_score(labels, scores):.3f}  best threshold {thresholds[best]:.3f} "
            f"(TPR {true_pos[best]:.2f}, FPR {false_pos[best]:.2f})  in use {in_use:.2f} "
            f"(TPR {np.mean(np.array(positive) >= in_use):.2f}, FPR {np.mean(np.array(negative) >= in_use):.2f})  "
            f"n={len(positive)}+{len(negative)}"
        )


if __name__ == "__main__":
    main()
