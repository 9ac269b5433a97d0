"""What an operator watches: /healthz, /readyz, /metrics (who may read it and what it counts) and logs
(JSON, and never a personal value from a paper — checked over a real upload, analysis and publication)."""

from __future__ import annotations

import io
import json
import logging
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from scheduler import heartbeat
from service.domain.release import release_due
from service.domain import audit
from service.infra import pdfwork
from service.infra.logs import JsonFormatter, configure
from service.domain.models import utcnow
from tests.conftest import add_user, make_token, part2_paper
from tests.public_data import Spec, add, redaction_counts

TOKEN = "scrape-me-0123456789"
PERSONAL = ["Jane Hollowell", "Hollowell", "020 7946 0123", "02079460123", "Tom Pelling", "Pelling",
            "07700 900123", "07700900123"]


def _beat(app, age: timedelta, ok: bool = True) -> None:
    now = datetime.now(timezone.utc)
    heartbeat.beat(app.config["DATA_DIR"], mode="process", started_at=now - age, now=now - age, changed=0,
                   planned=0, ok=ok)


# --- health --------------------------------------------------------------------------------------------

def _break_database(app, monkeypatch):
    def refuse(*_a, **_k):
        raise ConnectionRefusedError("connection to 10.0.0.1 refused for user secret")
    monkeypatch.setattr(app.extensions["foia.db"].engine, "connect", refuse)


def _schema_behind(app, _monkeypatch):
    with app.extensions["foia.db"].engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))


def _break_storage(app, monkeypatch):
    def refuse(*_a, **_k):
        raise OSError("disk full")
    monkeypatch.setattr(app.extensions["foia.storage"], "write", refuse)


@pytest.mark.parametrize("setup, beat, failing, error", [
    (None, timedelta(seconds=30), None, None),
    (None, None, "scheduler", "no heartbeat"),
    (None, timedelta(minutes=10), "scheduler", "heartbeat older than"),
    (None, "failed", "scheduler", "last sweep failed"),
    (_break_database, timedelta(seconds=30), "database", "ConnectionRefusedError"),
    (_schema_behind, timedelta(seconds=30), "database", "run `foia migrate`"),
    (_break_storage, timedelta(seconds=30), "storage", "OSError"),
])
def test_readyz_checks_database_storage_and_scheduler(db_app, monkeypatch, setup, beat, failing, error):
    if beat == "failed":
        _beat(db_app, timedelta(seconds=30), ok=False)
    elif beat is not None:
        _beat(db_app, beat)
    if setup:
        setup(db_app, monkeypatch)
    client = db_app.test_client()
    r = client.get("/readyz")
    assert r.headers["Cache-Control"] == "no-store"
    assert client.get("/healthz").status_code == 200  # alive whatever readiness says
    if failing is None:
        assert r.status_code == 200 and r.json["status"] == "ready", r.json
        assert all(c["ok"] for c in r.json["checks"].values())
        return
    assert r.status_code == 503 and r.json["status"] == "not ready"
    assert [name for name, c in r.json["checks"].items() if not c["ok"]] == [failing]
    assert error in r.json["checks"][failing]["error"]
    assert "secret" not in r.get_data(as_text=True) and "10.0.0.1" not in r.get_data(as_text=True)


def test_readiness_probe_leaves_nothing_in_the_store(app):
    _beat(app, timedelta(seconds=5))
    assert app.test_client().get("/readyz").status_code == 200
    store = app.extensions["foia.storage"]
    assert [p for p in store.root.rglob("*") if p.is_file()] == []


# --- metrics -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("configured, sent, status", [
    ("", None, 404),
    ("", "Bearer ", 404),
    (TOKEN, None, 401),
    (TOKEN, f"Bearer {TOKEN}x", 401),
    (TOKEN, TOKEN, 401),
    (TOKEN, f"Bearer {TOKEN}", 200),
])
def test_metrics_only_for_the_scraper_with_the_token(make_app, configured, sent, status):
    app = make_app(METRICS_TOKEN=configured)
    r = app.test_client().get("/metrics", headers={"Authorization": sent} if sent else {})
    assert r.status_code == status
    if status == 401:
        assert r.headers["WWW-Authenticate"].startswith("Bearer")
    if status == 200:
        assert r.mimetype == "text/plain" and b"foia_http_request_duration_seconds" in r.data


def _scrape(app) -> dict[str, float]:
    app.extensions["foia.metrics"]._cached = None  # a new scrape, not the cached one
    body = app.test_client().get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).get_data(as_text=True)
    values = {}
    for line in body.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    return values


