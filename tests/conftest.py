# --- tiny local models (abstractive helper): real loading/generation code, no hub ---
import pytest
from tiny_models import save_tiny_chat_model, save_tiny_seq2seq_model


@pytest.fixture(scope="session")
def tiny_chat_model(tmp_path_factory):
    """Directory of a tiny random Qwen2 chat model with a chat template."""
    return save_tiny_chat_model(tmp_path_factory.mktemp("models") / "tiny-chat")


@pytest.fixture(scope="session")
def tiny_seq2seq_model(tmp_path_factory):
    """Directory of a tiny random BART model."""
    return save_tiny_seq2seq_model(tmp_path_factory.mktemp("models") / "tiny-seq2seq")
