"""LM judge: ask the packaged instruct model "Does the summary state that ...?" and read Yes/No.

No sampling: the score is P(Yes) / (P(Yes) + P(No)) of the first reply token, so it is
deterministic and thresholdable like the other judges. Every fact of a checklist is asked
about the same summary, so the prompt puts the summary first: the runtime reuses the key/value
cache of that shared prefix, and each fact costs only its question's tokens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mdsum.errors import ModelError
from mdsum.judges.base import Judge, Match
from mdsum.text.tokens import content_stems, stems

_CONTEXT = "Summary:\n{summary}\n\n"
_QUESTION = "Does the summary state that {statement} Numbers and dates must match exactly. Answer Yes or No."
_ANSWERS = ("Yes", "No")


@dataclass(frozen=True)
class LMJudge(Judge):
    """Yes/No next-token probabilities of a chat model from ``configs/models.yaml`` (or a local directory)."""

    kind = "lm"
    threshold: float = 0.5
    model: str = "qwen2.5-coder-0.5b-instruct"

    def unavailable_reason(self) -> str | None:
        from mdsum.llm.packaged import part_paths
        from mdsum.llm.specs import model_spec

        try:
            spec = model_spec(self.model)
            if spec.packaged is not None:
                part_paths(spec.packaged)
        except ModelError as error:
            return str(error)
        if spec.family != "chat":
            return f"model '{self.model}' is {spec.family}; the lm judge needs a chat model"
        return None

    def _match(self, summary, fact) -> Match:
        from mdsum.llm import load_model, next_token_logprobs

        statement = fact.statement[:1].lower() + fact.statement[1:]
        context = _CONTEXT.format(summary="\n".join(s.text for s in summary.sentences))
        prompt = context + _QUESTION.format(statement=statement)
        logprobs = next_token_logprobs(load_model(self.model), prompt, _ANSWERS)
        yes, no = (math.exp(logprobs[answer]) for answer in _ANSWERS)
        score = yes / (yes + no) if yes + no > 0 else 0.0
        return Match(score, _closest_sentence(summary, fact.statement))


def _closest_sentence(summary, statement: str) -> str:
    """The model answers for the whole summary; its evidence is the sentence sharing most of the fact's words."""
    words = frozenset(content_stems(statement, numbers=False))
    return max((s.text for s in summary.sentences), key=lambda text: len(words.intersection(stems(text))))
