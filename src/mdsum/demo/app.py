"""The demo's web app: the Gradio Blocks UI over the endpoints, its article boxes, and `launch`.

The UI only wires components to `mdsum.demo.endpoints`, `mdsum.demo.inputs` and
`mdsum.demo.render`; the box bookkeeping is kept in plain functions so tests reach it without a browser.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from typing import Any

from mdsum.demo.endpoints import api_evaluate, api_summarise, checklist_facts, evaluate, user_errors
from mdsum.demo.inputs import (
    DEFAULT_WORDS,
    DEMO_CLUSTER_ID,
    MAX_ARTICLES,
    MAX_UPLOAD_BYTES,
    MAX_WORDS,
    check_request,
    load_example,
    read_cluster_files,
    within_request_limits,
)
from mdsum.demo.models import unjudged_reason
from mdsum.demo.render import SUMMARY_CSS, render_report_html
from mdsum.errors import InputError
from mdsum.model import Cluster

# Requests served at once. A model's first call still runs alone (see `mdsum.demo.models.WarmCache`).
QUEUE_CONCURRENCY = 4
# Evaluating (summarise, then judge with a model) is the heavy work: it has its own, smaller queue,
# so it never takes the places of the light calls (summarise alone, the article boxes).
HEAVY_CONCURRENCY = 2
VISIBLE_AT_START = 2


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
                            gr.Textbox(
                                label=f"Article {index + 1}", lines=3, max_lines=8, scale=12, elem_id=f"article-{index}"
                            )
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
                gr.update(value=text, label=f"Article {index + 1} · {doc_id}")
                for index, (doc_id, text) in enumerate(zip(ids, texts, strict=False))
            ]
            rows_update = [gr.update(visible=index < visible) for index in range(MAX_ARTICLES)]
            return [ids, visible, *boxes_update, *rows_update]

        layout = [ids_state, visible_state, *boxes, *rows]

        @user_errors
        def on_add(visible: int) -> list:
            visible = add_box(visible)
            return [visible, *(gr.update(visible=index < visible) for index in range(MAX_ARTICLES))]

        add_button.click(on_add, visible_state, [visible_state, *rows], api_visibility="private")

        for index, remover in enumerate(removers):

            def on_remove(ids, visible, *texts, index=index):
                return show(*remove_box(index, ids, list(texts), visible))

            remover.click(on_remove, [ids_state, visible_state, *boxes], layout, api_visibility="private")

        @user_errors
        def on_example() -> list:
            cluster = load_example()
            return [cluster.id, *show(*fill_boxes(cluster))]

        example_button.click(on_example, None, [cluster_box, *layout], api_visibility="private")

        @user_errors
        def on_upload(files: list[str] | None) -> list:
            if not files:
                return [gr.update(), *(gr.update() for _ in layout)]
            cluster = read_cluster_files(files)
            return [cluster.id, *show(*fill_boxes(cluster))]

        uploads.upload(on_upload, uploads, [cluster_box, *layout], api_visibility="private")

        @user_errors
        @within_request_limits
        def on_run(cluster_id, summariser, compare, words, ids, visible, *texts, progress=gr.Progress(track_tqdm=True)):  # noqa: B008 (Gradio's way)
            request = check_request(list(texts[:visible]), summariser, words, cluster_id, ids[:visible])
            requests = [request] + ([dataclasses.replace(request, summariser=compare)] if compare else [])
            facts = checklist_facts(request.cluster.id)
            reports = []
            for step, asked in enumerate(requests):

                def report_progress(fraction: float, message: str, step=step) -> None:
                    progress((step + fraction) / len(requests), desc=message)

                reports.append(evaluate(asked, report_progress))
            unjudged = unjudged_reason() if facts else ""
            rendered = [render_report_html(report, request.cluster, facts, unjudged) for report in reports]
            main = gr.update(value=rendered[0])
            second = gr.update(value=rendered[1], visible=True) if compare else gr.update(value="", visible=False)
            return [main, second, [report.to_dict() for report in reports]]

        run_button.click(
            on_run,
            [cluster_box, summariser_box, compare_box, words_box, ids_state, visible_state, *boxes],
            [*outputs, reports_json],
            api_visibility="private",
            concurrency_limit=HEAVY_CONCURRENCY,
            concurrency_id="evaluate",
        )
        gr.api(user_errors(within_request_limits(api_summarise)), api_name="summarise")
        gr.api(
            user_errors(within_request_limits(api_evaluate)),
            api_name="evaluate",
            concurrency_limit=HEAVY_CONCURRENCY,
            concurrency_id="evaluate",
        )
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
    theme = gr.themes.Default(
        font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]
    )
    options.setdefault("max_file_size", MAX_UPLOAD_BYTES)
    return app.launch(server_name=host, server_port=port, share=share, ssr_mode=False, theme=theme, **options)
