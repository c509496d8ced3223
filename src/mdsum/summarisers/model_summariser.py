"""What the three abstractive summarisers share: the model, the fusion prompt, the post-check,
provenance alignment and the extractive fallback.

Each algorithm module only decides what the model reads (selected sentences, truncated
documents, or per-document summaries); writing, checking and attributing is done here.
"""

from __future__ import annotations

import math
from abc import abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from mdsum.entailment import EntailmentScorer
from mdsum.errors import ConfigError
from mdsum.model import Cluster, Document
from mdsum.planning.select import Plan
from mdsum.summarisers.base import Draft, Summariser
from mdsum.summarisers.plan_fidelity import keep_to_plan
from mdsum.summarisers.postcheck import check_output, introduced_once, verify_sentences, within_budget

TOKENS_PER_WORD = 1.5  # English news in BPE vocabularies; leaves room to finish the last sentence
VERIFY = ("detail", "entailment")  # how written sentences are checked against the sources

SYSTEM = "You are a news editor who merges several reports about one event into one short, factual account."
TASK = (
    "Write one merged news account of at most {words} words, as plain prose in past tense: what happened, "
    "when, who said what, the outcome and what comes next.",
    "Use only facts stated in the sources, spell names as the sources do, and state each fact once.",
    "Present facts from later dates as later developments.",
    "No title, no list, no comments about the sources.",
)


def dated(document: Document) -> str:
    return f"[{document.date or 'undated'}]"


class Reading(NamedTuple):
    """What the model is to merge, (date tag, text) each, and a note saying how it was picked.

    ``restatements``: (document id, sentence index) -> how the summary may state that source
    sentence (a plan's line: relative days resolved, a later report dated); verification puts it,
    not the raw source sentence, in place of a written sentence that fails. ``plan``: the content
    plan the written summary is held to (`keep_to_plan`), made for at least as many words as the items'.
    """

    items: Sequence[tuple[str, str]]
    note: str
    restatements: Mapping[tuple[str, int], str] = {}
    plan: Plan | None = None


@dataclass(frozen=True)
class ModelSummariser(Summariser):
    """A summariser that has a generation model write the summary.

    ``model`` is a name from configs/models.yaml or a local model directory; ``selector``
    names the extractive summariser used to pick the input (extract-then-fuse) and as the
    fallback when the model writes nothing usable. ``verify``: "detail" drops a written sentence
    stating a number, date or name no source states; "entailment" besides asks the same model
    whether the sentence's sources entail it, and replaces a failing one by its source sentence.
    """

    version: ClassVar[int] = 37  # bumped whenever the same model output can give a different summary
    model: str = "qwen2.5-coder-0.5b-instruct"
    selector: str = "lexrank"
    input_tokens: int = 600
    max_output_tokens: int = 200
    verify: str = "detail"
    verify_model: str = ""  # the chat model that judges entailment; empty: ``model`` itself (already loaded)

    def __post_init__(self) -> None:
        if self.verify not in VERIFY:
            raise ConfigError(f"summariser '{self.name}': unknown verify '{self.verify}' (known: {', '.join(VERIFY)})")

    @property
    def versions(self) -> tuple[int | str, ...]:
        """Its own and its selector's: the model reads (and falls back to) what the selector picks."""
        from mdsum.summarisers import build_summariser

        return (self.version, *build_summariser(self.selector, self.catalogue).versions)

    def _summarise(self, cluster: Cluster, words: int) -> Draft:
        from mdsum.llm import load_model

        loaded = load_model(self.model)
        documents = [document for document in cluster.documents if document.sentences]
        reading = self._read(cluster, documents, words, loaded)
        if not reading.items:
            return self._fallback(cluster, words, [reading.note])
        prompt, instructions = self._fuse_prompt(loaded, reading.items, words)
        text = self._write(loaded, prompt, words)
        return self._finish(cluster, words, text, instructions, reading)

    @abstractmethod
    def _read(self, cluster: Cluster, documents: Sequence[Document], words: int, loaded: Any) -> Reading:
        """What the model merges: the algorithm proper (``documents`` are the cluster's non-empty ones)."""

    def _target_words(self, words: int) -> int:
        """The words to ask for: the budget, or fewer if the output-token cap could not fit them."""
        return max(1, min(words, math.floor(self.max_output_tokens / TOKENS_PER_WORD)))

    def _fuse_prompt(self, loaded, items: Sequence[tuple[str, str]], words: int):
        """Chat messages asking to merge ``items`` (date tag, text); plain joined text for seq2seq."""
        if loaded.spec.family == "seq2seq":
            return loaded.spec.document_separator.join(text for _, text in items), ()
        task = [line.format(words=self._target_words(words)) for line in TASK]
        sources = "\n".join(f"{tag} {text}" for tag, text in items)
        user = "Sources (date, then text):\n" + sources + "\n\n" + "\n".join(task)
        return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}], (SYSTEM, *task)

    def _write(self, loaded, prompt, words: int) -> str:
        from mdsum.llm import generate

        tokens = min(self.max_output_tokens, math.ceil(self._target_words(words) * TOKENS_PER_WORD) + 24)
        return generate(loaded, prompt, max_new_tokens=tokens)

    def _finish(
        self,
        cluster: Cluster,
        words: int,
        text: str,
        instructions,
        reading: Reading,
    ) -> Draft:
        """The checked model output with provenance (held to the plan, if the model rewrote one), or the
        extractive fallback if nothing is left."""
        from mdsum.text.split import split_sentences

        titles = [document.title for document in cluster.documents if document.title]
        # A rewrite held to its plan is fitted to the budget there, by what its sentences state.
        room = words if reading.plan is None else len(text.split())
        checked = check_output(text, room, instructions, titles, split_sentences)
        scorer = EntailmentScorer(self.verify_model or self.model) if self.verify == "entailment" else None
        verified = verify_sentences(checked.sentences, cluster, scorer, reading.restatements)
        notes = [reading.note, *checked.notes, *verified.notes]
        if reading.plan is not None:
            verified = keep_to_plan(verified.sentences, reading.plan, cluster, words)
            notes += verified.notes
        verified = introduced_once(verified.sentences, cluster, words)
        notes += verified.notes
        kept = within_budget(verified.sentences, words, notes)
        if not kept.sentences:
            return self._fallback(cluster, words, [*kept.notes, "the model wrote no usable sentence"])
        return Draft(kept.sentences, kept.notes)

    def _fallback(self, cluster: Cluster, words: int, notes: Sequence[str]) -> Draft:
        from mdsum.summarisers import build_summariser

        extract = build_summariser(self.selector, self.catalogue).summarise(cluster, words)
        return Draft(extract.sentences, [*notes, f"fell back to the extractive '{self.selector}' summary"])
