"""Checklists: the schema + cross-field validator names the line at fault; the shipped checklists are valid."""

import json

import pytest
from support import REPO_ROOT

from mdsum.errors import ConfigError
from mdsum.evaluation.checklist import (
    find_checklist,
    forms_appear,
    load_checklist,
    review_checklist,
)
from mdsum.model import FactForms

REPO = REPO_ROOT
SEEDS_CHECKLIST = REPO / "eval" / "checklists" / "seeds.yaml"
SEEDS = REPO / "seeds"
LATER_SEED = "003_dbed9314064d8f83"

VALID = """\
cluster: demo
event: "A storm closed the port"
facts:
  - id: F01
    statement: "A storm closed the port of Dover on 3 March 2021."
    sources: [a, b]
    weight: 2
    category: event
    later: false
    forms:
      names: [["storm"], ["Dover"]]
      numbers: []
      dates: ["2021-03-03"]
      negated: false
  - id: F02
    statement: "About 1,200 lorries were stranded."
    sources: [b]
    weight: 1
    category: context
    later: false
    forms:
      names: [["lorries", "trucks"]]
      numbers: ["1,200"]
      dates: []
      negated: false
"""

DOCUMENTS = {
    "a": "A storm shut the port of Dover on Wednesday.",
    "b": "Dover port closed on March 3 after a storm; 1,200 lorries were stranded.",
}


@pytest.fixture
def cluster(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / f"{name}.txt").write_text(text)
    return folder


def write(tmp_path, text):
    path = tmp_path / "checklist.yaml"
    path.write_text(text)
    return path


def test_valid_checklist_loads_as_frozen_records(tmp_path, cluster):
    checklist = load_checklist(write(tmp_path, VALID), cluster)
    assert checklist.cluster == "demo" and checklist.ids == ("F01", "F02")
    fact = checklist.facts[0]
    assert fact.sources == ("a", "b") and fact.weight == 2 and fact.later is False
    assert fact.forms == FactForms(names=(("storm",), ("Dover",)), numbers=(), dates=("2021-03-03",), negated=False)
    with pytest.raises(AttributeError):
        fact.weight = 3
    assert review_checklist(write(tmp_path, VALID), cluster).errors == ()


# (what to break, replacement, line reported, words the message must contain)
MALFORMED = [
    ("bad YAML syntax", ('    statement: "About', "    statement: [About"), 17, "YAML syntax"),
    ("missing field", ("    category: context\n", ""), 15, "'category' is a required property"),
    ("wrong type", ("    weight: 1", "    weight: one"), 18, "facts[1].weight: 'one' is not of type 'integer'"),
    ("unknown category", ("category: context", "category: gossip"), 19, "facts[1].category"),
    (
        "later fact not in category later",
        (
            '    later: false\n    forms:\n      names: [["lorries"',
            '    later: true\n    forms:\n      names: [["lorries"',
        ),
        19,
        "facts[1].category: 'later' was expected",
    ),
    ("category later for a fact of this event", ("category: context", "category: later"), 19, "facts[1].category: "),
    ("bad date", ('"2021-03-03"', '"3 March 2021"'), 13, "is not a 'date'"),
    (
        "unknown field",
        (
            '    later: false\n    forms:\n      names: [["lorries"',
            '    later: false\n    extra: 1\n    forms:\n      names: [["lorries"',
        ),
        21,
        "'extra' was unexpected",
    ),
    ("duplicate id", ("  - id: F02", "  - id: F01"), 15, "duplicate fact id F01 (first on line 4)"),
    ("weight != sources", ("    weight: 2", "    weight: 3"), 7, "F01: weight 3 != 2 sources"),
    ("unknown source id", ("sources: [b]", "sources: [c]"), 17, "F02: unknown source 'c'"),
    ("duplicate key", ("    weight: 1\n", "    weight: 1\n    weight: 1\n"), 19, "duplicate key 'weight'"),
]


@pytest.mark.parametrize("old_new, line, words", [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED])
def test_malformed_checklist_names_the_line(tmp_path, cluster, old_new, line, words):
    old, new = old_new
    assert old in VALID, "the test case must change the file"
    path = write(tmp_path, VALID.replace(old, new, 1))
    problems = review_checklist(path, cluster).errors
    assert any(problem.startswith(f"{path}:{line}: ") and words in problem for problem in problems), problems
    with pytest.raises(ConfigError, match=rf"^{path}:\d+: "):
        load_checklist(path, cluster)


def test_every_problem_is_reported_not_just_the_first(tmp_path, cluster):
    broken = VALID.replace("    weight: 2", "    weight: two").replace("category: context", "category: gossip")
    problems = review_checklist(write(tmp_path, broken), cluster).errors
    assert [problem.split(":")[1] for problem in problems] == ["7", "19"]


