"""`mdsum eval run` end to end: real readers, summarisers, lexical judge and run folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO_ROOT

from mdsum.cli import main
from mdsum.evaluation.checklist import find_checklist
from mdsum.evaluation.run_config import load_run_config
from mdsum.readers import read_inputs
from mdsum.summarisers import SummariserCatalogue

REPO = REPO_ROOT
SHARED_DATA = REPO.parent / "shared" / "data"

ARTICLES = {
    "a1": "Talks on the future of the region ended in Geneva on Friday 14 July 2017 without a breakthrough. "
    "The envoy said the next round would start in September. Delegates met the envoy separately.",
    "a2": "The envoy told reporters in Geneva on 14 July 2017 that the round had made incremental progress. "
    "Some 320,000 people have been killed in the war. The opposition wants a political transition.",
}
CHECKLIST = """\
cluster: geneva
event: "Talks in Geneva"
facts:
  - id: F01
    statement: "The talks ended in Geneva on 14 July 2017."
    sources: [a1]
    weight: 1
    category: event
    later: false
    forms: {names: [["Geneva"]], numbers: [], dates: ["2017-07-14"], negated: false}
  - id: F02
    statement: "Some 320,000 people have been killed in the war."
    sources: [a2]
    weight: 1
    category: context
    later: false
    forms: {names: [["war"]], numbers: ["320,000"], dates: [], negated: false}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    cluster = tmp_path / "geneva"
    cluster.mkdir()
    for name, text in ARTICLES.items():
        (cluster / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "eval" / "checklists").mkdir(parents=True)
    (tmp_path / "eval" / "checklists" / "geneva.yaml").write_text(CHECKLIST, encoding="utf-8")
    monkeypatch.setenv("MDSUM_EVAL", str(tmp_path / "eval"))
    return tmp_path


def write_config(folder: Path, body: str) -> Path:
    path = folder / "run.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_run_writes_one_folder_with_every_output(project, capsys):
    config = write_config(
        project, "clusters: [geneva]\nsystems: [lead, lexrank]\njudges: [lexical]\nwords: 30\nseed: 1\noutput: run\n"
    )
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "# Leaderboard: run" in out and "ranked by **pyramid@lexical**" in out
    folder = project / "run"
    reports = [json.loads(line) for line in (folder / "reports.jsonl").read_text().splitlines()]
    assert [(r["system"], r["cluster_id"]) for r in reports] == [("lead", "geneva"), ("lexrank", "geneva")]
    assert {j["fact_id"] for j in reports[0]["judgements"]} == {"F01", "F02"}
    assert "| geneva:F01 |" in (folder / "coverage.md").read_text()
    assert (folder / "coverage.png").stat().st_size > 0
    assert "n/a (needs >= 2 clusters)" in (folder / "leaderboard.md").read_text()


def test_systems_narrows_the_run_and_an_unknown_one_is_a_one_line_error(project, capsys):
    config = write_config(
        project, "clusters: [geneva]\nsystems: [lead, lexrank]\njudges: [lexical]\nwords: 30\noutput: run\n"
    )
    assert main(["eval", "run", "--config", str(config), "--no-progress", "--systems", "lexrank"]) == 0
    reports = [json.loads(line) for line in (project / "run" / "reports.jsonl").read_text().splitlines()]
    assert [report["system"] for report in reports] == ["lexrank"]
    capsys.readouterr()
    assert main(["eval", "run", "--config", str(config), "--systems", "textrank"]) != 0
    error = capsys.readouterr().err.strip()
    assert error.startswith("mdsum:") and "no system 'textrank'" in error and "\n" not in error


