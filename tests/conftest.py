"""Shared fixtures: the repository, the seed cluster and the benchmark data beside the checkout."""

import math
from pathlib import Path

import pytest
from support import REPO_ROOT, SHARED_DATA, save_tiny_chat_model, save_tiny_seq2seq_model

import mdsum.llm


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return REPO_ROOT / "seeds"


@pytest.fixture(scope="session")
def shared_data_dir() -> Path:
    """``../shared/data`` (real benchmark clusters, never copied into the repo); skips when absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_DATA} (it lives beside the checkout, not in it)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_cluster(seeds_dir):
    """The five seed articles read as one cluster, as `mdsum summarise seeds/` reads them."""
    from mdsum.readers import read_inputs

    return next(iter(read_inputs([seeds_dir]).items))


# --- tiny local models (abstractive helper): real loading/generation code, no hub ---


@pytest.fixture(scope="session")
def tiny_chat_model(tmp_path_factory):
    """Directory of a tiny random Qwen2 chat model with a chat template."""
    return save_tiny_chat_model(tmp_path_factory.mktemp("models") / "tiny-chat")


@pytest.fixture(scope="session")
def tiny_seq2seq_model(tmp_path_factory):
    """Directory of a tiny random BART model."""
    return save_tiny_seq2seq_model(tmp_path_factory.mktemp("models") / "tiny-seq2seq")


@pytest.fixture(scope="session")
def summariser_overrides(tiny_chat_model, tiny_seq2seq_model):
    """The abstractive summarisers run the shared contract on tiny local models (chat, and seq2seq for direct).

    A TF-IDF selector and short outputs keep it quick: the contract is about the summary, not the model.
    The tiny chat model also verifies the written sentences of those configured with ``verify: entailment``.
    """
    quick = {"selector": "lexrank", "input_tokens": 200, "max_output_tokens": 48, "verify_model": str(tiny_chat_model)}
    return {
        "abstractive-fuse": {"model": str(tiny_chat_model), **quick},
        "abstractive-smollm2": {"model": str(tiny_chat_model), **quick},
        "abstractive-direct": {"model": str(tiny_seq2seq_model), **quick},
        "abstractive-hierarchical": {"model": str(tiny_chat_model), **quick},
        **{
            name: {"model": str(tiny_chat_model), "input_tokens": 200, "max_output_tokens": 48, "verify_model": ""}
            for name in ("abstractive", "abstractive-0.5b")
        },
    }


class ScriptedAnswers:
    """Fixed Yes/No probabilities for a model that is never loaded. With ``reads`` (a function of what is asked),
    ``yes``/``no`` where it finds the claim supported, and the other way round where not."""

    def __init__(self, yes: float, no: float, reads=None) -> None:
        self.supported = {"Yes": math.log(yes), "No": math.log(no)}
        self.reads = reads

    def answer(self, *asked) -> dict[str, float]:
        if self.reads is None or self.reads(*asked):
            return dict(self.supported)
        return {"Yes": self.supported["No"], "No": self.supported["Yes"]}


class ScriptedAsker(ScriptedAnswers):
    """Stands in for the entailment model, and records every (context, question) asked."""

    def __init__(self, yes: float, no: float, reads=None) -> None:
        super().__init__(yes, no, reads)
        self.asked: list[tuple[str, str]] = []

    def logprobs(self, context, question):
        self.asked.append((context, question))
        return self.answer(context, question)


@pytest.fixture
def scripted_entailment(monkeypatch):
    """``install(yes, no, reads=None)``: `mdsum.entailment` asks a `ScriptedAsker` of a chat model that is never
    loaded."""
    from mdsum import entailment

    def install(yes, no, reads=None):
        asker = ScriptedAsker(yes, no, reads)
        chat = type("Loaded", (), {"spec": type("Spec", (), {"family": "chat"})()})()
        monkeypatch.setattr(mdsum.llm, "load_model", lambda name=None: chat)
        monkeypatch.setattr(entailment, "ask", lambda loaded, context, question: asker.logprobs(context, question))
        return asker

    return install


class ScriptedModel(ScriptedAnswers):
    """Stands in for the LM judge's model (``reads`` is a function of the prompt), and records every prompt."""

    def __init__(self, yes: float, no: float, reads=None) -> None:
        super().__init__(yes, no, reads)
        self.prompts: list[str] = []

    def next_token_logprobs(self, loaded, prompt, candidates):
        self.prompts.append(prompt)
        answer = self.answer(prompt)
        return {candidate: answer[candidate] for candidate in candidates}


@pytest.fixture
def scripted_lm(monkeypatch):
    """``install(yes, no, reads=None)``: the LM judge asks a `ScriptedModel`; no model is loaded."""

    def install(yes, no, reads=None):
        model = ScriptedModel(yes, no, reads)
        monkeypatch.setattr(mdsum.llm, "load_model", lambda name=None: object())
        monkeypatch.setattr(mdsum.llm, "next_token_logprobs", model.next_token_logprobs)
        return model

    return install
