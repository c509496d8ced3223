"""`mdsum eval calibrate`: each judge's agreement with the hand labels, and the thresholds to use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "calibrate",
        help="measure each judge against hand-labelled gold summaries (accuracy, precision, recall, kappa)",
        description="Score every gold summary x checklist fact with each judge; print agreement at the "
        "configured threshold and with a threshold fitted leave-one-summary-out; --write records the "
        "fitted thresholds, the agreement and the default judge (best kappa, never below 0.6) in configs/judges.yaml.",
    )
    parser.add_argument("--gold", default=None, help="gold labels (default: eval/gold/seeds.yaml)")
    parser.add_argument("--judges", nargs="+", metavar="NAME", help="judges to calibrate (default: all configured)")
    parser.add_argument("--cache", default="runs/calibration/cache", help="score cache folder (default: %(default)s)")
    parser.add_argument("--write", action="store_true", help="write fitted thresholds and the default to configs/judges.yaml")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from mdsum.evaluation.cache import ResultCache, content_key
    from mdsum.evaluation.calibrate import best_judge, calibrate, calibration_table, score_gold, write_calibration
    from mdsum.evaluation.checklist import eval_dir
    from mdsum.evaluation.gold import read_gold_set
    from mdsum.evaluation.runner import default_judge_note
    from mdsum.judges import MIN_DEFAULT_KAPPA, build_judge, judge_catalogue, judge_names, read_judge_catalogue

    gold_path = Path(args.gold) if args.gold else eval_dir() / "gold" / "seeds.yaml"
    gold_set = read_gold_set(gold_path)
    cache = ResultCache(args.cache)

    def cached_score(judge, summary, fact) -> float:
        scoring = {name: value for name, value in judge.config.items() if name != "threshold"}  # scores ignore it
        key = content_key("score", judge.name, scoring, summary.sentences, fact)
        return cache.get_or_compute("score", key, lambda: judge.match(summary, fact).score)

    calibrations, skipped = [], {}
    for name in args.judges or judge_names():
        judge = build_judge(name)
        reason = judge.unavailable_reason()
        if reason:
            skipped[name] = reason
            continue
        calibrations.append(calibrate(judge, score_gold(judge, gold_set, cached_score)))
    decisions = len(gold_set.summaries) * len(gold_set.checklist.facts)
    print(f"gold: {gold_path} ({len(gold_set.summaries)} summaries x {len(gold_set.checklist.facts)} facts = {decisions} decisions)\n")
    print(calibration_table(calibrations, skipped))
    best = best_judge(calibrations)
    if best is None:
        print(f"!!! none of the judges calibrated here reaches Cohen's kappa {MIN_DEFAULT_KAPPA} (leave-one-summary-out) !!!")
    else:
        print(f"best judge of this run: {best.judge} (LOSO kappa {best.held_out.kappa:.3f}, accuracy {best.held_out.accuracy:.3f}, "
              f"threshold {best.fitted_threshold:.3f})")
    if args.write:
        path = judge_catalogue().path
        shown = gold_path.resolve()
        if shown.is_relative_to(eval_dir().parent):
            shown = shown.relative_to(eval_dir().parent)
        write_calibration(path, calibrations, str(shown))
        print(f"wrote {path}: fitted thresholds and agreement")
    catalogue = read_judge_catalogue(judge_catalogue().path)
    if catalogue.default is None:
        print(f"!!! NO JUDGE REACHES Cohen's kappa {MIN_DEFAULT_KAPPA}: there is no trusted default judge; "
              "coverage figures are indicative only !!!", file=sys.stderr)
    else:
        print(default_judge_note(catalogue))
    return 0
