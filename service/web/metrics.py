"""Prometheus metrics at ``/metrics`` (prometheus-client), for the operator's scraper only.

Who may read it: nobody, unless ``FOIA_METRICS_TOKEN`` is set; then a scrape must send
``Authorization: Bearer <token>`` (Prometheus: ``authorization: {credentials_file: …}``). Without the
token ``/metrics`` is a 404, like any unknown page; with a wrong one it is a 401.

Two kinds of figures:

- **This process**: ``foia_http_request_duration_seconds`` (histogram by method, endpoint and status).
  Under ``foia web`` the gunicorn workers of one instance share a folder (``PROMETHEUS_MULTIPROC_DIR``,
  prometheus-client's multiprocess mode), so one scrape of an instance covers all its workers. Sum it
  across instances.
- **The deployment**, read from the database at scrape time (kept for :data:`CACHE_SECONDS`), so they
  count what every web instance and scheduler process did, exactly once, and survive restarts: papers
  processed, redactions by type, releases, leak-check failures, parts by state, the scheduler's last
  sweep. They come from the audit log and the published parts, which are the record anyway. Every
  instance reports the same values: use ``max`` across instances, not ``sum``.

Labels carry endpoint names, states and types — never a path, a search or a value from a paper.
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
import time
from datetime import datetime, timezone

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from prometheus_client import (CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Histogram, disable_created_metrics,
                               generate_latest, multiprocess)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from sqlalchemy import func, select

from scheduler import heartbeat

from service.domain.models import AuditEvent, Part

log = logging.getLogger(__name__)
access_log = logging.getLogger("service.access")

bp = Blueprint("metrics", __name__)

disable_created_metrics()  # the *_created series only double what a scraper sees
CACHE_SECONDS = 10
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

REQUEST_LATENCY = Histogram(
    "foia_http_request_duration_seconds", "Time to answer a request, by method, endpoint and status.",
    ["method", "endpoint", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0))

# The audit actions behind each figure, with their labels. The audit log records each once, whoever did it.
PROCESSED = {"analysed": "analysed", "analysis failed": "analysis_failed", "published": "published",
             "publication stopped": "publication_stopped"}
RELEASES = {"part 1 published": ("1", "date"), "part 2 released": ("2", "date"),
            "part 1 published by an officer": ("1", "officer"), "part 2 released by an officer": ("2", "officer")}
LEAK_STAGES = {"preview stopped": "preview", "publication stopped": "publication"}
REVIEWS = "part 2 due for review"


def register(app: Flask) -> None:
    app.extensions["foia.metrics"] = DeploymentCollector(app)
    app.before_request(_start_timer)
    app.after_request(_observe)
    app.register_blueprint(bp)


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response: Response) -> Response:
    started = g.pop("metrics_started", None)
    if started is None:
        return response
    elapsed = time.perf_counter() - started
    endpoint = request.url_rule.endpoint if request.url_rule is not None else "unmatched"
    method = request.method if request.method in METHODS else "OTHER"
    REQUEST_LATENCY.labels(method, endpoint, str(response.status_code)).observe(elapsed)
    # The rule's name, never the path or query: a search or a slug typed by a visitor stays out of logs.
    access_log.info("request %s %s %d %.1f ms", method, endpoint, response.status_code, elapsed * 1000,
                    extra={"fields": {"method": method, "endpoint": endpoint, "status": response.status_code,
                                      "ms": round(elapsed * 1000, 1)}})
    return response


@bp.route("/metrics")
def metrics():
    token = current_app.config.get("METRICS_TOKEN") or ""
    if not token:
        abort(404)
    sent = request.headers.get("Authorization", "")
    if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        response = Response("a bearer token is needed\n", 401, mimetype="text/plain")
        response.headers["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    body = generate_latest(_process_registry()) + current_app.extensions["foia.metrics"].exposition()
    response = Response(body, mimetype=CONTENT_TYPE_LATEST)
    response.headers["Cache-Control"] = "no-store"
    return response


def _process_registry():
    """This instance's own metrics: all gunicorn workers' in multiprocess mode, else this process's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


