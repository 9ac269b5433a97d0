"""``/healthz`` (the process answers) and ``/readyz`` (it can do its work), as JSON for probes and people.

``/healthz`` touches nothing: a container orchestrator restarts a process whose ``/healthz`` fails, and a
database outage must not restart every web instance. ``/readyz`` checks what a working deployment needs
and answers 503 when any of it is missing:

- ``database``: a query runs and the schema is at the newest migration (``foia migrate`` has run);
- ``storage``: a file can be written, read back and removed in the shared file store;
- ``scheduler``: some release scheduler swept within the last few minutes (its heartbeat file in the
  shared data folder), so withheld parts will be released on time.

Failures name the check and the error's type only — never an exception's text, which may quote a query.
"""

from __future__ import annotations

import logging
import secrets
import time
from datetime import datetime, timezone
from functools import lru_cache

from flask import Blueprint, current_app, jsonify, send_from_directory
from sqlalchemy import text

from scheduler import heartbeat

from service.infra.migrate import alembic_config

log = logging.getLogger(__name__)

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """Liveness: the process answers."""
    return _no_store(jsonify(status="ok"))


@bp.route("/readyz")
def readyz():
    checks = {"database": _timed(_database), "storage": _timed(_storage), "scheduler": _scheduler()}
    ready = all(check["ok"] for check in checks.values())
    if not ready:
        log.warning("not ready: %s", ", ".join(name for name, c in checks.items() if not c["ok"]))
    response = jsonify(status="ready" if ready else "not ready", checks=checks)
    response.status_code = 200 if ready else 503
    return _no_store(response)


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        result = {"ok": True, **(check() or {})}
    except Exception as exc:  # the type only: a driver's message can carry the query and its values
        result = {"ok": False, "error": type(exc).__name__}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    if not result["ok"] and "error" not in result:
        result["error"] = "failed"
    return result


def _database() -> dict:
    engine = current_app.extensions["foia.db"].engine
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
        current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    head = _head_revision()
    out = {"schema": current, "schema_head": head}
    if current != head:
        out.update(ok=False, error="schema not current: run `foia migrate`")
    return out


@lru_cache(maxsize=1)
def _head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def _storage() -> None:
    store = current_app.extensions["foia.storage"]
    key = f"health/probe-{secrets.token_hex(8)}.txt"
    payload = secrets.token_bytes(16)
    try:
        store.write(key, payload)
        if store.read(key) != payload:
            raise OSError("read back differs")
    finally:
        store.delete(key)


def _scheduler() -> dict:
    now = datetime.now(timezone.utc)
    record = heartbeat.read(current_app.config["DATA_DIR"])
    if record is None:
        return {"ok": False, "error": "no heartbeat: no release scheduler has run with this data folder"}
    age = (now - record["last_sweep_at"]).total_seconds()
    out = {"ok": bool(record.get("ok")) and age <= heartbeat.STALE_AFTER.total_seconds(),
           "last_sweep_at": record["last_sweep_at"].isoformat(), "age_s": round(age, 1),
           "mode": record.get("mode")}
    if not out["ok"]:
        out["error"] = "last sweep failed" if not record.get("ok") else "heartbeat older than " \
            f"{int(heartbeat.STALE_AFTER.total_seconds())} s"
    return out


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/favicon.ico")
def favicon():
    """Browsers ask for /favicon.ico on pages that name no icon (a PDF, a JSON answer): the officer pages'
    icon (static/favicon.svg, linked from templates/base/layout.html) instead of a 404 in the console."""
    response = send_from_directory(current_app.static_folder, "favicon.svg", mimetype="image/svg+xml",
                                   max_age=86400)
    return response
