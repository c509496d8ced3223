"""Plan rewrite: the chat model turns the dated content plan into one merged account.

Fed whole articles, a small model copies one of them in order; fed a plan -- one line per
theme, in time order, a later development tagged with its date -- it only has to join and
compress. The plan comes from the extractive `themes` summariser (``selector``), which is
also what the summary falls back to when the model fails or writes nothing usable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mdsum.errors import ConfigError, ModelError
from mdsum.model import Cluster, Document
from mdsum.summarisers.base import Draft
from mdsum.summarisers.model_summariser import TOKENS_PER_WORD, ModelSummariser, Reading

SYSTEM = "You are a news editor who turns a content plan into one short, factual news account."
TASK = (
    "Write the plan as one merged news account of at most {words} words, in plain prose and past tense.",
    "Keep the order of the plan; a line that starts with a date in brackets is a later development: "
    "tell it last, introduced by that date.",
    "Use only the facts in the plan, spell names as the plan does, and state each fact once.",
    "No title, no list, no comments about the plan.",
)


@dataclass(frozen=True)
class PlanRewriteSummariser(ModelSummariser):
    """The model rewrites the plan of ``selector`` (a `themes` summariser) made for ``input_tokens``."""

    algorithm = "plan-rewrite"
    selector: str = "themes"

    def _planner(self) -> Any:
        from mdsum.summarisers import build_summariser
        from mdsum.summarisers.themes import ThemesSummariser

        planner = build_summariser(self.selector, self.catalogue)
        if not isinstance(planner, ThemesSummariser):
            raise ConfigError(f"plan-rewrite: selector must be a 'themes' summariser, got '{self.selector}'")
        return planner

    def _read(self, cluster: Cluster, documents: Sequence[Document], words: int, loaded: Any) -> Reading:
        """The plan's lines, (date tag of a later development or "", sentence), in time order."""
        plan = self._planner().plan(cluster, max(words, int(self.input_tokens / TOKENS_PER_WORD)))
        items = [(item.tag, item.text) for item in plan.items]
        return Reading(items, f"rewrote the '{self.selector}' plan of {len(items)} themes")

    def _fuse_prompt(self, loaded, items: Sequence[tuple[str, str]], words: int):
        """Chat messages giving the model only the plan; the plan's sentences joined for seq2seq."""
        if loaded.spec.family == "seq2seq":
            return super()._fuse_prompt(loaded, items, words)
        task = [line.format(words=self._target_words(words)) for line in TASK]
        plan = "\n".join(f"- {tag} {text}" if tag else f"- {text}" for tag, text in items)
        user = "Content plan (one fact per line, in time order):\n" + plan + "\n\n" + "\n".join(task)
        return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}], (SYSTEM, *task)

    def _summarise(self, cluster: Cluster, words: int) -> Draft:
        """The rewrite, or the extractive plan with a note when the model fails while writing.

        A model that cannot be loaded is an error (the caller must install it); one that fails
        once loaded (out of memory, a runtime fault) costs this summary its rewrite, not its answer.
        """
        from mdsum.llm import load_model

        load_model(self.model)  # the one shared instance, which the rewrite then uses
        try:
            return super()._summarise(cluster, words)
        except (ModelError, RuntimeError, ValueError) as error:
            return self._fallback(cluster, words, [f"the model failed while writing ({error}); kept the plan"])
