"""measure each judge against hand-labelled gold summaries (kappa, false "covered" on traps, cost)

Score every gold summary x checklist fact with each judge; fit each threshold on the calibration part
of the gold and print, per judge, Cohen's kappa on the calibration and held-out parts, the facts misstated
on purpose (negated, swapped, partial) that it calls covered, and seconds per summary. --fit-ensemble
fits an ensemble's logistic weights on its members' scores first; --write records the fitted thresholds,
the agreement and the default judge (best held-out kappa, never below 0.6) in configs/judges.yaml.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", default=None, help="gold labels (default: eval/gold/seeds.yaml)")
    parser.add_argument("--judges", nargs="+", metavar="NAME", help="judges to calibrate (default: all configured)")
    parser.add_argument("--cache", default="runs/calibration/cache", help="score cache folder (default: %(default)s)")
    parser.add_argument(
        "--fit-ensemble",
        metavar="NAME",
        help="fit the ensemble NAME's logistic weights on the calibration part and write them to configs/judges.yaml",
    )
    parser.add_argument(
        "--write", action="store_true", help="write fitted thresholds and the default to configs/judges.yaml"
    )


def run(args: argparse.Namespace) -> int:
    from mdsum.evaluation.calibrate import calibration_table
    from mdsum.evaluation.calibration_run import run_calibration
    from mdsum.evaluation.runner import default_judge_note
    from mdsum.judges import MIN_DEFAULT_KAPPA

    result = run_calibration(args.gold, args.judges, args.cache, write=args.write, fit=args.fit_ensemble)
    gold = result.gold
    held_out = sum(summary.held_out for summary in gold.summaries)
    print(
        f"gold: {result.gold_path} ({len(gold.summaries)} summaries x {len(gold.checklist.facts)} facts = "
        f"{result.decisions} decisions; {held_out} summaries held out)\n"
    )
    if result.fitted is not None:
        fitted = result.fitted
        weights = ", ".join(f"{member} {weight:+.3f}" for member, weight in fitted.weights.items())
        print(
            f"fitted {args.fit_ensemble}: intercept {fitted.intercept:+.3f}, weights {weights} "
            f"(leave-one-summary-out kappa {fitted.cross_validated.kappa:.3f}, weights refitted for each summary)\n"
        )
    print(calibration_table(result.calibrations, result.skipped))
    if result.best is None:
        print(f"!!! none of the judges calibrated here reaches Cohen's kappa {MIN_DEFAULT_KAPPA} !!!")
    else:
        best, where = result.best, "held-out" if result.best.held_out is not None else "leave-one-summary-out"
        print(
            f"best judge of this run: {best.judge} ({where} kappa {best.trusted.kappa:.3f}, "
            f"accuracy {best.trusted.accuracy:.3f}, threshold {best.fitted_threshold:.3f})"
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
