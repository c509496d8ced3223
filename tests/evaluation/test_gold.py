"""Gold labels: every summary labels every checklist fact, errors name their line; the seeds' gold is valid."""

import json

import pytest
from support import REPO_ROOT

from mdsum.errors import ConfigError
from mdsum.evaluation.gold import SCHEMA, TRAP_KINDS, GoldSummary, read_gold_set, review_gold

REPO = REPO_ROOT
SEEDS_GOLD = REPO / "eval" / "gold" / "seeds.yaml"

CHECKLIST = """\
cluster: demo
event: "A storm closed the port"
facts:
  - id: F01
    statement: "A storm closed the port."
    sources: [a]
    weight: 1
    category: event
    later: false
    forms: {names: [["storm"]], numbers: [], dates: [], negated: false}
  - id: F02
    statement: "About 1,200 lorries were stranded."
    sources: [a]
    weight: 1
    category: context
    later: false
    forms: {names: [["lorries"]], numbers: ["1,200"], dates: [], negated: false}
"""

GOLD = """\
cluster: demo
checklist: eval/checklists/demo.yaml
summaries:
  - id: careful
    description: "Both facts."
    text: >
      A storm closed the port, stranding about 1,200 lorries.
    labels: {F01: true, F02: true}
  - id: wrong-numbers
    description: "The lorry count is wrong."
    text: >
      A storm closed the port, stranding 300 lorries.
    labels:
      F01: true
      F02: false
"""


@pytest.fixture
def project(tmp_path):
    """A project root holding eval/checklists/demo.yaml; gold files go in eval/gold/."""
    (tmp_path / "eval" / "checklists").mkdir(parents=True)
    (tmp_path / "eval" / "gold").mkdir()
    (tmp_path / "eval" / "checklists" / "demo.yaml").write_text(CHECKLIST)
    return tmp_path


def write_gold(project, text):
    path = project / "eval" / "gold" / "demo.yaml"
    path.write_text(text)
    return path


def test_valid_gold_loads_in_order_with_labels_in_checklist_order(project):
    summaries = read_gold_set(write_gold(project, GOLD)).summaries
    assert [summary.id for summary in summaries] == ["careful", "wrong-numbers"]
    assert summaries[1] == GoldSummary(
        id="wrong-numbers",
        description="The lorry count is wrong.",
        text="A storm closed the port, stranding 300 lorries.\n",
        labels={"F01": True, "F02": False},
    )
    assert not summaries[0].held_out and summaries[0].traps == {}
    with pytest.raises(TypeError):
        summaries[0].labels["F01"] = False


def test_held_out_and_traps_are_read(project):
    marked = GOLD.replace("      F02: false\n", "      F02: false\n    held_out: true\n    traps: {F02: swapped}\n")
    summary = read_gold_set(write_gold(project, marked)).summaries[1]
    assert summary.held_out and summary.traps == {"F02": "swapped"}
    with pytest.raises(TypeError):
        summary.traps["F01"] = "negated"  # type: ignore[index]


def test_trap_kinds_are_the_schemas():
    traps = json.loads(SCHEMA.read_text())["properties"]["summaries"]["items"]["properties"]["traps"]
    assert tuple(traps["additionalProperties"]["enum"]) == TRAP_KINDS


def test_gold_set_carries_its_checklist(project):
    gold = read_gold_set(write_gold(project, GOLD))
    assert gold.cluster == "demo" and gold.checklist.ids == ("F01", "F02")


