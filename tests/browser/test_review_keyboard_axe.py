"""Issue 18 in a real browser (Debian's chromium): an officer reviews and publishes a paper with the keyboard
alone, no mistake loses their work, and axe-core finds nothing on any officer page, at 1280 and 390 px.

One app and one live server for the module (the papers are made once through the real upload, analysis and
publication); the session's one browser. Screenshots go to tests/artefacts/; with FOIA_DOCS_SCREENSHOTS=1
the review page's are also written to docs/images/ (linked from the README).
"""

from __future__ import annotations

import io
import os
import re
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from service.web.public.assets import ROOT
from playwright.sync_api import expect

from tests.conftest import PASSWORD, add_user, need, part2_paper, post_form, sign_in

AXE = ROOT / "build" / "frontend" / "axe.min.js"
DOCS_IMAGES = ROOT / "docs" / "images"
WIDTHS = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}
REVIEW_PAPER = ("Decision – PCD 912\n"
                "Title: Interpreting services for custody suites\n"
                "Executive Summary\n"
                "The contract manager, Jane Hollowell, can be reached on 020 7946 0123.\n"
                "Part 1 of this approval to be deferred? NO\n"
                "Is there a Part 2 form? YES\n"
                "---page---\n"
                "Financial comments\n"
                "The budget was confirmed by Jane Hollowell on 020 7946 0456.\n"
                "---page---\n"
                "Part 2 – Confidential facts and advice\n"
                "The information in this form is not suitable for publication.\n"
                "It is exempt under section 43 (commercial interests) until 01/04/2030.\n"
                "The bid from Northgate Ltd was priced at 1.2 million pounds.\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Papers in every officer state: published with Part 2 due within 14 days (releases with items), one to
    review that shares its reference, one awaiting approval, and one uploaded and not yet analysed."""
    try:
        from redaction.redact import redact  # noqa: F401
    except ImportError:
        need(False, "redaction.redact is not available yet")
    from service.app import create_app
    from service.infra.migrate import upgrade
    from service.domain.models import User
    from service.domain.papers import accept_upload
    from tests.textpdf import text_pdf

    tmp = tmp_path_factory.mktemp("review-browser")
    config = {"ENV": "testing", "DATA_DIR": str(tmp / "data"), "SECRET_KEY": "test-secret",
              "DATABASE_URL": f"sqlite:///{tmp / 'foia.db'}"}
    upgrade(config["DATABASE_URL"])
    app = create_app(config)
    add_user(app)
    client = app.test_client()
    sign_in(client)
    soon = (date.today() + timedelta(days=7)).strftime("%d/%m/%Y")
    for pdf in (part2_paper(until=soon), text_pdf(REVIEW_PAPER), text_pdf(REVIEW_PAPER.replace("912", "930"))):
        post_form(client, "/officer/upload", {"file": (io.BytesIO(pdf), "paper.pdf")}, page="/officer/upload",
                  content_type="multipart/form-data")
        app.extensions["foia.worker"].drain()
    assert post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review").status_code == 303
    with app.test_request_context(), app.extensions["foia.db"].session() as db:
        accept_upload(db, db.get(User, 1), "waiting.pdf", part2_paper(), actor="officer")  # never analysed
    # paper 3 awaits a second officer's approval (FOIA_APPROVAL=two-person while it is asked for)
    app.config["APPROVAL"] = "two-person"
    try:
        post_form(client, "/officer/papers/3/preview", page="/officer/papers/3/review")
        app.extensions["foia.worker"].drain()
        assert post_form(client, "/officer/papers/3/publish", page="/officer/papers/3/preview").status_code == 303
    finally:
        app.config["APPROVAL"] = "off"
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)
    app.extensions["foia.worker"].drain()
    app.extensions["foia.worker"].shutdown()
    app.extensions["foia.db"].dispose()


def officer_page(browser, base: str, width: str):
    need(AXE.is_file(), f"{AXE} is missing (make install builds it)")
    context = browser.new_context(viewport=WIDTHS[width], locale="en-GB", is_mobile=width == "390",
                                  has_touch=width == "390")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_default_timeout(60_000)
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(base + "/sign-in")
    page.get_by_label("E-mail address").fill("officer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/officer/$"))
    return context, page, problems


def check_axe(page, label: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{label} scrolls sideways"
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], f"axe-core on {label}: {violations}"


def test_every_officer_page_state_passes_axe_at_both_widths(site, browser, shot):
    app, base = site
    for width in WIDTHS:
        context, page, problems = officer_page(browser, base, width)
        try:
            for path, label in [("/officer/", "papers"), ("/officer/upload", "upload"),
                                ("/officer/papers/4", "progress"), ("/officer/papers/2/review", "review"),
                                ("/officer/papers/3/review", "awaiting approval"),
                                ("/officer/papers/1/published", "published"), ("/officer/papers/1/audit", "history"),
                                ("/officer/releases/", "releases with items")]:
                page.goto(base + path)
                if label == "progress":
                    page.locator("#progress-text").wait_for()
                if label == "awaiting approval":
                    expect(page.get_by_role("heading", name="Waiting for a second officer's approval")).to_be_visible()
                    assert page.get_by_role("button", name="Discard the paper").count() == 1
                check_axe(page, f"{label} at {width} px")
                shot(page, f"officer-axe-{width}-{label.replace(' ', '-')}")
            page.goto(base + "/officer/releases/")
            assert page.locator("table tbody tr").count() >= 1, "the releases page lists the due Part 2"

            page.goto(base + "/officer/papers/2/review")
            page.locator("figure#page-1 img").evaluate("img => img.decode()")
            # the page images beside the findings (1280), the findings grouped by person (390)
            page.locator(".review-grid" if width == "1280" else "#findings").evaluate("el => el.scrollIntoView()")
            shot(page, f"review-{width}")
            if os.environ.get("FOIA_DOCS_SCREENSHOTS") == "1":
                DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(DOCS_IMAGES / f"review-page-{width}.png"), full_page=False)

            # errors: the page with the error summary and marked fields, every value kept
            page.locator('input[name="part2_mode"][value="custom"]').check()
            page.locator("#part2_page").fill("0")
            page.locator("#add_text").fill("Operation Nightjar")
            page.get_by_role("button", name="Save decisions").click()
            summary = page.locator("#error-summary")
            summary.wait_for()
            # the summary takes the focus (expect polls from Python: the page's CSP forbids the string eval
            # that page.wait_for_function would need once it has to poll)
            expect(summary).to_be_focused()
            expect(summary.get_by_role("link", name=re.compile("Enter a page from 1 to 3"))).to_be_visible()
            assert page.locator("#add_text").input_value() == "Operation Nightjar"
            assert page.locator("#part2_page").get_attribute("aria-invalid") == "true"
            check_axe(page, f"review with errors at {width} px")
            shot(page, f"officer-axe-{width}-review-errors", full_page=True)
            if width == "390":  # Discard works in every unpublished state: here, awaiting approval
                page.goto(base + "/officer/papers/3/review#discard")
                page.get_by_label(re.compile("I want to discard PCD 930")).check()
                page.get_by_role("button", name="Discard the paper").click()
                page.get_by_text("The paper was discarded.").wait_for()
                check_axe(page, "papers after a discard at 390 px")
            assert problems == [], problems
        finally:
            context.close()


def test_review_and_publish_with_the_keyboard_alone(site, browser, shot):
    from playwright.sync_api import expect

    app, base = site
    context, page, problems = officer_page(browser, base, "1280")
    try:
        page.goto(base + "/officer/papers/2/review")
        expect(page.get_by_role("heading", name="Another paper has this reference")).to_be_visible()
        assert page.get_by_role("link", name="discard this one").get_attribute("href") == "#discard"

        # one choice covers every mention of the person; the mentions open one by one
        group = page.locator("li.finding-group", has_text="Jane Hollowell")
        assert group.count() == 1 and "2 mentions, on pages 1 and 2" in group.inner_text()
        keep_all = group.get_by_label("Keep every mention")
        keep_all.focus()
        page.keyboard.press("Space")
        items = group.locator('input[name^="item-"][value="keep"]')
        assert items.count() == 2 and all(items.nth(i).is_checked() for i in range(2))
        assert page.locator("rect.finding.keep").count() >= 2
        # labels in words, never the code's names
        assert "phone_number" not in page.locator("#decisions").inner_text()
        assert "Action for" not in page.content()

        # undo of the last change
        undo = page.get_by_role("button", name=re.compile("^Undo"))
        assert undo.inner_text() == "Undo: keep ‘Jane Hollowell’"  # says what it takes back, verb first
        undo.focus()
        page.keyboard.press("Enter")
        assert all(group.locator('input[name^="item-"][value="redact"]').nth(i).is_checked() for i in range(2))

        # bulk: keep all phone numbers, then undo it
        bulk = page.get_by_role("button", name="Keep all phone numbers (2)")
        bulk.focus()
        page.keyboard.press("Enter")
        phones = page.locator('li.finding-group[data-type="PHONE_NUMBER"] input[value="keep"]:checked')
        assert phones.count() == 2
        undo.focus()
        page.keyboard.press("Enter")
        assert phones.count() == 0

        # a box drawn, moved and sized with keys on a focused page image
        frame = page.locator("figure#page-1 .page-frame")
        frame.focus()
        assert page.evaluate("document.activeElement.dataset.page") == "1"
        for key in ("b", "ArrowRight", "ArrowDown", "Shift+ArrowRight", "Enter"):
            page.keyboard.press(key)
        value = page.locator('input[name="add_box"]').input_value()
        page_no, x0, y0, x1, y1 = (float(v) for v in value.split(","))
        assert page_no == 1 and round(x1 - x0) == 130 and round(y1 - y0) == 20
        expect(page.locator("#page-status")).to_contain_text("Box added on page 1")
        # ... and taken back to be moved and made taller
        page.get_by_role("button", name="Move or resize it with the keyboard").focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.dataset.page") == "1"
        for key in ("ArrowLeft", "Shift+ArrowDown", "Enter"):
            page.keyboard.press(key)
        moved = [float(v) for v in page.locator('input[name="add_box"]').input_value().split(",")]
        assert page.locator('input[name="add_box"]').count() == 1
        assert moved[1] == x0 - 10 and moved[2] == y0 - 10 and moved[4] == y1 and moved[3] == x1 - 10

        # the Part 2 line moved with keys on page 3
        page.locator("figure#page-3 .page-frame").focus()
        for key in ("l", "ArrowUp", "ArrowUp", "Enter"):
            page.keyboard.press(key)
        assert page.locator('input[name="part2_mode"][value="custom"]').is_checked()
        assert page.locator("#part2_page").input_value() == "3"
        # ... or by choosing a line of text
        line = page.locator("#part2_line")
        option = line.locator("option", has_text="Page 3: Part 2").first.get_attribute("value")
        typed_y = page.locator("#part2_y").input_value()
        line.focus()  # arrowing through the list sets nothing until Enter
        for key in ("ArrowDown", "ArrowDown"):
            page.keyboard.press(key)
        assert page.locator("#part2_y").input_value() == typed_y
        page.keyboard.press("Enter")
        browsed = line.input_value()
        assert browsed and page.locator("#part2_y").input_value() == f"{float(browsed.split('|')[1]):.1f}"
        line.select_option(option)  # the mouse's choice applies at once
        assert page.locator("#part2_y").input_value() == f"{float(option.split('|')[1]):.1f}"
        # typing a position afterwards lets the chosen line go (the form would read the line first)
        page.locator("#part2_y").focus()
        page.keyboard.press("End")
        page.keyboard.type("5")
        assert line.input_value() == "" and page.locator("#part2_y").input_value().endswith("5")

        # a text to redact everywhere: its matches drawn on the pages with a count, after saving
        page.locator("#add_text").fill("Northgate Ltd")
        page.get_by_role("button", name="Save decisions").focus()
        page.keyboard.press("Enter")
        notice = page.get_by_text("Your decisions are saved.")
        notice.wait_for(timeout=15_000)
        assert notice.is_visible() and notice.bounding_box()["y"] < 900  # in view, not scrolled away
        expect(page.get_by_text("1 match on page 3")).to_be_visible()
        assert page.locator("figure#page-3 rect.text-match").count() == 1
        shot(page, "officer-review-keyboard-saved", full_page=True)

        # preview: every check publication makes runs here too (this reference is published already), so
        # no Publish button is offered for a paper publication would refuse; the page reloads (no 405)
        page.get_by_role("button", name="Save and preview").focus()
        page.keyboard.press("Enter")
        page.get_by_role("link", name="Open Part 1 (PDF)").wait_for()
        problem = page.locator("#error-summary")
        assert "PCD 912 is already published (pcd-912)" in problem.inner_text()
        assert page.get_by_role("button", name="Publish").count() == 0
        assert page.reload().status == 200
        assert page.get_by_text("You changed the decisions since this preview").count() == 0
        check_axe(page, "a preview with a problem")
        problem.get_by_role("link").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/review#reference$"))
        page.locator("#reference").fill("PCD 918")
        page.get_by_role("button", name="Save and preview").focus()
        page.keyboard.press("Enter")
        publish = page.get_by_role("button", name="Publish")
        publish.wait_for()
        assert page.reload().status == 200
        assert page.get_by_text("You changed the decisions since this preview").count() == 0
        check_axe(page, "the preview")
        shot(page, "officer-review-keyboard-preview", full_page=True)
        publish.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith("/published"), page.locator("main").inner_text()
        assert problems == [], problems
    finally:
        context.close()
    with app.extensions["foia.db"].session() as db:
        from service.domain.models import Paper

        paper = db.get(Paper, 2)
        assert paper.state == "published" and paper.decisions["redact_texts"] == ["Northgate Ltd"]
        assert paper.decisions["part2_start"]["page"] == 3 and len(paper.decisions["boxes"]) == 1
