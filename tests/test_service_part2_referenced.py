"""A Part 2 the paper names ("exempt by section 43(2)") but that is not in the uploaded file.

It is recorded as a withheld Part 2 without a file: the public page, list filter, feed and API say it is
withheld and why, with the officer's dates; there is never a download for it, and the clock sends it to
the officers' review queue instead of "releasing" a file that does not exist.
"""

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from service.domain.release import release_due
from service.domain.models import Paper
from tests.conftest import post_form
from tests.test_service_flow import paper_row, review_form, upload

PAPER = Path(__file__).parent / "fixtures" / "pdf" / "seed_pcd726.libreoffice.pdf"


def publish(client, app, **changes) -> Paper:
    upload(client, app, PAPER.read_bytes())
    assert paper_row(app).analysis["part2"]["in_file"] is False
    form = review_form(client, then="save", **changes)
    assert post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review").status_code == 303
    r = post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review")
    assert r.status_code == 303, r.get_data(as_text=True)
    return paper_row(app)


@pytest.mark.parametrize("changes, words, release_on", [
    ({}, "Part 2 is withheld under section 43 (commercial interests) and is not published here", None),
    ({"release_on": "2031-05-01"},
     "Part 2 is withheld under section 43 (commercial interests) until 1 May 2031 and is not published here",
     "2031-05-01"),
])
def test_a_referenced_part2_is_recorded_withheld_and_never_downloadable(client, app, redact_available, changes,
                                                                      words, release_on):
    paper = publish(client, app, **changes)
    p2 = paper.part(2)
    assert p2 is not None and p2.state == "withheld" and not p2.in_file and p2.file_key is None and p2.size == 0
    assert p2.exemptions[0]["section"] == "43"
    assert p2.release_on == (date.fromisoformat(release_on) if release_on else None)

    anonymous = app.test_client()
    page = anonymous.get(f"/decisions/{paper.slug}").get_data(as_text=True)
    assert words in page and "There is no Part 2" not in page
    assert "part2.pdf" not in page
    assert anonymous.get(f"/decisions/{paper.slug}/part2.pdf").status_code == 404

    listing = anonymous.get("/?part2=withheld").get_data(as_text=True)
    assert f"/decisions/{paper.slug}" in listing
    assert f"/decisions/{paper.slug}" not in anonymous.get("/?part2=none").get_data(as_text=True)

    body = anonymous.get(f"/api/v1/decisions/{paper.slug}").get_json()
    assert body["part2"]["state"] == "withheld" and body["part2"]["in_file"] is False
    assert body["part2"]["release_on"] == release_on and "url" not in body["part2"]
    assert body["part2"]["status"] == words


def test_the_clock_sends_a_referenced_part2_to_review_not_to_released(client, app, redact_available):
    paper = publish(client, app, release_on="2031-05-01")
    with app.extensions["foia.db"].session() as db:
        changed = release_due(datetime(2031, 5, 2, 12, tzinfo=timezone.utc), session=db)
    assert changed == [paper.part(2).id]
    assert paper_row(app).part(2).state == "review"
    anonymous = app.test_client()
    page = anonymous.get(f"/decisions/{paper.slug}").get_data(as_text=True)
    assert "under review" in page and "part2.pdf" not in page
    assert anonymous.get(f"/decisions/{paper.slug}/part2.pdf").status_code == 404
