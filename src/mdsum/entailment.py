"""Entailment: does a premise (source or summary sentences) support a claim, asked of a chat model.

MiniCheck-style (Tang et al. 2024): the premise is the "document", the claim is one sentence or
fact, and the model answers Yes or No. Nothing is sampled: the score is P(Yes) / (P(Yes) + P(No))
of the first reply token, so it is deterministic and thresholdable. The premise comes first in
the prompt, so checking many claims against one premise computes its key/value cache once.

A high lexical overlap cannot tell "fight terrorism" from "support terrorism"; a reader can.
Shared by the entailment judge (checklist facts against a summary), the harness's
``faithfulness@entail`` (summary sentences against their sources) and the summarisers'
sentence verification.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from mdsum.alignment import align_sentence, unstated_details
from mdsum.errors import ModelError
from mdsum.model import Cluster
from mdsum.text.tokens import content_stems, stems
from mdsum.text.values import DateValue, extract_dates

ANSWERS = ("Yes", "No")
INSTRUCTION = (
    "Decide whether the claim is consistent with the document: every part of the claim, including who did what, "
    "numbers, dates and negations, must be stated or implied by the document.\n\n"
)
PREMISE = "Document:\n{premise}\n\n"
CLAIM = "Claim: {claim}\nIs the claim supported by the document? Answer Yes or No."

# Accuracy-maximising thresholds on the calibration pairs of eval/gold/entailment.yaml
# (`python benchmarks/entailment.py --model NAME`); a model not listed uses DEFAULT_THRESHOLD.
# The 0.5B answers P(Yes) 0.24-0.49 on every pair and separates them weakly: accuracy 0.783 on the
# 23 calibration pairs, 0.667 on the 9 held-out ones. The 1.5B separates them: 0.913 and 0.889
# (1.1 s a pair on 2 cores), so it is the one that verifies.
CALIBRATED_THRESHOLDS = {"qwen2.5-coder-0.5b-instruct": 0.369, "qwen2.5-coder-1.5b-instruct": 0.320}
DEFAULT_THRESHOLD = 0.5
SOURCES_PER_CLAIM = 3  # a written sentence usually merges two or three source sentences
# Where a sentence joins main clauses that each stand on their own: ", and", ", but", ";".
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but)\s+|;\s+")
VERSION = 1  # bump when the prompt or the scoring changes, so cached entailment verdicts are not reused
# bump when `check_sentence` decides otherwise (2: a copied sentence passes unasked; 3: a copy may write its dates
# another way)
CHECK_VERSION = 3
# A statement as a copy of it must read: its words outside its dates, and its dates (`_copy_key`).
CopyKey = tuple[tuple[str, ...], tuple[DateValue, ...]]


def yes_share(logprobs: dict[str, float]) -> float:
    """P(Yes) / (P(Yes) + P(No)) from next-token log-probabilities (0 when both vanish)."""
    yes, no = (math.exp(logprobs[answer]) for answer in ANSWERS)
    return yes / (yes + no) if yes + no > 0 else 0.0


def model_unavailable_reason(model: str) -> str | None:
    """Why chat model ``model`` cannot answer here (packaged weights not installed, not a chat model), or None.

    An unknown model name is a configuration error and raises.
    """
    from mdsum.llm.packaged import part_paths
    from mdsum.llm.specs import model_spec

    try:
        spec = model_spec(model)
        if spec.packaged is not None:
            part_paths(spec.packaged)
    except ModelError as error:
        return str(error)
    if spec.family != "chat":
        return f"model '{model}' is {spec.family}; asking Yes/No needs a chat model"
    return None


def best_supporting(sentences: Sequence[str], claim: str) -> str:
    """The sentence sharing most of the claim's content words: the evidence shown for a whole-premise answer."""
    words = frozenset(content_stems(claim, numbers=False))
    return max(sentences, key=lambda text: len(words.intersection(stems(text))))


def ask(loaded, context: str, question: str) -> dict[str, float]:
    """Yes/No log-probabilities for ``context + question`` as one user turn. The runtime keeps the
    key/value cache of the longest prompt prefix it has seen, so a premise asked about many claims
    is computed once."""
    from mdsum.llm import next_token_logprobs

    return next_token_logprobs(loaded, context + question, ANSWERS)


def premise_context(premise: Sequence[str]) -> str:
    """The prompt's constant part for ``premise`` (its sentences, one a line): cached across claims."""
    return INSTRUCTION + PREMISE.format(premise="\n".join(premise))


