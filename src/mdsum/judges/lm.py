"""LM judge: ask the packaged instruct model "Does the summary state that ...?" and read Yes/No.

No sampling: the score is P(Yes) / (P(Yes) + P(No)) of the first reply token, so it is
deterministic and thresholdable like the other judges. Every fact of a checklist is asked
about the same summary, so the prompt puts the summary first: the runtime reuses the key/value
cache of that shared prefix, and each fact costs only its question's tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from mdsum.entailment import ANSWERS, best_supporting, yes_share
from mdsum.judges.base import ChatJudge, Match

_CONTEXT = "Summary:\n{summary}\n\n"
_QUESTION = "Does the summary state that {statement} Numbers and dates must match exactly. Answer Yes or No."


@dataclass(frozen=True)
class LMJudge(ChatJudge):
    """Yes/No next-token probabilities of a chat model from ``configs/models.yaml`` (or a local directory)."""

    kind = "lm"

    def _match(self, summary, fact) -> Match:
        from mdsum.llm import load_model, next_token_logprobs

        statement = fact.statement[:1].lower() + fact.statement[1:]
        sentences = [s.text for s in summary.sentences]
        prompt = _CONTEXT.format(summary="\n".join(sentences)) + _QUESTION.format(statement=statement)
        logprobs = next_token_logprobs(load_model(self.model), prompt, ANSWERS)
        # The model answers for the whole summary; the evidence is the sentence closest to the fact.
        return Match(yes_share(logprobs), best_supporting(sentences, fact.statement))
