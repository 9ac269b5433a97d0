"""Configuration: defaults here, overlaid by ``FOIA_*`` environment variables, then by ``create_app`` overrides.

Every setting has one name; the environment variable is that name with the ``FOIA_`` prefix
(``DATA_DIR`` ← ``FOIA_DATA_DIR``). Values from the environment are converted to the default's type.

``ENV`` is ``development`` (the default, what ``make run`` uses), ``testing`` or ``production``. Outside
development and testing a ``SECRET_KEY`` is required and cookies are ``Secure`` unless told otherwise;
in development a random key is kept in the data folder so sign-ins survive a restart.
"""

from __future__ import annotations

import logging
import os
import secrets
from datetime import time
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

PREFIX = "FOIA_"

DEFAULTS: dict[str, object] = {
    "ENV": "development",
    "DATA_DIR": "./var",
    "DATABASE_URL": "",            # empty: SQLite file inside DATA_DIR
    "SECRET_KEY": "",
    "MAX_UPLOAD_MB": 50,
    "RELEASE_TIME": "00:00",       # time of day (Europe/London) at which parts are released on their date
    "UPCOMING_DAYS": 14,           # officers see releases due within this many days
    "SWEEP_SECONDS": 60,           # the scheduler's sweep for due parts runs this often
    "SCHEDULER": "on",             # off: this process runs no release scheduler (run `foia scheduler`)
    "WARM_PDF": "on",              # on: `foia serve` / `foia web` start their PDF processes at start-up
    "SECURE_COOKIES": None,        # None: Secure in production, not in development/testing
    "TRUST_PROXY": False,          # behind one reverse proxy: trust X-Forwarded-For/-Proto
    "WORKERS": 1,                  # background analysis/preview threads per process
    "SIGN_IN_LIMIT": 5,            # failed sign-ins per account and address ...
    "SIGN_IN_WINDOW_MIN": 15,      # ... within this many minutes, then refused until the window passes
    "SESSION_HOURS": 8,
    # Accounts and hardening (service/domain/: signin_limits.py, sessions.py, limits.py; SECURITY.md)
    "SIGN_IN_ACCOUNT_LIMIT": 20,   # failed sign-ins per account from any address within the window
    "SIGN_IN_ADDRESS_LIMIT": 30,   # failed sign-ins per address against any account within the window
    "SIGN_IN_CONCURRENCY": 2,      # password hashes computed at once per process ...
    "SIGN_IN_QUEUE_S": 3,          # ... waiting this long for a free one, then 503
    "SESSION_IDLE_MIN": 60,        # a session unused this long ends (SESSION_HOURS: however busy)
    "BASE_URL": "",                # https://foia.example.org: absolute URLs (required in production)
    "MAX_PAGE_PIXELS": 4_000_000,  # a review page image is scaled down to at most this many pixels
    "UPLOADS_IN_FLIGHT": 3,        # papers per officer waiting for or in analysis at once
    "RENDER_DPI": 96,              # page images on the review page
    # Production (docs/deploy.md): `foia web`, PostgreSQL pool, /metrics.
    "WEB_WORKERS": 2,              # gunicorn worker processes of `foia web`
    "WEB_THREADS": 4,              # threads per gunicorn worker (gthread)
    "DB_POOL_SIZE": 5,             # PostgreSQL connections kept open per process ...
    "DB_MAX_OVERFLOW": 5,          # ... plus this many extra under load
    "DB_POOL_TIMEOUT_S": 30,       # wait this long for a free connection, then fail the request
    "DB_POOL_RECYCLE_S": 1800,     # reopen connections older than this (firewalls drop idle ones)
    "METRICS_TOKEN": "",           # /metrics needs `Authorization: Bearer <token>`; empty: /metrics is off
    # Second-officer approval and e-mail (service/domain/approval.py, service/domain/notifications.py, docs/deploy.md).
    "APPROVAL": "off",             # two-person: publishing asks another officer to approve first
    "SMTP_URL": "",                # smtp://host:port, smtp+starttls://user:pass@host, smtps://…; empty: no e-mail
    "SMTP_CA_FILE": "",            # PEM file of the CA that signed the mail server's certificate (default: system)
    "MAIL_FROM": "",               # the From address of every message (required with SMTP_URL)
    "DIGEST_TIME": "07:00",        # time of day (Europe/London) of the officers' daily digest
}


class ConfigError(RuntimeError):
    """The configuration cannot be used; the message says which setting and why."""


def load_config(overrides: dict | None = None, environ: dict | None = None) -> dict:
    environ = os.environ if environ is None else environ
    cfg = dict(DEFAULTS)
    for name, default in DEFAULTS.items():
        raw = environ.get(PREFIX + name)
        if raw is not None and raw != "":
            cfg[name] = _convert(name, raw, default)
    cfg.update(overrides or {})
    return _finish(cfg)


def _convert(name: str, raw: str, default: object) -> object:
    if isinstance(default, bool) or default is None:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{PREFIX}{name} must be a whole number") from None
    return raw


