"""Calibration on a gold set with a held-out part and traps: what is fitted where, and what the table shows."""

from __future__ import annotations

import pytest

from mdsum.cli import main
from mdsum.errors import ConfigError
from mdsum.evaluation.calibrate import Scored, calibrate, calibration_table
from mdsum.evaluation.calibration_run import run_calibration
from mdsum.judges import JudgeCatalogue
from mdsum.judges.lexical import LexicalJudge

CHECKLIST = """\
cluster: demo
event: "A storm closed the port of Dover"
facts:
  - id: F01
    statement: "The harbour master closed the port."
    sources: [a]
    weight: 1
    category: event
    later: false
    forms: {names: [["port"]], numbers: [], dates: [], negated: false, actor: ["harbour master"]}
  - id: F02
    statement: "About 1,200 lorries were stranded."
    sources: [a]
    weight: 1
    category: context
    later: false
    forms: {names: [["lorries"]], numbers: ["1,200"], dates: [], negated: false}
  - id: F03
    statement: "Ferries and trains were cancelled."
    sources: [a]
    weight: 1
    category: context
    later: false
    forms: {names: [["ferries"], ["trains"]], numbers: [], dates: [], negated: false}
"""


def gold_summary(summary_id, text, labels, held_out=False, traps=None):
    lines = [
        f"  - id: {summary_id}",
        f'    description: "{summary_id}"',
        f'    text: "{text}"',
        "    labels: {" + ", ".join(f"{fact}: {str(label).lower()}" for fact, label in labels.items()) + "}",
    ]
    if held_out:
        lines.append("    held_out: true")
    if traps:
        lines.append("    traps: {" + ", ".join(f"{fact}: {kind}" for fact, kind in traps.items()) + "}")
    return "\n".join(lines)


SUMMARIES = [
    gold_summary(
        "careful",
        "The harbour master closed the port. About 1,200 lorries were stranded. Ferries and trains were cancelled.",
        {"F01": True, "F02": True, "F03": True},
    ),
    gold_summary("empty-ish", "It rained in Kent.", {"F01": False, "F02": False, "F03": False}),
    gold_summary(
        "one-fact", "It rained. Ferries and trains were cancelled.", {"F01": False, "F02": False, "F03": True}
    ),
    gold_summary(
        "traps",
        "The harbour master did not close the port. About 300 lorries were stranded. Ferries were cancelled.",
        {"F01": False, "F02": False, "F03": False},
        traps={"F01": "negated", "F02": "swapped", "F03": "partial"},
    ),
    gold_summary(
        "held-out-careful",
        "The port was closed by the harbour master; 1,200 lorries were stranded, and ferries and trains cancelled.",
        {"F01": True, "F02": True, "F03": True},
        held_out=True,
    ),
    gold_summary(
        "held-out-traps",
        "Mayor Smith closed the port. About 1,200 lorries were stranded. Ferries were cancelled.",
        {"F01": False, "F02": True, "F03": False},
        held_out=True,
        traps={"F01": "swapped", "F03": "partial"},
    ),
]


@pytest.fixture
def gold(tmp_path):
    """A project root with a three-fact checklist and a gold file of six summaries, two held out."""
    (tmp_path / "eval" / "checklists").mkdir(parents=True)
    (tmp_path / "eval" / "gold").mkdir()
    (tmp_path / "eval" / "checklists" / "demo.yaml").write_text(CHECKLIST)
    path = tmp_path / "eval" / "gold" / "demo.yaml"
    path.write_text("cluster: demo\nchecklist: eval/checklists/demo.yaml\nsummaries:\n" + "\n".join(SUMMARIES) + "\n")
    return path


@pytest.fixture
def catalogue(tmp_path):
    path = tmp_path / "judges.yaml"
    path.write_text("default: null\njudges:\n  lexical: {kind: lexical, params: {threshold: 0.5}}\n")
    return JudgeCatalogue.read(path)


