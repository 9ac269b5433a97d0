"""A clean stop on SIGTERM for every process: ``foia serve``, ``foia web``'s workers, ``foia scheduler``.

:func:`begin` marks the process as stopping and ends its PDF child processes at once; from then on every
PDF task answers ``Failure("stopping")`` instead of running (:mod:`service.infra.pdfwork`). What was under way
ends cleanly and is picked up on the next start:

* an analysis goes back to ``uploaded`` (its original kept) and is resumed by ``resume_pending`` when the
  service starts again;
* a publication is refused with nothing stored ("the service is stopping"; publish again later);
* a preview is marked stopped (make it again);
* requests in flight get their answer before the process exits; no new ones are accepted.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

log = logging.getLogger(__name__)

_stopping = threading.Event()
_stoppers: list[threading.Thread] = []
_on_begin: list[Callable[[], None]] = []


def on_begin(stop: Callable[[], None]) -> None:
    """Call ``stop`` (in a thread of its own) when the process begins to stop; :mod:`service.infra.pdfwork`
    registers the end of its PDF children here, so this module needs to know nothing of them."""
    if stop not in _on_begin:
        _on_begin.append(stop)


def requested() -> bool:
    return _stopping.is_set()


def begin() -> None:
    """Stop taking PDF work and end the PDF children (idempotent; safe from a signal handler's thread)."""
    if _stopping.is_set():
        return
    _stopping.set()
    log.warning("stopping: PDF work under way is ended and resumed or refused cleanly")
    # A thread each: a signal handler must not wait for pdfwork's lock, which the interrupted code may hold.
    for stop in list(_on_begin):
        stopper = threading.Thread(target=stop, name=f"stop-{stop.__module__}.{stop.__name__}", daemon=True)
        _stoppers.append(stopper)
        stopper.start()


def resume() -> None:
    """Take PDF work again (a process that keeps running after a stop was cancelled; tests)."""
    while _stoppers:
        _stoppers.pop().join()
    _stopping.clear()
