"""Engine and sessions: one ``Database`` per app; one session per request (``db_session()``) or per job."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

from flask import current_app, g
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


class Database:
    def __init__(self, url: str, pool: dict | None = None):
        self.url = url
        self.engine = make_engine(url, pool)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for work outside a request (background jobs, CLI); commits are explicit."""
        session = self.Session()
        try:
            yield session
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str, pool: dict | None = None) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A pool per process: pre-ping replaces a connection the server or a firewall closed (database
    # restart, failover) instead of failing the request that drew it; recycle retires old ones first.
    return create_engine(url, pool_pre_ping=True, **{**POOL_DEFAULTS, **(pool or {})})


POOL_DEFAULTS = {"pool_size": 5, "max_overflow": 5, "pool_timeout": 30, "pool_recycle": 1800}


def pool_settings(cfg: dict) -> dict:
    """The PostgreSQL pool from ``FOIA_DB_POOL_*`` settings (see docs/deploy.md for sizing)."""
    return {"pool_size": int(cfg["DB_POOL_SIZE"]), "max_overflow": int(cfg["DB_MAX_OVERFLOW"]),
            "pool_timeout": int(cfg["DB_POOL_TIMEOUT_S"]), "pool_recycle": int(cfg["DB_POOL_RECYCLE_S"])}


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets the background worker write while requests read; foreign keys are off by default in SQLite.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def get_db() -> Database:
    return current_app.extensions["foia.db"]


def db_session() -> Session:
    """The current request's session, closed at the end of the request."""
    if "db_session" not in g:
        g.db_session = get_db().Session()
    return g.db_session


def close_session(_exc=None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
