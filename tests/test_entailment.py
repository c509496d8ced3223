"""The entailment scorer: prompt, Yes/No share, the sentence check (prefix reuse is the runtime's: tests/llm).

Fast tests run the plumbing on the tiny local chat model or a scripted asker; the packaged
0.5B model's verdicts on hand-made pairs are `slow`.
"""

from __future__ import annotations

import math

import pytest
import yaml
from support import REPO_ROOT, document

from mdsum import entailment
from mdsum.entailment import (
    EntailmentScorer,
    check_sentence,
    copied_statements,
    premise_context,
    source_premise,
    yes_share,
)
from mdsum.errors import ModelError
from mdsum.model import Cluster

CLUSTER = Cluster(
    "talks",
    (
        document("d1", "The seventh round of talks ended in Geneva on Friday.", "Delegates had lunch at the hotel."),
        document("d2", "The envoy said the fight against terrorism was the main issue."),
    ),
)


def test_score_is_the_yes_share_of_yes_and_no():
    assert yes_share({"Yes": math.log(0.3), "No": math.log(0.1)}) == pytest.approx(0.75)
    assert yes_share({"Yes": -math.inf, "No": -math.inf}) == 0.0


def test_premise_comes_first_as_the_document_and_the_claim_last(scripted_entailment):
    asker = scripted_entailment(0.9, 0.1)
    EntailmentScorer("m").score(["First sentence.", "Second sentence."], "A  claim\n here.")
    [(context, question)] = asker.asked
    assert context == premise_context(["First sentence.", "Second sentence."])
    assert context.endswith("Document:\nFirst sentence.\nSecond sentence.\n\n")
    assert question.startswith("Claim: A claim here.\n") and question.endswith("Answer Yes or No.")


def test_an_empty_premise_entails_nothing(scripted_entailment):
    asker = scripted_entailment(0.9, 0.1)
    assert EntailmentScorer("m").score([], "Anything.") == 0.0 and asker.asked == []


def test_cutoff_is_the_given_threshold_else_the_calibrated_one():
    assert EntailmentScorer("m", threshold=0.7).cutoff == 0.7
    assert EntailmentScorer("unlisted-model").cutoff == entailment.DEFAULT_THRESHOLD
    for model, threshold in entailment.CALIBRATED_THRESHOLDS.items():
        assert EntailmentScorer(model).cutoff == threshold


def test_a_detail_no_source_states_fails_without_asking_the_model(scripted_entailment):
    asker = scripted_entailment(0.99, 0.01)
    check = check_sentence("The ninth round of talks ended in Geneva on Friday.", CLUSTER, EntailmentScorer("m"))
    assert not check.passed and check.unstated == ("ordinal 9",) and asker.asked == []
    assert "no source states (ordinal 9)" in check.reason


def test_a_sentence_is_checked_against_its_best_supporting_sources(scripted_entailment):
    asker = scripted_entailment(0.2, 0.8)
    check = check_sentence("The envoy said terrorism was supported.", CLUSTER, EntailmentScorer("m", threshold=0.5))
    assert not check.passed and check.score == pytest.approx(0.2)
    assert "P(Yes) 0.20" in check.reason
    [(context, _)] = asker.asked
    assert source_premise("The envoy said terrorism was supported.", CLUSTER)[0] in context
    assert source_premise("The envoy said terrorism was supported.", CLUSTER)[0] == CLUSTER.documents[1].sentences[0]


def test_copied_statements_are_whole_sentences_and_the_main_clauses_they_join():
    copied = copied_statements(['Talks ended in Geneva on Friday, and the envoy said "we met, and we talked".'])
    assert (("talks", "ended", "in", "geneva", "on", "friday"), ()) in copied
    assert (("the", "envoy", "said", "we", "met", "and", "we", "talked"), ()) in copied
    assert (("we", "talked"), ()) not in copied  # a clause inside a quotation is not the article's own statement
    assert len(copied) == 3


