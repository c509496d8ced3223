from __future__ import annotations

import pytest
from support import fact, summary

from mdsum.evaluation import metrics
from mdsum.model import Cluster, Document, Judgement

FACTS = (
    fact("A happened.", fact_id="F01", weight=3),
    fact("B happened.", fact_id="F02", weight=1),
    fact("C happened later.", fact_id="F03", weight=1, later=True),
    fact("D happened later.", fact_id="F04", weight=1, later=True),
)


def verdicts(*covered_ids):
    return [Judgement(f.id, f.id in covered_ids, 1.0 if f.id in covered_ids else 0.0, "j") for f in FACTS]


def test_pyramid_weights_facts_by_sources():
    scores = metrics.coverage(verdicts("F01"), FACTS)
    assert scores["pyramid"] == pytest.approx(3 / 4)
    assert scores["coverage"] == pytest.approx(1 / 2)


def test_later_facts_are_scored_apart():
    scores = metrics.coverage(verdicts("F02", "F03"), FACTS)
    assert scores["pyramid"] == pytest.approx(1 / 4)
    assert scores["later_coverage"] == pytest.approx(1 / 2)


def test_no_later_facts_no_later_column():
    assert "later_coverage" not in metrics.coverage(verdicts(), FACTS[:2])


def test_judge_metrics_are_named_per_judge():
    scores = metrics.judge_metrics({"lexical": verdicts("F01"), "lm": verdicts()}, FACTS)
    assert scores["pyramid@lexical"] == pytest.approx(0.75) and scores["pyramid@lm"] == 0.0


def test_redundant_pairs_find_near_duplicates():
    sentences = [
        "The talks in Geneva ended without a breakthrough.",
        "Lunch was served to the delegates.",
        "Talks in Geneva ended, without any breakthrough.",
    ]
    assert metrics.redundant_pairs(sentences) == [(0, 2)]


def test_shape_counts_words_compression_and_redundancy():
    cluster = Cluster("c", (Document("d", "one two three four five six seven eight", ("x",)),))
    result = metrics.shape(summary("Talks ended in Geneva.", "Talks ended in Geneva!"), cluster)
    assert result["words"] == 8 and result["compression"] == 1.0
    assert result["redundant_pairs"] == 1 and result["redundancy"] == 1.0


def test_faithfulness_is_the_supported_share():
    text = summary("A.", "B.", "C.", "D.")
    assert metrics.faithfulness(text, ["B."]) == 0.75


def test_unsupported_sentences_are_listed():
    cluster = Cluster("c", (Document("d", "", ("The talks in Geneva ended on Friday without a breakthrough.",)),))
    text = summary(
        "The talks in Geneva ended on Friday without a breakthrough.", "Aliens landed in Paris yesterday morning."
    )
    assert metrics.unsupported_sentences(text, cluster) == ("Aliens landed in Paris yesterday morning.",)


def _split(text):
    return [part.strip() + "." for part in text.split(".") if part.strip()]


def test_rouge_of_the_reference_itself_is_one():
    reference = "The talks ended in Geneva. No breakthrough was made."
    scores = metrics.rouge(summary(*_split(reference)), [reference], split=_split)
    assert set(scores) == set(metrics.ROUGE_TYPES)
    assert all(value == pytest.approx(1.0) for value in scores.values())


def test_rouge_takes_the_best_reference():
    text = summary("The talks ended in Geneva.")
    best = metrics.rouge(text, ["The talks ended in Geneva."], split=_split)["rouge1"]
    both = metrics.rouge(text, ["Football in Madrid.", "The talks ended in Geneva."], split=_split)["rouge1"]
    assert both == best == pytest.approx(1.0)


def test_rouge_uses_the_stemmer():
    scores = metrics.rouge(summary("Talk ending."), ["Talks ended."], split=_split)
    assert scores["rouge1"] == pytest.approx(1.0)


def test_no_references_no_rouge():
    assert metrics.rouge(summary("A."), []) == {}