def _finish(cfg: dict) -> dict:
    if cfg["ENV"] not in ("development", "testing", "production"):
        raise ConfigError(f"{PREFIX}ENV must be development, testing or production")
    data_dir = Path(cfg["DATA_DIR"]).expanduser().resolve()
    cfg["DATA_DIR"] = str(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if not cfg["DATABASE_URL"]:
        cfg["DATABASE_URL"] = f"sqlite:///{data_dir / 'foia.db'}"
    cfg["RELEASE_TIME_OF_DAY"] = parse_time(str(cfg["RELEASE_TIME"]))
    cfg["SCHEDULER"] = str(cfg["SCHEDULER"]).strip().lower()
    if cfg["SCHEDULER"] not in ("on", "off"):
        raise ConfigError(f"{PREFIX}SCHEDULER must be on or off")
    cfg["WARM_PDF"] = str(cfg["WARM_PDF"]).strip().lower()
    if cfg["WARM_PDF"] not in ("on", "off"):
        raise ConfigError(f"{PREFIX}WARM_PDF must be on or off")
    if cfg["SECURE_COOKIES"] is None:
        cfg["SECURE_COOKIES"] = cfg["ENV"] == "production"
    if not cfg["SECRET_KEY"]:
        if cfg["ENV"] == "production":
            raise ConfigError(f"{PREFIX}SECRET_KEY is required in production (a long random string)")
        cfg["SECRET_KEY"] = _development_key(data_dir) if cfg["ENV"] == "development" else secrets.token_hex(32)
    if int(cfg["SWEEP_SECONDS"]) < 1:
        raise ConfigError(f"{PREFIX}SWEEP_SECONDS must be at least 1")
    if int(cfg["MAX_UPLOAD_MB"]) < 1:
        raise ConfigError(f"{PREFIX}MAX_UPLOAD_MB must be at least 1")
    _finish_mail(cfg)
    _finish_hardening(cfg)
    return cfg


def _finish_hardening(cfg: dict) -> None:
    """The base URL and the bounds of issue 15 (SECURITY.md)."""
    cfg["BASE_URL"] = check_base_url(str(cfg["BASE_URL"]), cfg["ENV"])
    for name in ("SIGN_IN_LIMIT", "SIGN_IN_ACCOUNT_LIMIT", "SIGN_IN_ADDRESS_LIMIT", "SIGN_IN_CONCURRENCY",
                 "SESSION_IDLE_MIN", "SESSION_HOURS", "MAX_PAGE_PIXELS", "UPLOADS_IN_FLIGHT"):
        if int(cfg[name]) < 1:
            raise ConfigError(f"{PREFIX}{name} must be at least 1")


def _finish_mail(cfg: dict) -> None:
    """Approval and e-mail settings (checked here so a bad value stops the start, not the first message)."""
    from service.infra.mail import MailConfigError, check_address, parse_smtp_url  # imports nothing of ours

    cfg["APPROVAL"] = str(cfg["APPROVAL"]).strip().lower()
    if cfg["APPROVAL"] not in ("off", "two-person"):
        raise ConfigError(f"{PREFIX}APPROVAL must be off or two-person")
    try:
        cfg["DIGEST_TIME_OF_DAY"] = parse_time(str(cfg["DIGEST_TIME"]))
    except ConfigError:
        raise ConfigError(f"{PREFIX}DIGEST_TIME must be HH:MM (24-hour clock)") from None
    if not cfg["SMTP_URL"]:
        return
    try:
        parse_smtp_url(str(cfg["SMTP_URL"]))
    except MailConfigError as exc:
        raise ConfigError(f"{PREFIX}SMTP_URL: {exc}") from None
    if not str(cfg["MAIL_FROM"]).strip():
        raise ConfigError(f"{PREFIX}MAIL_FROM is required with {PREFIX}SMTP_URL (an address such as foi@example.org)")
    try:
        cfg["MAIL_FROM"] = str(cfg["MAIL_FROM"]).strip()
        check_address(cfg["MAIL_FROM"])
    except MailConfigError as exc:
        raise ConfigError(f"{PREFIX}MAIL_FROM: {exc}") from None
    if cfg["SMTP_CA_FILE"] and not Path(cfg["SMTP_CA_FILE"]).is_file():
        raise ConfigError(f"{PREFIX}SMTP_CA_FILE is not a file")
    # The links in e-mail use BASE_URL (required in production; http://127.0.0.1:8000 in development).


def parse_time(value: str) -> time:
    try:
        hours, minutes = value.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ConfigError(f"{PREFIX}RELEASE_TIME must be HH:MM (24-hour clock)") from None


def _development_key(data_dir: Path) -> str:
    """A random key kept in the data folder, so a development server's sign-ins survive a restart."""
    path = data_dir / "secret_key"
    if path.is_file():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    log.warning("no FOIA_SECRET_KEY set: using a development key kept in the data folder")
    return key


def check_base_url(value: str, env: str) -> str:
    """``FOIA_BASE_URL`` normalised (no trailing slash; :mod:`service.infra.base_url` applies it), or ""
    outside production; raises ConfigError."""
    value = value.strip()
    if not value:
        if env == "production":
            raise ConfigError(f"{PREFIX}BASE_URL is required in production (the public address, e.g. "
                              "https://foia.example.org): absolute URLs are never taken from the Host header")
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment \
            or parts.username or parts.password:
        raise ConfigError(f"{PREFIX}BASE_URL must be an http(s) address such as https://foia.example.org "
                          "(an optional path, no query)")
    try:
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        raise ConfigError(f"{PREFIX}BASE_URL has an invalid port") from None
    return f"{parts.scheme}://{parts.netloc.lower()}{parts.path.rstrip('/')}"
