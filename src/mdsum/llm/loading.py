"""Load a model once per process and share it between every summariser and judge.

The engine comes from ``runtime: {engine: ...}`` in configs/models.yaml: llama.cpp for packaged GGUF
chat models, transformers for everything else. Both give a `LoadedModel`.
"""

from __future__ import annotations

import threading

from mdsum.llm.runtime import LoadedModel
from mdsum.llm.specs import ModelSpec, model_spec

_loaded: dict[str, LoadedModel] = {}
_loading_lock = threading.Lock()


def load_model(name: str | None = None) -> LoadedModel:
    """The shared instance of model ``name`` (registry name or local directory), loading it once."""
    spec = model_spec(name)
    with _loading_lock:
        if spec.name not in _loaded:
            _loaded[spec.name] = load_spec(spec)
        return _loaded[spec.name]


def load_spec(spec: ModelSpec) -> LoadedModel:
    """A new instance of ``spec``'s model on its engine (benchmarks load variants of one model this way)."""
    if spec.engine == "llama.cpp":
        from mdsum.llm import llamacpp_runtime

        return llamacpp_runtime.load(spec)
    from mdsum.llm import transformers_runtime

    return transformers_runtime.load(spec)