def claim_question(claim: str) -> str:
    return CLAIM.format(claim=" ".join(claim.split()))


@dataclass(frozen=True)
class EntailmentScorer:
    """P(Yes) that ``premise`` supports ``claim``, by chat model ``model`` (registry name or local directory).

    ``threshold`` (None: the calibrated one for the model) turns the score into entailed or not.
    """

    model: str
    threshold: float | None = None

    @property
    def cutoff(self) -> float:
        if self.threshold is not None:
            return self.threshold
        return CALIBRATED_THRESHOLDS.get(self.model, DEFAULT_THRESHOLD)

    @property
    def config(self) -> dict[str, Any]:
        """What changes a verdict: part of every cache key of entailment results."""
        return {"version": VERSION, "model": self.model, "threshold": self.cutoff}

    def unavailable_reason(self) -> str | None:
        return model_unavailable_reason(self.model)

    def score(self, premise: Sequence[str], claim: str) -> float:
        """In [0, 1]; an empty premise supports nothing."""
        if not premise:
            return 0.0
        from mdsum.llm import load_model

        loaded = load_model(self.model)
        if loaded.spec.family != "chat":
            raise ModelError(f"model '{self.model}' is {loaded.spec.family}; asking Yes/No needs a chat model")
        return yes_share(ask(loaded, premise_context(premise), claim_question(claim)))

    def entails(self, premise: Sequence[str], claim: str) -> bool:
        return self.score(premise, claim) >= self.cutoff


class SentenceCheck(NamedTuple):
    """A written sentence against its cluster: the details no source states, the entailment score
    (None when not asked: a failed detail check, or no scorer), and the verdict."""

    text: str
    unstated: tuple[str, ...]
    score: float | None
    passed: bool

    @property
    def reason(self) -> str:
        """Why it failed, as a phrase: "a model sentence {reason}"."""
        if self.unstated:
            return f"stating what no source states ({', '.join(self.unstated)})"
        return f"that its sources do not entail (P(Yes) {self.score or 0.0:.2f})"


def source_premise(text: str, cluster: Cluster, top_k: int = SOURCES_PER_CLAIM) -> list[str]:
    """The source sentences that best support ``text`` (`mdsum.alignment`), best first."""
    refs = align_sentence(text, cluster, top_k)
    return [cluster.document(ref.document_id).sentences[ref.sentence_index] for ref in refs]


def copied_statements(texts: Iterable[str]) -> frozenset[CopyKey]:
    """Every text, and each main clause it joins outside quotations, as `_copy_key` reads it: a written
    sentence that is one of them copies what the texts state, and asking a model about it is wasted."""
    found = set()
    for text in texts:
        found.add(_copy_key(text))
        cuts = [m for m in _CLAUSE_JOIN.finditer(text) if _outside_quotes(text, m.start())]
        bounds = [0, *(edge for m in cuts for edge in (m.start(), m.end())), len(text)]
        found.update(_copy_key(text[start:end]) for start, end in zip(bounds[::2], bounds[1::2], strict=True))
    return frozenset(found)


def _copy_key(text: str) -> CopyKey:
    """``text``'s words outside its dates, and its dates as the days they name: "on July 12, 2005" and "on 12 July
    2005" copy one another (a model rewrites a date's format as often as it copies a sentence); a weekday stays a
    word, since no date says it."""
    dates, undated = extract_dates(text)
    return tuple(re.findall(r"\w+", undated.lower())), dates


def _outside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    return before.count('"') % 2 == 0 and before.count("\u201c") <= before.count("\u201d")


def check_sentence(
    text: str, cluster: Cluster, scorer: EntailmentScorer | None, copied: frozenset[CopyKey] = frozenset()
) -> SentenceCheck:
    """The detail check (numbers, dates, names), then, with a scorer, entailment by the best-supporting
    source sentences. A sentence that already fails the cheap detail check is not put to the model,
    nor one that is word for word one of ``copied`` (`copied_statements` of its sources)."""
    unstated = unstated_details(text, cluster)
    if unstated or scorer is None:
        return SentenceCheck(text, unstated, None, not unstated)
    if _copy_key(text) in copied:
        return SentenceCheck(text, (), None, True)
    score = scorer.score(source_premise(text, cluster), text)
    return SentenceCheck(text, (), score, score >= scorer.cutoff)
