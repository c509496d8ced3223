"""The demo's shared models: each worker built once, its model loaded once, later calls side by side."""

from __future__ import annotations

import threading
import time

from mdsum.demo.models import WarmCache


class LazyModel:
    """Loads its 'model' on first use without a lock of its own, like a lazily loading summariser."""

    def __init__(self) -> None:
        self.model = None
        self.loads = 0
        self.running = 0
        self.most_running = 0
        self._count = threading.Lock()

    def __call__(self) -> str:
        with self._count:
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        if self.model is None:
            time.sleep(0.05)  # loading takes a while: a second caller would load again
            self.loads += 1
            self.model = "weights"
        time.sleep(0.02)
        with self._count:
            self.running -= 1
        return self.model


def _call_together(cache: WarmCache, name: str, callers: int) -> None:
    start = threading.Barrier(callers)

    def call() -> None:
        start.wait()
        cache.run(name, lambda worker: worker())

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_warm_cache_builds_once_and_loads_a_model_once_under_concurrent_first_calls():
    built = []
    cache = WarmCache(lambda name: built.append(name) or LazyModel())
    _call_together(cache, "model", 8)
    worker = cache.run("model", lambda worker: worker)
    assert built == ["model"] and worker.loads == 1


def test_warm_cache_lets_calls_run_side_by_side_once_warm():
    cache = WarmCache(lambda name: LazyModel())
    cache.run("model", lambda worker: worker())
    _call_together(cache, "model", 4)
    assert cache.run("model", lambda worker: worker.most_running) > 1
