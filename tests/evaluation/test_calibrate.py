from __future__ import annotations

import pytest
import yaml
from support import REPO_ROOT

from mdsum.cli import main
from mdsum.errors import ConfigError
from mdsum.evaluation.calibrate import (
    Agreement,
    Calibration,
    Scored,
    agreement,
    best_judge,
    calibrate,
    calibration_table,
    fit_threshold,
    held_out_predictions,
)
from mdsum.evaluation.calibration_run import run_calibration, write_calibration
from mdsum.judges import JudgeCatalogue
from mdsum.judges.lexical import LexicalJudge

GOLD = REPO_ROOT / "eval" / "gold" / "seeds.yaml"


def rows(*summaries):
    """``summaries``: (id, [(score, label), ...]) per gold summary."""
    return [
        Scored(sid, f"F{i:02d}", score, label) for sid, pairs in summaries for i, (score, label) in enumerate(pairs)
    ]


def test_agreement_on_a_known_case():
    found = agreement([True, True, False, False], [True, False, False, False])
    assert (found.accuracy, found.precision, found.recall, found.kappa, found.n) == (0.75, 1.0, 0.5, 0.5, 4)


def test_kappa_is_zero_when_the_judge_never_varies():
    assert agreement([True, False, True], [False, False, False]).kappa == 0.0


def test_fitted_threshold_separates_separable_scores():
    threshold = fit_threshold([0.9, 0.8, 0.2, 0.1], [True, True, False, False])
    assert 0.2 < threshold <= 0.8
    assert agreement([True, True, False, False], [s >= threshold for s in [0.9, 0.8, 0.2, 0.1]]).kappa == 1.0


def test_threshold_can_say_nothing_or_everything_is_covered():
    assert fit_threshold([0.3, 0.6], [True, True]) <= 0.3
    assert fit_threshold([0.3, 0.6], [False, False]) > 0.6


def test_leave_one_summary_out_does_not_see_its_own_labels():
    # In "odd", covered facts score low; a threshold fitted on "a" and "b" gets "odd" wrong.
    data = rows(
        ("a", [(0.9, True), (0.1, False)]),
        ("b", [(0.8, True), (0.15, False)]),
        ("odd", [(0.3, True), (0.1, False)]),
    )
    predictions = held_out_predictions(data)
    assert predictions[:4] == [True, False, True, False]
    assert predictions[4] is False  # in-sample fitting would have called it covered


def test_calibration_reports_configured_and_held_out_agreement():
    data = rows(
        ("a", [(0.9, True), (0.1, False)]), ("b", [(0.8, True), (0.2, False)]), ("c", [(0.7, True), (0.3, False)])
    )
    result = calibrate(LexicalJudge(name="lexical", threshold=0.95), data)
    assert result.configured.kappa == 0.0 and result.configured.recall == 0.0
    assert 0.3 < result.fitted_threshold <= 0.7 and result.cross_validated.kappa == 1.0
    assert result.held_out is None and result.trusted == result.cross_validated  # no held-out part
    assert "| lexical | 0.950 |" in calibration_table([result])


def test_no_default_below_the_kappa_floor():
    weak = calibrate(
        LexicalJudge(name="weak", threshold=0.5),
        rows(("a", [(0.6, False), (0.4, True)]), ("b", [(0.6, True), (0.4, False)])),
    )
    assert weak.trusted.kappa < 0.6 and best_judge([weak]) is None


def test_best_judge_has_the_best_held_out_kappa():
    good = rows(("a", [(0.9, True), (0.1, False)]), ("b", [(0.8, True), (0.2, False)]))
    first = calibrate(LexicalJudge(name="first"), good)
    second = calibrate(
        LexicalJudge(name="second"), rows(("a", [(0.9, True), (0.1, False)]), ("b", [(0.1, True), (0.2, False)]))
    )
    assert best_judge([second, first]).judge == "first"


def measured(judge, kappa, accuracy):
    """A calibration as `calibrate` would report it, with the held-out agreement given."""
    held_out = Agreement(accuracy=accuracy, precision=0.8, recall=0.8, kappa=kappa, n=20)
    return Calibration(judge, 0.5, held_out, 0.5, held_out, held_out, held_out)


