"""Words as ROUGE counts them: one tokenisation for every comparison of wording.

rouge-score's tokenizer (lower case, runs of letters and digits, nltk's Porter stem of
every word over three letters), with "n't" read as "not" so that "didn't" negates.
Selection (TF-IDF, TextRank's overlap, quotations), the judges, alignment's n-grams, the
redundancy metric and the model post-check all count words this way, so a word matches
the same word everywhere and a threshold calibrated on one comparison keeps its meaning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, cached_property, lru_cache

from rouge_score import tokenize

NEGATION_CUES = frozenset({"no", "not", "never", "without", "nor", "neither", "none", "nothing", "cannot"})
_CONTRACTED_NOT = re.compile(r"n['\u2019]t\b")


class _RememberingStemmer:
    """rouge-score's Porter stemmer, remembering its answers: news repeats its words, and
    stemming is most of the cost of tokenising.

    nltk is imported at the first word stemmed: importing it costs a second or more (it imports
    scipy.stats and scikit-learn), which a run whose results are all cached never needs.
    """

    @cached_property
    def stem(self) -> Callable[[str], str]:
        from nltk.stem.porter import PorterStemmer

        return lru_cache(maxsize=1 << 16)(PorterStemmer().stem)


_STEMMER = _RememberingStemmer()


def stems(text: str) -> tuple[str, ...]:
    """ROUGE's tokens of ``text`` (lower-cased, Porter-stemmed), with "n't" spelt out as "not"."""
    return tuple(tokenize.tokenize(_CONTRACTED_NOT.sub(" not", text), _STEMMER))


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, imported on first use (a cached harness run needs none)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@cache
def _not_content() -> frozenset[str]:
    """The stop words, stemmed as text is (so "names" goes with "name"), and the negation cues: they
    carry a statement's polarity, not its topic."""
    return frozenset(stem for word in stop_words() for stem in stems(word)) | NEGATION_CUES


def content_stems(text: str, numbers: bool = True) -> tuple[str, ...]:
    """The stems that carry what ``text`` is about, in order and repeated as often as said:
    no stop words or negation cues.

    Bare numbers count unless ``numbers`` is False. Sentences stating the same toll report
    the same thing, so selection keeps them (without them, ROUGE-1 of LexRank and submodular
    on benchmarks/extractive.py's MultiLing clusters falls by 1.4 and 2.6); judges and
    metrics that compare numbers as values leave them out ("320,000" gives "320" and "000").
    """
    not_content = _not_content()
    return tuple(stem for stem in stems(text) if stem not in not_content and (numbers or not stem.isdigit()))
