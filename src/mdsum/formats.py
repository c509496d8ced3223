"""Render a `Summary` for people (text, Markdown) or programs (JSON, JSONL)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from mdsum.errors import ConfigError
from mdsum.model import Summary

FORMATS = ("text", "json", "jsonl", "md")
SUFFIX_FORMATS = {".txt": "text", ".json": "json", ".jsonl": "jsonl", ".md": "md", ".parquet": "parquet"}


def output_format(requested: str | None, out: Path | None, batch: bool) -> str:
    """The format to write: the one ``out``'s suffix names, else ``requested``, else text for one
    cluster and JSONL for a batch. A ``requested`` format that contradicts the suffix is refused,
    so a ``.jsonl`` file only ever holds JSONL (and so can be resumed)."""
    implied = None if out is None else SUFFIX_FORMATS.get(out.suffix.lower())
    if out is not None and requested and implied and requested != implied:
        raise ConfigError(f"format {requested} does not match {out} (a {out.suffix} file holds {implied})")
    return requested or implied or ("jsonl" if batch else "text")


def render(summary: Summary, fmt: str) -> str:
    """One summary in ``fmt``, ending with a newline."""
    if fmt == "text":
        return textwrap.fill(summary.text, width=100, break_on_hyphens=False) + "\n"
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return summary.to_json() + "\n"
    if fmt == "md":
        return _markdown(summary)
    raise ConfigError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")


def _markdown(summary: Summary) -> str:
    """Each sentence followed by the documents it comes from, so a reader can check it."""
    lines = [f"## {summary.cluster_id} ({summary.summariser}, {summary.word_count} words)", ""]
    for sentence in summary.sentences:
        documents = dict.fromkeys(source.document_id for source in sentence.sources)
        cited = f" [{', '.join(documents)}]" if documents else ""
        lines.append(f"- {sentence.text}{cited}")
    lines.extend(f"\n> note: {note}" for note in summary.notes)
    return "\n".join(lines) + "\n"
