"""How many CPU threads a model runs on.

llama.cpp splits every matrix product evenly across its threads and waits for the slowest: one
thread on a core that another process holds stalls them all (2 threads on 2 cores with one held
were measured at ~1 tok/s). So the default is the cores not busy when the model loads, within the
share of the cores a worker process was given; ``$MDSUM_THREADS`` or ``threads:`` in models.yaml
set it outright.
"""

from __future__ import annotations

import math
import os

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


def idle_cores() -> int:
    """Cores this process may use minus those other processes keep busy (the 1-minute load average,
    whole cores only: a core counts as taken when something ran on it all along); at least one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    share = os.environ.get(WORKER_SHARE_VARIABLE, "")
    if share.isdigit() and int(share) > 0:
        cores = min(cores, int(share))
    return max(1, cores - math.floor(os.getloadavg()[0]))


def model_threads(configured: int | str | None) -> int:
    """The thread count to run with: the explicit setting, or the idle cores."""
    return explicit_threads(configured) or idle_cores()
