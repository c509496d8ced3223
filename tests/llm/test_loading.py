import shutil
import threading

import pytest

from mdsum.errors import ModelError
from mdsum.llm import generate, load_model
from mdsum.llm.loading import load_spec
from mdsum.llm.specs import ModelCatalogue, model_spec


def test_one_shared_instance_across_threads(tiny_chat_model):
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(load_model(str(tiny_chat_model)))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(loaded) for loaded in seen}) == 1


def test_registry_entry_with_a_path_replaces_the_packaged_model(tiny_chat_model, tmp_path):
    """Any compatible local model works in place of the packaged one: only models.yaml changes."""
    path = tmp_path / "models.yaml"
    path.write_text(
        f"default: mine\nmodels:\n  mine:\n    source: {{path: '{tiny_chat_model}'}}\n"
        "    family: chat\n    generation: {do_sample: false, temperature: 0.3}\n",
        encoding="utf-8",
    )
    loaded = load_spec(model_spec("mine", ModelCatalogue.read(path)))
    assert generate(loaded, "Hello.", max_new_tokens=4)


def test_truncate_and_count_tokens(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    text = "The talks in Geneva ended on Friday with no breakthrough and no breakdown."
    cut = loaded.truncate(text, 5)
    assert loaded.count_tokens(cut) <= 5 and text.startswith(cut)
    assert loaded.truncate(text, 1000) == text


def test_pickled_weights_are_never_loaded(tiny_chat_model, tmp_path):
    """Only safetensors are read: a directory holding .bin weights alone is refused, not unpickled."""
    import torch
    from transformers import AutoModelForCausalLM

    unsafe = tmp_path / "unsafe"
    shutil.copytree(tiny_chat_model, unsafe)
    model = AutoModelForCausalLM.from_pretrained(unsafe)
    (unsafe / "model.safetensors").unlink()
    torch.save(model.state_dict(), unsafe / "pytorch_model.bin")
    with pytest.raises(ModelError, match="cannot load model"):
        load_model(str(unsafe))