def test_the_threshold_is_fitted_on_the_calibration_part_only():
    # The held-out summary would pull the threshold below 0.3; the calibration part puts it above 0.4.
    rows = [
        Scored("a", "F01", 0.9, True),
        Scored("a", "F02", 0.4, False),
        Scored("b", "F01", 0.8, True),
        Scored("b", "F02", 0.35, False),
        Scored("h", "F01", 0.3, True, held_out=True),
        Scored("h", "F02", 0.1, False, held_out=True),
    ]
    found = calibrate(LexicalJudge(name="lexical", threshold=0.5), rows)
    assert 0.4 < found.fitted_threshold <= 0.8 and found.configured.n == 4
    assert found.held_out is not None and found.held_out.n == 2 and found.held_out.recall == 0.0
    assert found.trusted == found.held_out  # the held-out part ranks the judges


def test_false_covered_counts_traps_by_kind():
    rows = [
        Scored("a", "F01", 0.9, False, trap="negated"),
        Scored("a", "F02", 0.1, False, trap="negated"),
        Scored("a", "F03", 0.9, True),
        Scored("b", "F01", 0.2, False),
        Scored("h", "F01", 0.8, False, held_out=True, trap="swapped"),
        Scored("h", "F02", 0.2, True, held_out=True),
    ]
    found = calibrate(LexicalJudge(name="lexical", threshold=0.5), rows)
    assert {kind: tuple(count) for kind, count in found.traps.items()} == {"negated": (1, 2), "swapped": (1, 1)}
    assert {kind: tuple(count) for kind, count in found.held_out_traps.items()} == {"swapped": (1, 1)}
    row = calibration_table([found]).splitlines()[2]
    assert "| 1/2 | 1/1 · 1/1 | n/a |" in row  # negated (whole gold), swapped (held-out · whole), no partial


def test_one_calibration_summary_is_too_few():
    rows = [Scored("a", "F01", 0.9, True), Scored("h", "F01", 0.8, True, held_out=True)]
    with pytest.raises(ConfigError, match="at least two gold summaries"):
        calibrate(LexicalJudge(name="lexical"), rows)


def test_the_lexical_judge_on_a_gold_set_with_a_held_out_part_and_traps(gold, catalogue, tmp_path):
    result = run_calibration(gold, ["lexical"], tmp_path / "cache", catalogue=catalogue)
    (found,) = result.calibrations
    assert found.configured.n == 12 and found.held_out is not None and found.held_out.n == 6
    assert found.held_out_configured is not None and found.held_out_configured.kappa == 1.0
    assert all(count.false_covered == 0 for count in found.traps.values())  # negated, swapped and partial
    assert set(found.traps) == {"negated", "swapped", "partial"} and found.seconds_per_summary > 0


def test_cli_prints_both_parts_traps_and_cost(gold, tmp_path, capsys):
    assert main(["eval", "calibrate", "--gold", str(gold), "--judges", "lexical", "--cache", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert "6 summaries x 3 facts = 18 decisions; 2 summaries held out" in out
    header, _, lexical = [line for line in out.splitlines() if line.startswith("|")][:3]
    assert "kappa held-out" in header and "false covered: negated" in header and "s / summary" in header
    assert lexical.startswith("| lexical | ") and "| 0/1 |" in lexical and "| 0/1 · 0/2 |" in lexical
    assert "best judge of this run: lexical (held-out kappa 1.000" in out


def test_fitting_an_ensemble_writes_its_logistic_weights_then_calibrates_it(gold, tmp_path):
    path = tmp_path / "judges.yaml"
    path.write_text(
        "default: null\njudges:\n  lexical: {kind: lexical}\n  strict: {kind: lexical, params: {content_weight: 1.0}}\n"
        "  both: {kind: ensemble, params: {members: [lexical, strict], mode: mean}}\n"
    )
    result = run_calibration(gold, ["both"], tmp_path / "cache", catalogue=JudgeCatalogue.read(path), fit="both")
    assert result.fitted is not None and list(result.fitted.weights) == ["lexical", "strict"]
    params = JudgeCatalogue.read(path).entries["both"].params
    assert params["mode"] == "logistic" and params["weights"] == [round(w, 4) for w in result.fitted.weights.values()]
    assert [c.judge for c in result.calibrations] == ["both"] and result.calibrations[0].held_out is not None


def test_only_an_ensemble_can_be_fitted(gold, catalogue, tmp_path):
    with pytest.raises(ConfigError, match="not an ensemble"):
        run_calibration(gold, ["lexical"], tmp_path / "cache", catalogue=catalogue, fit="lexical")
