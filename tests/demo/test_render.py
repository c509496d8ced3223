"""The demo's rendering: sentences coloured by source with their support, flags, the checklist table."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from mdsum.demo import render
from mdsum.model import Cluster, Document, Judgement, Report, SourceRef, Summary, SummarySentence


def _report() -> tuple[Report, Cluster]:
    cluster = Cluster(
        "c",
        (
            Document("one", "Rain fell. Roads <flooded>.", ("Rain fell.", "Roads <flooded>."), title="Storm"),
            Document("two", "Schools shut.", ("Schools shut.",)),
        ),
    )
    summary = Summary(
        "c",
        (
            SummarySentence("Roads <flooded>.", (SourceRef("one", 1, 0.9), SourceRef("two", 0, 0.3))),
            SummarySentence("Aliens landed.", ()),
        ),
        "lead",
        notes=("a note",),
    )
    judgements = (
        Judgement("F1", True, 0.8, "lexical", evidence="Roads <flooded>."),
        Judgement("F2", False, 0.1, "lexical"),
    )
    report = Report("c", "lead", summary, judgements, {"seconds": 1.5}, ("Aliens landed.",))
    return report, cluster


def test_html_colours_each_sentence_by_its_main_source_and_shows_its_support():
    report, cluster = _report()
    page = render.render_report_html(report, cluster, {"F1": "Roads flooded", "F2": "Schools shut"})
    first = page.split('data-position="1"')[1].split('data-position="2"')[0]
    assert f"background:{render.colour(0)}" in first
    assert "<sup>1,2</sup>" in first
    assert "sentence 2 (0.90):</b> Roads &lt;flooded&gt;." in first
    assert "Schools shut." in first
    assert "<flooded>" not in page
    assert "lead · 4 words · 1.50 s" in page
    assert "one — Storm" in page and "a note" in page


def test_html_flags_unsupported_sentences_only():
    report, cluster = _report()
    page = render.render_report_html(report, cluster)
    assert 'class="mdsum-sentence mdsum-unsupported" tabindex="0" data-position="2"' in page
    assert 'class="mdsum-sentence" tabindex="0" data-position="1"' in page
    assert page.count("⚠ unsupported") == 1


def test_html_checklist_says_which_sentence_covers_each_fact():
    report, cluster = _report()
    page = render.render_report_html(report, cluster, {"F1": "Roads flooded", "F2": "Schools shut"})
    assert "1 of 2 facts covered (judge: lexical)" in page
    assert "<td>Roads flooded</td><td>✓ covered</td><td>1</td>" in page
    assert "<td>Schools shut</td><td>✗ missed</td>" in page


def test_html_checklist_line_gives_the_judges_pyramid_score_under_the_harness_name():
    report, cluster = _report()
    scored = dataclasses.replace(report, metrics={**report.metrics, "pyramid@lexical": 2 / 3})
    page = render.render_report_html(scored, cluster, {"F1": "Roads flooded", "F2": "Schools shut"})
    assert "1 of 2 facts covered, Pyramid score 0.67 (judge: lexical)" in page


def test_html_says_why_a_checklist_was_not_judged():
    report, cluster = _report()
    unjudged = Report(report.cluster_id, report.system, report.summary, (), report.metrics, ())
    page = render.render_report_html(unjudged, cluster, {"F1": "Roads flooded"}, "no judge <calibrated>")
    assert "checklist of 1 facts, not judged: no judge &lt;calibrated&gt;" in page and "<table" not in page


class _BlocksInsideSentences(HTMLParser):
    """Counts block elements opened inside a sentence span, which a browser would move out of it."""

    BLOCKS = frozenset({"p", "div", "table", "ul", "li"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open spans inside the current sentence, the sentence included
        self.blocks = 0

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.blocks += tag in self.BLOCKS
            self.depth += tag == "span"
        elif tag == "span" and "mdsum-sentence" in (dict(attrs).get("class") or ""):
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == "span":
            self.depth -= 1


def test_html_sentences_hold_inline_markup_only_so_the_support_stays_inside():
    report, cluster = _report()
    parser = _BlocksInsideSentences()
    parser.feed(render.render_report_html(report, cluster))
    assert parser.blocks == 0
