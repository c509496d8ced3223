"""The evaluation runner: reports, caching and resume, corrupt cache entries, skips, the run folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from mdsum.errors import ConfigError, ModelError
from mdsum.evaluation.leaderboard import coverage_matrix, write_run_folder
from mdsum.evaluation.run_config import RunConfig, SystemSpec, load_run_config
from mdsum.evaluation.runner import Evaluator, JudgePanel, resolve_judges, word_budget
from mdsum.judges import JudgeCatalogue, JudgeEntry
from mdsum.judges.lexical import LexicalJudge
from mdsum.model import Cluster, Document, Report, SummarySentence
from mdsum.summarisers.base import Draft, Summariser

CALLS: list[tuple[str, str]] = []
INTERRUPT_ON: set[str] = set()  # cluster ids where the "user" presses Ctrl-C (not config: same cache keys)

CHECKLIST = """\
cluster: {cluster}
event: "Talks in Geneva"
facts:
  - id: F01
    statement: "The talks ended in Geneva on 14 July 2017."
    sources: [d1]
    weight: 1
    category: event
    later: false
    forms: {{names: [["Geneva"]], numbers: [], dates: ["2017-07-14"], negated: false}}
  - id: F02
    statement: "Some 320,000 people have been killed in the war."
    sources: [d1, d2]
    weight: 2
    category: context
    later: false
    forms: {{names: [["war"]], numbers: ["320,000"], dates: [], negated: false}}
