"""Officer pages at 375 px: wide tables scroll inside their own box instead of widening the page."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).parent.parent / "templates" / "officer"
CSS = Path(__file__).parent.parent / "service" / "static" / "officer.css"


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.html") if "<table" in p.read_text()))
def test_every_officer_table_scrolls_inside_its_box(name):
    html = TEMPLATES.joinpath(name).read_text()
    tables = re.findall(r"(.{0,40})<table\b", html, re.S)
    assert tables and all('<div class="table-scroll">' in before for before in tables), name


def test_the_scroll_box_scrolls_sideways():
    rule = re.search(r"\.table-scroll\s*\{([^}]*)\}", CSS.read_text())
    assert rule and "overflow-x: auto" in rule[1]


def test_dashboard_table_is_wrapped_when_rendered(client):
    from tests.release_helpers import publish_parts
    publish_parts(client.application, part2={}, reference="PCD 301")
    html = client.get("/officer/").get_data(as_text=True)
    assert re.search(r'<div class="table-scroll">\s*<table', html)


def test_too_large_upload_keeps_the_officer_header_and_links_back_to_upload(make_app, small_pdf):
    import io

    from tests.conftest import add_user, post_form, sign_in
    app = make_app(MAX_UPLOAD_MB=1)
    add_user(app)
    c = app.test_client()
    sign_in(c)
    r = post_form(c, "/officer/upload", {"file": (io.BytesIO(small_pdf + b"\0" * (1024 * 1024 + 100 * 1024)), "a.pdf")},
                  page="/officer/upload", content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 413 and "limit of 1 MB" in html
    assert 'href="/officer/upload">Back to Upload' in html and "list of published decisions" not in html
    assert 'class="site-nav"' in html  # the officer header with its navigation