class DeploymentCollector:
    """Figures of the whole deployment, read from the database, kept for :data:`CACHE_SECONDS`."""

    def __init__(self, app: Flask):
        self.app = app
        self._lock = threading.Lock()
        self._cached: tuple[float, bytes] | None = None

    def exposition(self) -> bytes:
        with self._lock:
            if self._cached is None or time.monotonic() - self._cached[0] > CACHE_SECONDS:
                registry = CollectorRegistry()
                registry.register(self)
                self._cached = (time.monotonic(), generate_latest(registry))
            return self._cached[1]

    def collect(self):
        families = []
        up = GaugeMetricFamily("foia_database_up", "1 when the last scrape could read the database.")
        try:
            with self.app.extensions["foia.db"].session() as db:
                actions = dict(db.execute(select(AuditEvent.action, func.count()).group_by(AuditEvent.action)
                                          .where(AuditEvent.action.in_([*PROCESSED, *RELEASES, REVIEWS]))).all())
                leaks = dict(db.execute(select(AuditEvent.action, func.count())
                                        .where(AuditEvent.action.in_(LEAK_STAGES),
                                               AuditEvent.details["code"].as_string() == "leak")
                                        .group_by(AuditEvent.action)).all())
                parts = db.execute(select(Part.number, Part.state, func.count())
                                   .group_by(Part.number, Part.state)).all()
                redactions = db.execute(select(Part.number, Part.redactions)).all()
        except Exception as exc:  # a scrape during a database outage still answers, and says so
            log.warning("metrics: database not readable: %s", type(exc).__name__)
            up.add_metric([], 0)
            families.append(up)
            families.extend(self._scheduler())
            return families
        up.add_metric([], 1)
        families.append(up)

        processed = CounterMetricFamily("foia_papers_processed", "Papers analysed, published, or stopped.",
                                        labels=["outcome"])
        for action, outcome in PROCESSED.items():
            processed.add_metric([outcome], actions.get(action, 0))
        releases = CounterMetricFamily("foia_releases", "Parts made public when their date came or by an officer.",
                                       labels=["part", "trigger"])
        for action, labels in RELEASES.items():
            releases.add_metric(list(labels), actions.get(action, 0))
        reviews = CounterMetricFamily("foia_reviews_due", "Part 2s moved to the officers' review queue.")
        reviews.add_metric([], actions.get(REVIEWS, 0))
        leak = CounterMetricFamily("foia_leak_check_failures",
                                   "Outputs that failed verification (a removed value or Part 2 text survived); "
                                   "nothing was published.", labels=["stage"])
        for action, stage in LEAK_STAGES.items():
            leak.add_metric([stage], leaks.get(action, 0))
        by_state = GaugeMetricFamily("foia_parts", "Stored parts by part number and state.", labels=["part", "state"])
        for number, state, count in parts:
            by_state.add_metric([str(number), state], count)
        removed = CounterMetricFamily("foia_redactions", "Personal data and areas removed from published parts, "
                                      "by type and part.", labels=["type", "part"])
        totals = _redaction_totals(redactions)
        for (kind, part), count in sorted(totals.items()):
            removed.add_metric([kind, part], count)
        families += [processed, releases, reviews, leak, by_state, removed, *self._scheduler()]
        return families

    def _scheduler(self):
        record = heartbeat.read(self.app.config["DATA_DIR"])
        last = GaugeMetricFamily("foia_scheduler_last_sweep_timestamp_seconds",
                                 "When a release scheduler last swept (Unix time); alert when it falls behind.")
        ok = GaugeMetricFamily("foia_scheduler_last_sweep_ok", "1 when the scheduler's last sweep succeeded.")
        if record is not None:
            last.add_metric([], record["last_sweep_at"].timestamp())
            ok.add_metric([], 1 if record.get("ok") else 0)
        age = GaugeMetricFamily("foia_scheduler_heartbeat_age_seconds", "Seconds since the last sweep.")
        if record is not None:
            age.add_metric([], (datetime.now(timezone.utc) - record["last_sweep_at"]).total_seconds())
        return [last, ok, age]


def _redaction_totals(rows) -> dict[tuple[str, str], int]:
    """Sum the ``by_type`` counts publication stored on each part (the library's plan: ``redaction.publication``)."""
    totals: dict[tuple[str, str], int] = {}
    for number, summary in rows:
        for kind, count in ((summary or {}).get("by_type") or {}).items():
            key = (str(kind), str(number))
            totals[key] = totals.get(key, 0) + int(count or 0)
    return totals
