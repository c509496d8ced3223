"""The demo's shared models: one summariser or judge instance per name for the whole process.

Summarisers and judges load their models lazily, on first use, and the server answers several
requests at once; `WarmCache` makes sure a model is loaded once, however many users ask for it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from mdsum.model import Fact, Judgement, Summary

if TYPE_CHECKING:
    from mdsum.evaluation.runner import JudgePanel
    from mdsum.judges.base import Judge

T = TypeVar("T")


@dataclass
class _Slot:
    worker: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    warm: bool = False


class WarmCache:
    """Builds each named worker once per process and lets its first call run alone.

    Holding the other callers back until that first call has finished means two users never
    load the same model twice, while later calls run side by side.
    """

    def __init__(self, build: Callable[[str], Any]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._slots: dict[str, _Slot] = {}

    def run(self, name: str, call: Callable[[Any], T]) -> T:
        slot = self._slot(name)
        if slot.warm:
            return call(slot.worker)
        with slot.lock:
            result = call(slot.worker)
            slot.warm = True
            return result

    def _slot(self, name: str) -> _Slot:
        with self._lock:
            if name not in self._slots:
                self._slots[name] = _Slot(self._build(name))
            return self._slots[name]


def _build_summariser(name: str):
    from mdsum.summarisers import build_summariser

    return build_summariser(name)


@functools.lru_cache(maxsize=1)
def judge_panel() -> JudgePanel:
    """The harness's default judge (`resolve_judges`): none when no judge is calibrated or it cannot run here."""
    from mdsum.evaluation.runner import DEFAULT_JUDGE, resolve_judges

    return resolve_judges([DEFAULT_JUDGE])


def unjudged_reason() -> str:
    """Why checklists go unjudged here, or "" when the default judge runs."""
    panel = judge_panel()
    return "" if panel.judges else "; ".join((*panel.skipped, *panel.notes)) or "no default judge"


def _panel_judge(name: str) -> Judge:
    return next(judge for judge in judge_panel().judges if judge.name == name)


SUMMARISERS = WarmCache(_build_summariser)
JUDGES = WarmCache(_panel_judge)


def warm_judgement(judge: Judge, summary: Summary, fact: Fact) -> Judgement:
    """``judge``'s verdict on one fact by the process's one instance of it: the demo's ``judge_fact`` of `measure`."""
    return JUDGES.run(judge.name, lambda shared: shared.judge(summary, fact))