MALFORMED = [
    ("missing label", ("      F02: false\n", ""), 13, "summary 'wrong-numbers' does not label F02"),
    (
        "unknown fact",
        ("      F02: false\n", "      F02: false\n      F09: true\n"),
        16,
        "labels F09, which is not in the checklist",
    ),
    ("label not a boolean", ("F02: true}", "F02: yes please}"), 8, "'yes please' is not of type 'boolean'"),
    ("duplicate summary id", ("  - id: wrong-numbers", "  - id: careful"), 9, "duplicate summary id 'careful'"),
    (
        "missing text",
        ("    text: >\n      A storm closed the port, stranding 300 lorries.\n", ""),
        9,
        "'text' is a required property",
    ),
    (
        "checklist not found",
        ("checklist: eval/checklists/demo.yaml", "checklist: eval/checklists/none.yaml"),
        2,
        "checklist not found",
    ),
    ("cluster mismatch", ("cluster: demo\ncheck", "cluster: other\ncheck"), 1, "the checklist is for 'demo'"),
    ("bad YAML syntax", ("labels: {F01: true, F02: true}", "labels: {F01: true, F02: true"), 9, "YAML syntax"),
    (
        "trap on an unknown fact",
        ("      F02: false\n", "      F02: false\n    traps: {F09: swapped}\n"),
        16,
        "sets a trap on F09, which is not in the checklist",
    ),
    (
        "unknown trap kind",
        ("      F02: false\n", "      F02: false\n    traps: {F02: exaggerated}\n"),
        16,
        "'exaggerated' is not one of",
    ),
    (
        "trap on a fact labelled covered",
        ("      F02: false\n", "      F02: false\n    traps: {F01: negated}\n"),
        16,
        "misstates F01 on purpose yet labels it covered",
    ),
    ("held_out not a boolean", ("      F02: false\n", "      F02: false\n    held_out: sometimes\n"), 16, "boolean"),
]


@pytest.mark.parametrize("old_new, line, words", [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED])
def test_malformed_gold_names_the_line(project, old_new, line, words):
    old, new = old_new
    assert old in GOLD, "the test case must change the file"
    path = write_gold(project, GOLD.replace(old, new, 1))
    problems = review_gold(path).errors
    assert any(problem.startswith(f"{path}:{line}: ") and words in problem for problem in problems), problems
    with pytest.raises(ConfigError, match=rf"^{path}:\d+: "):
        read_gold_set(path)


def test_invalid_checklist_makes_the_gold_invalid(project):
    (project / "eval" / "checklists" / "demo.yaml").write_text(CHECKLIST.replace("weight: 1", "weight: 2", 1))
    problems = review_gold(write_gold(project, GOLD)).errors
    assert len(problems) == 1 and problems[0].startswith(
        f"{project / 'eval' / 'gold' / 'demo.yaml'}:2: invalid checklist:"
    )
    assert "weight 2 != 1 sources" in problems[0]


def test_seeds_gold_labels_every_fact_of_the_seeds_checklist():
    gold = read_gold_set(SEEDS_GOLD)
    assert len(gold.summaries) >= 6
    assert {"careful", "half-missing", "wrong-numbers", "paraphrase"} <= {summary.id for summary in gold.summaries}
    for summary in gold.summaries:
        assert tuple(summary.labels) == gold.checklist.ids, summary.id
        assert 40 <= len(summary.text.split()) <= 420, summary.id


def test_seeds_gold_summaries_differ_in_quality():
    """The careful summary covers more than the half-missing one, and wrong numbers cost coverage."""
    covered = {summary.id: sum(summary.labels.values()) for summary in read_gold_set(SEEDS_GOLD).summaries}
    assert covered["careful"] > covered["wrong-numbers"] and covered["careful"] > covered["half-missing"]
    total = len(read_gold_set(SEEDS_GOLD).checklist.facts)
    assert 0.3 * total <= covered["half-missing"] <= 0.6 * total


def test_seeds_gold_holds_out_a_part_and_both_parts_hold_negated_and_swapped_traps():
    summaries = read_gold_set(SEEDS_GOLD).summaries
    held_out = [summary for summary in summaries if summary.held_out]
    assert len(held_out) >= 8 and len(summaries) - len(held_out) >= 8
    for part in (held_out, [summary for summary in summaries if not summary.held_out]):
        kinds = {kind for summary in part for kind in summary.traps.values()}
        assert {"negated", "swapped", "partial"} <= kinds
