from __future__ import annotations

import pytest
from support import FILLER, ROUND_ENDED, summary

from mdsum.judges.embedding import EmbeddingJudge

JUDGE = EmbeddingJudge(name="embedding", threshold=0.6)
pytestmark = pytest.mark.skipif(
    JUDGE.unavailable_reason() is not None, reason=f"embedding judge unavailable: {JUDGE.unavailable_reason()}"
)


def test_paraphrase_is_covered_and_is_the_evidence():
    paraphrase = "Geneva hosted the close of the 7th round of negotiations on Syria, which wrapped up on 14 July 2017."
    verdict = JUDGE.judge(summary(FILLER, paraphrase), ROUND_ENDED)
    assert verdict.covered and verdict.evidence == paraphrase


def test_unrelated_sentence_is_not_covered():
    assert not JUDGE.judge(summary(FILLER), ROUND_ENDED).covered


def test_paraphrase_scores_above_unrelated():
    close = JUDGE.judge(summary("The seventh round of talks on Syria ended in Geneva."), ROUND_ENDED).score
    far = JUDGE.judge(summary("Football fans celebrated in Madrid."), ROUND_ENDED).score
    assert close > far + 0.3