def test_rerun_gives_the_same_reports_from_the_cache(project, capsys):
    config = write_config(project, "clusters: [geneva]\nsystems: [lead]\njudges: [lexical]\nwords: 30\noutput: run\n")
    main(["eval", "run", "--config", str(config), "--no-progress"])
    first = (project / "run" / "reports.jsonl").read_text()
    entries = list((project / "run" / "cache").rglob("*.json"))
    assert entries
    main(["eval", "run", "--config", str(config), "--no-progress"])
    assert (project / "run" / "reports.jsonl").read_text() == first
    assert sorted((project / "run" / "cache").rglob("*.json")) == sorted(entries)


def test_jsonl_batch_with_references_limit_and_a_bad_line(project, capsys):
    lines = [
        json.dumps(
            {
                "id": f"c{i}",
                "documents": list(ARTICLES.values()),
                "summary": "Talks ended in Geneva without a breakthrough.",
            }
        )
        for i in range(3)
    ]
    (project / "batch.jsonl").write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")
    config = write_config(
        project,
        "clusters: [batch.jsonl]\nsystems: [lead, lexrank]\njudges: []\n"
        "words: reference\nmetric: rouge2\noutput: run\n",
    )
    assert main(["eval", "run", "--config", str(config), "--limit", "3", "--no-progress"]) == 0
    captured = capsys.readouterr()
    reports = [json.loads(line) for line in (project / "run" / "reports.jsonl").read_text().splitlines()]
    assert sorted({r["cluster_id"] for r in reports}) == ["c0", "c1"]  # the bad line counts towards the limit
    assert all("rouge2" in r["metrics"] and not r["judgements"] for r in reports)
    assert "skipped" in captured.err and "batch.jsonl" in captured.err
    board = (project / "run" / "leaderboard.md").read_text()
    assert "ranked by **rouge2**" in board and "| lead | lexrank |" in board and "pyramid" not in board


# What a re-run with every result cached must not import: a model runtime, the plotting library,
# and the libraries that only computing a summary, a verdict or a stem needs.
NOT_FOR_A_CACHED_RUN = ("torch", "transformers", "sklearn", "matplotlib", "nltk", "ray")
IMPORTED_AFTER_A_RUN = (
    "import sys; from mdsum.cli import main; code = main(sys.argv[1:]); "
    "print(sorted({name.split('.')[0] for name in sys.modules} & set(%r))); sys.exit(code)"
)


def test_a_fully_cached_rerun_imports_no_model_or_plotting_library(project, capsys):
    """Issue 12: a cached re-run takes well under 2 s because it loads nothing it does not use."""
    config = write_config(
        project,
        "clusters: [geneva]\nsystems: [lead, textrank, submodular]\njudges: [lexical]\nwords: 30\noutput: run\n",
    )
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 0
    first = (project / "run" / "reports.jsonl").read_bytes()
    rerun = subprocess.run(
        [sys.executable, "-c", IMPORTED_AFTER_A_RUN % (NOT_FOR_A_CACHED_RUN,), "eval", "run", "--config", str(config)],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert rerun.stdout.splitlines()[-1] == "[]"
    assert (project / "run" / "reports.jsonl").read_bytes() == first


@pytest.mark.parametrize(
    "body, message",
    [
        ("clusters: [geneva]\nsystems: [lead]\nwords: -3\noutput: run\n", "run.yaml:3:"),
        ("clusters: [geneva]\nsystems: [nope]\noutput: run\n", "unknown summariser 'nope'"),
        ("clusters: [geneva]\nsystems: [lead]\njudges: [oracle]\noutput: run\n", "unknown judge 'oracle'"),
        ("clusters: [missing]\nsystems: [lead]\noutput: run\n", "missing"),
    ],
)
def test_bad_input_is_one_clear_line(project, capsys, body, message):
    config = write_config(project, body)
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("mdsum: error: ") and message in err[-1]


def test_missing_config_is_one_clear_line(tmp_path, capsys):
    assert main(["eval", "run", "--config", str(tmp_path / "none.yaml")]) == 2
    assert "none.yaml" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["seeds", "multinews", "multiling"])
