"""The three abstractive summarisers on tiny local models (and, marked slow, the packaged one).

The tiny models write noise, so tests of what the model *reads* capture the prompt, and
tests of what the summary *keeps* feed `_finish` a known reply.
"""

import re

import pytest

from mdsum.entailment import EntailmentScorer
from mdsum.errors import ConfigError, ModelError
from mdsum.model import Cluster, Document
from mdsum.summarisers import build_summariser
from mdsum.summarisers.model_summariser import ModelSummariser, Reading


def document(doc_id, date, *sentences):
    return Document(doc_id, " ".join(sentences), sentences, title=f"Headline {doc_id}", date=date)


CLUSTER = Cluster(
    "talks",
    [
        document(
            "late",
            "2017-09-27",
            "The envoy announced on Wednesday that the eighth round would open in October.",
            "He said both delegations had confirmed they would attend.",
        ),
        document(
            "early",
            "2017-07-14",
            "The seventh round of talks ended in Geneva on Friday without a breakthrough.",
            "The envoy said there was no breakdown and no one walked out.",
            "The opposition wants a political transition.",
        ),
    ],
)
QUICK = {"selector": "lexrank", "max_output_tokens": 40, "verify": "detail"}


@pytest.fixture
def prompts(monkeypatch):
    """Record what the model is asked, and answer with a fixed, well-formed reply."""
    seen = []

    def write(self, loaded, prompt, words):
        seen.append(prompt)
        return "The seventh round of talks ended in Geneva on Friday without a breakthrough."

    monkeypatch.setattr(ModelSummariser, "_write", write)
    return seen


def user_text(prompt):
    return prompt[-1]["content"]


def test_fuse_reads_dated_selected_sentences_oldest_first(tiny_chat_model, prompts):
    summary = build_summariser("abstractive-fuse", model=str(tiny_chat_model), **QUICK).summarise(CLUSTER, 60)
    (prompt,) = prompts
    assert prompt[0]["role"] == "system"
    text = user_text(prompt)
    assert text.index("[2017-07-14]") < text.index("[2017-09-27]")
    assert "at most 26 words" in text  # max_output_tokens 40 / 1.5 tokens per word
    assert summary.sentences[0].sources[0].document_id == "early"
    assert any("picked by 'lexrank'" in note for note in summary.notes)


def test_fuse_keeps_within_the_input_token_budget(tiny_chat_model, prompts):
    from mdsum.llm import load_model

    loaded = load_model(str(tiny_chat_model))
    summariser = build_summariser("abstractive-fuse", model=str(tiny_chat_model), input_tokens=120, **QUICK)
    items = summariser._read(CLUSTER, CLUSTER.documents, 200, loaded).items
    assert items and sum(loaded.count_tokens(f"{tag} {text}\n") for tag, text in items) <= 120


def test_direct_gives_every_document_an_equal_share(tiny_chat_model, prompts):
    from mdsum.llm import load_model

    build_summariser("abstractive-direct", model=str(tiny_chat_model), input_tokens=20, **QUICK).summarise(CLUSTER, 60)
    lines = [line for line in user_text(prompts[0]).splitlines() if line.startswith("[")]
    loaded = load_model(str(tiny_chat_model))
    assert [line[:12] for line in lines] == ["[2017-09-27]", "[2017-07-14]"]
    assert all(loaded.count_tokens(line[13:]) <= 10 for line in lines)


def test_direct_seq2seq_joins_documents_with_the_model_separator(tiny_seq2seq_model, prompts):
    from mdsum.llm import load_model

    loaded = load_model(str(tiny_seq2seq_model))
    build_summariser("abstractive-direct", model=str(tiny_seq2seq_model), **QUICK).summarise(CLUSTER, 60)
    (prompt,) = prompts
    assert isinstance(prompt, str) and prompt.count(loaded.spec.document_separator) == 1


def test_hierarchical_summarises_each_document_then_fuses(tiny_chat_model, prompts):
    summary = build_summariser("abstractive-hierarchical", model=str(tiny_chat_model), **QUICK).summarise(CLUSTER, 60)
    assert len(prompts) == 3
    assert all(p.startswith("Summarise this news report") for p in prompts[:2])
    assert "[2017-07-14] The seventh round" in user_text(prompts[2])
    assert any("per-document summaries" in note for note in summary.notes)


