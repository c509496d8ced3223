"""LM judge: ask the packaged instruct model "Does the summary state that ...?" and read Yes/No.

No sampling: the score is P(Yes) / (P(Yes) + P(No)) of the first reply token, so it is
deterministic and thresholdable like the other judges. Every fact of a checklist is asked
about the same summary, so the prompt puts the summary first and its key/value cache is
computed once per summary; each fact then costs only its question's tokens.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

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
        from mdsum.llm import load_model

        statement = fact.statement[:1].lower() + fact.statement[1:]
        context = _CONTEXT.format(summary="\n".join(s.text for s in summary.sentences))
        logprobs = _asker(load_model(self.model)).logprobs(context, _QUESTION.format(statement=statement))
        yes, no = (math.exp(logprobs[answer]) for answer in _ANSWERS)
        score = yes / (yes + no) if yes + no > 0 else 0.0
        return Match(score, _closest_sentence(summary, fact.statement))


class _PrefixAsker:
    """Next-token log-probabilities of Yes/No for ``context + question`` as one user turn,
    reusing the key/value cache of the chat-template prefix that ends with ``context``."""

    def __init__(self, loaded, capacity: int = 4) -> None:
        self.loaded = loaded
        self.capacity = capacity
        self.prefixes: OrderedDict[str, tuple[int, Any]] = OrderedDict()  # context -> (length, transformers Cache)
        tokenizer = loaded.tokenizer
        self.answer_ids = {}
        for answer in _ANSWERS:
            ids = tokenizer(answer, add_special_tokens=False)["input_ids"]
            if not ids:
                raise ModelError(f"model '{loaded.spec.name}' cannot encode the answer {answer!r}")
            self.answer_ids[answer] = ids[0]

    def _split_prompt(self, context: str, question: str) -> tuple[list[int], list[int]]:
        tokenizer = self.loaded.tokenizer
        if not getattr(tokenizer, "chat_template", None):
            raise ModelError(f"model '{self.loaded.spec.name}' is a chat model without a chat template")
        rendered = tokenizer.apply_chat_template(
            [{"role": "user", "content": context + question}], add_generation_prompt=True, tokenize=False
        )
        cut = rendered.index(question)
        encode = lambda text: tokenizer(text, add_special_tokens=False)["input_ids"]  # noqa: E731
        return encode(rendered[:cut]), encode(rendered[cut:])

    def logprobs(self, context: str, question: str) -> dict[str, float]:
        import torch

        prefix, suffix = self._split_prompt(context, question)
        model = self.loaded.model
        with self.loaded.lock, torch.inference_mode():
            if context not in self.prefixes:
                output = model(input_ids=torch.tensor([prefix]), use_cache=True)
                self.prefixes[context] = (len(prefix), output.past_key_values)
                while len(self.prefixes) > self.capacity:
                    self.prefixes.popitem(last=False)
            self.prefixes.move_to_end(context)
            length, cache = self.prefixes[context]
            cache.crop(length - cache.get_seq_length())  # drop the previous question, keep the summary
            logits = model(input_ids=torch.tensor([suffix]), past_key_values=cache, use_cache=True).logits[0, -1]
        logprobs = torch.log_softmax(logits.float(), dim=-1)
        return {answer: float(logprobs[token]) for answer, token in self.answer_ids.items()}


_askers: dict[int, _PrefixAsker] = {}
_askers_lock = threading.Lock()


def _asker(loaded) -> _PrefixAsker:
    """One asker per loaded model instance (the model itself is shared process-wide)."""
    with _askers_lock:
        if id(loaded) not in _askers:
            _askers[id(loaded)] = _PrefixAsker(loaded)
        return _askers[id(loaded)]


def _closest_sentence(summary, statement: str) -> str:
    """The model answers for the whole summary; its evidence is the sentence sharing most of the fact's words."""
    words = frozenset(content_stems(statement, numbers=False))
    return max((s.text for s in summary.sentences), key=lambda text: len(words.intersection(stems(text))))
