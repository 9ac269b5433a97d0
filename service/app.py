"""The application factory (flaskr / indico style): ``create_app(overrides=None)``.

Configuration comes from :mod:`service.infra.config` (defaults, then ``FOIA_*`` variables, then ``overrides``).
One blueprint per audience: ``public`` at ``/`` (HTML pages and feeds), ``public_api`` (the public JSON at
``/api/v1/decisions``), ``auth`` (sign in/out), ``officer`` at ``/officer/`` and ``api`` at ``/api/v1/``
(officers' scripts, bearer token); see docs/architecture.md for the layout. The database schema is *not*
created here: ``foia serve`` applies the Alembic migrations first (``service.infra.migrate.upgrade``), and
so do the tests.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from service.domain.validation import BoundedJSONProvider
from service.infra import base_url, uk_dates
from service.infra.config import load_config
from service.infra.db import Database, close_session, pool_settings
from service.infra.storage import Storage
from service.jobs.worker import Worker
from service.web import errors, headers, metrics
from service.web.public import microcache as public_microcache

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
csrf = CSRFProtect()


def create_app(overrides: dict | None = None) -> Flask:
    cfg = load_config(overrides)
    app = Flask(__name__, template_folder=str(ROOT / "templates"), static_folder="static")
    app.config.update(cfg)
    app.json = BoundedJSONProvider(app)  # issue 15: JSON nested too deep is a 400, not a 500
    app.config.update(
        MAX_CONTENT_LENGTH=int(cfg["MAX_UPLOAD_MB"]) * 1024 * 1024 + 64 * 1024,  # + room for the form
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=bool(cfg["SECURE_COOKIES"]),
        SESSION_COOKIE_NAME="foia_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=int(cfg["SESSION_HOURS"])),
        WTF_CSRF_TIME_LIMIT=int(cfg["SESSION_HOURS"]) * 3600,  # a review page may stay open a while
        TESTING=cfg["ENV"] == "testing",
    )
    app.wsgi_app = public_microcache.wrap(app)  # issue 16: repeated public pages answered without Flask
    app.wsgi_app = base_url.wrap(app.wsgi_app, cfg)  # absolute URLs from FOIA_BASE_URL, not the Host header
    if cfg["TRUST_PROXY"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    app.extensions["foia.db"] = Database(cfg["DATABASE_URL"], pool_settings(cfg))
    app.extensions["foia.storage"] = Storage(Path(cfg["DATA_DIR"]) / "files")
    app.extensions["foia.worker"] = Worker(app, workers=int(cfg["WORKERS"]))

    csrf.init_app(app)
    metrics.register(app)
    _register_blueprints(app)
    errors.register(app)
    uk_dates.register(app)
    headers.register(app)
    app.teardown_appcontext(close_session)
    return app


def _register_blueprints(app: Flask) -> None:
    """One blueprint per audience; each package lists its route modules (``service/web/*/__init__.py``)."""
    from service.web import api, auth, health, officer, public

    app.before_request(errors.bound_json_body)  # JSON bodies up to 1 MB, not the upload limit (413 JSON)
    app.before_request(auth.load_user)
    app.register_blueprint(health.bp)
    app.register_blueprint(public.bp)
    app.register_blueprint(api.public_bp)  # the public JSON at /api/v1/decisions: no token
    app.register_blueprint(auth.bp)
    app.register_blueprint(officer.bp, url_prefix="/officer")
    app.register_blueprint(api.bp, url_prefix="/api/v1")
    csrf.exempt(api.bp)  # bearer tokens, no cookies: CSRF cannot apply
