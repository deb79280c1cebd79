"""Spread many independent jobs over the machine's cores: a first start of a big collection is mostly Markdown work."""

import logging
import math
import multiprocessing
import os
import time
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


def run_all(function, jobs: list[tuple], deadline: float | None = None) -> list:
    """Return ``[function(*job) for job in jobs]``, worked out in worker processes when there are enough jobs.

    ``function`` and the jobs must pickle. Workers are spawned, not forked: the site has threads
    running, and a forked copy of a thread's lock can hang. Where processes cannot be started, the
    jobs run here instead. With a ``deadline`` (of ``time.monotonic()``) no job is started once it
    has passed, and the results so far come back: the first few jobs, always at least one.
    """
    workers = min(cores(), len(jobs) // JOBS_PER_WORKER)
    if workers < 2:
        return _until(deadline, (function(*job) for job in jobs))
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = _until(deadline, pool.map(function, *zip(*jobs), chunksize=max(1, len(jobs) // (workers * 8))))
            if len(results) < len(jobs):
                pool.shutdown(wait=False, cancel_futures=True)  # the chunks under way finish; no other starts
            return results
    except (OSError, NotImplementedError, BrokenProcessPool) as error:  # no processes here (a sandbox, a limit)
        log.warning("cannot start worker processes (%s); working in one process", error)
        return _until(deadline, (function(*job) for job in jobs))


def _until(deadline: float | None, results) -> list:
    """Take results until the deadline has passed, at least one."""
    taken = []
    for result in results:
        taken.append(result)
        if deadline is not None and time.monotonic() >= deadline:
            break
    return taken
