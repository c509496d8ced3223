"""The entailment judge: the summary as the document, the fact as the claim, one premise cache per summary."""

from __future__ import annotations

import pytest
from support import FACTS, FILLER, PAIRS, ROUND_ENDED, summary

from mdsum.judges.entailment import EntailmentJudge


def test_score_is_the_yes_share_and_the_threshold_decides(scripted_entailment):
    scripted_entailment(0.3, 0.1)
    verdict = EntailmentJudge(name="entailment", threshold=0.7).judge(summary(FILLER, PAIRS[0][0]), ROUND_ENDED)
    assert verdict.score == pytest.approx(0.75) and verdict.covered
    assert not EntailmentJudge(name="entailment", threshold=0.8).judge(summary(PAIRS[0][0]), ROUND_ENDED).covered


def test_the_summary_is_the_document_and_the_fact_the_claim(scripted_entailment):
    asker = scripted_entailment(0.5, 0.5)
    EntailmentJudge(name="entailment").judge(summary(FILLER, PAIRS[0][0]), ROUND_ENDED)
    [(context, question)] = asker.asked
    assert f"Document:\n{FILLER}\n{PAIRS[0][0]}" in context
    assert question.startswith(f"Claim: {ROUND_ENDED.statement}")


def test_every_fact_is_asked_against_the_same_premise(scripted_entailment):
    asker = scripted_entailment(0.5, 0.5)
    judge = EntailmentJudge(name="entailment")
    for fact in FACTS:
        judge.judge(summary(FILLER, PAIRS[0][0]), fact)
    assert len({context for context, _ in asker.asked}) == 1 and len(asker.asked) == len(FACTS)


def test_evidence_is_the_best_supporting_summary_sentence(scripted_entailment):
    scripted_entailment(0.9, 0.1)
    assert EntailmentJudge(name="entailment").judge(summary(FILLER, PAIRS[0][0]), ROUND_ENDED).evidence == PAIRS[0][0]


def test_runs_a_real_chat_model(tiny_chat_model):
    judge = EntailmentJudge(name="entailment", model=str(tiny_chat_model))
    assert judge.unavailable_reason() is None
    first = judge.judge(summary(PAIRS[0][0]), ROUND_ENDED)
    assert 0.0 < first.score < 1.0 and first == judge.judge(summary(PAIRS[0][0]), ROUND_ENDED)
