"""Generation models: the registry (configs/models.yaml), verified packaged weights, two runtimes, a cache.

``load_model(name)`` gives the one shared instance per process; ``generate`` and ``next_token_logprobs``
call it, and ``loaded.count_tokens`` / ``loaded.truncate`` measure text in its tokens. Packaged GGUF chat
models run on llama.cpp, everything else on transformers (see `mdsum.llm.runtime`); torch, transformers
and llama.cpp are imported only when a model is used.
"""

from mdsum.llm.generation import generate, next_token_logprobs
from mdsum.llm.loading import load_model
from mdsum.llm.runtime import LoadedModel, Prompt
from mdsum.llm.specs import ModelCatalogue, ModelSpec, model_spec

__all__ = [
    "LoadedModel",
    "ModelCatalogue",
    "ModelSpec",
    "Prompt",
    "generate",
    "load_model",
    "model_spec",
    "next_token_logprobs",
]
