"""The demo's rendering: one `Report` as HTML, each sentence coloured by its main source article.

Plain strings of inline markup, so tests check the page without a browser; ``SUMMARY_CSS`` styles it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from mdsum.model import Cluster, Report

# Okabe-Ito's colour-blind-safe hues, lightened so that black text stays readable on them.
PALETTE = ("#f5d49c", "#b9def5", "#9fe0c9", "#f7f1a6", "#a8c8e6", "#f3bfa0", "#e6c3d9", "#d9d9d9")

UNSUPPORTED_TITLE = "no source sentence supports this, or it states a number, date or name no source states"

SUMMARY_CSS = """
.mdsum-head { font-weight: 600; margin-bottom: 0.4em; }
.mdsum-legend { list-style: none; padding: 0; margin: 0 0 0.6em; display: flex; flex-wrap: wrap; gap: 0.3em 1em; }
.mdsum-chip { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 3px; color: #111; }
.mdsum-text { line-height: 1.7; }
.mdsum-sentence { position: relative; border-radius: 3px; padding: 0.1em 0.2em; color: #111; cursor: help; }
.mdsum-sentence:hover, .mdsum-sentence:focus { outline: 2px solid #333; }
.mdsum-sentence sup { font-size: 0.7em; margin-left: 0.15em; }
.mdsum-support { display: none; position: absolute; z-index: 10; left: 0; top: 100%; width: 32em; max-width: 80vw;
  background: #fff; color: #111; border: 1px solid #888; border-radius: 4px; padding: 0.4em 0.6em;
  box-shadow: 0 2px 8px rgba(0,0,0,0.25); font-size: 0.9em; line-height: 1.4; }
.mdsum-sentence:hover .mdsum-support, .mdsum-sentence:focus .mdsum-support { display: block; }
.mdsum-source { display: block; margin: 0.2em 0; }
.mdsum-unsupported { text-decoration: underline wavy #c00; }
.mdsum-flag { color: #c00; font-weight: 700; }
.mdsum-checklist { margin-top: 0.8em; font-size: 0.9em; } .mdsum-checklist table { border-collapse: collapse; }
.mdsum-checklist td, .mdsum-checklist th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
.mdsum-covered { color: #060; } .mdsum-missed { color: #a00; }
.mdsum-checklist td:nth-child(2) { white-space: nowrap; }
.mdsum-notes { color: #555; font-size: 0.9em; }
"""


def colour(index: int) -> str:
    """The colour of the ``index``-th article (colours repeat after the palette; numbers do not)."""
    return PALETTE[index % len(PALETTE)]


def render_report_html(
    report: Report, cluster: Cluster, facts: Mapping[str, str] | None = None, unjudged: str = ""
) -> str:
    """The summary with each sentence coloured by its main source article.

    Hovering or focusing a sentence shows the source sentences that support it; unsupported
    sentences are flagged; the checklist table (``facts``: id -> statement) says which
    sentence covers each fact, or ``unjudged`` says why the facts were not judged.
    """
    summary = report.summary
    number = {document.id: index for index, document in enumerate(cluster.documents)}
    seconds = report.metrics.get("seconds")
    timing = f" · {seconds:.2f} s" if seconds is not None else ""
    parts = [
        '<div class="mdsum-report">',
        f'<div class="mdsum-head">{html.escape(report.system)} · {summary.word_count} words{timing}</div>',
        _legend(cluster),
        '<div class="mdsum-text">',
    ]
    unsupported = set(report.unsupported)
    for position, sentence in enumerate(summary.sentences, start=1):
        parts.append(_sentence_html(position, sentence, cluster, number, sentence.text in unsupported))
    parts.append("</div>")
    if report.judgements:
        parts.append(_checklist_html(report, facts or {}))
    elif facts:
        parts.append(
            f'<p class="mdsum-notes">this cluster has a checklist of {len(facts)} facts, not judged: '
            f"{html.escape(unjudged or 'no verdicts')}</p>"
        )
    parts.extend(f'<p class="mdsum-notes">note: {html.escape(note)}</p>' for note in summary.notes)
    parts.append("</div>")
    return "\n".join(parts)


def _legend(cluster: Cluster) -> str:
    items = []
    for index, document in enumerate(cluster.documents):
        label = document.id + (f" — {document.title}" if document.title else "")
        chip = f'<span class="mdsum-chip" style="background:{colour(index)}">{index + 1}</span>'
        items.append(f"<li>{chip} {html.escape(label)}</li>")
    return f'<ul class="mdsum-legend">{"".join(items)}</ul>'


def _sentence_html(position: int, sentence, cluster: Cluster, number: Mapping[str, int], unsupported: bool) -> str:
    """One sentence as a focusable span; inline markup only, else the HTML parser hoists the support out of it."""
    known = [source for source in sentence.sources if source.document_id in number]
    background = colour(number[known[0].document_id]) if known else "transparent"
    cited = ",".join(dict.fromkeys(str(number[source.document_id] + 1) for source in known))
    support = []
    for source in known:
        sentences = cluster.document(source.document_id).sentences
        text = sentences[source.sentence_index] if 0 <= source.sentence_index < len(sentences) else ""
        support.append(
            f'<span class="mdsum-source"><b>{number[source.document_id] + 1} · {html.escape(source.document_id)}, '
            f"sentence {source.sentence_index + 1} ({source.score:.2f}):</b> {html.escape(text)}</span>"
        )
    if not support:
        support.append('<span class="mdsum-source">no source sentence recorded</span>')
    classes = "mdsum-sentence mdsum-unsupported" if unsupported else "mdsum-sentence"
    flag = f' <span class="mdsum-flag" title="{UNSUPPORTED_TITLE}">⚠ unsupported</span>' if unsupported else ""
    return (
        f'<span class="{classes}" tabindex="0" data-position="{position}" style="background:{background}">'
        f"{html.escape(sentence.text)}<sup>{cited}</sup>{flag}"
        f'<span class="mdsum-support">{"".join(support)}</span></span> '
    )


def _checklist_html(report: Report, facts: Mapping[str, str]) -> str:
    """The score in a line; the fact-by-fact table folded under it (a checklist runs to dozens of rows)."""
    positions = {sentence.text: index for index, sentence in enumerate(report.summary.sentences, start=1)}
    covered = sum(judgement.covered for judgement in report.judgements)
    judge = report.judgements[0].judge
    pyramid = report.metrics.get(f"pyramid@{judge}")  # `mdsum.evaluation.metrics.judge_metrics`' name
    weighted = f", Pyramid score {pyramid:.2f}" if pyramid is not None else ""
    headline = (
        f"<summary>checklist: {covered} of {len(report.judgements)} facts covered{weighted} "
        f"(judge: {html.escape(judge)})</summary>"
    )
    rows = ["<tr><th>fact</th><th></th><th>by sentence</th></tr>"]
    for judgement in report.judgements:
        text = html.escape(facts.get(judgement.fact_id, judgement.fact_id))
        if judgement.covered:
            where = positions.get(judgement.evidence or "")
            by = str(where) if where is not None else html.escape(judgement.evidence or "")
            rows.append(f'<tr class="mdsum-covered"><td>{text}</td><td>✓ covered</td><td>{by}</td></tr>')
        else:
            rows.append(f'<tr class="mdsum-missed"><td>{text}</td><td>✗ missed</td><td></td></tr>')
    return f'<details class="mdsum-checklist">{headline}<table>{"".join(rows)}</table></details>'
