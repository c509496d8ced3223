"""Plan rewrite: the chat model turns the dated content plan into one merged account.

Fed whole articles, a small model copies one of them in order; fed a plan -- one line per
theme, each tagged with its article's date, in time order, a later development last and
introduced by its date -- it only has to join and compress. The prompt is the model
summarisers' merge prompt; only what the model reads differs. The plan comes from the
extractive `themes` summariser (``selector``), which is also what the summary falls back to
when the model fails or writes nothing usable. The rewrite is then held to the plan
(`mdsum.summarisers.plan_fidelity`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mdsum.errors import ConfigError, ModelError
from mdsum.model import Cluster, Document
from mdsum.planning.select import extended
from mdsum.summarisers.base import Draft
from mdsum.summarisers.model_summariser import TOKENS_PER_WORD, ModelSummariser, Reading, dated

# The rewrite is held to a plan for this many times its budget: what the model saves by merging, the
# next heaviest lines of that plan fill (`keep_to_plan`).
HELD_PLAN_SCALE = 1.5


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
        """The plan's lines in its order, each (its article's date tag, its sentence)."""
        plan, held = self._planner().plans(
            cluster, max(words, int(self.input_tokens / TOKENS_PER_WORD)), math.ceil(words * HELD_PLAN_SCALE)
        )
        held = extended(plan, held)
        items = [(dated(cluster.documents[item.statement.document]), item.text) for item in plan.items]
        restatements = {
            (cluster.documents[item.statement.document].id, item.statement.sentence): item.text
            for item in (*plan.items, *held.items)
        }
        return Reading(items, f"rewrote the '{self.selector}' plan of {len(items)} themes", restatements, held)

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
