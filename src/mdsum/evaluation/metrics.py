"""Per-summary metrics: Pyramid and plain coverage, faithfulness, redundancy, length, ROUGE.

Pure functions of a summary, its cluster, its judgements and the checklist, so that a
run can recompute any of them from the cached per-example records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import combinations

from mdsum.model import Cluster, Judgement, Summary
from mdsum.text.tokens import content_stems

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
NEAR_DUPLICATE = 0.5  # Jaccard of content stems above which two summary sentences say the same thing


def coverage(judgements: Iterable[Judgement], facts: Sequence) -> dict[str, float]:
    """Pyramid score (covered weight / total weight) and plain coverage over the facts of the event.

    Facts marked ``later`` (reported by a later article) are scored apart, as
    ``later_coverage``, so a summary is neither rewarded nor punished for them in the main score.
    """
    covered = {judgement.fact_id for judgement in judgements if judgement.covered}
    main = [fact for fact in facts if not fact.later]
    later = [fact for fact in facts if fact.later]
    scores: dict[str, float] = {}
    if main:
        scores["pyramid"] = sum(f.weight for f in main if f.id in covered) / sum(f.weight for f in main)
        scores["coverage"] = sum(f.id in covered for f in main) / len(main)
    if later:
        scores["later_coverage"] = sum(f.id in covered for f in later) / len(later)
    return scores


def redundant_pairs(sentences: Sequence[str], threshold: float = NEAR_DUPLICATE) -> list[tuple[int, int]]:
    """Index pairs of near-duplicate sentences (content-stem Jaccard at or above ``threshold``)."""
    bags = [frozenset(content_stems(sentence, numbers=False)) for sentence in sentences]
    return [
        (i, j)
        for (i, a), (j, b) in combinations(enumerate(bags), 2)
        if a and b and len(a & b) / len(a | b) >= threshold
    ]


def shape(
    summary: Summary,
    cluster: Cluster,
    find_redundant: Callable[[Sequence[str]], Sequence[tuple[int, int]]] = redundant_pairs,
) -> dict[str, float]:
    """Length, compression (summary words / cluster words) and redundancy (pairs from ``find_redundant``)."""
    sentences = [sentence.text for sentence in summary.sentences]
    pairs = len(sentences) * (len(sentences) - 1) // 2
    duplicates = len(find_redundant(sentences))
    return {
        "words": float(summary.word_count),
        "sentences": float(len(sentences)),
        "compression": summary.word_count / cluster.word_count if cluster.word_count else 0.0,
        "redundant_pairs": float(duplicates),
        "redundancy": duplicates / pairs if pairs else 0.0,
    }


def unsupported_sentences(summary: Summary, cluster: Cluster) -> tuple[str, ...]:
    """Summary sentences that no source sentence supports (`mdsum.alignment.is_supported`)."""
    from mdsum.alignment import is_supported

    return tuple(sentence.text for sentence in summary.sentences if not is_supported(sentence.text, cluster))


def unentailed_sentences(summary: Summary, cluster: Cluster, scorer) -> tuple[str, ...]:
    """Summary sentences that fail the detail check or that their best-supporting source sentences do not
    entail (`mdsum.entailment.check_sentence` with ``scorer``); a source sentence copied whole is entailed."""
    from mdsum.entailment import check_sentence, copied_statements

    copied = copied_statements(sentence for document in cluster.documents for sentence in document.sentences)
    checks = (check_sentence(sentence.text, cluster, scorer, copied) for sentence in summary.sentences)
    return tuple(check.text for check in checks if not check.passed)


def faithfulness(summary: Summary, unsupported: Sequence[str]) -> float:
    """Share of summary sentences not among ``unsupported`` (those that failed a support check)."""
    total = len(summary.sentences)
    return (total - len(unsupported)) / total if total else 0.0


def rouge(summary: Summary, references: Sequence[str], split=None) -> dict[str, float]:
    """ROUGE-1/2/L/Lsum F1 (rouge-score, Porter stemmer), the MAX over references (rouge-score's score_multi).

    For Lsum, sentences are joined by newlines on both sides; ``split`` splits the references
    into sentences (default: `mdsum.text.split.split_sentences`).
    """
    if not references:
        return {}
    from rouge_score import rouge_scorer  # imports nltk (a second or more): only where there are references

    if split is None:
        from mdsum.text.split import split_sentences as split
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    prediction = "\n".join(sentence.text for sentence in summary.sentences)
    targets = ["\n".join(split(reference)) for reference in references]
    scores = scorer.score_multi(targets, prediction)
    return {name: scores[name].fmeasure for name in ROUGE_TYPES}


def judge_metrics(judgements_by_judge: Mapping[str, Sequence[Judgement]], facts: Sequence) -> dict[str, float]:
    """Coverage metrics per judge, named ``<metric>@<judge>``."""
    return {
        f"{metric}@{judge}": value
        for judge, judgements in judgements_by_judge.items()
        for metric, value in coverage(judgements, facts).items()
    }
