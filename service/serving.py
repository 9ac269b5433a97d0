"""``foia serve``'s web server, stopped cleanly by SIGTERM or Ctrl-C (see :mod:`service.shutdown`).

On the signal: no new connections are accepted; the PDF children end, so an analysis or publication under
way returns at once (put back for the next start, or refused with nothing stored); background jobs finish
that way; requests in flight get their answers; then the process exits with status 0.
"""

from __future__ import annotations

import logging
import signal
import threading

from werkzeug.serving import make_server

from . import pdfwork, shutdown

log = logging.getLogger(__name__)


def serve_until_stopped(app, host: str, port: int) -> None:
    server = make_server(host, port, app, threaded=True)
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


def stop_app(app) -> None:
    """Let the background jobs end (their PDF work answers "stopping" at once)."""
    app.extensions["foia.worker"].shutdown()
