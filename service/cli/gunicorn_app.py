"""``foia web``'s gunicorn application: gthread workers that each load ``create_app()`` after the fork.

No ``preload_app``: a database pool or a PDF process pool made before the fork would be shared by every
worker. Logging goes through the root handler set up by ``foia`` (text or JSON); gunicorn's access log
stays off because its lines carry paths and search terms — :mod:`service.web.metrics` logs each request by
endpoint name instead.
"""

from __future__ import annotations

import logging
import os

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

log = logging.getLogger(__name__)

# No control socket: nothing here uses gunicornc, and instances on one host would share its path.
DEFAULTS = {"worker_class": "gthread", "timeout": 120, "graceful_timeout": 30, "keepalive": 5,
            "accesslog": None, "control_socket_disable": True}


class ServiceLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for logger in (self.error_log, self.access_log):
            logger.handlers.clear()
            logger.propagate = True


class GunicornApp(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        settings = {**DEFAULTS, "logger_class": ServiceLogger,
                    "loglevel": (os.environ.get("FOIA_LOG_LEVEL") or "info").lower(),
                    "post_worker_init": post_worker_init, "child_exit": child_exit, "worker_exit": worker_exit,
                    **self.options}
        for key, value in settings.items():
            self.cfg.set(key, value)

    def load(self):
        from service.app import create_app

        return create_app()


def post_worker_init(worker) -> None:
    """Pick up uploads left unanalysed by a stopped worker; the guarded claim analyses each paper once.
    And on SIGTERM, before gunicorn's own graceful stop: end the PDF work under way (service.infra.shutdown), so
    requests in flight answer within the graceful timeout and analyses are put back for the next start."""
    import signal

    from service.infra import shutdown
    from service.domain.papers import resume_pending

    graceful = signal.getsignal(signal.SIGTERM)

    def on_term(signum, frame):
        shutdown.begin()
        if callable(graceful):
            graceful(signum, frame)

    signal.signal(signal.SIGTERM, on_term)

    from service.cli.commands import warm_pdf_processes

    warm_pdf_processes(worker.wsgi)  # in the background: the worker serves at once
    resumed = resume_pending(worker.wsgi)
    if resumed:
        log.info("worker %s resumed the analysis of %d paper(s)", worker.pid, resumed)


def worker_exit(_server, worker) -> None:
    """A worker leaving: its background jobs end (their PDF work answers "stopping") before it exits."""
    from service.infra import shutdown

    shutdown.begin()
    app = getattr(worker, "wsgi", None)
    if app is not None and hasattr(app, "extensions"):
        app.extensions["foia.worker"].shutdown()


def child_exit(_server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
