"""What every ``foia`` command module shares: one-line errors with exit status 2, the configuration, the
migrated database, and a database URL safe to print."""

from __future__ import annotations

import sys
from typing import NoReturn

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """``foia: error: <message>`` on stderr and exit status 2 (no traceback reaches the user)."""
    print(f"foia: error: {message}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_INPUT)


def configured() -> dict:
    """The configuration; a ConfigError → one line, exit 2."""
    from service.infra.config import ConfigError, load_config

    try:
        return load_config()
    except ConfigError as exc:
        fail(str(exc))


def migrated_database():
    """``(config, Database)`` for the configured data folder, its migrations applied first."""
    from service.infra.db import Database
    from service.infra.migrate import upgrade

    cfg = configured()
    upgrade(cfg["DATABASE_URL"])
    return cfg, Database(cfg["DATABASE_URL"])


def safe_url(url: str) -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
