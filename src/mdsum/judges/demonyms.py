"""A place's people or adjective stands for the place: "the Japanese government pledged" says Japan pledged.

News names a country by its demonym as often as by its name, and a stemmer keeps the two apart ("japanes",
"japan"). No kept library maps demonyms (country-converter and pycountry map names and codes), so the common
regular ones are read by their shape: the name, or the name without its last vowel, and a demonym ending
("Japan-ese", "Chin-ese", "Indonesia-n", "Ital-ian", "Iraq-i"). Irregular ones ("French", "Thai") stay unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ENDINGS = ("ese", "ian", "ean", "an", "n", "i")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def is_demonym_of(word: str, name: str) -> bool:
    """Whether the capitalised ``word`` is the regular demonym of the one-word proper name ``name``."""
    if not (word[:1].isupper() and name[:1].isupper() and name.isalpha()) or len(word) <= len(name):
        return False
    word, name = word.lower(), name.lower()
    bases = {name, name[:-1]} if name[-1] in "aeiouy" else {name}
    return any(word == base + ending for base in bases for ending in _ENDINGS)


def with_demonyms(names: Sequence[Sequence[str]], sentence: str) -> list[list[str]]:
    """Each group of a fact's name variants, with the words of ``sentence`` that are a variant's demonym."""
    words = set(_CAPITALISED.findall(sentence))
    return [
        [*group, *sorted(word for word in words if any(is_demonym_of(word, name) for name in group))] for group in names
    ]
