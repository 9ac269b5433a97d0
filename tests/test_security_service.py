"""Security of the officer service and the API: every route gated, CSRF, hostile uploads, escaping."""

import io
import re

import pytest

from tests.conftest import post_form, sign_in

GATED_BLUEPRINTS = ("officer", "api")
PUBLIC_BLUEPRINTS = ("public", "public_api")  # the public pages and the public JSON (/api/v1/decisions)
# Probes answer anyone; /metrics has its own bearer token (tests/test_production_observability.py).
OPEN_ENDPOINTS = {"static", "auth.sign_in", "auth.sign_out", "health.healthz", "health.readyz", "metrics.metrics",
                  "health.favicon"}  # the icon, as static


def _routes(app):
    """Every (method, url, endpoint) of the app, with 1 for each URL argument."""
    for rule in app.url_map.iter_rules():
        url = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", "1", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, url, rule.endpoint


@pytest.fixture
def app_with_paper(app, client, small_pdf):
    """A real analysed paper with cached page images, so an ungated route would have something to leak."""
    post_form(client, "/officer/upload", {"file": (io.BytesIO(small_pdf), "p.pdf")}, page="/officer/upload",
              content_type="multipart/form-data")
    app.extensions["foia.worker"].drain()
    assert client.get("/officer/papers/1/pages/1.png").status_code == 200
    return app


def test_every_officer_and_api_route_refuses_anonymous_visitors(app_with_paper):
    anonymous = app_with_paper.test_client()
    # A real CSRF token of the anonymous session, so the officer gate itself is what refuses a POST.
    token = re.search(r'name="csrf_token" value="([^"]+)"', anonymous.get("/sign-in").get_data(as_text=True))[1]
    checked = 0
    for method, url, endpoint in _routes(app_with_paper):
        blueprint = endpoint.split(".")[0]
        if endpoint in OPEN_ENDPOINTS or blueprint in PUBLIC_BLUEPRINTS:
            continue
        assert blueprint in GATED_BLUEPRINTS, f"{endpoint} is in no known audience: gate it or list it"
        r = anonymous.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
        body = r.get_data(as_text=True)
        assert "Hollowell" not in body and not r.data.startswith((b"%PDF", b"\x89PNG")), (method, url)
        if blueprint == "api":
            assert r.status_code == 401 and r.json["error"], (method, url)
        elif method == "GET" and not url.endswith(".json"):
            assert r.status_code == 302 and "/sign-in" in r.headers["Location"], (method, url)
        else:
            assert r.status_code == 401, (method, url)
        checked += 1
    assert checked >= 19  # the walk really found the officer and API routes


def test_officer_paths_outside_the_routes_are_not_found_for_anonymous(app):
    r = app.test_client().get("/officer/no-such-page")
    assert r.status_code == 404 and b"Hollowell" not in r.data, r.status_code


@pytest.mark.parametrize("url", ["/sign-in", "/officer/upload", "/sign-out"])
def test_forms_without_a_csrf_token_are_refused(client, url):
    r = client.post(url, data={"email": "officer@example.org", "password": "x"})
    assert r.status_code == 400 and "not sent from this site" in r.get_data(as_text=True)


def test_review_without_csrf_changes_nothing(app_with_paper, client):
    r = client.post("/officer/papers/1/review", data={"title": "Changed", "then": "save"})
    assert r.status_code == 400
    assert "Changed" not in client.get("/officer/papers/1/review").get_data(as_text=True)


def test_csrf_token_from_another_session_is_refused(app, officer, client):
    other = app.test_client()
    foreign = re.search(r'name="csrf_token" value="([^"]+)"', other.get("/sign-in").get_data(as_text=True))[1]
    r = client.post("/officer/upload", data={"csrf_token": foreign})
    assert r.status_code == 400


@pytest.mark.parametrize("filename", ["../../../etc/passwd.pdf", "..\\..\\windows\\x.pdf", "/tmp/abs.pdf",
                                      "a\x00b.pdf", ".htaccess", "x" * 500 + ".pdf"])
def test_path_traversal_file_names_are_only_display_names(app, client, small_pdf, filename, tmp_path):
    r = post_form(client, "/officer/upload", {"file": (io.BytesIO(small_pdf), filename)}, page="/officer/upload",
                  content_type="multipart/form-data")
    assert r.status_code == 303
    app.extensions["foia.worker"].drain()
    store = app.extensions["foia.storage"]
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".pdf"]
    assert files and all(p.is_relative_to(store.root / "originals") for p in files)
    assert all(re.fullmatch(r"[0-9a-f]{32}\.pdf", p.name) for p in files)
    from service.domain.models import Paper

    with app.extensions["foia.db"].session() as db:
        name = db.get(Paper, 1).original_name
    assert "/" not in name and "\\" not in name and "\x00" not in name and len(name) <= 120


def test_oversized_api_upload_is_a_json_413(make_app, small_pdf):
    from tests.conftest import add_user, make_token

    app = make_app(MAX_UPLOAD_MB=1)
    add_user(app)
    token = make_token(app)
    r = app.test_client().post("/api/v1/papers", headers={"Authorization": f"Bearer {token}"},
                               data={"file": (io.BytesIO(b"%PDF-1.7" + b"\0" * 2 * 1024 * 1024), "big.pdf")})
    assert r.status_code == 413 and "limit of 1 MB" in r.json["error"]
    assert not [p for p in app.extensions["foia.storage"].root.rglob("*") if p.is_file()]


def test_script_in_a_title_is_escaped_everywhere(app_with_paper, client):
    from tests.test_service_flow import review_form

    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    form = review_form(client, title=evil, reference="PCD 911<b>", then="save")
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    for url in ["/officer/", "/officer/papers/1/review", "/officer/papers/1/audit"]:
        body = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body and "<b>" not in body, url
    assert "&lt;script&gt;alert" in client.get("/officer/papers/1/review").get_data(as_text=True)


def test_pages_carry_security_headers_and_no_inline_script(app_with_paper, client):
    for url in ["/officer/", "/officer/papers/1/review", "/officer/upload", "/sign-in"]:
        r = client.get(url)
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert not re.search(r"<script(?![^>]*\bsrc=)", r.get_data(as_text=True)), url
        assert " on" + "click=" not in r.get_data(as_text=True)
    assert client.get("/officer/").headers["Cache-Control"] == "no-store"


def test_sessions_end_when_the_password_changes(app, client):
    from service.domain.accounts import hash_password
    from service.domain.models import User

    with app.extensions["foia.db"].session() as db:
        db.get(User, 1).password_hash = hash_password("a brand new password")
        db.commit()
    assert client.get("/officer/").status_code == 302


def test_errors_never_show_exception_text(app, client, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("secret detail Jane Hollowell")

    monkeypatch.setattr("service.web.officer.papers.render_template", boom)
    r = client.get("/officer/")
    assert r.status_code == 500 and b"secret detail" not in r.data and b"Nothing was published" in r.data


def test_signed_in_user_can_sign_in_page_redirects(app, client):
    assert client.get("/sign-in").status_code == 302
    assert sign_in(app.test_client(), "officer@example.org", "").status_code == 401
