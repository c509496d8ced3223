"""The plan rewrite on the tiny local chat model: what the model reads, and the fallback when it fails."""

import pytest
from support import BRIDGE_TIMELINE

from mdsum.errors import ConfigError
from mdsum.summarisers import build_summariser
from mdsum.summarisers.model_summariser import ModelSummariser
from mdsum.summarisers.themes import ThemesSummariser

REPLY = "The city council reopened the Harbour Bridge on Friday 1 March 2024 after an eight-month repair."


@pytest.fixture
def rewriter(tiny_chat_model):
    return build_summariser(
        "abstractive", model=str(tiny_chat_model), input_tokens=200, max_output_tokens=120, verify="detail"
    )


@pytest.fixture
def prompts(monkeypatch):
    """Record what the model is asked, and answer with a fixed, supported reply."""
    seen = []

    def write(self, loaded, prompt, words):
        seen.append(prompt)
        return REPLY

    monkeypatch.setattr(ModelSummariser, "_write", write)
    return seen


def test_the_model_reads_only_the_dated_plan_in_time_order(rewriter, prompts):
    summary = rewriter.summarise(BRIDGE_TIMELINE, 80)
    (prompt,) = prompts
    plan = ThemesSummariser().plan(BRIDGE_TIMELINE, 133)  # input_tokens 200 / 1.5 tokens per word
    lines = [line for line in prompt[-1]["content"].splitlines() if line.startswith("[")]
    dates = {document_index: document.date for document_index, document in enumerate(BRIDGE_TIMELINE.documents)}
    assert lines == [f"[{dates[item.statement.document]}] {item.text}" for item in plan.items]
    assert lines[-1].startswith("[2024-04-20] As Harbour News reported on 20 April 2024")
    assert summary.sentences[0].text == REPLY
    assert summary.sentences[0].sources
    assert any("rewrote the 'themes' plan" in note for note in summary.notes)


def test_a_model_failure_mid_summary_falls_back_to_the_extractive_plan(rewriter, monkeypatch):
    def fail(self, loaded, prompt, words):
        raise RuntimeError("out of memory while decoding")

    monkeypatch.setattr(ModelSummariser, "_write", fail)
    summary = rewriter.summarise(BRIDGE_TIMELINE, 80)
    assert summary.sentences == ThemesSummariser().summarise(BRIDGE_TIMELINE, 80).sentences
    assert any("the model failed while writing (out of memory while decoding)" in note for note in summary.notes)
    assert any("fell back to the extractive 'themes' summary" in note for note in summary.notes)


def test_the_selector_must_make_a_plan(tiny_chat_model, prompts):
    with pytest.raises(ConfigError, match="themes"):
        build_summariser("abstractive", model=str(tiny_chat_model), selector="lexrank").summarise(BRIDGE_TIMELINE, 80)


def test_a_new_plan_version_is_a_new_rewrite_version(monkeypatch):
    """A cached rewrite of an older plan must not be served: the harness keys summaries by `versions`."""
    before = build_summariser("abstractive").versions
    monkeypatch.setattr(ThemesSummariser, "version", ThemesSummariser.version + 1)
    after = build_summariser("abstractive").versions
    assert before[0] == after[0] and after[1:] == (before[1] + 1,)


def test_room_the_rewrite_leaves_is_filled_from_a_plan_half_as_long_again(tiny_chat_model, prompts):
    rewriter = build_summariser("abstractive", model=str(tiny_chat_model), input_tokens=30, verify="detail")
    summary = rewriter.summarise(BRIDGE_TIMELINE, 40)
    held = [item.text for item in ThemesSummariser().plan(BRIDGE_TIMELINE, 60).items]
    assert summary.sentences[0].text == REPLY
    assert [sentence.text for sentence in summary.sentences[1:]] and all(
        sentence.text in held for sentence in summary.sentences[1:]
    )
    assert len(summary.text.split()) <= 40
    assert any("line(s) of the plan that the rewrite does not" in note for note in summary.notes)
