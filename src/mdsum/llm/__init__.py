"""Generation models: the registry (configs/models.yaml), verified loading, a cache, generation.

``load_model(name)`` gives the one shared instance per process; ``generate`` and
``next_token_logprobs`` call it. torch and transformers are imported only when a model is used.
"""

from mdsum.llm.generation import generate, next_token_logprobs
from mdsum.llm.loading import LoadedModel, load_model
from mdsum.llm.specs import ModelCatalogue, ModelSpec, model_spec

__all__ = ["LoadedModel", "ModelCatalogue", "ModelSpec", "generate", "load_model", "model_spec", "next_token_logprobs"]
