"""A visitor in a real browser (Debian's chromium), at desktop and mobile widths: searches, opens a decision,
sees what is withheld and until when, downloads Part 1. axe-core checks every page it sees (no violation
of any rule), the CSP is kept (no violation reported by the browser), screenshots go to tests/artefacts/.

The decision downloaded is published through the real path (upload → analysis → publish with redaction);
the others, there to make the list long enough to search and page through, are inserted directly.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone

import pytest

from service.web.public.assets import ROOT
from playwright.sync_api import expect

from tests.conftest import need, part2_paper, post_form, sign_in, add_user
from tests.public_data import Spec, add_many

AXE = ROOT / "build" / "frontend" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 740}}


@pytest.fixture
def site(app, redact_available):
    add_user(app)
    officer = app.test_client()
    sign_in(officer)
    post_form(officer, "/officer/upload", {"file": (io.BytesIO(part2_paper(until="30/09/2027")), "p.pdf")},
              page="/officer/upload", content_type="multipart/form-data")
    app.extensions["foia.worker"].drain()
    assert post_form(officer, "/officer/papers/1/publish", page="/officer/papers/1/review").status_code == 303
    t0 = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)
    add_many(app, [Spec(f"PCD {700 + n}", title, published=t0 + timedelta(days=9 * n), part2=part2,
                        release_on=t0.date() + timedelta(days=400 + n) if part2 == "withheld" else None,
                        summary="Approval of spending on a policing programme.")
                   for n, (title, part2) in enumerate([("Violence against women and girls fund", "withheld"),
                                                       ("Body worn video renewal", None),
                                                       ("Estates disposal: former station", "released")] * 8)])
    return app


@pytest.fixture(params=list(VIEWPORTS))
def visitor(request, browser):
    need(AXE.is_file(), f"{AXE} is missing (make install builds it)")
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="en-GB", accept_downloads=True,
                                  is_mobile=request.param == "mobile", has_touch=request.param == "mobile")
    context.add_init_script(path=str(AXE))  # injected by the browser, so the page's CSP still applies
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield request.param, page, problems
    context.close()


def check_axe(page, label: str) -> None:
    # WCAG 1.4.10 reflow: nothing wider than the window, at 375 CSS pixels too
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{label} scrolls sideways"
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], f"axe-core on {label}: {violations}"


def test_visitor_finds_reads_and_downloads_a_decision(site, live_server, visitor, shot, tmp_path):
    width, page, problems = visitor
    name = f"public-{width}"

    page.goto(live_server + "/")
    expect(page.get_by_role("heading", level=1, name="Published decisions")).to_be_visible()
    expect(page.get_by_text("25 decisions")).to_be_visible()
    check_axe(page, "the list")
    shot(page, f"{name}-01-list", full_page=True)

    page.get_by_label("Search decisions").fill("interpreting")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"\?q=interpreting"))
    expect(page.get_by_text("1 decision matching ‘interpreting’")).to_be_visible()
    check_axe(page, "the search results")
    shot(page, f"{name}-02-search", full_page=True)

    page.get_by_role("link", name="Contract for custody interpreting services").click()
    page.wait_for_url(re.compile(r"/decisions/pcd-912$"))
    expect(page.get_by_role("heading", level=1, name="Contract for custody interpreting services")).to_be_visible()
    # the summary row gives the short status, linked to the Part 2 section, which says why once
    assert page.locator("#part2-status").inner_text() == "Part 2 withheld until 30 September 2027"
    expect(page.get_by_text("section 43 (commercial interests)").first).to_be_visible()
    assert page.get_by_text("items were removed from Part 1").is_visible() or \
        page.get_by_text("item was removed from Part 1").is_visible()
    check_axe(page, "the decision page")
    shot(page, f"{name}-03-decision", full_page=True)

    link = page.get_by_role("link", name="Download Part 1 of PCD 912 (PDF)")
    expect(page.get_by_text(re.compile(r"PDF, \d+ KB, 1 page"))).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "pcd-912-part1.pdf"
    saved = tmp_path / "part1.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF") and b"Northgate" not in saved.read_bytes()
    assert page.get_by_role("link", name=re.compile("Download Part 2")).count() == 0

    page.goto(live_server + "/?part2=released&page=1")
    expect(page.get_by_text("8 decisions (released)")).to_be_visible()
    page.get_by_role("link", name="Estates disposal: former station").first.click()
    assert page.locator("#part2-status").inner_text() == "Part 2 released"  # the section below says when
    expect(page.locator(".app-download .govuk-tag--green").first).to_contain_text("Released on ")
    check_axe(page, "a decision with Part 2 released")
    shot(page, f"{name}-04-released", full_page=True)

    page.goto(live_server + "/?page=2")
    expect(page.get_by_role("navigation", name="Results pages")).to_be_visible()
    check_axe(page, "page 2 of the list")
    shot(page, f"{name}-05-page-2", full_page=True)

    response = page.goto(live_server + "/decisions/pcd-404")
    expect(response.status == 404 and page.get_by_role("heading", name="Page not found")).to_be_visible()
    check_axe(page, "the 404 page")
    shot(page, f"{name}-06-not-found")

    page.goto(live_server + "/?q=nothing+matches+this")
    expect(page.get_by_text("No published decision matches your search.")).to_be_visible()
    check_axe(page, "an empty search")

    problems = [p for p in problems if "404" not in p]  # the 404 page itself is logged by the browser
    assert problems == [], problems  # no CSP violation, no script error
