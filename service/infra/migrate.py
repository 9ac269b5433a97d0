"""Apply the Alembic migrations in ``migrations/`` (used by ``foia serve`` and by the tests)."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from service.infra.db import make_engine

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


# Any number of processes may start at once on one PostgreSQL (`foia migrate`, `foia scheduler`, tests):
# a transaction-scoped advisory lock makes them migrate one after the other, so the second finds the
# schema current instead of racing the first one's CREATE TABLE. PostgreSQL's DDL is transactional.
MIGRATION_LOCK = 0x464F4941  # "FOIA"


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` up to ``revision``; safe to run again (does nothing when current)."""
    engine = make_engine(url) if url.startswith("sqlite") else create_engine(url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            cfg = alembic_config(url)
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()
    log.info("database migrated to %s", revision)


def revisions(url: str) -> tuple[str | None, str]:
    """(the database's current revision or None when empty, the newest revision in ``migrations/``)."""
    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    engine = make_engine(url) if url.startswith("sqlite") else create_engine(url)
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
    return current, head
