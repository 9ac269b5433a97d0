"""The application factory (flaskr / indico style): ``create_app(overrides=None)``.

Configuration comes from :mod:`service.config` (defaults, then ``FOIA_*`` variables, then ``overrides``).
One blueprint per audience: ``public`` at ``/``, ``auth`` (sign in/out), ``officer`` at ``/officer/`` and
``api`` at ``/api/v1/``. The database schema is *not* created here: ``foia serve`` applies the Alembic
migrations first (``service.migrate.upgrade``), and so do the tests.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from . import base_url, errors, filters, headers, metrics
from .validation import BoundedJSONProvider, bound_json_body
from . import public_microcache
from .config import load_config
from .db import Database, close_session, pool_settings
from .storage import Storage
from .worker import Worker

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
    filters.register(app)
    headers.register(app)
    app.teardown_appcontext(close_session)
    return app


def _register_blueprints(app: Flask) -> None:
    from . import api, auth, health, officer, public, releases  # noqa: F401 (releases nests in officer)
    from . import approval_routes  # noqa: F401 (approval routes on the officer and api blueprints)

    app.before_request(bound_json_body)  # JSON bodies up to 1 MB, not the upload limit (413 JSON)
    app.before_request(auth.load_user)
    app.register_blueprint(health.bp)
    app.register_blueprint(public.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(officer.bp, url_prefix="/officer")
    app.register_blueprint(api.bp, url_prefix="/api/v1")
    csrf.exempt(api.bp)  # bearer tokens, no cookies: CSRF cannot apply
