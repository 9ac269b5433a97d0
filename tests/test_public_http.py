"""HTTP done right on the public site: validators and caching on every page and download (304 on
If-None-Match / If-Modified-Since), clean attachment names, security headers, styled error pages."""

import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from service.domain.release import release_due
from service.web.public import queries as public_queries
from service.domain.models import Part
from service.web.public.pages import download_name
from service.web.public.assets import DEFAULT_DIR
from tests.conftest import need
from tests.public_data import Spec, add

PUBLIC_URLS = ["/", "/?q=contract&part2=withheld", "/decisions/pcd-956", "/decisions/pcd-956/part1.pdf",
               "/decisions/pcd-957/part2.pdf", "/feed.atom", "/releases.ics", "/api/v1/decisions",
               "/api/v1/decisions/pcd-956"]


@pytest.fixture
def site(app):
    add(app, Spec("PCD 956", "Contract for custody interpreting", part2="withheld", release_on=date(2099, 9, 30)))
    add(app, Spec("PCD 957", "Youth project", part2="released", release_on=date(2025, 4, 1)))
    return app.test_client()


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_validators_and_cache_control_then_304(site, url):
    first = site.get(url)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert first.cache_control.public and first.cache_control.max_age >= 60
    if url != "/releases.ics":  # upcoming releases change with the date, not only with the data
        assert first.headers["Last-Modified"]
    again = site.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag and again.cache_control.max_age == first.cache_control.max_age
    assert site.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200
    if "Last-Modified" in first.headers:
        assert site.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 304


def test_each_search_has_its_own_etag(site):
    assert site.get("/?q=contract").headers["ETag"] != site.get("/?q=youth").headers["ETag"]


def test_a_release_changes_the_pages_etag(app, site):
    urls = ["/", "/decisions/pcd-956", "/feed.atom", "/api/v1/decisions"]
    before = {url: site.get(url).headers["ETag"] for url in urls}
    assert site.get("/decisions/pcd-956/part2.pdf").status_code == 404
    with app.extensions["foia.db"].session() as db:
        part = db.scalars(select(Part).where(Part.number == 2, Part.state == "withheld")).one()
        part.release_on = date(2025, 1, 1)
        db.commit()
        assert release_due(datetime.now(timezone.utc), session=db)
    for url in urls:
        response = site.get(url, headers={"If-None-Match": before[url]})
        assert response.status_code == 200 and response.headers["ETag"] != before[url], url
    assert site.get("/decisions/pcd-956/part2.pdf").status_code == 200


