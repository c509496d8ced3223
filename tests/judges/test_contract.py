"""The contract every configured judge keeps (skipped, with the reason, when its model is absent)."""

from __future__ import annotations

import pytest
from support import FACTS, FILLER, PAIRS, summary

from mdsum.judges import JudgeCatalogue, build_judge
from mdsum.model import Judgement

SUMMARY = summary(*(sentence for sentence, _, _ in PAIRS[:2]), FILLER, PAIRS[4][0])


CATALOGUE = JudgeCatalogue.read()
MODEL_KINDS = {"lm", "entailment"}  # judges that ask a chat model


@pytest.fixture(params=CATALOGUE.names())
def judge(request, tiny_chat_model):
    # A model judge's contract is about its interface, so a tiny local chat model stands in for the packaged one.
    model_judge = CATALOGUE.entries[request.param].kind in MODEL_KINDS
    overrides = {"model": str(tiny_chat_model)} if model_judge else {}
    judge = build_judge(request.param, CATALOGUE, **overrides)
    reason = judge.unavailable_reason()
    if reason:
        pytest.skip(f"judge '{request.param}' unavailable: {reason}")
    return judge


def test_returns_a_judgement_for_every_fact(judge):
    verdicts = [judge.judge(SUMMARY, fact) for fact in FACTS]
    assert all(isinstance(verdict, Judgement) for verdict in verdicts)
    assert [verdict.fact_id for verdict in verdicts] == [fact.id for fact in FACTS]
    assert {verdict.judge for verdict in verdicts} == {judge.name}


def test_scores_are_in_unit_interval_and_thresholded(judge):
    for fact in FACTS:
        verdict = judge.judge(SUMMARY, fact)
        assert 0.0 <= verdict.score <= 1.0
        assert verdict.covered == (verdict.score >= judge.threshold)


def test_evidence_is_summary_sentences_or_none(judge):
    """One sentence, or a run of consecutive ones (a fact stated across a sentence and its anaphoric follower)."""
    texts = [sentence.text for sentence in SUMMARY.sentences]
    runs = {" ".join(texts[start:end]) for start in range(len(texts)) for end in range(start + 1, len(texts) + 1)}
    for fact in FACTS:
        evidence = judge.judge(SUMMARY, fact).evidence
        assert evidence is None or evidence in runs


def test_is_deterministic(judge):
    for fact in FACTS:
        assert judge.judge(SUMMARY, fact) == judge.judge(SUMMARY, fact)


def test_empty_summary_covers_nothing(judge):
    verdict = judge.judge(summary(), FACTS[0])
    assert (verdict.covered, verdict.score, verdict.evidence) == (False, 0.0, None)


def test_config_names_kind_and_threshold(judge):
    assert judge.config["kind"] == judge.kind
    assert judge.config["threshold"] == judge.threshold
