"""Shared fixtures: an app on a temporary data folder (SQLite, and PostgreSQL when available), a
signed-in client, an API token and small test papers.

In CI (``CI=true``) a missing PostgreSQL URL or redaction engine fails the test that needs it instead of
skipping it; locally those tests skip.
"""

from __future__ import annotations

import os
import re
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
# The servers tests start (`foia serve`, `foia web`) do not warm their PDF processes with a paper of their own at
# start-up: that costs each one a language-model load the test does not use. tests/test_service_pdf_warm.py tests
# the warming with its setting given explicitly.
os.environ.setdefault("FOIA_WARM_PDF", "off")
FIXTURE_PDFS = Path(__file__).parent / "fixtures" / "pdf"
PASSWORD = "correct horse battery staple"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def need(condition: bool, reason: str) -> None:
    """Skip locally, fail in CI: nothing may skip silently there."""
    if not condition:
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: failing instead of skipping)")
        pytest.skip(reason)


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing():
    """Argon2 with minimal parameters in-process: each production-strength hash costs ~0.1-1 s of CPU on a
    busy machine, and the suite signs in hundreds of times. Hashes still round-trip (the tests of
    sign-in, password changes and hash-work bounds count real checks); production's parameters are
    checked in tests/test_accounts.py."""
    from argon2 import PasswordHasher

    from service.domain import accounts

    previous = accounts.use_password_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield
    accounts.use_password_hasher(previous)


# --- the order files are handed to the workers ------------------------------------------------------------

# `make test` gives whole files to the workers (--dist loadfile), by default the files with the most tests first.
# A file of a few long tests then came last and ran alone while the other workers had finished (in the run of
# 1 December 05:27, -n 2 without PostgreSQL: test_release_e2e.py, one test of 19 s, was the last file but one,
# and test_scan_pages.py, 110 s in 16 tests, came after 77 other files). The files below, the twenty longest
# of that run (seconds of one worker beside each; test_cli_analyse.py as it is since 484adaa), go first, longest
# first, so what is left at the end is many short files the workers share out; the others follow as before, the
# most tests first. Only the order changes: every test runs, each file still on one worker.
FILES_FIRST = (
    "tests/test_redact_adversarial2.py",          # 118
    "tests/test_scan_pages.py",                   # 110
    "tests/test_api_papers.py",                   # 69
    "tests/test_verify_pslex.py",                 # 36
    "tests/test_redact_split.py",                 # 32
    "tests/test_shutdown.py",                     # 29
    "tests/test_redact_content.py",               # 29
    "tests/test_service_flow.py",                 # 25
    "tests/browser/test_review_keyboard_axe.py",  # 24
    "tests/test_cli_analyse.py",                  # ~23 (51 before 484adaa)
    "tests/test_picture_text.py",                 # 23
    "tests/test_detect_eval.py",                  # 21
    "tests/test_ocr_doubts.py",                   # 20
    "tests/test_release_e2e.py",                  # 19
    "tests/test_structure_split.py",              # 19
    "tests/test_release_scheduler.py",            # 18
    "tests/test_regex_cache.py",                  # 17
    "tests/test_redact_links_images.py",          # 15
    "tests/test_leak_oracle.py",                  # 15
    "tests/test_trial_publish_background.py",     # 13
)


def pytest_configure(config):
    if getattr(config.option, "dist", "no") in ("loadfile", "loadscope"):
        config.option.loadscopereorder = False  # xdist keeps the order of pytest_collection_modifyitems below


def pytest_collection_modifyitems(config, items):
    counts: dict[str, int] = {}
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        counts[path] = counts.get(path, 0) + 1

    def rank(item):
        path = item.nodeid.split("::", 1)[0]
        first = FILES_FIRST.index(path) if path in FILES_FIRST else len(FILES_FIRST)
        return first, -counts[path], path

    items.sort(key=rank)  # stable: the tests of a file keep their order


# --- the app -------------------------------------------------------------------------------------------

def _postgres_url() -> str | None:
    return os.environ.get("FOIA_TEST_DATABASE_URL") or None


def _make_app(tmp_path: Path, database_url: str | None, **overrides):
    from service.app import create_app

    if database_url is None:
        database_url = f"sqlite:///{tmp_path / 'foia.db'}"
        if (tmp_path / "foia.db").exists():  # a second app of the same test: on the same database, as before
            from service.infra.migrate import upgrade

            upgrade(database_url)
        else:  # a copy of the process's migrated SQLite template (see _sqlite_template)
            _copy_sqlite(_sqlite_template(), tmp_path / "foia.db")
    config = {"ENV": "testing", "DATA_DIR": str(tmp_path / "data"), "SECRET_KEY": "test-secret",
              "DATABASE_URL": database_url, **overrides}
    return create_app(config)


