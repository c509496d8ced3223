"""How many CPU threads a model runs on.

llama.cpp splits every matrix product evenly across its threads and waits for the slowest: one
thread on a core that another process holds stalls them all (2 threads on 2 cores with one held
were measured at ~1 tok/s). So the default is the cores not busy when the model loads, within the
share of the cores a worker process was given; ``$MDSUM_THREADS`` or ``threads:`` in models.yaml
set it outright. "Busy" is measured over a moment, not read from the load average: that average
still counts mdsum's own work of the minute before (planning, embeddings), which would leave the
model one thread on an idle machine.
"""

from __future__ import annotations

import os
import time

from mdsum.errors import ConfigError

THREADS_VARIABLE = "MDSUM_THREADS"
# parallel.py sets this in each worker process to its share of the cores.
WORKER_SHARE_VARIABLE = "OMP_NUM_THREADS"


def explicit_threads(configured: int | str | None) -> int | None:
    """``$MDSUM_THREADS``, else a number set in models.yaml, else None (``auto`` or unset)."""
    value = os.environ.get(THREADS_VARIABLE, "").strip()
    if not value:
        return configured if isinstance(configured, int) else None
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"${THREADS_VARIABLE} must be a positive integer, got {value!r}")
    return int(value)


def _cpu_jiffies() -> tuple[int, int]:
    """(busy, all) clock ticks of every CPU since boot, from the first line of /proc/stat."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(field) for field in stat.readline().split()[1:9]]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return sum(ticks) - idle, sum(ticks)


def busy_cores(window: float = 0.2) -> float:
    """Cores that other processes keep busy now: the machine's busy share over ``window`` seconds times
    its CPU count, less this process's own use; the 1-minute load average where /proc/stat is missing."""
    try:
        busy_before, all_before = _cpu_jiffies()
        own_before, started = sum(os.times()[:2]), time.monotonic()
        time.sleep(window)
        busy_after, all_after = _cpu_jiffies()
        own = (sum(os.times()[:2]) - own_before) / (time.monotonic() - started)
    except OSError:
        return os.getloadavg()[0]
    share = (busy_after - busy_before) / max(1, all_after - all_before)
    return max(0.0, share * (os.cpu_count() or 1) - own)


def idle_cores() -> int:
    """Cores this process may use minus those other processes keep busy (rounded: a core counts as
    taken when something runs on it most of the time); at least one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    share = os.environ.get(WORKER_SHARE_VARIABLE, "")
    if share.isdigit() and int(share) > 0:
        cores = min(cores, int(share))
    return max(1, cores - round(busy_cores()))


def model_threads(configured: int | str | None) -> int:
    """The thread count to run with: the explicit setting, or the idle cores."""
    return explicit_threads(configured) or idle_cores()
