"""Ensemble judge: combine configured judges by a weighted mean, a weighted vote, or a fitted logistic model.

Judges fail differently (lexical misses paraphrase, embeddings miss a wrong number),
so a combination can agree with people more often than any one of them. ``logistic`` weights are
not set by hand: `mdsum eval calibrate --fit-ensemble` fits them on the gold labels (logistic
regression over the members' scores) and writes them with the intercept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from mdsum.errors import ConfigError
from mdsum.judges import JudgeCatalogue, build_judge
from mdsum.judges.base import Judge, Match

MODES = ("mean", "vote", "logistic")


@dataclass(frozen=True)
class EnsembleJudge(Judge):
    """``mean``: weighted mean of member scores; ``vote``: weighted share of members that say covered;
    ``logistic``: the probability ``1 / (1 + exp(-(intercept + weights . scores)))``, weights of any sign."""

    kind = "ensemble"
    threshold: float = 0.5
    members: tuple[str, ...] = ("lexical", "embedding")
    weights: tuple[float, ...] = ()  # empty: equal weights
    mode: str = "mean"
    intercept: float = 0.0  # logistic only
    # The catalogue it was built from: members are judges of the same file (None: the shipped catalogue).
    catalogue: JudgeCatalogue | None = field(default=None, repr=False, compare=False, kw_only=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "members", tuple(self.members))
        object.__setattr__(self, "weights", tuple(float(w) for w in self.weights) or (1.0,) * len(self.members))
        if not self.members:
            raise ConfigError(f"judge '{self.name}': an ensemble needs members")
        if self.mode not in MODES:
            raise ConfigError(f"judge '{self.name}': unknown mode '{self.mode}' (known: {', '.join(MODES)})")
        signed = self.mode == "logistic"  # fitted weights may be negative; a mean's or a vote's may not
        unsigned_ok = signed or (min(self.weights) >= 0 and sum(self.weights) > 0)
        if len(self.weights) != len(self.members) or not unsigned_ok:
            kind = "" if signed else "non-negative "
            raise ConfigError(f"judge '{self.name}': weights must be one {kind}number per member")
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
        combined = sum(w * v for w, v in zip(self.weights, values, strict=False))
        if self.mode == "logistic":
            score = 1.0 / (1.0 + math.exp(-(self.intercept + combined)))
        else:
            score = combined / sum(self.weights)
        with_evidence = [(w * v.score, v.evidence) for w, v in zip(self.weights, verdicts, strict=False) if v.evidence]
        evidence = max(with_evidence, key=lambda pair: pair[0])[1] if with_evidence else None
        return Match(score, evidence)
