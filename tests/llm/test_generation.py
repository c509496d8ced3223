"""Generation on tiny local models: chat templates, seq2seq text, settings, Yes/No log-probabilities."""

from __future__ import annotations

import dataclasses

import pytest
from support import FACTS, FILLER, PAIRS

from mdsum.errors import ModelError
from mdsum.llm import generate, load_model, next_token_logprobs
from mdsum.llm.runtime import generation_settings


def test_local_chat_model_generates_text(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    assert loaded.spec.family == "chat"
    # A random tiny model may end its reply at once; eight tokens are asked for so there is text to check.
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi."}]
    reply = generate(loaded, messages, max_new_tokens=8, min_new_tokens=8)
    assert isinstance(reply, str) and reply
    assert "<|im_start|>" not in reply


def test_prompt_lookup_decoding_writes_the_same_greedy_text(tiny_chat_model):
    """configs/models.yaml turns prompt lookup on for speed; it must not change what greedy decoding writes."""
    loaded = load_model(str(tiny_chat_model))
    prompt = [{"role": "user", "content": "the talks ended in Geneva on Friday. the talks ended in Geneva. " * 3}]
    plain = generate(loaded, prompt, max_new_tokens=40, do_sample=False, min_new_tokens=40)
    looked_up = generate(
        loaded, prompt, max_new_tokens=40, do_sample=False, min_new_tokens=40, prompt_lookup_num_tokens=10
    )
    assert plain and looked_up == plain


def test_local_seq2seq_model_generates_text(tiny_seq2seq_model):
    loaded = load_model(str(tiny_seq2seq_model))
    assert loaded.spec.family == "seq2seq"
    assert generate(loaded, "The talks ended on Friday.", max_new_tokens=8)


def test_next_token_logprobs_for_yes_no(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    scores = next_token_logprobs(loaded, "Is the sky blue?", ("Yes", "No"))
    assert set(scores) == {"Yes", "No"}
    assert all(score < 0 for score in scores.values())


def test_next_token_logprobs_needs_a_chat_model(tiny_seq2seq_model):
    with pytest.raises(ModelError, match="seq2seq"):
        next_token_logprobs(load_model(str(tiny_seq2seq_model)), "Is it?", ("Yes", "No"))


def test_greedy_settings_drop_the_sampling_knobs(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    spec = dataclasses.replace(
        loaded.spec, generation={"do_sample": False, "temperature": 0.7, "top_p": 0.9, "repetition_penalty": 1.1}
    )
    settings = generation_settings(spec, {"top_k": 5, "prompt_lookup_num_tokens": None})
    assert settings == {"do_sample": False, "repetition_penalty": 1.1}


def test_sampling_keeps_them_and_overrides_win(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    spec = dataclasses.replace(loaded.spec, generation={"do_sample": True, "temperature": 0.7})
    assert generation_settings(spec, {"temperature": 0.2}) == {
        "do_sample": True,
        "temperature": 0.2,
    }


def test_a_plain_string_becomes_one_user_turn(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    as_string = loaded.encode("Hello there.")["input_ids"].tolist()
    as_turn = loaded.encode([{"role": "user", "content": "Hello there."}])["input_ids"].tolist()
    assert as_string == as_turn


def test_chat_model_without_a_template_is_a_clear_error(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    tokenizer = loaded.tokenizer
    template, tokenizer.chat_template = tokenizer.chat_template, None
    try:
        with pytest.raises(ModelError, match="without a chat template"):
            loaded.encode("Hello.")
    finally:
        tokenizer.chat_template = template


def test_seq2seq_input_is_cut_to_the_context(tiny_seq2seq_model):
    loaded = load_model(str(tiny_seq2seq_model))
    ids = loaded.encode("word " * 5000)["input_ids"]
    assert ids.shape[1] == loaded.spec.context


def test_reused_prefix_gives_the_same_logprobs_as_a_fresh_evaluation(tiny_chat_model):
    """The LM judge asks every fact about one summary: the summary's key/value cache is reused."""
    loaded = load_model(str(tiny_chat_model))
    context = f"Summary:\n{PAIRS[0][0]}\n{FILLER}\n\n"
    for fact in FACTS:  # the second and third questions reuse the summary's cache
        prompt = context + f"Does the summary state that {fact.statement} Answer Yes or No."
        reused = next_token_logprobs(loaded, prompt, ["Yes", "No"])
        loaded.prefixes.clear()
        assert reused == pytest.approx(next_token_logprobs(loaded, prompt, ["Yes", "No"]), abs=1e-4)
        assert len(loaded.prefixes) == 1


def test_stop_strings_end_the_reply_and_are_left_out(tiny_chat_model):
    loaded = load_model(str(tiny_chat_model))
    prompt = [{"role": "user", "content": "Hi."}]
    full = generate(loaded, prompt, max_new_tokens=12, min_new_tokens=12)
    stop = full.split()[1] if len(full.split()) > 1 else full[-2:]
    stopped = generate(loaded, prompt, max_new_tokens=12, min_new_tokens=12, stop=[stop])
    assert stop not in stopped and full.startswith(stopped)
