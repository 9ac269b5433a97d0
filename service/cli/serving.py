"""``foia serve``'s web server, stopped cleanly by SIGTERM or Ctrl-C (see :mod:`service.infra.shutdown`).

On the signal: no new connections are accepted; the PDF children end, so an analysis or publication under
way returns at once (put back for the next start, or refused with nothing stored); background jobs finish
that way; requests in flight get their answers; then the process exits with status 0 — within
``EXIT_GRACE_S`` seconds even when something holds the interpreter's exit up.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import sys
import threading
import time

from werkzeug.serving import WSGIRequestHandler, make_server

from service.infra import pdfwork, shutdown

log = logging.getLogger(__name__)


_QUERY = re.compile(r"\?[^\s'\"]*")


def without_query(text: str) -> str:
    """``GET /?q=Bryony HTTP/1.1`` → ``GET / HTTP/1.1``: every query string out of a log line."""
    return _QUERY.sub("", text)


class RequestHandler(WSGIRequestHandler):
    """werkzeug's request handler, whose access and error lines never carry the query string: a search
    (``/?q=…``) or a sign-in's ``next`` may hold a person's name, and logs never hold personal data. The
    service's own access log (``service.access``) names the endpoint only."""

    def log_request(self, code="-", size="-") -> None:
        line = without_query(self.requestline)
        self.log("info", '"%s" %s %s', line, getattr(code, "value", code), size)

    def log_error(self, format: str, *args) -> None:  # "Bad request syntax ('GET /?q=…')"
        self.log("error", "%s", without_query(format % args if args else format))


def serve_until_stopped(app, host: str, port: int) -> None:
    server = make_server(host, port, app, threaded=True, request_handler=RequestHandler)
    server.daemon_threads = False  # server_close() waits for the requests in flight

    def on_signal(signum, _frame):
        shutdown.begin()
        threading.Thread(target=server.shutdown, name="stop-serving", daemon=True).start()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.serve_forever()
    finally:
        shutdown.begin()
        stop_app(app)
        server.server_close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        pdfwork.shutdown()
        exit_soon(EXIT_GRACE_S)


EXIT_GRACE_S = 20.0  # after the work has stopped: the scheduler's shutdown and the interpreter's own exit


def exit_soon(grace: float, _exit=os._exit) -> threading.Thread:
    """Make sure the process ends ``grace`` seconds from now even if its exit hangs (seen under load:
    "Stopped." printed, then no exit within a minute — a thread or a PDF pool's manager that never
    ended). By then requests are answered and PDF work put back, so exiting 0 loses nothing; the threads
    still alive are logged by name. A daemon thread: it does not itself hold the process up."""
    def watch():
        time.sleep(grace)
        alive = sorted(t.name for t in threading.enumerate() if t is not threading.current_thread())
        log.warning("the process had not ended %.0f s after stopping; exiting now (threads: %s)", grace,
                    ", ".join(alive) or "none")
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stdout.flush()
        _exit(0)

    watcher = threading.Thread(target=watch, name="exit-watchdog", daemon=True)
    watcher.start()
    return watcher


def stop_app(app) -> None:
    """Let the background jobs end (their PDF work answers "stopping" at once)."""
    app.extensions["foia.worker"].shutdown()
