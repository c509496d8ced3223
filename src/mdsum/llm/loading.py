"""Load a model once per process and share it between every summariser and judge.

Weights are only ever read as safetensors (``use_safetensors=True``) and no repository
code is run (``trust_remote_code=False``). Packaged GGUF weights are verified, dequantised
once and cached as safetensors, so later loads take seconds instead of minutes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mdsum.errors import ModelError
from mdsum.llm.cache import cached_build
from mdsum.llm.packaged import join_verified
from mdsum.llm.specs import ModelSpec, model_spec

_JOINED_GGUF = "source.gguf"
_MODEL_SUBDIR = "model"


@dataclass(frozen=True, eq=False)
class LoadedModel:
    """A model, its tokenizer and its spec; ``lock`` serialises generation on the shared instance."""

    spec: ModelSpec
    model: Any
    tokenizer: Any
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def truncate(self, text: str, tokens: int) -> str:
        """``text`` cut to its first ``tokens`` tokens."""
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return text if len(ids) <= tokens else self.tokenizer.decode(ids[:tokens], skip_special_tokens=True)


_loaded: dict[str, LoadedModel] = {}
_loading_lock = threading.Lock()


def load_model(name: str | None = None) -> LoadedModel:
    """The shared instance of model ``name`` (registry name or local directory), loading it once."""
    spec = model_spec(name)
    with _loading_lock:
        if spec.name not in _loaded:
            _loaded[spec.name] = _load(spec)
        return _loaded[spec.name]


def _model_class(family: str):
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM

    return AutoModelForSeq2SeqLM if family == "seq2seq" else AutoModelForCausalLM


def _load(spec: ModelSpec) -> LoadedModel:
    from transformers import AutoTokenizer

    location = spec.hub or spec.path or str(_convert_packaged(spec))
    try:
        tokenizer = AutoTokenizer.from_pretrained(location, trust_remote_code=False)
        model = _model_class(spec.family).from_pretrained(
            location, trust_remote_code=False, use_safetensors=True, dtype="float32"
        )
    except (OSError, ValueError, KeyError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ModelError(f"cannot load model '{spec.name}' from {location}: {first_line}") from None
    model.eval()
    return LoadedModel(spec, _apply_runtime(model, spec.runtime), tokenizer)


def _apply_runtime(model, runtime):
    """The CPU speed settings chosen in models.yaml (measured in benchmarks/abstractive.py)."""
    import torch

    if runtime.get("threads"):
        torch.set_num_threads(int(runtime["threads"]))
    if runtime.get("dtype") == "bfloat16":
        model = model.to(torch.bfloat16)
    if runtime.get("quantize") == "dynamic-int8":
        model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    return model


def _convert_packaged(spec: ModelSpec) -> Path:
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