def test_metrics_count_papers_redactions_releases_and_leaks_from_the_database(db_app):
    db_app.config["METRICS_TOKEN"] = TOKEN
    before = _scrape(db_app)
    assert before['foia_releases_total{part="2",trigger="date"}'] == 0
    assert before["foia_database_up"] == 1
    add(db_app, Spec("PCD 1", "One", part2="withheld", release_on=date(2025, 4, 1),
                     redactions=redaction_counts({"1": 3}, {"PERSON": 2, "PHONE_NUMBER": 1})))
    add(db_app, Spec("PCD 2", "Two", part2="withheld", release_on=date(2031, 1, 1)))
    with db_app.extensions["foia.db"].session() as db:
        for action, code in [("analysed", None), ("analysed", None), ("publication stopped", "leak"),
                             ("publication stopped", "refused"), ("preview stopped", "leak")]:
            audit.record(db, action, actor="system", **({"code": code} if code else {}))
        db.commit()
        assert len(release_due(utcnow(), session=db)) == 1
    after = _scrape(db_app)
    assert after['foia_papers_processed_total{outcome="analysed"}'] == 2
    assert after['foia_papers_processed_total{outcome="publication_stopped"}'] == 2
    assert after['foia_leak_check_failures_total{stage="publication"}'] == 1
    assert after['foia_leak_check_failures_total{stage="preview"}'] == 1
    assert after['foia_releases_total{part="2",trigger="date"}'] == 1
    assert after['foia_releases_total{part="2",trigger="officer"}'] == 0
    assert after['foia_redactions_total{part="1",type="PERSON"}'] == 2 + 1  # PCD 1's two, PCD 2's default one
    assert after['foia_redactions_total{part="1",type="PHONE_NUMBER"}'] == 1 + 1
    assert after['foia_redactions_total{part="2",type="PERSON"}'] == 2
    assert after['foia_parts{part="2",state="released"}'] == 1
    assert after['foia_parts{part="2",state="withheld"}'] == 1


def test_request_latency_is_labelled_by_endpoint_never_by_path_or_search(app):
    app.config["METRICS_TOKEN"] = TOKEN
    client = app.test_client()
    client.get("/?q=Hollowell")
    client.get("/decisions/pcd-4242")
    body = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).get_data(as_text=True)
    assert 'endpoint="public.index",method="GET",status="200"' in body
    assert 'endpoint="public.decision",method="GET",status="404"' in body
    assert "Hollowell" not in body and "pcd-4242" not in body


def test_scrape_during_a_database_outage_answers_and_says_so(app, monkeypatch):
    app.config["METRICS_TOKEN"] = TOKEN
    _break_database(app, monkeypatch)
    monkeypatch.setattr(app.extensions["foia.db"], "session", lambda: (_ for _ in ()).throw(OSError("down")))
    assert _scrape(app)["foia_database_up"] == 0


# --- logs ----------------------------------------------------------------------------------------------

def _record(msg: str, exc: BaseException | None = None, **fields) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    record = logging.LogRecord("service.x", logging.ERROR, __file__, 1, msg, (), exc_info)
    if fields:
        record.fields = fields
    return record


def _raised(message: str) -> BaseException:
    try:
        raise ValueError(message)
    except ValueError as exc:
        return exc


@pytest.mark.parametrize("record, present, absent", [
    (_record("paper 3 analysed: 4 findings"), {"message": "paper 3 analysed: 4 findings", "level": "error"}, []),
    (_record("request", method="GET", status=200), {"method": "GET", "status": 200}, []),
    (_record("sweep failed", _raised("duplicate key (email)=(jane.hollowell@example.org)")),
     {"exc_type": "ValueError"}, ["hollowell"]),
])
def test_json_lines_carry_fields_and_exception_types_without_their_text(record, present, absent):
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert "\n" not in line and entry["logger"] == "service.x" and entry["time"].endswith("+00:00")
    for key, value in present.items():
        assert entry[key] == value
    for word in absent:
        assert word not in line.lower()
    if record.exc_info:
        assert entry["stack"] and all(":" in frame for frame in entry["stack"])


@pytest.mark.parametrize("environ, message", [
    ({"FOIA_LOG_FORMAT": "xml"}, "FOIA_LOG_FORMAT must be text or json"),
    ({"FOIA_LOG_LEVEL": "LOUD"}, "FOIA_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR"),
])
def test_bad_log_settings_are_one_line_errors(monkeypatch, capsys, environ, message):
    from service.cli import main

    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    assert main(["migrate"]) == 2
    assert capsys.readouterr().err.strip() == f"foia: error: {message}"


