"""A Part 2 the analysis did not recognise (its heading is a picture): the officer marks where it starts.

Publication then stores the exemptions and the release date the Part 2 text gives after that start (read
by the redaction report with the structure reader), not an undated Part 2 with no exemption.
"""

from datetime import date
from pathlib import Path

from tests.conftest import post_form
from tests.test_service_flow import paper_row, review_form, upload

PAPER = Path(__file__).parent / "structure_pdfs" / "markings" / "image_heading_officer_start.pdf"


def test_officer_start_stores_the_exemptions_and_release_date_read_after_it(client, app, redact_available):
    upload(client, app, PAPER.read_bytes())
    analysis = paper_row(app).analysis
    assert analysis["part2"] is None and "part2_start" in analysis["needs_confirmation"]
    form = review_form(client, then="save", part2_mode="custom", part2_page="1", part2_y="690")
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    r = post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review")
    assert r.status_code == 303, r.get_data(as_text=True)
    p2 = paper_row(app).part(2)
    assert p2.state == "withheld" and p2.release_on == date(2031, 6, 30)
    assert [e["section"] for e in p2.exemptions] == ["43"]
    assert "Swiftvial" not in paper_row(app).part(1).text


def test_the_officers_own_release_date_wins(client, app, redact_available):
    upload(client, app, PAPER.read_bytes())
    form = review_form(client, then="save", part2_mode="custom", part2_page="1", part2_y="690",
                       release_on="2032-01-31")
    post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review")
    assert paper_row(app).part(2).release_on == date(2032, 1, 31)
