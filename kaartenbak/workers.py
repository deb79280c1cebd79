"""Spread many independent jobs over the machine's cores: a first start of a big collection is mostly Markdown work."""

import logging
import math
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

log = logging.getLogger(__name__)
JOBS_PER_WORKER = 200  # below this, starting a worker process (imports, a few tenths of a second) costs more than it saves
CPU_QUOTA = Path("/sys/fs/cgroup/cpu.max")  # cgroup v2: "<quota> <period>" in microseconds, or "max <period>"


def cores() -> int:
    """The cores this process may use: its CPU affinity, capped by a container's CPU quota."""
    try:
        allowed = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        allowed = os.cpu_count() or 1
    try:
        quota, period = CPU_QUOTA.read_text().split()
        return max(1, min(allowed, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):  # no cgroup v2, or no quota ("max")
        return allowed


def run_all(function, jobs: list[tuple]) -> list:
    """Return ``[function(*job) for job in jobs]``, worked out in worker processes when there are enough jobs.

    ``function`` and the jobs must pickle. Workers are spawned, not forked: the site has threads
    running, and a forked copy of a thread's lock can hang. Where processes cannot be started, the
    jobs run here instead.
    """
    workers = min(cores(), len(jobs) // JOBS_PER_WORKER)
    if workers < 2:
        return [function(*job) for job in jobs]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            return list(pool.map(function, *zip(*jobs), chunksize=max(1, len(jobs) // (workers * 8))))
    except (OSError, NotImplementedError, BrokenProcessPool) as error:  # no processes here (a sandbox, a limit)
        log.warning("cannot start worker processes (%s); working in one process", error)
        return [function(*job) for job in jobs]
