"""The demo's library side: input limits, the endpoint functions, the highlighted-summary HTML and the UI.

The browser and the API call the very same functions, and everything they show is computed
here by plain functions, so tests reach all of it without a browser. ``app.py`` and
``mdsum demo`` only call `launch`.
"""

from __future__ import annotations

import functools
import html
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, TypeVar

from mdsum.errors import InputError, MdsumError
from mdsum.model import Cluster, Judgement, Report, Summary
from mdsum.resources import shipped_path

T = TypeVar("T")

MAX_ARTICLES = 20
MAX_INPUT_BYTES = 200_000
MAX_WORDS = 1000
# An uploaded .jsonl may hold many clusters (only the first is read); this bounds what is received at all.
MAX_UPLOAD_BYTES = 5_000_000
DEFAULT_WORDS = 200
DEMO_CLUSTER_ID = "demo"
# A cluster id names its checklist file, so it must not be able to walk out of the checklist folder.
CLUSTER_ID = re.compile(r"\w[\w.-]{0,99}")
# Requests served at once. A model's first call still runs alone (see `WarmCache`).
QUEUE_CONCURRENCY = 4
VISIBLE_AT_START = 2

# Okabe-Ito's colour-blind-safe hues, lightened so that black text stays readable on them.
PALETTE = ("#f5d49c", "#b9def5", "#9fe0c9", "#f7f1a6", "#a8c8e6", "#f3bfa0", "#e6c3d9", "#d9d9d9")

Progress = Callable[[float, str], None]


def _no_progress(fraction: float, message: str) -> None:
    """Progress sink for callers (tests, API) that show none."""


# ---------------------------------------------------------------- inputs


def check_limits(texts: Sequence[str]) -> None:
    """Refuse inputs that would tie up the shared server, with a message the user can act on."""
    if len(texts) > MAX_ARTICLES:
        raise InputError(f"too many articles: {len(texts)} (the demo takes at most {MAX_ARTICLES})")
    size = sum(len(text.encode("utf-8")) for text in texts)
    if size > MAX_INPUT_BYTES:
        raise InputError(f"articles too long: {size // 1000} KB in all (the demo takes at most {MAX_INPUT_BYTES // 1000} KB)")


def check_words(words: Any) -> int:
    """The word budget as an int within the demo's bounds (Gradio sliders send floats)."""
    if isinstance(words, float) and words.is_integer():
        words = int(words)
    if isinstance(words, bool) or not isinstance(words, int) or not 0 < words <= MAX_WORDS:
        raise InputError(f"word budget must be a whole number from 1 to {MAX_WORDS}, got {words!r}")
    return words


def build_cluster(texts: Sequence[str], cluster_id: str = DEMO_CLUSTER_ID, ids: Sequence[str] | None = None) -> Cluster:
    """A cluster from pasted article texts; blank boxes are ignored, ids default to ``article-N``."""
    from mdsum.readers import document_from_text

    ids = list(ids) if ids is not None else [f"article-{number}" for number in range(1, len(texts) + 1)]
    if len(ids) != len(texts):
        raise InputError(f"{len(ids)} article ids for {len(texts)} articles")
    pairs = [(doc_id, text) for doc_id, text in zip(ids, texts) if text and text.strip()]
    if not pairs:
        raise InputError("no article text: paste at least one article, upload files or load the example")
    check_limits([text for _, text in pairs])
    cluster_id = cluster_id.strip() or DEMO_CLUSTER_ID
    if not CLUSTER_ID.fullmatch(cluster_id):
        raise InputError(f"cluster id must be letters, digits, '_', '-' or '.', got {cluster_id!r}")
    if len({doc_id for doc_id, _ in pairs}) != len(pairs):
        raise InputError("article ids must be unique")
    documents = tuple(document_from_text(doc_id, text) for doc_id, text in pairs)
    return Cluster(id=cluster_id, documents=documents)


