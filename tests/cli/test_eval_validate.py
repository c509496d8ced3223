"""``mdsum eval validate``: 'FILE: N facts, valid' and exit 0, or each problem as FILE:LINE and exit 1."""

from support import REPO_ROOT

from mdsum.cli import main

REPO = REPO_ROOT
SEEDS_CHECKLIST = REPO / "eval" / "checklists" / "seeds.yaml"
SEEDS_GOLD = REPO / "eval" / "gold" / "seeds.yaml"


def test_checked_in_checklist_and_gold_are_valid(capsys):
    assert main(["eval", "validate", str(SEEDS_CHECKLIST), str(SEEDS_GOLD)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{SEEDS_CHECKLIST}: 35 facts, valid"
    assert lines[1].startswith(f"{SEEDS_GOLD}: ") and lines[1].endswith(" x 35 facts labelled, valid")


def test_malformed_checklist_prints_each_problem_with_its_line_and_exits_1(tmp_path, capsys):
    text = SEEDS_CHECKLIST.read_text()
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        text.replace("    weight: 3\n", "    weight: 4\n", 1).replace("  - id: F02\n", "  - id: F01\n", 1)
    )
    assert main(["eval", "validate", str(broken)]) == 1
    problems = capsys.readouterr().out.splitlines()
    weight_line = text.splitlines().index("    weight: 3") + 1
    id_line = text.splitlines().index("  - id: F02") + 1
    assert any(problem.startswith(f"{broken}:{weight_line}: F01: weight 4 != 3 sources") for problem in problems), (
        problems
    )
    assert any(problem.startswith(f"{broken}:{id_line}: duplicate fact id F01") for problem in problems), problems


def test_cluster_option_checks_sources_against_another_folder(tmp_path, capsys):
    other = tmp_path / "other-cluster"
    other.mkdir()
    (other / "unrelated.txt").write_text("Nothing about Syria.")
    assert main(["eval", "validate", "--cluster", str(other), str(SEEDS_CHECKLIST)]) == 1
    out = capsys.readouterr().out
    assert f"{SEEDS_CHECKLIST}:" in out and "unknown source '000_432b95dc35ad9674'" in out


def test_unsupported_fact_is_printed_as_a_warning_and_the_file_stays_valid(tmp_path, capsys):
    edited = tmp_path / "seeds.yaml"
    edited.write_text(SEEDS_CHECKLIST.read_text().replace('numbers: ["320,000"]', 'numbers: ["420,000"]'))
    assert main(["eval", "validate", "--cluster", str(REPO / "seeds"), str(edited)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and ": warning: F29: its surface forms appear in none of its sources" in out[0]
    assert out[1] == f"{edited}: 35 facts, valid"


def test_bad_yaml_and_missing_file_are_problems_not_crashes(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("cluster: seeds\nfacts: [\n")
    missing = tmp_path / "missing.yaml"
    assert main(["eval", "validate", str(bad), str(missing), str(SEEDS_CHECKLIST)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{bad}:3: YAML syntax:")
    assert lines[1] == f"{missing}: file not found"
    assert lines[2] == f"{SEEDS_CHECKLIST}: 35 facts, valid"


def test_gold_with_an_absolute_checklist_path_is_valid_and_a_mislabelled_one_exits_1(tmp_path, capsys):
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        SEEDS_GOLD.read_text().replace("checklist: eval/checklists/seeds.yaml", f"checklist: {SEEDS_CHECKLIST}")
    )
    assert main(["eval", "validate", str(gold)]) == 0
    capsys.readouterr()
    gold.write_text(gold.read_text().replace("F35: false}", "F36: false}", 1))
    assert main(["eval", "validate", str(gold)]) == 1
    out = capsys.readouterr().out
    assert "does not label F35" in out and "labels F36, which is not in the checklist" in out
