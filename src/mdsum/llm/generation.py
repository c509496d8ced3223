"""Generation on a `LoadedModel`: chat models through their chat template, seq2seq on plain text.

transformers 5 has no summarization pipeline, so this is the one place that turns a prompt
into ``generate()`` inputs and the output ids back into text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mdsum.errors import ModelError
from mdsum.llm.loading import LoadedModel

Messages = Sequence[Mapping[str, str]]
Prompt = str | Messages

_SAMPLING_ONLY = ("temperature", "top_p", "top_k")


def _as_messages(prompt: Prompt) -> list[dict[str, str]]:
    if isinstance(prompt, str):
        return [{"role": "user", "content": prompt}]
    return [dict(message) for message in prompt]


def encode(loaded: LoadedModel, prompt: Prompt):
    """Model inputs (a dict of tensors) for ``prompt``; chat prompts end with the assistant's turn."""
    tokenizer = loaded.tokenizer
    if loaded.spec.family == "chat":
        if not getattr(tokenizer, "chat_template", None):
            raise ModelError(f"model '{loaded.spec.name}' is a chat model without a chat template")
        return tokenizer.apply_chat_template(
            _as_messages(prompt), add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
    text = prompt if isinstance(prompt, str) else "\n\n".join(m["content"] for m in prompt)
    return tokenizer(text, return_tensors="pt", truncation=True, max_length=loaded.spec.context)


def generation_settings(loaded: LoadedModel, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The model's defaults from models.yaml, overridden; sampling knobs dropped when greedy."""
    settings = {**loaded.spec.generation, **overrides}
    if not settings.get("do_sample", False):
        settings = {k: v for k, v in settings.items() if k not in _SAMPLING_ONLY}
    return settings


def generate(loaded: LoadedModel, prompt: Prompt, max_new_tokens: int, **overrides: Any) -> str:
    """The model's reply to ``prompt`` (a string or chat messages), special tokens removed."""
    import torch

    inputs = encode(loaded, prompt)
    tokenizer = loaded.tokenizer
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    with loaded.lock, torch.inference_mode():
        output = loaded.model.generate(
            **inputs,
            max_new_tokens=max_new_tokens,
            pad_token_id=pad,
            **generation_settings(loaded, overrides),
        )
    new_tokens = output[0] if loaded.model.config.is_encoder_decoder else output[0, inputs["input_ids"].shape[1] :]
    return tokenizer.decode(new_tokens, skip_special_tokens=True).strip()


def next_token_logprobs(loaded: LoadedModel, prompt: Prompt, candidates: Sequence[str]) -> dict[str, float]:
    """Log-probability that the reply starts with each candidate (its first token), e.g. Yes/No.

    Judges read these instead of parsing free text: one forward pass, no sampling.
    """
    import torch

    if loaded.model.config.is_encoder_decoder:
        raise ModelError(f"model '{loaded.spec.name}' is seq2seq; next-token judging needs a chat model")
    inputs = encode(loaded, prompt)
    with loaded.lock, torch.inference_mode():
        logits = loaded.model(**inputs).logits[0, -1].float()
    logprobs = torch.log_softmax(logits, dim=-1)
    scores = {}
    for candidate in candidates:
        ids = loaded.tokenizer(candidate, add_special_tokens=False)["input_ids"]
        if not ids:
            raise ModelError(f"candidate {candidate!r} encodes to no token")
        scores[candidate] = float(logprobs[ids[0]])
    return scores
