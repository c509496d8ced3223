"""A registry of implementations by name, imported only when asked for.

Lazy imports keep `mdsum list` and the extractive path free of torch, and keep one
broken optional module from breaking the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Generic, TypeVar

from mdsum.errors import ConfigError

T = TypeVar("T")


class Registry(Generic[T]):
    """Maps a name to ``"package.module:ClassName"`` and imports it on first use."""

    def __init__(self, family: str, entries: Mapping[str, str]) -> None:
        self.family = family
        self._entries = dict(entries)

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def load(self, name: str) -> type[T]:
        try:
            target = self._entries[name]
        except KeyError:
            known = ", ".join(self.names())
            raise ConfigError(f"unknown {self.family} '{name}' (known: {known})") from None
        module_name, _, attribute = target.partition(":")
        return getattr(importlib.import_module(module_name), attribute)
