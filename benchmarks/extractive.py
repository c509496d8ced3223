"""Extractive summarisers against sumy's LexRank on real multi-document news (prints a table).

    python benchmarks/extractive.py [--data FILE ...] [--summarisers NAME ...]

Every system gets the same sentences (mdsum's reader) and the same budget, the word
count of the reference (the mean when a cluster has several). Scores are rouge-score
F1 (stemmed; rougeLsum on newline-joined sentences), averaged over references and then
clusters. Each table ends with whether the best mdsum system beats sumy's LexRank by
--margin ROUGE-2 points (issue 10's target: 1.5). Speed is clusters per second of
summarising alone (best of --repeats passes), printed beside the 1-minute load average: model loading is
timed apart, ROUGE is not timed. The data is read from ../shared/data and never copied.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

from mdsum.model import Cluster
from mdsum.readers import cluster_from_record
from mdsum.summarisers import SummariserCatalogue, build_summariser

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DATASETS = ("multinews_test_50.jsonl", "multiling2011_3.jsonl")
EXTRACTIVE = ("lead", "lexrank", "textrank", "centroid-mmr", "centroid-mmr-tfidf", "submodular", "learned", "themes")
METRICS = ("rouge1", "rouge2", "rougeLsum")

# A system maps (cluster, words) to the summary's sentences.
System = Callable[[Cluster, int], Sequence[str]]


def read_clusters(path: Path) -> list[Cluster]:
    """The clusters of a JSONL file, read as `mdsum summarise` reads them (references included)."""
    with path.open(encoding="utf-8") as handle:
        return [cluster_from_record(json.loads(line), f"{path.stem}:{number}") for number, line in enumerate(handle, 1)]


def budget(cluster: Cluster) -> int:
    return round(statistics.mean(len(reference.split()) for reference in cluster.references))


class _Words:
    """sumy's word tokenizer needs NLTK data that cannot be downloaded here; words are enough for LexRank."""

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        import re

        return re.findall(r"\w+", sentence)


def sumy_lexrank() -> System:
    """sumy's LexRank over our sentences, taking its best-rated sentences that fit the budget."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _Words()

    def summarise(cluster: Cluster, words: int) -> list[str]:
        paragraphs = [
            Paragraph([Sentence(text, tokenizer) for text in document.sentences]) for document in cluster.documents
        ]

        def within_budget(ranked):
            chosen, left = [], words
            for info in ranked:
                length = len(str(info.sentence).split())
                if length <= left:
                    chosen.append(info)
                    left -= length
            return chosen

        return [str(sentence) for sentence in summarizer(ObjectDocumentModel(paragraphs), within_budget)]

    return summarise


def mdsum_system(name: str, **overrides: Any) -> System:
    summariser = build_summariser(name, **overrides)
    return lambda cluster, words: [sentence.text for sentence in summariser.summarise(cluster, words).sentences]


def load(name: str) -> tuple[System, float]:
    """The system and its load time (for centroid-mmr, loading the embedding model)."""
    started = time.perf_counter()
    if name == "sumy-lexrank":
        system = sumy_lexrank()
    else:
        system = mdsum_system(name)
        if build_summariser(name).config.get("vectors") == "embeddings":
            from mdsum.embeddings import embed, embeddings_available

            if embeddings_available():
                embed(["Load the model before the clock starts."])
    return system, time.perf_counter() - started


def evaluate(system: System, clusters: list[Cluster], repeats: int) -> tuple[dict[str, float], float, int]:
    """Mean ROUGE F1 (in %), clusters per second, and how many summaries broke the budget.

    Speed is the best of ``repeats`` passes, as `timeit` reports it: on a shared machine
    the other passes measure the neighbours' load, not the code.
    """
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        outputs = [system(cluster, budget(cluster)) for cluster in clusters]
        seconds.append(time.perf_counter() - started)
    speed = len(clusters) / min(seconds)
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = {metric: [] for metric in METRICS}
    over_budget = 0
    for cluster, sentences in zip(clusters, outputs, strict=False):
        over_budget += len(" ".join(sentences).split()) > budget(cluster)
        for metric in METRICS:
            totals[metric].append(
                statistics.mean(
                    scorer.score(reference, "\n".join(sentences))[metric].fmeasure for reference in cluster.references
                )
            )
    return {metric: 100 * statistics.mean(values) for metric, values in totals.items()}, speed, over_budget


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", default=DATASETS, help="files under ../shared/data")
    configured = SummariserCatalogue.read().entries
    parser.add_argument("--summarisers", nargs="+", default=[n for n in EXTRACTIVE if n in configured])
    parser.add_argument("--repeats", type=int, default=3, help="timed passes per system; the best counts")
    parser.add_argument("--margin", type=float, default=1.5, help="ROUGE-2 points the best must beat sumy by")
    args = parser.parse_args(argv)
    for filename in args.data:
        path = DATA / filename
        if not path.exists():
            print(f"skipped {filename}: {path} not found (the benchmark data lives in ../shared/data)")
            continue
        clusters = read_clusters(path)
        print(
            f"\n{filename}: {len(clusters)} clusters, budget = reference words (mean {statistics.mean(map(budget, clusters)):.0f})"
        )
        print(
            f"{'system':<20}{'R-1':>7}{'R-2':>7}{'R-Lsum':>8}{'clusters/s':>12}{'load s':>8}{'over budget':>13}"
            f"{'load avg':>10}"
        )
        rouge2 = {}
        for name in ["sumy-lexrank", *args.summarisers]:
            system, load_seconds = load(name)
            scores, speed, over = evaluate(system, clusters, args.repeats)
            rouge2[name] = scores["rouge2"]
            print(
                f"{name:<20}{scores['rouge1']:>7.2f}{scores['rouge2']:>7.2f}{scores['rougeLsum']:>8.2f}"
                f"{speed:>12.1f}{load_seconds:>8.1f}{over:>13}{os.getloadavg()[0]:>10.2f}"
            )
        print(target_line(rouge2, args.margin))
    return 0


def target_line(rouge2: dict[str, float], margin: float) -> str:
    """Whether the best mdsum system's ROUGE-2 reaches sumy's LexRank's plus ``margin`` (same run, same data)."""
    sumy = rouge2["sumy-lexrank"]
    ours = {name: score for name, score in rouge2.items() if name != "sumy-lexrank"}
    if not ours:
        return "target: no mdsum system measured"
    best = max(ours, key=lambda name: ours[name])
    verdict = "met" if ours[best] >= sumy + margin else "missed"
    return (
        f"target {verdict}: best {best} R-2 {ours[best]:.2f} vs sumy-lexrank {sumy:.2f} + {margin:g}"
        f" = {sumy + margin:.2f} ({ours[best] - sumy:+.2f})"
    )


if __name__ == "__main__":
    sys.exit(main())
