"""The transformers + torch runtime: hub ids, local ``save_pretrained`` directories, seq2seq and chat models.

Weights are only ever read as safetensors (``use_safetensors=True``) and no repository code is run
(``trust_remote_code=False``). Packaged GGUF weights given this engine are verified, dequantised once
to fp32 and cached as safetensors (benchmarks/abstractive.py compares this with llama.cpp).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mdsum.errors import ModelError
from mdsum.llm.cache import cached_build
from mdsum.llm.packaged import join_verified
from mdsum.llm.runtime import Prompt, as_messages, as_text, cut_at_stop
from mdsum.llm.specs import ModelSpec
from mdsum.llm.threads import explicit_threads

_JOINED_GGUF = "source.gguf"
_MODEL_SUBDIR = "model"
_PREFIXES_KEPT = 4  # summaries judged at once (a judge asks every fact about one summary in turn)


@dataclass(eq=False)
class _Prefix:
    """A prompt's token ids, the key/value cache computed for them and the logits after them."""

    ids: list[int]
    cache: Any
    logits: Any


@dataclass(eq=False)
class TransformersModel:
    """A torch model and its tokenizer; ``lock`` serialises calls on the shared instance."""

    spec: ModelSpec
    model: Any
    tokenizer: Any
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    prefixes: OrderedDict[int, _Prefix] = field(default_factory=OrderedDict, repr=False)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def truncate(self, text: str, tokens: int) -> str:
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return text if len(ids) <= tokens else self.tokenizer.decode(ids[:tokens], skip_special_tokens=True)

    def encode(self, prompt: Prompt):
        """Model inputs (a dict of tensors) for ``prompt``; chat prompts end with the assistant's turn."""
        if self.spec.family == "chat":
            if not getattr(self.tokenizer, "chat_template", None):
                raise ModelError(f"model '{self.spec.name}' is a chat model without a chat template")
            return self.tokenizer.apply_chat_template(
                as_messages(prompt), add_generation_prompt=True, return_tensors="pt", return_dict=True
            )
        return self.tokenizer(as_text(prompt), return_tensors="pt", truncation=True, max_length=self.spec.context)

    def generate(self, prompt: Prompt, max_new_tokens: int, settings: Mapping[str, Any]) -> str:
        import torch

        settings = dict(settings)
        stop = settings.pop("stop", None) or []
        inputs = self.encode(prompt)
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id
        if stop:
            settings.update(stop_strings=list(stop), tokenizer=self.tokenizer)
        with self.lock, torch.inference_mode():
            output = self.model.generate(**inputs, max_new_tokens=max_new_tokens, pad_token_id=pad, **settings)
        is_seq2seq = self.model.config.is_encoder_decoder
        new_tokens = output[0] if is_seq2seq else output[0, inputs["input_ids"].shape[1] :]
        return cut_at_stop(self.tokenizer.decode(new_tokens, skip_special_tokens=True), stop).strip()

    def next_token_logprobs(self, prompt: Prompt, candidates: Sequence[str]) -> dict[str, float]:
        import torch

        if self.model.config.is_encoder_decoder:
            raise ModelError(f"model '{self.spec.name}' is seq2seq; next-token judging needs a chat model")
        first_tokens = {candidate: self._first_token(candidate) for candidate in candidates}
        ids = self.encode(prompt)["input_ids"][0].tolist()
        with self.lock, torch.inference_mode():
            logprobs = torch.log_softmax(self._last_logits(ids).float(), dim=-1)
        return {candidate: float(logprobs[token]) for candidate, token in first_tokens.items()}

    def _first_token(self, candidate: str) -> int:
        ids = self.tokenizer(candidate, add_special_tokens=False)["input_ids"]
        if not ids:
            raise ModelError(f"candidate {candidate!r} encodes to no token")
        return ids[0]

    def _last_logits(self, ids: list[int]):
        """The logits after ``ids``, computing only what follows the longest cached prefix (at least
        half of that cache's prompt in common: another summary starts a cache of its own)."""
        import torch

        best, common = None, 0
        for key, prefix in self.prefixes.items():
            shared = _common_length(prefix.ids, ids)
            if shared > common and 2 * shared >= len(prefix.ids):
                best, common = key, shared
        if best is None:
            output = self.model(input_ids=torch.tensor([ids]), use_cache=True)
            best = id(output.past_key_values)
            self.prefixes[best] = _Prefix(ids, output.past_key_values, output.logits[0, -1])
            while len(self.prefixes) > _PREFIXES_KEPT:
                self.prefixes.popitem(last=False)
        elif self.prefixes[best].ids != ids:  # the same prompt again is answered as before, bit for bit
            prefix = self.prefixes[best]
            reused = min(common, len(ids) - 1)  # the last token is always run: its logits are the answer
            if surplus := prefix.cache.get_seq_length() - reused:
                prefix.cache.crop(-surplus)  # negative: drop that many tokens from the end
            output = self.model(input_ids=torch.tensor([ids[reused:]]), past_key_values=prefix.cache, use_cache=True)
            prefix.ids, prefix.logits = ids, output.logits[0, -1]
        self.prefixes.move_to_end(best)
        return self.prefixes[best].logits