# Each app used to run every migration on a new database: ~1.5-3 s on SQLite (batch mode copies tables) and
# ~1 s on PostgreSQL per test, twice for the tests that run on both. Now each test process migrates once per
# database (with service.infra.migrate.upgrade, as `foia serve` does) and each app gets a copy of the result:
# the same tables, indexes, triggers, rows and alembic revision. The migrations' own tests (tests/
# test_trial_newuser2.py, test_production_*) still migrate their databases themselves.
_templates: dict[str, object] = {}


def _template_dir() -> Path:
    if "dir" not in _templates:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="foia-test-templates-"))
        atexit.register(shutil.rmtree, folder, True)
        _templates["dir"] = folder
    return _templates["dir"]


def _sqlite_template() -> Path:
    if "sqlite" not in _templates:
        from service.infra.migrate import upgrade

        path = _template_dir() / "template.db"
        upgrade(f"sqlite:///{path}")
        _templates["sqlite"] = path
    return _templates["sqlite"]


def _copy_sqlite(source: Path, target: Path) -> None:
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


TEMPLATE_SCHEMA = "foia_test_template_schema"  # a placeholder in the dump, replaced by each test's schema


def _postgres_template(base: str) -> str | None:
    """The SQL (pg_dump --inserts) of a schema migrated once in this process, with its name replaced by
    TEMPLATE_SCHEMA; None when pg_dump cannot make it (each app then migrates its own schema)."""
    if "postgresql" not in _templates:
        import shutil
        import subprocess

        from sqlalchemy import create_engine, text

        from service.infra.migrate import upgrade

        sql = None
        if shutil.which("pg_dump"):
            schema = f"foia_tmpl_{uuid.uuid4().hex[:12]}"
            admin = create_engine(base)
            try:
                with admin.begin() as conn:
                    conn.execute(text(f'CREATE SCHEMA "{schema}"'))
                sep = "&" if "?" in base else "?"
                upgrade(f"{base}{sep}options=-csearch_path%3D{schema}")
                dump = subprocess.run(["pg_dump", "--no-owner", "--no-privileges", "--inserts", "--schema", schema,
                                       "-d", base.replace("postgresql+psycopg://", "postgresql://", 1)],
                                      capture_output=True, text=True, timeout=120)
                if dump.returncode == 0 and f"CREATE SCHEMA {schema};" in dump.stdout:
                    # psql's meta-commands (\restrict) are not SQL
                    lines = [ln for ln in dump.stdout.splitlines() if not ln.startswith("\\")]
                    sql = "\n".join(lines).replace(schema, TEMPLATE_SCHEMA)
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()
        _templates["postgresql"] = sql
    return _templates["postgresql"]


BACKENDS = ["sqlite", "postgresql"]


@contextmanager
def _app_on(backend: str, tmp_path: Path, **overrides):
    """The app on SQLite, or on PostgreSQL in a schema of its own (dropped afterwards)."""
    if backend == "sqlite":
        app = _make_app(tmp_path, None, **overrides)
        try:
            yield app
        finally:
            _close(app)
        return
    base = _postgres_url()
    need(base is not None, "FOIA_TEST_DATABASE_URL is not set")
    from sqlalchemy import create_engine, text

    schema = f"foia_test_{uuid.uuid4().hex[:12]}"
    template = _postgres_template(base)
    admin = create_engine(base)
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-csearch_path%3D{schema}"
    if template is not None:  # the schema made from the migrated template's dump (it creates the schema)
        raw = admin.raw_connection()
        try:
            raw.driver_connection.execute(template.replace(TEMPLATE_SCHEMA, schema))
            raw.commit()
        finally:
            raw.close()
    else:
        from service.infra.migrate import upgrade

        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        if template is None:
            upgrade(url)
        app = _make_app(tmp_path, url, **overrides)
        try:
            yield app
        finally:
            _close(app)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


# Every test that touches the database runs on both: CI (CI=true, FOIA_TEST_DATABASE_URL set) runs the whole
# suite against SQLite and PostgreSQL; locally without the URL the PostgreSQL half skips.
@pytest.fixture(params=BACKENDS)
def make_app(request, tmp_path):
    """Factory for apps with extra config (``make_app(MAX_UPLOAD_MB=1)``), on each database."""
    with ExitStack() as stack:
        yield lambda **overrides: stack.enter_context(_app_on(request.param, tmp_path, **overrides))


