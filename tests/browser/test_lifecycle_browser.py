"""After publication in a real browser: the officer opens the redaction schedule, uploads a corrected
version, reviews and publishes it (the public page says "Updated on …"), then withdraws the decision
(the public page answers 410 with the notice). Screenshots go to tests/artefacts/."""

import io
import re

from playwright.sync_api import expect

from tests.conftest import PASSWORD, make_token
from tests.test_lifecycle import NOTE, V1, V2

REASON = "Published in error: the grant was not approved by the board."


def test_schedule_correct_and_withdraw(app, officer, live_server, page, shot, tmp_path, redact_available):
    client, token = app.test_client(), make_token(app)
    auth = {"Authorization": f"Bearer {token}"}
    first = client.post("/api/v1/papers", headers=auth, data={"file": (io.BytesIO(V1), "v1.pdf")},
                        content_type="multipart/form-data").json["id"]
    assert client.post(f"/api/v1/papers/{first}/publish", headers=auth, json={}).status_code == 200
    corrected = tmp_path / "PCD 921 corrected.pdf"
    corrected.write_bytes(V2)

    page.goto(f"{live_server}/officer/papers/{first}/published")
    page.get_by_label("E-mail address").fill(officer["email"])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/published$"))
    expect(page.get_by_role("heading", name="Versions")).to_be_visible()
    page.get_by_role("link", name="Open the printable schedule").click()
    schedule = page.locator("table#schedule")
    expect(schedule.get_by_role("cell", name="Priya Castellane")).to_be_visible()
    expect(schedule.get_by_role("cell", name="020 7946 0311")).to_be_visible()
    shot(page, "lifecycle-01-schedule", full_page=True)
    page.go_back()

    page.get_by_label("Corrected PDF").set_input_files(str(corrected))
    page.get_by_label(re.compile("What was corrected")).fill(NOTE)
    shot(page, "lifecycle-02-correct")
    page.get_by_role("button", name="Upload the correction").click()
    page.wait_for_url(re.compile(r"/review$"))
    expect(page.locator("#correction-banner").get_by_text("Version 2: a correction")).to_be_visible()
    shot(page, "lifecycle-03-review-v2")
    page.get_by_role("button", name="Save and preview").click()
    page.wait_for_url(re.compile(r"/preview$"))
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(r"/published$"))
    expect(page.locator("#versions").get_by_text("Superseded")).to_be_visible()
    public = page.context.new_page()
    public.goto(f"{live_server}/decisions/pcd-921")
    expect(public.locator("#updates").get_by_text(NOTE)).to_be_visible()
    shot(public, "lifecycle-04-public-updated")

    page.get_by_label("Reason (public)").fill(REASON)
    page.get_by_label(re.compile("I understand")).check()
    page.get_by_role("button", name="Withdraw").click()
    expect(page.locator("#withdrawn-banner").get_by_text(re.compile("was withdrawn on"))).to_be_visible()
    shot(page, "lifecycle-05-withdrawn-officer")

    # The page was cached for up to 5 minutes by the browser that saw it (max-age=300, as documented); a
    # visitor without that copy, or a revalidation, gets the 410 at once.
    fresh = page.context.browser.new_context().new_page()
    response = fresh.goto(f"{live_server}/decisions/pcd-921")
    assert response.status == 410
    assert public.reload().status == 410
    expect(public.locator("#withdrawn-notice").get_by_text(re.compile("This decision was withdrawn on"))).to_be_visible()
    expect(public.get_by_text(REASON)).to_be_visible()
    shot(public, "lifecycle-06-public-withdrawn")
