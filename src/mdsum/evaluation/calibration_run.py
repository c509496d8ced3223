"""`mdsum eval calibrate`: score the gold with every judge, fit and measure, record it in the judge catalogue.

Scores are cached by content with the seconds they took, so a second run is instant and still
reports what each judge costs per summary.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mdsum.errors import ConfigError
from mdsum.evaluation.cache import ResultCache, content_key
from mdsum.evaluation.calibrate import Calibration, Scored, best_judge, calibrate, trusted_best
from mdsum.evaluation.ensemble_fit import FittedEnsemble, fit_ensemble
from mdsum.evaluation.gold import GoldSet, read_gold_set
from mdsum.judges import JudgeCatalogue, build_judge
from mdsum.judges.base import Judge
from mdsum.located import load_located
from mdsum.model import Fact, Summary, SummarySentence
from mdsum.resources import shipped_path

Scorer = Callable[[Judge, Summary, Fact], tuple[float, float]]  # (score, seconds it took)


def gold_summary(summary_id: str, cluster_id: str, text: str, split: Callable[[str], Sequence[str]]) -> Summary:
    """A hand-written gold text as a `Summary`, split into sentences as the summarisers' are."""
    return Summary(
        cluster_id, tuple(SummarySentence(sentence) for sentence in split(text)), summariser=f"gold:{summary_id}"
    )


def timed_score(judge: Judge, summary: Summary, fact: Fact) -> tuple[float, float]:
    started = time.perf_counter()
    score = judge.match(summary, fact).score
    return score, time.perf_counter() - started


def score_gold(judge: Judge, gold_set: GoldSet, score: Scorer = timed_score) -> list[Scored]:
    """The judge's score for every (gold summary, checklist fact) with the person's label."""
    from mdsum.text.split import split_sentences

    rows = []
    for gold in gold_set.summaries:
        summary = gold_summary(gold.id, gold_set.cluster, gold.text, split_sentences)
        for fact in gold_set.checklist.facts:
            value, seconds = score(judge, summary, fact)
            label = bool(gold.labels[fact.id])
            rows.append(Scored(gold.id, fact.id, value, label, gold.held_out, gold.traps.get(fact.id), seconds))
    return rows


_CATALOGUE_HEADER = """\
# Named judge configurations: `judges:` in eval/configs/*.yaml, `mdsum eval calibrate`.
# Each entry picks a kind (src/mdsum/judges/<kind>.py) and sets its parameters; thresholds and
# `calibration` are written by `mdsum eval calibrate --write` (threshold maximising Cohen's kappa on the
# calibration part of the gold; the agreement recorded is on its held-out part, which no fit sees, or
# leave-one-summary-out when the gold has none), an ensemble's logistic weights by `--fit-ensemble NAME`.
# The default is the judge with the best kappa, and never one below 0.6 (then `default: null`).
"""