def read_cluster_files(paths: Sequence[str | Path], fallback_id: str = "upload") -> Cluster:
    """One cluster from uploaded files: each ``.txt`` is an article, a ``.jsonl`` gives its first cluster."""
    from mdsum.readers import ReadFailure, read_inputs

    paths = [Path(path) for path in paths]
    if not paths:
        raise InputError("no files given")
    unknown = sorted({path.suffix or path.name for path in paths} - {".txt", ".jsonl"})
    if unknown:
        raise InputError(f"the demo reads .txt and .jsonl files, not {', '.join(unknown)}")
    if any(path.suffix == ".jsonl" for path in paths) and len(paths) > 1:
        raise InputError("upload one .jsonl file alone, or .txt files (one article each)")
    first = next(iter(read_inputs([str(path) for path in paths]).items), None)
    if first is None:
        raise InputError("the files hold no cluster")
    if isinstance(first, ReadFailure):
        raise InputError(first.message)
    check_limits([document.text for document in first.documents])
    if paths[0].suffix == ".txt":
        return Cluster(id=fallback_id, documents=first.documents)
    return first


def load_example() -> Cluster:
    """The seed cluster shipped with mdsum."""
    directory = shipped_path("seeds")
    if not directory.is_dir():
        raise InputError(f"the example cluster is not here: {directory} (set MDSUM_SEEDS)")
    return read_cluster_files(sorted(directory.glob("*.txt")), fallback_id=directory.name)


# ---------------------------------------------------------------- shared models


@dataclass
class _Slot:
    worker: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    warm: bool = False


