"""The one interface every judge implements: does this summary state this checklist fact?

As in Lite2Pyramid, a judge scores one (summary, human-written unit) pair; the score is
threshold-free, so calibration can fit the threshold on hand labels without re-scoring.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from mdsum.model import Fact, Judgement, Summary


class Match(NamedTuple):
    """A judge's raw verdict: a score in [0, 1] and the summary sentence behind it (or None)."""

    score: float
    evidence: str | None


@dataclass(frozen=True)
class Judge(ABC):
    """``judge(summary, fact) -> Judgement``; parameters are the dataclass fields.

    Subclasses are frozen dataclasses whose fields (all with defaults) are set from
    ``configs/judges.yaml``; ``threshold`` turns the score into covered / not covered.
    """

    kind: ClassVar[str]
    version: ClassVar[int] = 1  # bump when the scoring changes, so cached verdicts are not reused
    name: str = ""  # the configured name ("lexical", "ensemble", ...)
    threshold: float = 0.5

    def judge(self, summary: Summary, fact: Fact) -> Judgement:
        match = self.match(summary, fact)
        return Judgement(
            fact_id=fact.id,
            covered=match.score >= self.threshold,
            score=match.score,
            judge=self.name or self.kind,
            evidence=match.evidence,
        )

    __call__ = judge

    def match(self, summary: Summary, fact: Fact) -> Match:
        """The score and evidence, clipped to [0, 1]; no evidence in an empty summary."""
        if not summary.sentences:
            return Match(0.0, None)
        score, evidence = self._match(summary, fact)
        return Match(min(1.0, max(0.0, float(score))), evidence)

    def unavailable_reason(self) -> str | None:
        """Why this judge cannot run here (a model not installed), or None when it can."""
        return None

    @property
    def config(self) -> dict[str, Any]:
        """The judge kind, version and parameters: part of every cache key of its verdicts."""
        params = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "name"}
        return {"kind": self.kind, "version": self.version, **params}

    @abstractmethod
    def _match(self, summary: Summary, fact: Fact) -> Match:
        """The judge proper: the summary has at least one sentence."""


@dataclass(frozen=True)
class ChatJudge(Judge):
    """A judge that asks a chat model of ``configs/models.yaml`` (or a local model directory) Yes or No."""

    model: str = "qwen2.5-coder-0.5b-instruct"

    def unavailable_reason(self) -> str | None:
        from mdsum.entailment import model_unavailable_reason

        return model_unavailable_reason(self.model)
