"""Officer pages at 375 px: wide tables scroll inside their own box instead of widening the page.

Checked on the pages as the service renders them (never on template source): every table sits in a
``.table-scroll`` box, and the stylesheet the service serves makes that box scroll sideways.
"""

import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

# The officer pages that show a table, filled in by ``_pages_with_tables``. The redaction schedule
# (/officer/papers/<id>/redactions) is not here: its table needs a real redaction (a slow setup).
TABLE_PAGES = ("dashboard", "published", "history", "releases", "users")


@pytest.fixture
def admin(app):
    """A client signed in as an administrator (who also sees /officer/users)."""
    from tests.conftest import add_user, sign_in

    add_user(app, "admin@example.org", role="admin")
    c = app.test_client()
    assert sign_in(c, "admin@example.org").status_code == 302
    return c


@pytest.fixture
def pages_with_tables(app):
    """``{name: url}`` of officer pages that each render at least one table."""
    from tests.release_helpers import publish_parts

    paper = publish_parts(app, part2={"release_on": date.today() + timedelta(days=3)}, reference="PCD 301")[0]["paper"]
    return {"dashboard": "/officer/", "published": f"/officer/papers/{paper}/published",
            "history": f"/officer/papers/{paper}/audit", "releases": "/officer/releases/",
            "users": "/officer/users"}


def test_every_officer_table_scrolls_inside_its_box(admin, pages_with_tables):
    assert set(pages_with_tables) == set(TABLE_PAGES)
    for name, url in pages_with_tables.items():
        response = admin.get(url)
        assert response.status_code == 200, (name, response.status_code)
        tables = _tables(response.get_data(as_text=True))
        assert tables, f"{name}: no table rendered, so nothing was checked"
        assert all(tables), f"{name}: {tables.count(False)} of {len(tables)} tables are not in a .table-scroll box"


class _Tables(HTMLParser):
    """For each ``<table>`` of a page, in order: whether it sits inside an element of class ``table-scroll``."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []  # (tag, has class table-scroll) of the elements open here
        self.tables: list[bool] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(any(scroll for _, scroll in self.open))
        if tag not in self.VOID:
            self.open.append((tag, "table-scroll" in (dict(attrs).get("class") or "").split()))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass


def _tables(html: str) -> list[bool]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def test_the_scroll_box_scrolls_sideways(app):
    response = app.test_client().get("/static/officer.css")
    assert response.status_code == 200
    rule = re.search(r"\.table-scroll\s*\{([^}]*)\}", response.get_data(as_text=True))
    assert rule and re.search(r"overflow-x:\s*auto", rule[1])


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