def test_a_sentence_copied_from_a_source_passes_unasked_and_a_changed_one_is_asked(scripted_entailment):
    asker = scripted_entailment(0.1, 0.9)
    copied = copied_statements(sentence for document in CLUSTER.documents for sentence in document.sentences)
    copy = check_sentence(
        "the seventh round of talks ended in Geneva on Friday", CLUSTER, EntailmentScorer("m"), copied
    )
    assert copy.passed and copy.score is None and asker.asked == []
    negated = check_sentence(
        "The seventh round of talks never ended in Geneva on Friday.", CLUSTER, EntailmentScorer("m"), copied
    )
    assert not negated.passed and len(asker.asked) == 1


def test_a_copy_may_write_its_date_another_way_but_not_change_its_weekday(scripted_entailment):
    asker = scripted_entailment(0.9, 0.1)
    cluster = Cluster("c", (document("d0", "Police searched six houses in Leeds on Friday, 12 July 2005."),))
    copied = copied_statements(cluster.documents[0].sentences)
    scorer = EntailmentScorer("m")
    reformatted = "Police searched six houses in Leeds on Friday, July 12th, 2005."
    assert check_sentence(reformatted, cluster, scorer, copied).passed and asker.asked == []
    check_sentence("Police searched six houses in Leeds on Monday, 12 July 2005.", cluster, scorer, copied)
    assert len(asker.asked) == 1


def test_without_a_scorer_only_the_details_are_checked():
    assert check_sentence("The envoy supported terrorism.", CLUSTER, None).passed


def test_scorer_runs_a_real_chat_model(tiny_chat_model):
    scorer = EntailmentScorer(str(tiny_chat_model))
    assert scorer.unavailable_reason() is None
    score = scorer.score(["The talks ended on Friday."], "The talks ended.")
    assert 0.0 < score < 1.0 and score == scorer.score(["The talks ended on Friday."], "The talks ended.")


def test_a_seq2seq_model_cannot_judge(tiny_seq2seq_model):
    scorer = EntailmentScorer(str(tiny_seq2seq_model))
    assert "chat model" in (scorer.unavailable_reason() or "")
    with pytest.raises(ModelError, match="chat model"):
        scorer.score(["The talks ended."], "The talks ended.")


# ---------------------------------------------------------------- the packaged model on the hand-labelled pairs

GOLD_PAIRS = yaml.safe_load((REPO_ROOT / "eval" / "gold" / "entailment.yaml").read_text(encoding="utf-8"))["pairs"]
KINDS = ("negation", "reversal", "wrong-actor", "wrong-number", "wrong-date", "partial", "paraphrase")


def test_hand_labelled_pairs_cover_every_kind_both_ways():
    assert {pair["kind"] for pair in GOLD_PAIRS} >= set(KINDS)
    assert {pair["entailed"] for pair in GOLD_PAIRS} == {True, False}
    assert len({pair["id"] for pair in GOLD_PAIRS}) == len(GOLD_PAIRS)


@pytest.fixture(scope="module")
def packaged_scorer():
    scorer = EntailmentScorer("qwen2.5-coder-0.5b-instruct")
    reason = scorer.unavailable_reason()
    if reason:
        pytest.skip(f"packaged model not installed: {reason}")
    return scorer


@pytest.mark.slow
@pytest.mark.parametrize(
    "kind",
    [
        *KINDS[:-1],
        pytest.param(
            "paraphrase",
            marks=pytest.mark.xfail(reason="the 0.5B scores most paraphrases below its threshold (4 of 9 right)"),
        ),
    ],
)
def test_packaged_model_gets_most_pairs_of_each_kind_right(packaged_scorer, kind):
    """At the calibrated threshold, as benchmarks/entailment.py measured it."""
    pairs = [pair for pair in GOLD_PAIRS if pair["kind"] == kind]
    right = [packaged_scorer.entails(pair["premise"], pair["claim"]) == pair["entailed"] for pair in pairs]
    assert sum(right) > len(right) / 2, [pair["id"] for pair, ok in zip(pairs, right, strict=True) if not ok]
