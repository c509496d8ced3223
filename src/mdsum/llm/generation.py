"""Generation on a `LoadedModel`, whichever runtime runs it: the calls summarisers and judges make."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mdsum.llm.runtime import LoadedModel, Prompt, generation_settings


def generate(loaded: LoadedModel, prompt: Prompt, max_new_tokens: int, **overrides: Any) -> str:
    """The model's reply to ``prompt`` (a string or chat messages), special tokens removed.

    ``overrides`` replace the model's ``generation:`` defaults (transformers' names; ``stop``: a list of
    strings that end the reply and are not part of it).
    """
    return loaded.generate(prompt, max_new_tokens, generation_settings(loaded.spec, overrides))


def next_token_logprobs(loaded: LoadedModel, prompt: Prompt, candidates: Sequence[str]) -> dict[str, float]:
    """Log-probability that the reply starts with each candidate (its first token), e.g. Yes/No.

    Judges read these instead of parsing free text: one forward pass, no sampling. Questions that
    share a long prompt prefix (a summary, then one question per fact) reuse its key/value cache.
    """
    return loaded.next_token_logprobs(prompt, candidates)