@pytest.mark.parametrize("accuracies, best", [((0.9, 0.9), "embedding"), ((0.85, 0.9), "lexical")])
def test_best_judge_and_the_written_default_rank_a_tie_alike(catalogue_copy, accuracies, best):
    """Equal kappa: the better accuracy wins, and on equal accuracy too the name decides, in both places."""
    calibrations = [measured("lexical", 0.7, accuracies[1]), measured("embedding", 0.7, accuracies[0])]
    assert best_judge(calibrations).judge == best
    assert write_calibration(catalogue_copy, calibrations, "g.yaml") == best
    assert JudgeCatalogue.read(catalogue_copy).default == best


@pytest.fixture
def catalogue_copy(tmp_path):
    """An uncalibrated judge catalogue."""
    path = tmp_path / "judges.yaml"
    path.write_text(
        "default: null\njudges:\n  lexical: {kind: lexical, params: {threshold: 0.5}}\n"
        "  embedding: {kind: embedding, params: {threshold: 0.6}}\n"
    )
    return path


def test_write_records_thresholds_agreement_and_default(catalogue_copy):
    good = rows(("a", [(0.9, True), (0.1, False)]), ("b", [(0.8, True), (0.2, False)]))
    result = calibrate(LexicalJudge(name="lexical"), good)
    assert write_calibration(catalogue_copy, [result], "eval/gold/x.yaml") == "lexical"
    catalogue = JudgeCatalogue.read(catalogue_copy)
    entry = catalogue.entries["lexical"]
    assert catalogue.default == "lexical" and entry.kappa == 1.0
    assert entry.params["threshold"] == result.fitted_threshold and entry.calibration["gold"] == "eval/gold/x.yaml"
    assert catalogue_copy.read_text().startswith("# Named judge configurations")


def test_write_without_a_trusted_judge_sets_no_default(catalogue_copy):
    weak = calibrate(
        LexicalJudge(name="lexical"), rows(("a", [(0.6, False), (0.4, True)]), ("b", [(0.6, True), (0.4, False)]))
    )
    assert write_calibration(catalogue_copy, [weak], "g.yaml") is None
    assert JudgeCatalogue.read(catalogue_copy).default is None


def test_default_is_the_best_recorded_kappa_across_runs(catalogue_copy):
    good = rows(("a", [(0.9, True), (0.1, False)]), ("b", [(0.8, True), (0.2, False)]))
    write_calibration(catalogue_copy, [calibrate(LexicalJudge(name="lexical"), good)], "g.yaml")
    weaker = rows(
        ("a", [(0.9, True), (0.1, False)]), ("b", [(0.1, True), (0.2, False)]), ("c", [(0.9, True), (0.1, False)])
    )
    assert write_calibration(catalogue_copy, [calibrate(LexicalJudge(name="embedding"), weaker)], "g.yaml") == "lexical"


def test_catalogue_refuses_a_default_below_the_floor(catalogue_copy):
    data = yaml.safe_load(catalogue_copy.read_text())
    data["default"] = "lexical"
    data["judges"]["lexical"]["calibration"] = {"kappa": 0.55}
    catalogue_copy.write_text(yaml.safe_dump(data))
    with pytest.raises(ConfigError, match=r"kappa 0\.55 < 0\.6"):
        JudgeCatalogue.read(catalogue_copy)


def test_shipped_catalogue_default_is_calibrated():
    catalogue = JudgeCatalogue.read()
    if catalogue.default is not None:
        assert catalogue.entries[catalogue.default].kappa >= 0.6
        assert all(
            (entry.kappa or 0) <= catalogue.entries[catalogue.default].kappa for entry in catalogue.entries.values()
        )


def test_calibration_writes_its_catalogue_and_returns_it_as_written(catalogue_copy, tmp_path):
    catalogue = JudgeCatalogue.read(catalogue_copy)
    result = run_calibration(GOLD, ["lexical"], tmp_path / "cache", write=True, catalogue=catalogue)
    assert result.written and result.decisions == len(result.gold.summaries) * 35
    entry = result.catalogue.entries["lexical"]
    assert entry.params["threshold"] == result.calibrations[0].fitted_threshold
    assert entry.calibration["gold"] == "eval/gold/seeds.yaml"  # recorded relative to the project
    assert result.catalogue.default == (result.best.judge if result.best else None)


def test_cli_calibrates_the_lexical_judge_on_the_gold_labels(tmp_path, capsys):
    assert main(["eval", "calibrate", "--gold", str(GOLD), "--judges", "lexical", "--cache", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "summaries x 35 facts" in out and "| lexical |" in out
    assert "best judge of this run: lexical" in out or "none of the judges calibrated here" in out
    assert f"default judge: {JudgeCatalogue.read().default}" in out  # configs/judges.yaml, as calibrated