def _rewrite_catalogue(path: str | Path, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    import yaml

    data = load_located(path).data
    change(data)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(_CATALOGUE_HEADER + text)
    return data


def write_calibration(path: str | Path, calibrations: Sequence[Calibration], gold: str) -> str | None:
    """Record fitted thresholds and agreement in the judge catalogue file, and make the judge with the
    best recorded kappa (this run's or an earlier one's) the default, if it reaches MIN_DEFAULT_KAPPA.

    Returns the default judge's name (None when no judge is trusted).
    """

    def record(data: dict[str, Any]) -> None:
        for calibration in calibrations:
            entry = data["judges"][calibration.judge]
            entry["params"] = {**(entry.get("params") or {}), "threshold": calibration.fitted_threshold}
            entry["calibration"] = calibration.as_config(gold)
        recorded = {name: entry.get("calibration") or {} for name, entry in data["judges"].items()}
        data["default"] = trusted_best(
            {
                name: (float(found["kappa"]), float(found.get("accuracy", 0.0)))
                for name, found in recorded.items()
                if found.get("kappa") is not None
            }
        )

    return _rewrite_catalogue(path, record)["default"]


def write_ensemble(path: str | Path, name: str, fitted: FittedEnsemble) -> None:
    """Set the ensemble ``name``'s logistic weights and intercept in the judge catalogue file."""

    def record(data: dict[str, Any]) -> None:
        entry = data["judges"][name]
        entry["description"] = "Logistic regression over the members' scores (mdsum eval calibrate --fit-ensemble)."
        entry["params"] = {**(entry.get("params") or {}), **fitted.params()}

    _rewrite_catalogue(path, record)


@dataclass(frozen=True)
class CalibrationRun:
    """What `run_calibration` measured, and the judge catalogue as it stands afterwards."""

    gold_path: Path
    gold: GoldSet
    calibrations: tuple[Calibration, ...]
    skipped: Mapping[str, str]  # judge -> why it cannot run here
    best: Calibration | None  # of this run, if trusted
    catalogue: JudgeCatalogue  # re-read from its file when this run wrote it
    written: bool
    fitted: FittedEnsemble | None = None  # the ensemble fitted by this run

    @property
    def decisions(self) -> int:
        return len(self.gold.summaries) * len(self.gold.checklist.facts)


def run_calibration(
    gold_path: str | Path | None = None,
    judges: Sequence[str] | None = None,
    cache_dir: str | Path = "runs/calibration/cache",
    write: bool = False,
    catalogue: JudgeCatalogue | None = None,
    fit: str | None = None,
) -> CalibrationRun:
    """Calibrate ``judges`` (default: every one of ``catalogue``, itself by default the shipped file) on a gold
    set (default: ``eval/gold/seeds.yaml``), scores cached by content; ``fit`` names an ensemble whose logistic
    weights are first fitted on its members' scores and written; ``write`` records the fitted thresholds, the
    agreement and the default judge in the catalogue's file."""
    gold_path = Path(gold_path) if gold_path else shipped_path("eval", "gold", "seeds.yaml")
    gold_set = read_gold_set(gold_path)
    catalogue = catalogue if catalogue is not None else JudgeCatalogue.read()
    if (write or fit) and catalogue.path is None:
        raise ValueError("a judge catalogue built in code has no file to write the calibration to")
    cache = ResultCache(cache_dir)

    def cached_score(judge: Judge, summary: Summary, fact: Fact) -> tuple[float, float]:
        scoring = {name: value for name, value in judge.config.items() if name != "threshold"}  # scores ignore it
        key = content_key("timed score", judge.name, scoring, summary.sentences, fact)
        return tuple(cache.get_or_compute("timed-score", key, lambda: timed_score(judge, summary, fact)))

    fitted = None
    if fit:
        scores = {member.name: score_gold(member, gold_set, cached_score) for member in _members(fit, catalogue)}
        fitted = fit_ensemble({member: [row for row in rows if not row.held_out] for member, rows in scores.items()})
        write_ensemble(catalogue.path, fit, fitted)  # type: ignore[arg-type]
        catalogue = JudgeCatalogue.read(catalogue.path)

    calibrations, skipped = [], {}
    for name in judges or catalogue.names():
        judge = build_judge(name, catalogue)
        reason = judge.unavailable_reason()
        if reason:
            skipped[name] = reason
        else:
            calibrations.append(calibrate(judge, score_gold(judge, gold_set, cached_score)))
    if write:
        write_calibration(catalogue.path, calibrations, _as_recorded(gold_path))  # type: ignore[arg-type]
        catalogue = JudgeCatalogue.read(catalogue.path)
    best = best_judge(calibrations)
    return CalibrationRun(gold_path, gold_set, tuple(calibrations), skipped, best, catalogue, write, fitted)


def _members(ensemble: str, catalogue: JudgeCatalogue) -> list[Judge]:
    """The judges an ensemble combines, all of which must run here for its weights to be fitted."""
    names = build_judge(ensemble, catalogue).config.get("members")
    if not names:
        raise ConfigError(f"judge '{ensemble}' is not an ensemble: it has no members whose weights to fit")
    members = [build_judge(name, catalogue) for name in names]
    for member in members:
        reason = member.unavailable_reason()
        if reason:
            raise ConfigError(f"cannot fit '{ensemble}': member '{member.name}' is unavailable: {reason}")
    return members


def _as_recorded(gold_path: Path) -> str:
    """The gold file as judges.yaml records it: relative to the project (``eval/gold/seeds.yaml``) when inside it."""
    project = shipped_path("eval").parent
    resolved = gold_path.resolve()
    return str(resolved.relative_to(project) if resolved.is_relative_to(project) else resolved)
