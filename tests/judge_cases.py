"""Hand-made (summary sentence, fact) pairs that every judge test draws on."""

from __future__ import annotations

from mdsum.model import Fact, FactForms, Summary, SummarySentence


def fact(statement, names=(), numbers=(), dates=(), negated=False, fact_id="F01", later=False, weight=1):
    return Fact(
        id=fact_id, statement=statement, sources=tuple(f"d{i}" for i in range(weight)), weight=weight,
        category="later" if later else "event", later=later,
        forms=FactForms(tuple(tuple(group) for group in names), tuple(numbers), tuple(dates), negated),
    )


def summary(*sentences: str, cluster_id: str = "c") -> Summary:
    return Summary(cluster_id, tuple(SummarySentence(s) for s in sentences), summariser="hand")


ROUND_ENDED = fact(
    "The seventh round of UN-led talks on Syria ended in Geneva on 14 July 2017.",
    names=[["seventh round", "7th round"], ["Geneva"]], dates=["2017-07-14"], fact_id="F01",
)
DEATH_TOLL = fact(
    "More than 320,000 people have been killed in the Syrian war.",
    names=[["Syria", "Syrian"]], numbers=["320,000"], fact_id="F02",
)
NO_BREAKTHROUGH = fact(
    "The envoy said there was no breakthrough in the talks.",
    names=[["envoy", "mediator"]], negated=True, fact_id="F03",
)
FACTS = (ROUND_ENDED, DEATH_TOLL, NO_BREAKTHROUGH)

FILLER = "Delegates had lunch at the hotel."
# (sentence, fact, covered?) -- the positives paraphrase or reformat; the negatives change one thing.
PAIRS = (
    ("The 7th round of Syria talks wrapped up in Geneva on July 14, 2017.", ROUND_ENDED, True),
    ("Geneva saw the end of the seventh round of talks on 14/07.", ROUND_ENDED, True),
    ("The eighth round of Syria talks ended in Geneva on 14 July 2017.", ROUND_ENDED, False),
    ("The seventh round of Syria talks ended in Geneva on 12 July 2017.", ROUND_ENDED, False),
    ("The war in Syria has killed more than 320 000 people.", DEATH_TOLL, True),
    ("The Syrian war has killed more than 300,000 people.", DEATH_TOLL, False),
    ("The envoy said there had been no breakthrough in the talks.", NO_BREAKTHROUGH, True),
    ("The envoy said there was a breakthrough in the talks.", NO_BREAKTHROUGH, False),
    (FILLER, ROUND_ENDED, False),
)