def _common_length(first: list[int], second: list[int]) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _model_class(family: str):
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM

    return AutoModelForSeq2SeqLM if family == "seq2seq" else AutoModelForCausalLM


def load(spec: ModelSpec) -> TransformersModel:
    from transformers import AutoTokenizer

    location = spec.hub or spec.path or str(convert_packaged(spec))
    try:
        tokenizer = AutoTokenizer.from_pretrained(location, trust_remote_code=False)
        model = _model_class(spec.family).from_pretrained(
            location, trust_remote_code=False, use_safetensors=True, dtype="float32"
        )
    except (OSError, ValueError, KeyError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ModelError(f"cannot load model '{spec.name}' from {location}: {first_line}") from None
    model.eval()
    return TransformersModel(spec, _apply_runtime(model, spec.runtime), tokenizer)


def _apply_runtime(model, runtime):
    """The CPU speed settings chosen in models.yaml (measured in benchmarks/abstractive.py); threads are
    torch's default (every core, or the worker's share) unless set."""
    import torch

    if threads := explicit_threads(runtime.get("threads")):
        torch.set_num_threads(threads)
    if runtime.get("dtype") == "bfloat16":
        model = model.to(torch.bfloat16)
    if runtime.get("quantize") == "dynamic-int8":
        model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    return model


def convert_packaged(spec: ModelSpec) -> Path:
    """The cached safetensors conversion of packaged GGUF weights, building it if needed."""
    weights = spec.packaged
    if weights is None:
        raise ModelError(f"model '{spec.name}' has no packaged weights to convert")

    def build(directory: Path) -> None:
        from transformers import AutoTokenizer

        gguf = directory / _JOINED_GGUF
        join_verified(weights, gguf)
        try:
            tokenizer = AutoTokenizer.from_pretrained(directory, gguf_file=_JOINED_GGUF)
            model = _model_class(spec.family).from_pretrained(directory, gguf_file=_JOINED_GGUF, dtype="float32")
        except (ImportError, OSError, ValueError) as error:
            raise ModelError(
                f"cannot convert packaged model '{spec.name}': {error}; "
                f"install its dependencies with: {weights.install}"
            ) from None
        model.hf_quantizer = None  # dequantised already; lets save_pretrained write safetensors
        model.save_pretrained(directory / _MODEL_SUBDIR, safe_serialization=True)
        tokenizer.save_pretrained(directory / _MODEL_SUBDIR)
        gguf.unlink()

    key = f"{spec.name}-{weights.sha256[:12]}"
    return cached_build(key, weights.sha256, build) / _MODEL_SUBDIR