def test_noise_from_the_model_falls_back_to_the_selector_with_a_note(tiny_chat_model, monkeypatch):
    # What a random tiny model writes depends on float rounding (threads, load); this noise does not.
    noise = "**Summary** ## geneva geneva the of\n- and talks ended on the"
    monkeypatch.setattr(ModelSummariser, "_write", lambda self, loaded, prompt, words: noise)
    summary = build_summariser("abstractive-fuse", model=str(tiny_chat_model), **QUICK).summarise(CLUSTER, 40)
    assert summary.word_count <= 40 and summary.sentences
    assert any("fell back to the extractive 'lexrank' summary" in note for note in summary.notes)


def test_kept_sentences_carry_provenance(tiny_chat_model):
    summariser = build_summariser("abstractive-fuse", model=str(tiny_chat_model), **QUICK)
    reply = "**Summary:** Talks ended in Geneva on Friday without a breakthrough. The opposition wants a transition."
    draft = summariser._finish(CLUSTER, 60, reply, (), Reading((), "fused"))
    assert [s.sources[0].document_id for s in draft.sentences] == ["early", "early"]
    assert draft.sentences[0].sources[0].sentence_index == 0
    assert draft.notes[0] == "fused"


def test_sentences_with_invented_details_are_dropped_with_a_note(tiny_chat_model):
    summariser = build_summariser("abstractive-fuse", model=str(tiny_chat_model), **QUICK)
    reply = (
        "The seventh round of talks ended in Geneva on Friday. "
        "The ninth round will open on 3 November, said Ambassador Haley. "
        "The opposition wants a political transition."
    )
    draft = summariser._finish(CLUSTER, 60, reply, (), Reading((), "fused"))
    assert [s.text for s in draft.sentences] == [
        "The seventh round of talks ended in Geneva on Friday.",
        "The opposition wants a political transition.",
    ]
    [note] = [note for note in draft.notes if note.startswith("dropped a model sentence")]
    assert "ordinal 9" in note and "date ?-11-03" in note and "name Haley" in note


def test_entailment_verification_replaces_a_reversed_sentence_with_a_note(tiny_chat_model, monkeypatch):
    monkeypatch.setattr(EntailmentScorer, "score", lambda self, premise, claim: 0.1 if "with" in claim else 0.9)
    summariser = build_summariser("abstractive-fuse", model=str(tiny_chat_model), **{**QUICK, "verify": "entailment"})
    reply = (
        "The seventh round of talks ended in Geneva on Friday with a breakthrough. The opposition wants a transition."
    )
    draft = summariser._finish(CLUSTER, 60, reply, (), Reading((), "fused"))
    assert [s.text for s in draft.sentences] == [
        "The seventh round of talks ended in Geneva on Friday without a breakthrough.",
        "The opposition wants a transition.",
    ]
    [note] = [note for note in draft.notes if note.startswith("replaced a model sentence")]
    assert "do not entail" in note and "with a breakthrough. -> " in note


def test_unknown_verification_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown verify 'vibes'"):
        build_summariser("abstractive-fuse", verify="vibes")


def test_unknown_model_is_a_clear_error():
    with pytest.raises(Exception, match="unknown model 'no-such-model'"):
        build_summariser("abstractive-fuse", model="no-such-model").summarise(CLUSTER, 60)


@pytest.mark.slow
def test_packaged_model_summarises_the_seeds(seed_cluster):
    """The default model end to end: fluent, within budget, every name as the sources spell it."""
    from mdsum.llm.packaged import part_paths
    from mdsum.llm.specs import model_spec

    summariser = build_summariser("abstractive-fuse")
    try:
        part_paths(model_spec(summariser.model).packaged)
    except ModelError as error:
        pytest.skip(f"packaged model not installed: {error}")
    summary = summariser.summarise(seed_cluster, 200)
    assert 30 <= summary.word_count <= 200
    assert not any("fell back" in note for note in summary.notes), summary.notes
    sources = " ".join(d.text for d in seed_cluster.documents)
    names = {w for s in summary.sentences for w in re.findall(r"(?<=\s)[A-Z][a-z]+", s.text)}
    assert not {name for name in names if name not in sources}, summary.text
    assert all(sentence.sources for sentence in summary.sentences)