def test_fact_whose_forms_no_source_contains_is_a_warning_not_an_error(tmp_path, cluster):
    path = write(tmp_path, VALID.replace('[["lorries", "trucks"]]', '[["ferries"]]'))
    review = review_checklist(path, cluster)
    assert review.errors == () and review.checklist is not None
    assert review.warnings == (f"{path}:15: warning: F02: its surface forms appear in none of its sources (b)",)


def test_unknown_cluster_folder_is_a_warning_and_sources_go_unchecked(tmp_path):
    path = write(tmp_path, VALID.replace("cluster: demo", "cluster: no-such-cluster-anywhere"))
    review = review_checklist(path)
    assert review.errors == () and review.checklist is not None
    assert len(review.warnings) == 1 and "sources not checked" in review.warnings[0]
    assert review.warnings[0].startswith(f"{path}:1: ")


@pytest.mark.parametrize(
    "forms, text, expected",
    [
        (FactForms((), ("six",), (), False), "the six-year war", True),
        (FactForms((), ("six",), (), False), "sixty people; the sixth round", False),
        (FactForms((), ("4",), (), False), "all 4 baskets", True),
        (FactForms((), ("4",), (), False), "45 baskets, 1.4 million", False),
        (FactForms((), ("320,000",), (), False), "more than 320,000 lives", True),
        (FactForms((), ("320,000",), (), False), "more than 300,000 lives", False),
        (FactForms((("resolution",),), (), (), False), "Security Council RESOLUTIONS", True),
        (FactForms((("Ja'afari", "Jaafari"),), (), (), False), "Bashar al-Ja\u2019afari said", True),
        (FactForms((("Geneva",), ("seventh round",)), (), (), False), "the seventh round, in Vienna", False),
    ],
)
def test_forms_appear(forms, text, expected):
    assert forms_appear(forms, text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on Friday night", True),
        ("GENEVA, July 14 (Xinhua)", True),
        ("ended on 14 July 2017", True),
        ("ended 2017-07-14", True),
        ("ended on Jul. 14", True),
        ("ended on July 12", False),
        ("ended on July 140", False),
        ("ended on 4 July", False),
    ],
)
def test_dates_match_in_their_news_forms(text, expected):
    assert forms_appear(FactForms((), (), ("2017-07-14",), False), text) is expected


def test_september_abbreviation():
    assert forms_appear(FactForms((), (), ("2017-09-27",), False), "said Wednesday, Sept. 27, that")


def test_find_checklist():
    assert find_checklist("seeds") == SEEDS_CHECKLIST
    assert find_checklist("no-such-cluster") is None


@pytest.mark.parametrize("cluster_id", ["../checklists/seeds", "data.jsonl:3", "/etc/passwd", ""])
def test_an_id_that_is_no_file_name_names_no_checklist(cluster_id):
    assert find_checklist(cluster_id) is None


def test_seeds_checklist_is_valid_and_every_fact_is_supported_by_its_sources():
    if not SEEDS.is_dir():
        pytest.skip("seeds/ is not in this checkout")
    review = review_checklist(SEEDS_CHECKLIST)
    assert review.errors == () and review.warnings == ()
    assert 25 <= len(review.checklist.facts) <= 35


def test_sources_are_checked_against_a_cluster_of_a_data_file(tmp_path):
    data = tmp_path / "clusters.jsonl"
    data.write_text(json.dumps({"id": "demo", "documents": list(DOCUMENTS.values())}) + "\n")
    path = write(tmp_path, VALID.replace("[a, b]", "[d0, d1]").replace("[b]", "[d1]"))
    assert review_checklist(path, data).errors == review_checklist(path, data).warnings == ()
    path = write(tmp_path, VALID.replace("[a, b]", "[d0, d7]").replace("[b]", "[d1]"))
    assert "unknown source 'd7'" in review_checklist(path, data).errors[0]


def test_a_data_file_without_the_cluster_is_an_error(tmp_path):
    data = tmp_path / "clusters.jsonl"
    data.write_text(json.dumps({"id": "other", "documents": list(DOCUMENTS.values())}) + "\n")
    assert review_checklist(write(tmp_path, VALID), data).errors == (
        f"{tmp_path / 'checklist.yaml'}:1: {data} holds no cluster 'demo'",
    )


@pytest.mark.parametrize("cluster_id", ["multiling2011_M000", "multiling2011_M001", "multiling2011_M002"])
def test_multiling_checklists_are_found_by_id_and_checked_against_the_shipped_clusters(cluster_id):
    review = review_checklist(find_checklist(cluster_id))
    assert review.errors == () and review.warnings == ()
    assert 12 <= len(review.checklist.facts) <= 30
    assert all(
        fact.sources and all(source.startswith("d") for source in fact.sources) for fact in review.checklist.facts
    )


def test_seeds_later_facts_are_exactly_those_only_the_later_article_reports():
    checklist = load_checklist(SEEDS_CHECKLIST)
    for fact in checklist.facts:
        only_later = fact.sources == (LATER_SEED,)
        assert fact.later is only_later, fact.id
        assert (fact.category == "later") is fact.later, fact.id
