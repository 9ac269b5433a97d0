"""Background jobs (analysis, previews) on a small thread pool, so no request waits for a long paper.

Jobs are plain functions taking ids; each runs inside an app context with its own database session and
records its outcome in the database (the progress page reads it from there). A job that raises is logged
by type only — never with the exception text, which could quote the document.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait

log = logging.getLogger(__name__)


class Worker:
    def __init__(self, app, workers: int = 1):
        self.app = app
        self.workers = max(1, workers)
        self._executor: ThreadPoolExecutor | None = None
        self._futures: set[Future] = set()
        self._lock = threading.Lock()

    def submit(self, job, *args) -> Future:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="foia-worker")
            future = self._executor.submit(self._run, job, args)
            self._futures.add(future)
            future.add_done_callback(self._futures.discard)
            return future

    def _run(self, job, args) -> None:
        with self.app.app_context():
            try:
                job(*args)
            except Exception as exc:  # the job itself records a user-safe failure; this is the backstop
                log.error("background job %s%s failed: %s", job.__name__, args, type(exc).__name__,
                          exc_info=self.app.debug)

    def drain(self, timeout: float | None = 120) -> None:
        """Wait for every submitted job (tests, shutdown)."""
        with self._lock:
            pending = list(self._futures)
        wait(pending, timeout=timeout)

    def shutdown(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=False)
                self._executor = None