@pytest.fixture(params=BACKENDS)
def app(request, tmp_path):
    """The app in a temporary data folder, migrated, on each database."""
    with _app_on(request.param, tmp_path) as app:
        yield app


@pytest.fixture(params=BACKENDS)
def db_app(request, tmp_path):
    """The app on each database (the same as ``app``; kept for the tests that name it)."""
    with _app_on(request.param, tmp_path) as app:
        yield app


def _close(app) -> None:
    app.extensions["foia.worker"].drain()
    app.extensions["foia.worker"].shutdown()
    app.extensions["foia.db"].dispose()


# --- people and clients --------------------------------------------------------------------------------

def add_user(app, email: str = "officer@example.org", role: str = "officer", password: str = PASSWORD):
    from service.domain.accounts import create_user

    with app.extensions["foia.db"].session() as db:
        user = create_user(db, email, password, role)
        db.commit()
        return user.id


@pytest.fixture
def officer(app):
    add_user(app)
    return {"email": "officer@example.org", "password": PASSWORD}


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def sign_in(client, email: str = "officer@example.org", password: str = PASSWORD):
    token = csrf_from(client.get("/sign-in").get_data(as_text=True))
    return client.post("/sign-in", data={"email": email, "password": password, "csrf_token": token})


def post_form(client, url: str, data: dict | None = None, *, page: str | None = None, **kwargs):
    """POST a form with the CSRF token taken from ``page`` (default: the officer dashboard)."""
    token = csrf_from(client.get(page or "/officer/").get_data(as_text=True))
    return client.post(url, data={**(data or {}), "csrf_token": token}, **kwargs)


@pytest.fixture
def client(app, officer):
    """A test client signed in as an officer."""
    c = app.test_client()
    response = sign_in(c)
    assert response.status_code == 302, response.get_data(as_text=True)
    return c


def make_token(app, email: str = "officer@example.org") -> str:
    from service.domain.accounts import create_token

    with app.extensions["foia.db"].session() as db:
        token = create_token(db, email)
        db.commit()
        return token


@pytest.fixture
def api_token(app, officer):
    return make_token(app)


# --- papers --------------------------------------------------------------------------------------------

def fixture_pdf(name: str) -> bytes:
    return (FIXTURE_PDFS / name).read_bytes()


@pytest.fixture
def small_pdf() -> bytes:
    """A short paper made here (no fixture files needed): reference, title, one name and one phone."""
    from tests.textpdf import text_pdf

    return text_pdf("Decision – PCD 911\n"
                    "Title: Funding for the Riverside Youth Project\n"
                    "Executive Summary\n"
                    "The project lead, Jane Hollowell, can be reached on 020 7946 0123.\n"
                    "Part 1 of this approval to be deferred? NO\n"
                    "Is there a Part 2 form? NO\n")


def part2_paper(until: str = "01/04/2030", deferred: str | None = None, reference: str = "PCD 912") -> bytes:
    """A two-page paper made here: Part 1 with a name and a phone, Part 2 exempt under s43 until ``until``."""
    from tests.textpdf import text_pdf

    deferral = f"YES\nIf yes, for what reason: contract not yet signed\nUntil what date: {deferred}" if deferred else "NO"
    return text_pdf(f"Decision – {reference}\n"
                    "Title: Contract for custody interpreting services\n"
                    "Executive Summary\n"
                    "The contract manager, Jane Hollowell, can be reached on 020 7946 0123.\n"
                    f"Part 1 of this approval to be deferred? {deferral}\n"
                    "Is there a Part 2 form? YES\n"
                    "---page---\n"
                    "Part 2 – Confidential facts and advice\n"
                    "The information in this form is not suitable for publication.\n"
                    f"It is exempt under section 43 (commercial interests) until {until}.\n"
                    "The bid from Northgate Ltd was priced at 1.2 million pounds.\n"
                    "Contact Tom Pelling on 07700 900123.\n")


@pytest.fixture
def part2_pdf() -> bytes:
    return part2_paper()


@pytest.fixture
def redact_available():
    """Publication needs redaction.redact (another work stream); fail in CI when it is missing."""
    try:
        from redaction.redact import redact  # noqa: F401
    except ImportError:
        need(False, "redaction.redact is not available yet")