def test_shipped_configs_are_valid(name):
    config = load_run_config(REPO / "eval" / "configs" / f"{name}.yaml")
    assert {"lead", "lexrank"} <= {system.name for system in config.systems}
    if name == "seeds":
        assert config.clusters == (REPO / "seeds",) and "abstractive" in {s.name for s in config.systems}
    elif not SHARED_DATA.is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_DATA}")
    else:
        assert all(path.is_file() for path in config.clusters)


def test_checklisted_config_runs_every_shipped_system_over_four_clusters_that_all_have_checklists():
    config = load_run_config(REPO / "eval" / "configs" / "checklisted.yaml")
    assert [system.name for system in config.systems] == [system.summariser for system in config.systems]
    assert sorted(system.name for system in config.systems) == SummariserCatalogue.read().names()
    cluster_ids = [item.id for item in read_inputs(list(config.clusters)).items]
    assert len(cluster_ids) == 4 and all(find_checklist(cluster_id) for cluster_id in cluster_ids)


def test_a_fact_no_source_supports_is_warned_and_the_run_goes_on(project, capsys):
    unsupported = (
        CHECKLIST
        + """\
  - id: F03
    statement: "The talks moved to Moscow."
    sources: [a1]
    weight: 1
    category: event
    later: false
    forms: {names: [["Moscow"]], numbers: [], dates: [], negated: false}
"""
    )
    (project / "eval" / "checklists" / "geneva.yaml").write_text(unsupported, encoding="utf-8")
    config = write_config(project, "clusters: [geneva]\nsystems: [lead]\njudges: [lexical]\nwords: 30\noutput: run\n")
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "mdsum: warning:" in err and "F03" in err and "none of its sources" in err
    (report,) = [json.loads(line) for line in (project / "run" / "reports.jsonl").read_text().splitlines()]
    assert {j["fact_id"] for j in report["judgements"]} == {"F01", "F02", "F03"}


def test_malformed_checklist_skips_its_cluster_with_the_line(project, capsys):
    (project / "eval" / "checklists" / "geneva.yaml").write_text(CHECKLIST.replace("weight: 1\n", "weight: 2\n", 1))
    config = write_config(project, "clusters: [geneva]\nsystems: [lead]\njudges: [lexical]\nwords: 30\noutput: run\n")
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 1  # nothing left to report
    err = capsys.readouterr().err
    assert "cluster 'geneva' skipped:" in err and "geneva.yaml:" in err


def test_a_failed_rerun_leaves_the_good_run_folder_as_it_was(project, capsys):
    """Issue 12, finding 8: a re-run with a broken checklist writes nothing and claims no file."""
    config = write_config(project, "clusters: [geneva]\nsystems: [lead]\njudges: [lexical]\nwords: 30\noutput: run\n")
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 0
    folder = project / "run"
    before = {name: (folder / name).read_bytes() for name in ("reports.jsonl", "leaderboard.md", "coverage.png")}
    assert before["reports.jsonl"]
    capsys.readouterr()

    (project / "eval" / "checklists" / "geneva.yaml").write_text(CHECKLIST.replace("weight: 1\n", "weight: 2\n", 1))
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert "wrote" not in captured.out and "left as it was" in captured.err
    assert {name: (folder / name).read_bytes() for name in before} == before


def test_a_run_without_a_checklist_removes_an_earlier_heatmap(project, capsys):
    """Issue 12, finding 8: never "wrote coverage.png" for a stale file from an earlier run."""
    config = write_config(project, "clusters: [geneva]\nsystems: [lead]\njudges: [lexical]\nwords: 30\noutput: run\n")
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 0
    assert (project / "run" / "coverage.png").exists()
    capsys.readouterr()
    (project / "eval" / "checklists" / "geneva.yaml").unlink()
    assert main(["eval", "run", "--config", str(config), "--no-progress"]) == 0
    assert "coverage.png" not in capsys.readouterr().out
    assert not (project / "run" / "coverage.png").exists()
