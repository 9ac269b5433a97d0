"""Two-person approval in a real browser: one officer asked (through the API), the second opens the review page,
sees the files waiting for approval, opens Part 1 and approves; the paper is public afterwards. Screenshots go
to tests/artefacts/."""

from __future__ import annotations

import io
import re

import pytest

from playwright.sync_api import expect

from tests.conftest import PASSWORD, add_user, make_token, part2_paper


@pytest.fixture
def app(make_app):
    """The app with FOIA_APPROVAL=two-person (on each database); live_server serves this one."""
    return make_app(APPROVAL="two-person")


def test_a_second_officer_approves_on_the_review_page(app, live_server, page, shot, redact_available):
    add_user(app, "asker@example.org")
    add_user(app, "approver@example.org")
    api = app.test_client()
    headers = {"Authorization": f"Bearer {make_token(app, 'asker@example.org')}"}
    r = api.post("/api/v1/papers", headers=headers, content_type="multipart/form-data",
                 data={"file": (io.BytesIO(part2_paper(until="01/04/2030")), "p.pdf")})
    paper = r.json["id"]
    assert api.post(f"/api/v1/papers/{paper}/publish", headers=headers).status_code == 202

    page.goto(f"{live_server}/officer/papers/{paper}/review")
    page.get_by_label("E-mail address").fill("approver@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/review$"))
    panel = page.locator("section#approval")
    expect(panel.get_by_role("heading", name="Waiting for a second officer's approval")).to_be_visible()
    expect(panel.get_by_text("asker@example.org")).to_be_visible()
    part1 = panel.get_by_role("link", name="Part 1 (PDF)")
    pdf = page.request.get(live_server + part1.get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    shot(page, "approval-01-review", full_page=False)

    panel.get_by_role("button", name="Approve and publish").click()
    page.wait_for_url(re.compile(r"/published$"))
    expect(page.get_by_role("heading", name=re.compile("is published"))).to_be_visible()
    expect(page.get_by_text("You approved the paper")).to_be_visible()
    shot(page, "approval-02-published")
    assert page.request.get(f"{live_server}/decisions/pcd-912").ok
