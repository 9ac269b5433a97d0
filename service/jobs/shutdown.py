"""A clean stop on SIGTERM for every process: ``foia serve``, ``foia web``'s workers, ``foia scheduler``.

:func:`begin` marks the process as stopping and ends its PDF child processes at once; from then on every
PDF task answers ``Failure("stopping")`` instead of running (:mod:`service.jobs.pdfwork`). What was under way
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

log = logging.getLogger(__name__)

_stopping = threading.Event()
_stoppers: list[threading.Thread] = []


def requested() -> bool:
    return _stopping.is_set()


def begin() -> None:
    """Stop taking PDF work and end the PDF children (idempotent; safe from a signal handler's thread)."""
    if _stopping.is_set():
        return
    _stopping.set()
    log.warning("stopping: PDF work under way is ended and resumed or refused cleanly")
    from service.jobs import pdfwork

    # A thread: a signal handler must not wait for pdfwork's lock, which the interrupted code may hold.
    stopper = threading.Thread(target=pdfwork.stop_children, name="stop-pdf-children", daemon=True)
    _stoppers.append(stopper)
    stopper.start()


def resume() -> None:
    """Take PDF work again (a process that keeps running after a stop was cancelled; tests)."""
    while _stoppers:
        _stoppers.pop().join()
    _stopping.clear()
