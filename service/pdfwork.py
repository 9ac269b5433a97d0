"""Process pools for PDF work: a *quick* one (upload checks, page images) and a *heavy* one (analysis,
preview and publication), so checking an upload never waits behind a 300-page analysis.

Children are started with ``spawn`` (forking a threaded web process is unsafe) and kept for reuse; a child
that crashes on a hostile file breaks only its pool, which is replaced, and the caller gets a clear error.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .pdftasks import Failure

log = logging.getLogger(__name__)

_pools: dict[str, ProcessPoolExecutor] = {}
_sizes = {"quick": 1, "heavy": 1}
_lock = threading.Lock()
TIMEOUT = 15 * 60  # seconds: far beyond a 500-page paper; a stuck child is not waited for forever


def configure(heavy_workers: int) -> None:
    _sizes["heavy"] = max(1, heavy_workers)


def run(kind: str, fn, *args):
    """Run ``fn(*args)`` in the ``kind`` pool and return its result (or a :class:`Failure`)."""
    try:
        return _pool(kind).submit(fn, *args).result(timeout=TIMEOUT)
    except BrokenProcessPool:
        log.error("a %s PDF process died (task %s); replacing the pool", kind, fn.__name__)
        _discard(kind)
        return Failure("crashed", "the PDF could not be processed (the reader stopped on it)")
    except TimeoutError:
        log.error("a %s PDF task %s timed out", kind, fn.__name__)
        _discard(kind)
        return Failure("timeout", "processing the PDF took too long")


def _pool(kind: str) -> ProcessPoolExecutor:
    with _lock:
        pool = _pools.get(kind)
        if pool is None:
            pool = ProcessPoolExecutor(_sizes[kind], mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_child_init)
            _pools[kind] = pool
        return pool


def _child_init() -> None:
    """Spawned children start with no logging set up: give them the parent's (FOIA_LOG_FORMAT/LEVEL); and
    they end themselves when the parent dies (a SIGKILLed web worker must not leave PDF children behind)."""
    from .logs import LogConfigError, configure

    try:
        configure()
    except LogConfigError:  # the parent already refused the setting; the child keeps Python's default
        pass
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True,
                     name="parent-watch").start()


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(2)
        if os.getppid() != parent:
            os._exit(0)


def _discard(kind: str) -> None:
    with _lock:
        pool = _pools.pop(kind, None)
    if pool is not None:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.kill()  # our own child processes, by handle
        pool.shutdown(wait=False, cancel_futures=True)


@atexit.register
def shutdown() -> None:
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=False, cancel_futures=True)
