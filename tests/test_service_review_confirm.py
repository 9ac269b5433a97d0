"""A paper whose analysis needs the officer's confirmation (e.g. where Part 2 starts): the review page
says so at the top, next to the Part 2 choice and in the warnings; a preview stopped for a decision
sends the officer back to that part of the form instead of offering a preview that fails again."""

import pytest

from service.domain.models import Paper
from tests.conftest import part2_paper, post_form
from tests.test_service_flow import upload


def analysis(app) -> dict:
    with app.extensions["foia.db"].session() as db:
        return dict(db.get(Paper, 1).analysis)


def set_paper(app, **fields):
    with app.extensions["foia.db"].session() as db:
        paper = db.get(Paper, 1)
        for name, value in fields.items():
            setattr(paper, name, value)
        db.commit()


def test_confirmation_needed_is_shown_first_and_next_to_the_part2_choice(client, app, part2_pdf):
    upload(client, app, part2_pdf)
    set_paper(app, analysis={**analysis(app), "needs_confirmation": ["part2_start"]})
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    confirm, grid = html.index('id="confirm"'), html.index('class="review-grid"')
    choice = html.index('id="part2-choice"')
    assert confirm < grid < choice  # at the top of the form, before the pages
    assert 'name="confirm_part2_start"' in html[confirm:grid]
    assert "not sure where Part 2 starts" in html[choice:]
    assert html.index('href="#confirm"') < confirm  # linked from the warnings


def test_no_confirmation_box_when_nothing_needs_it(client, app, part2_pdf):
    upload(client, app, part2_pdf)
    set_paper(app, analysis={**analysis(app), "needs_confirmation": []})
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert 'id="confirm"' not in html and "not sure where Part 2 starts" not in html


@pytest.mark.parametrize("code, back_to_form", [("decision_needed", True), ("leak", False)])
def test_a_preview_stopped_for_a_decision_links_back_to_the_form(client, app, part2_pdf, code, back_to_form):
    upload(client, app, part2_pdf)
    set_paper(app, preview={"state": "failed", "decisions_hash": "x", "code": code, "error": "Stopped."})
    html = client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert ("/officer/papers/1/review#confirm" in html) is back_to_form
    assert ("Preview again" in html) is not back_to_form


@pytest.mark.parametrize("release_on, words", [
    ("2020-04-01", "Will be released as soon as the paper is published (the exemption ended on 1 April 2020)"),
    ("2090-04-01", "Withheld until 1 April 2090."),
])
def test_preview_says_a_past_release_date_releases_part2_at_publication(client, app, part2_pdf, release_on, words):
    upload(client, app, part2_pdf)
    set_paper(app, decisions={"release_on": release_on},
              preview={"state": "ready", "decisions_hash": "x", "part1_pages": 1, "part2_pages": 1,
                       "part1_size": 10, "part2_size": 10,
                       "redactions": {"part1": {"total": 0}, "part2": {"total": 0}}})
    html = client.get("/officer/papers/1/preview").get_data(as_text=True)
    assert words in html


def test_a_deferred_paper_is_announced_as_scheduled_without_a_public_link(client, app, redact_available):
    upload(client, app, part2_paper(deferred="28/02/2090"))
    assert post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review").status_code == 303
    html = client.get("/officer/papers/1/published").get_data(as_text=True)
    assert "is scheduled for publication on 28 February 2090" in html and "is published" not in html
    assert 'href="/decisions/' not in html


def test_a_published_paper_links_its_public_page(client, app, redact_available):
    upload(client, app, part2_paper())
    assert post_form(client, "/officer/papers/1/publish", page="/officer/papers/1/review").status_code == 303
    html = client.get("/officer/papers/1/published").get_data(as_text=True)
    assert "is published" in html and 'href="/decisions/pcd-912"' in html


def test_review_warns_when_another_paper_has_the_same_reference(client, app, part2_pdf):
    upload(client, app, part2_pdf)
    html = client.get("/officer/papers/1/review").get_data(as_text=True)
    assert "Another paper has this reference" not in html
    upload(client, app, part2_pdf, name="again.pdf")
    html = client.get("/officer/papers/2/review").get_data(as_text=True)
    assert "Another paper has this reference" in html and 'href="/officer/papers/1"' in html
    assert "not published" in html


@pytest.mark.parametrize("concerns, changes, refused", [
    (["part2_start"], {}, True),                                   # the preview would fail: refused at submit
    (["part2_start"], {"confirm_part2_start": "1"}, False),
    (["part2_start"], {"part2_mode": "none"}, False),              # a choice of where Part 2 starts settles it
    (["image_pages"], {}, True),
    (["image_pages"], {"confirm_image_pages": "1"}, False),
    ([], {}, False),
])
def test_save_and_preview_with_a_confirmation_missing_is_refused_at_submit(client, app, part2_pdf, concerns,
                                                                           changes, refused):
    from tests.test_service_flow import paper_row, review_form

    upload(client, app, part2_pdf)
    set_paper(app, analysis={**analysis(app), "needs_confirmation": concerns})
    form = review_form(client, then="preview", **changes)
    r = post_form(client, "/officer/papers/1/review", form, page="/officer/papers/1/review")
    assert (r.status_code == 400) is refused
    html = r.get_data(as_text=True)
    if refused:
        assert 'href="#confirm"' in html and 'id="confirm-error"' in html and "before the preview" in html
        assert paper_row(app).preview is None and not paper_row(app).decisions  # no job, nothing saved
    else:
        assert r.headers["Location"].endswith("/officer/papers/1/preview") and paper_row(app).preview


def test_save_without_preview_keeps_an_unconfirmed_choice(client, app, part2_pdf):
    from tests.test_service_flow import paper_row, review_form

    upload(client, app, part2_pdf)
    set_paper(app, analysis={**analysis(app), "needs_confirmation": ["part2_start"]})
    r = post_form(client, "/officer/papers/1/review", review_form(client), page="/officer/papers/1/review")
    assert r.status_code == 303 and paper_row(app).decisions is not None
