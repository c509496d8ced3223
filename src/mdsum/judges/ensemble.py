"""Ensemble judge: combine configured judges by a weighted mean of scores or a weighted vote.

Judges fail differently (lexical misses paraphrase, embeddings miss a wrong number),
so a combination can agree with people more often than any one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from mdsum.errors import ConfigError
from mdsum.judges import JudgeCatalogue, build_judge
from mdsum.judges.base import Judge, Match

MODES = ("mean", "vote")


@dataclass(frozen=True)
class EnsembleJudge(Judge):
    """``mean``: weighted mean of member scores; ``vote``: weighted share of members that say covered."""

    kind = "ensemble"
    threshold: float = 0.5
    members: tuple[str, ...] = ("lexical", "embedding")
    weights: tuple[float, ...] = ()  # empty: equal weights
    mode: str = "mean"
    # The catalogue it was built from: members are judges of the same file (None: the shipped catalogue).
    catalogue: JudgeCatalogue | None = field(default=None, repr=False, compare=False, kw_only=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "members", tuple(self.members))
        object.__setattr__(self, "weights", tuple(float(w) for w in self.weights) or (1.0,) * len(self.members))
        if not self.members:
            raise ConfigError(f"judge '{self.name}': an ensemble needs members")
        if len(self.weights) != len(self.members) or min(self.weights) < 0 or sum(self.weights) <= 0:
            raise ConfigError(f"judge '{self.name}': weights must be one non-negative number per member")
        if self.mode not in MODES:
            raise ConfigError(f"judge '{self.name}': unknown mode '{self.mode}' (known: {', '.join(MODES)})")
        if self.name and self.name in self.members:
            raise ConfigError(f"judge '{self.name}' cannot be a member of itself")

    @cached_property
    def judges(self) -> tuple[Judge, ...]:
        return tuple(build_judge(member, self.catalogue) for member in self.members)

    @property
    def config(self) -> dict:
        """Members' own settings (thresholds, models) change the verdicts, so they are part of it."""
        own = {key: value for key, value in super().config.items() if key != "catalogue"}
        return {**own, "member_configs": [judge.config for judge in self.judges]}

    def unavailable_reason(self) -> str | None:
        for judge in self.judges:
            reason = judge.unavailable_reason()
            if reason:
                return f"member '{judge.name}': {reason}"
        return None

    def _match(self, summary, fact) -> Match:
        verdicts = [judge.judge(summary, fact) for judge in self.judges]
        if self.mode == "vote":
            values = [float(verdict.covered) for verdict in verdicts]
        else:
            values = [verdict.score for verdict in verdicts]
        score = sum(w * v for w, v in zip(self.weights, values, strict=False)) / sum(self.weights)
        with_evidence = [(w * v.score, v.evidence) for w, v in zip(self.weights, verdicts, strict=False) if v.evidence]
        evidence = max(with_evidence, key=lambda pair: pair[0])[1] if with_evidence else None
        return Match(score, evidence)
