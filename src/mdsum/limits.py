"""How much work one cluster may ask for: bytes read, sentences scored, seconds spent.

Without limits one odd input (a megabyte of one-line sentences) ties a process up for minutes
and gigabytes; with them it is refused in one line and a batch goes on with the next cluster.
The defaults suit the CLI and the harness; a server shared by many users (the demo) runs
its requests under tighter ones with `applied`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from mdsum.errors import InputError


@dataclass(frozen=True)
class Limits:
    """Per cluster: its articles' total UTF-8 bytes, the sentences a summariser scores, and seconds to summarise.

    The defaults are several times the largest real news clusters (ten articles, a few hundred sentences),
    and small enough that the pairwise work on sentences stays within seconds and a few hundred MB.
    """

    cluster_bytes: int = 2_000_000
    sentences: int = 3_000
    seconds: float = 120.0


DEFAULT_LIMITS = Limits()
# A context variable, not a global: each demo request (a thread) and each test sees its own.
_CURRENT: ContextVar[Limits] = ContextVar("mdsum_limits", default=DEFAULT_LIMITS)


def current() -> Limits:
    """The limits in force here: the defaults unless a caller `applied` others."""
    return _CURRENT.get()


@contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """Run the block under ``limits``."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def check_cluster_bytes(size: int, cluster: str) -> None:
    """Refuse a cluster whose articles are too big in all, before they are split into sentences."""
    limit = current().cluster_bytes
    if size > limit:
        raise InputError(f"cluster '{cluster}' is {size / 1e6:.1f} MB of articles, over the {limit / 1e6:g} MB limit")


def check_sentences(count: int, cluster: str) -> None:
    """Refuse a cluster with more sentences than a summariser may score."""
    limit = current().sentences
    if count > limit:
        raise InputError(f"cluster '{cluster}' has {count} sentences, over the limit of {limit}")


class Deadline:
    """The time left for one cluster, checked between the stages of its work and in its loops.

    A stage in compiled code cannot be cut short; the sentence limit keeps each one brief,
    so the deadline (and Ctrl-C) is noticed soon after it passes.
    """

    def __init__(self, cluster: str, seconds: float | None = None) -> None:
        self.cluster = cluster
        self.seconds = current().seconds if seconds is None else seconds
        self._end = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise InputError(f"cluster '{self.cluster}' took longer than {self.seconds:g} s to summarise; refused")