def test_an_unchanged_page_is_not_rendered_again(site, monkeypatch):
    etag = site.get("/").headers["ETag"]
    monkeypatch.setattr(public_queries, "find", lambda *a: pytest.fail("rendered although not modified"))
    assert site.get("/", headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("url, name", [("/decisions/pcd-956/part1.pdf", "pcd-956-part1.pdf"),
                                       ("/decisions/pcd-957/part2.pdf", "pcd-957-part2.pdf")])
def test_downloads_are_pdf_attachments_with_a_clean_name(site, url, name):
    response = site.get(url)
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    assert response.headers["Content-Disposition"] == f"attachment; filename={name}"
    assert response.headers["Accept-Ranges"] == "bytes"
    partial = site.get(url, headers={"Range": "bytes=0-3"})
    assert partial.status_code == 206 and partial.data == b"%PDF"


@pytest.mark.parametrize("slug, number, expected", [
    ("pcd-956", 1, "pcd-956-part1.pdf"),
    ("PCD 956/../x", 2, "pcd-956-x-part2.pdf"),
    ('a"b\r\nc', 1, "a-b-c-part1.pdf"),
    ("", 1, "decision-part1.pdf"),
])
def test_download_name(slug, number, expected):
    assert download_name(slug, number) == expected


@pytest.mark.parametrize("url", [*PUBLIC_URLS, "/decisions/nope", "/nothing-here"])
def test_security_headers(site, url):
    h = site.get(url).headers
    csp = h["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert h["X-Content-Type-Options"] == "nosniff" and h["Referrer-Policy"] == "same-origin"
    assert h["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", ["/", "/decisions/pcd-956", "/decisions/pcd-957", "/nothing-here"])
def test_pages_have_no_inline_script_or_style(site, url):
    html = site.get(url).get_data(as_text=True)
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/assets/' in attrs and not body.strip() for attrs, body in scripts)
    assert " style=" not in html and "<style" not in html and " on" + "click=" not in html


def test_not_found_pages_share_the_public_style_and_are_cached_briefly(site):
    for url in ["/nothing-here", "/decisions/nope", "/decisions/pcd-956/part2.pdf"]:
        response = site.get(url)
        assert response.status_code == 404
        assert 'class="govuk-template"' in response.get_data(as_text=True)
        assert response.headers["Cache-Control"] == "public, max-age=60"
    api = site.get("/api/v1/decisions/nope")
    assert api.status_code == 404 and api.json == {"error": "no published decision has that slug"}


def test_errors_show_the_public_page_and_are_never_cached(site, monkeypatch):
    def broken(*args):
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(public_queries, "find", broken)
    response = site.get("/?q=x")
    assert response.status_code == 500 and response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert "govuk-template" in html and "Something went wrong" in html and "fire" not in html


def test_officer_errors_keep_the_officer_layout(client):
    html = client.get("/officer/papers/999").get_data(as_text=True)
    assert "govuk-template" not in html and "officer.css" in html
    assert "public" not in client.get("/officer/papers/999").headers.get("Cache-Control", "")


def test_assets_are_built_from_the_package_and_served_for_a_year(site):
    need((Path(DEFAULT_DIR) / "public.css").is_file(), "public assets not built (make install)")
    html = site.get("/").get_data(as_text=True)
    css_url = re.search(r'href="(/assets/public\.css\?v=[0-9a-f]{12})"', html).group(1)
    css = site.get(css_url)
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert css.cache_control.max_age == 31536000 and css.cache_control.immutable
    body = css.get_data(as_text=True)
    assert ".govuk-button" in body and ".govuk-pagination" in body
    assert "GDS Transport" not in body and "@font-face" not in body  # not a GOV.UK service: system fonts
    js = site.get(re.search(r'src="(/assets/public\.mjs\?v=\w+)"', html).group(1))
    assert js.status_code == 200 and js.mimetype == "text/javascript" and b"initAll" in js.data
    unversioned = site.get("/assets/govuk-frontend.min.js")  # imported by public.mjs by name
    assert unversioned.status_code == 200 and unversioned.cache_control.max_age == 300
    assert not unversioned.cache_control.immutable and unversioned.headers["ETag"]
    for url in ["/assets/../package.json", "/assets/axe.min.js", "/assets/images/govuk-crest.svg"]:
        assert site.get(url).status_code == 404, url
    assert "crown" not in html.lower() and "govuk-logo" not in html


def test_the_data_version_is_reused_for_a_moment_then_asked_again(make_app, monkeypatch):
    app = make_app(PUBLIC_FINGERPRINT_SECONDS=2)
    add(app, Spec("PCD 956", "Contract", part2="withheld", release_on=date(2099, 9, 30)))
    clock = [1000.0]
    monkeypatch.setattr(public_queries.time, "monotonic", lambda: clock[0])
    c = app.test_client()
    etag = c.get("/").headers["ETag"]
    add(app, Spec("PCD 957", "Youth project"))
    clock[0] += 1.5  # within the window: the same version, a 304 without any query
    assert c.get("/", headers={"If-None-Match": etag}).status_code == 304
    clock[0] += 1.0  # past it: the new decision shows
    response = c.get("/", headers={"If-None-Match": etag})
    assert response.status_code == 200 and "Youth project" in response.get_data(as_text=True)


def test_a_state_change_changes_the_version_even_with_an_old_clock(app, site):
    long_ago = datetime(2000, 1, 1, tzinfo=timezone.utc)
    with app.extensions["foia.db"].session() as db:
        part = db.scalars(select(Part).where(Part.number == 2, Part.state == "withheld")).one()
        part.release_on = date(2025, 1, 1)
        db.commit()
        db.execute(Part.__table__.update().values(updated_at=long_ago))
        db.commit()
        etag = site.get("/").headers["ETag"]
        release_due(datetime(2025, 6, 1, tzinfo=timezone.utc), session=db)
        db.execute(Part.__table__.update().values(updated_at=long_ago))  # the last change is no later than before
        db.commit()
    assert site.get("/", headers={"If-None-Match": etag}).status_code == 200
