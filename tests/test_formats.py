import json
from pathlib import Path

import pytest

from mdsum.errors import ConfigError
from mdsum.formats import FORMATS, output_format, render
from mdsum.model import SourceRef, Summary, SummarySentence

SUMMARY = Summary(
    cluster_id="geneva",
    sentences=[
        SummarySentence("The talks ended on Friday.", [SourceRef("a", 0), SourceRef("b", 2), SourceRef("a", 4)]),
        SummarySentence("A new round starts in September.", [SourceRef("c", 1)]),
    ],
    summariser="lexrank",
    notes=["one-document cluster"],
)


def test_text_is_the_plain_summary():
    assert render(SUMMARY, "text") == "The talks ended on Friday. A new round starts in September.\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_formats_round_trip(fmt):
    assert Summary.from_dict(json.loads(render(SUMMARY, fmt))) == SUMMARY


def test_jsonl_is_one_line():
    assert render(SUMMARY, "jsonl").count("\n") == 1


def test_markdown_cites_each_document_once_in_order_and_shows_notes():
    markdown = render(SUMMARY, "md")
    assert "- The talks ended on Friday. [a, b]" in markdown
    assert "- A new round starts in September. [c]" in markdown
    assert "> note: one-document cluster" in markdown
    assert markdown.startswith("## geneva (lexrank, 11 words)")


def test_every_listed_format_renders_and_others_are_refused():
    for fmt in FORMATS:
        assert render(SUMMARY, fmt).endswith("\n")
    with pytest.raises(ConfigError, match="unknown format 'html'"):
        render(SUMMARY, "html")


def test_the_output_format_follows_the_suffix_and_refuses_a_contradiction():
    """Issue 12, finding 4: a .jsonl file only ever gets JSONL; no suffix keeps the old defaults."""
    assert output_format(None, Path("results.jsonl"), batch=False) == "jsonl"
    assert output_format(None, Path("summary.MD"), batch=True) == "md"
    assert output_format(None, Path("summary"), batch=False) == "text"
    assert output_format(None, None, batch=True) == "jsonl"
    assert output_format("json", Path("out.dat"), batch=False) == "json"
    with pytest.raises(ConfigError, match=r"format json does not match x\.jsonl"):
        output_format("json", Path("x.jsonl"), batch=True)
