"""An officer's whole job in a real browser: sign in → upload → review (toggle, add a text, draw a box)
→ preview → publish. Screenshots of each step go to tests/artefacts/."""

import re

from playwright.sync_api import expect

from tests.conftest import PASSWORD, part2_paper


def test_sign_in_upload_review_publish(app, officer, live_server, page, shot, tmp_path, redact_available):
    paper = tmp_path / "PCD 912 interpreting contract.pdf"
    paper.write_bytes(part2_paper(until="01/04/2030"))

    page.goto(live_server + "/officer/")
    assert page.url.endswith("/sign-in?next=/officer/")
    page.get_by_label("E-mail address").fill(officer["email"])
    page.get_by_label("Password").fill(PASSWORD)
    shot(page, "officer-01-sign-in")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Papers")).to_be_visible()
    page.get_by_role("link", name="Upload a paper").click()
    page.get_by_label(re.compile("Decision paper")).set_input_files(str(paper))
    shot(page, "officer-02-upload")
    page.get_by_role("button", name="Upload and analyse").click()
    page.wait_for_url(re.compile(r"/review$"))  # the progress page reloads itself when done
    expect(page.get_by_role("heading", name=re.compile("Contract for custody interpreting"))).to_be_visible()
    page.locator("figure#page-1 img").evaluate("img => img.decode()")
    shot(page, "officer-03-review", full_page=True)

    row = page.locator("li.finding-group", has_text="Jane Hollowell")
    row.get_by_label("Keep").check()
    assert "keep" in row.get_attribute("class")
    item = row.get_attribute("data-item")
    assert "keep" in page.locator(f'rect.finding[data-item="{item}"]').first.get_attribute("class")
    page.get_by_label("A text to redact everywhere it occurs").fill("Northgate Ltd")

    svg = page.locator("figure#page-1 svg.overlay")
    box = svg.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] * 0.55, steps=5)
    page.mouse.up()
    assert page.locator('input[name="add_box"]').count() == 1
    shot(page, "officer-04-review-changed")

    page.get_by_role("button", name="Save and preview").click()
    page.wait_for_url(re.compile(r"/preview$"))
    page.get_by_role("button", name="Publish").wait_for()
    shot(page, "officer-05-preview")

    with app.extensions["foia.db"].session() as db:
        from service.domain.models import Paper

        decisions = db.get(Paper, 1).decisions
    assert decisions["redact_texts"] == ["Northgate Ltd"] and len(decisions["boxes"]) == 1
    assert list(decisions["items"].values()) == ["keep"]

    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(r"/published$"))
    expect(page.get_by_role("heading", name=re.compile("is published"))).to_be_visible()
    expect(page.get_by_text("/decisions/pcd-912")).to_be_visible()
    shot(page, "officer-06-published")

    page.get_by_role("link", name="History of this paper").click()
    expect(page.get_by_role("cell", name="Published", exact=True)).to_be_visible()
    assert "Hollowell" not in page.content() and "Northgate" not in page.content()
    shot(page, "officer-07-history")
