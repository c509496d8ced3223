import os

import pytest

from mdsum.errors import ConfigError
from mdsum.llm import threads
from mdsum.llm.threads import THREADS_VARIABLE, WORKER_SHARE_VARIABLE, explicit_threads, idle_cores, model_threads


@pytest.fixture
def machine(monkeypatch):
    """Four cores, the cores other processes keep busy as given; no thread settings in the environment."""
    monkeypatch.delenv(THREADS_VARIABLE, raising=False)
    monkeypatch.delenv(WORKER_SHARE_VARIABLE, raising=False)
    monkeypatch.setattr(threads.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)

    def load(busy):
        monkeypatch.setattr(threads, "busy_cores", lambda: busy)

    return load


def test_auto_takes_the_cores_no_other_process_keeps_busy(machine):
    machine(1.4)
    assert model_threads("auto") == model_threads(None) == 3
    machine(7.0)
    assert idle_cores() == 1


def test_a_worker_stays_within_its_share(machine, monkeypatch):
    machine(0.0)
    monkeypatch.setenv(WORKER_SHARE_VARIABLE, "2")
    assert model_threads("auto") == 2


def test_the_environment_overrides_the_config(machine, monkeypatch):
    machine(3.9)
    assert model_threads(3) == 3 and explicit_threads("auto") is None
    monkeypatch.setenv(THREADS_VARIABLE, "2")
    assert model_threads(3) == 2 and explicit_threads(None) == 2


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_a_bad_thread_count_in_the_environment_is_a_config_error(machine, monkeypatch, value):
    monkeypatch.setenv(THREADS_VARIABLE, value)
    with pytest.raises(ConfigError, match=f"MDSUM_THREADS must be a positive integer, got '{value}'"):
        model_threads("auto")


def test_the_real_machine_gives_at_least_one_thread():
    assert 1 <= idle_cores() <= (os.cpu_count() or 1)


def test_busy_cores_leave_out_this_process_own_work(monkeypatch):
    """All four cores busy over the window, one of them by this process: three are others'."""
    ticks = iter([(100, 1000), (180, 1080)])  # every tick of the window busy
    monkeypatch.setattr(threads, "_cpu_jiffies", lambda: next(ticks))
    monkeypatch.setattr(threads.os, "cpu_count", lambda: 4)
    times = iter([(1.0, 0.0, 0, 0, 0), (1.2, 0.0, 0, 0, 0)])
    monkeypatch.setattr(threads.os, "times", lambda: next(times))
    clock = iter([10.0, 10.2])
    monkeypatch.setattr(threads.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(threads.time, "sleep", lambda seconds: None)
    assert threads.busy_cores() == pytest.approx(3.0)
