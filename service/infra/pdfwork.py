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
import signal
import threading
import time
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from service.infra import shutdown as stop_state  # (this module has its own shutdown())
from service.infra.pdftasks import Failure

log = logging.getLogger(__name__)

_pools: dict[str, ProcessPoolExecutor] = {}
_sizes = {"quick": 1, "heavy": 1}
_lock = threading.Lock()
TIMEOUT = 15 * 60  # seconds: far beyond a 500-page paper; a stuck child is not waited for forever


def configure(heavy_workers: int) -> None:
    _sizes["heavy"] = max(1, heavy_workers)


STOPPING = Failure("stopping", "the service is stopping; the work was not done and can be done again when "
                               "it is back")


def run(kind: str, fn, *args):
    """Run ``fn(*args)`` in the ``kind`` pool and return its result (or a :class:`Failure`).

    While the process stops (:mod:`service.infra.shutdown`), or when the child was stopped by SIGTERM, the answer
    is ``Failure("stopping")``: the caller puts the work back (analysis) or refuses it (publication)."""
    if stop_state.requested():
        return STOPPING
    pool = _pool(kind)
    procs = _children(pool)  # an idle child stopped before the task is sent breaks the pool at submit
    try:
        future = pool.submit(fn, *args)
        procs += [p for p in _children(pool) if p not in procs]
        return _wait(future, kind, pool)
    except BrokenProcessPool:
        if stop_state.requested() or _stopped_by_signal(procs):
            _discard(kind, pool)
            log.warning("a %s PDF process was stopped (task %s)", kind, fn.__name__)
            return STOPPING
        log.error("a %s PDF process died (task %s); replacing the pool", kind, fn.__name__)
        _discard(kind, pool)
        return Failure("crashed", "the PDF could not be processed (the reader stopped on it)")
    except RuntimeError:  # "cannot schedule new futures after shutdown": a stop came between _pool and submit
        if stop_state.requested():
            return STOPPING
        raise
    except CancelledError:  # the stop shut the pool down while the task waited in its queue (cancel_futures)
        if stop_state.requested():
            _discard(kind, pool)
            log.warning("a %s PDF task was cancelled by a stop (task %s)", kind, fn.__name__)
            return STOPPING
        raise
    except TimeoutError:
        log.error("a %s PDF task %s timed out", kind, fn.__name__)
        _discard(kind, pool)
        return Failure("timeout", "processing the PDF took too long")


POLL = 0.5  # seconds between looks at the stop flag while a task runs


def _wait(future, kind: str, pool: ProcessPoolExecutor):
    """The task's result; a stop requested meanwhile ends the pool's children (whatever the moment the
    stop came: before they started, while they start or while they work) and answers "stopping"."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            return future.result(timeout=POLL)
        except TimeoutError:
            if stop_state.requested():
                _discard(kind, pool)
                return STOPPING
            if time.monotonic() > deadline:
                raise


def warm(kinds: tuple[str, ...] = ("quick", "heavy")) -> list[threading.Thread]:
    """Start the pools' children now, in background threads (one a pool), each loading what its first task needs
    (:func:`service.infra.pdftasks.warm`: the heavy child analyses and redacts a small page of its own), so
    the first upload and publication do not wait for a cold process and the language model. Returns at
    once; a stop (or any failure) while warming leaves the pools as they would be cold."""
    from service.infra import pdftasks

    def go(kind: str) -> None:
        result = run(kind, pdftasks.warm, kind)
        if isinstance(result, Failure):
            log.info("the %s PDF process was not warmed (%s)", kind, result.code)
        else:
            log.info("the %s PDF process is warm", kind)

    threads = [threading.Thread(target=go, args=(kind,), name=f"pdf-warm-{kind}", daemon=True) for kind in kinds]
    for thread in threads:
        thread.start()
    return threads


def _pool(kind: str) -> ProcessPoolExecutor:
    with _lock:
        pool = _pools.get(kind)
        if pool is None:
            pool = ProcessPoolExecutor(_sizes[kind], mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_child_init)
            _pools[kind] = pool
        return pool


def _children(pool: ProcessPoolExecutor) -> list:
    """The pool's child processes, by handle (their exit codes stay readable after the pool breaks)."""
    return list((getattr(pool, "_processes", None) or {}).values())


def _stopped_by_signal(procs: list) -> bool:
    """Whether one of the pool's children ended by SIGTERM (a stop, not a crash on the file)."""
    for proc in procs:
        proc.join(timeout=1)
        # The pool's own thread may reap the child first: this handle then reads its exit code a moment later.
        deadline = time.monotonic() + 2
        while proc.exitcode is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.exitcode == -signal.SIGTERM:
            return True
    return False


def child_pids(kind: str) -> list[int]:
    with _lock:
        pool = _pools.get(kind)
    return [p.pid for p in (getattr(pool, "_processes", None) or {}).values()] if pool else []


def stop_children() -> None:
    """End every PDF child now (SIGTERM): tasks under way answer ``Failure("stopping")``; the pools are
    dropped, so work taken again later starts fresh children."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            if proc.is_alive():
                proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)


def _child_init() -> None:
    """Spawned children start with no logging set up: give them the parent's (FOIA_LOG_FORMAT/LEVEL); and
    they end themselves when the parent dies (a SIGKILLed web worker must not leave PDF children behind)."""
    from service.infra.logs import LogConfigError, configure

    try:
        configure()
    except LogConfigError:  # the parent already refused the setting; the child keeps Python's default
        pass
    # Ctrl-C reaches the whole process group: the parent decides, the child does not print a traceback.
    # SIGTERM keeps its default (the child ends; the parent sees a stop, not a crash).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True,
                     name="parent-watch").start()


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(2)
        if os.getppid() != parent:
            os._exit(0)


stop_state.on_begin(stop_children)  # SIGTERM (service.infra.shutdown.begin) ends the children at once


def _discard(kind: str, pool: ProcessPoolExecutor | None = None) -> None:
    """End a pool's children (ours, by handle) and drop the pool; with ``pool`` given, a newer pool of the
    same kind (made after a stop, or by another caller) is left alone."""
    with _lock:
        if pool is None or _pools.get(kind) is pool:
            pool = _pools.pop(kind, None)
    if pool is not None:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)


@atexit.register
def shutdown() -> None:
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=False, cancel_futures=True)
