"""What every runtime offers: one interface, so summarisers and judges never ask which engine runs a model.

Two implementations: `mdsum.llm.transformers_runtime` (torch; hub ids, local ``save_pretrained``
directories, seq2seq and chat) and `mdsum.llm.llamacpp_runtime` (packaged GGUF chat models run as
they are, through llama.cpp). ``runtime: {engine: ...}`` in configs/models.yaml picks one per model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from mdsum.llm.specs import ModelSpec

Messages = Sequence[Mapping[str, str]]
Prompt = str | Messages

# Generation settings in transformers' names, the shared vocabulary of configs/models.yaml and of
# generate()'s overrides; the llama.cpp runtime translates the ones it has.
_SAMPLING_ONLY = ("temperature", "top_p", "top_k")


class LoadedModel(Protocol):
    """A loaded model, shared process-wide and safe to call from several threads."""

    @property
    def spec(self) -> ModelSpec: ...

    def count_tokens(self, text: str) -> int: ...

    def truncate(self, text: str, tokens: int) -> str:
        """``text`` cut to its first ``tokens`` tokens."""
        ...

    def generate(self, prompt: Prompt, max_new_tokens: int, settings: Mapping[str, Any]) -> str:
        """The reply to ``prompt`` (chat models: through the chat template), special tokens removed;
        ``settings`` as `generation_settings` gives them, ``stop`` (a list of strings) ends it early."""
        ...

    def next_token_logprobs(self, prompt: Prompt, candidates: Sequence[str]) -> dict[str, float]:
        """Log-probability that the reply starts with each candidate's first token.

        The key/value cache of the longest prompt prefix seen recently is reused, so many questions
        after the same context cost only the questions' tokens.
        """
        ...


def as_messages(prompt: Prompt) -> list[dict[str, str]]:
    """Chat messages; a plain string is one user turn."""
    if isinstance(prompt, str):
        return [{"role": "user", "content": prompt}]
    return [dict(message) for message in prompt]


def as_text(prompt: Prompt) -> str:
    """The prompt as plain text, for models without a chat template (seq2seq)."""
    return prompt if isinstance(prompt, str) else "\n\n".join(message["content"] for message in prompt)


def generation_settings(spec: ModelSpec, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The model's defaults from models.yaml, overridden (None removes one); sampling knobs dropped when greedy."""
    settings = {key: value for key, value in {**spec.generation, **overrides}.items() if value is not None}
    if not settings.get("do_sample", False):
        settings = {key: value for key, value in settings.items() if key not in _SAMPLING_ONLY}
    return settings


def cut_at_stop(text: str, stop: Sequence[str]) -> str:
    """``text`` up to the first stop string, which is not part of the reply."""
    ends = [index for index in (text.find(string) for string in stop) if index >= 0]
    return text[: min(ends)] if ends else text