"""


@dataclass(frozen=True)
class FirstSentences(Summariser):
    """Takes sentences in order up to the budget; ``broken`` simulates a model that is not installed,
    ``reword`` one that rewrites every sentence (a copied sentence is entailed without asking a model)."""

    algorithm = "first-sentences"
    skip: int = 0
    broken: bool = False
    reword: bool = False

    def _summarise(self, cluster, words):
        CALLS.append((self.name, cluster.id))
        if self.broken:
            raise ModelError("model package 'weights' is not installed")
        if cluster.id in INTERRUPT_ON:
            raise KeyboardInterrupt
        sentences = [s for d in cluster.documents for s in d.sentences][self.skip :]
        kept, used = [], 0
        for sentence in sentences:
            if used + len(sentence.split()) > words:
                break
            kept.append(SummarySentence(f"So {sentence[0].lower()}{sentence[1:]}" if self.reword else sentence))
            used += len(sentence.split())
        return Draft(kept)


def build(name, **params):
    if name not in {"first", "second", "broken", "reworded"}:
        raise ConfigError(f"unknown summariser '{name}'")
    flags = {"skip": 1 if name == "second" else 0, "broken": name == "broken", "reword": name == "reworded"}
    return FirstSentences(name=name, **{**flags, **params})


def cluster(cluster_id: str) -> Cluster:
    return Cluster(
        cluster_id,
        (
            Document("d1", "", ("The talks ended in Geneva on 14 July 2017.", "Delegates went home.")),
            Document(
                "d2", "", ("Some 320,000 people have been killed in the war.", "The envoy will report to the council.")
            ),
        ),
        references=("The talks ended in Geneva. The war has killed 320,000 people.",),
    )


def verbatim_support(text, cluster):
    """Faithfulness itself is tested in test_metrics; here a sentence is supported when it is copied."""
    return any(text == sentence for document in cluster.documents for sentence in document.sentences)


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setattr("mdsum.alignment.is_supported", verbatim_support)
    eval_dir = tmp_path / "eval"
    (eval_dir / "checklists").mkdir(parents=True)
    for name in ("alpha", "beta", "gamma"):
        (eval_dir / "checklists" / f"{name}.yaml").write_text(CHECKLIST.format(cluster=name))
    monkeypatch.setenv("MDSUM_EVAL", str(eval_dir))
    CALLS.clear()
    INTERRUPT_ON.clear()
    return tmp_path


def config(tmp_path: Path, *systems: str, **options) -> RunConfig:
    return RunConfig(
        name="test",
        systems=tuple(SystemSpec(s, s) for s in systems or ("first", "second")),
        clusters=(),
        output=tmp_path / "run",
        seed=7,
        bootstrap_samples=200,
        **options,
    )


PANEL = JudgePanel((LexicalJudge(name="lexical", threshold=0.5),), (), ("default judge: lexical (test)",))
CLUSTERS = [cluster("alpha"), cluster("beta"), cluster("gamma")]


def evaluate(tmp_path, *systems, clusters=CLUSTERS, warnings=None, **options):
    evaluator = Evaluator(
        config(tmp_path, *systems),
        build_summariser=build,
        panel=PANEL,
        warn=(warnings.append if warnings is not None else lambda message: None),
    )
    return evaluator.run(clusters, sources=(), progress=False, **options)


def test_one_report_per_system_and_cluster(workspace):
    result = evaluate(workspace)
    assert [(r.system, r.cluster_id) for r in result.reports] == [
        (s, c) for c in ("alpha", "beta", "gamma") for s in ("first", "second")
    ]
    first = result.reports[0]
    assert {j.fact_id for j in first.judgements} == {"F01", "F02"}
    assert first.metrics["pyramid@lexical"] == pytest.approx(1.0)
    assert {"rouge1", "rouge2", "rougeL", "rougeLsum", "faithfulness", "redundancy", "words"} <= set(first.metrics)


def test_second_system_misses_the_skipped_fact(workspace):
    second = next(r for r in evaluate(workspace).reports if r.system == "second")
    covered = {j.fact_id: j.covered for j in second.judgements}
    assert covered == {"F01": False, "F02": True}
    assert second.metrics["pyramid@lexical"] == pytest.approx(2 / 3)


def test_rerun_comes_from_the_cache(workspace):
    first = evaluate(workspace)
    CALLS.clear()
    again = evaluate(workspace)
    assert CALLS == []
    assert [r.to_dict() for r in again.reports] == [r.to_dict() for r in first.reports]


def test_interrupted_run_resumes_without_redoing_work(workspace):
    INTERRUPT_ON.add("beta")
    with pytest.raises(KeyboardInterrupt):
        evaluate(workspace, "first")
    assert CALLS == [("first", "alpha"), ("first", "beta")]
    CALLS.clear()
    INTERRUPT_ON.clear()
    result = evaluate(workspace, "first")
    assert CALLS == [("first", "beta"), ("first", "gamma")]
    assert len(result.reports) == 3


def test_corrupt_cache_entry_is_recomputed_not_trusted(workspace):
    first = evaluate(workspace, "first")
    entries = sorted((workspace / "run" / "cache" / "summary").rglob("*.json"))
    entries[0].write_text('{"key": "truncated', encoding="utf-8")
    entries[1].write_text(json.dumps({"key": "another key", "value": {}}), encoding="utf-8")
    CALLS.clear()
    warnings: list[str] = []
    again = evaluate(workspace, "first", warnings=warnings)
    assert len(CALLS) == 2
    assert sum("corrupt cache entry" in w for w in warnings) == 2
    assert [r.to_dict() for r in again.reports] == [r.to_dict() for r in first.reports]


def test_cache_keys_change_with_the_budget(workspace):
    evaluate(workspace, "first")
    CALLS.clear()
    Evaluator(config(workspace, "first", words=5), build_summariser=build, panel=PANEL, warn=lambda m: None).run(
        CLUSTERS[:1], sources=(), progress=False
    )
    assert CALLS == [("first", "alpha")]


def test_a_new_summariser_version_is_not_served_old_summaries(workspace, monkeypatch):
    evaluate(workspace, "first")
    CALLS.clear()
    monkeypatch.setattr(FirstSentences, "version", FirstSentences.version + 1)
    evaluate(workspace, "first")
    assert CALLS == [("first", "alpha"), ("first", "beta"), ("first", "gamma")]


def test_limit_counts_clusters(workspace):
    result = evaluate(workspace, "first", limit=2)
    assert [r.cluster_id for r in result.reports] == ["alpha", "beta"]


def test_unavailable_system_is_reported_and_skipped(workspace):
    warnings: list[str] = []
    result = evaluate(workspace, "first", "broken", warnings=warnings)
    assert {r.system for r in result.reports} == {"first"} and len(result.reports) == 3
    assert CALLS.count(("broken", "alpha")) == 1 and ("broken", "beta") not in CALLS
    assert any("system 'broken' skipped: model package" in w for w in warnings)


def test_unknown_system_fails_before_any_work(workspace):
    with pytest.raises(ConfigError, match="unknown summariser 'nope'"):
        evaluate(workspace, "first", "nope")
    assert CALLS == []


def test_bad_clusters_are_reported_and_the_rest_kept(workspace):
    failure = SimpleNamespace(item="data.jsonl:2", message="line is not JSON")
    empty = Cluster("gamma", (Document("d1", "", ()),))
    warnings: list[str] = []
    result = evaluate(workspace, "first", clusters=[CLUSTERS[0], failure, empty], warnings=warnings)
    assert [r.cluster_id for r in result.reports] == ["alpha"]
    assert any("data.jsonl:2 skipped: line is not JSON" in w for w in warnings)
    assert any("on cluster 'gamma' failed" in w for w in warnings)


def test_cluster_without_checklist_gets_rouge_but_no_coverage(workspace):
    (report,) = evaluate(workspace, "first", clusters=[cluster("delta")]).reports
    assert report.judgements == () and "rouge2" in report.metrics
    assert not any(name.startswith("pyramid") for name in report.metrics)


def test_reference_budget_is_the_mean_reference_length():
    two = Cluster("c", (Document("d", "x", ("x",)),), references=("a b c d", "a b"))
    assert word_budget("reference", two) == 3 and word_budget(50, two) == 50
    with pytest.raises(Exception, match="no reference"):
        word_budget("reference", Cluster("c", (Document("d", "x", ("x",)),)))


def test_run_folder(workspace):
    result = evaluate(workspace)
    folder = write_run_folder(result)[0].parent
    lines = (folder / "reports.jsonl").read_text().splitlines()
    assert [Report.from_dict(json.loads(line)).system for line in lines] == [r.system for r in result.reports]
    board = (folder / "leaderboard.md").read_text()
    assert "ranked by **pyramid@lexical**" in board and "default judge: lexical (test)" in board
    assert board.index("| first |") < board.index("| second |")  # first covers more
    assert "| first | second | +0.333 | 3 |" in board
    assert (folder / "coverage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "| alpha:F01 | 1 | ✓ | ✗ |" in (folder / "coverage.md").read_text()


def test_coverage_matrix_rows_are_facts_columns_systems(workspace):
    rows, systems, matrix = coverage_matrix(evaluate(workspace))
    assert systems == ["first", "second"] and len(rows) == 6
    assert matrix[:, 0].tolist() == [1.0] * 6 and matrix[:, 1].tolist() == [0.0, 1.0] * 3


def _catalogue(default, kappa):
    entries = {
        "lexical": JudgeEntry(kind="lexical", params={"threshold": 0.5}, calibration={"kappa": kappa, "accuracy": 0.9}),
        "lm": JudgeEntry(kind="lm", params={"model": "absent"}),
    }
    return JudgeCatalogue(default, entries, Path("judges.yaml"))


def test_default_judge_is_named_with_its_kappa():
    panel = resolve_judges(["default", "lexical"], _catalogue("lexical", 0.71))
    assert [j.name for j in panel.judges] == ["lexical"]
    assert panel.notes == ("default judge: lexical (kappa 0.710, accuracy 0.900 on gold labels)",)


def test_the_default_judge_is_stated_even_when_not_used():
    assert resolve_judges(["lexical"], _catalogue("lexical", 0.71)).notes[0].startswith("default judge: lexical")


def test_no_trusted_default_is_said_loudly():
    panel = resolve_judges(["default", "lexical"], _catalogue(None, 0.4))
    assert "NO JUDGE REACHES Cohen's kappa 0.6" in panel.notes[0]
    assert [j.name for j in panel.judges] == ["lexical"]


def test_unavailable_judge_is_skipped_with_reason(monkeypatch):
    from mdsum.judges.lm import LMJudge

    monkeypatch.setattr(LMJudge, "unavailable_reason", lambda self: "model package 'x' is not installed")
    panel = resolve_judges(["lexical", "lm"], _catalogue(None, 0.4))
    assert [j.name for j in panel.judges] == ["lexical"]
    assert panel.skipped == ("judge 'lm' skipped: model package 'x' is not installed",)


def test_unknown_judge_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown judge 'oracle'"):
        resolve_judges(["oracle"], _catalogue(None, 0.4))


def test_run_config_resolves_paths_against_its_file(tmp_path):
    path = tmp_path / "configs" / "run.yaml"
    path.parent.mkdir()
    path.write_text(
        "clusters: [../data/x.jsonl]\nsystems: [lead, {name: short, summariser: lexrank, params: {k: 1}}]\n"
        "words: reference\noutput: ../runs/x\n"
    )
    loaded = load_run_config(path)
    assert loaded.clusters == ((tmp_path / "data" / "x.jsonl").resolve(),)
    assert loaded.output == (tmp_path / "runs" / "x").resolve()
    assert loaded.systems[1] == SystemSpec("short", "lexrank", {"k": 1}) and loaded.words == "reference"
    assert loaded.judges == ("default",) and loaded.name == "run"


def test_a_run_can_be_narrowed_to_some_of_its_systems_and_an_unknown_one_is_named(tmp_path):
    run = config(tmp_path, "first", "second", "broken")
    assert [system.name for system in run.only(["broken", "first"]).systems] == ["first", "broken"]
    with pytest.raises(ConfigError, match="no system 'third' in test"):
        run.only(["third"])


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("clusters: [a]\nsystems: [lead]\nwords: ten\noutput: o\n", 3, "words"),
        ("clusters: [a]\nsystems:\n  - lead\n  - {nam: x}\noutput: o\n", 4, "systems.1"),
        ("clusters: [a]\nsystems: [lead]\n", 1, "'output' is a required property"),
        ("clusters: [a]\nsystems: [lead]\noutput: o\nbudget: 3\n", 1, "budget"),
        ("clusters: [a]\nsystems: [lead, lead]\noutput: o\n", 2, "listed twice"),
        ("clusters: [a\nsystems: [lead]\n", 2, "YAML syntax"),
    ],
)
def test_bad_run_config_names_the_line(tmp_path, text, line, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as error:
        load_run_config(path)
    assert f"bad.yaml:{line}:" in str(error.value) and message in str(error.value)


# ---------------------------------------------------------------- faithfulness at entailment level


@pytest.fixture
def entailment_calls(monkeypatch):
    """The entailment model stands in: available, and it entails every sentence but one saying delegates went home."""
    from mdsum.entailment import EntailmentScorer

    claims: list[str] = []

    def score(self, premise, claim):
        claims.append(claim)
        return 0.0 if claim.endswith("delegates went home.") else 1.0

    monkeypatch.setattr(EntailmentScorer, "unavailable_reason", lambda self: None)
    monkeypatch.setattr(EntailmentScorer, "score", score)
    return claims


def entailment_run(tmp_path, system="reworded"):
    evaluator = Evaluator(
        config(tmp_path, system, entailment="a-chat-model"), build_summariser=build, panel=PANEL, warn=lambda m: None
    )
    return evaluator.run(CLUSTERS[:1], sources=(), progress=False)


def test_faithfulness_at_entailment_level_is_reported_beside_the_detail_check(workspace, entailment_calls):
    [report] = entailment_run(workspace).reports
    assert report.metrics["faithfulness@entail"] == pytest.approx(3 / 4)  # "... delegates went home." is not entailed
    board = write_run_folder(entailment_run(workspace))[0].parent / "leaderboard.md"
    assert "| faithfulness | faithfulness@entail |" in board.read_text()


def test_copied_sentences_are_entailed_without_asking_the_model(workspace, entailment_calls):
    [report] = entailment_run(workspace, "first").reports
    assert report.metrics["faithfulness@entail"] == 1.0 and entailment_calls == []


def test_a_cached_run_does_not_ask_the_entailment_model_again(workspace, entailment_calls):
    first = entailment_run(workspace)
    entailment_calls.clear()
    again = entailment_run(workspace)
    assert entailment_calls == [] and again.reports[0].metrics == first.reports[0].metrics


def test_without_an_entailment_model_there_is_no_entailment_column(workspace, entailment_calls):
    [report] = evaluate(workspace, "first", clusters=CLUSTERS[:1]).reports
    assert "faithfulness@entail" not in report.metrics and entailment_calls == []


def test_an_unavailable_entailment_model_is_reported_and_skipped(workspace, monkeypatch):
    from mdsum.entailment import EntailmentScorer

    monkeypatch.setattr(EntailmentScorer, "unavailable_reason", lambda self: "model package 'w' is not installed")
    result = entailment_run(workspace)
    assert "faithfulness@entail skipped: model package 'w' is not installed" in result.messages
    assert "faithfulness@entail" not in result.reports[0].metrics


def test_run_config_names_its_entailment_model(tmp_path):
    path = tmp_path / "run.yaml"
    path.write_text("clusters: [a]\nsystems: [lead]\noutput: o\nentailment: qwen2.5-coder-0.5b-instruct\n")
    assert load_run_config(path).entailment == "qwen2.5-coder-0.5b-instruct"