class WarmCache:
    """Builds each named worker once per process and lets its first call run alone.

    Summarisers and judges load their models lazily, on first use; holding the other
    callers back until that first call has finished means two users never load the same
    model twice, while later calls run side by side.
    """

    def __init__(self, build: Callable[[str], Any]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._slots: dict[str, _Slot] = {}

    def run(self, name: str, call: Callable[[Any], T]) -> T:
        slot = self._slot(name)
        if slot.warm:
            return call(slot.worker)
        with slot.lock:
            result = call(slot.worker)
            slot.warm = True
            return result

    def _slot(self, name: str) -> _Slot:
        with self._lock:
            if name not in self._slots:
                self._slots[name] = _Slot(self._build(name))
            return self._slots[name]


def _build_summariser(name: str):
    from mdsum.summarisers import build_summariser

    return build_summariser(name)


@functools.lru_cache(maxsize=1)
def judge_panel():
    """The harness's default judge (`resolve_judges`): none when no judge is calibrated or it cannot run here."""
    from mdsum.evaluation.runner import DEFAULT_JUDGE, resolve_judges

    return resolve_judges([DEFAULT_JUDGE])


def _panel_judge(name: str):
    return next(judge for judge in judge_panel().judges if judge.name == name)


SUMMARISERS = WarmCache(_build_summariser)
JUDGES = WarmCache(_panel_judge)


# ---------------------------------------------------------------- endpoints


def summarise(
    texts: Sequence[str],
    summariser: str = "",
    words: int = DEFAULT_WORDS,
    cluster_id: str = DEMO_CLUSTER_ID,
    ids: Sequence[str] | None = None,
) -> Summary:
    """The summary of the pasted articles by the named summariser (default: the configured one)."""
    cluster, name, words = _prepare(texts, summariser, words, cluster_id, ids)
    return SUMMARISERS.run(name, lambda worker: worker.summarise(cluster, words))


def _prepare(texts, summariser, words, cluster_id, ids) -> tuple[Cluster, str, int]:
    """The checked inputs of both endpoints: cluster, summariser name, word budget."""
    from mdsum.summarisers import SummariserCatalogue

    words = check_words(words)
    return build_cluster(texts, cluster_id, ids), summariser or SummariserCatalogue.read().default, words


def evaluate(
    texts: Sequence[str],
    summariser: str = "",
    words: int = DEFAULT_WORDS,
    cluster_id: str = DEMO_CLUSTER_ID,
    ids: Sequence[str] | None = None,
    progress: Progress = _no_progress,
) -> Report:
    """Summarise, then measure the summary as the harness does: shape, faithfulness, checklist coverage.

    ``metrics`` holds ``seconds`` (summarising alone) beside `mdsum.evaluation.metrics`' figures.
    """
    from mdsum.evaluation import metrics

    cluster, name, words = _prepare(texts, summariser, words, cluster_id, ids)
    started = time.perf_counter()
    progress(0.1, f"summarising with {name}")
    summary = SUMMARISERS.run(name, lambda worker: worker.summarise(cluster, words))
    seconds = time.perf_counter() - started
    progress(0.6, "checking the summary against its sources")
    unsupported = metrics.unsupported_sentences(summary, cluster)
    progress(0.8, "judging checklist coverage")
    judgements = judge_checklist(summary, cluster.id)
    scores = {
        "seconds": round(seconds, 3),
        **metrics.shape(summary, cluster),
        "faithfulness": metrics.faithfulness(summary, unsupported),
    }
    if judgements:
        scores.update(metrics.coverage(judgements, cluster_checklist(cluster.id).facts))
    return Report(cluster.id, name, summary, judgements, scores, unsupported)


def judge_checklist(summary: Summary, cluster_id: str) -> tuple[Judgement, ...]:
    """The default judge's verdict on each checklist fact.

    Empty when the cluster has no checklist, or when there is no default judge (none agrees
    well enough with the hand labels, or its model is not installed): an untrusted verdict
    would mislead more than help. `unjudged_reason` says which.
    """
    checklist = cluster_checklist(cluster_id)
    judges = judge_panel().judges
    if checklist is None or not judges:
        return ()
    return JUDGES.run(judges[0].name, lambda judge: tuple(judge.judge(summary, fact) for fact in checklist.facts))


def unjudged_reason() -> str:
    """Why checklists go unjudged here, or "" when the default judge runs."""
    panel = judge_panel()
    return "" if panel.judges else "; ".join((*panel.skipped, *panel.notes)) or "no default judge"


@functools.lru_cache(maxsize=32)
def cluster_checklist(cluster_id: str):
    """The cluster's key-fact `Checklist`, or None when nobody wrote one (read once per process)."""
    from mdsum.evaluation.checklist import find_checklist, load_checklist

    path = find_checklist(cluster_id)
    return load_checklist(path) if path is not None else None


def checklist_facts(cluster_id: str) -> Mapping[str, str]:
    """Fact id -> statement of the cluster's checklist (empty without one), for display."""
    checklist = cluster_checklist(cluster_id)
    if checklist is None:
        return {}
    return {fact.id: fact.statement + (" (later event)" if fact.later else "") for fact in checklist.facts}


def _user_errors(function: Callable[..., T]) -> Callable[..., T]:
    """Show an `MdsumError` to the user (browser or API client) as its one-line message."""
    import gradio as gr

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return function(*args, **kwargs)
        except MdsumError as error:
            raise gr.Error(str(error), print_exception=False) from None

    return wrapper


def api_summarise(
    articles: list[str], summariser: str = "", words: int = DEFAULT_WORDS, cluster_id: str = DEMO_CLUSTER_ID
) -> dict:
    """Summarise several articles about one event into one summary.

    Args:
        articles: the article texts, one string each (at most 20, 200 KB in all)
        summariser: a configured summariser name (`mdsum list`); empty for the default
        words: the word budget of the summary
        cluster_id: the cluster's id; it selects the key-fact checklist in /evaluate
    Returns:
        the Summary as JSON: sentences with their source sentences, summariser, config, notes
    """
    return summarise(articles, summariser, words, cluster_id).to_dict()


def api_evaluate(
    articles: list[str], summariser: str = "", words: int = DEFAULT_WORDS, cluster_id: str = DEMO_CLUSTER_ID
) -> dict:
    """Summarise the articles and evaluate the summary: checklist coverage and unsupported sentences.

    Args:
        articles: the article texts, one string each (at most 20, 200 KB in all)
        summariser: a configured summariser name (`mdsum list`); empty for the default
        words: the word budget of the summary
        cluster_id: the cluster's id, which selects its key-fact checklist if there is one
    Returns:
        the Report as JSON: summary, judgements per fact, metrics (seconds, words, coverage), unsupported
    """
    return evaluate(articles, summariser, words, cluster_id).to_dict()


# ---------------------------------------------------------------- rendering

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
        items.append(
            f'<li><span class="mdsum-chip" style="background:{colour(index)}">{index + 1}</span> {html.escape(label)}</li>'
        )
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
    flag = ' <span class="mdsum-flag" title="no source sentence supports this, or it states a number, date or name no source states">⚠ unsupported</span>' if unsupported else ""
    return (
        f'<span class="{classes}" tabindex="0" data-position="{position}" style="background:{background}">'
        f"{html.escape(sentence.text)}<sup>{cited}</sup>{flag}"
        f'<span class="mdsum-support">{"".join(support)}</span></span> '
    )


def _checklist_html(report: Report, facts: Mapping[str, str]) -> str:
    """The score in a line; the fact-by-fact table folded under it (a checklist runs to dozens of rows)."""
    positions = {sentence.text: index for index, sentence in enumerate(report.summary.sentences, start=1)}
    covered = sum(judgement.covered for judgement in report.judgements)
    pyramid = report.metrics.get("pyramid")
    weighted = f", Pyramid score {pyramid:.2f}" if pyramid is not None else ""
    headline = (
        f"<summary>checklist: {covered} of {len(report.judgements)} facts covered{weighted} "
        f"(judge: {html.escape(report.judgements[0].judge)})</summary>"
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


# ---------------------------------------------------------------- article boxes


def add_box(visible: int) -> int:
    """One more article box, up to the limit."""
    if visible >= MAX_ARTICLES:
        raise InputError(f"the demo takes at most {MAX_ARTICLES} articles")
    return visible + 1


def remove_box(index: int, ids: Sequence[str], texts: Sequence[str], visible: int) -> tuple[list[str], list[str], int]:
    """Drop box ``index``: the boxes below move up, so no gap is left."""
    ids = [*ids[:index], *ids[index + 1 :], _fresh_id(ids)]
    texts = [*texts[:index], *texts[index + 1 :], ""]
    return ids, texts, max(1, visible - 1)


def _fresh_id(ids: Sequence[str]) -> str:
    number = len(ids) + 1
    while f"article-{number}" in ids:
        number += 1
    return f"article-{number}"


def fill_boxes(cluster: Cluster) -> tuple[list[str], list[str], int]:
    """Box ids, texts and the visible count that show ``cluster``'s documents."""
    ids = [document.id for document in cluster.documents]
    texts = [document.text for document in cluster.documents]
    while len(ids) < MAX_ARTICLES:
        ids.append(_fresh_id(ids))
        texts.append("")
    return ids, texts, max(1, len(cluster.documents))


def default_ids() -> list[str]:
    return [f"article-{number}" for number in range(1, MAX_ARTICLES + 1)]


# ---------------------------------------------------------------- UI


def build_app():
    """The Gradio Blocks: article boxes, summariser choice, compare, highlighted outputs, API endpoints."""
    import gradio as gr

    from mdsum.summarisers import SummariserCatalogue

    catalogue = SummariserCatalogue.read()
    names = catalogue.names()
    with gr.Blocks(title="mdsum", analytics_enabled=False) as app:
        gr.Markdown(
            "# mdsum\nSeveral articles about one event in, one merged summary out. "
            "Hover or focus a sentence to see the source sentences behind it."
        )
        ids_state = gr.State(default_ids())
        visible_state = gr.State(VISIBLE_AT_START)
        with gr.Row(equal_height=True):
            summariser_box = gr.Dropdown(names, value=catalogue.default, label="Summariser", elem_id="summariser")
            compare_box = gr.Dropdown(
                [("none", ""), *((name, name) for name in names)], value="", label="Compare with", elem_id="compare"
            )
            words_box = gr.Slider(20, MAX_WORDS, value=DEFAULT_WORDS, step=10, label="Word budget", elem_id="words")
            cluster_box = gr.Textbox(DEMO_CLUSTER_ID, label="Cluster id (selects the checklist)", elem_id="cluster-id")
            run_button = gr.Button("Summarise", variant="primary", elem_id="summarise")
        with gr.Row():
            with gr.Column(scale=2):
                with gr.Row():
                    example_button = gr.Button("Load the example cluster", size="sm", elem_id="load-example")
                    add_button = gr.Button("Add article", size="sm", elem_id="add-article")
                boxes, removers, rows = [], [], []
                for index in range(MAX_ARTICLES):
                    with gr.Row(visible=index < VISIBLE_AT_START) as row:
                        boxes.append(
                            gr.Textbox(label=f"Article {index + 1}", lines=3, max_lines=8, scale=12, elem_id=f"article-{index}")
                        )
                        removers.append(gr.Button("✕", size="sm", scale=1, min_width=40, elem_id=f"remove-{index}"))
                    rows.append(row)
                uploads = gr.File(
                    label="…or upload .txt articles or one .jsonl cluster",
                    file_count="multiple",
                    file_types=[".txt", ".jsonl"],
                    height=120,
                    elem_id="uploads",
                )
            with gr.Column(scale=3):
                with gr.Row():
                    outputs = [
                        gr.HTML(css_template=SUMMARY_CSS, elem_id="summary-main", padding=True),
                        gr.HTML(css_template=SUMMARY_CSS, elem_id="summary-compare", padding=True, visible=False),
                    ]
                with gr.Accordion("Reports as JSON", open=False):
                    reports_json = gr.JSON(label="reports")

        def show(ids: list[str], texts: list[str], visible: int) -> list:
            boxes_update = [
                gr.update(value=text, label=f"Article {index + 1} · {doc_id}") for index, (doc_id, text) in enumerate(zip(ids, texts))
            ]
            rows_update = [gr.update(visible=index < visible) for index in range(MAX_ARTICLES)]
            return [ids, visible, *boxes_update, *rows_update]

        layout = [ids_state, visible_state, *boxes, *rows]

        @_user_errors
        def on_add(visible: int) -> list:
            visible = add_box(visible)
            return [visible, *(gr.update(visible=index < visible) for index in range(MAX_ARTICLES))]

        add_button.click(on_add, visible_state, [visible_state, *rows], api_visibility="private")

        for index, remover in enumerate(removers):
            def on_remove(ids, visible, *texts, index=index):
                return show(*remove_box(index, ids, list(texts), visible))

            remover.click(on_remove, [ids_state, visible_state, *boxes], layout, api_visibility="private")

        @_user_errors
        def on_example() -> list:
            cluster = load_example()
            return [cluster.id, *show(*fill_boxes(cluster))]

        example_button.click(on_example, None, [cluster_box, *layout], api_visibility="private")

        @_user_errors
        def on_upload(files: list[str] | None) -> list:
            if not files:
                return [gr.update(), *(gr.update() for _ in layout)]
            cluster = read_cluster_files(files)
            return [cluster.id, *show(*fill_boxes(cluster))]

        uploads.upload(on_upload, uploads, [cluster_box, *layout], api_visibility="private")

        @_user_errors
        def on_run(cluster_id, summariser, compare, words, ids, visible, *texts, progress=gr.Progress(track_tqdm=True)):
            systems = [summariser] + ([compare] if compare else [])
            shown_ids, shown_texts = ids[:visible], list(texts[:visible])
            cluster = build_cluster(shown_texts, cluster_id, shown_ids)
            facts = checklist_facts(cluster.id)
            reports = []
            for step, name in enumerate(systems):
                def report_progress(fraction: float, message: str, step=step) -> None:
                    progress((step + fraction) / len(systems), desc=message)

                reports.append(evaluate(shown_texts, name, words, cluster_id, shown_ids, report_progress))
            unjudged = unjudged_reason() if facts else ""
            rendered = [render_report_html(report, cluster, facts, unjudged) for report in reports]
            main = gr.update(value=rendered[0])
            second = gr.update(value=rendered[1], visible=True) if compare else gr.update(value="", visible=False)
            return [main, second, [report.to_dict() for report in reports]]

        run_button.click(
            on_run,
            [cluster_box, summariser_box, compare_box, words_box, ids_state, visible_state, *boxes],
            [*outputs, reports_json],
            api_visibility="private",
        )
        gr.api(_user_errors(api_summarise), api_name="summarise")
        gr.api(_user_errors(api_evaluate), api_name="evaluate")
    app.queue(default_concurrency_limit=QUEUE_CONCURRENCY)
    return app


def launch(app=None, host: str = "127.0.0.1", port: int | None = 7860, share: bool = False, **options: Any):
    """Serve the demo (built here unless given); offline: no analytics, no update check, no share link unless asked.

    ``port=None`` takes the first free port from 7860; ``options`` go to `gradio.Blocks.launch`
    (tests pass ``prevent_thread_lock=True``). Returns its (app, local URL, share URL).
    """
    import gradio as gr

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    app = app or build_app()
    theme = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    options.setdefault("max_file_size", MAX_UPLOAD_BYTES)
    return app.launch(server_name=host, server_port=port, share=share, ssr_mode=False, theme=theme, **options)
