"""The demo's endpoints: summarise, and evaluate as the harness measures; the same for the browser and the API.

Plain functions of checked inputs, so tests reach them without a server; `user_errors` turns an
`MdsumError` into the one-line message Gradio shows (browser) or raises (API client).
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from mdsum.demo.inputs import DEFAULT_WORDS, DEMO_CLUSTER_ID, MAX_ARTICLES, MAX_INPUT_BYTES, Request, check_request
from mdsum.demo.models import SUMMARISERS, judge_panel, warm_judgement
from mdsum.errors import InputError, MdsumError
from mdsum.evaluation.measure import measure
from mdsum.model import Report, Summary
from mdsum.summarisers.base import nonempty

T = TypeVar("T")
Progress = Callable[[float, str], None]


def _no_progress(fraction: float, message: str) -> None:
    """Progress sink for callers (tests, API) that show none."""


def summarise(request: Request) -> Summary:
    """The summary of the request's articles by its summariser; an empty one is an error saying why (`nonempty`)."""
    return nonempty(
        SUMMARISERS.run(request.summariser, lambda worker: worker.summarise(request.cluster, request.words))
    )


def evaluate(request: Request, progress: Progress = _no_progress) -> Report:
    """Summarise, then `measure` the summary as the harness does, judged by the default judge.

    ``metrics`` holds ``seconds`` (summarising alone) before the harness's figures, named as it
    names them (``pyramid@<judge>``, ...).
    """
    started = time.perf_counter()
    progress(0.1, f"summarising with {request.summariser}")
    summary = summarise(request)
    seconds = time.perf_counter() - started
    progress(0.6, "checking the summary against its sources and judging checklist coverage")
    cluster = request.cluster
    checklist = cluster_checklist(cluster.id)
    report = measure(request.summariser, summary, cluster, checklist, judge_panel().judges, judge_fact=warm_judgement)
    return dataclasses.replace(report, metrics={"seconds": round(seconds, 3), **report.metrics})


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


def user_errors(function: Callable[..., T]) -> Callable[..., T]:
    """Show an `MdsumError` to the user (browser or API client) as its one-line message."""
    import gradio as gr

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return function(*args, **kwargs)
        except MdsumError as error:
            raise gr.Error(str(error), print_exception=False) from None

    return wrapper


# Gradio documents an API endpoint from its signature and docstring (``Args:``), as MCP does.
API_ARGUMENTS = f"""Args:
    articles: the article texts, one string each (at most {MAX_ARTICLES}, {MAX_INPUT_BYTES // 1000} KB in all)
    summariser: a configured summariser name (`mdsum list`); empty for the default
    words: the word budget of the summary
    cluster_id: the cluster's id, which selects its key-fact checklist if there is one
"""


def check_api_types(articles: Any, summariser: Any, cluster_id: Any) -> None:
    """Refuse what a JSON client may send but the API does not take: articles other than a list of strings
    (a plain string would otherwise be read one character per article), a summariser or cluster id not a string."""
    if not isinstance(articles, list):
        raise InputError(f"articles must be a list of strings, one per article, not {_json_type(articles)}")
    for number, article in enumerate(articles, start=1):
        if not isinstance(article, str):
            raise InputError(
                f"articles must be a list of strings, one per article; article {number} is {_json_type(article)}"
            )
    for name, value in (("summariser", summariser), ("cluster_id", cluster_id)):
        if not isinstance(value, str):
            raise InputError(f"{name} must be a string, not {_json_type(value)}")


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, as an API client wrote it."""
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _api(endpoint: Callable[[Request], Summary | Report], does: str, returns: str) -> Callable[..., dict]:
    """``endpoint`` as a JSON API endpoint: plain arguments in, checked into a `Request`; its record as a dict out."""

    def call(
        articles: list[str], summariser: str = "", words: int = DEFAULT_WORDS, cluster_id: str = DEMO_CLUSTER_ID
    ) -> dict:
        check_api_types(articles, summariser, cluster_id)
        return endpoint(check_request(articles, summariser, words, cluster_id)).to_dict()

    call.__name__ = call.__qualname__ = f"api_{endpoint.__name__}"
    call.__doc__ = f"{does}\n\n{API_ARGUMENTS}Returns:\n    {returns}\n"
    return call


api_summarise = _api(
    summarise,
    "Summarise several articles about one event into one summary.",
    "the Summary as JSON: sentences with their source sentences, summariser, config, notes",
)
api_evaluate = _api(
    evaluate,
    "Summarise the articles and evaluate the summary: checklist coverage and unsupported sentences.",
    "the Report as JSON: summary, judgements per fact, metrics (seconds, words, coverage), unsupported",
)
