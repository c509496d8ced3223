"""Summarisers by name: the algorithms below, configured in ``configs/summarisers.yaml``."""

from __future__ import annotations

from typing import Any, ClassVar

from mdsum.catalogue import ClassCatalogue, Configured
from mdsum.registry import Registry
from mdsum.summarisers.base import Summariser

ALGORITHMS: Registry[Summariser] = Registry(
    "summariser algorithm",
    {
        "lead": "mdsum.summarisers.lead:LeadSummariser",
        "lexrank": "mdsum.summarisers.lexrank:LexRankSummariser",
        "textrank": "mdsum.summarisers.textrank:TextRankSummariser",
        "centroid-mmr": "mdsum.summarisers.centroid_mmr:CentroidMMRSummariser",
        "submodular": "mdsum.summarisers.submodular:SubmodularSummariser",
        "learned": "mdsum.summarisers.learned:LearnedSummariser",
        "themes": "mdsum.summarisers.themes:ThemesSummariser",
        "abstractive": "mdsum.summarisers.abstractive:AbstractiveSummariser",
        "abstractive-direct": "mdsum.summarisers.abstractive_direct:DirectAbstractiveSummariser",
        "abstractive-hierarchical": "mdsum.summarisers.abstractive_hierarchical:HierarchicalAbstractiveSummariser",
        "plan-rewrite": "mdsum.summarisers.plan_rewrite:PlanRewriteSummariser",
    },
)


class SummariserEntry(Configured):
    """One named entry of ``configs/summarisers.yaml``: an algorithm and its parameters."""

    REGISTRY: ClassVar[Registry[Any]] = ALGORITHMS
    KIND: ClassVar[str] = "algorithm"

    algorithm: str


class SummariserCatalogue(ClassCatalogue[SummariserEntry]):
    FAMILY = "summariser"
    SECTION = "summarisers"
    ENTRY = SummariserEntry
    REFERENCES = ("selector",)  # a model summariser's extractive selector and fallback


def build_summariser(
    name: str | None = None, catalogue: ClassCatalogue[Any] | None = None, **overrides: Any
) -> Summariser:
    """The summariser ``name`` of ``catalogue`` (default: the shipped one, and its default summariser)."""
    return (catalogue if catalogue is not None else SummariserCatalogue.read()).build(name, **overrides)


__all__ = ["ALGORITHMS", "Summariser", "SummariserCatalogue", "SummariserEntry", "build_summariser"]