@pytest.fixture
def json_logs(monkeypatch):
    """Every log line of this process and of its PDF children (fresh ones, started with these settings)
    as JSON at DEBUG, into one buffer; the children write to the captured stderr."""
    monkeypatch.setenv("FOIA_LOG_FORMAT", "json")
    monkeypatch.setenv("FOIA_LOG_LEVEL", "DEBUG")
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    buffer = io.StringIO()
    pdfwork.shutdown()
    configure(stream=buffer, force=True)
    yield buffer
    pdfwork.shutdown()  # the next test's children start with its own settings
    root.handlers[:], _ = saved
    root.setLevel(saved[1])


def test_no_personal_value_reaches_the_logs_through_upload_analysis_and_publication(db_app, json_logs, capfd,
                                                                                   redact_available):
    add_user(db_app)
    auth = {"Authorization": f"Bearer {make_token(db_app)}"}
    client = db_app.test_client()
    r = client.post("/api/v1/papers", headers=auth, content_type="multipart/form-data",
                    data={"file": (io.BytesIO(part2_paper(until="01/04/2024")), "Hollowell paper.pdf")})
    assert r.status_code == 201, r.json
    names = {p["text"] for p in r.json["analysis"]["personal_data"]}
    assert {"Jane Hollowell", "Tom Pelling"} <= names  # the values were really found ...
    r = client.post(f"/api/v1/papers/{r.json['id']}/publish", headers=auth, json={})
    assert r.status_code == 200 and r.json["part2"]["state"] == "released", r.json
    assert client.get(f"/decisions/{r.json['slug']}?q=Hollowell").status_code == 200
    db_app.extensions["foia.worker"].drain()

    ours = json_logs.getvalue()
    children = capfd.readouterr().err
    lines = [json.loads(line) for line in ours.splitlines()]
    assert any(e["logger"] == "service.domain.papers" and "analysed" in e["message"] for e in lines)
    assert any(e["logger"] == "service.domain.publishing" and "published" in e["message"] for e in lines)
    assert any(e["logger"] == "service.access" and e.get("endpoint") == "public.decision" for e in lines)
    for value in PERSONAL:  # ... and none of them was logged, here or in a PDF child process
        assert value.lower() not in ours.lower(), value
        assert value.lower() not in children.lower(), value
    print(f"{len(lines)} log lines here, {len(children.splitlines())} from PDF children")


@pytest.mark.parametrize("request_line, logged", [
    ("GET /?q=Bryony+Pinchbeck HTTP/1.1", '"GET / HTTP/1.1" 200 -'),
    ("GET /search.atom?q=Jane&year=2025 HTTP/1.1", '"GET /search.atom HTTP/1.1" 200 -'),
    ("GET /auth/sign-in?next=/officer/papers/1 HTTP/1.1", '"GET /auth/sign-in HTTP/1.1" 200 -'),
    ("GET /decisions/pcd-912 HTTP/1.1", '"GET /decisions/pcd-912 HTTP/1.1" 200 -'),
])
def test_the_development_servers_access_lines_leave_out_the_query_string(caplog, request_line, logged):
    """foia serve (make run) logs werkzeug's access lines: a search is often a person's name."""
    from service.cli.serving import RequestHandler

    handler = RequestHandler.__new__(RequestHandler)  # no socket: only the logging methods are used
    handler.requestline, handler.client_address = request_line, ("127.0.0.1", 5000)
    handler.server = None
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        handler.log_request(200)
        handler.log_error("code %d, message %s", 400, f"Bad request syntax ('{request_line}')")
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert len(lines) == 2 and logged in lines[0], lines
    assert "?" not in " ".join(lines) and "Bryony" not in " ".join(lines) and "Jane" not in " ".join(lines)


@pytest.mark.parametrize("level, quiet_at", [("INFO", logging.WARNING), ("DEBUG", logging.WARNING),
                                             ("ERROR", logging.ERROR)])
def test_fonttools_glyph_lists_never_flood_the_log(level, quiet_at):
    from service.infra.logs import QUIET

    root = logging.getLogger()
    before = (root.handlers[:], root.level, {name: logging.getLogger(name).level for name in QUIET})
    try:
        configure(level, "text", stream=io.StringIO(), force=True)
        for name in ("fontTools", "fontTools.subset", "fontTools.ttLib.ttFont"):
            assert logging.getLogger(name).getEffectiveLevel() == quiet_at
            assert not logging.getLogger(name).isEnabledFor(logging.INFO)
    finally:
        root.handlers[:] = before[0]
        root.setLevel(before[1])
        for name, was in before[2].items():
            logging.getLogger(name).setLevel(was)
