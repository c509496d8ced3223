"""Calibrate the entailment threshold (`mdsum.entailment.CALIBRATED_THRESHOLDS`) on hand labels.

Scores every pair of ``eval/gold/entailment.yaml`` with each model, picks the threshold with the
best accuracy on the calibration pairs (ties: the one nearest 0.5) and reports accuracy at it on the
calibration and the held-out pairs, the pairs it gets wrong, and seconds per pair. Copy the
threshold into ``CALIBRATED_THRESHOLDS``.

    python benchmarks/entailment.py [--model qwen2.5-coder-0.5b-instruct ...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import yaml

from mdsum.entailment import EntailmentScorer

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "entailment.yaml"
HELD_OUT = "held-out"


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The accuracy-maximising cut among the midpoints between sorted scores (ties: nearest 0.5)."""
    values = np.unique(np.concatenate([scores, [0.0, 1.0]]))
    cuts = np.concatenate([(values[:-1] + values[1:]) / 2, [0.5]])
    accuracy = np.array([np.mean((scores >= cut) == labels) for cut in cuts])
    best = cuts[accuracy == accuracy.max()]
    return float(best[np.argmin(np.abs(best - 0.5))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", help="chat model (registry name or directory); repeatable")
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    pairs = yaml.safe_load(args.gold.read_text(encoding="utf-8"))["pairs"]
    labels = np.array([pair["entailed"] for pair in pairs])
    held_out = np.array([pair.get("part") == HELD_OUT for pair in pairs])
    for model in args.model or ["qwen2.5-coder-0.5b-instruct"]:
        scorer = EntailmentScorer(model)
        reason = scorer.unavailable_reason()
        if reason:
            print(f"{model}: skipped: {reason}")
            continue
        scorer.score(["Warm-up."], "Warm-up.")  # loading the model is not scoring
        start = time.perf_counter()
        scores = np.array([scorer.score(pair["premise"], pair["claim"]) for pair in pairs])
        seconds = (time.perf_counter() - start) / len(pairs)
        threshold = best_threshold(scores[~held_out], labels[~held_out])
        predicted = scores >= threshold
        print(f"{model}: threshold {threshold:.3f}, {seconds:.2f} s per pair")
        for name, part in (("calibration", ~held_out), ("held-out", held_out)):
            accuracy = np.mean(predicted[part] == labels[part])
            print(f"  {name}: accuracy {accuracy:.3f} on {int(part.sum())} pairs")
        for pair, score, guess in zip(pairs, scores, predicted, strict=True):
            mark = "  " if guess == pair["entailed"] else "✗ "
            print(f"  {mark}{pair['id']} {pair['kind']:<12} label {pair['entailed']!s:<5} P(Yes) {score:.3f}")


if __name__ == "__main__":
    main()
