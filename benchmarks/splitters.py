"""Which sentence splitter mdsum uses, and why: errors on labelled news sentences and speed.

Compares the maintained splitters that need no downloaded data -- pysbd, syntok,
sentencex and nupunkt -- on hand-labelled paragraphs holding the hard cases of news text
(quotations, "U.N.", "Mr De Mistura", "Sept. 27", "Ja'afari", "U.S.", "Jr.", lower-cased
Multi-News), then times each on the seed articles and on one long paragraph (a splitter
that is quadratic would stall on a large input).

    python benchmarks/splitters.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import nupunkt
import pysbd
import sentencex
from syntok import segmenter

from mdsum.readers import read_inputs
from mdsum.text.split import paragraphs

REPO = Path(__file__).resolve().parents[1]

# Each paragraph is its gold sentences joined by one space. The first ones are the cases
# the product requires (quotations and the abbreviations of the seed articles); a splitter
# that misplits one of them is out, whatever its other figures.
REQUIRED: tuple[tuple[str, ...], ...] = (
    ("The U.N. envoy said he has seen no sign of movement.", "It was brokered by the U.S., which backs the rebels."),
    ('Mr De Mistura told the council that fighters are "being beaten back".', "He pointed to the siege."),
    ("De Mistura said Wednesday, Sept. 27, that both sides should show readiness.", "Talks follow in November."),
    ("Bashar al-Ja'afari, the leading negotiator, said he had not been asked.", "He left Geneva."),
    (
        '"We have just concluded the seventh round of talks. We have made incremental progress," the envoy told reporters.',
    ),
    (
        '"No breakthrough, no breakdown, no one walking out", the mediator told reporters.',
        '"I have asked the parties to have clear substantial issues on all the 4 baskets", he said.',
    ),
    ("He said: \u201cThe talks will resume in about a month. Both sides must be ready.\u201d", "Then he left."),
    ("Martin Luther King Jr. was quoted by the envoy.", "The hall applauded."),
    ("The U.S. Senate passed the bill on a voice vote.", "The House had already approved it."),
    (
        '"If the people don\'t see a political process, the violence will resume," she warned.',
        '"The only lasting solution is a political transition."',
    ),
)
OTHER: tuple[tuple[str, ...], ...] = (
    ("The bill was signed by George W. Bush on Friday.", "Donations made in January count for the previous year."),
    ("Dr. Smith met Gen. Jones at 5 p.m. on Jan. 3 in St. Louis.", "They talked for an hour."),
    ("The aid package is worth $3.5 million, or 1.23 percent of the budget.", "It was approved."),
    ('"Why now?" asked one diplomat.', "Nobody answered."),
    ("The talks (which began in Feb. in Geneva) ended on Friday.", "A new round starts in September."),
    ("Russia, Turkey and Iran broker talks in Astana, Kazakhstan.", "The U.N. runs the Geneva track."),
    (
        "It was smuggled into the u.s. in december from belgium.",
        'Pompidou director alain seban said the discovery comes as a " true comfort ".',
    ),
    ("Paris ( ap ) \u2014 the painting was recovered by u.s. customs authorities.", "It was reported missing in 2001."),
    ("The envoy, Mr. Staffan de Mistura, spoke for an hour.", "Mrs. Haley spoke next."),
    ("Talks resume on Oct. 31.", "The opposition will attend."),
    ("The agency's No. 2 official resigned.", "Her deputy, Ms. Lee, took over."),
    ("An AP/ISOS poll found three in ten U.S. citizens have donated.", "CBS News reported the figures."),
    ("The ceasefire was brokered by Jordan, Russia and the U.S. on July 7.", "It has largely held."),
    ("Officials said the figure was approx. 320,000 deaths.", "Others give higher estimates."),
)
LABELLED = REQUIRED + OTHER


def _pysbd() -> Callable[[str], list[str]]:
    splitter = pysbd.Segmenter(language="en", clean=False)
    return splitter.segment


def _syntok(text: str) -> list[str]:
    return [
        "".join(token.spacing + token.value for token in sentence)
        for paragraph in segmenter.analyze(text)
        for sentence in paragraph
    ]


SPLITTERS: dict[str, Callable[[str], list[str]]] = {
    "pysbd": _pysbd(),
    "syntok": _syntok,
    "sentencex": lambda text: sentencex.segment("en", text),
    "nupunkt": nupunkt.sent_tokenize,
}


def boundaries(sentences: list[str] | tuple[str, ...]) -> set[int]:
    """Where sentences end, counted in non-space characters, so spacing differences don't count."""
    ends, position = set(), 0
    for sentence in sentences:
        position += len("".join(sentence.split()))
        ends.add(position)
    return ends


def errors(split: Callable[[str], list[str]], gold: tuple[str, ...]) -> int:
    """Missed plus spurious sentence boundaries."""
    predicted = [sentence for sentence in split(" ".join(gold)) if sentence.strip()]
    return len(boundaries(predicted) ^ boundaries(gold))


def rate(split: Callable[[str], list[str]], texts: list[str], repeat: int = 1) -> tuple[float, int]:
    """Sentences per second over ``texts``, and the sentence count."""
    started = time.perf_counter()
    count = 0
    for _ in range(repeat):
        count = sum(len(split(text)) for text in texts)
    return count * repeat / (time.perf_counter() - started), count


def main() -> None:
    cluster = next(iter(read_inputs([REPO / "seeds"]).items))
    seed_paragraphs = [paragraph for document in cluster.documents for paragraph in paragraphs(document.text)]
    long_paragraph = " ".join(seed_paragraphs) * 3
    boundaries_total = sum(len(gold) for gold in LABELLED)
    print(f"labelled set: {len(LABELLED)} paragraphs ({len(REQUIRED)} required cases), {boundaries_total} sentences")
    print(
        f"speed: {len(seed_paragraphs)} seed paragraphs x 20; one long paragraph of {len(long_paragraph) / 1000:.0f} kB"
    )
    print(f"{'splitter':<10} {'required errors':>15} {'other errors':>12} {'seed sents/s':>13} {'long para s':>12}")
    mistakes = []
    for name, split in SPLITTERS.items():
        required = sum(errors(split, gold) for gold in REQUIRED)
        other = sum(errors(split, gold) for gold in OTHER)
        speed, _ = rate(split, seed_paragraphs, repeat=20)
        started = time.perf_counter()
        split(long_paragraph)
        long_seconds = time.perf_counter() - started
        print(f"{name:<10} {required:>15} {other:>12} {speed:>13,.0f} {long_seconds:>12.2f}")
        mistakes.extend((name, gold) for gold in LABELLED if errors(split, gold))
    print("\nmisplit paragraphs:")
    for name, gold in mistakes:
        print(f"  {name:<10} {[sentence.strip() for sentence in SPLITTERS[name](' '.join(gold))]}")


if __name__ == "__main__":
    main()
