import shutil
import threading

import pytest

from mdsum.errors import ModelError
from mdsum.llm import generate, load_model, next_token_logprobs
from mdsum.llm.loading import _load
from mdsum.llm.specs import ModelCatalogue, model_spec


def test_local_chat_model_generates_text(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    assert loaded.spec.family == "chat"
    reply = generate(loaded, [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi."}],
                     max_new_tokens=8)
    assert isinstance(reply, str) and reply
    assert "<|im_start|>" not in reply


def test_prompt_lookup_decoding_writes_the_same_greedy_text(tiny_chat_model):
    """configs/models.yaml turns prompt lookup on for speed; it must not change what greedy decoding writes."""
    loaded = load_model(str(tiny_chat_model))
    prompt = [{"role": "user", "content": "the talks ended in Geneva on Friday. the talks ended in Geneva. " * 3}]
    plain = generate(loaded, prompt, max_new_tokens=40, do_sample=False, min_new_tokens=40)
    looked_up = generate(loaded, prompt, max_new_tokens=40, do_sample=False, min_new_tokens=40, prompt_lookup_num_tokens=10)
    assert plain and looked_up == plain


def test_local_seq2seq_model_generates_text(tiny_seq2seq_model):
    loaded = load_model(str(tiny_seq2seq_model))
    assert loaded.spec.family == "seq2seq"
    assert generate(loaded, "The talks ended on Friday.", max_new_tokens=8)


def test_one_shared_instance_across_threads(tiny_chat_model):
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(load_model(str(tiny_chat_model)))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(loaded) for loaded in seen}) == 1


def test_next_token_logprobs_for_yes_no(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    scores = next_token_logprobs(loaded, "Is the sky blue?", ("Yes", "No"))
    assert set(scores) == {"Yes", "No"}
    assert all(score < 0 for score in scores.values())
    assert loaded.next_token_logprobs("Is the sky blue?", ("Yes", "No")) == scores


def test_next_token_logprobs_needs_a_chat_model(tiny_seq2seq_model):
    with pytest.raises(ModelError, match="seq2seq"):
        next_token_logprobs(load_model(str(tiny_seq2seq_model)), "Is it?", ("Yes", "No"))


def test_registry_entry_with_a_path_replaces_the_packaged_model(tiny_chat_model, tmp_path):
    """Any compatible local model works in place of the packaged one: only models.yaml changes."""
    path = tmp_path / "models.yaml"
    path.write_text(f"default: mine\nmodels:\n  mine:\n    source: {{path: '{tiny_chat_model}'}}\n"
                    "    family: chat\n    generation: {do_sample: false, temperature: 0.3}\n", encoding="utf-8")
    loaded = _load(model_spec("mine", ModelCatalogue.read(path)))
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
