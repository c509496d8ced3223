"""measure each judge against hand-labelled gold summaries (accuracy, precision, recall, kappa)

Score every gold summary x checklist fact with each judge; print agreement at the configured
threshold and with a threshold fitted leave-one-summary-out; --write records the fitted thresholds,
the agreement and the default judge (best kappa, never below 0.6) in configs/judges.yaml.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", default=None, help="gold labels (default: eval/gold/seeds.yaml)")
    parser.add_argument("--judges", nargs="+", metavar="NAME", help="judges to calibrate (default: all configured)")
    parser.add_argument("--cache", default="runs/calibration/cache", help="score cache folder (default: %(default)s)")
    parser.add_argument(
        "--write", action="store_true", help="write fitted thresholds and the default to configs/judges.yaml"
    )


def run(args: argparse.Namespace) -> int:
    from mdsum.evaluation.calibrate import calibration_table, run_calibration
    from mdsum.evaluation.runner import default_judge_note
    from mdsum.judges import MIN_DEFAULT_KAPPA

    result = run_calibration(args.gold, args.judges, args.cache, write=args.write)
    gold = result.gold
    print(
        f"gold: {result.gold_path} ({len(gold.summaries)} summaries x {len(gold.checklist.facts)} facts = "
        f"{result.decisions} decisions)\n"
    )
    print(calibration_table(result.calibrations, result.skipped))
    if result.best is None:
        print(
            f"!!! none of the judges calibrated here reaches Cohen's kappa {MIN_DEFAULT_KAPPA} "
            "(leave-one-summary-out) !!!"
        )
    else:
        best = result.best
        print(
            f"best judge of this run: {best.judge} (LOSO kappa {best.held_out.kappa:.3f}, "
            f"accuracy {best.held_out.accuracy:.3f}, threshold {best.fitted_threshold:.3f})"
        )
    if result.written:
        print(f"wrote {result.catalogue.path}: fitted thresholds and agreement")
    if result.catalogue.default is None:
        print(
            f"!!! NO JUDGE REACHES Cohen's kappa {MIN_DEFAULT_KAPPA}: there is no trusted default judge; "
            "coverage figures are indicative only !!!",
            file=sys.stderr,
        )
    else:
        print(default_judge_note(result.catalogue))
    return 0
