"""Judges by name: the kinds below, configured and calibrated in ``configs/judges.yaml``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import ConfigDict, Field, with_config
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from mdsum.catalogue import ClassCatalogue, Configured, Problem
from mdsum.judges.base import Judge, Match
from mdsum.registry import Registry

JUDGES: Registry[Judge] = Registry(
    "judge kind",
    {
        "lexical": "mdsum.judges.lexical:LexicalJudge",
        "embedding": "mdsum.judges.embedding:EmbeddingJudge",
        "lm": "mdsum.judges.lm:LMJudge",
        "entailment": "mdsum.judges.entailment:EntailmentJudge",
        "ensemble": "mdsum.judges.ensemble:EnsembleJudge",
    },
)

MIN_DEFAULT_KAPPA = 0.6  # a judge that agrees less with the hand labels is never the default


@with_config(ConfigDict(extra="forbid"))
class Recorded(TypedDict, total=False):
    """The ``calibration`` block `mdsum eval calibrate --write` records: agreement with the gold labels
    (on their held-out part when there is one)."""

    gold: str
    method: str
    kappa: float
    accuracy: float
    precision: float
    recall: float
    decisions: int
    cross_validated_kappa: float  # leave-one-summary-out on the calibration part


class JudgeEntry(Configured):
    """One named entry of ``configs/judges.yaml``: a kind, its parameters, and what calibration measured."""

    REGISTRY: ClassVar[Registry[Any]] = JUDGES
    KIND: ClassVar[str] = "kind"

    kind: str
    calibration: Recorded = Field(default_factory=Recorded)

    @property
    def kappa(self) -> float | None:
        return self.calibration.get("kappa")


class JudgeCatalogue(ClassCatalogue[JudgeEntry]):
    """The judges; the default is the calibrated best, and none at all (``default: null``) below the floor."""

    FAMILY = "judge"
    SECTION = "judges"
    ENTRY = JudgeEntry
    DEFAULT_REQUIRED = False
    REFERENCES = ("members",)  # an ensemble's judges

    def problems(self) -> Iterator[Problem]:
        yield from super().problems()
        if self.default is not None and self.default in self.entries:
            kappa = self.entries[self.default].kappa
            if kappa is None or kappa < MIN_DEFAULT_KAPPA:
                yield (
                    ("default",),
                    (
                        f"default judge '{self.default}' has Cohen's kappa {kappa} < {MIN_DEFAULT_KAPPA}; "
                        "set default: null or calibrate a better judge"
                    ),
                )


def build_judge(name: str, catalogue: JudgeCatalogue | None = None, **overrides: Any) -> Judge:
    """The judge ``name`` of ``catalogue`` (default: the shipped one) with its calibrated threshold."""
    return (catalogue if catalogue is not None else JudgeCatalogue.read()).build(name, **overrides)


__all__ = [
    "JUDGES",
    "MIN_DEFAULT_KAPPA",
    "Judge",
    "JudgeCatalogue",
    "JudgeEntry",
    "Match",
    "Recorded",
    "build_judge",
]
